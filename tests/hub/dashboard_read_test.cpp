// The dashboard's figures (dashboard.hpp readDashboard) on each backend, checked against a data
// set generated with known answers: 24 registrations pushed by two tablets over four weeks in
// two kecamatan, decided by staff (verified after 1 to 5 days, sent back for correction,
// rejected, or left), some corrected by the volunteer, some paid and given cards by BPJS's
// status import, and kiosk ratings. Every expected figure is computed here by plain loops over
// the same plan, apart from the code under test.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <tuple>
#include <string>
#include <vector>

#include "codec/json.hpp"
#include "core/status_import.hpp"
#include "hub/dashboard.hpp"
#include "hub/hub_store_fixtures.hpp"
#include "hub/office_read.hpp"
#include "support/postgres_test_db.hpp"

using namespace pekon;
using namespace pekon::hub;
using test::batch;
using test::openHub;
using test::PostgreSQL;
using test::SQLite;

namespace {

constexpr UnixSeconds kDay = 86400;
constexpr UnixSeconds kStart = 1'793'750'400;  // 2026-11-04 00:00 UTC, a Wednesday
constexpr UnixSeconds kNow = kStart + 60 * kDay;
constexpr int kMembers = 24;

// The plan of member k.
struct Planned {
    std::string id, household, nik, kecamatan, village;
    bool by_b = false;           // tablet B (else A)
    UnixSeconds received = 0;    // the push's time
    enum { verified, correction, rejected, left } decision = left;
    UnixSeconds decided = 0;
    bool corrected = false;      // the volunteer sent the correction back, 2 days later
    bool paid = false;           // BPJS: paid 10 days after the registration's day
    int card_after_paid = 0;     // days from the payment to the card, 0: no card
};

std::string dayText(UnixSeconds at) { return formatIsoDate(dateOf(at)); }

Planned plan(int k) {
    Planned p;
    p.id = "m" + std::to_string(100 + k);
    p.household = "h" + std::to_string(100 + k);
    p.kecamatan = k % 2 == 0 ? "18.06.01" : "18.06.02";
    p.village = k % 2 == 0 ? "18.06.01.2016" : "18.06.02.2012";
    p.nik = std::string(k % 2 == 0 ? "180601" : "180602") + "010180" + std::to_string(1000 + k);
    p.by_b = k % 3 == 0;
    p.received = kStart + (k % 4) * 7 * kDay + 3600 * (k % 5);
    switch (k % 4) {
        case 0:
            p.decision = Planned::verified;
            p.decided = p.received + (k % 5 + 1) * kDay + 60;
            p.paid = k % 8 == 0;
            p.card_after_paid = k % 16 == 0 ? 5 : (k % 8 == 0 ? 20 : 0);
            break;
        case 1:
            p.decision = Planned::correction;
            p.decided = p.received + kDay;
            p.corrected = k % 8 == 1;
            break;
        case 2:
            p.decision = Planned::rejected;
            p.decided = p.received + 3600;
            break;
        default:
            break;
    }
    return p;
}

std::string eventJson(const std::string& id, int seq, const std::string& type, const Json& data) {
    return dumpJson(Json{{"id", id}, {"seq", seq}, {"type", type}, {"at", "2026-11-04T08:00:00Z"},
                         {"actor", "u1"}, {"data", data}});
}

std::string enrol(HubStore& hub, const std::string& name, const std::string& kiosk_area = "") {
    auto token = hub.createToken("test", kStart, 3600, kiosk_area);
    REQUIRE(token);
    auto e = hub.enrol(token->token, name, kStart);
    REQUIRE(e);
    return e->device_id;
}

DecisionRequest decision(const std::string& member, Decision d) {
    DecisionRequest r;
    r.member_ids = {member};
    r.decision = d;
    if (d == Decision::needs_correction) r.reason = std::string(correctionReasons()[0]);
    if (d == Decision::rejected) r.reason = std::string(rejectionReasons()[0]);
    r.staff_id = 1;
    r.username = "rina";
    return r;
}

// Everything in the plan, through the hub's own operations, in time order per member.
void fill(HubStore& hub, const test::HubTestDb& db) {
    db.exec("INSERT INTO staff (username, display_name, role, password_hash, created_at, "
            "failed_sign_ins) VALUES ('rina', 'Rina', 'verifier', '-', 0, 0)");
    const std::string a = enrol(hub, "Tablet A");
    const std::string b = enrol(hub, "Tablet B");
    std::map<std::string, int> seq;
    for (int k = 0; k < kMembers; ++k) {
        const Planned p = plan(k);
        const std::string& device = p.by_b ? b : a;
        const std::vector<std::string> events = {
            eventJson("eh" + std::to_string(k), ++seq[device], "household.registered",
                      Json{{"household_id", p.household},
                           {"kk_number", "1806011203150007"},
                           {"village_code", p.village},
                           {"address", "Jl. Pekon"},
                           {"rt", "001"},
                           {"rw", "002"}}),
            eventJson("em" + std::to_string(k), ++seq[device], "member.registered",
                      Json{{"member_id", p.id},
                           {"household_id", p.household},
                           {"nik", p.nik},
                           {"name", "Warga"},
                           {"birth_date", "1980-01-01"},
                           {"sex", "M"},
                           {"relation", "head"},
                           {"segment", "PBPU"},
                           {"class", 3}})};
        auto pushed = hub.push(device, batch(events), p.received);
        REQUIRE(pushed);
        REQUIRE(pushed->accepted.size() == 2);
        if (p.decision == Planned::left) continue;
        const Decision d = p.decision == Planned::verified     ? Decision::verified
                           : p.decision == Planned::correction ? Decision::needs_correction
                                                               : Decision::rejected;
        REQUIRE(decide(hub.db(), decision(p.id, d), p.decided));
        if (p.corrected) {
            auto back = hub.push(device,
                                 batch({eventJson("ec" + std::to_string(k), ++seq[device],
                                                  "member.corrected",
                                                  Json{{"member_id", p.id}, {"name", "Warga B"}})}),
                                 p.decided + 2 * kDay);
            REQUIRE(back);
        }
    }
    std::vector<StatusRow> rows;
    for (int k = 0; k < kMembers; ++k) {
        const Planned p = plan(k);
        auto add = [&](MemberStatus status, UnixSeconds on, const std::string& card) {
            StatusRow row;
            row.line = static_cast<int>(rows.size()) + 2;
            row.nik = p.nik;
            row.birth_date = *parseIsoDate("1980-01-01");
            row.status = status;
            row.card_number = card;
            row.care_class = 3;
            row.faskes = "Puskesmas";
            row.date = dateOf(on);
            rows.push_back(row);
        };
        const UnixSeconds paid_on = (p.received / kDay + 10) * kDay;
        if (p.paid) add(MemberStatus::paid, paid_on, "");
        if (p.card_after_paid)
            add(MemberStatus::card_issued, paid_on + p.card_after_paid * kDay, "0001234567890");
    }
    REQUIRE(hub.importStatuses(rows, kNow - kDay));
    // Kiosk ratings: two in Kota Agung (November), one from the regency's kiosk (December).
    const std::string kiosk = enrol(hub, "Kios", "18.06.01");
    const std::string regency_kiosk = enrol(hub, "Kios 2", "18.06");
    auto rating = [](const std::string& id, int seq, const char* at, int stars) {
        return dumpJson(Json{{"id", id}, {"seq", seq}, {"type", "feedback.submitted"}, {"at", at},
                             {"actor", "kiosk"},
                             {"data", Json{{"category", "card"}, {"rating", stars}, {"text", ""}}}});
    };
    REQUIRE(hub.push(kiosk, batch({rating("k1", 1, "2026-11-20T08:00:00Z", 5),
                                   rating("k2", 2, "2026-11-21T08:00:00Z", 2)}),
                     kNow - kDay));
    REQUIRE(hub.push(regency_kiosk, batch({rating("k3", 1, "2026-12-01T08:00:00Z", 4)}),
                     kNow - kDay));
}

// The oracle: what the dashboard must say, from the plan alone.
struct Expected {
    std::map<std::string, StateCounts> by_area;
    StateCounts total{};
    DayHistogram to_verified, to_paid, to_card, correction_return;
    std::int64_t cards_after_payment = 0, cards_within_14 = 0, stuck = 0, asked = 0;
    std::map<std::pair<std::string, std::int64_t>, std::int64_t> weekly_area;
};

Expected expect(const std::string& kecamatan, const std::string& from, const std::string& to,
                int stuck_days) {
    Expected e;
    // The weeks shown: kWeeksShown ending with the period's last day, or today.
    UnixSeconds end = kNow;
    if (!to.empty()) end = std::min(end, toDays(*parseIsoDate(to)) * kDay + kDay - 1);
    const std::int64_t first_week = weekOf(end) - (kWeeksShown - 1);
    for (int k = 0; k < kMembers; ++k) {
        const Planned p = plan(k);
        const std::string day = dayText(p.received);
        if (!kecamatan.empty() && p.kecamatan != kecamatan) continue;
        if ((!from.empty() && day < from) || (!to.empty() && day > to)) continue;
        OfficeState state = OfficeState::fresh;
        UnixSeconds since = p.received;
        const UnixSeconds paid_on = (p.received / kDay + 10) * kDay;
        if (p.decision == Planned::verified) {
            state = OfficeState::verified;
            since = p.decided;
            e.to_verified[(p.decided - p.received) / kDay] += 1;
        } else if (p.decision == Planned::correction) {
            state = p.corrected ? OfficeState::corrected : OfficeState::needs_correction;
            since = p.corrected ? p.decided + 2 * kDay : p.decided;
            e.asked += 1;
            if (p.corrected) e.correction_return[2] += 1;
        } else if (p.decision == Planned::rejected) {
            state = OfficeState::rejected;
            since = p.decided;
        }
        if (p.paid) {
            state = OfficeState::paid;
            since = kNow - kDay;  // the import's time
            e.to_paid[(paid_on - p.received) / kDay > 0 ? (paid_on - p.received) / kDay : 0] += 1;
        }
        if (p.card_after_paid) {
            state = OfficeState::card_issued;
            const UnixSeconds card_on = paid_on + p.card_after_paid * kDay;
            e.to_card[(card_on - p.received) / kDay] += 1;
            e.cards_after_payment += 1;
            if (p.card_after_paid <= 14) e.cards_within_14 += 1;
        }
        const std::string area = kecamatan.empty() ? p.kecamatan : p.village;
        e.by_area[area][static_cast<size_t>(state)] += 1;
        e.total[static_cast<size_t>(state)] += 1;
        if (canBeStuck(state) && since < kNow - stuck_days * kDay) e.stuck += 1;
        if (weekOf(p.received) >= first_week) e.weekly_area[{area, weekOf(p.received)}] += 1;
    }
    return e;
}

void checkAgainst(const Dashboard& d, const Expected& e) {
    std::map<std::string, StateCounts> got;
    for (const AreaCounts& a : d.areas) got[a.code] = a.counts;
    CHECK(got == e.by_area);
    CHECK(d.total.counts == e.total);
    CHECK(d.to_verified == e.to_verified);
    CHECK(d.to_paid == e.to_paid);
    CHECK(d.to_card == e.to_card);
    CHECK(d.cards_after_payment == e.cards_after_payment);
    CHECK(d.cards_within_14 == e.cards_within_14);
    CHECK(d.stuck_count == e.stuck);
    CHECK(d.stuck.size() == static_cast<size_t>(std::min<std::int64_t>(e.stuck, kStuckListed)));
    for (size_t i = 1; i < d.stuck.size(); ++i) CHECK(d.stuck[i - 1].since <= d.stuck[i].since);
    CHECK(d.corrections_asked == e.asked);
    CHECK(d.correction_return == e.correction_return);
    std::map<std::pair<std::string, std::int64_t>, std::int64_t> weekly;
    for (const WeekCount& w : d.weekly_by_area) weekly[{w.key, w.week}] += w.count;
    CHECK(weekly == e.weekly_area);
}

}  // namespace

TEMPLATE_TEST_CASE("dashboard: every figure matches a data set with known answers",
                   "[dashboard]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "dashboard.db");
    auto hub = openHub(db);
    fill(*hub, db);

    SECTION("the regency, all time") {
        auto d = readDashboard(hub->db(), {}, kNow, "18.06", 641036);
        REQUIRE(d);
        checkAgainst(*d, expect("", "", "", 14));
        CHECK(d->total.code == "18.06");
        CHECK(d->total.population == 641036);
        CHECK(d->areas.size() == 2);
        // Stated outright too, so a wrong oracle cannot hide a wrong reading.
        const Coverage c = coverageOf(d->total.counts, d->total.population);
        CHECK(c.registered == 18);  // 24 less the 6 rejected
        CHECK(c.verified == 6);
        CHECK(c.paid == 3);
        CHECK(c.card == 3);
        CHECK(d->cards_after_payment == 3);
        CHECK(d->cards_within_14 == 2);  // k = 0 and 16: 5 days; k = 8: 20 days
        CHECK(d->corrections_asked == 6);
        CHECK(histogramTotal(d->correction_return) == 3);
        // Ratings: by month, category and the kiosk's area.
        REQUIRE(d->ratings.size() == 2);
        CHECK(d->ratings[0].month == "2026-11");
        CHECK(d->ratings[0].area == "18.06.01");
        CHECK(d->ratings[0].count == 2);
        CHECK(d->ratings[0].rating_sum == 7);
        CHECK(d->ratings[1].month == "2026-12");
        CHECK(d->ratings[1].area == "18.06");
        // Eight weeks up to today (2027-01-03) start on Monday 2026-11-09: the first week's
        // six registrations (2026-11-04) are before them.
        CHECK(formatIsoDate(dateOf(weekStart(d->first_week))) == "2026-11-09");
        std::int64_t by_devices = 0;
        for (const WeekCount& w : d->weekly_by_device) by_devices += w.count;
        CHECK(by_devices == kMembers - 6);
    }
    SECTION("one kecamatan opens its pekon, with the population the office entered") {
        REQUIRE(importPopulation(hub->db(), {{2, "18.06.01", 5000}, {3, "18.06.01.2016", 700}},
                                 kNow));
        DashboardFilter f;
        f.kecamatan = "18.06.01";
        auto d = readDashboard(hub->db(), f, kNow, "18.06", 641036);
        REQUIRE(d);
        checkAgainst(*d, expect("18.06.01", "", "", 14));
        CHECK(d->total.code == "18.06.01");
        CHECK(d->total.population == 5000);
        REQUIRE(d->areas.size() == 1);
        CHECK(d->areas[0].code == "18.06.01.2016");
        CHECK(d->areas[0].population == 700);
        // Only Kota Agung's kiosk.
        REQUIRE(d->ratings.size() == 1);
        CHECK(d->ratings[0].area == "18.06.01");
        // A second import replaces the figure.
        REQUIRE(importPopulation(hub->db(), {{2, "18.06.01", 5100}}, kNow));
        auto people = areaPopulation(hub->db());
        REQUIRE(people);
        CHECK(people->at("18.06.01") == 5100);
        CHECK(people->at("18.06.01.2016") == 700);
    }
    SECTION("a period: the second and third weeks' registrations, and another threshold") {
        DashboardFilter f;
        f.from_day = dayText(kStart + 7 * kDay);
        f.to_day = dayText(kStart + 20 * kDay);
        f.stuck_days = 40;
        auto d = readDashboard(hub->db(), f, kNow, "18.06", std::nullopt);
        REQUIRE(d);
        checkAgainst(*d, expect("", f.from_day, f.to_day, 40));
        CHECK(coverageOf(d->total.counts, d->total.population).registered == 6);
        REQUIRE(d->ratings.size() == 1);  // November's (the device's day), not December's
        CHECK(d->ratings[0].month == "2026-11");
    }
    SECTION("a rebuild keeps every figure") {
        auto before = readDashboard(hub->db(), {}, kNow, "18.06", std::nullopt);
        REQUIRE(before);
        REQUIRE(rebuildReadModels(hub->db(), kNow));
        auto after = readDashboard(hub->db(), {}, kNow, "18.06", std::nullopt);
        REQUIRE(after);
        checkAgainst(*after, expect("", "", "", 14));
        CHECK(after->to_card == before->to_card);
    }
}

TEMPLATE_TEST_CASE("dashboard: socialization, sessions by method and area, the quiz's gain",
                   "[dashboard]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "dashboard_sessions.db");
    auto hub = openHub(db);
    const std::string tablet = enrol(*hub, "Tim Penyuluh");
    auto session = [](const std::string& id, const std::string& village, const char* method,
                      const char* topic, const char* started) {
        return Json{{"session_id", id}, {"village_code", village}, {"method", method},
                    {"topic", topic}, {"started_at", started}, {"place", "Balai pekon"},
                    {"facilitators", Json::array({"Dewi"})}};
    };
    auto attended = [](const std::string& session, const std::string& attendee,
                       const std::string& household) {
        return Json{{"session_id", session}, {"attendee_id", attendee},
                    {"attendee", "Peserta " + attendee}, {"household_id", household}};
    };
    auto quiz = [](const std::string& session, const std::string& attendee, const char* phase,
                   int score) {
        return Json{{"session_id", session}, {"attendee_id", attendee}, {"quiz", "jkn"},
                    {"phase", phase}, {"score", score}, {"max_score", 5}};
    };
    std::vector<std::string> events;
    int seq = 0;
    auto add = [&](const char* type, const Json& data) {
        ++seq;
        events.push_back(eventJson("s-e" + std::to_string(seq), seq, type, data));
    };
    // Kota Agung: two counselling talks (3 and 2 attendees, households h1 h1 h2 and h3 h3), a
    // quiz before and after for three of them; Wonosobo: one door-to-door visit, no quiz; and
    // one session in January, outside the period below.
    add("session.held", session("s1", "18.06.01.2016", "penyuluhan", "how_to_pay",
                                "2026-11-10T09:00:00+07:00"));
    add("session.held", session("s2", "18.06.01.2016", "penyuluhan", "benefits",
                                "2026-11-17T09:00:00+07:00"));
    add("session.held", session("s3", "18.06.02.2012", "door_to_door", "how_to_pay",
                                "2026-11-12T09:00:00+07:00"));
    add("session.held", session("s4", "18.06.01.2016", "workshop", "how_to_pay",
                                "2027-01-05T09:00:00+07:00"));
    for (const auto& [s, a, h] : std::vector<std::tuple<const char*, const char*, const char*>>{
             {"s1", "a1", "h1"}, {"s1", "a2", "h1"}, {"s1", "a3", "h2"}, {"s2", "a4", "h3"},
             {"s2", "a5", "h3"}, {"s3", "a6", ""}, {"s4", "a7", "h4"}})
        add("session.attended", attended(s, a, h));
    add("quiz.answered", quiz("s1", "a1", "pre", 2));
    add("quiz.answered", quiz("s1", "a1", "post", 4));
    add("quiz.answered", quiz("s1", "a2", "pre", 1));
    add("quiz.answered", quiz("s1", "a2", "post", 5));
    add("quiz.answered", quiz("s1", "a3", "pre", 3));  // no post: not paired
    add("quiz.answered", quiz("s2", "a4", "pre", 3));
    add("quiz.answered", quiz("s2", "a4", "post", 3));
    // Leads: a1 and a3 of s1 want to register, a1's household is registered; a6 of s3 too.
    add("session.lead", Json{{"lead_id", "l1"}, {"session_id", "s1"}, {"attendee_id", "a1"}});
    add("session.lead", Json{{"lead_id", "l2"}, {"session_id", "s1"}, {"attendee_id", "a3"}});
    add("session.lead", Json{{"lead_id", "l3"}, {"session_id", "s3"}, {"attendee_id", "a6"}});
    add("lead.registered", Json{{"lead_id", "l1"}, {"household_id", "hx1"}});
    REQUIRE(hub->push(tablet, batch(events), kStart + 20 * kDay));

    DashboardFilter november;
    november.from_day = "2026-11-01";
    november.to_day = "2026-11-30";
    auto d = readDashboard(hub->db(), november, kNow, "18.06", 641036);
    REQUIRE(d);
    REQUIRE(d->sessions.size() == 2);
    CHECK(d->sessions[0].area == "18.06.01");
    CHECK(d->sessions[0].method == "penyuluhan");
    CHECK(d->sessions[0].sessions == 2);
    CHECK(d->sessions[0].attendance == 5);
    CHECK(d->sessions[0].households == 3);
    CHECK(d->sessions[0].leads == 2);
    CHECK(d->sessions[0].leads_registered == 1);
    CHECK(d->sessions[1].leads == 1);
    CHECK(d->sessions[1].leads_registered == 0);
    CHECK(d->sessions[1].area == "18.06.02");
    CHECK(d->sessions[1].method == "door_to_door");
    CHECK(d->sessions[1].attendance == 1);
    CHECK(d->sessions[1].households == 0);
    REQUIRE(d->gain_by_topic.size() == 2);
    CHECK(d->gain_by_topic[0].key == "benefits");
    CHECK(d->gain_by_topic[0].pairs == 1);
    CHECK(d->gain_by_topic[1].key == "how_to_pay");
    CHECK(d->gain_by_topic[1].pairs == 2);
    CHECK(d->gain_by_topic[1].pre_score == 3);
    CHECK(d->gain_by_topic[1].post_score == 9);
    CHECK(d->gain_by_topic[1].post_max == 10);
    REQUIRE(d->gain_by_session.size() == 2);
    CHECK(d->gain_by_session[0].key == "s2");  // the latest first
    CHECK(d->gain_by_session[1].key == "s1");
    CHECK(d->gain_by_session[1].village_code == "18.06.01.2016");

    // A kecamatan: its pekon, and all time brings January's workshop in.
    DashboardFilter kota_agung;
    kota_agung.kecamatan = "18.06.01";
    auto k = readDashboard(hub->db(), kota_agung, kNow, "18.06", 641036);
    REQUIRE(k);
    REQUIRE(k->sessions.size() == 2);
    CHECK(k->sessions[0].area == "18.06.01.2016");
    CHECK(k->sessions[0].method == "penyuluhan");
    CHECK(k->sessions[1].method == "workshop");
    CHECK(k->sessions[1].households == 1);
    CHECK(k->sessions[0].leads == 2);

    // A rebuild keeps every figure.
    REQUIRE(rebuildReadModels(hub->db(), kNow));
    auto again = readDashboard(hub->db(), november, kNow, "18.06", 641036);
    REQUIRE(again);
    REQUIRE(again->sessions.size() == 2);
    CHECK(again->sessions[0].leads_registered == 1);
    CHECK(again->gain_by_topic.size() == 2);
}
