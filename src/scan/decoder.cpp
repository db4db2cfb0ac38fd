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
    // Plain ZXing on the untouched whole image: what it reads stands on its own. Anything else
    // (a crop, a treatment) can bend an EAN/UPC's bars into another valid-looking code.
    bool plain = false;
    bool recheck = false;  // this is the other binarizer's look at an unconfirmed product code
};

bool sameCode(const Code& a, const Code& b) {
    return a.format == b.format && a.text == b.text;
}

}  // namespace

bool isProductCode(std::string_view format) {
    return format == "EAN-13" || format == "EAN-8" || format == "UPC-A" || format == "UPC-E";
}

bool checkDigitValid(std::string_view format, std::string_view text) {
    if (!isProductCode(format)) return true;
    std::string digits(text);
    if (std::any_of(digits.begin(), digits.end(), [](char c) { return c < '0' || c > '9'; }))
        return false;
    if (format == "UPC-E") {
        // Expanded to the UPC-A it stands for (number system 0 or 1), whose check digit it has.
        if (digits.size() != 8 || (digits[0] != '0' && digits[0] != '1')) return false;
        const std::string d = digits.substr(1, 6);
        std::string a = digits.substr(0, 1);
        switch (d[5]) {
            case '0': case '1': case '2': a += d.substr(0, 2) + d[5] + "0000" + d.substr(2, 3); break;
            case '3': a += d.substr(0, 3) + "00000" + d.substr(3, 2); break;
            case '4': a += d.substr(0, 4) + "00000" + d[4]; break;
            default: a += d.substr(0, 5) + "0000" + d[5]; break;
        }
        digits = a + digits[7];
    } else if (!((format == "EAN-13" && digits.size() == 13) ||
                 (format == "EAN-8" && digits.size() == 8) ||
                 (format == "UPC-A" && digits.size() == 12))) {
        return false;
    }
    // From the right, leaving out the check digit: weights 3, 1, 3, ...
    int sum = 0;
    for (size_t i = 0; i + 1 < digits.size(); ++i) {
        const int weight = ((digits.size() - 2 - i) % 2 == 0) ? 3 : 1;
        sum += weight * (digits[i] - '0');
    }
    return (10 - sum % 10) % 10 == digits.back() - '0';
}

namespace {

bool run(const GrayView& view, const Attempt& attempt, Reads& reads, DecodeTrace* trace) {
    std::vector<Code>& found = reads.found;
    const size_t unsure_before = reads.unsure.size();
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
        if (isProductCode(code.format) && !attempt.plain) {
            // An EAN/UPC seen only through a treatment or in a crop: certain once another
            // treatment, or the same one on another region, reads the same text, and its check
            // digit holds.
            if (!checkDigitValid(code.format, code.text)) continue;
            // The short ones (UPC-E, EAN-8: 51 and 67 modules) fit inside an EAN-13's bars, and
            // treatments agree on such fragments: only plain ZXing's word counts for them.
            if (code.format == "UPC-E" || code.format == "EAN-8") continue;
            const std::string by = std::string(attempt.strategy) +
                                   (attempt.fixed_threshold ? "/threshold@" : "@") +
                                   std::to_string(attempt.offset_x) + "," +
                                   std::to_string(attempt.offset_y);
            if (!reads.confirm(code, by)) continue;
        }
        if (std::none_of(found.begin(), found.end(),
                         [&](const Code& c) { return sameCode(c, code); })) {
            found.push_back(std::move(code));
            any = true;
        }
    }
    if (reads.unsure.size() > unsure_before && !attempt.recheck) {
        // A product code this treatment alone read: the same pixels binarized the other way
        // (local average or fixed threshold) are a second, independent reading of the bars.
        Attempt again = attempt;
        again.fixed_threshold = !attempt.fixed_threshold;
        again.recheck = true;
        any |= run(view, again, reads, trace);
    }
    if (any && trace && trace->strategy.empty()) trace->strategy = attempt.strategy;
    return any;
}

}  // namespace

bool Reads::confirm(const Code& code, std::string_view strategy) {
    for (const Unsure& u : unsure) {
        if (sameCode(u.code, code) && u.strategy != strategy) return true;
    }
    const bool seen = std::any_of(unsure.begin(), unsure.end(), [&](const Unsure& u) {
        return sameCode(u.code, code) && u.strategy == strategy;
    });
    if (!seen) unsure.push_back({code, std::string(strategy), frame});
    return false;
}

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

bool Decoder::look(const GrayView& region, int ox, int oy, Look how, Reads& found,
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

bool Decoder::fastPass(const GrayView& frame, Reads& found, DecodeTrace* trace) {
    // 2-D codes at half resolution; 1-D codes at full resolution (their narrow bars need it;
    // without try-harder ZXing reads only rows near the middle, which is cheap).
    downscale(frame, 2, scratch_.a);
    run(scratch_.a.view(), {formats_ & kMatrixSymbologies, false, false, "fast", 2.0}, found,
        trace);
    run(frame, {formats_ & kLinearSymbologies, false, false, "fast", 1.0, 0, 0, false, true},
        found, trace);
    return !found.found.empty();
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
    if (frame.empty()) return {};
    const std::uint64_t n = frame_count_++;
    // 1-D reads awaiting a second treatment's word carry over the last two treatment cycles.
    Reads found;
    found.frame = n;
    for (Unsure& u : unsure_) {
        if (u.frame + 2 * kLiveTurns > n) found.unsure.push_back(std::move(u));
    }
    unsure_.clear();
    std::vector<Code> codes = decodeFrameInto(frame, n, found, trace);
    unsure_ = std::move(found.unsure);
    return codes;
}

std::vector<Code> Decoder::decodeFrameInto(const GrayView& frame, std::uint64_t n, Reads& found,
                                           DecodeTrace* trace) {
    if (fastPass(frame, found, trace)) return found.found;
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
        if (look(scratch_.b.view(), r.x, r.y, Look::plain, found, trace)) return found.found;
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
    return found.found;
}

std::vector<Code> Decoder::decodeStill(const GrayView& image, DecodeTrace* trace) {
    Reads found;
    if (image.empty()) return {};
    if (fastPass(image, found, trace)) return found.found;
    // Every treatment of every likely region, then of the whole image.
    for (const Region& r : regions(image, kStillRegions)) {
        if (trace) ++trace->regions;
        crop(image, r.x, r.y, r.width, r.height, scratch_.b);
        for (Look how : {Look::plain, Look::derotate, Look::upscale, Look::sharpen, Look::contrast,
                         Look::denoise}) {
            if (look(scratch_.b.view(), r.x, r.y, how, found, trace)) return found.found;
        }
    }
    if (run(image, {formats_, true, true, "still", 1.0, 0, 0, false, true}, found, trace)) return found.found;
    if (run(image, {formats_, true, false, "still-threshold", 1.0, 0, 0, true}, found, trace))
        return found.found;
    stretchContrast(image, scratch_.b);
    if (run(scratch_.b.view(), {formats_, true, true, "still-contrast"}, found, trace))
        return found.found;
    boxBlur3(image, scratch_.b);
    if (run(scratch_.b.view(), {formats_, true, true, "still-blur"}, found, trace)) return found.found;
    return found.found;
}

}  // namespace pekon::scan
