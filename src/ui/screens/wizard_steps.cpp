// The wizard's steps other than the members: location, KK, classes, documents, consent, review.
#include "core/kk_number.hpp"
#include "core/text.hpp"
#include "ui/pickers.hpp"
#include "ui/screens/wizard_screen.hpp"
#include "ui/member_form.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void WizardScreen::drawLocation(UiContext& ui) {
    HouseholdInput& h = model_.draft().household;
    villagePicker(ui, "wizard", &model_.draft().district_code, &h.village_code, &village_filter_);
    if (auto p = problem(ui, "district_code"); !p.empty()) textError(p);
    if (model_.draft().district_code.empty()) return;
    if (auto p = problem(ui, "village_code"); !p.empty()) textError(p);

    ImGui::Spacing();
    field(ui, "wizard.address", ui.t("wizard.location.address"), &h.address, EntryKind::text,
          kMaxAddressBytes, false, problem(ui, "address"));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(ui.px(200));
    ImGui::BeginChild("rt", ImVec2(ui.px(220), ui.px(130)));
    field(ui, "wizard.rt", "RT", &h.rt, EntryKind::digits, 3, false, problem(ui, "rt"));
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("rw", ImVec2(ui.px(220), ui.px(130)));
    field(ui, "wizard.rw", "RW", &h.rw, EntryKind::digits, 3, false, problem(ui, "rw"));
    ImGui::EndChild();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
}

void WizardScreen::drawKk(UiContext& ui) {
    HouseholdInput& h = model_.draft().household;
    textMuted(ui.t("wizard.kk.intro"));
    // Inline validation as the digits come in: once all 16 are there, or after Next.
    std::string inline_problem = problem(ui, "kk_number");
    if (inline_problem.empty() && h.kk_number.size() == 16) {
        auto kk = parseKkNumber(h.kk_number, ui.assets().regions, ui.today());
        if (!kk) inline_problem = ui.errorText(kk.error());
    }
    field(ui, "wizard.kk", ui.t("wizard.kk.number"), &h.kk_number, EntryKind::digits, 16, false,
          inline_problem);
    if (button(ui, "wizard.kk.scan", ui.t("scan.kk"), ImVec2(ui.px(320), ui.px(56)),
               ButtonStyle::secondary))
        want_scan_ = true;
    field(ui, "wizard.phone", ui.t("wizard.kk.phone"), &h.phone, EntryKind::digits, 15, false,
          problem(ui, "phone"));
}

void WizardScreen::drawClasses(UiContext& ui) {
    textMuted(ui.t("wizard.classes.intro"));
    std::vector<PremiumTable::Person> people;
    for (size_t i = 0; i < model_.draft().household.members.size(); ++i) {
        MemberInput& m = model_.draft().household.members[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextUnformatted(m.name.c_str());
        ImGui::PopFont();
        const Segment segment = parseSegment(m.segment).value_or(Segment::pbpu);
        std::vector<std::string> disabled;
        for (int c = 1; c <= 3; ++c) {
            if (!classAllowed(segment, c)) disabled.push_back(std::to_string(c));
        }
        const int cls = parseCareClass(m.care_class).value_or(0);
        std::string chosen = cls ? std::to_string(cls) : "";
        choiceGrid(ui, "wizard.class." + std::to_string(i),
                   {{"1", ui.t("class.1")}, {"2", ui.t("class.2")}, {"3", ui.t("class.3")}},
                   &chosen, 3, disabled);
        m.care_class = chosen;
        if (const auto chosen_class = parseCareClass(chosen)) {
            if (auto p = ui.assets().premiums.monthly(segment, *chosen_class, ui.today())) {
                textMuted(ui.t("wizard.classes.member_premium",
                               {{"premium", formatRupiah(p->premium)},
                                {"pays", formatRupiah(p->participant_pays)}}));
                people.push_back({segment, *chosen_class});
            }
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    if (auto total = ui.assets().premiums.householdMonthly(people, ui.today())) {
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextWrapped("%s", ui.t("wizard.classes.total",
                                      {{"total", formatRupiah(total->participant_pays)},
                                       {"government", formatRupiah(total->government_pays)}})
                                     .c_str());
        ImGui::PopFont();
    }
}

void WizardScreen::drawDocuments(UiContext& ui) {
    DocumentsSeen& d = model_.draft().household.documents;
    textMuted(ui.t("wizard.documents.intro"));
    toggle(ui, "wizard.doc.ktp", ui.t("wizard.documents.ktp"), &d.ktp);
    toggle(ui, "wizard.doc.kk", ui.t("wizard.documents.kk"), &d.kk);
    toggle(ui, "wizard.doc.akta", ui.t("wizard.documents.akta"), &d.birth_certificate);
    bool pbi = false;
    for (const MemberInput& m : model_.draft().household.members) {
        const auto s = parseSegment(m.segment);
        pbi = pbi || (s && isPbi(*s));
    }
    if (pbi) {
        ImGui::Spacing();
        textMuted(ui.t("wizard.documents.pbi_basis"));
        choiceGrid(ui, "wizard.pbi",
                   {{"dtks", ui.t("pbi_basis.dtks")},
                    {"sktm", ui.t("pbi_basis.sktm")},
                    {"none", ui.t("pbi_basis.none")}},
                   &d.pbi_basis, 3);
    }
}

void WizardScreen::drawConsent(UiContext& ui) {
    ConsentRecord& c = model_.draft().household.consent;
    ImGui::BeginChild("consent_text", ImVec2(0, ui.px(300)), true);
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextWrapped("%s", ui.t("consent.text").c_str());
    ImGui::PopFont();
    ImGui::EndChild();
    toggle(ui, "wizard.consent.citizen", ui.t("consent.citizen"), &c.citizen_agreed);
    toggle(ui, "wizard.consent.volunteer", ui.t("consent.volunteer"), &c.volunteer_attested);
}

void WizardScreen::drawReview(UiContext& ui) {
    const HouseholdInput& h = model_.draft().household;
    const RegionTable& regions = ui.assets().regions;
    const Village* v = regions.village(h.village_code);
    ImGui::TextWrapped("%s: %s", ui.t("label.village").c_str(), v ? v->name.c_str() : "-");
    ImGui::TextWrapped("%s: %s, RT %s RW %s", ui.t("label.address").c_str(), h.address.c_str(),
                       h.rt.c_str(), h.rw.c_str());
    ImGui::TextWrapped("%s: %s", ui.t("label.kk_number").c_str(), h.kk_number.c_str());
    ImGui::Separator();
    for (const MemberInput& m : h.members) {
        ImGui::TextWrapped("%s  ·  %s  ·  %s  ·  %s %s", m.name.c_str(),
                           nikText(ui, m.no_nik ? std::string() : m.nik).c_str(),
                           ui.t("relation." + m.relation).c_str(), m.segment.c_str(),
                           m.care_class.c_str());
        if (!m.pregnancy_due.empty())
            textMuted(ui.t("member.pregnant_due", {{"month", m.pregnancy_due}}));
    }
}

}  // namespace pekon::ui
