// The scan sandbox with the real pekon-scan-worker: an image ZXing aborts on, and an image that
// overruns its time limit, each cost that image only; the next image gets a new worker. And the
// product barcode photos, decoded as Pekon decodes them: in the sandbox.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

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

// Photos of product barcodes (tests/data/scan_products: EAN-13 and UPC-A from zint and GNU
// barcode, harder degraded, many beyond plain ZXing): a product code is reported only when it is
// certain, so no frame gives a wrong code, on the photo path or in 12 live frames. Run through
// the sandbox, as Pekon runs it (a frame ZXing aborts on is counted apart, never as a read).
TEST_CASE("product barcode photos never give a wrong code", "[decoder][samples]") {
    const auto samples = test::scanSamples(test::productScanDataDir());
    REQUIRE(samples.size() >= 54);
    test::SampleReads reads;
    int photo_hits = 0, live_hits = 0, crashed = 0;
    std::vector<std::string> wrong;
    scan::SandboxDecoder still, camera;
    for (const auto& s : samples) {
        auto image = scan::loadImageFile(s.path);
        REQUIRE(image);
        const int before = reads.misreads;
        auto p = still.decodeStill(image->view());
        if (p) photo_hits += reads.holds(*p, s);
        crashed += !p;
        // Twelve frames each, read or not: two cycles of every treatment, all of them checked.
        bool l = false;
        for (int frame = 0; frame < 12; ++frame) {
            auto f = camera.decodeFrame(image->view());
            if (f) l |= reads.holds(*f, s);
            crashed += !f;
        }
        live_hits += l;
        if (reads.misreads != before) wrong.push_back(s.name);
    }
    std::printf("\nproduct barcodes: %d/%zu read on the photo path, %d/%zu live, %d frames "
                "crashed the decoder, %d wrong codes\n",
                photo_hits, samples.size(), live_hits, samples.size(), crashed, reads.misreads);
    INFO("wrong codes on: " << [&] {
        std::string all;
        for (const auto& w : wrong) all += w + " ";
        return all;
    }());
    CHECK(reads.misreads == 0);
    // Clean product codes are still read.
    CHECK(photo_hits >= 6);
}
