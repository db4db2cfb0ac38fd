#pragma once

#include <string>
#include <vector>

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
std::vector<ScanSample> scanSamples();       // from manifest.tsv; throws when the set is broken
std::vector<std::string> emptyScanFrames();  // tests/data/scan/empty/*.jpg, sorted

}  // namespace pekon::test
