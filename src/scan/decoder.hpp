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
    bool fastPass(const GrayView& frame, std::vector<Code>& found, DecodeTrace* trace);
    std::vector<Region> regions(const GrayView& frame, int max_regions);
    bool look(const GrayView& region, int ox, int oy, Look how, std::vector<Code>& found,
              DecodeTrace* trace);
    struct Scratch {
        GrayImage a;  // the frame at half resolution
        GrayImage b;  // a region
        GrayImage c;  // a region, treated
    };
    Symbologies formats_;
    Scratch scratch_;
    std::uint64_t frame_count_ = 0;
};

}  // namespace pekon::scan
