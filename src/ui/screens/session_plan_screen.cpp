#include "ui/screens/session_plan_screen.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "store/sessions.hpp"
#include "ui/pickers.hpp"
#include "ui/session_labels.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

std::string SessionPlanScreen::problem(UiContext& ui, const std::string& field) const {
    for (const FieldError& e : errors_) {
        if (e.field == field) return ui.errorText(e.error);
    }
    return {};
}

void SessionPlanScreen::drawFacilitators(UiContext& ui) {
    textMuted(ui.t("session.facilitators"));
    for (size_t i = 0; i < plan_.facilitators.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(plan_.facilitators[i].c_str());
        ImGui::SameLine(ui.px(420));
        if (button(ui, "session_plan.facilitator.remove." + std::to_string(i),
                   ui.t("session.remove"), ImVec2(ui.px(160), 0), ButtonStyle::secondary)) {
            plan_.facilitators.erase(plan_.facilitators.begin() + static_cast<long>(i));
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    ImGui::PushItemWidth(ui.px(400));
    field(ui, "session_plan.facilitator_name", ui.t("session.facilitator_name"), &new_facilitator_,
          EntryKind::text, kMaxPersonNameBytes);
    ImGui::PopItemWidth();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetTextLineHeightWithSpacing());
    if (button(ui, "session_plan.facilitator.add", ui.t("session.facilitator_add"),
               ImVec2(ui.px(200), ui.px(56)), ButtonStyle::secondary) &&
        !trim(new_facilitator_).empty()) {
        plan_.facilitators.push_back(std::string(trim(new_facilitator_)));
        new_facilitator_.clear();
        ui.unfocus();
    }
    if (auto p = problem(ui, "facilitators"); !p.empty()) textError(p);
}

void SessionPlanScreen::drawPartners(UiContext& ui) {
    textMuted(ui.t("session.partners"));
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - 2 * spacing) / 3;
    int column = 0;
    for (std::string_view code : kSessionPartners) {
        const std::string c(code);
        auto at = std::find(plan_.partners.begin(), plan_.partners.end(), c);
        const bool on = at != plan_.partners.end();
        if (column++ % 3) ImGui::SameLine();
        if (button(ui, "session_plan.partner." + c, (on ? "[x]  " : "[  ]  ") + partnerLabel(ui, c),
                   ImVec2(width, ui.px(56)), on ? ButtonStyle::primary : ButtonStyle::secondary)) {
            if (on)
                plan_.partners.erase(at);
            else
                plan_.partners.push_back(c);
        }
    }
    if (auto p = problem(ui, "partners"); !p.empty()) textError(p);
}

void SessionPlanScreen::save(UiContext& ui, Navigator& nav) {
    ui.unfocus();
    const std::string actor = nav.user() ? nav.user()->id : "unknown";
    auto id = planSession(ui.store(), plan_, ui.assets().materials, ui.assets().regions,
                          {actor, ui.now(), ui.today()}, &errors_);
    if (!id) {
        save_problem_ = errors_.empty() ? ui.errorText(id.error()) : ui.t("session.fix_errors");
        return;
    }
    nav.replace(route::Session{*id});
}

void SessionPlanScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (!started_) {
        started_ = true;
        plan_.date = formatIsoDate(ui.today());
        plan_.time = "09:00";
        if (nav.user()) plan_.facilitators.push_back(nav.user()->name);
    }
    const float footer = ui.px(80);
    ImGui::BeginChild("plan", ImVec2(0, -footer), false);
    dragScroll();
    villagePicker(ui, "session_plan", &district_, &plan_.village_code, &village_filter_);
    if (auto p = problem(ui, "village_code"); !p.empty()) textError(p);
    ImGui::Spacing();
    field(ui, "session_plan.place", ui.t("session.place"), &plan_.place, EntryKind::text,
          kMaxPlaceBytes, false, problem(ui, "place"));
    ImGui::Spacing();
    textMuted(ui.t("session.date"));
    datePicker(ui, "session_plan.date", &plan_.date, ui.today().year, 1);
    if (auto p = problem(ui, "date"); !p.empty()) textError(p);
    timePicker(ui, "session_plan.time", &plan_.time);
    if (auto p = problem(ui, "time"); !p.empty()) textError(p);
    ImGui::Spacing();
    textMuted(ui.t("session.method"));
    std::vector<Choice> methods;
    for (std::string_view m : kSessionMethods)
        methods.push_back({std::string(m), methodLabel(ui, std::string(m))});
    choiceGrid(ui, "session_plan.method", methods, &plan_.method, 3);
    if (auto p = problem(ui, "method"); !p.empty()) textError(p);
    ImGui::Spacing();
    textMuted(ui.t("session.topic"));
    std::vector<Choice> topics;
    for (const MaterialTopic& t : ui.assets().materials)
        topics.push_back({t.key, t.title.in(ui.lang())});
    choiceGrid(ui, "session_plan.topic", topics, &plan_.topic, 2);
    if (auto p = problem(ui, "topic"); !p.empty()) textError(p);
    ImGui::Spacing();
    drawFacilitators(ui);
    ImGui::Spacing();
    drawPartners(ui);
    ImGui::EndChild();
    ImGui::Separator();
    if (!save_problem_.empty()) {
        textError(save_problem_);
        ImGui::SameLine();
    }
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - ui.px(300));
    if (button(ui, "session_plan.save", ui.t("session.save_plan"), ImVec2(ui.px(300), ui.px(60))))
        save(ui, nav);
}

}  // namespace pekon::ui
