#include "ui/time_text.hpp"

#include <algorithm>

namespace pekon::ui {

std::string whenText(UiContext& ui, UnixSeconds at) {
    const std::string local = formatRfc3339(at + kWibOffset);  // 2026-11-22T08:04:05Z
    const std::string stamp = local.substr(0, 10) + " " + local.substr(11, 5) + " WIB";
    const std::int64_t ago = std::max<std::int64_t>(0, ui.now() - at);
    std::string relative;
    if (ago < 60)
        relative = ui.t("time.just_now");
    else if (ago < 3600)
        relative = ui.t("time.minutes_ago", {{"count", std::to_string(ago / 60)}});
    else if (ago < 86400)
        relative = ui.t("time.hours_ago", {{"count", std::to_string(ago / 3600)}});
    else
        relative = ui.t("time.days_ago", {{"count", std::to_string(ago / 86400)}});
    return stamp + " (" + relative + ")";
}

}  // namespace pekon::ui
