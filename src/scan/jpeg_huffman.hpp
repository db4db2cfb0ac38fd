#pragma once

// Huffman decoding of JPEG entropy-coded data, the way stb_image reads it, for the JPEG check
// (jpeg_check.cpp): canonical tables with a fast lookup, and a bit reader over one restart
// interval that tells when the data ran out.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace pekon::scan::jpeg {

inline constexpr int kFastBits = 9;

struct HuffmanTable {
    bool defined = false;
    // Codes up to kFastBits long: (length << 8) | symbol for every kFastBits-bit prefix that
    // starts with one; 0 for none.
    std::array<std::uint16_t, 1 << kFastBits> fast{};
    std::array<int, 17> mincode{};  // first code of each length
    std::array<int, 17> maxcode{};  // last code of each length, -1 for none
    std::array<int, 17> valptr{};   // index in `values` of the first code of each length
    std::array<std::uint8_t, 256> values{};

    // counts[i]: codes of length i + 1. false for more than 256 codes or an impossible code
    // (the canonical codes of some length run out of bits), as stb_image refuses them too.
    bool build(const std::uint8_t* counts, const std::uint8_t* symbols) {
        int total = 0;
        for (int i = 0; i < 16; ++i) total += counts[i];
        if (total > 256) return false;
        std::array<int, 256> codes{};
        std::array<int, 256> lengths{};
        int code = 0, k = 0;
        for (int len = 1; len <= 16; ++len) {
            const int n = counts[len - 1];
            mincode[len] = code;
            valptr[len] = k;
            maxcode[len] = n ? code + n - 1 : -1;
            for (int i = 0; i < n; ++i) {
                codes[k] = code++;
                lengths[k++] = len;
            }
            if (n && code - 1 >= (1 << len)) return false;
            code <<= 1;
        }
        std::memcpy(values.data(), symbols, static_cast<std::size_t>(total));
        fast.fill(0);
        for (int i = 0; i < total; ++i) {
            if (lengths[i] > kFastBits) continue;
            const int first = codes[i] << (kFastBits - lengths[i]);
            const int span = 1 << (kFastBits - lengths[i]);
            for (int j = 0; j < span; ++j) {
                fast[first + j] = static_cast<std::uint16_t>((lengths[i] << 8) | values[i]);
            }
        }
        defined = true;
        return true;
    }
};

// Reads the bits of one restart interval (its bytes, FF 00 unstuffed), then zeros, as
// stb_image does; counts how many bits were real so that running out can be told.
class BitReader {
  public:
    // [begin, end): data whose every 0xFF is followed by fill 0xFFs and a 0x00.
    void start(const std::uint8_t* d, std::size_t begin, std::size_t end) {
        d_ = d;
        pos_ = begin;
        end_ = end;
        acc_ = 0;
        bits_ = 0;
        real_ = 0;
        used_ = 0;
    }
    std::uint32_t peek16() {
        if (bits_ < 16) fill();
        return static_cast<std::uint32_t>(acc_ >> 48);
    }
    void skip(int n) {
        acc_ <<= n;
        bits_ -= n;
        used_ += static_cast<std::uint64_t>(n);
    }
    std::uint32_t get(int n) {
        if (n == 0) return 0;
        if (bits_ < n) fill();
        const auto v = static_cast<std::uint32_t>(acc_ >> (64 - n));
        skip(n);
        return v;
    }
    // More bits were used than the data holds.
    bool overran() const { return used_ > real_; }

  private:
    void fill() {
        while (bits_ <= 56) {
            std::uint64_t b = 0;
            if (pos_ < end_) {
                b = d_[pos_++];
                if (b == 0xFF) {
                    while (d_[pos_] == 0xFF) ++pos_;
                    ++pos_;  // the stuffed 00
                }
                real_ += 8;
            }
            acc_ |= b << (56 - bits_);
            bits_ += 8;
        }
    }

    const std::uint8_t* d_ = nullptr;
    std::size_t pos_ = 0, end_ = 0;
    std::uint64_t acc_ = 0;
    int bits_ = 0;
    std::uint64_t real_ = 0, used_ = 0;
};

inline int decodeSymbol(const HuffmanTable& t, BitReader& r) {
    const std::uint32_t peek = r.peek16();
    const std::uint16_t fast = t.fast[peek >> (16 - kFastBits)];
    if (fast != 0) {
        r.skip(fast >> 8);
        return fast & 0xFF;
    }
    for (int len = kFastBits + 1; len <= 16; ++len) {
        const int code = static_cast<int>(peek >> (16 - len));
        if (code <= t.maxcode[len]) {
            if (code < t.mincode[len]) return -1;
            r.skip(len);
            return t.values[static_cast<std::size_t>(t.valptr[len] + code - t.mincode[len])];
        }
    }
    return -1;  // no such code
}

inline int extend(std::uint32_t v, int n) {
    const int x = static_cast<int>(v);
    return x < (1 << (n - 1)) ? x - (1 << n) + 1 : x;
}

}  // namespace pekon::scan::jpeg
