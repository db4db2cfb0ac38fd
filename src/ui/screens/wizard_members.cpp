// The wizard's members step: the list, and the form for one member.
#include "core/scan_fill.hpp"
#include "core/text.hpp"
#include "store/households.hpp"
#include "ui/member_form.hpp"
#include "ui/pickers.hpp"
#include "ui/screens/wizard_screen.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void WizardScreen::drawMembers(UiContext& ui) {
    auto& members = draft_.household.members;
    textMuted(ui.t("wizard.members.intro"));
    for (size_t i = 0; i < members.size(); ++i) {
        const MemberInput& m = members[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextUnformatted(m.name.empty() ? "-" : m.name.c_str());
        ImGui::PopFont();
        textMuted("NIK " + maskDigits(m.nik) + "  ·  " +
                  ui.t("relation." + (m.relation.empty() ? "other" : m.relation)));
        if (button(ui, "wizard.member.edit." + std::to_string(i), ui.t("wizard.members.edit"),
                   ImVec2(ui.px(180), 0), ButtonStyle::secondary)) {
            editing_ = i;
            before_edit_ = m;
        }
        ImGui::SameLine();
        if (button(ui, "wizard.member.remove." + std::to_string(i), ui.t("wizard.members.remove"),
                   ImVec2(ui.px(180), 0), ButtonStyle::danger)) {
            members.erase(members.begin() + static_cast<std::ptrdiff_t>(i));
            save_pending_ = true;
            ImGui::PopID();
            break;
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    if (members.size() < kMaxMembers &&
        button(ui, "wizard.member.add", ui.t("wizard.members.add"), ImVec2(ui.px(320), ui.px(64))))
        addMember();
    if (members.size() < kMaxMembers) {
        ImGui::SameLine();
        if (button(ui, "wizard.member.scan", ui.t("scan.member"), ImVec2(ui.px(320), ui.px(64)),
                   ButtonStyle::secondary))
            want_scan_ = true;
    }
}

MemberInput& WizardScreen::addMember() {
    auto& members = draft_.household.members;
    MemberInput m;
    m.relation = members.empty() ? "head" : "child";
    // Members usually share the head's segment and class.
    if (!members.empty()) {
        m.segment = members.front().segment;
        m.care_class = members.front().care_class;
    }
    members.push_back(m);
    editing_ = members.size() - 1;
    before_edit_ = {};
    return members.back();
}

bool WizardScreen::onScan(UiContext& ui, Navigator& /*nav*/, const ScanPayload& p) {
    HouseholdInput& h = draft_.household;
    if (draft_.step == WizardStep::kk) {
        if (!fillKkFromScan(p, h.kk_number)) return false;
        ui.unfocus();
        save_pending_ = true;
        return true;
    }
    if (draft_.step != WizardStep::members) return false;
    if (editing_) {
        MemberInput& m = h.members[*editing_];
        if (!fillMemberFromScan(p, m)) return false;
    } else {
        MemberInput probe;
        if (h.members.size() >= kMaxMembers || !fillMemberFromScan(p, probe) || probe.nik.empty())
            return false;
        fillMemberFromScan(p, addMember());
    }
    // A KTP/KK code may carry the KK number too.
    if (h.kk_number.empty()) fillKkFromScan(p, h.kk_number);
    ui.unfocus();
    save_pending_ = true;
    return true;
}

void WizardScreen::drawMemberEditor(UiContext& ui) {
    MemberInput& m = draft_.household.members[*editing_];
    if (memberForm(ui, "wizard.member", m)) want_scan_ = true;
    ImGui::Spacing();
    if (button(ui, "wizard.member.done", ui.t("wizard.members.done"),
               ImVec2(ui.px(300), ui.px(64)))) {
        editing_.reset();
        ui.unfocus();
        save_pending_ = true;
    }
    ImGui::SameLine();
    if (button(ui, "wizard.member.cancel", ui.t("wizard.members.cancel"),
               ImVec2(ui.px(220), ui.px(64)), ButtonStyle::secondary)) {
        if (before_edit_.nik.empty() && before_edit_.name.empty())
            draft_.household.members.erase(draft_.household.members.begin() +
                                           static_cast<std::ptrdiff_t>(*editing_));
        else
            m = before_edit_;
        editing_.reset();
        ui.unfocus();
        save_pending_ = true;
    }
}

}  // namespace pekon::ui
