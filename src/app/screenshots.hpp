#pragma once

#include <SDL.h>

#include <string>

#include "ui/app_shell.hpp"

namespace pekon::cli {

// Renders every screen of the app (signed in as the first user, both languages) into the
// window and writes each frame to DIR/<lang>-<screen>.png. Returns the number written, or
// an error.
Result<int> takeScreenshots(ui::AppShell& shell, SDL_Window* window, const std::string& dir);

}  // namespace pekon::cli
