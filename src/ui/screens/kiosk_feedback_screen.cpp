#include "ui/screens/kiosk_feedback_screen.hpp"

#include "core/complaint.hpp"
#include "core/feedback.hpp"
#include "core/number.hpp"
#include "store/feedback.hpp"
#include "core/text.hpp"
#include "ui/kiosk_nav.hpp"
#include "ui/pickers.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void KioskFeedbackScreen::send(UiContext& ui) {
    problem_.clear();
    ui.unfocus();
    auto category = parseFeedbackCategory(category_);
    if (!category) {
        problem_ = ui.t("kiosk.feedback_pick_category");
        return;
    }
    KioskCitizen& c = ui.kiosk.citizen;
    Feedback f;
    f.category = *category;
    f.rating = rating_;
    f.text = c.feedback_text;
    f.phone = c.feedback_phone;
    f.complaint = kind_ == "complaint";
    auto saved = submitFeedback(ui.store(), f, WriteContext{"kiosk", ui.now(), ui.today()});
    wipeText(f.text);
    wipeText(f.phone);
    if (!saved) {
        problem_ = ui.errorText(saved.error());
        return;
    }
    // Sent: nothing of it stays on the screen or in memory; a complaint's number does.
    if (isComplaint(f.rating, f.complaint)) {
        ticket_ = ticketNumber(saved->id);
        if (auto qr = encodeQr(ticketUri(ticket_))) qr_ = std::move(qr.value());
    }
    c.clear();
    sent_ = true;
}

void KioskFeedbackScreen::drawSent(UiContext& ui, Navigator& nav) {
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextWrapped("%s", ui.t("kiosk.feedback_thanks").c_str());
    ImGui::PopFont();
    ui.probe("kiosk.feedback_thanks");
    if (ticket_.empty()) {
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextWrapped("%s", ui.t("kiosk.feedback_thanks_detail").c_str());
        ImGui::PopFont();
    } else {
        // The ticket: its number large, and a QR code to photograph, side by side.
        const float side = ui.px(300);
        if (qr_) {
            qrImage(ui, "kiosk.ticket_qr", *qr_, side);
            ImGui::SameLine(0, ui.px(32));
        }
        ImGui::BeginGroup();
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextWrapped("%s", ui.t("kiosk.ticket_your_number").c_str());
        ImGui::PopFont();
        ImGui::PushFont(ui.fonts.title);
        ImGui::TextUnformatted(ticket_.c_str());
        ImGui::PopFont();
        ui.probe("kiosk.ticket_number");
        ImGui::PushTextWrapPos(0);
        textMuted(ui.t("kiosk.ticket_keep"));
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
    }
    ImGui::Spacing();
    if (button(ui, "kiosk.done", ui.t("kiosk.done"), ImVec2(ui.px(260), ui.px(72))))
        kioskGoHome(ui, nav);
}

void KioskFeedbackScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (sent_) {
        drawSent(ui, nav);
        return;
    }
    KioskCitizen& c = ui.kiosk.citizen;
    ImGui::BeginChild("kiosk.feedback.body", ImVec2(0, 0), false);
    dragScroll();
    // A complaint asks the office to act and gets a ticket; other feedback is a rating.
    const std::vector<Choice> kinds{{"feedback", ui.t("kiosk.kind.feedback")},
                                    {"complaint", ui.t("kiosk.kind.complaint")}};
    choiceGrid(ui, "kiosk.kind", kinds, &kind_, 2);
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(ui.t("kiosk.feedback_category").c_str());
    ImGui::PopFont();
    std::vector<Choice> categories;
    for (FeedbackCategory cat : kFeedbackCategories) {
        const std::string code(feedbackCategoryCode(cat));
        categories.push_back({code, ui.t("kiosk.category." + code)});
    }
    choiceGrid(ui, "kiosk.category", categories, &category_, 3);

    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(ui.t("kiosk.feedback_rating").c_str());
    ImGui::PopFont();
    std::vector<Choice> ratings;
    for (int r = 1; r <= 5; ++r)
        ratings.push_back({std::to_string(r),
                           std::to_string(r) + "  " + ui.t("kiosk.rating." + std::to_string(r))});
    std::string rating = rating_ ? std::to_string(rating_) : "";
    if (choiceGrid(ui, "kiosk.rating", ratings, &rating, 5))
        rating_ = parseNumber<int>(rating).value_or(0);

    ImGui::Spacing();
    field(ui, "kiosk.feedback_text", ui.t("kiosk.feedback_text"), &c.feedback_text, EntryKind::text,
          kFeedbackTextMax);
    field(ui, "kiosk.feedback_phone", ui.t("kiosk.feedback_phone"), &c.feedback_phone,
          EntryKind::digits, 15);
    textMuted(ui.t("kiosk.feedback_phone_hint"));
    ImGui::Spacing();
    if (!problem_.empty()) textError(problem_);
    if (button(ui, "kiosk.feedback_send", ui.t("kiosk.feedback_send"),
               ImVec2(ui.px(320), ui.px(72))))
        send(ui);
    ImGui::EndChild();
}

}  // namespace pekon::ui
