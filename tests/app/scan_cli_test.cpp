// `pekon scan FILE...`: black-box, through the real binary, on the sample images and on files
// made to be broken (PNGs are written here byte by byte, with their CRCs and zlib streams).
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "app/run_cli.hpp"
#include "support/scan_samples.hpp"

using namespace pekon::test;
using nlohmann::json;

namespace {

std::string sample(const std::string& name) {
    return scanDataDir() + "/" + name;
}

std::string expectedText(const std::string& name) {
    for (const ScanSample& s : scanSamples()) {
        if (s.name == name) return s.expected;
    }
    FAIL("no sample " << name);
    return {};
}

// Stdout as JSON lines (each must parse), in order.
std::vector<json> jsonLines(const CliRun& run) {
    INFO(run.describe());
    std::vector<json> lines;
    size_t at = 0;
    while (at < run.out.size()) {
        const size_t end = run.out.find('\n', at);
        REQUIRE(end != std::string::npos);  // every line ends with a newline
        json j = json::parse(run.out.substr(at, end - at), nullptr, false);
        REQUIRE_FALSE(j.is_discarded());
        REQUIRE(j.is_object());
        lines.push_back(j);
        at = end + 1;
    }
    return lines;
}

// --- PNG files, written by hand ------------------------------------------------------------

std::uint32_t crc32(const std::string& bytes) {
    static const auto table = [] {
        std::vector<std::uint32_t> t(256);
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

std::string chunk(const std::string& type, const std::string& data) {
    return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32(type + data));
}

const std::string kPngSignature = "\x89PNG\r\n\x1a\n";

// An 8-bit grayscale IHDR.
std::string ihdr(std::uint32_t width, std::uint32_t height) {
    return chunk("IHDR", be32(width) + be32(height) + std::string("\x08\x00\x00\x00\x00", 5));
}

std::uint32_t adler32(const std::string& bytes) {
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : bytes) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

// A whole, valid width x height gray PNG (a soft gradient, no code), zlib "stored" blocks.
std::string validPng(int width, int height) {
    std::string raw;
    for (int y = 0; y < height; ++y) {
        raw += '\0';  // filter: none
        for (int x = 0; x < width; ++x) raw += static_cast<char>(120 + (x + y) % 64);
    }
    std::string z = "\x78\x01";
    for (size_t at = 0; at < raw.size(); at += 65535) {
        const size_t n = std::min<size_t>(65535, raw.size() - at);
        z += static_cast<char>(at + n == raw.size() ? 1 : 0);  // BFINAL, BTYPE 00
        z += static_cast<char>(n & 0xFF);
        z += static_cast<char>(n >> 8);
        z += static_cast<char>(~n & 0xFF);
        z += static_cast<char>((~n >> 8) & 0xFF);
        z += raw.substr(at, n);
    }
    z += be32(adler32(raw));
    return kPngSignature +
           ihdr(static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height)) +
           chunk("IDAT", z) + chunk("IEND", "");
}

// Deflate bits, least significant first; Huffman codes go most significant bit first.
class BitWriter {
  public:
    void bits(std::uint32_t value, int n) {
        for (int i = 0; i < n; ++i) bit((value >> i) & 1);
    }
    void huffman(std::uint32_t code, int n) {
        for (int i = n - 1; i >= 0; --i) bit((code >> i) & 1);
    }
    std::string finish() {
        if (used_) out_ += static_cast<char>(byte_);
        byte_ = used_ = 0;
        return std::move(out_);
    }

  private:
    void bit(std::uint32_t b) {
        byte_ |= b << used_;
        if (++used_ == 8) {
            out_ += static_cast<char>(byte_);
            byte_ = used_ = 0;
        }
    }
    std::string out_;
    std::uint32_t byte_ = 0;
    int used_ = 0;
};

// A decompression bomb: a complete gray PNG of width x height black pixels whose IDAT is a
// few MB of "repeat the last 258 bytes" (fixed Huffman), inflating to (width + 1) x height.
std::string bombPng(std::uint32_t width, std::uint32_t height) {
    const std::uint64_t n = (static_cast<std::uint64_t>(width) + 1) * height;  // all zero bytes
    BitWriter w;
    w.bits(1, 1);        // BFINAL
    w.bits(1, 2);        // BTYPE 01: fixed Huffman
    w.huffman(0x30, 8);  // literal 0
    std::uint64_t left = n - 1;
    for (; left >= 258; left -= 258) {
        w.huffman(0xC5, 8);  // length 258 (symbol 285)
        w.huffman(0, 5);     // distance 1
    }
    for (; left > 0; --left) w.huffman(0x30, 8);
    w.huffman(0, 7);  // end of block (256)
    // Adler-32 of n zero bytes: a stays 1, b adds 1 per byte.
    const std::uint32_t adler = static_cast<std::uint32_t>(n % 65521) << 16 | 1u;
    const std::string z = std::string("\x78\x01", 2) + w.finish() + be32(adler);
    return kPngSignature + ihdr(width, height) + chunk("IDAT", z) + chunk("IEND", "");
}

// A fixed run of pseudo-random bytes (mt19937's output is the same everywhere).
std::string randomBytes(size_t n) {
    std::mt19937 gen(20261122);
    std::string out(n, '\0');
    for (char& c : out) c = static_cast<char>(gen() & 0xFF);
    out[0] = 0x07;  // no image signature starts so
    return out;
}

}  // namespace

TEST_CASE("cli scan: several images in one call print one JSON line each, in order") {
    const std::vector<std::pair<std::string, std::string>> files = {
        // sample, payload kind
        {"zxing_qr_nik__clean", "nik"},           {"zxing_code128_card__clean", "card"},
        {"zint_aztec_session__clean", "session"}, {"qrencode_kv__clean", "nik"},
        {"zxing_pdf417_ktp__clean", "nik"},       {"zint_itf_kk__clean", ""},
        {"qrencode_receipt__clean", "receipt"},
    };
    std::map<std::string, std::string> formats;
    for (const ScanSample& s : scanSamples()) formats[s.name] = s.format;
    std::vector<std::string> args = {"scan"};
    for (const auto& [name, kind] : files) args.push_back(sample(name + ".jpg"));
    args.push_back(sample("empty/empty_01.jpg"));

    const CliRun run = runCli(args);
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    const std::vector<json> lines = jsonLines(run);
    REQUIRE(lines.size() == files.size() + 1);
    for (size_t i = 0; i < files.size(); ++i) {
        const auto& [name, kind] = files[i];
        INFO("line " << i << ": " << lines[i].dump());
        CHECK(lines[i].size() == 3);
        CHECK(lines[i]["file"] == args[i + 1]);
        CHECK(lines[i]["error"].is_null());
        REQUIRE(lines[i]["codes"].is_array());
        REQUIRE(lines[i]["codes"].size() == 1);
        const json& code = lines[i]["codes"][0];
        CHECK(code["format"] == formats.at(name));
        CHECK(code["text"] == expectedText(name));
        REQUIRE(code["payload"].is_object());
        if (!kind.empty()) CHECK(code["payload"]["kind"] == kind);
    }
    // Fields in a fixed order: file, codes, error.
    CHECK(run.out.rfind("{\"file\":", 0) == 0);
    CHECK(run.out.find("\"codes\":") < run.out.find("\"error\":"));
    // The person's fields, read from the key=value QR code.
    const json& ktp = lines[3]["codes"][0]["payload"];
    CHECK(ktp.value("nik", "") == "1806014501870003");
    CHECK(ktp.value("name", "") == "SITI AMINAH");
    CHECK(ktp.value("birth_date", "") == "1987-01-05");
    CHECK(ktp.value("sex", "") == "F");
    // The frame with no code: an empty list, no error.
    CHECK(lines.back()["file"] == args.back());
    CHECK(lines.back()["codes"] == json::array());
    CHECK(lines.back()["error"].is_null());
}

TEST_CASE("cli scan: frames with no code give an empty list and exit 0") {
    const std::vector<std::string> empty = emptyScanFrames();
    REQUIRE(empty.size() >= 3);
    const std::string png = tempPath("gradient.png");
    writeWholeFile(png, validPng(320, 200));
    const CliRun run = runCli({"scan", empty[0], empty[1], empty[2], png});
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 0);
    const std::vector<json> lines = jsonLines(run);
    REQUIRE(lines.size() == 4);
    for (const json& line : lines) {
        CHECK(line["codes"] == json::array());
        CHECK(line["error"].is_null());
    }
}

TEST_CASE("cli scan: --formats reads only the code types named") {
    const std::string card = sample("zxing_code128_card__clean.jpg");
    const std::string qr = sample("zxing_qr_nik__clean.jpg");
    const CliRun only_qr = runCli({"scan", "--formats", "qr", card, qr});
    INFO(only_qr.describe());
    CHECK(only_qr.clean());
    CHECK(only_qr.exit_code == 0);
    const std::vector<json> lines = jsonLines(only_qr);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]["codes"] == json::array());  // Code 128 is not asked for
    CHECK(lines[0]["error"].is_null());
    REQUIRE(lines[1]["codes"].size() == 1);
    CHECK(lines[1]["codes"][0]["format"] == "QRCode");

    const CliRun linear = runCli({"scan", "--formats=code128,ean", card, qr});
    INFO(linear.describe());
    CHECK(linear.exit_code == 0);
    const std::vector<json> linear_lines = jsonLines(linear);
    REQUIRE(linear_lines.size() == 2);
    REQUIRE(linear_lines[0]["codes"].size() == 1);
    CHECK(linear_lines[0]["codes"][0]["format"] == "Code128");
    CHECK(linear_lines[0]["codes"][0]["text"] == "0001234567890");
    CHECK(linear_lines[1]["codes"] == json::array());
}

TEST_CASE("cli scan: each bad file gets its own error and the others still print") {
    const std::string dir = tempDir();
    const std::string jpeg = readWholeFile(sample("qrencode_kv__clean.jpg"));
    REQUIRE(jpeg.size() > 1000);
    const std::string png = validPng(200, 120);
    struct Bad {
        std::string path;
        std::string code;
    };
    const std::vector<Bad> bad = {
        {dir + "/zero.jpg", "image_empty"},         {dir + "/half.png", "image_truncated"},
        {dir + "/half.jpg", "image_truncated"},     {dir + "/huge.png", "image_too_large"},
        {dir + "/noise.bin", "image_format"},       {dir + "/a-folder.jpg", "image_unreadable"},
        {dir + "/missing.jpg", "image_unreadable"},
    };
    writeWholeFile(bad[0].path, "");
    writeWholeFile(bad[1].path, png.substr(0, png.size() / 2));
    writeWholeFile(bad[2].path, jpeg.substr(0, jpeg.size() / 2));
    writeWholeFile(bad[3].path, kPngSignature + ihdr(30000, 30000) + chunk("IEND", ""));
    writeWholeFile(bad[4].path, randomBytes(4096));
    std::filesystem::create_directory(bad[5].path);
    // The whole PNG and the whole JPEG read fine: it is the cut that is reported.
    writeWholeFile(dir + "/whole.png", png);

    const std::string good = sample("zxing_qr_nik__clean.jpg");
    std::vector<std::string> args = {"scan", bad[0].path, good};
    for (size_t i = 1; i < bad.size(); ++i) args.push_back(bad[i].path);
    args.push_back(dir + "/whole.png");
    args.push_back(sample("qrencode_kv__clean.jpg"));

    for (const char* lang : {"id", "en"}) {
        std::vector<std::string> with_lang = args;
        with_lang.insert(with_lang.begin() + 1, {"--lang", lang});
        const CliRun run = runCli(with_lang);
        INFO(lang << "\n" << run.describe());
        CHECK(run.clean());
        CHECK(run.exit_code == 1);
        const std::vector<json> lines = jsonLines(run);
        REQUIRE(lines.size() == bad.size() + 3);
        std::vector<json> errors = {lines[0]};
        for (size_t i = 2; i < 2 + bad.size() - 1; ++i) errors.push_back(lines[i]);
        std::set<std::string> messages;
        for (size_t i = 0; i < bad.size(); ++i) {
            const json& line = errors[i];
            INFO(line.dump());
            CHECK(line["file"] == bad[i].path);
            CHECK(line["codes"] == json::array());
            REQUIRE(line["error"].is_object());
            CHECK(line["error"].size() == 2);
            CHECK(line["error"]["code"] == bad[i].code);
            REQUIRE(line["error"]["message"].is_string());
            CHECK_FALSE(line["error"]["message"].get<std::string>().empty());
            messages.insert(line["error"]["message"].get<std::string>());
        }
        // Not one catch-all message: the folder, the size, the cut are each said.
        CHECK(messages.size() >= 6);
        const std::string empty_message = errors[0]["error"]["message"];
        const std::string huge_message = errors[3]["error"]["message"];
        if (std::string(lang) == "en") {
            CHECK(empty_message.find("empty") != std::string::npos);
            CHECK(huge_message.find("30000x30000") != std::string::npos);
            CHECK(huge_message.find("pixels") != std::string::npos);
        } else {
            CHECK(empty_message.find("kosong") != std::string::npos);
            CHECK(huge_message.find("30000x30000") != std::string::npos);
            CHECK(huge_message.find("piksel") != std::string::npos);
        }
        // The good files between and after the bad ones were read.
        REQUIRE(lines[1]["codes"].size() == 1);
        CHECK(lines[1]["codes"][0]["text"] == "1806014501870003");
        CHECK(lines[bad.size() + 1]["file"] == dir + "/whole.png");
        CHECK(lines[bad.size() + 1]["error"].is_null());
        CHECK(lines[bad.size() + 1]["codes"] == json::array());
        REQUIRE(lines.back()["codes"].size() == 1);
        CHECK(lines.back()["codes"][0]["payload"]["kind"] == "nik");
    }
}

TEST_CASE("cli scan: a picture claiming 30000x30000 pixels is refused in bounded memory") {
    // A complete, valid PNG that inflates to 900 MB: refused from its header, never inflated.
    const std::string path = tempPath("bomb.png");
    const std::string bomb = bombPng(30000, 30000);
    CHECK(bomb.size() < 8u * 1024 * 1024);
    writeWholeFile(path, bomb);
    const CliRun run = runCli({"scan", "--lang", "en", path});
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 1);
    const std::vector<json> lines = jsonLines(run);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0]["error"]["code"] == "image_too_large");
    // Peak resident memory of the whole run, against the same binary reading a small real
    // picture: the pages of the program itself (a Debug ASan `pekon` maps 200 MiB of its own,
    // and grows with the code) and the sanitizers' share are in both. Inflating the picture
    // would take 900 MB more; refusing it from its header takes next to nothing.
    const CliRun small = runCli({"scan", "--lang", "en", sample("zxing_qr_nik__clean.jpg")});
    INFO("peak RSS " << run.max_rss_kb / 1024 << " MiB; a small picture's "
                     << small.max_rss_kb / 1024 << " MiB");
    CHECK(run.max_rss_kb > 0);
    CHECK(small.max_rss_kb > 0);
    CHECK(run.max_rss_kb < small.max_rss_kb + 64 * 1024);
}

TEST_CASE("cli scan: command lines it cannot understand exit 2 and print nothing") {
    const std::string good = sample("zxing_qr_nik__clean.jpg");
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"scan"},
             {"scan", "--formats", "qr,bogus", good},
             {"scan", "--formats", "", good},
             {"scan", "--bogus", good},
             {"scan", "--formats"},
         }) {
        const CliRun run = runCli(args);
        INFO(Catch::Detail::stringify(args) << "\n" << run.describe());
        CHECK(run.clean());
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK_FALSE(run.err.empty());
    }
    const CliRun bogus = runCli({"scan", "--lang", "en", "--formats", "qr,bogus", good});
    CHECK(bogus.err.find("bogus") != std::string::npos);
}

// The regression photo aborts Debian's ZXing (an assertion, tests/data/scan_regressions). Among
// good files it costs only its own line: an error `scan_crashed`, every other file still read and
// printed in order, exit 1 (a file could not be read), never a signal.
TEST_CASE("cli scan: a file the decoder crashes on gets an error line, the others are read") {
    const std::string crasher = scanRegressionsDir() + "/ean13-zxing-assert.png";
    const std::vector<std::string> good = {"zxing_qr_nik__clean", "zint_code128_card__clean",
                                           "qrencode_kv__clean"};
    const std::vector<std::string> args = {"scan", sample(good[0] + ".jpg"), crasher,
                                           sample(good[1] + ".jpg"), crasher,
                                           sample(good[2] + ".jpg")};
    for (const std::string lang : {"id", "en"}) {
        std::vector<std::string> with_lang = args;
        with_lang.push_back("--lang");
        with_lang.push_back(lang);
        const CliRun run = runCli(with_lang);
        INFO(run.describe());
        CHECK(run.clean());
        CHECK(run.signal == 0);
        CHECK(run.exit_code == 1);
        const std::vector<json> lines = jsonLines(run);
        REQUIRE(lines.size() == 5);
        for (size_t i = 0; i < lines.size(); ++i) CHECK(lines[i]["file"] == args[i + 1]);
        for (size_t i : {0u, 2u, 4u}) {
            const std::string& name = good[i / 2];
            INFO(lines[i].dump());
            CHECK(lines[i]["error"].is_null());
            REQUIRE(lines[i]["codes"].size() == 1);
            CHECK(lines[i]["codes"][0]["text"] == expectedText(name));
        }
        for (size_t i : {1u, 3u}) {
            INFO(lines[i].dump());
            CHECK(lines[i]["codes"] == json::array());
            CHECK(lines[i]["error"]["code"] == "scan_crashed");
            const std::string message = lines[i]["error"]["message"];
            CHECK(message.find(lang == "id" ? "dilewati" : "skipped") != std::string::npos);
        }
    }
}
