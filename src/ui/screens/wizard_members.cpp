// The wizard's members step: the list, and the form for one member.
#include "core/nik.hpp"
#include "core/occupation.hpp"
#include "core/text.hpp"
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
    if (members.size() < kMaxMembers && button(ui, "wizard.member.add", ui.t("wizard.members.add"),
                                               ImVec2(ui.px(320), ui.px(64)))) {
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
    }
}

void WizardScreen::drawMemberEditor(UiContext& ui) {
    MemberInput& m = draft_.household.members[*editing_];
    const RegionTable& regions = ui.assets().regions;
    const std::string p = "members[" + std::to_string(*editing_) + "].";

    // Inline validation of this member, in the current language, as the fields fill in.
    FieldErrors errors, warnings;
    validateMember(m, regions, ui.today(), "", errors, warnings);
    auto problemOf = [&](const std::string& f, bool show) -> std::string {
        if (!show) return {};
        for (const FieldError& e : errors) {
            if (e.field == f) return ui.errorText(e.error);
        }
        return {};
    };
    const bool nik_done = m.nik.size() == 16;
    field(ui, "wizard.member.nik", ui.t("label.nik"), &m.nik, EntryKind::digits, 16, false,
          problemOf("nik", nik_done && !ui.focused("wizard.member.nik")));

    // A NIK that disagrees with the birth date or sex: a warning the volunteer may confirm.
    bool mismatch = false;
    if (nik_done) {
        Date birth;
        Sex sex;
        std::optional<Date> b;
        std::optional<Sex> s;
        if (auto d = parseIsoDate(m.birth_date)) b = *d;
        if (parseSex(m.sex, sex)) s = sex;
        (void)birth;
        auto check = parseNik(m.nik, regions, ui.today(), {b, s});
        mismatch = !check && (check.error().code == "nik_birth_date_mismatch" ||
                              check.error().code == "nik_sex_mismatch");
        if (mismatch) {
            textError(ui.errorText(check.error()));
            textMuted(ui.t("wizard.members.mismatch_reason"));
            choiceGrid(ui, "wizard.mismatch",
                       {{"old_ktp", ui.t("mismatch.old_ktp")},
                        {"dukcapil_error", ui.t("mismatch.dukcapil_error")},
                        {"checked_document", ui.t("mismatch.checked_document")}},
                       &m.nik_mismatch_reason, 3);
        }
    }
    if (!mismatch) m.nik_mismatch_reason.clear();

    field(ui, "wizard.member.name", ui.t("label.name"), &m.name, EntryKind::text, kMaxNameBytes,
          false, problemOf("name", !m.name.empty() && !ui.focused("wizard.member.name")));
    ImGui::TextUnformatted(ui.t("label.birth_date").c_str());
    datePicker(ui, "wizard.member.birth", &m.birth_date, 1990);
    ImGui::TextUnformatted(ui.t("label.sex").c_str());
    choiceGrid(ui, "wizard.member.sex", {{"M", ui.t("sex.M")}, {"F", ui.t("sex.F")}}, &m.sex, 2);
    ImGui::TextUnformatted(ui.t("label.relation").c_str());
    std::vector<Choice> relations;
    for (Relation r : kAllRelations)
        relations.push_back(
            {std::string(relationCode(r)), ui.t("relation." + std::string(relationCode(r)))});
    choiceGrid(ui, "wizard.member.relation", relations, &m.relation, 5);
    ImGui::TextUnformatted(ui.t("label.occupation").c_str());
    std::vector<Choice> occupations;
    for (Occupation o : kAllOccupations)
        occupations.push_back(
            {std::string(occupationCode(o)), ui.t("occupation." + std::string(occupationCode(o)))});
    if (choiceGrid(ui, "wizard.member.occupation", occupations, &m.occupation, 4)) {
        Occupation o;
        if (parseOccupation(m.occupation, o)) {
            if (auto s = suggestedSegment(o)) m.segment = std::string(segmentCode(*s));
        }
    }
    ImGui::TextUnformatted(ui.t("label.segment").c_str());
    std::vector<Choice> segments;
    for (Segment s : kAllSegments)
        segments.push_back(
            {std::string(segmentCode(s)), ui.t("segment." + std::string(segmentCode(s)))});
    choiceGrid(ui, "wizard.member.segment", segments, &m.segment, 3);
    field(ui, "wizard.member.card", ui.t("wizard.members.existing_card"), &m.existing_card,
          EntryKind::digits, 13, false, problemOf("existing_card", m.existing_card.size() == 13));
    field(ui, "wizard.member.phone", ui.t("label.phone"), &m.phone, EntryKind::digits, 15, false,
          problemOf("phone", m.phone.size() >= 10 && !ui.focused("wizard.member.phone")));
    (void)p;

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
