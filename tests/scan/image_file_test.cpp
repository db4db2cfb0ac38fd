#include "scan/image_file.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "support/check_error.hpp"
#include "support/fixtures.hpp"
#include "support/scan_samples.hpp"

using namespace pekon;
using namespace pekon::scan;

namespace {

std::uint32_t crc32(const std::string& bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

// A PNG signature and a well-formed IHDR claiming width x height (8-bit gray), then IEND.
std::string pngHeader(std::uint32_t width, std::uint32_t height) {
    std::string ihdr = "IHDR" + be32(width) + be32(height) + std::string("\x08\x00\x00\x00\x00", 5);
    std::string png = "\x89PNG\r\n\x1a\n";
    png += be32(13) + ihdr + be32(crc32(ihdr));
    png += be32(0) + "IEND" + be32(crc32("IEND"));
    return png;
}

}  // namespace

TEST_CASE("a real photo loads as grayscale", "[image_file]") {
    auto image = loadImageFile(test::scanDataDir() + "/qrencode_nik__clean.jpg");
    REQUIRE(image);
    CHECK(image->width == 1280);
    CHECK(image->height == 720);
    CHECK(image->pixels.size() == 1280u * 720u);
}

TEST_CASE("bad image files are clear errors, never a crash", "[image_file]") {
    const std::string jpeg = test::readWholeFile(test::scanDataDir() + "/qrencode_nik__clean.jpg");
    REQUIRE(jpeg.size() > 1000);

    CHECK_ERROR_CODE(decodeImage(""), "image_empty");
    CHECK_ERROR_CODE(decodeImage(jpeg.substr(0, jpeg.size() / 2)), "image_truncated");
    CHECK_ERROR_CODE(decodeImage(pngHeader(30000, 30000)), "image_too_large");
    CHECK_ERROR_CODE(decodeImage(pngHeader(20000, 100)), "image_too_large");  // one side too long
    CHECK_ERROR_CODE(decodeImage("PK\x03\x04 a zip file, not a picture"), "image_format");
    CHECK_ERROR_CODE(decodeImage("hello, world"), "image_format");
    // A header that is believable but no pixel data behind it.
    auto no_data = decodeImage(pngHeader(64, 64));
    REQUIRE_FALSE(no_data);
    CHECK((no_data.error().code == "image_corrupt" || no_data.error().code == "image_truncated"));

    CHECK_ERROR_CODE(loadImageFile(test::tempPath("missing.png")), "image_unreadable");
    const std::string dir = test::tempPath("a-folder.png");
    std::filesystem::create_directories(dir);
    CHECK_ERROR_CODE(loadImageFile(dir), "image_unreadable");

    // Both languages, and they differ.
    auto e = decodeImage(pngHeader(30000, 30000));
    CHECK(e.error().message_id.find("30000x30000") != std::string::npos);
    CHECK(e.error().message_en.find("30000x30000") != std::string::npos);
    CHECK(e.error().message_id != e.error().message_en);
}

TEST_CASE("random and damaged bytes never crash the loader", "[image_file]") {
    const std::string jpeg = test::readWholeFile(test::scanDataDir() + "/zint_qr_kv__clean.jpg");
    std::mt19937 rng(20261123);
    for (int i = 0; i < 200; ++i) {
        std::string bytes(static_cast<size_t>(rng() % 4096), '\0');
        for (char& c : bytes) c = static_cast<char>(rng());
        if (i % 2) bytes.replace(0, std::min<size_t>(bytes.size(), 8), "\x89PNG\r\n\x1a\n");
        auto r = decodeImage(bytes);
        if (r)
            CHECK(r->pixels.size() ==
                  static_cast<size_t>(r->width) * static_cast<size_t>(r->height));
    }
    // A real JPEG with bytes flipped in the middle: decodes to something or fails cleanly.
    for (int i = 0; i < 50; ++i) {
        std::string damaged = jpeg;
        for (int k = 0; k < 20; ++k)
            damaged[200 + rng() % (damaged.size() - 400)] = static_cast<char>(rng());
        auto r = decodeImage(damaged);
        if (r) CHECK(r->width == 1280);
    }
}

TEST_CASE("PNG chunks stb_image would mishandle are refused first", "[image_file]") {
    const std::string ihdr = "IHDR" + be32(16) + be32(16) + std::string("\x08\x00\x00\x00\x00", 5);
    const std::string head = "\x89PNG\r\n\x1a\n" + be32(13) + ihdr + be32(crc32(ihdr));
    const std::string iend = be32(0) + "IEND" + be32(crc32("IEND"));
    // An IDAT claiming 2 GiB in a file of 60 bytes (stb_image would allocate for it first).
    CHECK_ERROR_CODE(decodeImage(head + be32(0x80000000u) + "IDAT" + std::string(8, 'x') + iend),
                     "image_truncated");
    // An empty IDAT before any data (stb_image would memcpy to a null buffer).
    CHECK_ERROR_CODE(decodeImage(head + be32(0) + "IDAT" + be32(crc32("IDAT")) + iend),
                     "image_corrupt");
    // No IEND: the chunks stop early.
    CHECK_ERROR_CODE(decodeImage(head), "image_truncated");
}

TEST_CASE("the image fuzzer's seeds decode and its crashers fail cleanly", "[image_file]") {
    // tests/fuzz/image_corpus: tiny PNG, JPEG, GIF and BMP files, and every input that once
    // crashed stb_image through decodeImage (crash_*), kept as regression inputs.
    const std::string dir = std::string(PEKON_SOURCE_DIR) + "/tests/fuzz/image_corpus";
    int seeds = 0, crashers = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        INFO(name);
        auto image = decodeImage(test::readWholeFile(entry.path().string()));
        if (name.rfind("crash_", 0) == 0 || name.rfind("mjpeg_no_dht", 0) == 0) {
            // A camera frame without Huffman tables is only decoded by the camera.
            REQUIRE_FALSE(image);
            ++crashers;
        } else {
            REQUIRE(image);
            CHECK(image->pixels.size() ==
                  static_cast<size_t>(image->width) * static_cast<size_t>(image->height));
            ++seeds;
        }
    }
    CHECK(seeds >= 10);
    CHECK(crashers >= 2);
}
