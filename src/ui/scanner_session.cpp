#include "ui/scanner_session.hpp"

#include <chrono>

namespace pekon::ui {

ScannerSession::ScannerSession(Opener opener, scan::Symbologies formats,
                               scan::SandboxDecoder::Options options)
    : decoder_(formats, std::move(options)),
      thread_([this, opener = std::move(opener)]() mutable { run(std::move(opener)); }) {}

ScannerSession::~ScannerSession() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
}

ScannerSession::State ScannerSession::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

bool ScannerSession::latestFrame(scan::GrayImage& out, std::uint64_t& seen) const {
    std::lock_guard lock(mutex_);
    if (state_.frames == seen || preview_.pixels.empty()) return false;
    out = preview_;
    seen = state_.frames;
    return true;
}

void ScannerSession::run(Opener opener) {
    auto source = opener();
    if (!source) {
        std::lock_guard lock(mutex_);
        state_.opening = false;
        state_.error = source.error();
        return;
    }
    {
        std::lock_guard lock(mutex_);
        state_.opening = false;
    }
    scan::GrayImage frame;
    while (!stop_) {
        auto got = (*source)->next(frame, 100);
        if (!got) {
            std::lock_guard lock(mutex_);
            state_.error = got.error();
            break;
        }
        if (!*got) continue;
        const auto start = std::chrono::steady_clock::now();
        auto codes = decoder_.decodeFrame(frame.view());
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        std::lock_guard lock(mutex_);
        std::swap(preview_, frame);
        ++state_.frames;
        state_.decode_ms = ms;
        if (!codes) {
            // The decoder died or overran on this frame: it is skipped, the next gets a new one.
            ++state_.skipped;
            state_.skip_error = codes.error();
        } else if (!codes->empty()) {
            state_.codes = std::move(*codes);
            break;
        }
    }
    // `source` dies here: the camera is released as soon as reading stops.
}

}  // namespace pekon::ui
