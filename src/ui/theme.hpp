#pragma once

#include <string>

#include "core/result.hpp"
#include "ui/ui_context.hpp"

namespace pekon::ui {

// Where Noto Sans is on a Debian system (package fonts-noto-core).
inline constexpr const char* kNotoSansRegular =
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
inline constexpr const char* kNotoSansBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

// The code points drawn (pairs of first and last, ended by 0): Latin, Latin Extended-A,
// general punctuation and the euro sign. Anything else shows as "?" on screen.
extern const ImWchar kFontGlyphRanges[];
bool fontCovers(char32_t code_point);

// Loads Noto Sans into the current ImGui context's font atlas at `scale` (kFontGlyphRanges). Error
// `font_missing` naming the file and the package.
Result<Fonts> loadFonts(float scale);

// Large, high-contrast, touch-sized style: every frame at least 48 px tall at scale 1.
void applyTheme(float scale);

// Colours of the theme, for widgets that draw their own.
namespace color {
inline constexpr ImU32 kPrimary = IM_COL32(0, 122, 94, 255);  // BPJS-like green
inline constexpr ImU32 kPrimaryDark = IM_COL32(0, 92, 70, 255);
inline constexpr ImU32 kDanger = IM_COL32(190, 40, 40, 255);
inline constexpr ImU32 kWarning = IM_COL32(196, 120, 0, 255);
inline constexpr ImU32 kMuted = IM_COL32(95, 99, 104, 255);
inline constexpr ImU32 kSurface = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kBackground = IM_COL32(241, 244, 243, 255);
}  // namespace color

}  // namespace pekon::ui
