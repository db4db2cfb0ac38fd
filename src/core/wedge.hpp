#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pekon {

// Tells a keyboard-wedge scanner (a USB or Bluetooth scanner that "types" what it reads) from
// a person typing. A scanner sends a burst: many characters a few milliseconds apart, ended by
// Enter or Tab. Characters are held for at most `max_gap_ms`; when the next one comes later
// than that, the held ones were typing and are released to the focused field (a delay nobody
// notices). A terminator that ends a long enough, fast enough run makes it a scan, and none of
// it reaches the field.
struct WedgeTiming {
    std::int64_t max_gap_ms = 50;       // longest pause inside a burst (Bluetooth jitter)
    std::int64_t max_mean_gap_ms = 30;  // a burst averages under ~30 ms per key
    std::size_t min_length = 6;         // shorter runs are typing (e.g. a quick "ok" + Enter)
    std::size_t max_length = 8192;      // longer runs are released as typing, never held forever
};

// What the caller does after a key: deliver `typed` to the focused field (in order, before
// anything else), treat `scan` as a scanned code, and pass the terminator key on when
// `terminator` is true.
struct WedgeResult {
    std::string typed;
    std::optional<std::string> scan;
    bool terminator = false;
};

class WedgeDetector {
  public:
    explicit WedgeDetector(WedgeTiming timing = {}) : timing_(timing) {}

    // A character (UTF-8 text of one key) typed at `ms` (a monotonic clock).
    WedgeResult onText(std::string_view utf8, std::int64_t ms);
    // Enter or Tab at `ms`.
    WedgeResult onTerminator(std::int64_t ms);
    // The clock moved on with no key: releases held characters once the gap has passed.
    WedgeResult onTick(std::int64_t ms);

    // Another key (Backspace, an arrow) came: whatever is held was typing and goes first.
    WedgeResult flush() { return release(); }

    // Whether characters are held; the caller should tick again within `max_gap_ms`.
    bool holding() const { return !held_.empty(); }
    const WedgeTiming& timing() const { return timing_; }

  private:
    WedgeResult release();
    WedgeTiming timing_;
    std::string held_;
    std::size_t keys_ = 0;
    std::int64_t first_ms_ = 0;
    std::int64_t last_ms_ = 0;
};

}  // namespace pekon
