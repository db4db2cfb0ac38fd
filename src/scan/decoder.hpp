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
    // then a close look (try-harder, contrast, blur, de-rotation) at no more than a few regions
    // that look like a code. A frame with nothing code-like costs little, which is most frames.
    std::vector<Code> decodeFrame(const GrayView& frame, DecodeTrace* trace = nullptr);

    // A photo or a file: the live path first, then slower whole-image strategies until a code
    // is found or all were tried.
    std::vector<Code> decodeStill(const GrayView& image, DecodeTrace* trace = nullptr);

  private:
    struct Scratch {
        GrayImage a, b, c;
    };
    Symbologies formats_;
    Scratch scratch_;
};

}  // namespace pekon::scan
