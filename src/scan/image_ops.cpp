#include "scan/image_ops.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace pekon::scan {

namespace {

size_t area(int width, int height) {
    return static_cast<size_t>(width) * static_cast<size_t>(height);
}

}  // namespace

void downscale(const GrayView& in, int factor, GrayImage& out) {
    factor = std::clamp(factor, 1, 8);
    out.width = in.width / factor;
    out.height = in.height / factor;
    out.pixels.resize(area(out.width, out.height));
    const int n = factor * factor;
    for (int y = 0; y < out.height; ++y) {
        std::uint8_t* dst = &out.pixels[area(out.width, y)];
        for (int x = 0; x < out.width; ++x) {
            int sum = 0;
            for (int dy = 0; dy < factor; ++dy) {
                const std::uint8_t* src =
                    in.data + static_cast<long>(y * factor + dy) * in.stride + x * factor;
                for (int dx = 0; dx < factor; ++dx) sum += src[dx];
            }
            dst[x] = static_cast<std::uint8_t>(sum / n);
        }
    }
}

void crop(const GrayView& in, int x, int y, int width, int height, GrayImage& out) {
    const int x0 = std::clamp(x, 0, in.width), y0 = std::clamp(y, 0, in.height);
    const int x1 = std::clamp(x + width, 0, in.width), y1 = std::clamp(y + height, 0, in.height);
    out.width = x1 - x0;
    out.height = y1 - y0;
    out.pixels.resize(area(out.width, out.height));
    for (int row = 0; row < out.height; ++row) {
        const std::uint8_t* src = in.data + static_cast<long>(y0 + row) * in.stride + x0;
        std::copy(src, src + out.width,
                  out.pixels.begin() + static_cast<long>(area(out.width, row)));
    }
}

void stretchContrast(const GrayView& in, GrayImage& out) {
    std::array<size_t, 256> histogram{};
    for (int y = 0; y < in.height; ++y) {
        const std::uint8_t* row = in.data + static_cast<long>(y) * in.stride;
        for (int x = 0; x < in.width; ++x) ++histogram[row[x]];
    }
    const size_t total = area(in.width, in.height);
    const size_t cut = total / 100;
    int low = 0, high = 255;
    for (size_t seen = 0; low < 255 && seen + histogram[low] <= cut; ++low) seen += histogram[low];
    for (size_t seen = 0; high > 0 && seen + histogram[high] <= cut; --high)
        seen += histogram[high];
    std::array<std::uint8_t, 256> map{};
    const int range = std::max(1, high - low);
    for (int v = 0; v < 256; ++v)
        map[v] = static_cast<std::uint8_t>(std::clamp((v - low) * 255 / range, 0, 255));
    out.width = in.width;
    out.height = in.height;
    out.pixels.resize(total);
    for (int y = 0; y < in.height; ++y) {
        const std::uint8_t* row = in.data + static_cast<long>(y) * in.stride;
        std::uint8_t* dst = &out.pixels[area(in.width, y)];
        for (int x = 0; x < in.width; ++x) dst[x] = map[row[x]];
    }
}

void boxBlur3(const GrayView& in, GrayImage& out) {
    out.width = in.width;
    out.height = in.height;
    out.pixels.resize(area(in.width, in.height));
    if (in.width < 3 || in.height < 3) {
        for (int y = 0; y < in.height; ++y)
            std::copy(in.data + static_cast<long>(y) * in.stride,
                      in.data + static_cast<long>(y) * in.stride + in.width,
                      out.pixels.begin() + static_cast<long>(area(in.width, y)));
        return;
    }
    std::vector<std::uint16_t> rows(area(in.width, in.height));  // horizontal sums of 3
    for (int y = 0; y < in.height; ++y) {
        const std::uint8_t* src = in.data + static_cast<long>(y) * in.stride;
        std::uint16_t* dst = &rows[area(in.width, y)];
        dst[0] = static_cast<std::uint16_t>(src[0] * 2 + src[1]);
        for (int x = 1; x + 1 < in.width; ++x)
            dst[x] = static_cast<std::uint16_t>(src[x - 1] + src[x] + src[x + 1]);
        dst[in.width - 1] = static_cast<std::uint16_t>(src[in.width - 2] + src[in.width - 1] * 2);
    }
    for (int y = 0; y < in.height; ++y) {
        const std::uint16_t* above = &rows[area(in.width, std::max(0, y - 1))];
        const std::uint16_t* here = &rows[area(in.width, y)];
        const std::uint16_t* below = &rows[area(in.width, std::min(in.height - 1, y + 1))];
        std::uint8_t* dst = &out.pixels[area(in.width, y)];
        for (int x = 0; x < in.width; ++x)
            dst[x] = static_cast<std::uint8_t>((above[x] + here[x] + below[x] + 4) / 9);
    }
}

void rotate(const GrayView& in, double degrees, GrayImage& out) {
    const double radians = degrees * std::numbers::pi / 180.0;
    const double c = std::cos(radians), s = std::sin(radians);
    out.width = static_cast<int>(std::ceil(std::abs(in.width * c) + std::abs(in.height * s)));
    out.height = static_cast<int>(std::ceil(std::abs(in.width * s) + std::abs(in.height * c)));
    out.pixels.resize(area(out.width, out.height));
    // Fill uncovered corners with the mean of the border, so no false edge appears there.
    long border = 0;
    int count = 0;
    for (int x = 0; x < in.width; ++x, count += 2) border += in.at(x, 0) + in.at(x, in.height - 1);
    for (int y = 0; y < in.height; ++y, count += 2) border += in.at(0, y) + in.at(in.width - 1, y);
    const std::uint8_t fill = static_cast<std::uint8_t>(count ? border / count : 255);
    const double cx_in = in.width / 2.0, cy_in = in.height / 2.0;
    const double cx_out = out.width / 2.0, cy_out = out.height / 2.0;
    for (int y = 0; y < out.height; ++y) {
        std::uint8_t* dst = &out.pixels[area(out.width, y)];
        const double dy = y + 0.5 - cy_out;
        for (int x = 0; x < out.width; ++x) {
            const double dx = x + 0.5 - cx_out;
            // Inverse mapping: where this output pixel came from.
            const double sx = c * dx + s * dy + cx_in - 0.5;
            const double sy = -s * dx + c * dy + cy_in - 0.5;
            const int x0 = static_cast<int>(std::floor(sx)), y0 = static_cast<int>(std::floor(sy));
            if (x0 < 0 || y0 < 0 || x0 + 1 >= in.width || y0 + 1 >= in.height) {
                dst[x] = fill;
                continue;
            }
            const double fx = sx - x0, fy = sy - y0;
            const double top = in.at(x0, y0) * (1 - fx) + in.at(x0 + 1, y0) * fx;
            const double bottom = in.at(x0, y0 + 1) * (1 - fx) + in.at(x0 + 1, y0 + 1) * fx;
            dst[x] = static_cast<std::uint8_t>(top * (1 - fy) + bottom * fy + 0.5);
        }
    }
}

GridAngle gridAngle(const GrayView& in) {
    constexpr int kBins = 90;
    std::array<double, kBins> histogram{};
    double total = 0;
    for (int y = 1; y + 1 < in.height; ++y) {
        for (int x = 1; x + 1 < in.width; ++x) {
            const int gx = (in.at(x + 1, y - 1) + 2 * in.at(x + 1, y) + in.at(x + 1, y + 1)) -
                           (in.at(x - 1, y - 1) + 2 * in.at(x - 1, y) + in.at(x - 1, y + 1));
            const int gy = (in.at(x - 1, y + 1) + 2 * in.at(x, y + 1) + in.at(x + 1, y + 1)) -
                           (in.at(x - 1, y - 1) + 2 * in.at(x, y - 1) + in.at(x + 1, y - 1));
            const int magnitude = std::abs(gx) + std::abs(gy);
            if (magnitude < 120) continue;  // only clear ink edges vote
            double degrees = std::atan2(static_cast<double>(gy), static_cast<double>(gx)) * 180.0 /
                             std::numbers::pi;
            degrees = std::fmod(degrees + 360.0, 90.0);
            histogram[static_cast<size_t>(std::min(kBins - 1, static_cast<int>(degrees)))] +=
                magnitude;
            total += magnitude;
        }
    }
    GridAngle result;
    if (total <= 0) return result;
    // The peak of the histogram smoothed over +-2 degrees (wrapping around).
    int best = 0;
    double best_weight = -1;
    for (int b = 0; b < kBins; ++b) {
        double w = 0;
        for (int d = -2; d <= 2; ++d) w += histogram[static_cast<size_t>((b + d + kBins) % kBins)];
        if (w > best_weight) best_weight = w, best = b;
    }
    double degrees = best + 0.5;
    if (degrees > 45) degrees -= 90;
    result.degrees = degrees;
    result.strength = best_weight / total;
    return result;
}

void sharpen(const GrayView& in, double amount, GrayImage& out) {
    boxBlur3(in, out);
    for (int y = 0; y < in.height; ++y) {
        const std::uint8_t* src = in.data + static_cast<long>(y) * in.stride;
        std::uint8_t* dst = &out.pixels[area(in.width, y)];
        for (int x = 0; x < in.width; ++x) {
            const double v = src[x] + amount * (src[x] - dst[x]);
            dst[x] = static_cast<std::uint8_t>(std::clamp(v, 0.0, 255.0));
        }
    }
}

void upscale2x(const GrayView& in, GrayImage& out) {
    out.width = in.width * 2;
    out.height = in.height * 2;
    out.pixels.resize(area(out.width, out.height));
    for (int y = 0; y < out.height; ++y) {
        const double sy = std::clamp((y - 0.5) / 2.0, 0.0, in.height - 1.0);
        const int y0 = static_cast<int>(sy), y1 = std::min(y0 + 1, in.height - 1);
        const double fy = sy - y0;
        std::uint8_t* dst = &out.pixels[area(out.width, y)];
        for (int x = 0; x < out.width; ++x) {
            const double sx = std::clamp((x - 0.5) / 2.0, 0.0, in.width - 1.0);
            const int x0 = static_cast<int>(sx), x1 = std::min(x0 + 1, in.width - 1);
            const double fx = sx - x0;
            const double top = in.at(x0, y0) * (1 - fx) + in.at(x1, y0) * fx;
            const double bottom = in.at(x0, y1) * (1 - fx) + in.at(x1, y1) * fx;
            dst[x] = static_cast<std::uint8_t>(top * (1 - fy) + bottom * fy + 0.5);
        }
    }
}

std::vector<Region> codeLikeRegions(const GrayView& in, int cell, int max_regions) {
    std::vector<Region> regions;
    if (cell < 4 || in.width < cell * 2 || in.height < cell * 2) return regions;
    const int cols = in.width / cell, rows = in.height / cell;
    constexpr int kMinRange = 40;  // dark ink on light paper, even dim or blurred
    std::vector<float> score(area(cols, rows), 0.f);
    std::vector<std::uint8_t> busy(area(cols, rows), 0);
    for (int cy = 0; cy < rows; ++cy) {
        for (int cx = 0; cx < cols; ++cx) {
            const int x0 = cx * cell, y0 = cy * cell;
            int lo = 255, hi = 0;
            for (int y = y0; y < y0 + cell; ++y) {
                const std::uint8_t* row = in.data + static_cast<long>(y) * in.stride + x0;
                for (int x = 0; x < cell; ++x)
                    lo = std::min<int>(lo, row[x]), hi = std::max<int>(hi, row[x]);
            }
            if (hi - lo < kMinRange) continue;
            const int low = lo + (hi - lo) / 3, high = hi - (hi - lo) / 3;  // hysteresis band
            // Dark/light swings along every second row and column.
            int swings = 0;
            for (int y = y0; y < y0 + cell; y += 2) {
                const std::uint8_t* row = in.data + static_cast<long>(y) * in.stride + x0;
                int state = row[0] < low ? -1 : row[0] > high ? 1 : 0;
                for (int x = 1; x < cell; ++x) {
                    const int s = row[x] < low ? -1 : row[x] > high ? 1 : 0;
                    if (s != 0 && s != state) swings += state != 0, state = s;
                }
            }
            for (int x = x0; x < x0 + cell; x += 2) {
                int state = in.at(x, y0) < low ? -1 : in.at(x, y0) > high ? 1 : 0;
                for (int y = y0 + 1; y < y0 + cell; ++y) {
                    const int v = in.at(x, y);
                    const int s = v < low ? -1 : v > high ? 1 : 0;
                    if (s != 0 && s != state) swings += state != 0, state = s;
                }
            }
            const size_t i = area(cols, cy) + static_cast<size_t>(cx);
            // A code swings at least ~2 times per line across a cell in one direction.
            if (swings * 4 >= cell * 3) {
                busy[i] = 1;
                score[i] = static_cast<float>(swings) * static_cast<float>(hi - lo);
            }
        }
    }
    // Close one-cell gaps (a blurred barcode's bars fade in places): a quiet cell between two
    // busy ones, across or down, joins them.
    for (int cy = 0; cy < rows; ++cy) {
        for (int cx = 0; cx < cols; ++cx) {
            const size_t i = area(cols, cy) + static_cast<size_t>(cx);
            if (busy[i]) continue;
            const bool across = cx > 0 && cx + 1 < cols && busy[i - 1] == 1 && busy[i + 1] == 1;
            const bool down = cy > 0 && cy + 1 < rows && busy[i - static_cast<size_t>(cols)] == 1 &&
                              busy[i + static_cast<size_t>(cols)] == 1;
            if (across || down) busy[i] = 3;  // joined, but not a seed of its own
        }
    }
    for (auto& b : busy) b = b ? 1 : 0;
    // Connected busy cells (8-neighbourhood) become boxes.
    std::vector<int> stack;
    for (int cy = 0; cy < rows; ++cy) {
        for (int cx = 0; cx < cols; ++cx) {
            const size_t start = area(cols, cy) + static_cast<size_t>(cx);
            if (busy[start] != 1) continue;
            busy[start] = 2;
            stack.assign(1, static_cast<int>(start));
            int x0 = cx, x1 = cx, y0 = cy, y1 = cy, cells = 0;
            double total = 0;
            while (!stack.empty()) {
                const int at = stack.back();
                stack.pop_back();
                const int ax = at % cols, ay = at / cols;
                ++cells;
                total += score[static_cast<size_t>(at)];
                x0 = std::min(x0, ax), x1 = std::max(x1, ax), y0 = std::min(y0, ay),
                y1 = std::max(y1, ay);
                for (int ny = ay - 1; ny <= ay + 1; ++ny) {
                    for (int nx = ax - 1; nx <= ax + 1; ++nx) {
                        if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
                        const size_t n = area(cols, ny) + static_cast<size_t>(nx);
                        if (busy[n] == 1) {
                            busy[n] = 2;
                            stack.push_back(static_cast<int>(n));
                        }
                    }
                }
            }
            // A code covers a compact patch of at least 2x2 cells; a line of text or a stripe
            // of one cell does not.
            const int w = x1 - x0 + 1, h = y1 - y0 + 1;
            if (cells < 3 || w < 2 || h < 2) continue;
            regions.push_back({x0 * cell, y0 * cell, w * cell, h * cell, total});
        }
    }
    std::sort(regions.begin(), regions.end(),
              [](const Region& a, const Region& b) { return a.score > b.score; });
    if (static_cast<int>(regions.size()) > max_regions)
        regions.resize(static_cast<size_t>(max_regions));
    return regions;
}

}  // namespace pekon::scan
