#include "scan/decoder.hpp"

// Text as UTF-8 std::string (ZXing 1.4 returns std::wstring otherwise).
#define ZX_USE_UTF8
#include <ZXing/DecodeHints.h>
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cmath>
#include <exception>

#include "core/text.hpp"

namespace pekon::scan {

namespace {

struct Name {
    std::string_view word;
    Symbology symbology;
};
constexpr Name kNames[] = {{"qr", kQr},       {"pdf417", kPdf417},   {"datamatrix", kDataMatrix},
                           {"aztec", kAztec}, {"code128", kCode128}, {"code39", kCode39},
                           {"itf", kItf},     {"ean", kEanUpc}};

ZXing::BarcodeFormats zxingFormats(Symbologies set) {
    ZXing::BarcodeFormats formats;
    if (set & kQr) formats |= ZXing::BarcodeFormat::QRCode;
    if (set & kPdf417) formats |= ZXing::BarcodeFormat::PDF417;
    if (set & kDataMatrix) formats |= ZXing::BarcodeFormat::DataMatrix;
    if (set & kAztec) formats |= ZXing::BarcodeFormat::Aztec;
    if (set & kCode128) formats |= ZXing::BarcodeFormat::Code128;
    if (set & kCode39) formats |= ZXing::BarcodeFormat::Code39;
    if (set & kItf) formats |= ZXing::BarcodeFormat::ITF;
    if (set & kEanUpc) {
        formats |= ZXing::BarcodeFormat::EAN13;
        formats |= ZXing::BarcodeFormat::EAN8;
        formats |= ZXing::BarcodeFormat::UPCA;
        formats |= ZXing::BarcodeFormat::UPCE;
    }
    return formats;
}

// One call into ZXing, with where its pixels sit in the original image.
struct Attempt {
    Symbologies formats = kAllSymbologies;
    bool try_harder = false;
    bool try_rotate = false;
    const char* strategy = "";
    double scale = 1.0;  // original pixels per pixel of the view
    int offset_x = 0, offset_y = 0;
};

bool sameCode(const Code& a, const Code& b) {
    return a.format == b.format && a.text == b.text;
}

bool run(const GrayView& view, const Attempt& attempt, std::vector<Code>& found,
         DecodeTrace* trace) {
    if (view.empty() || attempt.formats == 0) return false;
    if (trace) ++trace->attempts;
    ZXing::DecodeHints hints;
    hints.setFormats(zxingFormats(attempt.formats))
        .setTryHarder(attempt.try_harder)
        .setTryRotate(attempt.try_rotate)
        .setTryDownscale(false);
    ZXing::Results results;
    try {
        results = ZXing::ReadBarcodes(ZXing::ImageView(view.data, view.width, view.height,
                                                       ZXing::ImageFormat::Lum, view.stride),
                                      hints);
    } catch (const std::exception&) {
        return false;  // ZXing does not throw on images; should it, the frame just has no code
    }
    bool any = false;
    for (const ZXing::Result& result : results) {
        if (!result.isValid()) continue;
        Code code;
        code.format = ZXing::ToString(result.format());
        code.text = result.text();
        int x0 = view.width, y0 = view.height, x1 = 0, y1 = 0;
        for (const auto& p : result.position()) {
            x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x),
            y1 = std::max(y1, p.y);
        }
        code.box = {attempt.offset_x + static_cast<int>(x0 * attempt.scale),
                    attempt.offset_y + static_cast<int>(y0 * attempt.scale),
                    static_cast<int>((x1 - x0) * attempt.scale),
                    static_cast<int>((y1 - y0) * attempt.scale), 0};
        if (std::none_of(found.begin(), found.end(),
                         [&](const Code& c) { return sameCode(c, code); })) {
            found.push_back(std::move(code));
            any = true;
        }
    }
    if (any && trace && trace->strategy.empty()) trace->strategy = attempt.strategy;
    return any;
}

}  // namespace

Result<Symbologies> parseSymbologies(std::string_view list) {
    Symbologies set = 0;
    while (!list.empty()) {
        const size_t comma = list.find(',');
        std::string word(trim(list.substr(0, comma)));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (word.empty()) continue;
        if (word == "all") {
            set |= kAllSymbologies;
            continue;
        }
        const auto it = std::find_if(std::begin(kNames), std::end(kNames),
                                     [&](const Name& n) { return n.word == word; });
        if (it == std::end(kNames)) {
            return Error{"scan_formats", "Jenis kode tidak dikenal: " + word + ".",
                         "Unknown code type: " + word + "."};
        }
        set |= it->symbology;
    }
    if (set == 0)
        return Error{"scan_formats", "Tidak ada jenis kode yang dipilih.",
                     "No code type was chosen."};
    return set;
}

std::string symbologiesText(Symbologies set) {
    std::string text;
    for (const Name& n : kNames) {
        if (!(set & n.symbology)) continue;
        if (!text.empty()) text += ',';
        text += n.word;
    }
    return text;
}

Decoder::Decoder(Symbologies formats) : formats_(formats & kAllSymbologies) {}

std::vector<Code> Decoder::decodeFrame(const GrayView& frame, DecodeTrace* trace) {
    std::vector<Code> found;
    if (frame.empty()) return found;
    // 1. The whole frame, fast: 2-D codes at half resolution, 1-D codes at full resolution
    //    (their narrow bars need it; without try-harder ZXing reads only rows near the middle).
    downscale(frame, 2, scratch_.a);
    run(scratch_.a.view(), {formats_ & kMatrixSymbologies, false, false, "fast", 2.0}, found,
        trace);
    run(frame, {formats_ & kLinearSymbologies, false, false, "fast"}, found, trace);
    if (!found.empty()) return found;

    // 2. A close look at the few regions that look like a code.
    downscale(scratch_.a.view(), 2, scratch_.b);  // quarter resolution, for finding regions
    constexpr int kQuarter = 4, kCell = 8, kMaxRegions = 3;
    const std::vector<Region> regions = codeLikeRegions(scratch_.b.view(), kCell, kMaxRegions);
    for (const Region& r : regions) {
        if (trace) ++trace->regions;
        const int margin = kCell * kQuarter;
        const int x = r.x * kQuarter - margin, y = r.y * kQuarter - margin;
        crop(frame, x, y, r.width * kQuarter + 2 * margin, r.height * kQuarter + 2 * margin,
             scratch_.b);
        const int ox = std::max(0, x), oy = std::max(0, y);
        const GrayView region = scratch_.b.view();
        if (run(region, {formats_, true, true, "region", 1.0, ox, oy}, found, trace)) break;
        // Tilted bars: turn the region so they stand upright, then read 1-D codes again.
        if (formats_ & kLinearSymbologies) {
            const EdgeDirection dir = dominantEdgeDirection(region);
            const double off_axis =
                std::min(std::fmod(dir.degrees, 90.0), 90.0 - std::fmod(dir.degrees, 90.0));
            if (dir.coherence > 0.35 && off_axis > 4.0) {
                rotate(region, -dir.degrees, scratch_.c);
                if (run(scratch_.c.view(),
                        {formats_ & kLinearSymbologies, true, true, "region-derotated", 1.0, ox,
                         oy},
                        found, trace))
                    break;
            }
        }
        stretchContrast(region, scratch_.c);
        if (run(scratch_.c.view(), {formats_, true, true, "region-contrast", 1.0, ox, oy}, found,
                trace))
            break;
    }
    return found;
}

std::vector<Code> Decoder::decodeStill(const GrayView& image, DecodeTrace* trace) {
    std::vector<Code> found = decodeFrame(image, trace);
    if (!found.empty() || image.empty()) return found;
    if (run(image, {formats_, true, true, "still"}, found, trace)) return found;
    stretchContrast(image, scratch_.a);
    if (run(scratch_.a.view(), {formats_, true, true, "still-contrast"}, found, trace))
        return found;
    boxBlur3(image, scratch_.a);
    if (run(scratch_.a.view(), {formats_, true, true, "still-blur"}, found, trace)) return found;
    return found;
}

}  // namespace pekon::scan
