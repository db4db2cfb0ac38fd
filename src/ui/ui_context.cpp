#include "ui/ui_context.hpp"

#include "core/build_time.hpp"

namespace pekon::ui {

UiContext::UiContext(const Assets& assets, Store& store, Lang lang, float scale, Clock clock)
    : build_time(buildTime()),
      assets_(assets),
      store_(store),
      lang_(lang),
      scale_(scale),
      clock_(std::move(clock)) {}

ClockVerdict UiContext::clock() const {
    if (!stored_clock_) stored_clock_ = storedClock(store_);
    ClockInputs in = *stored_clock_;
    in.device_now = now();
    in.build_time = build_time;
    return checkClock(in);
}

std::string UiContext::t(std::string_view key) {
    const auto& texts = assets_.catalog.texts(lang_);
    if (texts.find(key) == texts.end())
        missing_.insert(std::string(key) + (lang_ == Lang::en ? " (en)" : " (id)"));
    return assets_.catalog.text(key, lang_);
}

std::string UiContext::t(std::string_view key,
                         const std::vector<std::pair<std::string, std::string>>& args) {
    (void)t(key);
    return assets_.catalog.text(key, lang_, args);
}

void UiContext::probe(const std::string& id) {
    if (!scroll_to_.empty() && id == scroll_to_) {
        ImGui::SetScrollHereY(0.5f);
        scroll_to_.clear();
    }
    if (!ImGui::IsItemVisible()) return;  // scrolled away: nothing there to tap
    probes_[id] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

std::optional<std::pair<ImVec2, ImVec2>> UiContext::find(const std::string& id) const {
    auto it = probes_.find(id);
    if (it == probes_.end()) return std::nullopt;
    return it->second;
}

}  // namespace pekon::ui
