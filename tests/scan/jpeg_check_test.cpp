#include "scan/jpeg_check.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "scan/image_file.hpp"
#include "support/check_error.hpp"
#include "support/scan_samples.hpp"

using namespace pekon;
using namespace pekon::scan;

namespace {

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// tests/data/scan_extra (see its README): small JPEGs of other kinds.
std::string extra(const std::string& name) {
    return readAll(std::string(PEKON_SOURCE_DIR) + "/tests/data/scan_extra/" + name);
}

std::uint8_t byteAt(const std::string& s, size_t i) {
    return static_cast<std::uint8_t>(s[i]);
}

// A marker segment: FF, marker, length, body.
std::string segment(std::uint8_t marker, const std::string& body) {
    const size_t len = body.size() + 2;
    std::string s = {'\xff', static_cast<char>(marker), static_cast<char>(len >> 8),
                     static_cast<char>(len & 0xFF)};
    return s + body;
}

std::string bytes(std::initializer_list<int> values) {
    std::string s;
    for (int v : values) s.push_back(static_cast<char>(v));
    return s;
}

// One DHT table: class/id byte, 16 counts, the values.
std::string huffmanTable(int class_id, const std::vector<int>& counts,
                         const std::vector<int>& values) {
    std::string s(1, static_cast<char>(class_id));
    for (int i = 0; i < 16; ++i) {
        s.push_back(static_cast<char>(i < static_cast<int>(counts.size()) ? counts[i] : 0));
    }
    for (int v : values) s.push_back(static_cast<char>(v));
    return s;
}

// Entropy-coded data from a string of '0'/'1': padded with 1 bits, FF stuffed.
std::string entropy(std::string bits) {
    while (bits.size() % 8) bits.push_back('1');
    std::string out;
    for (size_t i = 0; i < bits.size(); i += 8) {
        const int b = std::stoi(bits.substr(i, 8), nullptr, 2);
        out.push_back(static_cast<char>(b));
        if (b == 0xFF) out.push_back('\0');
    }
    return out;
}

// A hand-made baseline gray JPEG of `blocks` 8x8 blocks in a row, with 16-bit quantisers of
// 65535 and one-code Huffman tables: DC "0" means category 15, AC "0" means end of block.
// `data` is its entropy-coded data.
std::string handMadeJpeg(int blocks, const std::string& data) {
    std::string jpeg = bytes({0xFF, 0xD8});
    std::string dqt(1, '\x10');
    dqt += std::string(128, '\xff');
    jpeg += segment(0xDB, dqt);
    const int w = 8 * blocks;
    jpeg += segment(0xC0, bytes({8, 0, 8, w >> 8, w & 0xFF, 1, 1, 0x11, 0}));
    jpeg += segment(0xC4, huffmanTable(0x00, {1}, {15}) + huffmanTable(0x10, {1}, {0x00}));
    jpeg += segment(0xDA, bytes({1, 1, 0x00, 0, 63, 0}));
    return jpeg + data + bytes({0xFF, 0xD9});
}

// One block's bits for handMadeJpeg: DC difference +32767 or -32767, then end of block.
std::string dcBlock(bool up) {
    return "0" + std::string(15, up ? '1' : '0') + "0";
}

struct Segment {
    size_t at;  // its FF
    std::uint8_t marker;
    size_t length;
};

// The marker segments of a JPEG in order, scans' data skipped (EOI last).
std::vector<Segment> segments(const std::string& jpeg) {
    std::vector<Segment> out;
    size_t pos = 2;
    while (pos + 1 < jpeg.size()) {
        REQUIRE(byteAt(jpeg, pos) == 0xFF);
        const std::uint8_t m = byteAt(jpeg, pos + 1);
        if (m == 0xD9) {
            out.push_back({pos, m, 0});
            break;
        }
        const size_t len = (size_t{byteAt(jpeg, pos + 2)} << 8) | byteAt(jpeg, pos + 3);
        out.push_back({pos, m, len});
        pos += 2 + len;
        if (m == 0xDA) {
            while (!(byteAt(jpeg, pos) == 0xFF && byteAt(jpeg, pos + 1) != 0 &&
                     (byteAt(jpeg, pos + 1) < 0xD0 || byteAt(jpeg, pos + 1) > 0xD7))) {
                ++pos;
            }
        }
    }
    return out;
}

std::vector<Segment> segmentsOf(const std::string& jpeg, std::uint8_t marker) {
    std::vector<Segment> out;
    for (const Segment& s : segments(jpeg)) {
        if (s.marker == marker) out.push_back(s);
    }
    return out;
}

std::string insertAt(std::string s, size_t at, const std::string& what) {
    s.insert(at, what);
    return s;
}

// A DHT with `codes` codes (counts spread over the 16 lengths) for table class/id.
std::string oversizedHuffman(int class_id, int codes) {
    std::vector<int> counts(16, codes / 16);
    counts[15] += codes % 16;
    return segment(0xC4, huffmanTable(class_id, counts, std::vector<int>(codes, 1)));
}

double meanAbsDiff(const GrayImage& a, const GrayImage& b) {
    REQUIRE(a.pixels.size() == b.pixels.size());
    double sum = 0;
    for (size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(a.pixels[i] - b.pixels[i]);
    return sum / static_cast<double>(a.pixels.size());
}

}  // namespace

TEST_CASE("jpeg: every real sample passes the check", "[jpeg_check]") {
    std::vector<std::string> paths;
    for (const auto& entry : std::filesystem::directory_iterator(test::scanDataDir())) {
        if (entry.path().extension() == ".jpg") paths.push_back(entry.path().string());
    }
    for (const std::string& path : test::emptyScanFrames()) paths.push_back(path);
    REQUIRE(paths.size() >= 180);
    for (const std::string& path : paths) {
        INFO(path);
        const std::string jpeg = readAll(path);
        auto layout = checkJpeg(jpeg);
        REQUIRE(layout);
        CHECK(layout->width == 1280);
        CHECK(layout->height == 720);
        CHECK_FALSE(layout->progressive);
        CHECK(layout->scans >= 1);
        CHECK(layout->huffman_tables);
        CHECK(layout->end <= jpeg.size());
        CHECK(byteAt(jpeg, layout->first_scan + 1) == 0xDA);
    }
}

TEST_CASE("jpeg: progressive, restart intervals and one scan per component", "[jpeg_check]") {
    SECTION("progressive colour 4:2:0 (ImageMagick -interlace JPEG)") {
        const std::string jpeg = extra("progressive.jpg");
        auto layout = checkJpeg(jpeg);
        REQUIRE(layout);
        CHECK(layout->progressive);
        CHECK(layout->width == 140);
        CHECK(layout->height == 92);
        CHECK(layout->components == 3);
        CHECK(layout->scans == 10);
        CHECK(layout->end == jpeg.size());
        auto image = decodeImage(jpeg);
        REQUIRE(image);
        CHECK(image->width == 140);
        CHECK(image->height == 92);
        // The same picture as the baseline files below (other sampling, same quality).
        auto baseline = decodeImage(extra("baseline_restart.jpg"));
        REQUIRE(baseline);
        CHECK(meanAbsDiff(*image, *baseline) < 4.0);
    }
    SECTION("progressive gray") {
        const std::string jpeg = extra("gray_progressive.jpg");
        auto layout = checkJpeg(jpeg);
        REQUIRE(layout);
        CHECK(layout->progressive);
        CHECK(layout->components == 1);
        auto image = decodeImage(jpeg);
        REQUIRE(image);
        CHECK(image->width == 160);
        CHECK(image->height == 90);
    }
    SECTION("lossless re-codings of one JPEG decode to the same pixels") {
        // jpegtran: restart every 5 blocks; progressive with restarts (DRI changing between
        // scans); sequential with one scan per component.
        std::vector<GrayImage> images;
        for (const char* name :
             {"baseline_restart.jpg", "progressive_restart.jpg", "baseline_scans.jpg"}) {
            INFO(name);
            const std::string jpeg = extra(name);
            auto layout = checkJpeg(jpeg);
            REQUIRE(layout);
            CHECK(layout->width == 140);
            CHECK(layout->height == 92);
            auto image = decodeImage(jpeg);
            REQUIRE(image);
            images.push_back(*image);
        }
        CHECK(checkJpeg(extra("progressive_restart.jpg"))->progressive);
        CHECK(checkJpeg(extra("baseline_scans.jpg"))->scans == 3);
        CHECK(images[1].pixels == images[0].pixels);
        CHECK(images[2].pixels == images[0].pixels);
    }
    SECTION("arithmetic coding is a format Pekon does not read") {
        CHECK_ERROR_CODE(checkJpeg(extra("arithmetic.jpg")), "image_format");
        CHECK_ERROR_CODE(decodeImage(extra("arithmetic.jpg")), "image_format");
    }
}

TEST_CASE("jpeg: a Huffman table with more than 256 codes is refused", "[jpeg_check]") {
    const std::string jpeg = readAll(test::scanDataDir() + "/zint_qr_kv__clean.jpg");
    REQUIRE(checkJpeg(jpeg));
    const size_t sof = segmentsOf(jpeg, 0xC0).at(0).at;
    const size_t sos = segmentsOf(jpeg, 0xDA).at(0).at;
    for (int class_id : {0x00, 0x10, 0x13}) {
        INFO("class/id " << class_id);
        // Before the frame header (stb_image builds it even to read the image size) and
        // just before the scan.
        for (size_t at : {sof, sos}) {
            const std::string bad = insertAt(jpeg, at, oversizedHuffman(class_id, 300));
            CHECK_ERROR_CODE(checkJpeg(bad), "image_corrupt");
            CHECK_ERROR_CODE(decodeImage(bad), "image_corrupt");
        }
    }
    // 256 codes is the most there can be; 257 is too many.
    const std::string dht257 = oversizedHuffman(0x10, 257);
    CHECK_ERROR_CODE(checkJpeg(insertAt(jpeg, sos, dht257)), "image_corrupt");
    // Counts that add up to more codes than a length can hold (2 codes of 1 bit is all).
    const std::string overfull = segment(0xC4, huffmanTable(0x00, {3}, {0, 1, 2}));
    CHECK_ERROR_CODE(checkJpeg(insertAt(jpeg, sos, overfull)), "image_corrupt");
    // Values running past the segment.
    std::string short_values = segment(0xC4, huffmanTable(0x00, {0, 4}, {0, 1}));
    CHECK_ERROR_CODE(checkJpeg(insertAt(jpeg, sos, short_values)), "image_corrupt");
    // Fill bytes before SOI are what stb_image allows: the check still runs.
    const std::string filled = "\xff\xff" + insertAt(jpeg, sos, oversizedHuffman(0, 300));
    CHECK(looksLikeJpeg(filled));
    CHECK_ERROR_CODE(decodeImage(filled), "image_corrupt");
    CHECK(decodeImage("\xff\xff" + jpeg));
}

TEST_CASE("jpeg: scans using tables that were never defined are refused", "[jpeg_check]") {
    SECTION("baseline") {
        const std::string jpeg = readAll(test::scanDataDir() + "/qrencode_kv__noise.jpg");
        const size_t sos = segmentsOf(jpeg, 0xDA).at(0).at;
        for (int tables : {0x20, 0x03, 0x33, 0x44}) {
            std::string bad = jpeg;
            bad[sos + 6] = static_cast<char>(tables);
            CHECK_ERROR_CODE(checkJpeg(bad), "image_corrupt");
            CHECK_ERROR_CODE(decodeImage(bad), "image_corrupt");
        }
        // No DHT at all (an MJPEG camera frame) unless the standard tables are allowed.
        std::string bare = jpeg;
        const std::vector<Segment> all = segments(jpeg);
        for (auto it = all.rbegin(); it != all.rend(); ++it) {
            if (it->marker == 0xC4) bare.erase(it->at, 2 + it->length);
        }
        CHECK(segmentsOf(bare, 0xC4).empty());
        CHECK_ERROR_CODE(checkJpeg(bare), "image_corrupt");
        CHECK_ERROR_CODE(decodeImage(bare), "image_corrupt");
        JpegCheckOptions standard;
        standard.standard_huffman_tables = true;
        // The tables are the standard ones only by chance here, so the data may not decode
        // with them; what counts is that they are taken as defined.
        auto with_standard = checkJpeg(bare, standard);
        if (!with_standard) CHECK(with_standard.error().code != "image_format");
        // A quantisation table that was never defined.
        std::string no_dqt = jpeg;
        const size_t sof = segmentsOf(jpeg, 0xC0).at(0).at;
        no_dqt[sof + 2 + 2 + 6 + 2] = 3;
        CHECK_ERROR_CODE(checkJpeg(no_dqt), "image_corrupt");
    }
    SECTION("progressive: AC scans need their AC table, DC refinements need none") {
        const std::string jpeg = extra("progressive.jpg");
        int ac_scans = 0, dc_refinements = 0;
        for (const Segment& sos : segmentsOf(jpeg, 0xDA)) {
            const size_t ns = byteAt(jpeg, sos.at + 4);
            const size_t ss = sos.at + 5 + 2 * ns;
            const int spectral_start = byteAt(jpeg, ss);
            const int ah = byteAt(jpeg, ss + 2) >> 4;
            std::string bad = jpeg;
            if (spectral_start > 0) {
                ++ac_scans;
                bad[sos.at + 6] = 0x03;  // AC table 3: never defined
                CHECK_ERROR_CODE(checkJpeg(bad), "image_corrupt");
                CHECK_ERROR_CODE(decodeImage(bad), "image_corrupt");
                bad[sos.at + 6] = 0x30;  // DC table 3 is not used by an AC scan
                CHECK(checkJpeg(bad));
            } else if (ah > 0) {
                ++dc_refinements;
                for (size_t i = 0; i < ns; ++i) bad[sos.at + 6 + 2 * i] = 0x33;
                CHECK(checkJpeg(bad));
                CHECK(decodeImage(bad));
            } else {
                bad[sos.at + 6] = 0x30;  // first DC scan: DC table 3 is needed
                CHECK_ERROR_CODE(checkJpeg(bad), "image_corrupt");
            }
        }
        CHECK(ac_scans > 0);
        CHECK(dc_refinements > 0);
    }
}

TEST_CASE("jpeg: DC coefficients beyond what stb_image can multiply are refused", "[jpeg_check]") {
    // stb_image computes DC * quantiser in int: 2 x 32767 x 65535 overflows.
    const std::string up_down =
        handMadeJpeg(4, entropy(dcBlock(true) + dcBlock(false) + dcBlock(true) + dcBlock(false)));
    REQUIRE(checkJpeg(up_down));
    auto image = decodeImage(up_down);
    REQUIRE(image);
    CHECK(image->width == 32);

    const std::string up_up = handMadeJpeg(2, entropy(dcBlock(true) + dcBlock(true)));
    CHECK_ERROR_CODE(checkJpeg(up_up), "image_corrupt");
    CHECK_ERROR_CODE(decodeImage(up_up), "image_corrupt");

    // Data that runs out (8 blocks of 17 bits: whole bytes, no padding) for 64 blocks:
    // stb_image would read zero bits, which here mean -32767 per block.
    std::string eight;
    for (int i = 0; i < 8; ++i) eight += dcBlock(i % 2 == 0);
    REQUIRE(eight.size() % 8 == 0);
    REQUIRE(checkJpeg(handMadeJpeg(8, entropy(eight))));
    const std::string cut = handMadeJpeg(64, entropy(eight));
    CHECK_ERROR_CODE(checkJpeg(cut), "image_truncated");
    CHECK_ERROR_CODE(decodeImage(cut), "image_truncated");
    // A code that does not exist ("1" is none of the DC table's).
    CHECK_ERROR_CODE(checkJpeg(handMadeJpeg(1, entropy("1" + dcBlock(true)))), "image_corrupt");
}

TEST_CASE("jpeg: broken structure is refused", "[jpeg_check]") {
    const std::string jpeg = readAll(test::scanDataDir() + "/zint_qr_kv__clean.jpg");
    const size_t sof = segmentsOf(jpeg, 0xC0).at(0).at;
    const size_t sos = segmentsOf(jpeg, 0xDA).at(0).at;
    const size_t dqt = segmentsOf(jpeg, 0xDB).at(0).at;

    CHECK_ERROR_CODE(checkJpeg(""), "image_truncated");
    CHECK_ERROR_CODE(checkJpeg("\xff\xd8"), "image_truncated");
    CHECK_ERROR_CODE(checkJpeg("\xff\xd8\xff\xd9"), "image_corrupt");  // no frame
    CHECK_ERROR_CODE(checkJpeg("GIF89a"), "image_corrupt");
    CHECK_FALSE(looksLikeJpeg("GIF89a"));
    CHECK_FALSE(looksLikeJpeg("\xff\xff\xff"));
    CHECK(looksLikeJpeg("\xff\xd8"));

    std::string bad = jpeg;
    bad[dqt + 2] = '\xff';  // a length running past the end
    bad[dqt + 3] = '\xf0';
    CHECK_ERROR_CODE(checkJpeg(bad), "image_truncated");
    bad = jpeg;
    bad[dqt + 3] = 1;  // a length below 2
    bad[dqt + 2] = 0;
    CHECK_ERROR_CODE(checkJpeg(bad), "image_corrupt");
    bad = jpeg;
    bad[sof + 5 + 2] = 0;  // width 0
    bad[sof + 5 + 3] = 0;
    CHECK_ERROR_CODE(checkJpeg(bad), "image_corrupt");
    bad = jpeg;
    bad[sof + 4] = 12;  // 12-bit samples
    CHECK_ERROR_CODE(checkJpeg(bad), "image_format");
    bad = jpeg;
    bad[sof + 1] = '\xc3';  // lossless
    CHECK_ERROR_CODE(checkJpeg(bad), "image_format");
    bad = jpeg;
    bad[sof + 1] = '\xc2';  // a baseline scan in a progressive frame
    CHECK_ERROR_CODE(checkJpeg(bad), "image_corrupt");
    // A second frame header, SOI again, a scan before the frame.
    CHECK_ERROR_CODE(checkJpeg(insertAt(jpeg, sos, jpeg.substr(sof, 2 + 11))), "image_corrupt");
    CHECK_ERROR_CODE(checkJpeg(insertAt(jpeg, sos, "\xff\xd8")), "image_corrupt");
    CHECK_ERROR_CODE(checkJpeg(insertAt(jpeg, sof, jpeg.substr(sos, 2 + 8))), "image_corrupt");
    // Junk between segments: passed over before the frame header (as stb_image does), not
    // after it nor right after SOI; and a scan whose component is not in the frame.
    CHECK(checkJpeg(insertAt(jpeg, sof, "junk")));
    CHECK(decodeImage(insertAt(jpeg, sof, "junk")));
    CHECK_ERROR_CODE(checkJpeg(insertAt(jpeg, 2, "junk")), "image_corrupt");
    CHECK_ERROR_CODE(checkJpeg(insertAt(jpeg, sos, "junk")), "image_corrupt");
    bad = jpeg;
    bad[sos + 5] = 9;
    CHECK_ERROR_CODE(checkJpeg(bad), "image_corrupt");
    // No EOI: the scan data runs to the end.
    CHECK_ERROR_CODE(checkJpeg(jpeg.substr(0, jpeg.size() - 2)), "image_truncated");
    // Bytes after EOI are not part of the image.
    auto padded = checkJpeg(jpeg + std::string(100, '\0'));
    REQUIRE(padded);
    CHECK(padded->end == jpeg.size());
}

TEST_CASE("jpeg: cut at every 97th byte: an error or a whole image, never a crash",
          "[jpeg_check]") {
    struct Case {
        std::string jpeg;
        bool progressive;
    };
    for (const Case& c :
         {Case{readAll(test::scanDataDir() + "/zxing_qr_nik__clean.jpg"), false},
          Case{extra("baseline_restart.jpg"), false}, Case{extra("progressive.jpg"), true},
          Case{extra("progressive_restart.jpg"), true}}) {
        const std::string& jpeg = c.jpeg;
        int accepted = 0;
        for (size_t n = 0; n < jpeg.size(); n += 97) {
            INFO("kept " << n << " of " << jpeg.size());
            const std::string cut = jpeg.substr(0, n);
            REQUIRE_FALSE(checkJpeg(cut));
            auto image = decodeImage(cut);
            REQUIRE_FALSE(image);
            CHECK((image.error().code == "image_truncated" || image.error().code == "image_empty"));
            // Closed with an EOI, as a careless copy might be: the data of the cut scan
            // runs out. A progressive file cut between scans is a whole (coarser) image.
            const std::string closed = cut + "\xff\xd9";
            auto checked = checkJpeg(closed);
            auto decoded = decodeImage(closed);
            if (!checked) CHECK_FALSE(decoded);
            if (decoded) {
                ++accepted;
                CHECK(decoded->pixels.size() ==
                      static_cast<size_t>(decoded->width) * static_cast<size_t>(decoded->height));
            }
        }
        // A baseline scan cut short always runs out of data. (Only the DC scans of a
        // progressive file are decoded by the check: a cut AC scan reads as zeros.)
        if (!c.progressive) CHECK(accepted == 0);
    }
}

TEST_CASE("jpeg: damaged progressive files never crash the loader", "[jpeg_check]") {
    const std::string jpeg = extra("progressive_restart.jpg");
    std::mt19937 rng(20261124);
    int decoded = 0;
    for (int i = 0; i < 400; ++i) {
        std::string damaged = jpeg;
        const int flips = 1 + static_cast<int>(rng() % 6);
        for (int k = 0; k < flips; ++k) {
            damaged[2 + rng() % (damaged.size() - 2)] = static_cast<char>(rng());
        }
        auto r = decodeImage(damaged);
        if (r) {
            ++decoded;
            CHECK(r->pixels.size() ==
                  static_cast<size_t>(r->width) * static_cast<size_t>(r->height));
        } else {
            CHECK((r.error().code == "image_corrupt" || r.error().code == "image_truncated" ||
                   r.error().code == "image_format" || r.error().code == "image_too_large"));
        }
    }
    INFO("decoded " << decoded);
    CHECK(decoded > 0);
}

TEST_CASE("jpeg: the standard Huffman segment", "[jpeg_check]") {
    const std::vector<std::uint8_t>& dht = standardHuffmanSegment();
    REQUIRE(dht.size() == 420);
    CHECK(dht[0] == 0xFF);
    CHECK(dht[1] == 0xC4);
    CHECK(((dht[2] << 8) | dht[3]) == 418);
}
