#pragma once

#include <string>
#include <vector>

namespace pekon::scan {
struct Code;
}

// The black-box sample set of tests/data/scan (see its README): degraded camera frames made
// with three encoders, each with its expected text beside it, and code-free frames.
namespace pekon::test {

struct ScanSample {
    std::string path;         // the image
    std::string name;         // file name without extension, e.g. "zxing_qr_nik__blur"
    std::string format;       // ZXing's name of the symbology, e.g. "QRCode"
    std::string degradation;  // "clean", "blur", ...
    std::string encoder;      // "zxing", "qrencode", "zint"
    std::string expected;     // the exact text the code holds
};

std::string scanDataDir();                   // tests/data/scan in the source tree
// tests/data/scan_products: photos of product barcodes (EAN-13, UPC-A), harder degraded.
std::string productScanDataDir();
// tests/data/scan_regressions: images that crashed a decoder once (see its README).
std::string scanRegressionsDir();
// From `dir`/manifest.tsv; throws when the set is broken.
std::vector<ScanSample> scanSamples(const std::string& dir = scanDataDir());
std::vector<std::string> emptyScanFrames();  // tests/data/scan/empty/*.jpg, sorted

// The reads of a test over samples: holds() says whether `codes` carry the sample's text in its
// symbology; every code that carries anything else is a misread, never acceptable.
struct SampleReads {
    int misreads = 0;
    bool holds(const std::vector<scan::Code>& codes, const ScanSample& s);
};

}  // namespace pekon::test
