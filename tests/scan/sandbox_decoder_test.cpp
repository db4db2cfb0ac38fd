// The scan sandbox with the real pekon-scan-worker: an image ZXing aborts on, and an image that
// overruns its time limit, each cost that image only; the next image gets a new worker.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "scan/image_file.hpp"
#include "scan/sandbox_decoder.hpp"
#include "support/scan_samples.hpp"

using namespace pekon;

namespace {

scan::GrayImage load(const std::string& path) {
    auto image = scan::loadImageFile(path);
    INFO(path);
    REQUIRE(image.ok());
    return std::move(image.value());
}

scan::GrayImage crasher() {
    return load(test::scanRegressionsDir() + "/ean13-zxing-assert.png");
}

scan::GrayImage goodQr() {
    return load(test::scanDataDir() + "/qrencode_nik__clean.jpg");
}

const std::string kQrText = "1806010107850001";

bool holds(const std::vector<scan::Code>& codes, const std::string& text) {
    for (const auto& c : codes)
        if (c.text == text) return true;
    return false;
}

// Children of this process not yet reaped: none may be left behind.
bool noZombies() {
    return ::waitpid(-1, nullptr, WNOHANG) <= 0;
}

}  // namespace

TEST_CASE("scan sandbox: an image ZXing aborts on costs only that image, photo and frame") {
    const scan::GrayImage bad = crasher();
    const scan::GrayImage good = goodQr();
    scan::SandboxDecoder sandbox;

    auto first = sandbox.decodeStill(good.view());
    REQUIRE(first.ok());
    CHECK(holds(*first, kQrText));
    CHECK(sandbox.workersStarted() == 1);

    // The regression photo: Debian's ZXing asserts and aborts; the worker dies, not this test.
    auto crashed = sandbox.decodeStill(bad.view());
    REQUIRE_FALSE(crashed.ok());
    CHECK(crashed.error().code == "scan_crashed");
    CHECK_FALSE(crashed.error().message_id.empty());
    CHECK_FALSE(crashed.error().message_en.empty());

    // The next image is read by a new worker.
    auto after = sandbox.decodeStill(good.view());
    REQUIRE(after.ok());
    CHECK(holds(*after, kQrText));
    CHECK(sandbox.workersStarted() == 2);

    // The same on the live path: the crash costs a frame, the following frames are decoded.
    int crashes = 0;
    for (int i = 0; i < 6; ++i) {
        auto r = sandbox.decodeFrame(bad.view());
        if (!r) {
            CHECK(r.error().code == "scan_crashed");
            ++crashes;
        }
    }
    auto live = sandbox.decodeFrame(good.view());
    REQUIRE(live.ok());
    CHECK(holds(*live, kQrText));
    CHECK(sandbox.workersStarted() == 2 + crashes);
    CHECK(noZombies());
}

TEST_CASE("scan sandbox: an image that takes longer than the limit costs only that image") {
    const scan::GrayImage good = goodQr();
    // An empty 1280x720 frame: the photo path tries every treatment, far more than 1 ms.
    const scan::GrayImage busy = load(test::emptyScanFrames().front());
    scan::SandboxDecoder::Options options;
    options.still_limit_ms = 1;
    scan::SandboxDecoder hurried(scan::kAllSymbologies, options);
    auto late = hurried.decodeStill(busy.view());
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == "scan_timeout");

    // The overrunning worker was killed; the next image gets a new one, within its own limit.
    auto next = hurried.decodeFrame(good.view());
    REQUIRE(next.ok());
    CHECK(holds(*next, kQrText));
    CHECK(hurried.workersStarted() == 2);
    CHECK(noZombies());
}

TEST_CASE("scan sandbox: a worker that cannot start is an error for each image, not a crash") {
    scan::SandboxDecoder::Options options;
    options.worker = "/nonexistent/pekon-scan-worker";
    scan::SandboxDecoder sandbox(scan::kAllSymbologies, options);
    const scan::GrayImage good = goodQr();
    for (int i = 0; i < 2; ++i) {
        auto r = sandbox.decodeFrame(good.view());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "scan_worker");
    }
    // Empty images need no worker.
    auto none = sandbox.decodeStill(scan::GrayView{});
    REQUIRE(none.ok());
    CHECK(none->empty());
}

TEST_CASE("scan sandbox: a worker killed between images is replaced") {
    const scan::GrayImage good = goodQr();
    scan::SandboxDecoder sandbox;
    REQUIRE(sandbox.decodeFrame(good.view()).ok());
    // Any outside death (the OOM killer, a signal): the next image finds the socket closed.
    REQUIRE(sandbox.workerPid() > 0);
    REQUIRE(::kill(sandbox.workerPid(), SIGKILL) == 0);
    auto r = sandbox.decodeFrame(good.view());
    if (!r) CHECK(r.error().code == "scan_crashed");
    auto again = sandbox.decodeFrame(good.view());
    REQUIRE(again.ok());
    CHECK(holds(*again, kQrText));
}
