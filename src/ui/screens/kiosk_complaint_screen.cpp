#include "ui/screens/kiosk_complaint_screen.hpp"

#include "core/complaint.hpp"
#include "ui/kiosk_nav.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void KioskComplaintScreen::check(UiContext& ui) {
    ui.unfocus();
    problem_.clear();
    checked_ = false;
    found_.reset();
    auto number = parseTicketNumber(ui.kiosk.citizen.ticket);
    if (!number) {
        problem_ = ui.errorText(number.error());
        return;
    }
    auto status = findComplaintStatus(ui.store(), *number);
    if (!status) {
        problem_ = ui.errorText(status.error());
        return;
    }
    ui.kiosk.citizen.ticket = *number;  // shown in its canonical form
    checked_number_ = *number;
    found_ = std::move(status.value());
    checked_ = true;
}

bool KioskComplaintScreen::onScan(UiContext& ui, Navigator&, const ScanPayload& payload) {
    if (payload.kind != PayloadKind::ticket) return false;
    auto it = payload.params.find("n");
    ui.kiosk.citizen.ticket = it == payload.params.end() ? "" : it->second;
    check(ui);
    return true;
}

void KioskComplaintScreen::drawAnswer(UiContext& ui) {
    ImGui::Spacing();
    if (!found_) {
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextWrapped("%s", ui.t("kiosk.ticket_unknown").c_str());
        ImGui::PopFont();
        ui.probe("kiosk.ticket_unknown");
        textMuted(ui.t("kiosk.ticket_unknown_detail"));
        return;
    }
    const std::string state(ticketStateCode(found_->state));
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextWrapped("%s", ui.t("kiosk.ticket_state." + state).c_str());
    ImGui::PopFont();
    ui.probe("kiosk.ticket_state." + state);
    textMuted(ui.t("kiosk.ticket_as_of", {{"date", formatIsoDate(found_->updated_on)}}));
    if (!found_->answer.empty()) {
        ImGui::Spacing();
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextUnformatted(ui.t("kiosk.ticket_answer").c_str());
        ImGui::PopFont();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(found_->answer.c_str());
        ImGui::PopTextWrapPos();
        ui.probe("kiosk.ticket_answer");
    } else {
        textMuted(ui.t("kiosk.ticket_no_answer_yet"));
    }
}

void KioskComplaintScreen::drawContent(UiContext& ui, Navigator&) {
    if (!scanned_.empty()) {
        ui.kiosk.citizen.ticket = std::move(scanned_);
        scanned_.clear();
        check(ui);
    }
    KioskCitizen& c = ui.kiosk.citizen;
    // A changed number hides the answer to the one before.
    if (checked_ && c.ticket != checked_number_) {
        checked_ = false;
        found_.reset();
    }
    ImGui::BeginChild("kiosk.complaint.body", ImVec2(0, 0), false);
    dragScroll();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextWrapped("%s", ui.t("kiosk.ticket_prompt").c_str());
    ImGui::PopFont();
    ImGui::PushItemWidth(ui.px(520));
    field(ui, "kiosk.ticket_field", ui.t("kiosk.ticket_field"), &c.ticket, EntryKind::text, 24);
    ImGui::PopItemWidth();
    textMuted(ui.t("kiosk.ticket_scan_hint"));
    if (!problem_.empty()) textError(problem_);
    if (button(ui, "kiosk.ticket_check_button", ui.t("kiosk.ticket_check_button"),
               ImVec2(ui.px(320), ui.px(72))))
        check(ui);
    if (checked_) drawAnswer(ui);
    ImGui::EndChild();
}

}  // namespace pekon::ui
