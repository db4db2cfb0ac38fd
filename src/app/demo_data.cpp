#include "app/demo_data.hpp"

#include <cstdio>

#include "core/number.hpp"
#include "store/event_log.hpp"
#include "store/households.hpp"
#include "store/hub_changes.hpp"
#include "store/outbox.hpp"
#include "store/sessions.hpp"
#include "store/users.hpp"

namespace pekon::cli {

namespace {

struct DemoPerson {
    const char* name;
    const char* birth;  // YYYY-MM-DD
    char sex;
    const char* relation;
    const char* segment;
    int care_class;
};

struct DemoHousehold {
    const char* village;  // a Tanggamus village code
    const char* address;
    const char* rt;
    const char* rw;
    const char* phone;
    std::vector<DemoPerson> people;
};

// A NIK consistent with the person: issued in the village's kecamatan, the birth date (day
// + 40 for women) and a serial.
std::string demoNik(const std::string& village, const DemoPerson& p, int serial) {
    const std::string_view birth(p.birth);
    const int y = parseNumber<int>(birth.substr(0, 4)).value_or(0),
              m = parseNumber<int>(birth.substr(5, 2)).value_or(0),
              d = parseNumber<int>(birth.substr(8, 2)).value_or(0);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%c%c%c%c%c%c%02d%02d%02d%04d", village[0], village[1],
                  village[3], village[4], village[6], village[7], d + (p.sex == 'F' ? 40 : 0), m,
                  y % 100, serial);
    return buf;
}

std::string demoKk(const std::string& village, int index) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%c%c%c%c%c%c%02d%02d%02d%04d", village[0], village[1],
                  village[3], village[4], village[6], village[7], 1 + index % 27, 1 + index % 12,
                  15 + index % 9, 100 + index);
    return buf;
}

// Two outreach sessions: one planned for tomorrow; one under way since an hour ago with the
// first demo household and five neighbours by name, quizzes before and after, and a lead.
Status seedDemoSessions(Store& store, const Assets& assets, const HouseholdInput& known,
                        const WriteContext& ctx) {
    const WriteContext before{ctx.actor, ctx.now - 3600, ctx.today};
    SessionPlan plan{"18.06.02.2012",
                     "Balai Pekon Talang Padang",
                     formatIsoDate(dateOf(ctx.now + 7 * 3600 + 86400)),
                     "09:00",
                     "door_to_door",
                     "how_to_register",
                     {"Rina Marlina"},
                     {"kader"}};
    auto planned = planSession(store, plan, assets.materials, assets.regions, before);
    if (!planned) return planned.error();
    plan = {"18.06.01.2016",
            "Balai Pekon Kagungan",
            formatIsoDate(ctx.today),
            "09:00",
            "penyuluhan",
            "what_is_jkn",
            {"Dewi Lestari", "Rina Marlina"},
            {"village_head", "puskesmas", "kader"}};
    auto held = planSession(store, plan, assets.materials, assets.regions, before);
    if (!held) return held.error();
    if (auto s = holdSession(store, *held, before); !s) return s;
    std::vector<std::string> attendees;
    std::vector<AttendeeInput> people;
    for (const MemberInput& m : known.members) people.push_back({m.nik, "", ""});
    for (const char* name : {"Ibu Marni", "Pak Karta", "Wati Susanti", "Yusuf Hamid", "Nengsih"})
        people.push_back({"", name, ""});
    for (const AttendeeInput& person : people) {
        auto id = recordAttendance(store, *held, person, assets.regions, before);
        if (!id) return id.error();
        attendees.push_back(*id);
    }
    const Quiz& quiz = assets.quiz;
    for (size_t i = 0; i < attendees.size(); ++i) {
        // Before: about half right; after: most right (the demo's gain).
        for (QuizPhase phase : {QuizPhase::pre, QuizPhase::post}) {
            if (phase == QuizPhase::post && i >= 6) continue;
            std::vector<std::optional<int>> answers;
            for (size_t q = 0; q < quiz.questions.size(); ++q) {
                const bool right = phase == QuizPhase::pre ? (q + i) % 2 == 0 : (q + i) % 5 != 0;
                const int answer = quiz.questions[q].answer;
                answers.push_back(right ? answer : (answer + 1) % 2);
            }
            auto s = recordQuiz(store, *held, attendees[i], quiz, phase, answers, ctx);
            if (!s) return s.error();
        }
    }
    auto lead = markLead(store, *held, attendees[4], ctx);
    if (!lead) return lead.error();
    return {};
}

// As if the tablet had synced once and the office had decided on the household the list
// shows first: its head's name must be corrected (with the office's note), the others are
// verified. So the household screen shows a correction to make (and the screenshots too).
Status seedDemoDecisions(Store& store, UnixSeconds now) {
    auto pending = listEvents(store, 0, 1000, SyncState::pending);
    if (!pending) return pending.error();
    PushAnswer answer;
    for (const Event& e : *pending) answer.accepted.push_back(e.id);
    if (auto s = applyPushAnswer(store, *pending, answer, now - 2 * 86400); !s) return s;
    auto first = listHouseholds(store, {}, 1);
    if (!first) return first.error();
    if (first->empty()) return {};
    auto detail = findHousehold(store, first->front().household.id);
    if (!detail) return detail.error();
    if (!*detail) return {};
    ChangesPage page;
    const std::string decided = formatIsoDate(dateOf(now - 86400));
    for (const MemberRecord& m : (*detail)->members) {
        Json data = {
            {"member_id", m.member.id}, {"household_id", m.member.household_id}, {"date", decided}};
        const bool first_member = page.changes.empty();
        if (first_member) {
            data["reason"] = "name_spelling";
            data["note"] =
                "Nama di KTP tertulis dengan ejaan lama. Foto ulang KTP dan samakan "
                "ejaannya.";
        }
        page.changes.push_back(
            {std::to_string(page.changes.size() + 1),
             first_member ? "registration.correction_requested" : "registration.verified", data});
    }
    auto applied = applyHubChanges(store, page, now - 86400);
    if (!applied) return applied.error();
    return {};
}

}  // namespace

Status seedDemo(Store& store, const Assets& assets, UnixSeconds now, const Date& today) {
    auto users = listUsers(store);
    if (!users) return users.error();
    if (!users->empty()) return {};
    auto sup = createUser(store, "Dewi Lestari", Role::supervisor, kDemoSupervisorPin, "", now);
    if (!sup) return sup.error();
    for (const char* name : {"Rina Marlina", "Agus Salim"}) {
        auto v = createUser(store, name, Role::volunteer, kDemoVolunteerPin, sup->id, now);
        if (!v) return v.error();
    }
    const std::vector<DemoHousehold> households = {
        {"18.06.01.2016",
         "Jl. Merdeka No. 12",
         "2",
         "1",
         "081234567890",
         {{"Budi Santoso", "1980-05-15", 'M', "head", "PBPU", 3},
          {"Siti Aminah", "1985-08-22", 'F', "spouse", "PBPU", 3},
          {"Ahmad Rizki", "2010-01-01", 'M', "child", "PBPU", 3}}},
        {"18.06.01.1001",
         "Gg. Mawar 3, Baros",
         "4",
         "2",
         "",
         {{"Suparman", "1962-03-10", 'M', "head", "PBI-APBN", 3},
          {"Sumiati", "1966-11-02", 'F', "spouse", "PBI-APBN", 3}}},
        {"18.06.20.2001",
         "Dusun Sukamaju",
         "1",
         "1",
         "085267891234",
         {{"Hendra Wijaya", "1990-07-21", 'M', "head", "PPU", 2},
          {"Yuni Astuti", "1992-02-14", 'F', "spouse", "PPU", 2},
          {"Nabila Putri", "2018-09-30", 'F', "child", "PPU", 2}}},
        {"18.06.02.2012",
         "Jl. Pasar Talang Padang",
         "3",
         "1",
         "",
         {{"Joko Susilo", "1975-12-05", 'M', "head", "PBPU", 2},
          {"Rina Wati", "1978-04-18", 'F', "spouse", "PBPU", 2}}},
        {"18.06.03.2001",
         "Dusun Way Ilahan",
         "2",
         "3",
         "",
         {{"Made Sudarma", "1983-06-06", 'M', "head", "PBI-APBD", 3},
          {"Ni Luh Ayu", "1986-10-10", 'F', "spouse", "PBI-APBD", 3},
          {"Komang Adi", "2012-05-05", 'M', "child", "PBI-APBD", 3},
          {"Ketut Sari", "2015-08-08", 'F', "child", "PBI-APBD", 3}}},
        {"18.06.04.2001",
         "Jl. Raya Pulau Panggung",
         "5",
         "2",
         "081377788899",
         {{"Nur Hasanah", "1970-01-25", 'F', "head", "BP", 1}}},
        {"18.06.11.2001",
         "Dusun Tanjung Heran",
         "1",
         "2",
         "",
         {{"Slamet Riyadi", "1968-08-17", 'M', "head", "PBPU", 3},
          {"Parinem", "1971-03-03", 'F', "spouse", "PBPU", 3},
          {"Sri Rahayu", "1998-12-12", 'F', "child", "PBPU", 3}}},
        {"18.06.12.2001",
         "Jl. Pantai Semaka",
         "6",
         "1",
         "",
         {{"Rahmat Hidayat", "1988-11-11", 'M', "head", "PBPU", 3},
          {"Lina Marlina", "1990-04-04", 'F', "spouse", "PBPU", 3}}},
        {"18.06.13.2001",
         "Dusun Sumberejo II",
         "2",
         "2",
         "082112223334",
         {{"Darmaji", "1955-02-20", 'M', "head", "PBI-APBN", 3},
          {"Sukinah", "1958-07-07", 'F', "spouse", "PBI-APBN", 3}}},
        {"18.06.15.2001",
         "Dusun Air Panas, Ulu Belu",
         "3",
         "1",
         "",
         {{"Iwan Setiawan", "1979-09-09", 'M', "head", "PBPU", 1},
          {"Dewi Sartika", "1982-01-31", 'F', "spouse", "PBPU", 1},
          {"Fajar Nugroho", "2005-06-15", 'M', "child", "PBPU", 1}}},
        {"18.06.24.2001",
         "Jl. Limau Indah",
         "1",
         "4",
         "",
         {{"Rosmiati", "1965-05-05", 'F', "head", "PBPU", 3},
          {"Andi Saputra", "1995-03-21", 'M', "child", "PBPU", 3}}},
        {"18.06.25.2001",
         "Dusun Bandar Baru",
         "2",
         "1",
         "085799900011",
         {{"Ujang Suryana", "1987-12-25", 'M', "head", "PBPU", 3},
          {"Eka Lestari", "1989-10-01", 'F', "spouse", "PBPU", 3},
          {"Dimas Pratama", "2014-02-28", 'M', "child", "PBPU", 3},
          {"Salsa Putri", "2019-11-20", 'F', "child", "PBPU", 3}}},
    };
    std::vector<HouseholdInput> inputs;
    int serial = 1;
    for (size_t i = 0; i < households.size(); ++i) {
        const DemoHousehold& d = households[i];
        HouseholdInput h{
            demoKk(d.village, static_cast<int>(i)), d.village, d.address, d.rt, d.rw, d.phone, {}};
        for (const DemoPerson& p : d.people) {
            h.members.push_back({demoNik(d.village, p, serial++), p.name, p.birth,
                                 std::string(1, p.sex), p.relation, p.segment,
                                 std::to_string(p.care_class)});
        }
        inputs.push_back(std::move(h));
    }
    const RegisterOutcome r =
        registerHouseholds(store, inputs, assets.regions, {sup->id, now, today});
    if (!r.ok()) return r.errors.front().error;
    if (auto s = seedDemoDecisions(store, now); !s) return s;
    return seedDemoSessions(store, assets, inputs.front(), {sup->id, now, today});
}

}  // namespace pekon::cli
