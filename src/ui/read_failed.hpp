#pragma once

#include <string>

#include "ui/ui_context.hpp"

namespace pekon::ui {

// A store read that failed, in plain words for the screen (Indonesian or English, from
// assets/i18n): "Some of the data on this device could not be read: <why>". Screens show this
// instead of a zero or an empty list.
inline std::string readFailedText(UiContext& ui, const Error& e) {
    return ui.t("store.read_failed", {{"detail", ui.errorText(e)}});
}

}  // namespace pekon::ui
