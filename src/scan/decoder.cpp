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
    // ZXing's local-average binarizer by default; a fixed threshold reads some blurred and
    // tiny codes whose local averages wash out.
    bool fixed_threshold = false;
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
        .setTryDownscale(false)
        .setBinarizer(attempt.fixed_threshold ? ZXing::Binarizer::FixedThreshold
                                              : ZXing::Binarizer::LocalAverage);
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

bool Decoder::look(const GrayView& region, int ox, int oy, Look how, std::vector<Code>& found,
                   DecodeTrace* trace) {
    Scratch& k = scratch_;
    // 1-D codes are read along rows; a region taller than wide may hold one standing upright.
    const bool upright = region.height > region.width;
    switch (how) {
        case Look::plain:
            if (std::max(region.width, region.height) > kMaxRegionSide) {
                // A large region holds a large 2-D code: half resolution reads it. 1-D codes
                // stay at full resolution: halved bars are misread (an EAN-13 as another).
                downscale(region, 2, k.c);
                if (run(k.c.view(),
                        {formats_ & kMatrixSymbologies, true, false, "region-half", 2.0, ox, oy},
                        found, trace))
                    return true;
                // PDF417 (the KTP's code) has thin rows: full resolution for it too.
                return run(region,
                           {formats_ & (kLinearSymbologies | kPdf417), true, upright, "region", 1.0,
                            ox, oy},
                           found, trace);
            }
            return run(region, {formats_, true, upright, "region", 1.0, ox, oy}, found, trace);
        case Look::derotate: {
            // ZXing 1.4 reads PDF417, Aztec and 1-D codes only when nearly square to the image.
            const GridAngle angle = gridAngle(region);
            if (std::abs(angle.degrees) < 3.0 || angle.strength < 0.12) return false;
            rotate(region, -angle.degrees, k.c);
            return run(k.c.view(), {formats_, true, true, "region-derotated", 1.0, ox, oy}, found,
                       trace);
        }
        case Look::upscale:
            // A large region, which the plain look read at half resolution: at full resolution.
            if (std::max(region.width, region.height) > kMaxRegionSide)
                return run(region, {formats_, true, upright, "region-full", 1.0, ox, oy}, found,
                           trace);
            // Small modules (2 px) become 4 px.
            if (std::max(region.width, region.height) > kMaxRegionSide / 2) return false;
            upscale2x(region, k.c);
            return run(k.c.view(), {formats_, true, upright, "region-upscaled", 0.5, ox, oy}, found,
                       trace);
        case Look::sharpen:
            sharpen(region, 1.5, k.c);
            return run(k.c.view(), {formats_, true, upright, "region-sharpened", 1.0, ox, oy},
                       found, trace);
        case Look::denoise:
            boxBlur3(region, k.c);
            return run(k.c.view(), {formats_, true, upright, "region-denoised", 1.0, ox, oy}, found,
                       trace);
        case Look::contrast:
            stretchContrast(region, k.c);
            if (run(k.c.view(), {formats_, true, upright, "region-contrast", 1.0, ox, oy}, found,
                    trace))
                return true;
            return run(k.c.view(), {formats_, true, upright, "region-threshold", 1.0, ox, oy, true},
                       found, trace);
    }
    return false;
}

bool Decoder::fastPass(const GrayView& frame, std::vector<Code>& found, DecodeTrace* trace) {
    // 2-D codes at half resolution; 1-D codes at full resolution (their narrow bars need it;
    // without try-harder ZXing reads only rows near the middle, which is cheap).
    downscale(frame, 2, scratch_.a);
    run(scratch_.a.view(), {formats_ & kMatrixSymbologies, false, false, "fast", 2.0}, found,
        trace);
    run(frame, {formats_ & kLinearSymbologies, false, false, "fast"}, found, trace);
    return !found.empty();
}

std::vector<Region> Decoder::regions(const GrayView& frame, int max_regions) {
    // Found on the half-resolution copy the fast pass made; returned in frame pixels, with a
    // margin of one cell for the quiet zone.
    constexpr int kCell = 16;
    std::vector<Region> out = codeLikeRegions(scratch_.a.view(), kCell, max_regions);
    for (Region& r : out) {
        r.x = std::max(0, (r.x - kCell) * 2);
        r.y = std::max(0, (r.y - kCell) * 2);
        r.width = std::min(frame.width - r.x, (r.width + 2 * kCell) * 2);
        r.height = std::min(frame.height - r.y, (r.height + 2 * kCell) * 2);
    }
    return out;
}

std::vector<Code> Decoder::decodeFrame(const GrayView& frame, DecodeTrace* trace) {
    std::vector<Code> found;
    if (frame.empty()) return found;
    const std::uint64_t n = frame_count_++;
    if (fastPass(frame, found, trace)) return found;
    // A close look (try-harder) at the few regions that look like a code, strongest first;
    // then one more treatment of the strongest, a different one each frame, so a code held in
    // front of the camera gets every treatment within a few frames at a bounded cost per frame.
    // Every few frames the whole frame gets a try-harder pass instead (a code the regions split
    // or missed).
    const std::vector<Region> candidates = regions(frame, kLiveRegions);
    for (size_t i = 0; i < candidates.size(); ++i) {
        // The runner-up region every other frame: text and clutter often come second.
        if (i > 0 && n % 2 == 0) break;
        const Region& r = candidates[i];
        if (trace) ++trace->regions;
        crop(frame, r.x, r.y, r.width, r.height, scratch_.b);
        if (look(scratch_.b.view(), r.x, r.y, Look::plain, found, trace)) return found;
    }
    switch (n % kLiveTurns) {
        case 0:
        case 1:
        case 2:
        case 3:
        case 4:
            if (!candidates.empty()) {
                constexpr Look kTurns[] = {Look::derotate, Look::upscale, Look::sharpen,
                                           Look::contrast, Look::denoise};
                const Region& r = candidates.front();
                crop(frame, r.x, r.y, r.width, r.height, scratch_.b);
                look(scratch_.b.view(), r.x, r.y, kTurns[n % kLiveTurns], found, trace);
            }
            break;
        default:
            stretchContrast(frame, scratch_.b);
            run(scratch_.b.view(), {formats_, true, false, "frame-threshold", 1.0, 0, 0, true},
                found, trace);
            break;
    }
    return found;
}

std::vector<Code> Decoder::decodeStill(const GrayView& image, DecodeTrace* trace) {
    std::vector<Code> found;
    if (image.empty()) return found;
    if (fastPass(image, found, trace)) return found;
    // Every treatment of every likely region, then of the whole image.
    for (const Region& r : regions(image, kStillRegions)) {
        if (trace) ++trace->regions;
        crop(image, r.x, r.y, r.width, r.height, scratch_.b);
        for (Look how : {Look::plain, Look::derotate, Look::upscale, Look::sharpen, Look::contrast,
                         Look::denoise}) {
            if (look(scratch_.b.view(), r.x, r.y, how, found, trace)) return found;
        }
    }
    if (run(image, {formats_, true, true, "still"}, found, trace)) return found;
    if (run(image, {formats_, true, false, "still-threshold", 1.0, 0, 0, true}, found, trace))
        return found;
    stretchContrast(image, scratch_.b);
    if (run(scratch_.b.view(), {formats_, true, true, "still-contrast"}, found, trace))
        return found;
    boxBlur3(image, scratch_.b);
    if (run(scratch_.b.view(), {formats_, true, true, "still-blur"}, found, trace)) return found;
    return found;
}

}  // namespace pekon::scan
