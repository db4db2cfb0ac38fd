#include "ui/screens/households_screen.hpp"

#include "core/text.hpp"
#include "store/households.hpp"
#include "ui/pickers.hpp"
#include "ui/read_failed.hpp"
#include "ui/status_chip.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

std::string villageLabel(const RegionTable& regions, const std::string& code) {
    const Village* v = regions.village(code);
    if (!v) return code;
    const Region* d = regions.district(v->district_code);
    return d ? v->name + ", " + d->name : v->name;
}

}  // namespace

const HouseholdSummary* HouseholdsScreen::row(UiContext& ui, std::int64_t index) {
    const std::int64_t page = index / kPage;
    auto it = pages_.find(page);
    if (it == pages_.end()) {
        auto rows = listHouseholds(ui.store(), village_, kPage, static_cast<int>(page * kPage),
                                   corrections_only_);
        if (!rows) {
            problem_ = readFailedText(ui, rows.error());
            return nullptr;
        }
        if (pages_.size() > 20) pages_.clear();  // keep memory flat on long scrolls
        it = pages_.emplace(page, std::move(rows.value())).first;
    }
    const size_t at = static_cast<size_t>(index % kPage);
    return at < it->second.size() ? &it->second[at] : nullptr;
}

void HouseholdsScreen::drawList(UiContext& ui) {
    if (!total_) {
        auto n = countHouseholds(ui.store(), village_, corrections_only_);
        total_ = n ? *n : 0;
        if (!n) problem_ = readFailedText(ui, n.error());
    }
    textMuted(ui.t("households.count", {{"count", std::to_string(*total_)}}));
    if (*total_ == 0) {
        textMuted(ui.t("households.empty"));
        return;
    }
    ImGui::BeginChild("list", ImVec2(0, 0), false);
    dragScroll();
    const float row_h = ui.px(96);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(*total_), row_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const HouseholdSummary* h = row(ui, i);
            if (!h) continue;
            ImGui::PushID(i);
            const ImVec2 start = ImGui::GetCursorScreenPos();
            const float width = ImGui::GetContentRegionAvail().x;
            if (ImGui::InvisibleButton("row", ImVec2(width, row_h - ui.px(8))))
                open_ = h->household.id;
            ui.probe("households.row." + std::to_string(i));
            ImGui::SetCursorScreenPos(start);
            ImGui::BeginGroup();
            ImGui::PushFont(ui.fonts.large);
            ImGui::TextUnformatted(h->head_name.empty() ? "-" : h->head_name.c_str());
            ImGui::PopFont();
            textMuted(villageLabel(ui.assets().regions, h->household.village_code) + "  ·  KK " +
                      maskDigits(h->household.kk_number));
            ImGui::SetCursorScreenPos(ImVec2(start.x + width - ui.px(420), start.y + ui.px(8)));
            chip(ui, ui.t("households.members", {{"count", std::to_string(h->member_count)}}),
                 color::kMuted);
            ImGui::SameLine();
            if (h->needs_correction > 0) {
                chip(ui,
                     ui.t("households.needs_correction",
                          {{"count", std::to_string(h->needs_correction)}}),
                     color::kDanger);
                ui.probe("households.needs_correction." + std::to_string(i));
            } else {
                statusChip(ui, h->least_status);
            }
            ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + row_h - ui.px(8)));
            ImGui::EndGroup();
            ImGui::Separator();
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

void HouseholdsScreen::drawHits(UiContext& ui) {
    if (searched_ != query_) {
        searched_ = query_;
        auto hits = searchMembers(ui.store(), query_, 200);
        hits_ = hits ? std::move(hits.value()) : std::vector<MemberHit>{};
        if (!hits) problem_ = readFailedText(ui, hits.error());
    }
    textMuted(ui.t("households.hits", {{"count", std::to_string(hits_.size())}}));
    ImGui::BeginChild("hits", ImVec2(0, 0), false);
    dragScroll();
    for (size_t i = 0; i < hits_.size(); ++i) {
        const MemberHit& h = hits_[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextUnformatted(h.name.c_str());
        ImGui::PopFont();
        textMuted("NIK " + maskDigits(h.nik) + "  ·  " +
                  villageLabel(ui.assets().regions, h.village_code));
        statusChip(ui, h.status);
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

// "Needs correction (3)" narrows the list to the households with a member the office asked
// to correct; "Show all households" widens it again. Absent while there is none to correct.
void HouseholdsScreen::drawCorrectionsFilter(UiContext& ui) {
    if (!corrections_) {
        auto n = countHouseholds(ui.store(), village_, true);
        corrections_ = n ? *n : 0;
        if (!n) problem_ = readFailedText(ui, n.error());
    }
    if (*corrections_ == 0) {
        if (corrections_only_) {  // all corrected meanwhile: the whole list again
            corrections_only_ = false;
            total_.reset();
            pages_.clear();
        }
        return;
    }
    const std::string label = corrections_only_ ? ui.t("households.filter_all")
                                                : ui.t("households.filter_corrections",
                                                       {{"count", std::to_string(*corrections_)}});
    if (button(ui, "households.corrections", label, ImVec2(ui.px(360), ui.px(64)),
               corrections_only_ ? ButtonStyle::secondary : ButtonStyle::danger)) {
        corrections_only_ = !corrections_only_;
        reload();
    }
}

void HouseholdsScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (!open_.empty()) {
        nav.push(route::Household{open_});
        open_.clear();
        // Read again when we come back: counts and marks change while away (a correction).
        reload();
        return;
    }
    // The list by village: type part of a pekon name, pick it; "all" clears it.
    ImGui::PushItemWidth(ui.px(520));
    field(ui, "households.village_filter", ui.t("households.village_filter"), &village_filter_,
          EntryKind::text, 40);
    ImGui::PopItemWidth();
    if (!village_filter_.empty() && village_.empty()) {
        std::vector<Choice> villages{{"", ui.t("households.all_villages")}};
        for (const Village* v : ui.assets().regions.searchVillages(village_filter_, {}, 11))
            villages.push_back({v->code, villageLabel(ui.assets().regions, v->code)});
        std::string chosen = village_;
        if (choiceGrid(ui, "households.village", villages, &chosen, 3)) {
            village_ = chosen;
            if (village_.empty()) village_filter_.clear();
            ui.unfocus();
            reload();
        }
    } else if (!village_.empty()) {
        textMuted(villageLabel(ui.assets().regions, village_));
        ImGui::SameLine();
        if (button(ui, "households.village.clear", ui.t("households.all_villages"),
                   ImVec2(ui.px(220), 0), ButtonStyle::secondary)) {
            village_.clear();
            village_filter_.clear();
            reload();
        }
    }
    ImGui::PushItemWidth(ui.px(520));
    field(ui, "households.search", ui.t("households.search"), &query_, EntryKind::text, 60);
    ImGui::PopItemWidth();
    ImGui::SameLine();
    if (button(ui, "households.scan", ui.t("scan.button"), ImVec2(ui.px(160), ui.px(56)),
               ButtonStyle::secondary))
        nav.push(route::Scanner{});
    if (!problem_.empty()) {
        textError(problem_);
        ui.probe("households.problem");
    }
    if (trim(query_).empty()) {
        drawCorrectionsFilter(ui);
        drawList(ui);
    } else {
        drawHits(ui);
    }
}

bool HouseholdsScreen::onScan(UiContext& ui, Navigator& /*nav*/, const ScanPayload& p) {
    std::string query = !p.nik.empty()           ? p.nik
                        : !p.kk_number.empty()   ? p.kk_number
                        : !p.card_number.empty() ? p.card_number
                                                 : p.name;
    if (query.empty()) return false;
    ui.unfocus();
    query_ = std::move(query);
    return true;
}

}  // namespace pekon::ui
