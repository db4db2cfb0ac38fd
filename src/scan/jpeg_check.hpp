#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.hpp"

// A JPEG checked before stb_image decodes it. stb_image 2.27 trusts its input: a Huffman
// table with more than 256 codes overflows its tables, a scan may use tables that were never
// defined (uninitialised memory), and a DC coefficient run up by hostile data overflows int.
// checkJpeg walks the whole file the way stb_image would read it and refuses what it would
// mishandle. C++ standard library only: shared by photo import and camera frames.
namespace pekon::scan {

// What a JPEG that passed checkJpeg is made of.
struct JpegLayout {
    int width = 0;
    int height = 0;
    int components = 0;
    bool progressive = false;
    int scans = 0;
    bool huffman_tables = false;  // a DHT segment comes before the first scan
    std::size_t first_scan = 0;   // offset of the first SOS marker (its first 0xFF)
    std::size_t end = 0;          // offset just past the EOI marker (bytes after it are ignored)
};

struct JpegCheckOptions {
    // When no DHT segment comes before the first scan (usual for UVC MJPEG frames), count
    // the standard tables of JPEG Annex K (DC and AC, ids 0 and 1) as defined. The caller
    // then has to insert standardHuffmanSegment() before the first scan for the decoder.
    bool standard_huffman_tables = false;
};

// FF (FF...) D8: what stb_image takes for a JPEG (fill bytes may come before SOI).
bool looksLikeJpeg(std::string_view bytes);

// Checks one JPEG (baseline, extended or progressive Huffman; 8-bit; 1, 3 or 4 components):
//  - markers in order from SOI to EOI (stray bytes between segments only before the frame
//    header, as stb_image allows); every segment length inside the buffer and exact;
//  - DHT: class and id valid, at most 256 codes, a valid prefix code, values inside the
//    segment; DQT: precision and id valid, whole tables; DRI, DNL the right length;
//  - SOF: one frame, 8-bit, sides > 0, 1/3/4 components with distinct ids, sampling factors
//    1..4 that divide the largest, quantisation table ids 0..3;
//  - SOS: components of the frame (each once), spectral selection and successive
//    approximation valid for the mode, and every table the scan
//    needs already defined (baseline: DC and AC; progressive: DC for first DC scans, AC for
//    AC scans, none for DC refinement; quantisation tables of its components);
//  - the entropy-coded data of each scan up to its closing marker (FF 00 stuffing, FF fill,
//    RSTn). Baseline scans and first DC scans of progressive files are Huffman-decoded
//    exactly as stb_image reads them: every code must exist, DC coefficients stay within
//    +-32767, each restart interval ends at an RSTn marker, and the data must not run out
//    (stb_image would quietly pad it with zero bits);
//  - progressive: a component's DC must be coded before its refinements and AC scans;
//    at EOI every component has been coded (its DC, when progressive).
// Errors (each bilingual, as in image_file.hpp): image_truncated (the data stops before
// EOI, or a scan's data runs out), image_format (12-bit, lossless, arithmetic-coded,
// hierarchical, 2-component or height-in-DNL JPEG: not supported), image_corrupt (anything
// else).
Result<JpegLayout> checkJpeg(const std::uint8_t* data, std::size_t size,
                             const JpegCheckOptions& options = {});
Result<JpegLayout> checkJpeg(std::string_view bytes, const JpegCheckOptions& options = {});

// The standard Huffman tables of JPEG Annex K.3 as one DHT segment (marker and length
// included): DC 0 and AC 0 (luminance), DC 1 and AC 1 (chrominance).
const std::vector<std::uint8_t>& standardHuffmanSegment();

}  // namespace pekon::scan
