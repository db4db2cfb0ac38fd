#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include "ui/theme.hpp"

namespace pekon::ui {

namespace {

void pushButtonColors(ButtonStyle style) {
    ImU32 base = color::kPrimary, hover = color::kPrimaryDark, text = IM_COL32_WHITE;
    if (style == ButtonStyle::secondary)
        base = IM_COL32(226, 232, 230, 255), hover = IM_COL32(205, 214, 211, 255),
        text = IM_COL32(20, 24, 26, 255);
    if (style == ButtonStyle::danger) base = color::kDanger, hover = IM_COL32(150, 30, 30, 255);
    ImGui::PushStyleColor(ImGuiCol_Button, base);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, hover);
    ImGui::PushStyleColor(ImGuiCol_Text, text);
}

}  // namespace

bool button(UiContext& ui, const std::string& id, const std::string& label, ImVec2 size,
            ButtonStyle style) {
    if (size.y < ui.px(kTouchMin)) size.y = ui.px(kTouchMin);
    if (size.x > 0 && size.x < ui.px(kTouchMin)) size.x = ui.px(kTouchMin);
    pushButtonColors(style);
    const bool pressed = ImGui::Button((label + "##" + id).c_str(), size);
    ImGui::PopStyleColor(4);
    ui.probe(id);
    return pressed;
}

bool tile(UiContext& ui, const std::string& id, const std::string& title_text,
          const std::string& detail, ImVec2 size) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id.c_str(), size);
    ui.probe(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool active = ImGui::IsItemActive();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y),
                      active ? color::kPrimaryDark : color::kPrimary, ui.px(14));
    const float pad = ui.px(24);
    dl->AddText(ui.fonts.title, ui.fonts.title->FontSize, ImVec2(pos.x + pad, pos.y + pad),
                IM_COL32_WHITE, title_text.c_str());
    dl->AddText(ui.fonts.large, ui.fonts.large->FontSize,
                ImVec2(pos.x + pad, pos.y + pad + ui.fonts.title->FontSize + ui.px(10)),
                IM_COL32(225, 245, 238, 255), detail.c_str(), nullptr);
    return pressed;
}

void field(UiContext& ui, const std::string& id, const std::string& label, std::string* value,
           EntryKind kind, size_t max_length, bool masked, const std::string& problem) {
    ImGui::TextUnformatted(label.c_str());
    const bool focused = ui.focused(id);
    std::string shown = masked ? std::string(value->size(), '*') : *value;
    if (focused) shown += "|";
    ImGui::PushStyleColor(ImGuiCol_Button,
                          focused ? IM_COL32(224, 244, 237, 255) : color::kSurface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(235, 247, 243, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(224, 244, 237, 255));
    ImGui::PushStyleColor(ImGuiCol_Border,
                          problem.empty()
                              ? (focused ? color::kPrimary : IM_COL32(170, 176, 174, 255))
                              : color::kDanger);
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, ui.px(focused ? 3 : 1));
    // As wide as the screen asked with PushItemWidth (so that a button fits beside it), else the
    // whole width.
    const bool sized = ImGui::GetCurrentWindowRead()->DC.ItemWidthStack.Size > 0;
    if (ImGui::Button((shown + "##" + id).c_str(),
                      ImVec2(sized ? ImGui::CalcItemWidth() : -1, ui.px(56))))
        ui.focus({id, value, kind, max_length});
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(4);
    ui.probe(id);
    if (!problem.empty()) textError(problem);
}

float entryPanelHeight(const UiContext& ui) {
    if (!ui.entry.target) return 0;
    return ui.entry.kind == EntryKind::digits ? ui.px(4 * 68 + 40) : ui.px(5 * 64 + 40);
}

namespace {

std::string utf8(unsigned c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

// Applies one key to the focused field.
void press(TextEntry& e, const std::string& key) {
    std::string& v = *e.target;
    if (key == "backspace") {
        // Remove one UTF-8 character.
        while (!v.empty() && (static_cast<unsigned char>(v.back()) & 0xC0) == 0x80) v.pop_back();
        if (!v.empty()) v.pop_back();
    } else if (e.max_length == 0 || v.size() < e.max_length) {
        v += key;
    }
}

bool keyButton(UiContext& ui, const std::string& id, const std::string& label, float width,
               float height, ButtonStyle style = ButtonStyle::secondary) {
    return button(ui, "key." + id, label, ImVec2(width, height), style);
}

}  // namespace

bool entryPanel(UiContext& ui) {
    if (!ui.entry.target) return false;
    TextEntry& e = ui.entry;
    bool done = false;

    // A physical keyboard types too.
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters) {
        if (c == '\r' || c == '\n') continue;
        if (e.kind == EntryKind::digits && (c < '0' || c > '9')) continue;
        press(e, utf8(c));
    }
    io.InputQueueCharacters.resize(0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) press(e, "backspace");
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)))
        done = true;

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = entryPanelHeight(ui);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(214, 220, 218, 255));
    ImGui::Begin("##entry", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    const std::string del = ui.t("key.backspace"), ok = ui.t("key.done");
    if (e.kind == EntryKind::digits) {
        const float kw = ui.px(150), kh = ui.px(60);
        const float left = (vp->WorkSize.x - 3 * kw - 2 * ImGui::GetStyle().ItemSpacing.x) / 2;
        static const char* kRows[4][3] = {
            {"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"backspace", "0", "done"}};
        for (auto& row : kRows) {
            ImGui::SetCursorPosX(left);
            for (int i = 0; i < 3; ++i) {
                if (i) ImGui::SameLine();
                const std::string k = row[i];
                if (k == "backspace") {
                    if (keyButton(ui, k, del, kw, kh)) press(e, k);
                } else if (k == "done") {
                    if (keyButton(ui, k, ok, kw, kh, ButtonStyle::primary)) done = true;
                } else if (keyButton(ui, k, k, kw, kh)) {
                    press(e, k);
                }
            }
        }
    } else {
        static const char* kRows[4] = {"1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm,.-"};
        // Capitals at the start of each word, as names and addresses are written.
        const std::string& v = *e.target;
        const bool capital = v.empty() || v.back() == ' ';
        const float kw = (vp->WorkSize.x - ImGui::GetStyle().WindowPadding.x * 2 -
                          9 * ImGui::GetStyle().ItemSpacing.x) /
                         10;
        const float kh = ui.px(52);
        for (const char* row : kRows) {
            for (int i = 0; row[i]; ++i) {
                if (i) ImGui::SameLine();
                char c = row[i];
                if (capital && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
                const std::string k(1, c);
                if (keyButton(ui, std::string(1, row[i]), k, kw, kh)) press(e, k);
            }
        }
        if (keyButton(ui, "space", ui.t("key.space"), kw * 6, kh)) press(e, " ");
        ImGui::SameLine();
        if (keyButton(ui, "backspace", del, kw * 2, kh)) press(e, "backspace");
        ImGui::SameLine();
        if (keyButton(ui, "done", ok, -1, kh, ButtonStyle::primary)) done = true;
    }
    ImGui::End();
    ImGui::PopStyleColor();
    if (done) ui.unfocus();
    return done;
}

void textMuted(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

void textError(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color::kDanger);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

void title(UiContext& ui, const std::string& text) {
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopFont();
}

void dragScroll() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                               ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f))
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

void qrImage(UiContext& ui, const std::string& id, const QrMatrix& qr, float side) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id.c_str(), ImVec2(side, side));
    ui.probe(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32_WHITE);
    if (qr.size <= 0) return;
    const float cell = side / static_cast<float>(qr.size);
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.dark(x, y)) continue;
            const ImVec2 a(pos.x + static_cast<float>(x) * cell,
                           pos.y + static_cast<float>(y) * cell);
            dl->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), IM_COL32_BLACK);
        }
    }
}

}  // namespace pekon::ui
