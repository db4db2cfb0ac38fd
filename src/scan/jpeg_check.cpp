#include "scan/jpeg_check.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <string>

namespace pekon::scan {

namespace {

// ---- errors ---------------------------------------------------------------------------------

Error corrupt(const char* reason_id, const char* reason_en) {
    return Error{
        "image_corrupt",
        std::string("Isi gambar rusak dan tidak bisa dibaca (JPEG: ") + reason_id + ").",
        std::string("The image data is damaged and cannot be read (JPEG: ") + reason_en + ")."};
}

Error truncatedError() {
    return Error{"image_truncated", "Berkas gambar terpotong (tidak lengkap).",
                 "The image file is cut short (incomplete)."};
}

Error unsupported(const char* what_id, const char* what_en) {
    return Error{"image_format", std::string("Jenis JPEG ini tidak didukung (") + what_id + ").",
                 std::string("This kind of JPEG is not supported (") + what_en + ")."};
}

Error badMarker() {
    return corrupt("penanda segmen tidak pada tempatnya", "a segment marker out of place");
}
Error badLength() {
    return corrupt("panjang segmen tidak sah", "invalid segment length");
}
Error badHuffmanTable() {
    return corrupt("tabel Huffman tidak sah", "invalid Huffman table");
}
Error badQuantTable() {
    return corrupt("tabel kuantisasi tidak sah", "invalid quantisation table");
}
Error badFrame() {
    return corrupt("kepala bingkai tidak sah", "invalid frame header");
}
Error badScan() {
    return corrupt("kepala pindaian tidak sah", "invalid scan header");
}
Error undefinedTable() {
    return corrupt("pindaian memakai tabel yang belum didefinisikan",
                   "a scan uses a table that was never defined");
}
Error badData() {
    return corrupt("data terkode rusak", "damaged coded data");
}
Error missingRestart() {
    return corrupt("penanda restart hilang", "a restart marker is missing");
}
Error incomplete() {
    return corrupt("ada komponen yang tidak dikodekan", "a colour component is never coded");
}

std::size_t be16(const std::uint8_t* p) {
    return (std::size_t{p[0]} << 8) | p[1];
}

bool isRestart(std::uint8_t m) {
    return m >= 0xD0 && m <= 0xD7;
}

// ---- Huffman tables -------------------------------------------------------------------------

constexpr int kFastBits = 9;

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

// ---- entropy-coded data ---------------------------------------------------------------------

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

int decodeSymbol(const HuffmanTable& t, BitReader& r) {
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

int extend(std::uint32_t v, int n) {
    const int x = static_cast<int>(v);
    return x < (1 << (n - 1)) ? x - (1 << n) + 1 : x;
}

// stb_image multiplies a DC coefficient by its quantiser (up to 65535) or by 1 << Al (up to
// 2^13) in int; a valid 8-bit JPEG's DC stays within +-2048.
constexpr int kMaxDc = 32767;

// ---- the walker -----------------------------------------------------------------------------

struct Component {
    int id = 0;
    int h = 1, v = 1;
    int tq = 0;
    int blocks_w = 0, blocks_h = 0;  // blocks of a non-interleaved scan
    bool coded = false;              // in a scan (progressive: a first DC scan)
    int dc = 0;                      // DC prediction while decoding a scan
};

class Checker {
  public:
    Checker(const std::uint8_t* d, std::size_t size, const JpegCheckOptions& options)
        : d_(d), size_(size), options_(options) {}

    Result<JpegLayout> run(std::size_t pos) {
        bool first = true;
        for (;;) {
            // A marker: 0xFF, any fill 0xFFs, its code. Like stb_image, stray bytes between
            // the segments before the frame header are passed over (not right after SOI).
            if (pos >= size_) return truncatedError();
            if (d_[pos] != 0xFF && !frame_ && !first) {
                const void* ff = std::memchr(d_ + pos, 0xFF, size_ - pos);
                if (ff == nullptr) return truncatedError();
                pos = static_cast<std::size_t>(static_cast<const std::uint8_t*>(ff) - d_);
            }
            first = false;
            if (d_[pos] != 0xFF) return badMarker();
            const std::size_t marker_at = pos;
            while (pos < size_ && d_[pos] == 0xFF) ++pos;
            if (pos >= size_) return truncatedError();
            const std::uint8_t m = d_[pos++];
            if (m == 0xD9) return finish(pos);
            if (m == 0x00 || m == 0x01 || (m >= 0xD0 && m <= 0xD8)) return badMarker();
            if (size_ - pos < 2) return truncatedError();
            const std::size_t len = be16(d_ + pos);
            if (len < 2) return badLength();
            if (len > size_ - pos) return truncatedError();
            const std::uint8_t* seg = d_ + pos + 2;
            const std::size_t n = len - 2;
            const std::size_t next = pos + len;

            Status status;
            if (m == 0xC0 || m == 0xC1 || m == 0xC2) {
                status = frameHeader(m == 0xC2, seg, n);
            } else if ((m >= 0xC3 && m <= 0xCF && m != 0xC4) || m == 0xDE || m == 0xDF) {
                status =
                    m == 0xC8 || m == 0xCC || m == 0xDE || m == 0xDF
                        ? unsupported("hierarkis atau aritmetika", "hierarchical or arithmetic")
                        : unsupported("lossless atau aritmetika", "lossless or arithmetic");
            } else if (m == 0xC4) {
                status = huffmanTables(seg, n);
                if (status && layout_.scans == 0) layout_.huffman_tables = true;
            } else if (m == 0xDB) {
                status = quantTables(seg, n);
            } else if (m == 0xDD) {  // DRI
                if (n != 2) return badLength();
                restart_interval_ = static_cast<int>(be16(seg));
            } else if (m == 0xDC) {  // DNL: stb_image only checks it repeats the height
                if (!frame_) return badMarker();
                if (n != 2) return badLength();
                if (static_cast<int>(be16(seg)) != layout_.height) return badFrame();
            } else if (m == 0xDA) {
                if (!frame_) return badMarker();
                if (layout_.scans == 0) layout_.first_scan = marker_at;
                auto end = scan(seg, n, next);
                if (!end) return end.error();
                pos = *end;
                continue;
            } else if ((m >= 0xE0 && m <= 0xEF) || m == 0xFE) {
                // APPn, COM: skipped
            } else {
                return badMarker();
            }
            if (!status) return status.error();
            pos = next;
        }
    }

  private:
    Status frameHeader(bool progressive, const std::uint8_t* p, std::size_t n) {
        if (frame_) return badMarker();  // one frame only
        if (n < 6) return badLength();
        if (p[0] != 8) return unsupported("bukan 8-bit", "not 8-bit");
        const int height = static_cast<int>(be16(p + 1));
        const int width = static_cast<int>(be16(p + 3));
        const int count = p[5];
        if (n != 6 + 3 * static_cast<std::size_t>(count)) return badLength();
        if (height == 0) return unsupported("tinggi di DNL", "height in DNL");
        if (width == 0) return badFrame();
        if (count == 2) return unsupported("2 komponen", "2 components");
        if (count != 1 && count != 3 && count != 4) return badFrame();
        int hmax = 1, vmax = 1;
        for (int i = 0; i < count; ++i) {
            Component& c = comps_[static_cast<std::size_t>(i)];
            const std::uint8_t* q = p + 6 + 3 * i;
            c.id = q[0];
            c.h = q[1] >> 4;
            c.v = q[1] & 15;
            c.tq = q[2];
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3) return badFrame();
            for (int j = 0; j < i; ++j) {
                if (comps_[static_cast<std::size_t>(j)].id == c.id) return badFrame();
            }
            hmax = std::max(hmax, c.h);
            vmax = std::max(vmax, c.v);
        }
        for (int i = 0; i < count; ++i) {
            Component& c = comps_[static_cast<std::size_t>(i)];
            if (hmax % c.h != 0 || vmax % c.v != 0) return badFrame();
            // stb_image's sizes: ceil(side * factor / largest factor), in whole blocks.
            const int cw = (width * c.h + hmax - 1) / hmax;
            const int ch = (height * c.v + vmax - 1) / vmax;
            c.blocks_w = (cw + 7) / 8;
            c.blocks_h = (ch + 7) / 8;
        }
        mcus_x_ = (width + 8 * hmax - 1) / (8 * hmax);
        mcus_y_ = (height + 8 * vmax - 1) / (8 * vmax);
        frame_ = true;
        layout_.progressive = progressive;
        layout_.width = width;
        layout_.height = height;
        layout_.components = count;
        return {};
    }

    Status huffmanTables(const std::uint8_t* p, std::size_t n) {
        std::size_t q = 0;
        while (q < n) {
            if (n - q < 17) return badHuffmanTable();
            const int tc = p[q] >> 4, th = p[q] & 15;
            if (tc > 1 || th > 3) return badHuffmanTable();
            std::size_t codes = 0;
            for (int i = 1; i <= 16; ++i) codes += p[q + static_cast<std::size_t>(i)];
            if (codes > 256 || n - q - 17 < codes) return badHuffmanTable();
            HuffmanTable& table = (tc == 0 ? dc_ : ac_)[static_cast<std::size_t>(th)];
            if (!table.build(p + q + 1, p + q + 17)) return badHuffmanTable();
            q += 17 + codes;
        }
        return {};
    }

    Status quantTables(const std::uint8_t* p, std::size_t n) {
        std::size_t q = 0;
        while (q < n) {
            const int pq = p[q] >> 4, tq = p[q] & 15;
            if (pq > 1 || tq > 3) return badQuantTable();
            const std::size_t table = 1 + 64 * static_cast<std::size_t>(pq + 1);
            if (n - q < table) return badQuantTable();
            quant_[static_cast<std::size_t>(tq)] = true;
            q += table;
        }
        return {};
    }

    // The scan whose header is p[0..n) and whose data starts at `data`; the offset of the
    // marker that closes it.
    Result<std::size_t> scan(const std::uint8_t* p, std::size_t n, std::size_t data) {
        if (layout_.scans == 0 && options_.standard_huffman_tables && !layout_.huffman_tables) {
            const std::vector<std::uint8_t>& standard = standardHuffmanSegment();
            const Status loaded = huffmanTables(standard.data() + 4, standard.size() - 4);
            if (!loaded) return loaded.error();
        }
        if (n < 1) return badLength();
        const std::size_t ns = p[0];
        if (ns < 1 || ns > 4 || ns > static_cast<std::size_t>(layout_.components)) {
            return badScan();
        }
        if (n != 1 + 2 * ns + 3) return badLength();
        std::array<int, 4> order{};  // frame component index per scan component
        std::array<int, 4> td{}, ta{};
        for (std::size_t i = 0; i < ns; ++i) {
            const int id = p[1 + 2 * i];
            int which = -1;
            for (int c = 0; c < layout_.components; ++c) {
                if (comps_[static_cast<std::size_t>(c)].id == id) which = c;
            }
            if (which < 0) return badScan();
            for (std::size_t j = 0; j < i; ++j) {
                if (order[j] == which) return badScan();
            }
            order[i] = which;
            td[i] = p[2 + 2 * i] >> 4;
            ta[i] = p[2 + 2 * i] & 15;
            if (td[i] > 3 || ta[i] > 3) return badScan();
        }
        const int ss = p[1 + 2 * ns], se = p[2 + 2 * ns];
        const int ah = p[3 + 2 * ns] >> 4, al = p[3 + 2 * ns] & 15;

        bool need_dc = true, need_ac = true, decode_ac = true, first_dc = true;
        if (layout_.progressive) {
            if (ss > 63 || se > 63 || ss > se || ah > 13 || al > 13) return badScan();
            if (ss == 0 && se != 0) return badScan();  // DC and AC never share a scan
            if (ss > 0 && ns != 1) return badScan();   // AC scans hold one component
            need_dc = ss == 0 && ah == 0;
            need_ac = ss > 0;
            decode_ac = false;
            first_dc = need_dc;
        } else if (ss != 0 || ah != 0 || al != 0) {
            return badScan();
        }
        for (std::size_t i = 0; i < ns; ++i) {
            Component& c = comps_[static_cast<std::size_t>(order[i])];
            if (need_dc && !dc_[static_cast<std::size_t>(td[i])].defined) return undefinedTable();
            if (need_ac && !ac_[static_cast<std::size_t>(ta[i])].defined) return undefinedTable();
            if (!quant_[static_cast<std::size_t>(c.tq)]) return undefinedTable();
            if (layout_.progressive && !first_dc && !c.coded) {
                return corrupt("urutan pindaian progresif salah", "progressive scans out of order");
            }
        }
        ++layout_.scans;

        Result<std::size_t> end =
            first_dc ? decodeScan(data, ns, order, td, ta, decode_ac) : skipScan(data);
        if (!end) return end;
        for (std::size_t i = 0; i < ns; ++i) {
            Component& c = comps_[static_cast<std::size_t>(order[i])];
            if (first_dc) c.coded = true;
        }
        return end;
    }

    // From `i` in entropy-coded data: the offset of the 0xFF that starts the next marker
    // (skipping FF 00 and fill bytes), its code in `marker` and the offset after it in
    // `after`. npos when the data ends first.
    std::size_t segmentEnd(std::size_t i, std::uint8_t& marker, std::size_t& after) const {
        for (;;) {
            if (i >= size_) return npos;
            const void* ff = std::memchr(d_ + i, 0xFF, size_ - i);
            if (ff == nullptr) return npos;
            i = static_cast<std::size_t>(static_cast<const std::uint8_t*>(ff) - d_);
            std::size_t j = i + 1;
            while (j < size_ && d_[j] == 0xFF) ++j;
            if (j >= size_) return npos;
            if (d_[j] == 0x00) {
                i = j + 1;
                continue;
            }
            marker = d_[j];
            after = j + 1;
            return i;
        }
    }

    // A scan not decoded here (progressive AC and DC refinement): to its closing marker.
    Result<std::size_t> skipScan(std::size_t data) const {
        std::uint8_t marker = 0;
        std::size_t after = data;
        for (;;) {
            const std::size_t end = segmentEnd(after, marker, after);
            if (end == npos) return truncatedError();
            if (!isRestart(marker)) return end;
        }
    }

    // A baseline scan, or a first DC scan of a progressive JPEG (decode_ac false), decoded
    // the way stb_image reads it, without the pixels.
    Result<std::size_t> decodeScan(std::size_t data, std::size_t ns,
                                   const std::array<int, 4>& order, const std::array<int, 4>& td,
                                   const std::array<int, 4>& ta, bool decode_ac) {
        std::uint8_t marker = 0;
        std::size_t after = data;
        std::size_t end = segmentEnd(after, marker, after);
        if (end == npos) return truncatedError();
        BitReader bits;
        bits.start(d_, data, end);
        for (Component& c : comps_) c.dc = 0;

        // Non-interleaved scans code whole blocks of one component, one block per MCU.
        const Component& single = comps_[static_cast<std::size_t>(order[0])];
        const long long mcus = ns == 1 ? static_cast<long long>(single.blocks_w) * single.blocks_h
                                       : static_cast<long long>(mcus_x_) * mcus_y_;
        long long in_interval = 0;
        for (long long mcu = 0; mcu < mcus; ++mcu) {
            if (restart_interval_ > 0 && in_interval == restart_interval_) {
                if (bits.overran()) return ranOut(marker);
                if (!isRestart(marker)) return missingRestart();
                const std::size_t begin = after;
                end = segmentEnd(begin, marker, after);
                if (end == npos) return truncatedError();
                bits.start(d_, begin, end);
                for (Component& c : comps_) c.dc = 0;
                in_interval = 0;
            }
            ++in_interval;
            for (std::size_t k = 0; k < ns; ++k) {
                Component& c = comps_[static_cast<std::size_t>(order[k])];
                const int blocks = ns == 1 ? 1 : c.h * c.v;
                const HuffmanTable& dc = dc_[static_cast<std::size_t>(td[k])];
                const HuffmanTable& ac = ac_[static_cast<std::size_t>(ta[k])];
                for (int b = 0; b < blocks; ++b) {
                    if (!decodeBlock(bits, c, dc, ac, decode_ac)) return badData();
                    if (bits.overran()) return ranOut(marker);
                }
            }
        }
        // Restart markers may close the last interval too.
        while (isRestart(marker)) {
            end = segmentEnd(after, marker, after);
            if (end == npos) return truncatedError();
        }
        return end;
    }

    static bool decodeBlock(BitReader& bits, Component& c, const HuffmanTable& dc,
                            const HuffmanTable& ac, bool decode_ac) {
        const int t = decodeSymbol(dc, bits);
        if (t < 0 || t > 15) return false;
        const int diff = t ? extend(bits.get(t), t) : 0;
        c.dc += diff;
        if (std::abs(c.dc) > kMaxDc) return false;
        if (!decode_ac) return true;
        for (int k = 1; k < 64;) {
            const int rs = decodeSymbol(ac, bits);
            if (rs < 0) return false;
            const int s = rs & 15, run = rs >> 4;
            if (s == 0) {
                if (rs != 0xF0) break;  // end of block
                k += 16;
            } else {
                k += run + 1;
                bits.get(s);
            }
        }
        return true;
    }

    // The data of a restart interval ran out: a file cut short (and closed with EOI), or
    // damage inside.
    static Error ranOut(std::uint8_t marker) {
        return marker == 0xD9 ? truncatedError() : badData();
    }

    Result<JpegLayout> finish(std::size_t end) {
        if (!frame_ || layout_.scans == 0) return badMarker();
        for (int i = 0; i < layout_.components; ++i) {
            if (!comps_[static_cast<std::size_t>(i)].coded) return incomplete();
        }
        layout_.end = end;
        return layout_;
    }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    const std::uint8_t* d_;
    std::size_t size_;
    JpegCheckOptions options_;
    JpegLayout layout_;
    bool frame_ = false;
    std::array<Component, 4> comps_{};
    int mcus_x_ = 0, mcus_y_ = 0;
    int restart_interval_ = 0;
    std::array<HuffmanTable, 4> dc_{}, ac_{};
    std::array<bool, 4> quant_{};
};

}  // namespace

bool looksLikeJpeg(std::string_view bytes) {
    if (bytes.empty() || static_cast<std::uint8_t>(bytes[0]) != 0xFF) return false;
    const std::size_t soi = bytes.find_first_not_of('\xff');
    return soi != std::string_view::npos && static_cast<std::uint8_t>(bytes[soi]) == 0xD8;
}

Result<JpegLayout> checkJpeg(const std::uint8_t* data, std::size_t size,
                             const JpegCheckOptions& options) {
    if (data == nullptr || size == 0) return truncatedError();
    if (data[0] != 0xFF) return corrupt("tidak diawali SOI", "no start-of-image marker");
    std::size_t pos = 0;
    while (pos < size && data[pos] == 0xFF) ++pos;
    if (pos >= size) return truncatedError();
    if (data[pos] != 0xD8) return corrupt("tidak diawali SOI", "no start-of-image marker");
    return Checker(data, size, options).run(pos + 1);
}

Result<JpegLayout> checkJpeg(std::string_view bytes, const JpegCheckOptions& options) {
    return checkJpeg(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), options);
}

const std::vector<std::uint8_t>& standardHuffmanSegment() {
    static const std::vector<std::uint8_t> segment = [] {
        static const std::uint8_t dc_lum_bits[16] = {0, 1, 5, 1, 1, 1, 1, 1,
                                                     1, 0, 0, 0, 0, 0, 0, 0};
        static const std::uint8_t dc_chr_bits[16] = {0, 3, 1, 1, 1, 1, 1, 1,
                                                     1, 1, 1, 0, 0, 0, 0, 0};
        static const std::uint8_t dc_vals[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        static const std::uint8_t ac_lum_bits[16] = {0, 2, 1, 3, 3, 2, 4, 3,
                                                     5, 5, 4, 4, 0, 0, 1, 0x7d};
        static const std::uint8_t ac_lum_vals[162] = {
            0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51,
            0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1,
            0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18,
            0x19, 0x1a, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39,
            0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57,
            0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75,
            0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92,
            0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
            0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3,
            0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8,
            0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2,
            0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa};
        static const std::uint8_t ac_chr_bits[16] = {0, 2, 1, 2, 4, 4, 3, 4,
                                                     7, 5, 4, 4, 0, 1, 2, 0x77};
        static const std::uint8_t ac_chr_vals[162] = {
            0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07,
            0x61, 0x71, 0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09,
            0x23, 0x33, 0x52, 0xf0, 0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25,
            0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38,
            0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56,
            0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74,
            0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
            0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5,
            0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba,
            0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6,
            0xd7, 0xd8, 0xd9, 0xda, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf2,
            0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa};

        std::vector<std::uint8_t> seg = {0xFF, 0xC4, 0, 0};
        auto table = [&seg](std::uint8_t class_id, const std::uint8_t* bits,
                            const std::uint8_t* vals, std::size_t n) {
            seg.push_back(class_id);
            seg.insert(seg.end(), bits, bits + 16);
            seg.insert(seg.end(), vals, vals + n);
        };
        table(0x00, dc_lum_bits, dc_vals, sizeof dc_vals);
        table(0x10, ac_lum_bits, ac_lum_vals, sizeof ac_lum_vals);
        table(0x01, dc_chr_bits, dc_vals, sizeof dc_vals);
        table(0x11, ac_chr_bits, ac_chr_vals, sizeof ac_chr_vals);
        const std::size_t length = seg.size() - 2;  // 418
        seg[2] = static_cast<std::uint8_t>(length >> 8);
        seg[3] = static_cast<std::uint8_t>(length & 0xFF);
        return seg;
    }();
    return segment;
}

}  // namespace pekon::scan
