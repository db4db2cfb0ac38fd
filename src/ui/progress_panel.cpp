#include "ui/progress_panel.hpp"

#include <algorithm>

#include "core/status_reason.hpp"
#include "ui/route.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

void count(UiContext& ui, const char* id, const char* key, std::int64_t n, float width) {
    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(std::to_string(n).c_str());
    ImGui::PopFont();
    textMuted(ui.t(key));
    ImGui::EndGroup();
    ui.probe(id);
    ImGui::SameLine(0, std::max(0.0f, width - ImGui::GetItemRectSize().x));
}

}  // namespace

std::string todoText(UiContext& ui, const TodoItem& item) {
    const std::string name = item.name.empty() ? ui.t("todo.no_name") : item.name;
    switch (item.kind) {
        case TodoKind::correction:
        case TodoKind::refused: {
            const bool refused = item.kind == TodoKind::refused;
            const auto keys =
                officeRequestKeys(refused ? MemberStatus::rejected : MemberStatus::needs_correction,
                                  refused ? "rejected" : "needs_correction", item.reason);
            const std::string why = keys ? ui.t(keys->reason) : ui.t("todo.no_reason");
            return ui.t(refused ? "todo.refused" : "todo.correction",
                        {{"name", name}, {"reason", why}});
        }
        case TodoKind::draft:
            return ui.t("todo.draft", {{"name", name}});
        case TodoKind::lead:
            return ui.t("todo.lead", {{"name", name}});
        case TodoKind::baby_nik:
            return ui.t("todo.baby_nik", {{"name", name}});
    }
    return name;
}

void progressPanel(UiContext& ui, Navigator& nav, const VolunteerProgress& p, bool own) {
    title(ui, ui.t("home.week"));
    const float column = ui.px(200);
    count(ui, "home.week.households", "home.week_households", p.week.households, column);
    count(ui, "home.week.members", "home.week_members", p.week.members, column);
    count(ui, "home.week.synced", "home.week_synced", p.week.synced, column);
    count(ui, "home.week.verified", "home.week_verified", p.week.verified, column);
    ImGui::NewLine();
    ImGui::Spacing();
    title(ui, ui.t("home.todo", {{"count", std::to_string(p.todo.size())}}));
    if (p.todo.empty()) {
        textMuted(ui.t("home.todo_none"));
        ui.probe("home.todo.none");
        return;
    }
    const float width = std::min(ui.px(900), ImGui::GetContentRegionAvail().x);
    for (size_t i = 0; i < p.todo.size(); ++i) {
        const TodoItem& item = p.todo[i];
        const ButtonStyle style = item.kind == TodoKind::correction || item.kind == TodoKind::refused
                                      ? ButtonStyle::primary
                                      : ButtonStyle::secondary;
        const bool tapped = button(ui, "home.todo." + std::to_string(i), todoText(ui, item),
                                   ImVec2(width, ui.px(64)), style);
        if (!item.note.empty()) textMuted(ui.t("todo.note", {{"note", item.note}}));
        // Another volunteer's draft is theirs to resume; their households anyone may open.
        if (!tapped || (item.kind == TodoKind::draft && !own)) continue;
        switch (item.kind) {
            case TodoKind::correction:
            case TodoKind::refused:
            case TodoKind::baby_nik:
                nav.push(route::Household{item.household_id});
                break;
            case TodoKind::draft:
                nav.push(route::Wizard{item.draft});
                break;
            case TodoKind::lead:
                nav.push(route::Session{item.session_id});
                break;
        }
    }
}

}  // namespace pekon::ui
