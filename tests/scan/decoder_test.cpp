#include "scan/decoder.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "scan/image_file.hpp"
#include "support/scan_samples.hpp"

using namespace pekon;
using namespace pekon::scan;

namespace {

struct Tally {
    int hits = 0, total = 0;
};

}  // namespace

// The black-box sample set (tests/data/scan): 20 codes from three encoders (ZXing's writer,
// qrencode, zint) x 9 degradations. Reports the rate per degradation; fails under 95% overall.
TEST_CASE("the degraded sample set is read at 95% or more, on the photo and the live paths",
          "[decoder][samples]") {
    const auto samples = test::scanSamples();
    REQUIRE(samples.size() >= 180);
    test::SampleReads reads;
    std::map<std::string, Tally> photo, live;
    int photo_hits = 0, live_hits = 0;
    std::vector<std::string> missed;
    for (const auto& s : samples) {
        auto image = loadImageFile(s.path);
        REQUIRE(image);
        Decoder still;
        const bool p = reads.holds(still.decodeStill(image->view()), s);
        // A camera shows the code in frame after frame; six frames are 0.2 s at 30 fps.
        Decoder camera;
        bool l = false;
        for (int frame = 0; frame < 6 && !l; ++frame)
            l = reads.holds(camera.decodeFrame(image->view()), s);
        photo[s.degradation].hits += p;
        ++photo[s.degradation].total;
        live[s.degradation].hits += l;
        ++live[s.degradation].total;
        photo_hits += p;
        live_hits += l;
        if (!p || !l) missed.push_back(s.name + (p ? "" : " photo") + (l ? "" : " live"));
    }
    std::printf(
        "\nscan samples: detection per degradation (photo path / live path within 6 frames)\n");
    for (const auto& [degradation, t] : photo)
        std::printf("  %-12s %2d/%d  %2d/%d\n", degradation.c_str(), t.hits, t.total,
                    live[degradation].hits, live[degradation].total);
    const double n = static_cast<double>(samples.size());
    std::printf("  %-12s %.1f%%  %.1f%%\n  missed:", "overall", 100.0 * photo_hits / n,
                100.0 * live_hits / n);
    for (const auto& m : missed) std::printf(" %s;", m.c_str());
    std::printf("\n");
    CHECK(photo_hits / n >= 0.95);
    CHECK(live_hits / n >= 0.95);
    CHECK(reads.misreads == 0);
    // Every clean frame, whatever the encoder and symbology, is read in one live frame.
    for (const auto& s : samples) {
        if (s.degradation != "clean") continue;
        auto image = loadImageFile(s.path);
        Decoder camera;
        INFO(s.name);
        CHECK(reads.holds(camera.decodeFrame(image->view()), s));
    }
}

TEST_CASE("frames with no code give no code (no false reads)", "[decoder][samples]") {
    const auto frames = test::emptyScanFrames();
    REQUIRE(frames.size() >= 10);
    Decoder camera, still;
    for (const auto& path : frames) {
        auto image = loadImageFile(path);
        REQUIRE(image);
        for (int frame = 0; frame < 6; ++frame) CHECK(camera.decodeFrame(image->view()).empty());
        CHECK(still.decodeStill(image->view()).empty());
    }
}

TEST_CASE("only the chosen symbologies are read", "[decoder]") {
    auto qr = loadImageFile(test::scanDataDir() + "/qrencode_nik__clean.jpg");
    auto code128 = loadImageFile(test::scanDataDir() + "/zint_code128_card__clean.jpg");
    REQUIRE(qr);
    REQUIRE(code128);
    Decoder qr_only(kQr);
    CHECK(qr_only.decodeStill(qr->view()).size() == 1);
    CHECK(qr_only.decodeStill(code128->view()).empty());
    Decoder linear(kLinearSymbologies);
    CHECK(linear.decodeStill(qr->view()).empty());
    const auto codes = linear.decodeStill(code128->view());
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].format == "Code128");
    CHECK(codes[0].text == "0009876543210");
    // Where it is: inside the frame, with a plausible size.
    CHECK(codes[0].box.x > 0);
    CHECK(codes[0].box.width > 100);
    CHECK(codes[0].box.x + codes[0].box.width <= code128->width);
}

TEST_CASE("empty and tiny images decode to nothing without failing", "[decoder]") {
    Decoder d;
    CHECK(d.decodeFrame(GrayView{}).empty());
    CHECK(d.decodeStill(GrayView{}).empty());
    GrayImage tiny;
    tiny.width = 3;
    tiny.height = 2;
    tiny.pixels.assign(6, 128);
    CHECK(d.decodeFrame(tiny.view()).empty());
    CHECK(d.decodeStill(tiny.view()).empty());
    GrayImage flat;
    flat.width = 1280;
    flat.height = 720;
    flat.pixels.assign(1280u * 720u, 200);
    CHECK(d.decodeFrame(flat.view()).empty());
}

TEST_CASE("symbology lists parse, print and reject unknown words", "[decoder]") {
    auto all = parseSymbologies("all");
    REQUIRE(all);
    CHECK(*all == kAllSymbologies);
    auto some = parseSymbologies(" QR, pdf417 ,ean ");
    REQUIRE(some);
    CHECK(*some == (kQr | kPdf417 | kEanUpc));
    CHECK(symbologiesText(*some) == "qr,pdf417,ean");
    CHECK(parseSymbologies(symbologiesText(kAllSymbologies)).value() == kAllSymbologies);
    auto bad = parseSymbologies("qr,maxicode");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == "scan_formats");
    CHECK(bad.error().message_en.find("maxicode") != std::string::npos);
    CHECK_FALSE(parseSymbologies(""));
    CHECK_FALSE(parseSymbologies(" , "));
}

TEST_CASE("EAN/UPC check digits", "[decoder]") {
    CHECK(checkDigitValid("EAN-13", "9780441014989"));
    CHECK_FALSE(checkDigitValid("EAN-13", "9780441014988"));
    CHECK_FALSE(checkDigitValid("EAN-13", "978044101498"));   // 12 digits
    CHECK_FALSE(checkDigitValid("EAN-13", "97804410149x9"));  // not a digit
    CHECK(checkDigitValid("UPC-A", "036000291452"));
    CHECK_FALSE(checkDigitValid("UPC-A", "036000291453"));
    CHECK(checkDigitValid("EAN-8", "96385074"));
    CHECK_FALSE(checkDigitValid("EAN-8", "96385075"));
    CHECK(checkDigitValid("UPC-E", "01234565"));  // UPC-A 012345000065
    CHECK_FALSE(checkDigitValid("UPC-E", "01234566"));
    CHECK(checkDigitValid("Code128", "anything"));  // no check digit tested here
    CHECK(isProductCode("EAN-13"));
    CHECK(isProductCode("UPC-A"));
    CHECK_FALSE(isProductCode("Code128"));
    CHECK_FALSE(isProductCode("QRCode"));
}
