#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "core/result.hpp"
#include "scan/decoder.hpp"

// Decoding out of process. ZXing-C++ 1.4 as Debian ships it keeps its assertions, and some
// images make it abort; a library crash must cost one image, never the app or `pekon scan`.
// A SandboxDecoder hands each frame or photo to a worker process (pekon-scan-worker, running
// the in-process Decoder) over a socket pair and waits at most a time limit for the answer.
// When the worker dies or overruns, that image gets an error and the next one a new worker.
// One thread uses a SandboxDecoder at a time.
namespace pekon::scan {

// The worker to run: $PEKON_SCAN_WORKER when set, else pekon-scan-worker beside the running
// program, else the one in the build tree this was built in.
std::string defaultWorkerPath();

class SandboxDecoder {
  public:
    struct Options {
        std::string worker = defaultWorkerPath();
        int frame_limit_ms = 2000;   // a live frame (bounded work: milliseconds normally)
        int still_limit_ms = 30000;  // a photo (every treatment of every region)
    };
    explicit SandboxDecoder(Symbologies formats = kAllSymbologies);
    SandboxDecoder(Symbologies formats, Options options);
    ~SandboxDecoder();
    SandboxDecoder(const SandboxDecoder&) = delete;
    SandboxDecoder& operator=(const SandboxDecoder&) = delete;

    Symbologies formats() const { return formats_; }

    // As Decoder::decodeFrame / decodeStill, run by the worker. Errors: `scan_crashed` (the
    // decoder died on this image), `scan_timeout` (it took longer than the limit),
    // `scan_worker` (no worker could be started).
    Result<std::vector<Code>> decodeFrame(const GrayView& frame);
    Result<std::vector<Code>> decodeStill(const GrayView& image);

    // Workers started so far (the first one included): 1 + the restarts after a crash.
    int workersStarted() const { return started_; }
    // The running worker's process id, -1 when none runs (diagnostics, tests).
    pid_t workerPid() const { return pid_; }

  private:
    Result<std::vector<Code>> decode(std::uint32_t kind, const GrayView& image, int limit_ms);
    Status start();
    // Ends the worker (SIGKILL when `kill`, else by closing its socket) and reaps it.
    void stop(bool kill);
    Symbologies formats_;
    Options options_;
    pid_t pid_ = -1;
    int fd_ = -1;
    int started_ = 0;
};

}  // namespace pekon::scan
