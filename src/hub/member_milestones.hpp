#pragma once

#include <cstdint>
#include <string>
#include <vector>

// When a member first reached each step of the office's pipeline, from the facts the hub keeps
// (the staff's decisions and BPJS's imported statuses): what the dashboard's pipeline times are
// measured from. Pure: no storage, no clock.
namespace pekon::hub {

struct DecisionFact {
    std::string decision;     // verified, needs_correction, rejected
    std::int64_t decided_at;  // hub time (Unix seconds)
};
struct StatusDateFact {
    std::string status;      // a status code (core/status statusCode)
    std::string decided_on;  // YYYY-MM-DD, BPJS's date of it
};

// Unix seconds, 0 when the step was never recorded. A date counts as its first second (UTC).
// - verified_at: the earliest `verified` decision, or `verified` status if earlier;
// - paid_at: the earliest `paid` status;
// - card_at: the earliest `card_issued` or `card_delivered` status.
// A step is only what was recorded: a card imported with no payment before it has no paid_at
// (the pipeline's times count only members whose both ends are known).
struct Milestones {
    std::int64_t verified_at = 0;
    std::int64_t paid_at = 0;
    std::int64_t card_at = 0;
};
Milestones memberMilestones(const std::vector<DecisionFact>& decisions,
                            const std::vector<StatusDateFact>& statuses);

}  // namespace pekon::hub
