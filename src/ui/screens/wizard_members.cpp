// The wizard's members step: the list, and the form for one member.
#include "core/text.hpp"
#include "store/households.hpp"
#include "ui/member_form.hpp"
#include "ui/pickers.hpp"
#include "ui/screens/wizard_screen.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void WizardScreen::drawMembers(UiContext& ui, Navigator& nav) {
    const auto& members = model_.draft().household.members;
    textMuted(ui.t("wizard.members.intro"));
    for (size_t i = 0; i < members.size(); ++i) {
        const MemberInput& m = members[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextUnformatted(m.name.empty() ? "-" : m.name.c_str());
        ImGui::PopFont();
        textMuted(nikText(ui, m.no_nik ? std::string() : m.nik) + "  ·  " +
                  ui.t("relation." + (m.relation.empty() ? "other" : m.relation)));
        if (!m.pregnancy_due.empty())
            textMuted(ui.t("member.pregnant_due", {{"month", m.pregnancy_due}}));
        if (button(ui, "wizard.member.edit." + std::to_string(i), ui.t("wizard.members.edit"),
                   ImVec2(ui.px(180), 0), ButtonStyle::secondary))
            model_.editMember(i);
        ImGui::SameLine();
        if (button(ui, "wizard.member.remove." + std::to_string(i), ui.t("wizard.members.remove"),
                   ImVec2(ui.px(180), 0), ButtonStyle::danger)) {
            model_.removeMember(env(ui, nav), i);
            ImGui::PopID();
            break;
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    if (members.size() < kMaxMembers &&
        button(ui, "wizard.member.add", ui.t("wizard.members.add"), ImVec2(ui.px(320), ui.px(64))))
        model_.addMember();
    if (members.size() < kMaxMembers) {
        ImGui::SameLine();
        if (button(ui, "wizard.member.scan", ui.t("scan.member"), ImVec2(ui.px(320), ui.px(64)),
                   ButtonStyle::secondary))
            want_scan_ = true;
    }
}

bool WizardScreen::onScan(UiContext& ui, Navigator& nav, const ScanPayload& p) {
    if (!model_.scanned(env(ui, nav), p)) return false;
    ui.unfocus();
    return true;
}

void WizardScreen::drawMemberEditor(UiContext& ui, Navigator& nav) {
    MemberInput& m = model_.draft().household.members[*model_.editing()];
    if (memberForm(ui, "wizard.member", m)) want_scan_ = true;
    ImGui::Spacing();
    if (button(ui, "wizard.member.done", ui.t("wizard.members.done"),
               ImVec2(ui.px(300), ui.px(64)))) {
        ui.unfocus();
        model_.doneMember(env(ui, nav));
    }
    ImGui::SameLine();
    if (button(ui, "wizard.member.cancel", ui.t("wizard.members.cancel"),
               ImVec2(ui.px(220), ui.px(64)), ButtonStyle::secondary)) {
        ui.unfocus();
        model_.cancelMember(env(ui, nav));
    }
}

}  // namespace pekon::ui
