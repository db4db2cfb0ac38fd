#include "core/clock_text.hpp"

namespace pekon {

namespace {

// "7 minutes", "2 hours", "26 days": the largest whole unit.
std::string amount(const Catalog& texts, Lang lang, std::int64_t seconds) {
    if (seconds < 0) seconds = -seconds;
    const std::int64_t minutes = seconds / 60;
    if (minutes < 120)
        return texts.text("clock.minutes", lang, {{"count", std::to_string(minutes)}});
    if (minutes < 48 * 60)
        return texts.text("clock.hours", lang, {{"count", std::to_string(minutes / 60)}});
    return texts.text("clock.days", lang, {{"count", std::to_string(minutes / (24 * 60))}});
}

}  // namespace

std::vector<std::string> clockWarning(const Catalog& texts, Lang lang, const ClockVerdict& v,
                                      UnixSeconds device_now) {
    std::string what;
    const std::string shown = formatIsoDate(wibDate(device_now));
    switch (v.state) {
        case ClockState::ok:
            return {};
        case ClockState::skewed:
            // offset = hub - device: positive means the device is behind.
            what = texts.text(v.offset > 0 ? "clock.behind" : "clock.ahead", lang,
                              {{"amount", amount(texts, lang, v.offset)}});
            break;
        case ClockState::before_build:
            what = texts.text("clock.before_build", lang, {{"date", shown}});
            break;
        case ClockState::behind_records:
            what = texts.text("clock.behind_records", lang, {{"date", shown}});
            break;
    }
    return {texts.text("clock.title", lang), what, texts.text("clock.fix", lang),
            texts.text("clock.using", lang, {{"date", formatIsoDate(wibDate(v.best_now))}})};
}

}  // namespace pekon
