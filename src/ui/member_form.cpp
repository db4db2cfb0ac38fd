#include "ui/member_form.hpp"

#include <string_view>
#include <utility>

#include "core/nik.hpp"
#include "core/occupation.hpp"
#include "core/text.hpp"
#include "ui/pickers.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

// The NIK checks a volunteer may overrule with a reason (an old KTP, a Dukcapil error, a
// document checked), looked up by the check's error code in one table.
enum class NikMismatch { none, birth_date, sex };

constexpr std::pair<std::string_view, NikMismatch> kNikMismatches[] = {
    {"nik_birth_date_mismatch", NikMismatch::birth_date},
    {"nik_sex_mismatch", NikMismatch::sex},
};

NikMismatch nikMismatch(const Error& e) {
    for (const auto& [code, kind] : kNikMismatches) {
        if (e.code == code) return kind;
    }
    return NikMismatch::none;
}

// A woman aged 10-55 (or whose birth date is not set yet): not pregnant, or pregnant with the
// expected month of delivery, this month to nine months ahead, as large buttons. Anyone else
// has the choice cleared.
void pregnancyChoice(UiContext& ui, const std::string& id, MemberInput& m) {
    const auto birth = parseIsoDate(m.birth_date);
    const int age = birth ? ageInYears(*birth, ui.today()) : kPregnancyMinAge;
    if (m.sex != "F" || age < kPregnancyMinAge || age > kPregnancyMaxAge) {
        m.pregnancy_due.clear();
        return;
    }
    ImGui::TextUnformatted(ui.t("wizard.members.pregnant").c_str());
    std::vector<Choice> choices{{"", ui.t("wizard.members.not_pregnant")}};
    for (const std::string& month : dueMonthChoices(ui.today())) {
        const int number = std::stoi(month.substr(5, 2));
        choices.push_back({month, monthName(ui, number) + " " + month.substr(0, 4)});
    }
    choiceGrid(ui, id + ".pregnancy", choices, &m.pregnancy_due, 4);
}

}  // namespace

std::string nikText(UiContext& ui, const std::string& nik) {
    return nik.empty() ? ui.t("member.nik_pending") : "NIK " + maskDigits(nik);
}

bool memberForm(UiContext& ui, const std::string& id, MemberInput& m, bool ask_pregnancy) {
    const RegionTable& regions = ui.assets().regions;

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
    const bool nik_done = !m.no_nik && m.nik.size() == 16;
    if (m.no_nik) {
        textMuted(ui.t("wizard.members.no_nik_hint"));
        const std::string problem = problemOf("nik", true);
        if (!problem.empty()) textError(problem);
    } else {
        field(ui, id + ".nik", ui.t("label.nik"), &m.nik, EntryKind::digits, 16, false,
              problemOf("nik", nik_done && !ui.focused(id + ".nik")));
    }
    // A newborn is registered now; its NIK comes later by correction.
    if (toggle(ui, id + ".no_nik", ui.t("wizard.members.no_nik"), &m.no_nik) && m.no_nik) {
        m.nik.clear();
        m.nik_mismatch_reason.clear();
    }
    const bool scan = button(ui, id + ".scan", ui.t("scan.member"), ImVec2(ui.px(320), ui.px(56)),
                             ButtonStyle::secondary);

    // A NIK that disagrees with the birth date or sex: a warning the volunteer may confirm.
    bool mismatch = false;
    if (nik_done) {
        std::optional<Date> b;
        const std::optional<Sex> s = parseSex(m.sex);
        if (auto d = parseIsoDate(m.birth_date)) b = *d;
        auto check = parseNik(m.nik, regions, ui.today(), {b, s});
        mismatch = !check && nikMismatch(check.error()) != NikMismatch::none;
        if (mismatch) {
            textError(ui.errorText(check.error()));
            textMuted(ui.t("wizard.members.mismatch_reason"));
            choiceGrid(ui, id + ".mismatch",
                       {{"old_ktp", ui.t("mismatch.old_ktp")},
                        {"dukcapil_error", ui.t("mismatch.dukcapil_error")},
                        {"checked_document", ui.t("mismatch.checked_document")}},
                       &m.nik_mismatch_reason, 3);
        }
    }
    if (!mismatch) m.nik_mismatch_reason.clear();

    field(ui, id + ".name", ui.t("label.name"), &m.name, EntryKind::text, kMaxNameBytes, false,
          problemOf("name", !m.name.empty() && !ui.focused(id + ".name")));
    ImGui::TextUnformatted(ui.t("label.birth_date").c_str());
    datePicker(ui, id + ".birth", &m.birth_date, 1990);
    ImGui::TextUnformatted(ui.t("label.sex").c_str());
    choiceGrid(ui, id + ".sex", {{"M", ui.t("sex.M")}, {"F", ui.t("sex.F")}}, &m.sex, 2);
    if (ask_pregnancy) pregnancyChoice(ui, id, m);
    ImGui::TextUnformatted(ui.t("label.relation").c_str());
    std::vector<Choice> relations;
    for (Relation r : kAllRelations)
        relations.push_back(
            {std::string(relationCode(r)), ui.t("relation." + std::string(relationCode(r)))});
    choiceGrid(ui, id + ".relation", relations, &m.relation, 5);
    ImGui::TextUnformatted(ui.t("label.occupation").c_str());
    std::vector<Choice> occupations;
    for (Occupation o : kAllOccupations)
        occupations.push_back(
            {std::string(occupationCode(o)), ui.t("occupation." + std::string(occupationCode(o)))});
    if (choiceGrid(ui, id + ".occupation", occupations, &m.occupation, 4)) {
        if (auto o = parseOccupation(m.occupation)) {
            if (auto s = suggestedSegment(*o)) m.segment = std::string(segmentCode(*s));
        }
    }
    ImGui::TextUnformatted(ui.t("label.segment").c_str());
    std::vector<Choice> segments;
    for (Segment s : kAllSegments)
        segments.push_back(
            {std::string(segmentCode(s)), ui.t("segment." + std::string(segmentCode(s)))});
    choiceGrid(ui, id + ".segment", segments, &m.segment, 3);
    field(ui, id + ".card", ui.t("wizard.members.existing_card"), &m.existing_card,
          EntryKind::digits, 13, false, problemOf("existing_card", m.existing_card.size() == 13));
    field(ui, id + ".phone", ui.t("label.phone"), &m.phone, EntryKind::digits, 15, false,
          problemOf("phone", m.phone.size() >= 10 && !ui.focused(id + ".phone")));
    return scan;
}

}  // namespace pekon::ui
