#include "scan/image_ops.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace pekon::scan;

namespace {

// Vertical bars of `period` pixels on a white field, with a margin.
GrayImage bars(int width, int height, int period) {
    GrayImage img;
    img.width = width;
    img.height = height;
    img.pixels.assign(static_cast<size_t>(width) * static_cast<size_t>(height), 240);
    for (int y = height / 4; y < 3 * height / 4; ++y)
        for (int x = width / 4; x < 3 * width / 4; ++x)
            if ((x / period) % 2) img.pixels[static_cast<size_t>(y * width + x)] = 20;
    return img;
}

}  // namespace

TEST_CASE("downscale, upscale and crop keep sizes and values", "[image_ops]") {
    GrayImage img = bars(64, 32, 4), half, up, part;
    downscale(img.view(), 2, half);
    CHECK(half.width == 32);
    CHECK(half.height == 16);
    upscale2x(half.view(), up);
    CHECK(up.width == 64);
    CHECK(up.height == 32);
    crop(img.view(), 60, 30, 10, 10, part);  // clipped at the edge
    CHECK(part.width == 4);
    CHECK(part.height == 2);
    crop(img.view(), -5, -5, 10, 10, part);
    CHECK(part.width == 5);
    CHECK(part.pixels[0] == 240);
}

TEST_CASE("contrast stretching spreads a dim image over the full range", "[image_ops]") {
    GrayImage img = bars(80, 80, 5), out;
    for (auto& p : img.pixels) p = static_cast<std::uint8_t>(100 + p / 4);  // 105..160
    stretchContrast(img.view(), out);
    int lo = 255, hi = 0;
    for (auto p : out.pixels) lo = std::min<int>(lo, p), hi = std::max<int>(hi, p);
    CHECK(lo <= 5);
    CHECK(hi >= 250);
}

TEST_CASE("the grid angle of turned bars is found, and turning back squares them up",
          "[image_ops]") {
    const GrayImage img = bars(200, 200, 6);
    CHECK(std::abs(gridAngle(img.view()).degrees) < 2.0);
    for (double angle : {-30.0, -12.0, 17.0, 35.0}) {
        GrayImage turned, back;
        rotate(img.view(), angle, turned);
        const GridAngle g = gridAngle(turned.view());
        INFO("turned by " << angle << ", found " << g.degrees);
        CHECK(g.strength > 0.2);
        rotate(turned.view(), -g.degrees, back);
        CHECK(std::abs(gridAngle(back.view()).degrees) < 3.0);
    }
}

TEST_CASE("code-like regions: bars are one, a flat or smoothly shaded image has none",
          "[image_ops]") {
    const GrayImage img = bars(256, 256, 3);
    const auto regions = codeLikeRegions(img.view(), 16, 4);
    REQUIRE(regions.size() == 1);
    CHECK(regions[0].x <= 64);
    CHECK(regions[0].x + regions[0].width >= 192);
    GrayImage shade;
    shade.width = shade.height = 256;
    shade.pixels.resize(256u * 256u);
    for (int y = 0; y < 256; ++y)
        for (int x = 0; x < 256; ++x)
            shade.pixels[static_cast<size_t>(y * 256 + x)] = static_cast<std::uint8_t>((x + y) / 2);
    CHECK(codeLikeRegions(shade.view(), 16, 4).empty());
}

TEST_CASE("sharpen and blur keep the image size and stay in range", "[image_ops]") {
    const GrayImage img = bars(50, 40, 2);
    GrayImage a, b;
    sharpen(img.view(), 1.5, a);
    boxBlur3(img.view(), b);
    CHECK(a.pixels.size() == img.pixels.size());
    CHECK(b.pixels.size() == img.pixels.size());
}
