#include "ui/screens/materials_screen.hpp"

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void MaterialsScreen::drawContent(UiContext& ui, Navigator& /*nav*/) {
    const std::vector<MaterialTopic>& topics = ui.assets().materials;
    if (!started_) {
        started_ = true;
        for (size_t i = 0; i < topics.size(); ++i) {
            if (topics[i].key == start_topic_) topic_ = i;
        }
    }
    if (topics.empty()) {
        textMuted(ui.t("materials.none"));
        return;
    }
    const Lang lang = ui.lang();
    const float footer = ui.px(96);
    ImGui::BeginChild("topics", ImVec2(ui.px(320), -footer), false);
    dragScroll();
    for (size_t i = 0; i < topics.size(); ++i) {
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
        if (button(ui, "materials.topic." + topics[i].key, topics[i].title.in(lang),
                   ImVec2(-1, ui.px(64)),
                   i == topic_ ? ButtonStyle::primary : ButtonStyle::secondary))
            topic_ = i, page_ = 0;
        ImGui::PopStyleVar();
    }
    ImGui::EndChild();
    ImGui::SameLine();

    const MaterialTopic& t = topics[topic_];
    const size_t pages = t.pages.size();
    if (page_ >= pages) page_ = pages ? pages - 1 : 0;
    ImGui::BeginChild("page", ImVec2(0, -footer), true);
    dragScroll();
    ImGui::PushStyleColor(ImGuiCol_Text, color::kPrimaryDark);
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextWrapped("%s", t.title.in(lang).c_str());
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::Spacing();
    // The page itself, as large as the title: read from across a room.
    if (pages > 0) {
        ImGui::PushFont(ui.fonts.title);
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, ui.px(14)));
        ImGui::TextWrapped("%s", t.pages[page_].in(lang).c_str());
        ImGui::PopStyleVar();
        ImGui::PopFont();
        ui.probe("materials.text");
    }
    ImGui::EndChild();

    ImGui::Separator();
    const bool first = topic_ == 0 && page_ == 0;
    const bool last = topic_ + 1 == topics.size() && page_ + 1 >= pages;
    const ImVec2 big(ui.px(280), ui.px(76));
    if (first) ImGui::BeginDisabled();
    if (button(ui, "materials.prev", ui.t("materials.prev"), big, ButtonStyle::secondary)) {
        if (page_ > 0) {
            --page_;
        } else {
            --topic_;
            page_ = topics[topic_].pages.empty() ? 0 : topics[topic_].pages.size() - 1;
        }
    }
    if (first) ImGui::EndDisabled();
    ImGui::SameLine();
    const float row_y = ImGui::GetCursorPosY();  // the buttons' line; the text sits lower
    ImGui::PushFont(ui.fonts.large);
    ImGui::SetCursorPosY(row_y + ui.px(18));
    const std::string where = ui.t(
        "materials.page", {{"n", std::to_string(page_ + 1)}, {"total", std::to_string(pages)}});
    ImGui::TextUnformatted(where.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(row_y);
    const bool id = lang == Lang::id;
    if (button(ui, "materials.lang", ui.t("materials.switch_lang"), ImVec2(ui.px(260), big.y),
               ButtonStyle::secondary))
        ui.setLang(id ? Lang::en : Lang::id);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - big.x);
    ImGui::SetCursorPosY(row_y);
    if (last) ImGui::BeginDisabled();
    if (button(ui, "materials.next", ui.t("materials.next"), big)) {
        if (page_ + 1 < pages) {
            ++page_;
        } else {
            ++topic_;
            page_ = 0;
        }
    }
    if (last) ImGui::EndDisabled();
}

}  // namespace pekon::ui
