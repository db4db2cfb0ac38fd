#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/households.hpp"
#include "store/store.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// The households on this device, newest first, read page by page as the list scrolls (smooth
// with 10,000); or, with a search, the members whose NIK, KK or name match. A household with
// a member the office asked to correct is marked, and one button narrows the list to those.
class HouseholdsScreen : public Screen {
  public:
    explicit HouseholdsScreen(std::string query = {}) : query_(std::move(query)) {}
    std::string_view name() const override { return "households"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "households.title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    // A scanned NIK, KK or card number (or a name from a KTP code) becomes the search.
    bool onScan(UiContext& ui, Navigator& nav, const ScanPayload& payload) override;
    const std::string& query() const { return query_; }
    const std::string& problem() const { return problem_; }  // a read that failed

  private:
    static constexpr int kPage = 100;
    const HouseholdSummary* row(UiContext& ui, std::int64_t index);
    void drawList(UiContext& ui);
    void drawHits(UiContext& ui);
    void drawCorrectionsFilter(UiContext& ui);
    void reload() {
        total_.reset();
        corrections_.reset();
        pages_.clear();
    }

    std::optional<std::int64_t> total_;
    std::optional<std::int64_t> corrections_;  // households needing a correction (this pekon)
    bool corrections_only_ = false;
    std::map<std::int64_t, std::vector<HouseholdSummary>> pages_;  // page number -> rows
    std::string query_;
    std::string searched_;
    std::vector<MemberHit> hits_;
    std::string problem_;
    std::string village_filter_;  // typed part of a pekon name
    std::string village_;         // the chosen pekon; empty: all
    std::string open_;            // a household tapped this frame
};

}  // namespace pekon::ui
