#include "store/sessions.hpp"

#include <catch2/catch.hpp>

#include "codec/json.hpp"
#include "store/households.hpp"
#include "store/users.hpp"
#include "support/fixtures.hpp"
#include "support/store_events.hpp"
#include "ui/headless.hpp"
#include "ui/screens/materials_screen.hpp"
#include "ui/screens/quiz_screen.hpp"
#include "ui/screens/session_plan_screen.hpp"
#include "ui/screens/session_screen.hpp"
#include "ui/screens/session_summary_screen.hpp"
#include "ui/screens/sessions_screen.hpp"
#include "ui/screens/wizard_screen.hpp"
#include "ui/session_labels.hpp"

using namespace pekon;
using test::eventsOf;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;

const ui::SessionScreen& sessionScreen(test::Headless& app) {
    REQUIRE(app.screen() == "session");
    return dynamic_cast<const ui::SessionScreen&>(app.shell().top());
}

// One attendee answers the whole quiz: `pick(question)` is the choice tapped.
template <class Pick>
void answerQuiz(test::Headless& app, int attendee_number, Pick pick) {
    app.tap("quiz.attendee." + std::to_string(attendee_number));
    const Quiz& quiz = app.ui().assets().quiz;
    for (size_t q = 0; q < quiz.questions.size(); ++q)
        app.tap("quiz.choice." + std::to_string(pick(quiz.questions[q])));
    REQUIRE(app.ui().find("quiz.score"));
    app.tap("quiz.next_attendee");
}

}  // namespace

TEST_CASE("ui sessions: plan, hold, ten attendees, pre and post quiz, summary and a lead") {
    auto opened = Store::open(test::tempPath("sessions_ui.db"));
    REQUIRE(opened.ok());
    Store& store = **opened;
    auto user = createUser(store, "Rina Marlina", Role::supervisor, "428195", "", kNow);
    REQUIRE(user.ok());
    // A household already registered on this device: Budi and his wife.
    HouseholdInput h;
    h.kk_number = "1806011203150007";
    h.village_code = "18.06.01.2016";
    h.address = "Jl. Merdeka No. 12";
    h.members = {{"1806011505800001", "Budi Santoso", "1980-05-15", "M", "head", "PBPU", "3"},
                 {"1806016208850002", "Siti Aminah", "1985-08-22", "F", "spouse", "PBPU", "3"}};
    auto reg = registerHouseholds(store, {h}, test::regions(), {user->id, kNow, test::kToday});
    REQUIRE(reg.ok());
    const std::string budi_household = reg.households[0].household_id;

    test::Headless app(store);
    app.home(*user);
    app.tap("home.sessions");
    REQUIRE(app.screen() == "sessions");
    app.tap("sessions.plan");
    REQUIRE(app.screen() == "session_plan");

    // Saving an incomplete plan stays, with the errors.
    app.tap("session_plan.save");
    CHECK(app.screen() == "session_plan");
    app.tap("session_plan.district.18.06.01");
    app.typeInto("session_plan.village_filter", "negeri");
    app.tap("session_plan.village.18.06.01.2016");
    app.typeInto("session_plan.place", "balai pekon");
    app.tap("session_plan.time.hour.plus");  // 10:00
    app.tap("session_plan.method.penyuluhan");
    app.tap("session_plan.topic.benefits");
    app.tap("session_plan.partner.puskesmas");
    app.tap("session_plan.partner.village_head");
    app.typeInto("session_plan.facilitator_name", "dewi lestari");
    app.tap("session_plan.facilitator.add");
    {
        const auto& plan = dynamic_cast<const ui::SessionPlanScreen&>(app.shell().top()).plan();
        CHECK(plan.facilitators == std::vector<std::string>{"Rina Marlina", "Dewi Lestari"});
        CHECK(plan.time == "10:00");
        CHECK(plan.date == "2026-11-18");  // today in Tanggamus at kNow
        // A session may be planned for next year (a birth date may not).
        app.tap("session_plan.date.year.plus");
        CHECK(plan.date == "2027-11-18");
        app.tap("session_plan.date.year.plus");
        CHECK(plan.date == "2027-11-18");
        app.tap("session_plan.date.year.minus");
        CHECK(plan.date == "2026-11-18");
    }
    app.tap("session_plan.save");
    REQUIRE(app.screen() == "session");
    const std::string session_id = sessionScreen(app).sessionId();
    CHECK(eventsOf(store, event_type::session_held).empty());  // planned only

    // A scan before the start is refused with a message.
    app.shell().scanned(app.ui().parseScan("nik=1806014501870003;nama=SITI AMINAH"));
    app.frames(2);
    CHECK(sessionScreen(app).problem() == sessionNotHeld().message(Lang::id));

    app.tap("session.hold");
    REQUIRE(eventsOf(store, event_type::session_held).size() == 1);

    // Five people by their scanned KTP codes; Budi and Siti are from the household above.
    for (const char* code :
         {"nik=1806014501870003;nama=SITI AMINAH", "nik=1806011505800001;nama=BUDI SANTOSO",
          "nik=1806016208850002;nama=SITI AMINAH", "nik=1806010101100003;nama=AHMAD RIZKI",
          "1806012303750005"}) {
        app.shell().scanned(app.ui().parseScan(code));
        app.frames(2);
        INFO(code << ": " << sessionScreen(app).problem());
        CHECK(sessionScreen(app).problem().empty());
    }
    CHECK(sessionScreen(app).numbers().head_count == 5);
    // The same KTP again is not counted twice, and says so.
    app.shell().scanned(app.ui().parseScan("nik=1806011505800001;nama=BUDI SANTOSO"));
    app.frames(2);
    CHECK(sessionScreen(app).problem() == attendeeDuplicate().message(Lang::id));
    CHECK(sessionScreen(app).numbers().head_count == 5);

    // Five by name: the first after scanning the household's receipt.
    app.shell().scanned(app.ui().parseScan("pekon://receipt?v=1&id=" + budi_household));
    app.frames(2);
    CHECK(sessionScreen(app).message() == app.ui().t("session.household_scanned"));
    for (const char* name : {"dimas santoso", "ani", "bambang", "citra", "eko"}) {
        app.typeInto("session.attendee_name", name);
        app.tap("session.add");
    }
    {
        const ui::SessionScreen& s = sessionScreen(app);
        CHECK(s.problem().empty());
        CHECK(s.numbers().head_count == 10);
        // Budi, Siti (by NIK on this device) and Dimas (the receipt) are one household; the
        // other seven are not known here and count one each.
        CHECK(s.numbers().households == 8);
        REQUIRE(s.attendees().size() == 10);
        CHECK(s.attendees()[5].person.name == "Dimas Santoso");
        CHECK(s.attendees()[5].person.household_id == budi_household);
    }
    // NIKs are masked on this shared screen: no full NIK is drawn.
    // (Each row label goes through attendeeLabel, which masks; checked in the labels.)
    CHECK(ui::attendeeLabel({"1806014501870003", "Siti", ""}).find("1806014501870003") ==
          std::string::npos);

    // Pre-quiz: four attendees always tap the first choice.
    app.tap("session.quiz_pre");
    REQUIRE(app.screen() == "quiz");
    const Quiz& quiz = app.ui().assets().quiz;
    int first_right = 0;
    for (const QuizQuestion& q : quiz.questions) first_right += q.answer == 0;
    for (int n : {1, 2, 6, 7}) answerQuiz(app, n, [](const QuizQuestion&) { return 0; });
    CHECK_FALSE(app.ui().find("quiz.attendee.1"));  // done: not offered again
    CHECK(app.ui().find("quiz.attendee.3"));
    app.tap("nav.back");
    // Post-quiz: three of them answer everything right.
    app.tap("session.quiz_post");
    for (int n : {1, 2, 6}) answerQuiz(app, n, [](const QuizQuestion& q) { return q.answer; });
    app.tap("nav.back");
    REQUIRE(app.screen() == "session");

    app.tap("session.summary");
    REQUIRE(app.screen() == "session_summary");
    {
        const auto& numbers =
            dynamic_cast<const ui::SessionSummaryScreen&>(app.shell().top()).numbers();
        REQUIRE(numbers);
        CHECK(numbers->head_count == 10);
        CHECK(numbers->households == 8);
        CHECK(numbers->pre_taken == 4);
        CHECK(numbers->post_taken == 3);
        const double n = static_cast<double>(quiz.questions.size());
        REQUIRE(numbers->quiz.gain_points);
        CHECK(*numbers->quiz.pre_percent == Approx(100.0 * first_right / n));
        CHECK(*numbers->quiz.post_percent == Approx(100.0));
        CHECK(*numbers->quiz.gain_points == Approx(100.0 - 100.0 * first_right / n));
        CHECK(numbers->registrations == 0);
    }
    app.tap("nav.back");

    // The outbox: one session.held, ten session.attended, seven quiz.answered.
    CHECK(eventsOf(store, event_type::session_held).size() == 1);
    const auto attended = eventsOf(store, event_type::session_attended);
    REQUIRE(attended.size() == 10);
    CHECK((*parseJson(attended[0].data))["attendee"] == "1806014501870003");
    CHECK((*parseJson(attended[6].data))["attendee"] == "Ani");
    CHECK((*parseJson(attended[5].data))["household_id"] == budi_household);
    const auto answered = eventsOf(store, event_type::quiz_answered);
    REQUIRE(answered.size() == 7);
    auto last = parseJson(answered.back().data);
    CHECK((*last)["phase"] == "post");
    CHECK((*last)["score"] == 10);
    CHECK((*last)["session_id"] == session_id);

    // Siti (the first, unknown here) wants to register: the wizard opens with her as the head.
    app.tap("session.interested.1");
    app.tap("session.register.1");
    REQUIRE(app.screen() == "wizard");
    const HouseholdDraft draft = dynamic_cast<const ui::WizardScreen&>(app.shell().top()).draft();
    CHECK(draft.household.village_code == "18.06.01.2016");
    CHECK(draft.district_code == "18.06.01");
    REQUIRE(draft.household.members.size() == 1);
    CHECK(draft.household.members[0].nik == "1806014501870003");
    CHECK(draft.household.members[0].name == "SITI AMINAH");
    CHECK(draft.household.members[0].relation == "head");
    CHECK(draft.household.members[0].birth_date == "1987-01-05");
    CHECK(draft.household.members[0].sex == "F");
    // The volunteer completes and saves it (the wizard's own steps are tested elsewhere); the
    // registration counts for the session.
    HouseholdInput completed = draft.household;
    completed.kk_number = "1806010205200003";
    completed.address = "Dusun Dua";
    completed.members[0].segment = "PBPU";
    completed.members[0].care_class = "3";
    completed.documents.ktp = true;
    completed.consent.citizen_agreed = completed.consent.volunteer_attested = true;
    auto saved = registerHouseholds(store, {completed}, test::regions(),
                                    {user->id, kNow, test::kToday}, draft.id);
    REQUIRE(saved.ok());
    app.tap("nav.back");
    REQUIRE(app.screen() == "session");
    app.tap("session.summary");
    {
        const auto& numbers =
            dynamic_cast<const ui::SessionSummaryScreen&>(app.shell().top()).numbers();
        REQUIRE(numbers);
        CHECK(numbers->leads == 1);
        CHECK(numbers->registrations == 1);
    }
    // Closing ends the session.
    app.tap("summary.close");
    auto closed = findSession(store, session_id);
    REQUIRE(closed.ok());
    REQUIRE(*closed);
    CHECK((*closed)->state == SessionState::closed);
    CHECK(app.ui().missingKeys().empty());
}

TEST_CASE("ui sessions: every new screen draws in both languages with no missing text") {
    auto opened = Store::open(test::tempPath("sessions_i18n.db"));
    REQUIRE(opened.ok());
    Store& store = **opened;
    auto user = createUser(store, "Rina Marlina", Role::supervisor, "428195", "", kNow);
    REQUIRE(user.ok());
    const WriteContext ctx{user->id, kNow, test::kToday};
    SessionPlan plan{"18.06.01.2016", "Balai Pekon", "2026-11-22", "09:00",
                     "workshop",      "how_to_pay",  {"Rina"},     {"ngo", "private_sector"}};
    auto planned = planSession(store, plan, test::assets().materials, test::regions(), ctx);
    auto held = planSession(store, plan, test::assets().materials, test::regions(), ctx);
    REQUIRE(planned.ok());
    REQUIRE(held.ok());
    REQUIRE(holdSession(store, *held, ctx).ok());
    auto a = recordAttendance(store, *held, {"1806014501870003", "Siti", ""}, test::regions(), ctx);
    REQUIRE(a.ok());
    REQUIRE(markLead(store, *held, *a, ctx).ok());
    for (Lang lang : {Lang::id, Lang::en}) {
        test::Headless app(store, lang);
        app.home(*user);
        for (auto make : std::vector<std::function<std::unique_ptr<ui::Screen>()>>{
                 [] { return std::make_unique<ui::SessionsScreen>(); },
                 [] { return std::make_unique<ui::SessionPlanScreen>(); },
                 [&] { return std::make_unique<ui::SessionScreen>(*planned); },
                 [&] { return std::make_unique<ui::SessionScreen>(*held); },
                 [&] { return std::make_unique<ui::SessionScreen>("no-such-session"); },
                 [&] { return std::make_unique<ui::SessionSummaryScreen>(*held); },
                 [&] { return std::make_unique<ui::QuizScreen>(*held, QuizPhase::pre); },
                 [&] { return std::make_unique<ui::QuizScreen>(*held, QuizPhase::post); }}) {
            app.shell().show(make());
            INFO("screen " << app.screen());
            app.frames(3);
        }
        // The plan's errors, every method and partner label.
        app.shell().show(std::make_unique<ui::SessionPlanScreen>());
        app.frames(2);
        app.tap("session_plan.save");
        // The materials, every page of every topic, and the language switch on it.
        app.shell().show(std::make_unique<ui::MaterialsScreen>());
        app.frames(2);
        size_t pages = 0;
        for (const MaterialTopic& t : app.ui().assets().materials) pages += t.pages.size();
        for (size_t i = 1; i < pages; ++i) app.tap("materials.next");
        const auto& m = dynamic_cast<const ui::MaterialsScreen&>(app.shell().top());
        CHECK(m.topic() + 1 == app.ui().assets().materials.size());
        CHECK(m.page() + 1 == app.ui().assets().materials.back().pages.size());
        app.tap("materials.prev");
        CHECK(m.page() + 2 == app.ui().assets().materials.back().pages.size());
        app.tap("materials.topic.what_is_jkn");
        CHECK(m.topic() == 0);
        CHECK(m.page() == 0);
        app.tap("materials.lang");
        CHECK(app.ui().lang() != lang);
        app.tap("materials.lang");
        CHECK(app.ui().lang() == lang);
        // A quiz question and its result (pre in one language, post in the other: each is
        // taken once).
        app.shell().show(std::make_unique<ui::QuizScreen>(
            *held, lang == Lang::id ? QuizPhase::pre : QuizPhase::post));
        app.frames(2);
        app.tap("quiz.attendee.1");
        for (size_t q = 0; q < app.ui().assets().quiz.questions.size(); ++q)
            app.tap("quiz.choice.1");
        CHECK(app.ui().find("quiz.score"));
        // The attendance keyboard.
        app.shell().show(std::make_unique<ui::SessionScreen>(*held));
        app.tap("session.attendee_name");
        CHECK(app.ui().find("key.q"));
        INFO("missing: " << Catch::Detail::stringify(std::vector<std::string>(
                 app.ui().missingKeys().begin(), app.ui().missingKeys().end())));
        CHECK(app.ui().missingKeys().empty());
    }
}
