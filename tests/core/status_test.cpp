#include "core/status.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <utility>

using namespace pekon;

namespace {

using S = MemberStatus;

// The pipeline of status.hpp, written out independently of canTransition().
const std::set<std::pair<S, S>> kAllowed{
    {S::draft, S::queued},
    {S::queued, S::synced},
    {S::synced, S::verified},
    {S::synced, S::needs_correction},
    {S::synced, S::rejected},
    {S::needs_correction, S::queued},
    {S::rejected, S::queued},
    {S::verified, S::payment_pending},
    {S::verified, S::paid},
    {S::verified, S::card_issued},
    {S::payment_pending, S::paid},
    {S::paid, S::card_issued},
    {S::card_issued, S::card_delivered},
};

constexpr UnixSeconds kDay = 86400;
const UnixSeconds kT0 = toDays(Date{2026, 11, 22}) * kDay;  // 2026-11-22T00:00:00Z

}  // namespace

TEST_CASE("status: codes round-trip") {
    CHECK(statusCode(S::draft) == "draft");
    CHECK(statusCode(S::payment_pending) == "payment_pending");
    CHECK(statusCode(S::card_delivered) == "card_delivered");
    std::set<std::string_view> seen;
    for (S s : kAllStatuses) {
        CHECK(parseStatus(statusCode(s)) == s);
        seen.insert(statusCode(s));
    }
    CHECK(seen.size() == 10);
    CHECK_FALSE(parseStatus("Draft"));
    CHECK_FALSE(parseStatus(""));
    CHECK_FALSE(parseStatus("cancelled"));
}

TEST_CASE("status: every allowed transition is allowed") {
    for (const auto& [from, to] : kAllowed) {
        INFO(std::string(statusCode(from)) + " -> " + std::string(statusCode(to)));
        CHECK(canTransition(from, to));
    }
}

TEST_CASE("status: every other transition is forbidden") {
    int forbidden = 0;
    for (S from : kAllStatuses) {
        for (S to : kAllStatuses) {
            if (kAllowed.count({from, to})) continue;
            INFO(std::string(statusCode(from)) + " -> " + std::string(statusCode(to)));
            CHECK_FALSE(canTransition(from, to));
            ++forbidden;
        }
    }
    CHECK(forbidden == 100 - 13);
    // A sample, spelled out.
    CHECK_FALSE(canTransition(S::draft, S::synced));          // skipping the outbox
    CHECK_FALSE(canTransition(S::queued, S::verified));       // skipping the hub
    CHECK_FALSE(canTransition(S::rejected, S::verified));     // must be re-sent
    CHECK_FALSE(canTransition(S::needs_correction, S::verified));  // must be corrected
    CHECK_FALSE(canTransition(S::paid, S::payment_pending));  // backwards
    CHECK_FALSE(canTransition(S::card_delivered, S::draft));
    CHECK_FALSE(canTransition(S::payment_pending, S::card_issued));  // unpaid
    CHECK_FALSE(canTransition(S::verified, S::verified));
}

TEST_CASE("status: a PBPU member's timeline and card ETA") {
    REQUIRE(formatRfc3339(kT0) == "2026-11-22T00:00:00Z");
    StatusTimeline t(S::draft, kT0);
    CHECK(t.current() == S::draft);
    CHECK_FALSE(t.cardEta());
    REQUIRE(t.advance(S::queued, kT0 + 60).ok());
    REQUIRE(t.advance(S::synced, kT0 + 3600).ok());
    REQUIRE(t.advance(S::verified, kT0 + 2 * kDay).ok());
    REQUIRE(t.advance(S::payment_pending, kT0 + 2 * kDay).ok());  // same second is fine
    CHECK_FALSE(t.cardEta());
    const UnixSeconds paid_at = kT0 + 3 * kDay + 23 * 3600;  // 2026-11-25T23:00:00Z
    REQUIRE(t.advance(S::paid, paid_at).ok());
    CHECK(t.current() == S::paid);
    REQUIRE(t.cardEta());
    CHECK(*t.cardEta() == Date{2026, 12, 9});
    CHECK(*t.cardEta() == addDays(dateOf(paid_at), kCardEtaDays));

    REQUIRE(t.steps().size() == 6);
    CHECK(t.steps()[0].status == S::draft);
    CHECK(t.steps()[0].at == kT0);
    CHECK(t.steps()[5].status == S::paid);
    CHECK(t.steps()[5].at == paid_at);
    CHECK(t.reachedAt(S::synced) == kT0 + 3600);
    CHECK(t.reachedAt(S::paid) == paid_at);
    CHECK_FALSE(t.reachedAt(S::rejected));
    CHECK_FALSE(t.reachedAt(S::card_issued));

    REQUIRE(t.advance(S::card_issued, paid_at + 10 * kDay).ok());
    CHECK_FALSE(t.cardEta());  // the card exists now
    REQUIRE(t.advance(S::card_delivered, paid_at + 12 * kDay).ok());
    CHECK(t.current() == S::card_delivered);
    CHECK_FALSE(t.cardEta());
}

TEST_CASE("status: card ETA across a year end") {
    StatusTimeline t(S::verified, kT0);
    const UnixSeconds paid_at = kT0 + 33 * kDay;  // 2026-12-25
    REQUIRE(t.advance(S::paid, paid_at).ok());
    REQUIRE(t.cardEta());
    CHECK(*t.cardEta() == Date{2027, 1, 8});
}

TEST_CASE("status: a rejected registration is corrected and re-queued") {
    StatusTimeline t(S::queued, kT0);
    REQUIRE(t.advance(S::synced, kT0 + 10).ok());
    REQUIRE(t.advance(S::rejected, kT0 + 20).ok());
    REQUIRE(t.advance(S::queued, kT0 + 30).ok());
    REQUIRE(t.advance(S::synced, kT0 + 40).ok());
    REQUIRE(t.advance(S::verified, kT0 + 50).ok());
    REQUIRE(t.advance(S::card_issued, kT0 + 60).ok());  // PBI: nothing to pay
    CHECK(t.reachedAt(S::queued) == kT0 + 30);          // the latest time
    CHECK(t.reachedAt(S::synced) == kT0 + 40);
    CHECK(t.reachedAt(S::rejected) == kT0 + 20);
    CHECK(t.steps().size() == 7);
    CHECK_FALSE(t.cardEta());
}

TEST_CASE("status: an invalid transition is refused and changes nothing") {
    StatusTimeline t(S::draft, kT0);
    auto s = t.advance(S::verified, kT0 + 1);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "status_transition_invalid");
    CHECK_THAT(s.error().message_en, Catch::Contains("draft") && Catch::Contains("verified"));
    CHECK_THAT(s.error().message_id, Catch::Contains("draft") && Catch::Contains("verified"));
    CHECK(s.error().message_id != s.error().message_en);
    CHECK(t.current() == S::draft);
    CHECK(t.steps().size() == 1);

    const Error e = transitionError(S::paid, S::queued);
    CHECK(e.code == "status_transition_invalid");
    CHECK_THAT(e.message_en, Catch::Contains("paid") && Catch::Contains("queued"));
}

TEST_CASE("status: a step dated before the previous one is refused") {
    StatusTimeline t(S::draft, kT0);
    auto s = t.advance(S::queued, kT0 - 1);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "status_time_invalid");
    CHECK_FALSE(s.error().message_id.empty());
    CHECK(s.error().message_id != s.error().message_en);
    CHECK(t.current() == S::draft);
    CHECK(t.steps().size() == 1);
    // The transition error wins when both are wrong.
    auto both = t.advance(S::paid, kT0 - 1);
    REQUIRE_FALSE(both.ok());
    CHECK(both.error().code == "status_transition_invalid");
}

TEST_CASE("status: cardEta from a member's steps") {
    const std::vector<StatusStep> steps{{MemberStatus::queued, 0},
                                        {MemberStatus::synced, 86400},
                                        {MemberStatus::verified, 2 * 86400},
                                        {MemberStatus::paid, 10 * 86400}};
    REQUIRE(cardEta(MemberStatus::paid, steps).has_value());
    CHECK(*cardEta(MemberStatus::paid, steps) == Date{1970, 1, 25});
    CHECK_FALSE(cardEta(MemberStatus::verified, steps).has_value());
    CHECK_FALSE(cardEta(MemberStatus::card_issued, steps).has_value());
}

TEST_CASE("status: office decisions move forward, skip steps, never go back") {
    using S = MemberStatus;
    // Forward, including steps the device never saw.
    CHECK(officeCanMove(S::queued, S::verified));
    CHECK(officeCanMove(S::synced, S::verified));
    CHECK(officeCanMove(S::synced, S::paid));
    CHECK(officeCanMove(S::verified, S::card_issued));
    CHECK(officeCanMove(S::card_issued, S::card_delivered));
    // Rejection until the card is issued; a rejected member may still be verified.
    CHECK(officeCanMove(S::synced, S::rejected));
    CHECK(officeCanMove(S::verified, S::rejected));
    CHECK_FALSE(officeCanMove(S::card_issued, S::rejected));
    CHECK(officeCanMove(S::rejected, S::verified));
    // A correction request likewise, and either decision may follow the other.
    CHECK(officeCanMove(S::synced, S::needs_correction));
    CHECK(officeCanMove(S::queued, S::needs_correction));
    CHECK(officeCanMove(S::paid, S::needs_correction));
    CHECK_FALSE(officeCanMove(S::card_issued, S::needs_correction));
    CHECK_FALSE(officeCanMove(S::card_delivered, S::needs_correction));
    CHECK(officeCanMove(S::needs_correction, S::verified));
    CHECK(officeCanMove(S::needs_correction, S::rejected));
    CHECK(officeCanMove(S::rejected, S::needs_correction));
    CHECK_FALSE(officeCanMove(S::needs_correction, S::needs_correction));
    // Never backwards, never the same step again, never into the device's own steps.
    CHECK_FALSE(officeCanMove(S::paid, S::verified));
    CHECK_FALSE(officeCanMove(S::card_delivered, S::card_issued));
    CHECK_FALSE(officeCanMove(S::verified, S::verified));
    CHECK_FALSE(officeCanMove(S::rejected, S::rejected));
    for (S from : kAllStatuses) {
        CHECK_FALSE(officeCanMove(from, S::draft));
        CHECK_FALSE(officeCanMove(from, S::queued));
        CHECK_FALSE(officeCanMove(from, S::synced));
        CHECK_FALSE(officeCanMove(S::draft, from));
    }
}
