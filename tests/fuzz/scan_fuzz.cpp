// libFuzzer target over the decoding path with ZXing in the loop: fuzzed grayscale frames
// through the decoder Pekon runs (scan::Decoder: the live-frame and photo paths, every
// treatment), two ways.
//
// - In this process, for the 2-D symbologies (QR, PDF417, Data Matrix, Aztec): the fuzzer's
//   instrumentation guides it through ZXing's matrix readers and Pekon's treatments, and any
//   crash there is a new finding.
// - Through scan::SandboxDecoder with every symbology, the 1-D readers included: Debian's
//   ZXing 1.4 aborts on some 1-D inputs (an assertion, tests/data/scan_regressions), and such
//   an abort must end only the worker process. The invariant: the client never dies and always
//   returns a value, codes or a typed error (scan_crashed, scan_timeout), and the next frame is
//   decoded again. The worker's own abort message on stderr is expected, not a failure.
//
// Input: byte 0 picks the frame's width (8..135 px), byte 1 a pixel scale (1..4: codes with
// bigger modules) and the path (live or photo); the rest are the pixels, row after row.
// Seed corpus (scan_corpus/, made once with zint and ImageMagick): a QR code, an EAN-13 and a
// Code 128, and a strip of the ZXing-aborting regression photo.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "scan/decoder.hpp"
#include "scan/sandbox_decoder.hpp"

namespace {

using namespace pekon;
using namespace pekon::scan;

GrayImage frameOf(const std::uint8_t* data, std::size_t size) {
    GrayImage image;
    if (size < 3) return image;
    const int width = 8 + (data[0] & 127);
    const int scale = 1 + (data[1] & 3);
    const std::size_t pixels = size - 2;
    const int height = static_cast<int>(pixels / static_cast<std::size_t>(width));
    if (height < 1) return image;
    image.width = width * scale;
    image.height = height * scale;
    image.pixels.resize(static_cast<std::size_t>(image.width) * image.height);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            image.pixels[static_cast<std::size_t>(y) * image.width + x] =
                data[2 + static_cast<std::size_t>(y / scale) * width + x / scale];
    return image;
}

void checkCodes(const std::vector<Code>& codes) {
    for (const Code& c : codes) {
        PEKON_CHECK(!c.format.empty());
        if (isProductCode(c.format)) PEKON_CHECK(checkDigitValid(c.format, c.text));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const GrayImage image = frameOf(data, size);
    if (image.pixels.empty()) return 0;
    const bool still = (data[1] & 4) != 0;

    // In process: 2-D codes only (a crash here is a finding; the fuzzer's job).
    static Decoder matrix(kMatrixSymbologies);
    checkCodes(still ? matrix.decodeStill(image.view()) : matrix.decodeFrame(image.view()));

    // Sandboxed: everything; a ZXing abort costs the frame, never this process.
    static SandboxDecoder sandbox(kAllSymbologies);
    const auto result = still ? sandbox.decodeStill(image.view()) : sandbox.decodeFrame(image.view());
    if (result) {
        checkCodes(*result);
    } else {
        const std::string& code = result.error().code;
        PEKON_CHECK(code == "scan_crashed" || code == "scan_timeout");
        PEKON_CHECK(!result.error().message_id.empty() && !result.error().message_en.empty());
    }
    return 0;
}
