// scan_bench: the scanning figures the README quotes, on one core.
//   scan_bench [--runs N] [--verbose]
// Every image of tests/data/scan is decoded once into memory (not timed), then each engine
// reads the same 1280x720 frames: Pekon's live-frame path and photo path, plain ZXing 1.4
// without and with try-harder, and zbar. Prints the time for a frame with no code and for a
// frame with a NIK QR code (median and p95 over runs x frames), and the detection rate per
// degradation. Pekon decodes in a worker process (scan::SandboxDecoder); the live path is
// timed both ways, sandboxed and in process, with the ratio. Then the product-barcode set
// (tests/data/scan_products): read rate and wrong codes, Pekon against plain ZXing.
#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "bench_stats.hpp"
#include "scan/decoder.hpp"
#include "scan/image_file.hpp"
#include "scan/sandbox_decoder.hpp"
#include "support/scan_samples.hpp"
#include "zbar_engine.hpp"

using namespace pekon;

namespace {

scan::GrayImage load(const std::string& path) {
    auto image = scan::loadImageFile(path);
    if (!image) {
        std::fprintf(stderr, "scan_bench: %s: %s\n", path.c_str(),
                     image.error().message_en.c_str());
        std::exit(1);
    }
    return std::move(image).value();
}

// An engine reads a frame and returns the texts it found.
using Engine = std::function<std::vector<std::string>(const scan::GrayView&)>;

std::vector<std::string> texts(const std::vector<scan::Code>& codes) {
    std::vector<std::string> out;
    for (const auto& c : codes) out.push_back(c.text);
    return out;
}

std::vector<std::string> plainZxing(const scan::GrayView& v, bool try_harder) {
    ZXing::DecodeHints hints;
    // Downscaling stays off: ZXing 1.4 (Debian) asserts and aborts on some EAN-13 frames with it.
    hints.setTryHarder(try_harder).setTryRotate(try_harder).setTryDownscale(false);
    std::vector<std::string> out;
    for (const auto& r : ZXing::ReadBarcodes(
             ZXing::ImageView(v.data, v.width, v.height, ZXing::ImageFormat::Lum, v.stride), hints))
        if (r.isValid()) out.push_back(r.text());
    return out;
}

struct Timing {
    double median = 0, p95 = 0;
};

Timing time(const Engine& engine, const std::vector<const scan::GrayImage*>& frames, int runs) {
    std::vector<double> ms;
    for (int run = 0; run < runs; ++run) {
        for (const auto* f : frames) {
            const auto start = std::chrono::steady_clock::now();
            auto found = engine(f->view());
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
        }
    }
    return {percentile(ms, 0.5), percentile(ms, 0.95)};
}

bool zbarReads(const std::string& format) {
    return format == "QRCode" || format == "Code128" || format == "Code39" || format == "ITF" ||
           format == "EAN-13" || format == "EAN13";
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    bool verbose = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--verbose"))
            verbose = true;
        else {
            std::fprintf(stderr, "usage: scan_bench [--runs N] [--verbose]\n");
            return 2;
        }
    }
    // One core, as on a low-end tablet with the UI on the other.
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    sched_setaffinity(0, sizeof one, &one);

    const auto samples = test::scanSamples();
    std::vector<scan::GrayImage> images;
    for (const auto& s : samples) images.push_back(load(s.path));
    std::vector<scan::GrayImage> empties;
    for (const auto& path : test::emptyScanFrames()) empties.push_back(load(path));

    scan::Decoder live_decoder, still_decoder;
    scan::SandboxDecoder sandbox_live, sandbox_still;
    auto sandboxed = [](scan::SandboxDecoder& d, const scan::GrayView& v, bool still) {
        auto r = still ? d.decodeStill(v) : d.decodeFrame(v);
        return r ? texts(*r) : std::vector<std::string>{};
    };
    ZbarEngine zbar;
    // A camera sees a code in frame after frame; the live path gives the strongest region a
    // different treatment each frame. "Within 6 frames" (0.2 s at 30 fps) shows a still frame
    // six times to a fresh decoder.
    const std::string kLive4 = "pekon (live, within 6 frames)";
    const std::vector<std::pair<std::string, Engine>> engines = {
        {"pekon (live frame, sandboxed)",
         [&](const scan::GrayView& v) { return sandboxed(sandbox_live, v, false); }},
        {"pekon (live frame, in process)",
         [&](const scan::GrayView& v) { return texts(live_decoder.decodeFrame(v)); }},
        {kLive4,
         [&](const scan::GrayView& v) {
             scan::Decoder fresh;
             std::vector<std::string> out;
             for (int i = 0; i < 6 && out.empty(); ++i) out = texts(fresh.decodeFrame(v));
             return out;
         }},
        {"pekon (photo, sandboxed)",
         [&](const scan::GrayView& v) { return sandboxed(sandbox_still, v, true); }},
        {"pekon (photo, in process)",
         [&](const scan::GrayView& v) { return texts(still_decoder.decodeStill(v)); }},
        {"zxing 1.4 plain", [](const scan::GrayView& v) { return plainZxing(v, false); }},
        {"zxing 1.4 try-harder", [](const scan::GrayView& v) { return plainZxing(v, true); }},
        {"zbar 0.23",
         [&](const scan::GrayView& v) { return zbar.read(v.data, v.width, v.height); }},
    };

    std::vector<const scan::GrayImage*> empty_frames, qr_frames;
    for (const auto& e : empties) empty_frames.push_back(&e);
    for (size_t i = 0; i < samples.size(); ++i) {
        if (samples[i].degradation == "clean" && samples[i].format == "QRCode" &&
            samples[i].name.find("nik") != std::string::npos)
            qr_frames.push_back(&images[i]);
    }

    std::printf("scan_bench: %zu degraded frames, %zu empty frames, %dx%d, %d runs, one core\n\n",
                samples.size(), empties.size(), images.empty() ? 0 : images[0].width,
                images.empty() ? 0 : images[0].height, runs);
    std::printf(
        "| engine | empty frame median | empty p95 | NIK QR frame median | QR p95 | false codes on "
        "empty |\n");
    std::printf("|---|---|---|---|---|---|\n");
    for (const auto& [name, engine] : engines) {
        if (name == kLive4) continue;  // six frames: not a per-frame time
        const Timing e = time(engine, empty_frames, runs);
        const Timing q = time(engine, qr_frames, runs * 4);
        int false_codes = 0;
        for (const auto* f : empty_frames)
            false_codes += static_cast<int>(engine(f->view()).size());
        std::printf("| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %d |\n", name.c_str(), e.median,
                    e.p95, q.median, q.p95, false_codes);
    }

    // What the process isolation costs the camera path (the same decoder, the frame sent over
    // a socket to the worker and the codes back). Interleaved frame by frame, so that whatever
    // else the machine does weighs on both alike.
    {
        std::printf(
            "\nSandbox cost on the live path (interleaved, %d x each frame, same run):\n\n"
            "| frame | in process median | sandboxed median | ratio | sandboxed frames/s |\n"
            "|---|---|---|---|---|\n",
            runs * 4);
        auto ms = [](const std::function<void()>& f) {
            const auto start = std::chrono::steady_clock::now();
            f();
            return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                             start)
                .count();
        };
        for (const auto& [label, frames] :
             {std::pair<const char*, const std::vector<const scan::GrayImage*>*>{"empty",
                                                                                 &empty_frames},
              {"NIK QR", &qr_frames}}) {
            std::vector<double> in_process, isolated;
            for (int run = 0; run < runs * 4; ++run) {
                for (const auto* f : *frames) {
                    in_process.push_back(ms([&] { live_decoder.decodeFrame(f->view()); }));
                    isolated.push_back(ms([&] { (void)sandbox_live.decodeFrame(f->view()); }));
                }
            }
            const double a = percentile(in_process, 0.5), b = percentile(isolated, 0.5);
            std::printf("| %s | %.2f ms | %.2f ms | %.2fx (+%.2f ms) | %.0f |\n", label, a, b,
                        b / a, b - a, 1000.0 / b);
        }
    }

    // Detection per degradation.
    std::vector<std::string> degradations;
    for (const auto& s : samples) {
        if (std::find(degradations.begin(), degradations.end(), s.degradation) ==
            degradations.end())
            degradations.push_back(s.degradation);
    }
    std::map<std::string, std::map<std::string, int>> hits;  // engine -> degradation -> hits
    std::map<std::string, int> totals, hits_total, zbar_subset_hits, wrong;
    int zbar_subset = 0;
    std::vector<double> live_ms;
    for (size_t i = 0; i < samples.size(); ++i) {
        const auto& s = samples[i];
        ++totals[s.degradation];
        if (zbarReads(s.format)) ++zbar_subset;
        std::string line;
        for (const auto& [name, engine] : engines) {
            const auto start = std::chrono::steady_clock::now();
            const auto found = engine(images[i].view());
            if (name == engines[0].first)
                live_ms.push_back(std::chrono::duration<double, std::milli>(
                                      std::chrono::steady_clock::now() - start)
                                      .count());
            const bool hit = std::find(found.begin(), found.end(), s.expected) != found.end();
            // A code read with other text than it holds: a misread (never acceptable).
            for (const auto& text : found) wrong[name] += text != s.expected;
            hits[name][s.degradation] += hit;
            hits_total[name] += hit;
            if (zbarReads(s.format)) zbar_subset_hits[name] += hit;
            line += hit ? " +" : " -";
        }
        if (verbose) std::printf("%-44s%s\n", s.name.c_str(), line.c_str());
    }
    std::printf("\nDetection rate (frames read / frames) per degradation:\n\n| engine |");
    for (const auto& d : degradations) std::printf(" %s |", d.c_str());
    std::printf(" overall | on zbar's symbologies (%d) | misreads |\n|---|", zbar_subset);
    for (size_t i = 0; i < degradations.size(); ++i) std::printf("---|");
    std::printf("---|---|---|\n");
    for (const auto& [name, engine] : engines) {
        std::printf("| %s |", name.c_str());
        for (const auto& d : degradations) std::printf(" %d/%d |", hits[name][d], totals[d]);
        std::printf(" **%.1f%%** | %.1f%% | %d |\n",
                    100.0 * hits_total[name] / static_cast<double>(samples.size()),
                    100.0 * zbar_subset_hits[name] / std::max(1, zbar_subset), wrong[name]);
    }
    std::printf(
        "\npekon live-frame path (sandboxed) on the degraded frames: median %.2f ms, p95 %.2f ms, "
        "max %.2f ms\n",
        percentile(live_ms, 0.5), percentile(live_ms, 0.95), percentile(live_ms, 1.0));

    // Product barcodes (EAN-13, UPC-A from zint and GNU barcode, harder degraded): a wrong code
    // is never acceptable; a miss is. Plain ZXing in the same run as the reference.
    const auto products = test::scanSamples(test::productScanDataDir());
    const std::vector<std::pair<std::string, Engine>> product_engines = {
        {"pekon (photo, sandboxed)",
         [&](const scan::GrayView& v) { return sandboxed(sandbox_still, v, true); }},
        {"pekon (live, 12 frames, sandboxed)",
         [&](const scan::GrayView& v) {
             std::vector<std::string> all;
             for (int i = 0; i < 12; ++i)
                 for (auto& t : sandboxed(sandbox_live, v, false)) all.push_back(t);
             std::sort(all.begin(), all.end());
             all.erase(std::unique(all.begin(), all.end()), all.end());
             return all;
         }},
        {"zxing 1.4 plain", [](const scan::GrayView& v) { return plainZxing(v, false); }},
        {"zxing 1.4 try-harder", [](const scan::GrayView& v) { return plainZxing(v, true); }},
    };
    std::printf("\nProduct barcodes (%zu frames of tests/data/scan_products):\n\n"
                "| engine | read | read rate | wrong codes | read where plain ZXing read "
                "nothing |\n|---|---|---|---|---|\n",
                products.size());
    std::vector<scan::GrayImage> product_images;
    for (const auto& s : products) product_images.push_back(load(s.path));
    std::vector<bool> plain_read;
    for (size_t i = 0; i < products.size(); ++i)
        plain_read.push_back(!plainZxing(product_images[i].view(), false).empty());
    for (const auto& [name, engine] : product_engines) {
        int read = 0, misread = 0, beyond = 0;
        for (size_t i = 0; i < products.size(); ++i) {
            const auto found = engine(product_images[i].view());
            const bool hit =
                std::find(found.begin(), found.end(), products[i].expected) != found.end();
            read += hit;
            beyond += hit && !plain_read[i];
            for (const auto& text : found) misread += text != products[i].expected;
            if (verbose && !found.empty() && !hit)
                std::printf("  %s: %s read %s\n", name.c_str(), products[i].name.c_str(),
                            found.front().c_str());
        }
        std::printf("| %s | %d/%zu | %.1f%% | %d | %d |\n", name.c_str(), read, products.size(),
                    100.0 * read / static_cast<double>(products.size()), misread, beyond);
    }
    return 0;
}
