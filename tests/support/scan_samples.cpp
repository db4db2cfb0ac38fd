#include "support/scan_samples.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "scan/decoder.hpp"
#include "support/fixtures.hpp"

namespace pekon::test {

std::string scanDataDir() {
    return std::string(PEKON_SOURCE_DIR) + "/tests/data/scan";
}

std::string productScanDataDir() {
    return std::string(PEKON_SOURCE_DIR) + "/tests/data/scan_products";
}

std::string scanRegressionsDir() {
    return std::string(PEKON_SOURCE_DIR) + "/tests/data/scan_regressions";
}

std::vector<ScanSample> scanSamples(const std::string& dir) {
    std::istringstream manifest(readWholeFile(dir + "/manifest.tsv"));
    std::vector<ScanSample> samples;
    std::string line;
    while (std::getline(manifest, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("file\t", 0) == 0) continue;
        std::vector<std::string> cols;
        std::istringstream fields(line);
        for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
        if (cols.size() < 4) throw std::runtime_error("manifest.tsv: bad line: " + line);
        ScanSample s;
        s.path = dir + "/" + cols[0];
        s.name = std::filesystem::path(cols[0]).stem().string();
        s.format = cols[1];
        s.degradation = cols[2];
        s.encoder = cols[3];
        s.expected = readWholeFile(dir + "/" + s.name + ".txt");
        samples.push_back(std::move(s));
    }
    if (samples.empty()) throw std::runtime_error("manifest.tsv lists no samples");
    return samples;
}

std::vector<std::string> emptyScanFrames() {
    std::vector<std::string> frames;
    for (const auto& entry : std::filesystem::directory_iterator(scanDataDir() + "/empty")) {
        if (entry.path().extension() == ".jpg") frames.push_back(entry.path().string());
    }
    std::sort(frames.begin(), frames.end());
    return frames;
}

bool SampleReads::holds(const std::vector<scan::Code>& codes, const ScanSample& s) {
    bool hit = false;
    for (const scan::Code& c : codes) {
        if (c.text == s.expected && c.format == s.format)
            hit = true;
        else
            ++misreads;
    }
    return hit;
}

}  // namespace pekon::test
