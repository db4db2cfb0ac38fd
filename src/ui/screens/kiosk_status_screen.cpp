#include "ui/screens/kiosk_status_screen.hpp"

#include "core/kk_number.hpp"
#include "core/nik.hpp"
#include "core/scan_fill.hpp"
#include "core/text.hpp"
#include "store/card_check.hpp"
#include "ui/kiosk_nav.hpp"
#include "ui/pickers.hpp"
#include "ui/status_chip.hpp"
#include "ui/theme.hpp"
#include "ui/time_text.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

constexpr int kBirthYearStart = 1980;  // where the date picker starts

// The citizen's path, as the kiosk tells it: registered, verified, paid, card issued, card
// in hand. The office may skip a step (PBI members pay nothing), so a later step means the
// earlier ones are done.
struct Step {
    MemberStatus status;
    const char* key;
};
constexpr Step kSteps[] = {
    {MemberStatus::synced, "kiosk.step.registered"},
    {MemberStatus::verified, "kiosk.step.verified"},
    {MemberStatus::paid, "kiosk.step.paid"},
    {MemberStatus::card_issued, "kiosk.step.card_issued"},
    {MemberStatus::card_delivered, "kiosk.step.card_delivered"},
};

int stepReached(MemberStatus s) {
    switch (s) {
        case MemberStatus::verified:
        case MemberStatus::payment_pending:
            return 1;
        case MemberStatus::paid:
            return 2;
        case MemberStatus::card_issued:
            return 3;
        case MemberStatus::card_delivered:
            return 4;
        default:
            return 0;  // registered, or rejected after registration
    }
}

void pipeline(UiContext& ui, MemberStatus status) {
    const int reached = stepReached(status);
    for (int i = 0; i < 5; ++i) {
        if (i) ImGui::SameLine(0, ui.px(8));
        chip(ui, ui.t(kSteps[i].key),
             i <= reached ? color::kPrimary : IM_COL32(190, 196, 194, 255));
    }
    if (status == MemberStatus::rejected) {
        ImGui::SameLine(0, ui.px(8));
        statusChip(ui, MemberStatus::rejected);
    }
}

// One "label: value" line in large type.
void fact(UiContext& ui, const std::string& label, const std::string& value) {
    textMuted(label);
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextWrapped("%s", value.c_str());
    ImGui::PopFont();
    ImGui::Spacing();
}

std::string romanClass(int c) {
    return c == 1 ? "I" : c == 2 ? "II" : "III";
}

}  // namespace

namespace {

// A registration receipt holds no NIK (by design: a photo of it reveals nothing); with the
// birth date its id finds the citizen's row (the hub sends a second lookup per person, keyed
// by the household id). The kiosk says what it read.
std::string receiptNotice(UiContext& ui, const ScanPayload& p) {
    auto param = [&p](const char* key) {
        auto it = p.params.find(key);
        return it == p.params.end() ? std::string("-") : it->second;
    };
    return ui.t("kiosk.receipt_read", {{"date", param("date")}, {"members", param("members")}});
}

}  // namespace

bool KioskStatusScreen::onScan(UiContext& ui, Navigator& /*nav*/, const ScanPayload& payload) {
    KioskCitizen& c = ui.kiosk.citizen;
    if (payload.kind == PayloadKind::receipt) {
        auto id = payload.params.find("id");
        if (id == payload.params.end()) return false;
        wipeText(c.nik);
        wipeText(c.receipt_id);
        c.receipt_id = id->second;
        notice_ = receiptNotice(ui, payload);
        problem_.clear();
        return true;
    }
    // A KTP's code fills the NIK, a family card's the KK number (a code with both fills both);
    // a birth date in the code is not taken: it is no second factor.
    std::string kk;
    const bool has_kk = fillKkFromScan(payload, kk);
    if (payload.nik.empty() && !has_kk) return false;
    wipeText(c.receipt_id);
    if (!payload.nik.empty()) {
        wipeText(c.nik);
        c.nik = payload.nik;
    }
    if (has_kk) {
        wipeText(c.kk_number);
        c.kk_number = std::move(kk);
    }
    wipeText(kk);
    problem_.clear();
    notice_.clear();
    return true;
}

void KioskStatusScreen::check(UiContext& ui) {
    KioskCitizen& c = ui.kiosk.citizen;
    problem_.clear();
    ui.unfocus();
    if (!ui.kiosk.limiter.allowed(ui.now())) return;
    Result<std::optional<KioskEntry>> entry = std::optional<KioskEntry>();
    if (c.byReceipt()) {
        auto birth = parseIsoDate(c.birth_date);
        if (!birth) {
            problem_ = ui.t("kiosk.birth_needed");
            return;
        }
        entry = checkCardStatusByReceipt(ui.store(), c.receipt_id, *birth);
    } else {
        auto nik = parseNik(c.nik, ui.assets().regions, ui.today());
        if (!nik) {
            problem_ = ui.errorText(nik.error());
            return;
        }
        if (c.kk_number.empty()) {
            problem_ = ui.t("kiosk.kk_needed");
            return;
        }
        auto kk = parseKkNumber(c.kk_number, ui.assets().regions, ui.today());
        if (!kk) {
            problem_ = ui.errorText(kk.error());
            return;
        }
        entry = checkCardStatusByKk(ui.store(), nik->digits, kk->digits);
        wipeText(nik->digits);
        wipeText(kk->digits);
    }
    if (!entry) {
        problem_ = entry.error().code == "kiosk_not_set_up" ? ui.t("kiosk.not_set_up")
                                                            : ui.errorText(entry.error());
        return;
    }
    c.checked = true;
    wipeText(c.checked_for);
    c.checked_for = c.subject() + "|" + c.secondFactor();
    c.found = std::move(*entry);
    ui.kiosk.limiter.record(c.found.has_value(), ui.now());
}

void KioskStatusScreen::drawNotice(UiContext& ui) {
    const LookupLimiter& limiter = ui.kiosk.limiter;
    if (!limiter.allowed(ui.now())) {
        ImGui::PushFont(ui.fonts.large);
        ImGui::PushStyleColor(ImGuiCol_Text, color::kDanger);
        ImGui::TextWrapped("%s", ui.t("kiosk.limited").c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::TextWrapped("%s", ui.t("kiosk.limited_wait",
                                      {{"seconds", std::to_string(limiter.waitSeconds(ui.now()))}})
                                     .c_str());
        ui.probe("kiosk.limited");
        return;
    }
    if (!problem_.empty()) {
        ImGui::PushFont(ui.fonts.large);
        textError(problem_);
        ImGui::PopFont();
        ui.probe("kiosk.problem");
        return;
    }
    if (!notice_.empty()) {
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextWrapped("%s", notice_.c_str());
        ImGui::PopFont();
        ui.probe("kiosk.notice");
    }
    textMuted(ui.t("kiosk.check_intro"));
}

void KioskStatusScreen::drawAnswer(UiContext& ui) {
    KioskCitizen& c = ui.kiosk.citizen;
    const LookupLimiter& limiter = ui.kiosk.limiter;
    if (!c.found) {
        ImGui::PushFont(ui.fonts.title);
        ImGui::TextWrapped("%s", ui.t("kiosk.not_found").c_str());
        ImGui::PopFont();
        ui.probe("kiosk.not_found");
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextWrapped("%s", ui.t("kiosk.not_found_help").c_str());
        ImGui::PopFont();
        const int left = LookupLimiter::kMaxFailures - limiter.failures();
        if (left < LookupLimiter::kMaxFailures)
            textMuted(ui.t("kiosk.attempts_left", {{"count", std::to_string(left)}}));
        return;
    }
    const KioskEntry& e = *c.found;
    const MemberStatus status = parseStatus(e.status).value_or(MemberStatus::synced);
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(e.name_masked.empty() ? ui.t("kiosk.found").c_str()
                                                 : e.name_masked.c_str());
    ImGui::PopFont();
    ui.probe("kiosk.found");
    pipeline(ui, status);
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextWrapped("%s", ui.t("kiosk.explain." + std::string(statusCode(status))).c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    fact(ui, ui.t("kiosk.class"),
         e.care_class ? ui.t("kiosk.class_value", {{"class", romanClass(*e.care_class)}})
                      : ui.t("kiosk.unknown"));
    fact(ui, ui.t("kiosk.faskes"), e.faskes.empty() ? ui.t("kiosk.faskes_none") : e.faskes);
    fact(ui, ui.t("kiosk.card_number"),
         e.card_number_masked.empty() ? ui.t("kiosk.card_none") : e.card_number_masked);
    if (!e.card_eta.empty()) fact(ui, ui.t("kiosk.card_eta"), e.card_eta);
    if (auto at = parseRfc3339(e.as_of))
        textMuted(ui.t("kiosk.as_of", {{"when", whenText(ui, *at)}}));
}

void KioskStatusScreen::drawContent(UiContext& ui, Navigator& nav) {
    KioskCitizen& c = ui.kiosk.citizen;
    ImGui::BeginChild("kiosk.status.body", ImVec2(0, 0), false);
    dragScroll();
    // An answer belongs to the inputs it was asked for; it fills the screen until the citizen
    // asks again or is done.
    if (c.checked && c.checked_for == c.subject() + "|" + c.secondFactor() &&
        ui.kiosk.limiter.allowed(ui.now())) {
        drawAnswer(ui);
        ImGui::Spacing();
        if (button(ui, "kiosk.again", ui.t("kiosk.again"), ImVec2(ui.px(300), ui.px(72)),
                   ButtonStyle::secondary)) {
            c.checked = false;
            c.found.reset();
        }
        ImGui::SameLine();
        if (button(ui, "kiosk.done", ui.t("kiosk.done"), ImVec2(ui.px(300), ui.px(72))))
            kioskGoHome(ui, nav);
        ImGui::EndChild();
        return;
    }
    // A 16-digit number on the keypad, in large type, with its hint.
    auto digits16 = [&ui](const char* id, std::string* text, const char* hint) {
        ImGui::PushItemWidth(ui.px(620));
        ImGui::PushFont(ui.fonts.large);
        field(ui, id, ui.t(id), text, EntryKind::digits, 16);
        ImGui::PopFont();
        ImGui::PopItemWidth();
        textMuted(ui.t(hint));
    };
    digits16("kiosk.nik", &c.nik, "kiosk.nik_hint");
    ImGui::Spacing();
    if (c.byReceipt()) {
        // A scanned receipt: its id and the birth date.
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextUnformatted(ui.t("kiosk.birth_date").c_str());
        ImGui::PopFont();
        datePicker(ui, "kiosk.birth", &c.birth_date, kBirthYearStart);
    } else {
        digits16("kiosk.kk", &c.kk_number, "kiosk.kk_hint");
    }
    ImGui::Spacing();
    const bool allowed = ui.kiosk.limiter.allowed(ui.now());
    if (!allowed) ImGui::BeginDisabled();
    if (button(ui, "kiosk.check_now", ui.t("kiosk.check_now"), ImVec2(ui.px(360), ui.px(80))))
        check(ui);
    if (!allowed) ImGui::EndDisabled();
    ImGui::Spacing();
    drawNotice(ui);
    ImGui::EndChild();
}

}  // namespace pekon::ui
