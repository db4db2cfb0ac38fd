#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "scan/gray_image.hpp"
#include "scan/image_ops.hpp"

// Barcode and QR decoding with ZXing-C++ on grayscale frames: a fast, bounded path for live
// camera frames and a thorough one for photos. No UI.
namespace pekon::scan {

// The symbologies Pekon reads; any set of them can be switched on (settings, `pekon scan`).
enum Symbology : std::uint32_t {
    kQr = 1u << 0,
    kPdf417 = 1u << 1,
    kDataMatrix = 1u << 2,
    kAztec = 1u << 3,
    kCode128 = 1u << 4,
    kCode39 = 1u << 5,
    kItf = 1u << 6,
    kEanUpc = 1u << 7,
};
using Symbologies = std::uint32_t;
inline constexpr Symbologies kMatrixSymbologies = kQr | kPdf417 | kDataMatrix | kAztec;
inline constexpr Symbologies kLinearSymbologies = kCode128 | kCode39 | kItf | kEanUpc;
inline constexpr Symbologies kAllSymbologies = kMatrixSymbologies | kLinearSymbologies;

// "qr,pdf417,datamatrix,aztec,code128,code39,itf,ean" (any subset, any order) or "all".
// Error `scan_formats` naming the word that is not a symbology.
Result<Symbologies> parseSymbologies(std::string_view list);
std::string symbologiesText(Symbologies set);

// One code found in an image.
struct Code {
    std::string format;  // ZXing's name: "QRCode", "PDF417", "DataMatrix", "Aztec", "Code128", ...
    std::string text;    // the content as UTF-8 (ZXing's reading of its bytes and ECI)
    Region box;          // where it is, in the image's pixels
};

// A product code (EAN-13, EAN-8, UPC-A, UPC-E) is reported only when it is certain: read by
// plain ZXing on the untouched image, or read with the same text twice, independently: by two
// different treatments (upscaled, sharpened, contrast-stretched, denoised, derotated, a crop),
// by one treatment on two different regions, or by one treatment's pixels binarized both ways
// (local average and fixed threshold); and its check digit holds. The short ones (UPC-E,
// EAN-8) fit inside an EAN-13's bars, where treatments agree on a fragment: for them only
// plain ZXing's read counts. These codes are short, with
// a weak mod-10 check, and on photos of goods a treatment can bend bars into another valid
// number; two independent reads agreeing on a wrong one is far rarer. Code 128 carries a
// mod-103 check ZXing verifies; the KK and card numbers Pekon reads from ITF and Code 39 are
// validated again when the payload is parsed (core/scan_payload), so one read of them counts.
bool isProductCode(std::string_view format);  // ZXing's name, e.g. "EAN-13"
// True when `text` is a well-formed EAN-13/EAN-8/UPC-A/UPC-E with the right check digit; true
// for other formats (no check digit to test here).
bool checkDigitValid(std::string_view format, std::string_view text);

// The codes one decode found, and product-code reads still waiting for a second treatment's word.
struct Unsure {
    Code code;
    std::string strategy;  // the treatment that read it, and where ("region-sharpened@12,40")
    std::uint64_t frame = 0;
};
struct Reads {
    std::vector<Code> found;
    std::vector<Unsure> unsure;
    std::uint64_t frame = 0;
    // True when another read than `strategy` already read `code`; else remembers it.
    bool confirm(const Code& code, std::string_view strategy);
};

// What a decode cost: for benchmarks and the scanner overlay's diagnostics.
struct DecodeTrace {
    int attempts = 0;      // ZXing calls made
    int regions = 0;       // code-like regions looked at closely
    std::string strategy;  // the step that found the code(s), empty when none
};

class Decoder {
  public:
    explicit Decoder(Symbologies formats = kAllSymbologies);

    Symbologies formats() const { return formats_; }

    // A live camera frame. Bounded work: one fast pass over the frame at reduced resolution,
    // then a try-harder look at no more than two regions that look like a code, then one more
    // treatment, a different one each frame over a cycle of six: the strongest region squared
    // up, upscaled, sharpened, contrast-stretched or smoothed, or the whole frame
    // contrast-stretched with try-harder. A code held in view gets all of them within six
    // frames (0.2 s at 30 fps);
    // a frame with nothing code-like costs little, which is most frames.
    std::vector<Code> decodeFrame(const GrayView& frame, DecodeTrace* trace = nullptr);

    // A photo or a file: the live path first, then slower whole-image strategies until a code
    // is found or all were tried.
    std::vector<Code> decodeStill(const GrayView& image, DecodeTrace* trace = nullptr);

  private:
    enum class Look { plain, derotate, upscale, sharpen, contrast, denoise };
    static constexpr int kLiveRegions = 2;     // regions looked at closely per live frame
    static constexpr int kStillRegions = 6;    // per photo
    static constexpr unsigned kLiveTurns = 6;  // treatments a live code gets over as many frames
    static constexpr int kMaxRegionSide = 480;
    bool fastPass(const GrayView& frame, Reads& found, DecodeTrace* trace);
    std::vector<Code> decodeFrameInto(const GrayView& frame, std::uint64_t n, Reads& found,
                                      DecodeTrace* trace);
    std::vector<Region> regions(const GrayView& frame, int max_regions);
    bool look(const GrayView& region, int ox, int oy, Look how, Reads& found, DecodeTrace* trace);
    struct Scratch {
        GrayImage a;  // the frame at half resolution
        GrayImage b;  // a region
        GrayImage c;  // a region, treated
    };
    Symbologies formats_;
    Scratch scratch_;
    std::uint64_t frame_count_ = 0;
    std::vector<Unsure> unsure_;  // the live path's product-code reads awaiting confirmation
};

}  // namespace pekon::scan
