#include "core/premiums.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/check_error.hpp"
#include "support/fixtures.hpp"

using namespace pekon;

namespace {

const PremiumTable& premiums() {
    return test::assets().premiums;
}

constexpr Date k2021{2021, 1, 1};
constexpr Date kLate2020{2020, 11, 15};

PremiumSchedule schedule(Date from, Rupiah c1, Rupiah c2, Rupiah c3,
                         std::vector<Subsidy> subsidies = {}) {
    PremiumSchedule s;
    s.effective_from = from;
    s.legal_basis = "test";
    s.class_premium = {c1, c2, c3};
    s.subsidies = std::move(subsidies);
    s.payroll_percent = 5;
    s.payroll_wage_cap = 12000000;
    return s;
}

}  // namespace

TEST_CASE("premiums: the asset table holds the two Perpres 64/2020 schedules") {
    const auto& s = premiums().schedules();
    REQUIRE(s.size() == 2);
    CHECK(s[0].effective_from == Date{2020, 7, 1});
    CHECK(s[1].effective_from == Date{2021, 1, 1});
    for (const PremiumSchedule& x : s) {
        CHECK(x.class_premium[0] == 150000);
        CHECK(x.class_premium[1] == 100000);
        CHECK(x.class_premium[2] == 42000);
        CHECK(x.payroll_percent == Approx(5.0));
        CHECK(x.payroll_wage_cap == 12000000);
        CHECK_FALSE(x.legal_basis.empty());
    }
}

TEST_CASE("premiums: scheduleOn picks the schedule in force") {
    CHECK_ERROR_CODE(premiums().scheduleOn(Date{2020, 6, 30}), "premium_not_in_force");
    auto first = premiums().scheduleOn(Date{2020, 7, 1});
    REQUIRE(first.ok());
    CHECK(first->effective_from == Date{2020, 7, 1});
    auto last_day = premiums().scheduleOn(Date{2020, 12, 31});
    REQUIRE(last_day.ok());
    CHECK(last_day->effective_from == Date{2020, 7, 1});
    auto second = premiums().scheduleOn(k2021);
    REQUIRE(second.ok());
    CHECK(second->effective_from == k2021);
    auto today = premiums().scheduleOn(test::kToday);
    REQUIRE(today.ok());
    CHECK(today->effective_from == k2021);
}

TEST_CASE("premiums: PBPU / BP pay their class premium minus the class III subsidy") {
    SECTION("PBPU class III from 2021: 42000 - 7000") {
        auto m = premiums().monthly(Segment::pbpu, 3, test::kToday);
        REQUIRE(m.ok());
        CHECK(m->payer == Payer::participant);
        CHECK(m->premium == 42000);
        CHECK(m->government_pays == 7000);
        CHECK(m->participant_pays == 35000);
    }
    SECTION("PBPU class III in late 2020: 42000 - 16500") {
        auto m = premiums().monthly(Segment::pbpu, 3, kLate2020);
        REQUIRE(m.ok());
        CHECK(m->government_pays == 16500);
        CHECK(m->participant_pays == 25500);
    }
    SECTION("BP class III from 2021") {
        auto m = premiums().monthly(Segment::bp, 3, k2021);
        REQUIRE(m.ok());
        CHECK(m->payer == Payer::participant);
        CHECK(m->participant_pays == 35000);
    }
    SECTION("no subsidy in classes I and II") {
        auto c1 = premiums().monthly(Segment::pbpu, 1, test::kToday);
        REQUIRE(c1.ok());
        CHECK(c1->premium == 150000);
        CHECK(c1->government_pays == 0);
        CHECK(c1->participant_pays == 150000);
        auto c2 = premiums().monthly(Segment::bp, 2, kLate2020);
        REQUIRE(c2.ok());
        CHECK(c2->premium == 100000);
        CHECK(c2->government_pays == 0);
        CHECK(c2->participant_pays == 100000);
    }
}

TEST_CASE("premiums: PBI is paid in full by the government") {
    for (Segment s : {Segment::pbi_apbn, Segment::pbi_apbd}) {
        INFO(std::string(segmentCode(s)));
        auto m = premiums().monthly(s, 3, test::kToday);
        REQUIRE(m.ok());
        CHECK(m->payer == Payer::government);
        CHECK(m->premium == 42000);
        CHECK(m->government_pays == 42000);
        CHECK(m->participant_pays == 0);
    }
}

TEST_CASE("premiums: PPU is paid through payroll") {
    for (int care_class : {1, 2}) {
        auto m = premiums().monthly(Segment::ppu, care_class, test::kToday);
        REQUIRE(m.ok());
        CHECK(m->payer == Payer::payroll);
        CHECK(m->premium == 0);
        CHECK(m->government_pays == 0);
        CHECK(m->participant_pays == 0);
    }
}

TEST_CASE("premiums: classes a segment may not choose") {
    auto pbi1 = premiums().monthly(Segment::pbi_apbn, 1, test::kToday);
    CHECK_ERROR_CODE(pbi1, "class_not_allowed");
    CHECK_THAT(pbi1.error().message_en, Catch::Contains("PBI-APBN") && Catch::Contains("Class I "));
    CHECK_ERROR_CODE(premiums().monthly(Segment::pbi_apbd, 2, test::kToday), "class_not_allowed");
    CHECK_ERROR_CODE(premiums().monthly(Segment::ppu, 3, test::kToday), "class_not_allowed");
    auto four = premiums().monthly(Segment::pbpu, 4, test::kToday);
    CHECK_ERROR_CODE(four, "class_not_allowed");
    CHECK_THAT(four.error().message_en, Catch::Contains("Class 4"));
    CHECK_ERROR_CODE(premiums().monthly(Segment::pbpu, 0, test::kToday), "class_not_allowed");
}

TEST_CASE("premiums: before the first schedule nothing is in force") {
    auto m = premiums().monthly(Segment::pbpu, 3, Date{2020, 6, 30});
    CHECK_ERROR_CODE(m, "premium_not_in_force");
    CHECK_THAT(m.error().message_en, Catch::Contains("2020-06-30"));
    CHECK_ERROR_CODE(premiums().householdMonthly({{Segment::pbi_apbn, 3}}, Date{2019, 1, 1}),
                     "premium_not_in_force");
}

TEST_CASE("premiums: household monthly totals") {
    using P = PremiumTable::Person;
    SECTION("three PBPU class III members from 2021") {
        auto h = premiums().householdMonthly(
            {{Segment::pbpu, 3}, {Segment::pbpu, 3}, {Segment::pbpu, 3}}, test::kToday);
        REQUIRE(h.ok());
        CHECK(h->premium == 3 * 42000);
        CHECK(h->government_pays == 3 * 7000);
        CHECK(h->participant_pays == 3 * 35000);
        CHECK(h->payroll_members == 0);
    }
    SECTION("the same household in late 2020") {
        auto h = premiums().householdMonthly(
            {{Segment::pbpu, 3}, {Segment::pbpu, 3}, {Segment::pbpu, 3}}, kLate2020);
        REQUIRE(h.ok());
        CHECK(h->government_pays == 3 * 16500);
        CHECK(h->participant_pays == 3 * 25500);
    }
    SECTION("a mixed household: PBPU III x3, PBI, PPU, BP II") {
        std::vector<P> people{{Segment::pbpu, 3},     {Segment::pbpu, 3}, {Segment::pbpu, 3},
                              {Segment::pbi_apbd, 3}, {Segment::ppu, 1},  {Segment::bp, 2}};
        auto h = premiums().householdMonthly(people, test::kToday);
        REQUIRE(h.ok());
        CHECK(h->premium == 3 * 42000 + 42000 + 0 + 100000);
        CHECK(h->government_pays == 3 * 7000 + 42000);
        CHECK(h->participant_pays == 3 * 35000 + 100000);
        CHECK(h->payroll_members == 1);
    }
    SECTION("all PBI: the government pays everything") {
        auto h = premiums().householdMonthly({{Segment::pbi_apbn, 3}, {Segment::pbi_apbn, 3}},
                                             test::kToday);
        REQUIRE(h.ok());
        CHECK(h->premium == 84000);
        CHECK(h->government_pays == 84000);
        CHECK(h->participant_pays == 0);
    }
    SECTION("PPU members are counted, not priced") {
        auto h = premiums().householdMonthly({{Segment::ppu, 1}, {Segment::ppu, 2}}, test::kToday);
        REQUIRE(h.ok());
        CHECK(h->payroll_members == 2);
        CHECK(h->premium == 0);
        CHECK(h->participant_pays == 0);
    }
    SECTION("an empty household costs nothing") {
        auto h = premiums().householdMonthly({}, test::kToday);
        REQUIRE(h.ok());
        CHECK(h->premium == 0);
        CHECK(h->payroll_members == 0);
    }
    SECTION("one member with a class not allowed fails the household") {
        CHECK_ERROR_CODE(
            premiums().householdMonthly({{Segment::pbpu, 3}, {Segment::pbi_apbn, 1}}, test::kToday),
            "class_not_allowed");
    }
}

TEST_CASE("premiums: create sorts schedules and validates them") {
    SECTION("any order") {
        auto t = PremiumTable::create(
            {schedule(Date{2024, 1, 1}, 3, 2, 1), schedule(Date{2020, 1, 1}, 30, 20, 10)});
        REQUIRE(t.ok());
        REQUIRE(t->schedules().size() == 2);
        CHECK(t->schedules()[0].effective_from == Date{2020, 1, 1});
        auto m = t->monthly(Segment::pbpu, 3, Date{2023, 12, 31});
        REQUIRE(m.ok());
        CHECK(m->premium == 10);
        auto n = t->monthly(Segment::pbpu, 3, Date{2024, 1, 1});
        REQUIRE(n.ok());
        CHECK(n->premium == 1);
    }
    SECTION("a subsidy equal to the premium is allowed") {
        auto t =
            PremiumTable::create({schedule(Date{2020, 1, 1}, 30, 20, 10, {{Segment::bp, 3, 10}})});
        REQUIRE(t.ok());
        auto m = t->monthly(Segment::bp, 3, Date{2020, 1, 1});
        REQUIRE(m.ok());
        CHECK(m->participant_pays == 0);
        CHECK(m->government_pays == 10);
    }
    SECTION("errors") {
        CHECK_ERROR_CODE(PremiumTable::create({}), "premium_table_invalid");
        CHECK_ERROR_CODE(PremiumTable::create({schedule(Date{2020, 1, 1}, 3, 2, 1),
                                               schedule(Date{2020, 1, 1}, 4, 2, 1)}),
                         "premium_table_invalid");
        CHECK_ERROR_CODE(PremiumTable::create({schedule(Date{2020, 1, 1}, 3, -2, 1)}),
                         "premium_table_invalid");
        CHECK_ERROR_CODE(PremiumTable::create({schedule(Date{2020, 1, 1}, 3, 2, 0)}),
                         "premium_table_invalid");
        CHECK_ERROR_CODE(PremiumTable::create(
                             {schedule(Date{2020, 1, 1}, 30, 20, 10, {{Segment::pbpu, 3, 11}})}),
                         "premium_table_invalid");
        CHECK_ERROR_CODE(PremiumTable::create(
                             {schedule(Date{2020, 1, 1}, 30, 20, 10, {{Segment::pbpu, 3, -1}})}),
                         "premium_table_invalid");
        CHECK_ERROR_CODE(
            PremiumTable::create({schedule(Date{2020, 1, 1}, 30, 20, 10, {{Segment::pbpu, 4, 1}})}),
            "premium_table_invalid");
        auto bad_payroll = schedule(Date{2020, 1, 1}, 30, 20, 10);
        bad_payroll.payroll_percent = 101;
        CHECK_ERROR_CODE(PremiumTable::create({bad_payroll}), "premium_table_invalid");
        auto bad_cap = schedule(Date{2020, 1, 1}, 30, 20, 10);
        bad_cap.payroll_wage_cap = -1;
        CHECK_ERROR_CODE(PremiumTable::create({bad_cap}), "premium_table_invalid");
    }
}

TEST_CASE("premiums: rupiah amounts are written the Indonesian way") {
    CHECK(formatRupiah(0) == "Rp0");
    CHECK(formatRupiah(7000) == "Rp7.000");
    CHECK(formatRupiah(35000) == "Rp35.000");
    CHECK(formatRupiah(1234567) == "Rp1.234.567");
    CHECK(formatRupiah(-42000) == "-Rp42.000");
}
