#pragma once

#include <cstdint>
#include <string>
#include <vector>

// zbar (Debian libzbar-dev), the comparison engine of scan_bench. In its own file because
// zbar's C++ headers and ZXing's cannot share a translation unit.
class ZbarEngine {
  public:
    ZbarEngine();
    ~ZbarEngine();
    ZbarEngine(const ZbarEngine&) = delete;
    ZbarEngine& operator=(const ZbarEngine&) = delete;

    // Every symbology zbar knows is on. `gray` is 8-bit luma, rows packed.
    std::vector<std::string> read(const std::uint8_t* gray, int width, int height);

  private:
    void* scanner_;
};
