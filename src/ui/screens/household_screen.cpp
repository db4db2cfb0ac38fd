#include "ui/screens/household_screen.hpp"

#include "core/scan_fill.hpp"
#include "core/status_reason.hpp"
#include "core/text.hpp"
#include "store/households.hpp"
#include "ui/member_form.hpp"
#include "ui/status_chip.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

// The pipeline as a row of steps: reached ones in colour, the rest grey.
void pipeline(UiContext& ui, const MemberRecord& r) {
    static constexpr MemberStatus kPath[] = {
        MemberStatus::queued, MemberStatus::synced,      MemberStatus::verified,
        MemberStatus::paid,   MemberStatus::card_issued, MemberStatus::card_delivered};
    int reached = -1;
    for (int i = 0; i < 6; ++i) {
        for (const StatusStep& s : r.history) {
            if (s.status == kPath[i]) reached = std::max(reached, i);
        }
    }
    for (int i = 0; i < 6; ++i) {
        if (i) ImGui::SameLine(0, ui.px(6));
        chip(ui, ui.t("status." + std::string(statusCode(kPath[i]))),
             i <= reached ? color::kPrimary : IM_COL32(190, 196, 194, 255));
    }
    if (r.status == MemberStatus::rejected || r.status == MemberStatus::needs_correction)
        statusChip(ui, r.status);
    if (auto eta = cardEta(r.status, r.history))
        textMuted(ui.t("household.card_eta", {{"date", formatIsoDate(*eta)}}));
}

// The office's reason and note under a member it sent back, probed as
// household.<needs_correction|rejected|correction_sent>.<i> for the tests.
void officeWord(UiContext& ui, const MemberRecord& r, size_t i) {
    const OfficeRequest request = r.officeRequest();
    const std::string line = officeRequestText(ui, r);
    if (request == OfficeRequest::none || (line.empty() && r.office_note.empty())) return;
    if (request == OfficeRequest::correction_sent)
        textMuted(line);
    else if (!line.empty())
        textError(line);
    ui.probe("household." + std::string(officeRequestCode(request)) + "." + std::to_string(i));
    if (!r.office_note.empty()) {
        ImGui::Indent(ui.px(16));
        ImGui::TextWrapped("%s", ui.t("household.office_note", {{"note", r.office_note}}).c_str());
        ImGui::Unindent(ui.px(16));
    }
}

}  // namespace

std::string officeRequestText(UiContext& ui, const MemberRecord& r) {
    const auto keys = officeRequestKeys(r.status, r.office_decision, r.office_reason);
    return keys ? ui.t(keys->line, {{"reason", ui.t(keys->reason)}}) : "";
}

void HouseholdScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (!loaded_) {
        loaded_ = true;
        auto d = findHousehold(ui.store(), id_);
        if (!d)
            problem_ = ui.errorText(d.error());
        else if (*d)
            detail_ = std::move(**d);
    }
    if (!problem_.empty()) textError(problem_);
    if (!detail_) return;
    const Household& h = detail_->summary.household;
    const Village* v = ui.assets().regions.village(h.village_code);
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextWrapped("%s", (v ? v->name : h.village_code).c_str());
    ImGui::PopFont();
    textMuted(h.address + (h.rt.empty() ? "" : ", RT " + h.rt + " RW " + h.rw) + "  ·  KK " +
              maskDigits(h.kk_number));
    ImGui::Separator();
    ImGui::BeginChild("members", ImVec2(0, 0), false);
    dragScroll();
    for (size_t i = 0; i < detail_->members.size(); ++i) {
        const MemberRecord& r = detail_->members[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextUnformatted(r.member.name.c_str());
        ImGui::PopFont();
        textMuted(nikText(ui, r.member.nik) + "  ·  " +
                  ui.t("relation." + std::string(relationCode(r.member.relation))) + "  ·  " +
                  std::string(segmentCode(r.member.segment)) + " " +
                  ui.t("class." + std::to_string(r.member.care_class)));
        pipeline(ui, r);
        if (!r.card_number.empty())
            textMuted(ui.t("household.card_number", {{"number", maskDigits(r.card_number)}}));
        if (!r.faskes.empty()) textMuted(ui.t("household.faskes", {{"faskes", r.faskes}}));
        if (!r.duplicate_of.empty()) textError(ui.t("household.duplicate_suspected"));
        officeWord(ui, r, i);
        // Asked for a correction: the one thing to do here, as a large button.
        const bool asked = r.officeRequest() == OfficeRequest::needs_correction;
        const bool edit =
            asked ? button(ui, "household.correct." + std::to_string(i), ui.t("household.correct"),
                           ImVec2(ui.px(360), ui.px(72)), ButtonStyle::primary)
                  : button(ui, "household.edit." + std::to_string(i), ui.t("household.edit"),
                           ImVec2(ui.px(200), 0), ButtonStyle::secondary);
        if (edit) {
            nav.push(route::MemberEdit{r});
            loaded_ = false;  // read again when we come back
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

MemberEditScreen::MemberEditScreen(const MemberRecord& r) : member_id_(r.member.id), record_(r) {
    const Member& m = r.member;
    input_ = {m.nik,
              m.name,
              formatIsoDate(m.birth_date),
              std::string(sexCode(m.sex)),
              std::string(relationCode(m.relation)),
              std::string(segmentCode(m.segment)),
              std::to_string(m.care_class)};
    input_.no_nik = m.nik.empty();  // a baby registered without a NIK: untick to add it
}

bool MemberEditScreen::onScan(UiContext& ui, Navigator& /*nav*/, const ScanPayload& payload) {
    if (!fillMemberFromScan(payload, input_)) return false;
    ui.unfocus();
    return true;
}

void MemberEditScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (record_.officeRequest() == OfficeRequest::needs_correction) {
        // What the office asked for, above the form being corrected.
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextWrapped("%s", record_.member.name.c_str());
        ImGui::PopFont();
        textError(officeRequestText(ui, record_));
        ui.probe("member_edit.request");
        if (!record_.office_note.empty())
            ImGui::TextWrapped(
                "%s", ui.t("household.office_note", {{"note", record_.office_note}}).c_str());
    }
    textMuted(ui.t("member_edit.intro"));
    ImGui::BeginChild("form", ImVec2(0, -ui.px(80)), false);
    dragScroll();
    if (memberForm(ui, "edit.member", input_, false)) nav.push(route::Scanner{});
    ImGui::TextUnformatted(ui.t("label.class").c_str());
    for (const char digit : {'1', '2', '3'}) {
        if (digit != '1') ImGui::SameLine();
        const std::string code(1, digit);
        if (button(ui, "edit.member.class." + code, ui.t("class." + code), ImVec2(ui.px(200), 0),
                   input_.care_class == code ? ButtonStyle::primary : ButtonStyle::secondary))
            input_.care_class.assign(1, digit);
    }
    if (!problem_.empty()) textError(problem_);
    ImGui::EndChild();
    ImGui::Separator();
    if (button(ui, "edit.member.save", ui.t("member_edit.save"), ImVec2(ui.px(300), ui.px(60)))) {
        const std::string actor = nav.user() ? nav.user()->id : "unknown";
        auto changed = correctMember(ui.store(), member_id_, input_, ui.assets().regions,
                                     {actor, ui.now(), ui.today()});
        if (changed)
            nav.pop();
        else
            problem_ = ui.errorText(changed.error());
    }
}

}  // namespace pekon::ui
