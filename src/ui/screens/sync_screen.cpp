#include "ui/screens/sync_screen.hpp"

#include <algorithm>

#include "store/event_log.hpp"
#include "sync/worker.hpp"
#include "ui/clock_banner.hpp"
#include "ui/read_failed.hpp"
#include "ui/theme.hpp"
#include "ui/time_text.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

// "in 40 s", "in 3 min".
std::string inText(UiContext& ui, std::int64_t seconds) {
    if (seconds < 60) return ui.t("time.in_seconds", {{"count", std::to_string(seconds)}});
    return ui.t("time.in_minutes", {{"count", std::to_string((seconds + 59) / 60)}});
}

std::string eventLabel(UiContext& ui, const std::string& type) {
    for (std::string_view known :
         {event_type::household_registered, event_type::member_registered,
          event_type::member_corrected, event_type::session_held, event_type::session_attended,
          event_type::quiz_answered, event_type::feedback_submitted})
        if (type == known) return ui.t("event." + type);
    return type;
}

void progressBar(UiContext& ui, const sync::SyncProgress& p) {
    using Stage = sync::SyncProgress::Stage;
    float fraction = 0.0f;
    std::string label;
    if (p.stage == Stage::probe) {
        label = ui.t("sync.stage_probe");
    } else if (p.stage == Stage::push) {
        fraction =
            p.to_push > 0 ? static_cast<float>(p.pushed) / static_cast<float>(p.to_push) : 1.0f;
        label = ui.t("sync.stage_push",
                     {{"done", std::to_string(p.pushed)}, {"total", std::to_string(p.to_push)}});
    } else {
        fraction = 1.0f;
        label = ui.t("sync.stage_pull", {{"count", std::to_string(p.pulled)}});
    }
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, color::kPrimary);
    ImGui::ProgressBar(fraction, ImVec2(-1, ui.px(kTouchMin)), label.c_str());
    ImGui::PopStyleColor();
    ui.probe("sync.progress");
}

}  // namespace

std::string syncErrorText(UiContext& ui, const Error& e) {
    static constexpr std::string_view kExplained[] = {
        "sync_unreachable", "not_hub_answer", "unauthorized", "revoked",
        "bad_token",        "enrol_uri",      "not_enrolled", "hub_refused",
        "db_damaged",       "sync_cancelled", "clock_skew"};
    for (std::string_view code : kExplained)
        if (e.code == code) return ui.t("sync.error." + e.code);
    return ui.t("sync.error.other", {{"detail", ui.errorText(e)}});
}

void SyncScreen::refresh(UiContext& ui) {
    auto counts = outboxCounts(ui.store());
    outbox_ = counts ? std::optional<OutboxCounts>(*counts) : std::nullopt;
    auto rejected = listEvents(ui.store(), 0, 50, SyncState::rejected);
    rejected_ = rejected ? std::move(rejected.value()) : std::vector<Event>{};
    if (!counts) problem_ = readFailedText(ui, counts.error());
    else if (!rejected) problem_ = readFailedText(ui, rejected.error());
    refreshed_at_ = ui.now();
    ui.forgetClock();  // the run that just ended may have measured the hub's clock
}

bool SyncScreen::onScan(UiContext& ui, Navigator& /*nav*/, const ScanPayload& payload) {
    if (payload.kind != PayloadKind::enrol || !ui.sync) return false;
    problem_.clear();
    ui.sync->enrol(payload.raw);
    return true;
}

void SyncScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (!ui.sync) {
        textError(ui.t("sync.unavailable"));
        return;
    }
    const sync::WorkerState s = ui.sync->state();
    // The counts follow the worker: re-read when a run ends, and every few seconds.
    if (refreshed_at_ < 0 || ui.now() - refreshed_at_ >= 3 || (was_running_ && !s.running))
        refresh(ui);
    was_running_ = s.running;
    if (s.running) ui.animating = true;  // the progress bar moves without a touch

    ImGui::BeginChild("sync", ImVec2(0, 0), false);
    dragScroll();
    clockBanner(ui);
    if (!s.started) {
        textMuted(ui.t("sync.loading"));
        ui.animating = true;
    } else if (!s.enrolled) {
        drawEnrolment(ui, nav, s);
    } else {
        drawLinked(ui, nav, s);
    }
    if (!problem_.empty()) textError(problem_);
    ImGui::EndChild();
}

void SyncScreen::drawEnrolment(UiContext& ui, Navigator& nav, const sync::WorkerState& s) {
    title(ui, ui.t("sync.not_enrolled"));
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    textMuted(ui.t("sync.enrol_how"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (s.enrolling) {
        textMuted(ui.t("sync.enrolling"));
        ui.animating = true;
        return;
    }
    const ImVec2 size(ui.px(360), ui.px(64));
    if (button(ui, "sync.enrol_scan", ui.t("sync.enrol_scan"), size))
        nav.push(route::Scanner{});
    ImGui::SameLine();
    if (button(ui, "sync.enrol_paste", ui.t("sync.enrol_paste"), size, ButtonStyle::secondary)) {
        const char* clip = ImGui::GetClipboardText();
        const ScanPayload p = ui.parseScan(clip ? clip : "");
        if (p.kind == PayloadKind::enrol) {
            problem_.clear();
            ui.sync->enrol(p.raw);
        } else {
            problem_ = ui.t("sync.paste_not_uri");
        }
    }
    if (s.enrol_error) textError(syncErrorText(ui, *s.enrol_error));
}

void SyncScreen::drawLinked(UiContext& ui, Navigator& nav, const sync::WorkerState& s) {
    textMuted(ui.t("sync.hub", {{"url", s.hub_url}}));
    textMuted(ui.t("sync.device", {{"id", s.device_id.substr(0, 8)}}));
    ImGui::Spacing();

    if (outbox_) {
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextUnformatted(
            ui.t("sync.outbox_pending", {{"count", std::to_string(outbox_->pending)}}).c_str());
        ImGui::PopFont();
        textMuted(ui.t("sync.outbox_sent",
                       {{"count", std::to_string(outbox_->accepted + outbox_->duplicate)}}));
        if (outbox_->rejected > 0)
            textError(ui.t("sync.outbox_rejected", {{"count", std::to_string(outbox_->rejected)}}));
    }
    ImGui::Spacing();

    if (s.running) {
        progressBar(ui, s.progress);
    } else if (button(ui, "sync.now", ui.t("sync.now"), ImVec2(ui.px(360), ui.px(64)))) {
        ui.sync->syncNow();
        problem_.clear();
    }
    ImGui::Spacing();

    if (s.last_success) {
        ImGui::TextUnformatted(
            ui.t("sync.last_success", {{"when", whenText(ui, *s.last_success)}}).c_str());
        if (s.last_summary)
            textMuted(
                ui.t("sync.summary", {{"accepted", std::to_string(s.last_summary->accepted)},
                                      {"duplicates", std::to_string(s.last_summary->duplicates)},
                                      {"rejected", std::to_string(s.last_summary->rejected)},
                                      {"pulled", std::to_string(s.last_summary->pulled)}}));
    } else {
        textMuted(ui.t("sync.never"));
    }
    if (s.last_error) {
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
        textError(syncErrorText(ui, *s.last_error));
        ImGui::PopTextWrapPos();
        if (s.last_error_at)
            textMuted(ui.t("sync.failed_at", {{"when", whenText(ui, *s.last_error_at)}}));
        if (s.next_attempt && !s.running)
            textMuted(ui.t(
                "sync.retry_in",
                {{"when", inText(ui, std::max<std::int64_t>(0, *s.next_attempt - ui.now()))}}));
    }

    // Another office code (the device was revoked, or moves to another district's hub).
    ImGui::Spacing();
    if (button(ui, "sync.enrol_again", ui.t("sync.enrol_again"), ImVec2(ui.px(360), ui.px(56)),
               ButtonStyle::secondary))
        nav.push(route::Scanner{});

    if (!rejected_.empty()) {
        ImGui::Spacing();
        ImGui::Separator();
        title(ui, ui.t("sync.rejected_title"));
        for (const Event& e : rejected_) {
            ImGui::TextUnformatted((eventLabel(ui, e.type) + "  ·  " + whenText(ui, e.at)).c_str());
            ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
            textError(ui.t("sync.hub_said",
                           {{"message", e.hub_message.empty() ? e.hub_code : e.hub_message}}));
            ImGui::PopTextWrapPos();
        }
    }
}

}  // namespace pekon::ui
