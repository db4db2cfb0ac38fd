#include "ui/theme.hpp"

#include <sys/stat.h>

namespace pekon::ui {

namespace {

bool fileExists(const char* path) {
    struct stat st {};
    return ::stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

ImVec4 rgba(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

}  // namespace

const ImWchar kFontGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010,
                                    0x2044, 0x20AC, 0x20AC, 0};

bool fontCovers(char32_t code_point) {
    for (const ImWchar* r = kFontGlyphRanges; r[0] != 0; r += 2)
        if (code_point >= r[0] && code_point <= r[1]) return true;
    return false;
}

Result<Fonts> loadFonts(float scale) {
    for (const char* path : {kNotoSansRegular, kNotoSansBold}) {
        if (!fileExists(path))
            return Error{
                "font_missing",
                std::string("Huruf Noto Sans tidak ditemukan (") + path +
                    "). Pasang paket fonts-noto-core, mis. dengan scripts/install-deps.",
                std::string("The Noto Sans font was not found (") + path +
                    "). Install the package fonts-noto-core, e.g. with scripts/install-deps."};
    }
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    Fonts fonts;
    fonts.body =
        io.Fonts->AddFontFromFileTTF(kNotoSansRegular, 20.0f * scale, &config, kFontGlyphRanges);
    fonts.large =
        io.Fonts->AddFontFromFileTTF(kNotoSansRegular, 26.0f * scale, &config, kFontGlyphRanges);
    fonts.title =
        io.Fonts->AddFontFromFileTTF(kNotoSansBold, 34.0f * scale, &config, kFontGlyphRanges);
    if (!fonts.body || !fonts.large || !fonts.title || !io.Fonts->Build())
        return Error{"font_missing", "Huruf Noto Sans tidak bisa dimuat.",
                     "The Noto Sans font could not be loaded."};
    io.FontDefault = fonts.body;
    return fonts;
}

void applyTheme(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(20, 16);
    style.FramePadding =
        ImVec2(16, 12);  // a 20 px font + 2 x 12 = 44, +items spacing: 48 px targets
    style.ItemSpacing = ImVec2(12, 12);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.ScrollbarSize = 22;
    style.GrabMinSize = 24;
    style.TouchExtraPadding = ImVec2(4, 4);
    style.FrameRounding = 8;
    style.ChildRounding = 10;
    style.WindowRounding = 0;
    style.ScrollbarRounding = 8;
    style.FrameBorderSize = 1;
    style.ScaleAllSizes(scale);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = rgba(color::kBackground);
    c[ImGuiCol_ChildBg] = rgba(color::kSurface);
    c[ImGuiCol_Text] = ImVec4(0.10f, 0.11f, 0.12f, 1.0f);
    c[ImGuiCol_TextDisabled] = rgba(color::kMuted);
    c[ImGuiCol_Button] = rgba(color::kPrimary);
    c[ImGuiCol_ButtonHovered] = rgba(color::kPrimaryDark);
    c[ImGuiCol_ButtonActive] = rgba(color::kPrimaryDark);
    c[ImGuiCol_FrameBg] = rgba(color::kSurface);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.93f, 0.97f, 0.96f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.75f, 0.78f, 0.77f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.85f, 0.94f, 0.91f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.78f, 0.91f, 0.87f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.70f, 0.88f, 0.83f, 1.0f);
    ImGui::GetStyle() = style;
}

}  // namespace pekon::ui
