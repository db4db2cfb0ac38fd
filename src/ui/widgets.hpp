#pragma once

#include <string>

#include "scan/qr_encode.hpp"
#include "ui/ui_context.hpp"

namespace pekon::ui {

// The smallest touch target, at scale 1.
inline constexpr float kTouchMin = 48.0f;

// A button of at least kTouchMin height, recorded in the probe under `id`.
enum class ButtonStyle { primary, secondary, danger };
bool button(UiContext& ui, const std::string& id, const std::string& label, ImVec2 size = {0, 0},
            ButtonStyle style = ButtonStyle::primary);

// A large home-screen tile: a title and a line under it.
bool tile(UiContext& ui, const std::string& id, const std::string& title, const std::string& detail,
          ImVec2 size);

// A labelled field the user taps to type into with the on-screen keypad (digits) or keyboard
// (text). `masked` shows dots (PINs). `problem`, when not empty, is shown under it in red.
// It takes the whole width, or the width pushed with ImGui::PushItemWidth.
void field(UiContext& ui, const std::string& id, const std::string& label, std::string* value,
           EntryKind kind, size_t max_length, bool masked = false, const std::string& problem = {});

// The keypad or keyboard for the focused field, docked at the bottom of the screen; also
// takes typing from a physical keyboard. Returns true when the user pressed Done.
bool entryPanel(UiContext& ui);
float entryPanelHeight(const UiContext& ui);

// A QR code `side` pixels square on white (quiet zone included), recorded in the probe.
void qrImage(UiContext& ui, const std::string& id, const QrMatrix& qr, float side);

// Text in the theme's colours.
void textMuted(const std::string& text);
void textError(const std::string& text);
void title(UiContext& ui, const std::string& text);

// Lets a finger drag the current child window's contents up and down.
void dragScroll();

}  // namespace pekon::ui
