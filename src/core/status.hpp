#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace pekon {

// A member's enrolment status, in pipeline order.
enum class MemberStatus {
    draft,            // being filled in on the device
    queued,           // saved; its event waits in the outbox
    synced,           // the hub acknowledged the registration
    verified,         // the office verified it against Dukcapil/BPJS data
    needs_correction,  // the office sent it back with a reason; a correction re-queues it
    rejected,         // the office rejected it (with a reason); a correction re-queues it
    payment_pending,  // first premium due
    paid,             // first premium paid
    card_issued,      // KIS card number issued
    card_delivered,   // card in the member's hands
};

inline constexpr MemberStatus kAllStatuses[] = {
    MemberStatus::draft,           MemberStatus::queued,   MemberStatus::synced,
    MemberStatus::verified,        MemberStatus::needs_correction,
    MemberStatus::rejected,        MemberStatus::payment_pending,
    MemberStatus::paid,            MemberStatus::card_issued,
    MemberStatus::card_delivered};

std::string_view statusCode(MemberStatus status);  // snake_case, as above
std::optional<MemberStatus> parseStatus(std::string_view text);

// The allowed moves:
//   draft -> queued -> synced -> verified | needs_correction | rejected
//   needs_correction -> queued              (corrected and sent again)
//   rejected -> queued                      (corrected and sent again)
//   verified -> payment_pending -> paid -> card_issued -> card_delivered
//   verified -> paid                        (paid before a bill was recorded)
//   verified -> card_issued                 (PBI and PPU: nothing for the member to pay)
bool canTransition(MemberStatus from, MemberStatus to);

// Whether an office decision pulled from the hub moves a member from `from` to `to`. The
// office is the authority, so it may skip steps the device never saw (a member still `queued`
// on the device can be `verified`; `verified` can become `card_issued`), but nothing moves
// backwards: a late or repeated decision for a step already passed leaves the status alone.
// `needs_correction` and `rejected` sit beside `synced`: each is possible until a card is
// issued (also from the other, or from `queued` when the request overtook the device's
// acknowledgement); a member in either can still be verified (the office changed its mind,
// or the correction was accepted), and `draft` is never a target.
bool officeCanMove(MemberStatus from, MemberStatus to);

// The days from payment to card: the ETA shown to the member is paid + 14 days.
inline constexpr int kCardEtaDays = 14;

struct StatusStep {
    MemberStatus status;
    UnixSeconds at;
};

// A member's path through the pipeline, one timestamp per step.
class StatusTimeline {
  public:
    explicit StatusTimeline(MemberStatus initial, UnixSeconds at) {
        steps_.push_back({initial, at});
    }

    // Error `status_transition_invalid` for a move the pipeline does not allow, or
    // `status_time_invalid` for a step dated before the previous one.
    Status advance(MemberStatus to, UnixSeconds at);

    MemberStatus current() const { return steps_.back().status; }
    const std::vector<StatusStep>& steps() const { return steps_; }
    std::optional<UnixSeconds> reachedAt(MemberStatus status) const;  // latest time reached
    // paid + 14 days while the card is not yet issued; nullopt otherwise.
    std::optional<Date> cardEta() const;

  private:
    std::vector<StatusStep> steps_;
};

Error transitionError(MemberStatus from, MemberStatus to);

// The card ETA of a member whose status is `current` with these steps: the latest payment
// + 14 days while the status is `paid`; nullopt otherwise.
std::optional<Date> cardEta(MemberStatus current, const std::vector<StatusStep>& steps);

}  // namespace pekon
