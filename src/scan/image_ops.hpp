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

// Unsharp masking: in + amount * (in - boxBlur3(in)), for defocused frames.
void sharpen(const GrayView& in, double amount, GrayImage& out);

// Doubles the size (bilinear): modules of 2 px become 4 px for ZXing's detectors.
void upscale2x(const GrayView& in, GrayImage& out);

// Rotates by `degrees` about the centre (bilinear), growing the canvas so nothing is cut;
// uncovered corners take the image's median-ish border value (white paper stays white).
void rotate(const GrayView& in, double degrees, GrayImage& out);

// How far the image's grid is turned: the peak of the histogram of strong edges' directions,
// folded into 0..90 degrees (a code's bars, modules and finder patterns all share two
// perpendicular directions). Returned in -45..45: rotating by minus it squares the code up.
// `strength` is the peak's share of all edge weight (0..1); low means no clear grid.
struct GridAngle {
    double degrees = 0;
    double strength = 0;
};
GridAngle gridAngle(const GrayView& in);

// Regions that look like a code: cells of `cell` pixels whose rows or columns swing between
// dark and light many times (counted with hysteresis, so smooth shading and sensor noise do not
// count), merged into boxes. Strongest first; at most `max_regions`.
struct Region {
    int x = 0, y = 0, width = 0, height = 0;
    double score = 0;
};
std::vector<Region> codeLikeRegions(const GrayView& in, int cell, int max_regions);

}  // namespace pekon::scan
