#include "core/status.hpp"

#include <string>

#include "core/code_lookup.hpp"

namespace pekon {

std::string_view statusCode(MemberStatus status) {
    switch (status) {
        case MemberStatus::draft:
            return "draft";
        case MemberStatus::queued:
            return "queued";
        case MemberStatus::synced:
            return "synced";
        case MemberStatus::verified:
            return "verified";
        case MemberStatus::needs_correction:
            return "needs_correction";
        case MemberStatus::rejected:
            return "rejected";
        case MemberStatus::payment_pending:
            return "payment_pending";
        case MemberStatus::paid:
            return "paid";
        case MemberStatus::card_issued:
            return "card_issued";
        case MemberStatus::card_delivered:
            return "card_delivered";
    }
    return "";
}

std::optional<MemberStatus> parseStatus(std::string_view text) {
    return findByCode(text, kAllStatuses, statusCode);
}

bool canTransition(MemberStatus from, MemberStatus to) {
    using S = MemberStatus;
    switch (from) {
        case S::draft:
            return to == S::queued;
        case S::queued:
            return to == S::synced;
        case S::synced:
            return to == S::verified || to == S::needs_correction || to == S::rejected;
        case S::needs_correction:
        case S::rejected:
            return to == S::queued;
        case S::verified:
            return to == S::payment_pending || to == S::paid || to == S::card_issued;
        case S::payment_pending:
            return to == S::paid;
        case S::paid:
            return to == S::card_issued;
        case S::card_issued:
            return to == S::card_delivered;
        case S::card_delivered:
            return false;
    }
    return false;
}

namespace {

// Place on the main line of the pipeline; `needs_correction` and `rejected` sit beside
// `synced`.
int pipelineRank(MemberStatus s) {
    using S = MemberStatus;
    switch (s) {
        case S::draft:
            return 0;
        case S::queued:
            return 1;
        case S::synced:
        case S::needs_correction:
        case S::rejected:
            return 2;
        case S::verified:
            return 3;
        case S::payment_pending:
            return 4;
        case S::paid:
            return 5;
        case S::card_issued:
            return 6;
        case S::card_delivered:
            return 7;
    }
    return 0;
}

}  // namespace

bool officeCanMove(MemberStatus from, MemberStatus to) {
    using S = MemberStatus;
    if (from == to || from == S::draft || to == S::draft || to == S::queued || to == S::synced)
        return false;
    if (to == S::rejected || to == S::needs_correction)
        return pipelineRank(from) < pipelineRank(S::card_issued);
    return pipelineRank(to) > pipelineRank(from);
}

Error transitionError(MemberStatus from, MemberStatus to) {
    const std::string f(statusCode(from)), t(statusCode(to));
    return Error{"status_transition_invalid",
                 "Status tidak bisa berubah dari " + f + " ke " + t + ".",
                 "The status cannot move from " + f + " to " + t + "."};
}

Status StatusTimeline::advance(MemberStatus to, UnixSeconds at) {
    if (!canTransition(current(), to)) return transitionError(current(), to);
    if (at < steps_.back().at)
        return Error{"status_time_invalid", "Waktu status lebih awal dari langkah sebelumnya.",
                     "The status time is earlier than the previous step."};
    steps_.push_back({to, at});
    return {};
}

std::optional<UnixSeconds> StatusTimeline::reachedAt(MemberStatus status) const {
    for (auto it = steps_.rbegin(); it != steps_.rend(); ++it) {
        if (it->status == status) return it->at;
    }
    return std::nullopt;
}

std::optional<Date> StatusTimeline::cardEta() const {
    return pekon::cardEta(current(), steps_);
}

std::optional<Date> cardEta(MemberStatus current, const std::vector<StatusStep>& steps) {
    if (current != MemberStatus::paid) return std::nullopt;
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
        if (it->status == MemberStatus::paid) return addDays(dateOf(it->at), kCardEtaDays);
    }
    return std::nullopt;
}

}  // namespace pekon
