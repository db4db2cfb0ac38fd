#include "ui/screens/session_summary_screen.hpp"

#include <cmath>
#include <cstdio>

#include "ui/session_labels.hpp"
#include "ui/status_chip.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

std::string percent(const std::optional<double>& value) {
    if (!value) return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.0f%%", std::round(*value));
    return text;
}

std::string points(const std::optional<double>& value) {
    if (!value) return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%+.0f", std::round(*value));
    return text;
}

}  // namespace

void SessionSummaryScreen::load(UiContext& ui) {
    loaded_ = true;
    auto s = findSession(ui.store(), session_id_);
    if (s && *s) session_ = **s;
    auto n = sessionNumbers(ui.store(), session_id_);
    if (n)
        numbers_ = *n;
    else
        problem_ = ui.errorText(n.error());
    if (!s) problem_ = ui.errorText(s.error());
}

void SessionSummaryScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (!loaded_) load(ui);
    if (!problem_.empty()) textError(problem_);
    if (!session_ || !numbers_) return;
    sessionHeading(ui, *session_);
    ImGui::Spacing();

    // The numbers as a grid of boxes.
    const SessionNumbers& n = *numbers_;
    struct Box {
        const char* id;
        std::string value;
        std::string label;
    };
    const Box boxes[] = {
        {"summary.head_count", std::to_string(n.head_count), ui.t("session.head_count")},
        {"summary.households", std::to_string(n.households), ui.t("session.households")},
        {"summary.leads", std::to_string(n.leads), ui.t("session.leads")},
        {"summary.registrations", std::to_string(n.registrations), ui.t("session.registrations")},
        {"summary.pre", percent(n.quiz.pre_percent),
         ui.t("session.quiz_pre_mean", {{"count", std::to_string(n.pre_taken)}})},
        {"summary.post", percent(n.quiz.post_percent),
         ui.t("session.quiz_post_mean", {{"count", std::to_string(n.post_taken)}})},
        {"summary.gain", points(n.quiz.gain_points), ui.t("session.quiz_gain")},
    };
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float w = (ImGui::GetContentRegionAvail().x - 3 * spacing) / 4;
    for (size_t i = 0; i < std::size(boxes); ++i) {
        if (i % 4) ImGui::SameLine();
        ImGui::BeginChild(boxes[i].id, ImVec2(w, ui.px(130)), true);
        ImGui::PushFont(ui.fonts.title);
        ImGui::TextUnformatted(boxes[i].value.c_str());
        ImGui::PopFont();
        textMuted(boxes[i].label);
        ImGui::EndChild();
        ui.probe(boxes[i].id);
    }
    textMuted(ui.t("session.households_rule"));
    ImGui::Spacing();
    if (session_->state == SessionState::held) {
        if (button(ui, "summary.close", ui.t("session.close"), ImVec2(ui.px(360), ui.px(72)),
                   ButtonStyle::danger)) {
            if (auto s =
                    closeSession(ui.store(), session_id_,
                                 {nav.user() ? nav.user()->id : "unknown", ui.now(), ui.today()});
                !s)
                problem_ = ui.errorText(s.error());
            loaded_ = false;
        }
    } else if (session_->state == SessionState::closed) {
        textMuted(ui.t("session.closed_note"));
    }
}

}  // namespace pekon::ui
