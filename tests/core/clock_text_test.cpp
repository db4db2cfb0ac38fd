#include "core/clock_text.hpp"

#include <catch2/catch.hpp>

#include "support/fixtures.hpp"

using namespace pekon;

namespace {

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
}

}  // namespace

TEST_CASE("clock text: plain words, Indonesian first, with the fix and the date in use") {
    const Catalog& texts = test::assets().catalog;
    const UnixSeconds now = 1798000000;  // 2026-12-23
    CHECK(clockWarning(texts, Lang::id, ClockVerdict{ClockState::ok, 0, now}, now).empty());

    const std::string behind = joined(
        clockWarning(texts, Lang::id, ClockVerdict{ClockState::skewed, 7200, now}, now - 7200));
    CHECK(behind.find("Jam perangkat ini salah") != std::string::npos);
    CHECK(behind.find("terlambat 2 jam") != std::string::npos);
    CHECK(behind.find("WIB") != std::string::npos);
    CHECK(behind.find("2026-12-23") != std::string::npos);
    const std::string ahead = joined(
        clockWarning(texts, Lang::en, ClockVerdict{ClockState::skewed, -86400 * 3, now}, now));
    CHECK(ahead.find("3 days ahead") != std::string::npos);
    CHECK(ahead.find("Date & time") != std::string::npos);
    const std::string minutes =
        joined(clockWarning(texts, Lang::en, ClockVerdict{ClockState::skewed, 360, now}, now));
    CHECK(minutes.find("6 minutes behind") != std::string::npos);

    const std::string y2k = joined(
        clockWarning(texts, Lang::id, ClockVerdict{ClockState::before_build, 0, now}, 946684800));
    CHECK(y2k.find("2000-01-01") != std::string::npos);
    CHECK(y2k.find("dibuat") != std::string::npos);
    const std::string records = joined(clockWarning(
        texts, Lang::en, ClockVerdict{ClockState::behind_records, 0, now}, now - 86400 * 2));
    CHECK(records.find("latest record") != std::string::npos);
    for (const char* key : {"clock.title", "clock.fix", "clock.using", "clock.behind",
                            "clock.ahead", "clock.before_build", "clock.behind_records"})
        for (Lang lang : {Lang::id, Lang::en})
            CHECK(texts.texts(lang).count(std::string(key)) == 1);
}
