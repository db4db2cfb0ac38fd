#include "platform/camera.hpp"

#include <linux/videodev2.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "support/check_error.hpp"
#include "support/fixtures.hpp"

// stb_image_write, private to this file.
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#if __has_include(<stb_image_write.h>)
#include <stb_image_write.h>
#else
#include <stb/stb_image_write.h>
#endif
#pragma GCC diagnostic pop

using namespace pekon;
using namespace pekon::platform;

namespace {

using Bytes = std::vector<std::uint8_t>;

// A gray test picture with edges and gradients, like a barcode on paper.
Bytes testPicture(int w, int h) {
    Bytes px(static_cast<size_t>(w * h));
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            int v = 30 + (x * 180) / w + (y * 20) / h;
            if (y > h / 4 && y < h / 2 && (x / 4) % 2 == 0) v = 15;  // bars
            px[static_cast<size_t>(y * w + x)] = static_cast<std::uint8_t>(v);
        }
    }
    return px;
}

void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<Bytes*>(context);
    const auto* p = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), p, p + size);
}

// A real JPEG of `gray` (w x h), written as 1 channel or as RGB with R = G = B.
Bytes makeJpeg(const Bytes& gray, int w, int h, int channels, int quality) {
    Bytes rgb;
    const void* src = gray.data();
    if (channels == 3) {
        for (std::uint8_t v : gray) rgb.insert(rgb.end(), {v, v, v});
        src = rgb.data();
    }
    Bytes jpeg;
    REQUIRE(stbi_write_jpg_to_func(appendBytes, &jpeg, w, h, channels, src, quality) != 0);
    return jpeg;
}

// The JPEG without its DHT segments, like the MJPEG frames of most UVC webcams.
Bytes stripHuffmanTables(const Bytes& jpeg) {
    Bytes out(jpeg.begin(), jpeg.begin() + 2);  // SOI
    size_t pos = 2;
    while (pos + 4 <= jpeg.size()) {
        REQUIRE(jpeg[pos] == 0xFF);
        const std::uint8_t marker = jpeg[pos + 1];
        if (marker == 0xDA) break;
        const size_t length = (size_t{jpeg[pos + 2]} << 8) | jpeg[pos + 3];
        if (marker != 0xC4)
            out.insert(out.end(), jpeg.begin() + pos, jpeg.begin() + pos + 2 + length);
        pos += 2 + length;
    }
    out.insert(out.end(), jpeg.begin() + pos, jpeg.end());
    return out;
}

bool hasMarkerBeforeScan(const Bytes& jpeg, std::uint8_t wanted) {
    size_t pos = 2;
    while (pos + 4 <= jpeg.size() && jpeg[pos + 1] != 0xDA) {
        if (jpeg[pos + 1] == wanted) return true;
        pos += 2 + ((size_t{jpeg[pos + 2]} << 8) | jpeg[pos + 3]);
    }
    return false;
}

// Offset of the first segment with `marker` (its FF), searching the headers up to the scan.
size_t findSegment(const Bytes& jpeg, std::uint8_t marker) {
    size_t pos = 2;
    while (pos + 4 <= jpeg.size()) {
        if (jpeg[pos + 1] == marker) return pos;
        if (jpeg[pos + 1] == 0xDA) break;
        pos += 2 + ((size_t{jpeg[pos + 2]} << 8) | jpeg[pos + 3]);
    }
    FAIL("marker not found");
    return 0;
}

double meanAbsDiff(const Bytes& a, const Bytes& b) {
    REQUIRE(a.size() == b.size());
    double sum = 0;
    for (size_t i = 0; i < a.size(); ++i) sum += std::abs(int(a[i]) - int(b[i]));
    return sum / double(a.size());
}

int maxAbsDiff(const Bytes& a, const Bytes& b) {
    REQUIRE(a.size() == b.size());
    int worst = 0;
    for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(int(a[i]) - int(b[i])));
    return worst;
}

void checkMentionsPath(const Error& e, const std::string& path) {
    CHECK(e.message_id.find(path) != std::string::npos);
    CHECK(e.message_en.find(path) != std::string::npos);
}

}  // namespace

// ---- devices --------------------------------------------------------------------------------

TEST_CASE("camera: listCameras gives only existing capture nodes, sorted", "[camera]") {
    const std::vector<CameraInfo> cameras = listCameras();
    for (const CameraInfo& c : cameras) {
        INFO(c.path);
        CHECK(c.path.rfind("/dev/video", 0) == 0);
        struct stat st {};
        REQUIRE(::stat(c.path.c_str(), &st) == 0);
        CHECK(S_ISCHR(st.st_mode));
    }
    for (size_t i = 1; i < cameras.size(); ++i) {
        CHECK(cameras[i - 1].path != cameras[i].path);
    }
    // Stable: a second listing gives the same paths in the same order.
    const std::vector<CameraInfo> again = listCameras();
    REQUIRE(again.size() == cameras.size());
    for (size_t i = 0; i < again.size(); ++i) CHECK(again[i].path == cameras[i].path);
}

TEST_CASE("camera: a missing device is camera_not_found", "[camera]") {
    const std::string path = "/dev/video-pekon-missing";
    auto r = Camera::open(path);
    CHECK_ERROR_CODE(r, "camera_not_found");
    checkMentionsPath(r.error(), path);
    CHECK_ERROR_CODE(Camera::open("/nonexistent-dir/video0"), "camera_not_found");
}

TEST_CASE("camera: things that are not capture devices are camera_not_capture", "[camera]") {
    SECTION("/dev/null: a character device without V4L2") {
        auto r = Camera::open("/dev/null");
        CHECK_ERROR_CODE(r, "camera_not_capture");
        checkMentionsPath(r.error(), "/dev/null");
    }
    SECTION("a regular file") {
        const std::string path = test::tempPath("not-a-camera.bin");
        std::ofstream(path) << "not a camera";
        auto r = Camera::open(path, 640, 480);
        CHECK_ERROR_CODE(r, "camera_not_capture");
        checkMentionsPath(r.error(), path);
    }
    SECTION("a read-only regular file is still not_capture, not a permission problem") {
        const std::string path = test::tempPath("read-only.bin");
        std::ofstream(path) << "x";
        REQUIRE(::chmod(path.c_str(), 0400) == 0);
        CHECK_ERROR_CODE(Camera::open(path), "camera_not_capture");
    }
    SECTION("a directory") {
        CHECK_ERROR_CODE(Camera::open(test::tempDir()), "camera_not_capture");
    }
}

TEST_CASE("camera: the error messages differ per code", "[camera]") {
    auto missing = Camera::open("/dev/video-pekon-missing");
    auto null = Camera::open("/dev/null");
    REQUIRE_FALSE(missing.ok());
    REQUIRE_FALSE(null.ok());
    CHECK(missing.error().code != null.error().code);
    CHECK(missing.error().message_id != null.error().message_id);
    CHECK(missing.error().message_en != null.error().message_en);
}

// ---- format choice ----------------------------------------------------------------------------

TEST_CASE("camera: formats are ranked GREY, YUYV, NV12/YUV420, MJPEG", "[camera]") {
    using detail::rankFormats;
    const std::vector<std::uint32_t> webcam = {V4L2_PIX_FMT_MJPEG, V4L2_PIX_FMT_YUYV};
    CHECK(rankFormats(webcam) == std::vector<std::uint32_t>{V4L2_PIX_FMT_YUYV, V4L2_PIX_FMT_MJPEG});
    CHECK(rankFormats({V4L2_PIX_FMT_YUV420, V4L2_PIX_FMT_GREY, V4L2_PIX_FMT_NV12}) ==
          std::vector<std::uint32_t>{V4L2_PIX_FMT_GREY, V4L2_PIX_FMT_NV12, V4L2_PIX_FMT_YUV420});
    CHECK(rankFormats({V4L2_PIX_FMT_MJPEG}) == std::vector<std::uint32_t>{V4L2_PIX_FMT_MJPEG});
    CHECK(rankFormats({V4L2_PIX_FMT_RGB24, V4L2_PIX_FMT_H264}).empty());
    CHECK(rankFormats({}).empty());
}

TEST_CASE("camera: cameras sort by path with numbers as numbers", "[camera]") {
    std::vector<CameraInfo> cams = {{"/dev/video10", "c"},
                                    {"/dev/video2", "b"},
                                    {"/dev/video0", "a"},
                                    {"/dev/video1a", "x"},
                                    {"/dev/video11", "d"}};
    detail::sortCameras(cams);
    std::vector<std::string> paths;
    for (const CameraInfo& c : cams) paths.push_back(c.path);
    CHECK(paths == std::vector<std::string>{"/dev/video0", "/dev/video2", "/dev/video10",
                                            "/dev/video11", "/dev/video1a"});
}

TEST_CASE("camera: fourcc names", "[camera]") {
    CHECK(detail::fourccName(V4L2_PIX_FMT_YUYV) == "YUYV");
    CHECK(detail::fourccName(V4L2_PIX_FMT_GREY) == "GREY");
    CHECK(detail::fourccName(V4L2_PIX_FMT_NV12) == "NV12");
    CHECK(detail::fourccName(V4L2_PIX_FMT_YUV420) == "YU12");
    CHECK(detail::fourccName(V4L2_PIX_FMT_MJPEG) == "MJPG");
    CHECK(detail::fourccName(v4l2_fourcc('Y', '8', ' ', ' ')) == "Y8");
}

// ---- raw conversions ----------------------------------------------------------------------------

TEST_CASE("camera: YUYV to gray takes every other byte and honours the stride", "[camera]") {
    // 3 x 2 pixels would need whole pairs; use 4 x 2, stride 10 (2 bytes of padding per row).
    const Bytes src = {
        10, 200, 11, 201, 12, 202, 13, 203, 0xEE, 0xEE,  // row 0: Y = 10 11 12 13
        20, 100, 21, 101, 22, 102, 23, 103, 0xEE, 0xEE,  // row 1: Y = 20 21 22 23
    };
    Bytes out = {1, 2, 3};  // reused, resized
    detail::yuyvToGray(src.data(), 4, 2, 10, out);
    CHECK(out == Bytes{10, 11, 12, 13, 20, 21, 22, 23});
}

TEST_CASE("camera: NV12 to gray copies the Y plane row by row", "[camera]") {
    // 3 x 2 luma, stride 4, then a UV plane that must not leak in.
    const Bytes src = {
        1,   2,   3,   0xEE,  // row 0
        4,   5,   6,   0xEE,  // row 1
        128, 128, 128, 128,   // UV
    };
    Bytes out;
    detail::nv12ToGray(src.data(), 3, 2, 4, out);
    CHECK(out == Bytes{1, 2, 3, 4, 5, 6});
}

TEST_CASE("camera: convertFrame checks the buffer size before reading", "[camera]") {
    GrayFrame frame;
    frame.width = 99;
    frame.pixels = {42};

    SECTION("YUYV with padding") {
        Bytes src(2 * 12, 0);  // 4 x 2 at stride 12
        for (int y = 0; y < 2; ++y)
            for (int x = 0; x < 4; ++x)
                src[static_cast<size_t>(y * 12 + 2 * x)] = uint8_t(y * 4 + x);
        REQUIRE(detail::convertFrame(V4L2_PIX_FMT_YUYV, src.data(), src.size(), 4, 2, 12, frame));
        CHECK(frame.width == 4);
        CHECK(frame.height == 2);
        CHECK(frame.pixels == Bytes{0, 1, 2, 3, 4, 5, 6, 7});
        // The last row's padding may be missing...
        frame.pixels.clear();
        REQUIRE(detail::convertFrame(V4L2_PIX_FMT_YUYV, src.data(), 12 + 8, 4, 2, 12, frame));
        CHECK(frame.pixels == Bytes{0, 1, 2, 3, 4, 5, 6, 7});
        // ...but not a byte of its pixels.
        CHECK_FALSE(detail::convertFrame(V4L2_PIX_FMT_YUYV, src.data(), 12 + 7, 4, 2, 12, frame));
    }
    SECTION("a stride below the row size means packed rows") {
        const Bytes src = {7, 0, 8, 0, 9, 0, 10, 0};
        REQUIRE(detail::convertFrame(V4L2_PIX_FMT_YUYV, src.data(), src.size(), 2, 2, 0, frame));
        CHECK(frame.pixels == Bytes{7, 8, 9, 10});
    }
    SECTION("GREY, NV12 and YUV420 share the plane copy") {
        const Bytes src = {1, 2, 3, 4, 5, 6, 200, 200, 200};
        for (std::uint32_t f : {V4L2_PIX_FMT_GREY, V4L2_PIX_FMT_NV12, V4L2_PIX_FMT_YUV420}) {
            GrayFrame g;
            REQUIRE(detail::convertFrame(f, src.data(), src.size(), 3, 2, 3, g));
            CHECK(g.pixels == Bytes{1, 2, 3, 4, 5, 6});
            CHECK(g.width == 3);
            CHECK(g.height == 2);
        }
    }
    SECTION("too short, unknown format or empty size: false and the frame is untouched") {
        const Bytes src(100, 9);
        CHECK_FALSE(detail::convertFrame(V4L2_PIX_FMT_GREY, src.data(), 5, 3, 2, 3, frame));
        CHECK_FALSE(detail::convertFrame(V4L2_PIX_FMT_YUYV, src.data(), 100, 10, 10, 20, frame));
        CHECK_FALSE(detail::convertFrame(V4L2_PIX_FMT_RGB24, src.data(), 100, 2, 2, 6, frame));
        CHECK_FALSE(detail::convertFrame(V4L2_PIX_FMT_GREY, src.data(), 100, 0, 2, 0, frame));
        CHECK_FALSE(detail::convertFrame(V4L2_PIX_FMT_GREY, src.data(), 100, 2, -1, 0, frame));
        CHECK_FALSE(detail::convertFrame(V4L2_PIX_FMT_MJPEG, src.data(), 100, 2, 2, 0, frame));
        CHECK(frame.width == 99);
        CHECK(frame.pixels == Bytes{42});
    }
}

// ---- MJPEG ----------------------------------------------------------------------------------

TEST_CASE("camera: a real JPEG decodes to luma close to the original", "[camera]") {
    const int w = 64, h = 48;
    const Bytes original = testPicture(w, h);
    for (int channels : {1, 3}) {
        for (int quality : {95, 75}) {  // stb subsamples chroma (4:2:0) at quality <= 90
            INFO("channels " << channels << ", quality " << quality);
            const Bytes jpeg = makeJpeg(original, w, h, channels, quality);
            GrayFrame frame;
            frame.pixels.assign(5, 0);
            frame.sequence = 7;
            REQUIRE(detail::mjpegToGray(jpeg.data(), jpeg.size(), frame));
            CHECK(frame.width == w);
            CHECK(frame.height == h);
            REQUIRE(frame.pixels.size() == original.size());
            CHECK(meanAbsDiff(frame.pixels, original) < 3.0);
            CHECK(maxAbsDiff(frame.pixels, original) < 40);
            CHECK(frame.sequence == 7);  // left to the camera
            // Through the dispatcher too (MJPG and JPEG fourccs).
            GrayFrame viaConvert;
            REQUIRE(detail::convertFrame(V4L2_PIX_FMT_MJPEG, jpeg.data(), jpeg.size(), 1, 1, 0,
                                         viaConvert));
            CHECK(viaConvert.pixels == frame.pixels);
            CHECK(viaConvert.width == w);
            REQUIRE(detail::convertFrame(V4L2_PIX_FMT_JPEG, jpeg.data(), jpeg.size(), 0, 0, 0,
                                         viaConvert));
        }
    }
}

TEST_CASE("camera: MJPEG frames without Huffman tables get the standard ones", "[camera]") {
    const int w = 40, h = 24;
    const Bytes original = testPicture(w, h);
    for (int channels : {1, 3}) {
        INFO("channels " << channels);
        const Bytes jpeg = makeJpeg(original, w, h, channels, 90);
        const Bytes stripped = stripHuffmanTables(jpeg);
        REQUIRE(hasMarkerBeforeScan(jpeg, 0xC4));
        REQUIRE_FALSE(hasMarkerBeforeScan(stripped, 0xC4));
        REQUIRE(stripped.size() < jpeg.size());

        GrayFrame full, bare;
        REQUIRE(detail::mjpegToGray(jpeg.data(), jpeg.size(), full));
        REQUIRE(detail::mjpegToGray(stripped.data(), stripped.size(), bare));
        CHECK(bare.width == w);
        CHECK(bare.height == h);
        CHECK(bare.pixels == full.pixels);
    }
}

TEST_CASE("camera: truncated, corrupt and random MJPEG frames are skipped", "[camera]") {
    const int w = 32, h = 32;
    const Bytes jpeg = makeJpeg(testPicture(w, h), w, h, 3, 80);
    GrayFrame frame;
    frame.width = 5;
    frame.pixels = {1, 2, 3};

    SECTION("every truncation") {
        for (size_t n = 0; n < jpeg.size(); ++n) {  // every prefix loses (part of) the EOI
            INFO("kept " << n << " of " << jpeg.size());
            REQUIRE_FALSE(detail::mjpegToGray(jpeg.data(), n, frame));
        }
        CHECK(frame.width == 5);
        CHECK(frame.pixels == Bytes{1, 2, 3});
    }
    SECTION("random bytes") {
        std::mt19937 rng(20261122);
        for (int i = 0; i < 300; ++i) {
            Bytes junk(rng() % 4096);
            for (auto& b : junk) b = static_cast<std::uint8_t>(rng());
            if (i % 2 == 0 && junk.size() >= 2) junk[0] = 0xFF, junk[1] = 0xD8;  // looks like SOI
            REQUIRE_FALSE(detail::mjpegToGray(junk.data(), junk.size(), frame));
        }
        CHECK(frame.pixels == Bytes{1, 2, 3});
        CHECK_FALSE(detail::mjpegToGray(nullptr, 0, frame));
    }
    SECTION("corrupted real frames never crash and never give a wrong size") {
        std::mt19937 rng(7);
        for (int i = 0; i < 500; ++i) {
            Bytes bad = jpeg;
            const int flips = 1 + static_cast<int>(rng() % 8);
            for (int k = 0; k < flips; ++k) bad[2 + rng() % (bad.size() - 2)] = uint8_t(rng());
            GrayFrame out;
            if (detail::mjpegToGray(bad.data(), bad.size(), out)) {
                CHECK(out.width > 0);
                CHECK(out.height > 0);
                CHECK(out.pixels.size() == size_t(out.width) * size_t(out.height));
            } else {
                CHECK(out.pixels.empty());
            }
        }
    }
}

TEST_CASE("camera: padding after the end of a frame is ignored", "[camera]") {
    const int w = 16, h = 16;
    Bytes jpeg = makeJpeg(testPicture(w, h), w, h, 3, 90);
    GrayFrame clean, padded;
    REQUIRE(detail::mjpegToGray(jpeg.data(), jpeg.size(), clean));
    jpeg.insert(jpeg.end(), 1000, 0);  // UVC buffers are often larger than the JPEG
    REQUIRE(detail::mjpegToGray(jpeg.data(), jpeg.size(), padded));
    CHECK(padded.pixels == clean.pixels);
}

TEST_CASE("camera: hostile JPEG headers are refused before the decoder sees them", "[camera]") {
    const int w = 16, h = 16;
    const Bytes jpeg = makeJpeg(testPicture(w, h), w, h, 3, 90);
    GrayFrame frame;
    REQUIRE(detail::mjpegToGray(jpeg.data(), jpeg.size(), frame));

    SECTION("a Huffman table with more than 256 codes (overflows stb_image's tables)") {
        Bytes bad = jpeg;  // keeps its tables; this one redefines DC table 0
        Bytes dht = {0xFF, 0xC4, 0, 0, 0x00};
        for (int i = 0; i < 16; ++i) dht.push_back(20);  // 320 codes
        for (int i = 0; i < 320; ++i) dht.push_back(static_cast<std::uint8_t>(i % 12));
        dht[2] = static_cast<std::uint8_t>((dht.size() - 2) >> 8);
        dht[3] = static_cast<std::uint8_t>((dht.size() - 2) & 0xFF);
        const size_t sos = findSegment(bad, 0xDA);
        bad.insert(bad.begin() + static_cast<long>(sos), dht.begin(), dht.end());
        CHECK_FALSE(detail::mjpegToGray(bad.data(), bad.size(), frame));
    }
    SECTION("a scan using a Huffman table that was never defined") {
        Bytes bad = jpeg;
        const size_t sos = findSegment(bad, 0xDA);
        bad[sos + 6] = 0x23;  // first component: DC table 2, AC table 3
        CHECK_FALSE(detail::mjpegToGray(bad.data(), bad.size(), frame));
    }
    SECTION("a component whose quantisation table was never defined") {
        Bytes bad = jpeg;
        const size_t sof = findSegment(bad, 0xC0);
        bad[sof + 2 + 2 + 6 + 2] = 3;  // first component: Tq 3
        CHECK_FALSE(detail::mjpegToGray(bad.data(), bad.size(), frame));
    }
    SECTION("progressive JPEG (never sent by webcams)") {
        Bytes bad = jpeg;
        bad[findSegment(bad, 0xC0) + 1] = 0xC2;
        CHECK_FALSE(detail::mjpegToGray(bad.data(), bad.size(), frame));
    }
    SECTION("a segment length running past the end") {
        Bytes bad = jpeg;
        const size_t dqt = findSegment(bad, 0xDB);
        bad[dqt + 2] = 0xFF;
        bad[dqt + 3] = 0xF0;
        CHECK_FALSE(detail::mjpegToGray(bad.data(), bad.size(), frame));
    }
    CHECK(frame.width == w);  // untouched by the failures
}
