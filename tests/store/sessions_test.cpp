#include "store/sessions.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "codec/json.hpp"
#include "proto/event_check.hpp"
#include "proto/push_body.hpp"
#include "store/drafts.hpp"
#include "store/internal/database.hpp"
#include "store/event_log.hpp"
#include "store/households.hpp"
#include "store/outbox.hpp"
#include "store/users.hpp"
#include "support/fixtures.hpp"
#include "support/sample_household.hpp"
#include "support/store_events.hpp"

using namespace pekon;
using test::eventsOf;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;

struct Fixture {
    std::string path = test::tempPath("sessions.db");
    std::unique_ptr<Store> store;
    User user;
    Fixture() {
        auto s = Store::open(path);
        REQUIRE(s.ok());
        store = std::move(s.value());
        auto u = createUser(*store, "Rina Marlina", Role::supervisor, "428195", "", kNow);
        REQUIRE(u.ok());
        user = *u;
    }
    WriteContext ctx(UnixSeconds later = 0) const { return {user.id, kNow + later, test::kToday}; }
};

SessionPlan plan() {
    SessionPlan p;
    p.village_code = "18.06.01.2016";
    p.place = "Balai Pekon";
    p.date = "2026-11-22";
    p.time = "09:00";
    p.method = "penyuluhan";
    p.topic = "benefits";
    p.facilitators = {"Rina Marlina", "Dewi Lestari"};
    p.partners = {"puskesmas", "kader"};
    return p;
}

std::string heldSession(Fixture& f) {
    auto id = planSession(*f.store, plan(), test::assets().materials, test::regions(), f.ctx());
    REQUIRE(id.ok());
    REQUIRE(holdSession(*f.store, *id, f.ctx(60)).ok());
    return *id;
}

// Every event the device wrote passes the hub's own check of the protocol.
void checkHubAccepts(Store& store) {
    auto all = readEvents(store, 0, 10'000);
    REQUIRE(all.ok());
    for (const WireEvent& w : toWire(*all)) {
        INFO(w.type << " " << w.data.dump());
        CHECK_FALSE(checkEvent(w).has_value());
    }
}

HouseholdInput household(const std::string& kk, const std::string& head_nik,
                         const std::string& head_name) {
    HouseholdInput h;
    h.kk_number = kk;
    h.village_code = "18.06.01.2016";
    h.address = "Jl. Merdeka No. 12";
    h.members = {{head_nik, head_name, "1980-05-15", "M", "head", "PBPU", "3"}};
    return h;
}

std::vector<std::optional<int>> answersWithRight(const Quiz& quiz, int right) {
    std::vector<std::optional<int>> out;
    for (size_t i = 0; i < quiz.questions.size(); ++i) {
        const int a = quiz.questions[i].answer;
        const int wrong = (a + 1) % static_cast<int>(quiz.questions[i].choices.size());
        out.push_back(static_cast<int>(i) < right ? a : wrong);
    }
    return out;
}

}  // namespace

TEST_CASE("sessions: planning writes a local row; holding writes session.held once") {
    Fixture f;
    FieldErrors errors;
    SessionPlan bad = plan();
    bad.topic.clear();
    auto refused =
        planSession(*f.store, bad, test::assets().materials, test::regions(), f.ctx(), &errors);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "session_topic_missing");
    REQUIRE(errors.size() == 1);

    auto id = planSession(*f.store, plan(), test::assets().materials, test::regions(), f.ctx());
    REQUIRE(id.ok());
    CHECK(eventsOf(*f.store, event_type::session_held).empty());
    auto found = findSession(*f.store, *id);
    REQUIRE(found.ok());
    REQUIRE(*found);
    CHECK((*found)->state == SessionState::planned);
    CHECK((*found)->plan.facilitators == plan().facilitators);
    CHECK((*found)->plan.partners == plan().partners);

    // Attendance waits for the session to start.
    auto early = recordAttendance(*f.store, *id, {"", "Ibu Sari", ""}, test::regions(), f.ctx());
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == "session_not_held");

    REQUIRE(holdSession(*f.store, *id, f.ctx(600)).ok());
    auto again = holdSession(*f.store, *id, f.ctx(700));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == "session_already_held");
    const auto held = eventsOf(*f.store, event_type::session_held);
    REQUIRE(held.size() == 1);
    auto data = parseJson(held[0].data);
    REQUIRE(data.ok());
    CHECK((*data)["session_id"] == *id);
    CHECK((*data)["village_code"] == "18.06.01.2016");
    CHECK((*data)["method"] == "penyuluhan");
    CHECK((*data)["topic"] == "benefits");
    CHECK((*data)["started_at"] == formatRfc3339(kNow + 600));
    CHECK((*data)["facilitators"].size() == 2);
    CHECK(held[0].actor == f.user.id);
    found = findSession(*f.store, *id);
    CHECK((*found)->state == SessionState::held);
    CHECK((*found)->started_at == kNow + 600);
    checkHubAccepts(*f.store);

    // Newest first.
    auto second =
        planSession(*f.store, plan(), test::assets().materials, test::regions(), f.ctx(3600));
    REQUIRE(second.ok());
    auto list = listSessions(*f.store);
    REQUIRE(list.ok());
    REQUIRE(list->size() == 2);
    CHECK((*list)[0].id == *second);
    CHECK((*list)[1].id == *id);
}

TEST_CASE("sessions: attendance writes a row and session.attended; a NIK counts once") {
    Fixture f;
    // A household registered on this device: its member's NIK brings the household along.
    auto reg = registerHouseholds(*f.store, 
        {household(test::sample::kKk, test::sample::kHeadNik, "Budi Santoso")}, test::regions(),
        f.ctx());
    REQUIRE(reg.ok());
    const std::string budi_household = reg.households[0].household_id;
    const std::string id = heldSession(f);

    auto budi =
        recordAttendance(*f.store, id, {test::sample::kHeadNik, "", ""}, test::regions(), f.ctx(100));
    REQUIRE(budi.ok());
    auto twice = recordAttendance(*f.store, id, {test::sample::kHeadNik, "Budi S", ""}, test::regions(),
                                  f.ctx(110));
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == "attendee_duplicate");
    auto sari = recordAttendance(*f.store, id, {"", "Ibu Sari", ""}, test::regions(), f.ctx(120));
    REQUIRE(sari.ok());
    // The same name twice may be two people: both count.
    REQUIRE(recordAttendance(*f.store, id, {"", "Ibu Sari", ""}, test::regions(), f.ctx(130)).ok());
    // Budi's wife, not registered by NIK but with the household from the receipt.
    REQUIRE(recordAttendance(*f.store, id, {test::sample::kSpouseNik, "Siti Aminah", budi_household},
                             test::regions(), f.ctx(140))
                .ok());
    auto bad = recordAttendance(*f.store, id, {"12345", "", ""}, test::regions(), f.ctx(150));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "nik_length");

    auto attendees = listAttendees(*f.store, id);
    REQUIRE(attendees.ok());
    REQUIRE(attendees->size() == 4);
    CHECK((*attendees)[0].id == *budi);
    CHECK((*attendees)[0].person.household_id == budi_household);
    CHECK((*attendees)[0].person.name == "Budi Santoso");  // from the device's member
    CHECK((*attendees)[1].person.household_id.empty());

    const auto attended = eventsOf(*f.store, event_type::session_attended);
    REQUIRE(attended.size() == 4);
    auto first = parseJson(attended[0].data);
    REQUIRE(first.ok());
    CHECK((*first)["attendee"] == test::sample::kHeadNik);
    CHECK((*first)["household_id"] == budi_household);
    CHECK((*first)["attendee_id"] == *budi);
    auto second = parseJson(attended[1].data);
    CHECK((*second)["attendee"] == "Ibu Sari");
    CHECK_FALSE(second->contains("household_id"));
    checkHubAccepts(*f.store);

    auto n = sessionNumbers(*f.store, id);
    REQUIRE(n.ok());
    CHECK(n->head_count == 4);
    CHECK(n->households == 3);  // Budi and Siti: one household; two unknown: one each

    // The NIK is unique per session in the table too (by its blind index: the NIK itself is
    // sealed), not only in the intent's check.
    CHECK(*connection(*f.store).queryInt(
              "SELECT COUNT(*) FROM session_attendees WHERE nik = '1806011505800001'") == 0);
    CHECK_FALSE(connection(*f.store)
                    .exec("INSERT INTO session_attendees (id, session_key, nik, nik_index, at, "
                          "event_seq) SELECT 'x', session_key, nik, nik_index, at, event_seq FROM "
                          "session_attendees WHERE pk_open(nik) = '1806011505800001'",
                          "dup")
                    .ok());

    // Closed: no more attendance.
    REQUIRE(closeSession(*f.store, id, f.ctx(7200)).ok());
    auto late = recordAttendance(*f.store, id, {"", "Pak Joko", ""}, test::regions(), f.ctx(7300));
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == "session_not_held");
    CHECK(eventsOf(*f.store, event_type::session_attended).size() == 4);
}

TEST_CASE("sessions: quizzes are scored, recorded once per phase, and give the gain") {
    Fixture f;
    const std::string id = heldSession(f);
    const Quiz& quiz = test::assets().quiz;
    REQUIRE(quiz.questions.size() == 10);
    std::vector<std::string> people;
    for (const char* name : {"Ani", "Bambang", "Citra"}) {
        auto a = recordAttendance(*f.store, id, {"", name, ""}, test::regions(), f.ctx());
        REQUIRE(a.ok());
        people.push_back(*a);
    }
    // Pre: 4, 5, 6 right (mean 50%); post: 8 and 9 right (mean 85%): +35 points.
    for (int i = 0; i < 3; ++i) {
        auto s = recordQuiz(*f.store, id, people[static_cast<size_t>(i)], quiz, QuizPhase::pre,
                            answersWithRight(quiz, 4 + i), f.ctx(10));
        REQUIRE(s.ok());
        CHECK(s->score == 4 + i);
        CHECK(s->max_score == 10);
    }
    REQUIRE(recordQuiz(*f.store, id, people[0], quiz, QuizPhase::post, answersWithRight(quiz, 8),
                       f.ctx(20))
                .ok());
    REQUIRE(recordQuiz(*f.store, id, people[1], quiz, QuizPhase::post, answersWithRight(quiz, 9),
                       f.ctx(20))
                .ok());
    auto again = recordQuiz(*f.store, id, people[0], quiz, QuizPhase::post,
                            answersWithRight(quiz, 10), f.ctx(30));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == "quiz_already_taken");
    auto stranger = recordQuiz(*f.store, id, "no-such-attendee", quiz, QuizPhase::pre,
                               answersWithRight(quiz, 1), f.ctx(30));
    REQUIRE_FALSE(stranger.ok());
    CHECK(stranger.error().code == "attendee_not_found");

    const auto answered = eventsOf(*f.store, event_type::quiz_answered);
    REQUIRE(answered.size() == 5);
    auto data = parseJson(answered[3].data);
    REQUIRE(data.ok());
    CHECK((*data)["phase"] == "post");
    CHECK((*data)["score"] == 8);
    CHECK((*data)["max_score"] == 10);
    CHECK((*data)["attendee_id"] == people[0]);
    CHECK((*data)["session_id"] == id);
    checkHubAccepts(*f.store);

    auto n = sessionNumbers(*f.store, id);
    REQUIRE(n.ok());
    CHECK(n->pre_taken == 3);
    CHECK(n->post_taken == 2);
    REQUIRE(n->quiz.pre_percent);
    REQUIRE(n->quiz.post_percent);
    REQUIRE(n->quiz.gain_points);
    CHECK(*n->quiz.pre_percent == Approx(50.0));
    CHECK(*n->quiz.post_percent == Approx(85.0));
    CHECK(*n->quiz.gain_points == Approx(35.0));
    auto attendees = listAttendees(*f.store, id);
    REQUIRE(attendees.ok());
    CHECK((*attendees)[0].pre_done);
    CHECK((*attendees)[0].post_done);
    CHECK_FALSE((*attendees)[2].post_done);
}

TEST_CASE("sessions: a lead's draft, once registered, counts as a registration") {
    Fixture f;
    const std::string id = heldSession(f);
    auto a = recordAttendance(*f.store, id, {"1806014501870003", "Siti Aminah", ""},
                              test::regions(), f.ctx());
    auto b = recordAttendance(*f.store, id, {"", "Pak Joko", ""}, test::regions(), f.ctx());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    auto lead = markLead(*f.store, id, *a, f.ctx());
    REQUIRE(lead.ok());
    auto same = markLead(*f.store, id, *a, f.ctx());
    REQUIRE(same.ok());
    CHECK(*same == *lead);
    REQUIRE(markLead(*f.store, id, *b, f.ctx()).ok());  // a lead that does not register

    HouseholdDraft draft;
    draft.household = household("1806010205200003", "1806014501870003", "Siti Aminah");
    draft.household.members[0].birth_date = "1987-01-05";
    draft.household.members[0].sex = "F";
    REQUIRE(saveDraft(*f.store, f.user.id, draft, kNow).ok());
    REQUIRE(setLeadDraft(*f.store, *lead, draft.id).ok());
    CHECK_FALSE(setLeadDraft(*f.store, "no-such-lead", draft.id).ok());

    auto n = sessionNumbers(*f.store, id);
    REQUIRE(n.ok());
    CHECK(n->leads == 2);
    CHECK(n->registrations == 0);

    // Another household registered without a draft does not count.
    REQUIRE(registerHouseholds(*f.store, {household(test::sample::kKk, test::sample::kHeadNik, "Budi")},
                                     test::regions(), f.ctx())
                .ok());
    auto reg = registerHouseholds(*f.store, {draft.household}, test::regions(), f.ctx(), draft.id);
    INFO((reg.errors.empty() ? std::string()
                             : reg.errors[0].field + " " + reg.errors[0].error.message_en));
    REQUIRE(reg.ok());
    n = sessionNumbers(*f.store, id);
    REQUIRE(n.ok());
    CHECK(n->registrations == 1);
    auto attendees = listAttendees(*f.store, id);
    REQUIRE(attendees.ok());
    CHECK((*attendees)[0].lead_household_id == reg.households[0].household_id);
    CHECK((*attendees)[1].lead_household_id.empty());

    // The hub hears of both leads (session.lead, once each) and of the one that registered
    // (lead.registered), and the hub's checks accept them.
    auto events = readEvents(*f.store, 0, 1000);
    REQUIRE(events.ok());
    std::vector<Json> leads, registered;
    for (const Event& e : *events) {
        if (e.type == "session.lead") leads.push_back(parseJson(e.data).value());
        if (e.type == "lead.registered") registered.push_back(parseJson(e.data).value());
    }
    REQUIRE(leads.size() == 2);
    CHECK(leads[0]["lead_id"] == *lead);
    CHECK(leads[0]["session_id"] == id);
    CHECK(leads[0]["attendee_id"] == *a);
    REQUIRE(registered.size() == 1);
    CHECK(registered[0]["lead_id"] == *lead);
    CHECK(registered[0]["household_id"] == reg.households[0].household_id);
    for (const WireEvent& w : toWire(*events)) CHECK_FALSE(checkEvent(w));
}

TEST_CASE("sessions: the database file stays owner-only") {
    Fixture f;
    heldSession(f);
    struct stat st {};
    REQUIRE(::stat(f.path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}
