#include "scan/jpeg_check.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <string>

#include "scan/jpeg_huffman.hpp"

namespace pekon::scan {

namespace {

using jpeg::BitReader;
using jpeg::decodeSymbol;
using jpeg::extend;
using jpeg::HuffmanTable;

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

}  // namespace pekon::scan
