#include "hub/member_milestones.hpp"

#include <catch2/catch.hpp>

#include "core/date.hpp"

using namespace pekon;
using namespace pekon::hub;

namespace {
std::int64_t dayStart(const char* day) { return toDays(*parseIsoDate(day)) * 86400; }
}  // namespace

TEST_CASE("member milestones: when each step was first reached", "[unit][dashboard]") {
    CHECK(memberMilestones({}, {}).verified_at == 0);

    // Sent back, then verified twice: the first verification counts.
    const Milestones decided = memberMilestones(
        {{"needs_correction", 100}, {"verified", 500}, {"verified", 300}, {"rejected", 50}}, {});
    CHECK(decided.verified_at == 300);
    CHECK(decided.paid_at == 0);
    CHECK(decided.card_at == 0);

    // BPJS's dates are days; a verified status earlier than the staff's decision wins.
    const Milestones imported = memberMilestones(
        {{"verified", dayStart("2026-11-20") + 600}},
        {{"verified", "2026-11-19"},
         {"paid", "2026-11-25"},
         {"paid", "2026-11-24"},
         {"card_issued", "2026-12-01"},
         {"card_delivered", "2026-11-30"},
         {"payment_pending", "2026-11-21"}});
    CHECK(imported.verified_at == dayStart("2026-11-19"));
    CHECK(imported.paid_at == dayStart("2026-11-24"));
    CHECK(imported.card_at == dayStart("2026-11-30"));

    // A card with no payment recorded before it has no payment date; a damaged date is nothing.
    const Milestones card_only =
        memberMilestones({}, {{"card_issued", "2026-12-01"}, {"paid", "2026-02-30"}});
    CHECK(card_only.paid_at == 0);
    CHECK(card_only.card_at == dayStart("2026-12-01"));
    CHECK(card_only.verified_at == 0);
}
