#include "scan/sandbox_decoder.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "scan/worker_wire.hpp"

extern char** environ;

namespace pekon::scan {

namespace {

Error crashed() {
    return Error{"scan_crashed",
                 "Pembaca kode berhenti mendadak pada gambar ini; gambar ini dilewati.",
                 "The code reader crashed on this image; the image was skipped."};
}

Error timedOut() {
    return Error{"scan_timeout",
                 "Membaca gambar ini terlalu lama; gambar ini dilewati.",
                 "Reading this image took too long; the image was skipped."};
}

Error noWorker(const std::string& path) {
    return Error{"scan_worker", "Pembaca kode tidak dapat dijalankan: " + path + ".",
                 "The code reader could not be started: " + path + "."};
}

}  // namespace

std::string defaultWorkerPath() {
    if (const char* env = std::getenv("PEKON_SCAN_WORKER"); env && *env) return env;
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto beside = self.parent_path() / "pekon-scan-worker";
        if (std::filesystem::exists(beside, ec)) return beside.string();
    }
    return PEKON_SCAN_WORKER_BUILT;
}

SandboxDecoder::SandboxDecoder(Symbologies formats) : SandboxDecoder(formats, Options{}) {}

SandboxDecoder::SandboxDecoder(Symbologies formats, Options options)
    : formats_(formats & kAllSymbologies), options_(std::move(options)) {}

SandboxDecoder::~SandboxDecoder() {
    stop(false);
}

Status SandboxDecoder::start() {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return noWorker(options_.worker);
    // A whole 1280x720 frame fits the socket's buffer: one send, no wait for the worker.
    const int buffer = 1 << 21;
    ::setsockopt(fds[0], SOL_SOCKET, SO_SNDBUF, &buffer, sizeof buffer);
    ::setsockopt(fds[1], SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    char* argv[] = {const_cast<char*>(options_.worker.c_str()), nullptr};
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, options_.worker.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
        ::close(fds[0]);
        return noWorker(options_.worker);
    }
    pid_ = pid;
    fd_ = fds[0];
    ++started_;
    return {};
}

void SandboxDecoder::stop(bool kill) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (pid_ <= 0) return;
    if (kill) ::kill(pid_, SIGKILL);
    // Closing the socket ends a healthy worker at once; one that does not end within a second
    // (busy on an image) is killed.
    for (int i = 0; i < 100; ++i) {
        const pid_t r = ::waitpid(pid_, nullptr, WNOHANG);
        if (r == pid_ || (r < 0 && errno != EINTR)) {
            pid_ = -1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

Result<std::vector<Code>> SandboxDecoder::decode(std::uint32_t kind, const GrayView& image,
                                                 int limit_ms) {
    std::vector<Code> codes;
    if (image.empty() || formats_ == 0) return codes;
    if (image.width > wire::kMaxSide || image.height > wire::kMaxSide) return codes;
    if (fd_ < 0) {
        if (Status s = start(); !s) return s.error();
    }
    const auto deadline = wire::Clock::now() + std::chrono::milliseconds(limit_ms);
    if (wire::sendRequest(fd_, kind, formats_, image, deadline) &&
        wire::recvReply(fd_, codes, deadline))
        return codes;
    // Dead (end of stream), broken (a malformed reply) or over time: this image is lost, the
    // next one gets a new worker.
    const bool late = wire::Clock::now() >= deadline;
    stop(true);
    return late ? timedOut() : crashed();
}

Result<std::vector<Code>> SandboxDecoder::decodeFrame(const GrayView& frame) {
    return decode(wire::kFrame, frame, options_.frame_limit_ms);
}

Result<std::vector<Code>> SandboxDecoder::decodeStill(const GrayView& image) {
    return decode(wire::kStill, image, options_.still_limit_ms);
}

}  // namespace pekon::scan
