// pekon-barcode-encode: writes one barcode or QR code as a crisp 8-bit grayscale PNG with
// ZXing-C++'s writer. A developer tool (it makes the scan test images), not part of the app.
//
//   pekon-barcode-encode FORMAT TEXT OUT.png [--module PX] [--margin MODULES] [--height PX]
//
// FORMAT: QRCode, PDF417, DataMatrix, Aztec, Code128, Code39, ITF, EAN13.
// --module: pixels per module (default 4). --margin: white quiet zone in modules (default 4 for
// 2D codes, 10 for 1D barcodes; 1D barcodes get it on the left and right only). --height: bar
// height in pixels for 1D barcodes (default 40 modules); ignored for 2D codes.
// Exit codes: 0 written, 1 usage error, 2 the text cannot be encoded, 3 the PNG cannot be written.

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <stb_image_write.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct FormatName {
    std::string_view name;
    ZXing::BarcodeFormat format;
    bool linear;
};

constexpr FormatName kFormats[] = {
    {"QRCode", ZXing::BarcodeFormat::QRCode, false},
    {"PDF417", ZXing::BarcodeFormat::PDF417, false},
    {"DataMatrix", ZXing::BarcodeFormat::DataMatrix, false},
    {"Aztec", ZXing::BarcodeFormat::Aztec, false},
    {"Code128", ZXing::BarcodeFormat::Code128, true},
    {"Code39", ZXing::BarcodeFormat::Code39, true},
    {"ITF", ZXing::BarcodeFormat::ITF, true},
    {"EAN13", ZXing::BarcodeFormat::EAN13, true},
};

int usage(const char* why) {
    if (why != nullptr) std::fprintf(stderr, "pekon-barcode-encode: %s\n", why);
    std::fprintf(stderr,
                 "usage: pekon-barcode-encode FORMAT TEXT OUT.png [--module PX] "
                 "[--margin MODULES] [--height PX]\n"
                 "FORMAT: QRCode PDF417 DataMatrix Aztec Code128 Code39 ITF EAN13\n");
    return 1;
}

// A whole number in [lo, hi], or nothing.
std::optional<int> parseInt(const char* s, int lo, int hi) {
    char* end = nullptr;
    const long v = std::strtol(s, &end, 10);
    if (end == s || *end != '\0' || v < lo || v > hi) return std::nullopt;
    return static_cast<int>(v);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) return usage(nullptr);
    const std::string_view formatArg = argv[1];
    const std::string text = argv[2];
    const char* outPath = argv[3];

    const FormatName* format = nullptr;
    for (const FormatName& f : kFormats) {
        if (f.name == formatArg) format = &f;
    }
    if (format == nullptr) return usage("unknown FORMAT");

    int module = 4;
    std::optional<int> margin;
    std::optional<int> height;
    for (int i = 4; i < argc; i += 2) {
        const std::string_view opt = argv[i];
        if (i + 1 >= argc) return usage("option without a value");
        std::optional<int> v;
        if (opt == "--module") {
            v = parseInt(argv[i + 1], 1, 100);
            if (v) module = *v;
        } else if (opt == "--margin") {
            v = parseInt(argv[i + 1], 0, 100);
            margin = v;
        } else if (opt == "--height") {
            v = parseInt(argv[i + 1], 1, 10000);
            height = v;
        } else {
            return usage("unknown option");
        }
        if (!v) return usage("bad option value");
    }
    const int quiet = margin.value_or(format->linear ? 10 : 4);

    // Encode at one pixel per module without a quiet zone; scaling and margins are done here so
    // every format gets the same, exact module size. (PDF417 rows come out 4 pixels tall.)
    ZXing::BitMatrix bits;
    try {
        ZXing::MultiFormatWriter writer(format->format);
        writer.setMargin(0);
        bits = writer.encode(text, 0, 0);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pekon-barcode-encode: cannot encode \"%s\" as %s: %s\n", text.c_str(),
                     argv[1], e.what());
        return 2;
    }
    if (bits.width() <= 0 || bits.height() <= 0) {
        std::fprintf(stderr, "pekon-barcode-encode: ZXing returned an empty symbol\n");
        return 2;
    }

    const int modulesWide = bits.width() + 2 * quiet;
    const int w = modulesWide * module;
    int h = 0;
    if (format->linear) {
        h = height.value_or(40 * module);
    } else {
        h = (bits.height() + 2 * quiet) * module;
    }
    const long long pixels = static_cast<long long>(w) * h;
    if (pixels > 100'000'000LL) {
        std::fprintf(stderr, "pekon-barcode-encode: image would be too large (%dx%d)\n", w, h);
        return 2;
    }

    std::vector<std::uint8_t> img(static_cast<size_t>(pixels), 255);
    for (int y = 0; y < h; ++y) {
        // 1D barcodes: every row repeats row 0 of the matrix.
        const int my = format->linear ? 0 : y / module - quiet;
        if (my < 0 || my >= bits.height()) continue;
        for (int x = 0; x < w; ++x) {
            const int mx = x / module - quiet;
            if (mx >= 0 && mx < bits.width() && bits.get(mx, my))
                img[static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)] = 0;
        }
    }

    if (stbi_write_png(outPath, w, h, 1, img.data(), w) == 0) {
        std::fprintf(stderr, "pekon-barcode-encode: cannot write %s\n", outPath);
        return 3;
    }
    return 0;
}
