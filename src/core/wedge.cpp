#include "core/wedge.hpp"

namespace pekon {

WedgeResult WedgeDetector::release() {
    WedgeResult out;
    out.typed = std::move(held_);
    held_.clear();
    keys_ = 0;
    return out;
}

WedgeResult WedgeDetector::onText(std::string_view utf8, std::int64_t ms) {
    WedgeResult out;
    if (!held_.empty() &&
        (ms - last_ms_ > timing_.max_gap_ms || held_.size() + utf8.size() > timing_.max_length))
        out = release();
    if (held_.empty()) first_ms_ = ms;
    held_.append(utf8);
    ++keys_;
    last_ms_ = ms;
    return out;
}

WedgeResult WedgeDetector::onTerminator(std::int64_t ms) {
    const bool in_time = !held_.empty() && ms - last_ms_ <= timing_.max_gap_ms;
    const std::int64_t span = ms - first_ms_;  // keys_ characters and the terminator: keys_ gaps
    const bool fast =
        keys_ > 0 && span <= timing_.max_mean_gap_ms * static_cast<std::int64_t>(keys_);
    if (in_time && fast && keys_ >= timing_.min_length) {
        WedgeResult out;
        out.scan = std::move(held_);
        held_.clear();
        keys_ = 0;
        return out;
    }
    WedgeResult out = release();
    out.terminator = true;
    return out;
}

WedgeResult WedgeDetector::onTick(std::int64_t ms) {
    if (!held_.empty() && ms - last_ms_ > timing_.max_gap_ms) return release();
    return {};
}

}  // namespace pekon
