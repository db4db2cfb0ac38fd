#include "ui/pickers.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/date.hpp"
#include "core/number.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

bool choiceGrid(UiContext& ui, const std::string& id, const std::vector<Choice>& choices,
                std::string* selected, int columns, const std::vector<std::string>& disabled) {
    bool changed = false;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width =
        (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(columns - 1)) /
        static_cast<float>(columns);
    for (size_t i = 0; i < choices.size(); ++i) {
        const auto& [code, label] = choices[i];
        if (i % static_cast<size_t>(columns)) ImGui::SameLine();
        const bool off = std::find(disabled.begin(), disabled.end(), code) != disabled.end();
        const bool on = *selected == code;
        if (off) ImGui::BeginDisabled();
        if (button(ui, id + "." + code, label, ImVec2(width, ui.px(56)),
                   on ? ButtonStyle::primary : ButtonStyle::secondary) &&
            !off && !on) {
            *selected = code;
            changed = true;
        }
        if (off) ImGui::EndDisabled();
    }
    return changed;
}

bool toggle(UiContext& ui, const std::string& id, const std::string& label, bool* value) {
    const std::string mark = *value ? "[x]  " : "[  ]  ";
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    const bool pressed = button(ui, id, mark + label, ImVec2(-1, ui.px(60)),
                                *value ? ButtonStyle::primary : ButtonStyle::secondary);
    ImGui::PopStyleVar();
    if (pressed) *value = !*value;
    return pressed;
}

namespace {

// "-  value  +" on one line; returns the change (-1, 0, +1) times `step`.
int stepper(UiContext& ui, const std::string& id, const std::string& label,
            const std::string& value, int step = 1) {
    int delta = 0;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine(ui.px(150));
    if (step > 1) {
        if (button(ui, id + ".minus10", std::string(1, '-').append(std::to_string(step)),
                   ImVec2(ui.px(72), 0), ButtonStyle::secondary))
            delta -= step;
        ImGui::SameLine();
    }
    if (button(ui, id + ".minus", "-", ImVec2(ui.px(72), 0), ButtonStyle::secondary)) delta -= 1;
    ImGui::SameLine();
    ImGui::PushFont(ui.fonts.large);
    ImGui::AlignTextToFramePadding();
    const float w = ui.px(200);
    const float text_w = ImGui::CalcTextSize(value.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (w - text_w) / 2);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopFont();
    ImGui::SameLine(ui.px(150) + ui.px(step > 1 ? 84 : 0) + ui.px(84) + w);
    if (button(ui, id + ".plus", "+", ImVec2(ui.px(72), 0), ButtonStyle::secondary)) delta += 1;
    if (step > 1) {
        ImGui::SameLine();
        if (button(ui, id + ".plus10", std::string(1, '+').append(std::to_string(step)),
                   ImVec2(ui.px(72), 0), ButtonStyle::secondary))
            delta += step;
    }
    return delta;
}

}  // namespace

std::string monthName(UiContext& ui, int month) {
    static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};
    if (month < 1 || month > 12) return "-";
    return ui.t(std::string("month.") + kMonths[month - 1]);
}

void datePicker(UiContext& ui, const std::string& id, std::string* value, int default_year,
                int years_ahead) {
    // Nothing is chosen until a button is pressed: an untouched date stays empty, never a
    // silent default.
    auto parsed = parseIsoDate(*value);
    Date d = parsed ? *parsed : Date{default_year, 1, 1};
    const int last_year = ui.today().year + years_ahead;
    const std::string none = "-";
    const int dd =
        stepper(ui, id + ".day", ui.t("date.day"), parsed ? std::to_string(d.day) : none);
    const int dm = stepper(ui, id + ".month", ui.t("date.month"),
                           parsed ? monthName(ui, d.month) : none);
    const int dy =
        stepper(ui, id + ".year", ui.t("date.year"), parsed ? std::to_string(d.year) : none, 10);
    if (dd == 0 && dm == 0 && dy == 0) return;
    if (parsed) {
        d.year = std::clamp(d.year + dy, 1900, last_year);
        d.month = (d.month - 1 + dm + 12) % 12 + 1;
        const int days = daysInMonth(d.year, d.month);
        d.day = std::min(d.day, days);
        d.day = (d.day - 1 + dd + days) % days + 1;
    }
    *value = formatIsoDate(d);
}

void timePicker(UiContext& ui, const std::string& id, std::string* value) {
    int hour = 9, minute = 0;
    if (value->size() == 5 && (*value)[2] == ':') {
        hour = std::clamp(parseNumber<int>(value->substr(0, 2)).value_or(0), 0, 23);
        minute = std::clamp(parseNumber<int>(value->substr(3, 2)).value_or(0), 0, 59);
    }
    auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    const int dh = stepper(ui, id + ".hour", ui.t("session.hour"), two(hour));
    const int dm = stepper(ui, id + ".minute", ui.t("session.minute"), two(minute));
    hour = (hour + dh + 24) % 24;
    minute = ((minute / 15) * 15 + dm * 15 + 60) % 60;
    *value = two(hour) + ":" + two(minute);
}

void villagePicker(UiContext& ui, const std::string& id, std::string* district_code,
                   std::string* village_code, std::string* filter) {
    const RegionTable& regions = ui.assets().regions;
    textMuted(ui.t("wizard.location.district"));
    std::vector<Choice> districts;
    for (const Region* d : regions.districtsOf("18.06")) districts.push_back({d->code, d->name});
    if (choiceGrid(ui, id + ".district", districts, district_code, 4)) village_code->clear();
    if (district_code->empty()) return;
    ImGui::Spacing();
    field(ui, id + ".village_filter", ui.t("wizard.location.village_filter"), filter,
          EntryKind::text, 40);
    std::vector<Choice> villages;
    for (const Village* v : regions.searchVillages(*filter, *district_code, 60))
        villages.push_back({v->code, v->name});
    choiceGrid(ui, id + ".village", villages, village_code, 3);
}

}  // namespace pekon::ui
