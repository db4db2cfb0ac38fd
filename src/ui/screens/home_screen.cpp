#include "ui/screens/home_screen.hpp"

#include <algorithm>

#include "store/drafts.hpp"
#include "store/event_log.hpp"
#include "store/households.hpp"
#include "sync/worker.hpp"
#include "ui/clock_banner.hpp"
#include "ui/progress_panel.hpp"
#include "ui/read_failed.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

// One line on the Sync tile: not linked, under way, failing, or when it last worked.
std::string syncLine(UiContext& ui) {
    if (!ui.sync) return ui.t("home.sync_detail");
    const sync::WorkerState s = ui.sync->state();
    if (!s.started) return ui.t("home.sync_detail");
    if (!s.enrolled) return ui.t("home.sync_not_enrolled");
    if (s.running) return ui.t("home.sync_running");
    if (s.last_error) return ui.t("home.sync_failing");
    if (s.last_success) {
        const std::int64_t minutes = std::max<std::int64_t>(0, ui.now() - *s.last_success) / 60;
        return ui.t("home.sync_last", {{"minutes", std::to_string(minutes)}});
    }
    return ui.t("home.sync_detail");
}

}  // namespace

void HomeScreen::refresh(UiContext& ui, const Navigator& nav) {
    // Counts are re-read at most every few seconds, not every frame.
    if (refreshed_at_ >= 0 && ui.now() - refreshed_at_ < 5) return;
    refreshed_at_ = ui.now();
    ui.forgetClock();  // a sync may have measured the hub's clock since
    // A read that fails is said on screen (the first failure), never shown as zero or empty.
    problem_.clear();
    auto failed = [&](const Error& e) {
        if (problem_.empty()) problem_ = readFailedText(ui, e);
    };
    auto counts = outboxCounts(ui.store());
    outbox_ = counts ? std::optional<OutboxCounts>(*counts) : std::nullopt;
    if (!counts) failed(counts.error());
    auto n = countHouseholds(ui.store());
    households_ = n ? std::optional<std::int64_t>(*n) : std::nullopt;
    if (!n) failed(n.error());
    if (nav.user()) {
        auto drafts = listDrafts(ui.store(), nav.user()->id);
        drafts_ = drafts ? std::move(drafts.value()) : std::vector<HouseholdDraft>{};
        if (!drafts) failed(drafts.error());
        if (shown_.empty()) shown_ = nav.user()->id;
        people_.clear();
        if (nav.user()->role == Role::supervisor) {
            auto users = listUsers(ui.store());
            if (users)
                people_ = std::move(users.value());
            else
                failed(users.error());
        }
        auto progress = volunteerProgress(ui.store(), shown_, ui.now());
        progress_ = progress ? std::optional<VolunteerProgress>(std::move(progress.value()))
                             : std::nullopt;
        if (!progress) failed(progress.error());
    }
}

void HomeScreen::drawContent(UiContext& ui, Navigator& nav) {
    refresh(ui, nav);
    ImGui::Spacing();
    const std::string greeting =
        ui.t("home.greeting", {{"name", nav.user() ? nav.user()->name : ""}});
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(greeting.c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    // Saving is off: say exactly why, and offer no action that would save.
    const bool read_only = ui.savingOff().has_value();
    if (read_only) {
        ImGui::BeginGroup();
        textError(ui.t("home.read_only"));
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
        ImGui::TextUnformatted(ui.errorText(*ui.savingOff()).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ui.probe("home.read_only");
        ImGui::Spacing();
    }
    clockBanner(ui);
    if (!problem_.empty()) {
        textError(problem_);
        ui.probe("home.problem");
    }

    // Everything below scrolls with a finger: the tiles, then the week and the to-do list.
    ImGui::BeginChild("home_body", ImVec2(0, 0), false);
    dragScroll();
    // Three tiles a row, each at most 420 px: narrower when the window is (they once ran past
    // its right edge at 1280 px).
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = std::min(ui.px(420), (ImGui::GetContentRegionAvail().x - 2 * spacing) / 3);
    const ImVec2 size(width, ui.px(170));
    ImGui::BeginDisabled(read_only);
    if (tile(ui, "home.register", ui.t("home.register"), ui.t("home.register_detail"), size))
        nav.push(route::Wizard{}), refreshed_at_ = -1;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (tile(ui, "home.households", ui.t("home.households"),
             households_ ? ui.t("home.households_count", {{"count", std::to_string(*households_)}})
                         : std::string("-"), size))
        nav.push(route::Households{}), refreshed_at_ = -1;
    if (!drafts_.empty() && !read_only) {
        ImGui::SameLine();
        if (tile(ui, "home.draft", ui.t("home.draft"),
                 ui.t("home.draft_detail", {{"count", std::to_string(drafts_.size())}}), size)) {
            nav.push(route::Wizard{drafts_.front()});
            refreshed_at_ = -1;
        }
    }

    if (tile(ui, "home.settings", ui.t("home.settings"), ui.t("home.settings_detail"),
             ImVec2(size.x, ui.px(120))))
        nav.push(route::Settings{});
    ImGui::SameLine();
    if (tile(ui, "home.sync", ui.t("home.sync"), syncLine(ui), ImVec2(size.x, ui.px(120))))
        nav.push(route::Sync{}), refreshed_at_ = -1;

    ImGui::Spacing();
    ImGui::BeginChild("outbox", ImVec2(size.x, ui.px(130)), true);
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(ui.t("home.outbox").c_str());
    ImGui::PopFont();
    if (outbox_) {
        ImGui::TextUnformatted(
            ui.t("home.outbox_pending", {{"count", std::to_string(outbox_->pending)}}).c_str());
        if (outbox_->rejected > 0) {
            textError(ui.t("home.outbox_rejected", {{"count", std::to_string(outbox_->rejected)}}));
        } else {
            textMuted(ui.t("home.outbox_sent",
                           {{"count", std::to_string(outbox_->accepted + outbox_->duplicate)}}));
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    if (tile(ui, "home.sessions", ui.t("session.home_tile"), ui.t("session.home_detail"),
             ImVec2(size.x, ui.px(130))))
        nav.push(route::Sessions{});

    ImGui::Spacing();
    ImGui::Separator();
    if (people_.size() > 1) {
        textMuted(ui.t("home.whose"));
        for (size_t i = 0; i < people_.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            const bool mine = people_[i].id == shown_;
            if (button(ui, "home.volunteer." + std::to_string(i), people_[i].name, ImVec2(0, 0),
                       mine ? ButtonStyle::primary : ButtonStyle::secondary) &&
                !mine) {
                shown_ = people_[i].id;
                refreshed_at_ = -1;
            }
        }
    }
    if (progress_)
        progressPanel(ui, nav, *progress_, nav.user() && shown_ == nav.user()->id);
    ImGui::EndChild();
}

}  // namespace pekon::ui
