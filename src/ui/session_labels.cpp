#include "ui/session_labels.hpp"

#include "core/text.hpp"
#include "ui/status_chip.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

std::string villageName(UiContext& ui, const std::string& village_code) {
    const RegionTable& regions = ui.assets().regions;
    const Village* v = regions.village(village_code);
    if (!v) return village_code;
    const Region* d = regions.district(v->district_code);
    return d ? v->name + ", " + d->name : v->name;
}

std::string sessionWhen(const SessionPlan& plan) {
    return plan.date + " " + plan.time;
}

std::string methodLabel(UiContext& ui, const std::string& code) {
    return ui.t("session.method." + code);
}

std::string partnerLabel(UiContext& ui, const std::string& code) {
    return ui.t("session.partner." + code);
}

std::string topicTitle(UiContext& ui, const std::string& topic_key) {
    for (const MaterialTopic& t : ui.assets().materials) {
        if (t.key == topic_key) return t.title.in(ui.lang());
    }
    return topic_key;
}

std::string stateLabel(UiContext& ui, SessionState state) {
    return ui.t("session.state." + std::string(sessionStateCode(state)));
}

ImU32 stateColor(SessionState state) {
    switch (state) {
        case SessionState::planned:
            return color::kWarning;
        case SessionState::held:
            return color::kPrimary;
        case SessionState::closed:
            return color::kMuted;
    }
    return color::kMuted;
}

std::string attendeeLabel(const AttendeeInput& person) {
    std::string out = person.name;
    if (!person.nik.empty()) {
        if (!out.empty()) out += "  ·  ";
        out += "NIK " + maskDigits(person.nik);
    }
    return out;
}

void sessionHeading(UiContext& ui, const SessionRecord& session) {
    const SessionPlan& p = session.plan;
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted((topicTitle(ui, p.topic) + "  ·  " + methodLabel(ui, p.method)).c_str());
    ImGui::PopFont();
    textMuted(sessionWhen(p) + "  ·  " + villageName(ui, p.village_code) + "  ·  " + p.place);
    chip(ui, stateLabel(ui, session.state), stateColor(session.state));
}

}  // namespace pekon::ui
