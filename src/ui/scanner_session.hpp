#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/result.hpp"
#include "scan/decoder.hpp"
#include "scan/sandbox_decoder.hpp"
#include "ui/devices.hpp"

namespace pekon::ui {

// The scanner overlay's worker: opens a frame source, reads frames at camera rate, decodes each
// with the live-frame path and keeps the latest frame for the preview. Stops at the first code
// found. Frames are decoded in a worker process (scan::SandboxDecoder): a frame the decoder
// crashes or hangs on is skipped and said so, and reading goes on with a new worker.
// Destroying the session stops the thread and releases the camera.
class ScannerSession {
  public:
    using Opener = std::function<Result<std::unique_ptr<FrameSource>>()>;
    ScannerSession(Opener opener, scan::Symbologies formats,
                   scan::SandboxDecoder::Options options = {});
    ~ScannerSession();
    ScannerSession(const ScannerSession&) = delete;
    ScannerSession& operator=(const ScannerSession&) = delete;

    struct State {
        bool opening = true;            // the source is still being opened
        std::optional<Error> error;     // it could not be opened, or it failed
        std::uint64_t frames = 0;       // frames read so far
        double decode_ms = 0;           // the last frame's decode time
        std::vector<scan::Code> codes;  // set once, when a frame held codes; reading stops
        std::uint64_t skipped = 0;      // frames the decoder crashed or hung on
        std::optional<Error> skip_error;  // why the last skipped frame was skipped
    };
    State state() const;
    // Copies the latest frame into `out` when it is newer than `seen`; updates `seen`.
    bool latestFrame(scan::GrayImage& out, std::uint64_t& seen) const;

  private:
    void run(Opener opener);
    scan::SandboxDecoder decoder_;
    mutable std::mutex mutex_;
    State state_;
    scan::GrayImage preview_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace pekon::ui
