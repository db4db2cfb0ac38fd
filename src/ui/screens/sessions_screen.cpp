#include "ui/screens/sessions_screen.hpp"

#include "ui/session_labels.hpp"
#include "ui/status_chip.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void SessionsScreen::drawContent(UiContext& ui, Navigator& nav) {
    // Read again every time the list comes back on top (a session was planned or held).
    if (!loaded_) {
        auto list = listSessions(ui.store());
        if (list) {
            sessions_ = std::move(list.value());
            problem_.clear();
        } else {
            problem_ = ui.errorText(list.error());
        }
        loaded_ = sessions_;
    }
    if (button(ui, "sessions.plan", ui.t("session.plan"), ImVec2(ui.px(360), ui.px(64)))) {
        nav.push(route::SessionPlan{});
        loaded_.reset();
    }
    if (!problem_.empty()) textError(problem_);
    if (sessions_.empty()) {
        textMuted(ui.t("session.none"));
        return;
    }
    ImGui::BeginChild("sessions", ImVec2(0, 0), false);
    dragScroll();
    const float row_h = ui.px(100);
    for (size_t i = 0; i < sessions_.size(); ++i) {
        const SessionRecord& s = sessions_[i];
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        const bool open = ImGui::InvisibleButton("row", ImVec2(width, row_h - ui.px(8)));
        ui.probe("sessions.row." + std::to_string(i));
        ImGui::SetCursorScreenPos(start);
        ImGui::BeginGroup();
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextUnformatted(
            (sessionWhen(s.plan) + "  ·  " + topicTitle(ui, s.plan.topic)).c_str());
        ImGui::PopFont();
        textMuted(villageName(ui, s.plan.village_code) + "  ·  " + s.plan.place + "  ·  " +
                  methodLabel(ui, s.plan.method));
        ImGui::SetCursorScreenPos(ImVec2(start.x + width - ui.px(380), start.y + ui.px(8)));
        chip(ui, ui.t("session.attendees_count", {{"count", std::to_string(s.attendees)}}),
             color::kMuted);
        ImGui::SameLine();
        chip(ui, stateLabel(ui, s.state), stateColor(s.state));
        ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + row_h - ui.px(8)));
        ImGui::EndGroup();
        ImGui::Separator();
        ImGui::PopID();
        if (open) {
            nav.push(route::Session{s.id});
            loaded_.reset();
        }
    }
    ImGui::EndChild();
}

}  // namespace pekon::ui
