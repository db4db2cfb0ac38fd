#pragma once

#include "scan/gray_image.hpp"

// Small image operations the decoder uses to give ZXing a better look at a hard frame. Each
// writes into `out`, reusing its buffer, so a live camera loop allocates nothing per frame.
namespace pekon::scan {

// Averages each factor x factor block (factor 2..8) into one pixel.
void downscale(const GrayView& in, int factor, GrayImage& out);

// Copies the rectangle (clipped to the image).
void crop(const GrayView& in, int x, int y, int width, int height, GrayImage& out);

// Stretches the 1st..99th percentile of the histogram to 0..255 (low-contrast and foggy frames).
void stretchContrast(const GrayView& in, GrayImage& out);

// A 3x3 box blur (sensor noise, JPEG speckle).
void boxBlur3(const GrayView& in, GrayImage& out);

// Rotates by `degrees` about the centre (bilinear), growing the canvas so nothing is cut;
// uncovered corners take the image's median-ish border value (white paper stays white).
void rotate(const GrayView& in, double degrees, GrayImage& out);

// The dominant edge direction of the image in degrees (0..180), from a gradient structure
// tensor on a coarse grid, and how strongly it dominates (0..1). A barcode's bars give one
// strong direction; clutter gives none.
struct EdgeDirection {
    double degrees = 0;
    double coherence = 0;
};
EdgeDirection dominantEdgeDirection(const GrayView& in);

// Regions that look like a code: blocks of `cell` pixels with dense, strong edges, merged into
// boxes. Sorted by edge energy, strongest first; at most `max_regions`.
struct Region {
    int x = 0, y = 0, width = 0, height = 0;
    double score = 0;
};
std::vector<Region> codeLikeRegions(const GrayView& in, int cell, int max_regions);

}  // namespace pekon::scan
