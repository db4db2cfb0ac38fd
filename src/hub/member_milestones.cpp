#include "hub/member_milestones.hpp"

#include "core/date.hpp"

namespace pekon::hub {

namespace {

// The earlier of a kept time and a new one (0: none kept).
void keepEarliest(std::int64_t& kept, std::int64_t at) {
    if (kept == 0 || at < kept) kept = at;
}

}  // namespace

Milestones memberMilestones(const std::vector<DecisionFact>& decisions,
                            const std::vector<StatusDateFact>& statuses) {
    Milestones out;
    for (const DecisionFact& d : decisions)
        if (d.decision == "verified" && d.decided_at > 0) keepEarliest(out.verified_at, d.decided_at);
    for (const StatusDateFact& s : statuses) {
        auto day = parseIsoDate(s.decided_on);
        if (!day) continue;  // the import validated it; a damaged row records nothing
        const std::int64_t at = toDays(*day) * 86400;
        if (at <= 0) continue;
        if (s.status == "verified") keepEarliest(out.verified_at, at);
        if (s.status == "paid") keepEarliest(out.paid_at, at);
        if (s.status == "card_issued" || s.status == "card_delivered") keepEarliest(out.card_at, at);
    }
    return out;
}

}  // namespace pekon::hub
