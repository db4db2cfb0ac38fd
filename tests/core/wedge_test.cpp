#include "core/wedge.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace pekon;

namespace {

// Feeds `text` one character per `gaps[i]` ms (the last gap repeats), then Enter after
// `enter_gap` ms; collects what reached the field and what was taken as a scan.
struct Outcome {
    std::string typed;
    std::vector<std::string> scans;
    int terminators = 0;
};

void collect(Outcome& o, const WedgeResult& r) {
    o.typed += r.typed;
    if (r.scan) o.scans.push_back(*r.scan);
    o.terminators += r.terminator;
}

Outcome feed(const std::string& text, const std::vector<std::int64_t>& gaps, std::int64_t enter_gap,
             WedgeDetector detector = WedgeDetector()) {
    Outcome o;
    std::int64_t t = 1000;
    for (size_t i = 0; i < text.size(); ++i) {
        if (i > 0) t += gaps[std::min(i - 1, gaps.size() - 1)];
        // The app ticks every frame (~16 ms) between keys.
        collect(o, detector.onTick(t - 1));
        collect(o, detector.onText(text.substr(i, 1), t));
    }
    t += enter_gap;
    collect(o, detector.onTick(t - 1));
    collect(o, detector.onTerminator(t));
    collect(o, detector.onTick(t + 1000));
    return o;
}

}  // namespace

TEST_CASE("a scanner burst ended by Enter is a scan, and nothing reaches the field", "[wedge]") {
    const Outcome o = feed("1806014501870003", {8}, 8);
    REQUIRE(o.scans == std::vector<std::string>{"1806014501870003"});
    CHECK(o.typed.empty());
    CHECK(o.terminators == 0);
}

TEST_CASE("a Bluetooth scanner with jitter is still a scan", "[wedge]") {
    // Mostly 5-15 ms with a few 40 ms hiccups: the mean stays under 30 ms.
    const Outcome o = feed("0001234567890", {5, 12, 40, 6, 9, 15, 7, 40, 8, 5, 11, 6}, 10);
    REQUIRE(o.scans.size() == 1);
    CHECK(o.scans[0] == "0001234567890");
}

TEST_CASE("human typing is never taken for a scan", "[wedge]") {
    SECTION("a steady typist, 120 ms per key") {
        const Outcome o = feed("1806014501870003", {120}, 150);
        CHECK(o.scans.empty());
        CHECK(o.typed == "1806014501870003");
        CHECK(o.terminators == 1);
    }
    SECTION("a fast typist whose keys sometimes roll over (20 ms) among 60-90 ms gaps") {
        const Outcome o = feed("siti aminah", {70, 20, 85, 60, 18, 90, 65, 22, 75, 80}, 40);
        CHECK(o.scans.empty());
        CHECK(o.typed == "siti aminah");
        CHECK(o.terminators == 1);
    }
    SECTION("a short fast run, like a double-tapped key and Enter") {
        const Outcome o = feed("ok", {15}, 15);
        CHECK(o.scans.empty());
        CHECK(o.typed == "ok");
        CHECK(o.terminators == 1);
    }
    SECTION("a fast run ended by a slow Enter") {
        const Outcome o = feed("1806014501870003", {8}, 400);
        CHECK(o.scans.empty());
        CHECK(o.typed == "1806014501870003");
        CHECK(o.terminators == 1);
    }
}

TEST_CASE("typed characters keep their order and are released after the gap", "[wedge]") {
    WedgeDetector d;
    CHECK(d.onText("a", 0).typed.empty());
    CHECK(d.holding());
    CHECK(d.onTick(30).typed.empty());  // still inside the gap: held
    CHECK(d.onTick(51).typed == "a");   // the gap passed: it was typing
    CHECK_FALSE(d.holding());
    // A slow key releases the earlier one before it is held itself.
    CHECK(d.onText("b", 100).typed.empty());
    CHECK(d.onText("c", 300).typed == "b");
    const WedgeResult enter = d.onTerminator(310);
    CHECK(enter.typed == "c");
    CHECK(enter.terminator);
    CHECK_FALSE(enter.scan);
}

TEST_CASE("a burst right after typing is a scan of its own", "[wedge]") {
    WedgeDetector d;
    Outcome o;
    collect(o, d.onText("x", 0));
    std::int64_t t = 200;
    for (char c : std::string("3506042501870001")) {
        collect(o, d.onText(std::string(1, c), t));
        t += 6;
    }
    collect(o, d.onTerminator(t));
    CHECK(o.typed == "x");
    REQUIRE(o.scans.size() == 1);
    CHECK(o.scans[0] == "3506042501870001");
}

TEST_CASE("a runaway burst is released, not held forever", "[wedge]") {
    WedgeDetector d(WedgeTiming{50, 30, 6, 32});
    std::string typed;
    for (int i = 0; i < 40; ++i) typed += d.onText("7", i * 5).typed;
    CHECK(typed == std::string(32, '7'));
    typed += d.onTick(1000).typed;
    CHECK(typed == std::string(40, '7'));
}

TEST_CASE("Enter with nothing held passes through", "[wedge]") {
    WedgeDetector d;
    const WedgeResult r = d.onTerminator(5);
    CHECK(r.terminator);
    CHECK(r.typed.empty());
    CHECK_FALSE(r.scan);
}

TEST_CASE("another key flushes held typing first, in order", "[wedge]") {
    WedgeDetector d;
    CHECK(d.onText("a", 0).typed.empty());
    CHECK(d.onText("b", 10).typed.empty());
    CHECK(d.flush().typed == "ab");
    CHECK_FALSE(d.holding());
    CHECK(d.flush().typed.empty());
}
