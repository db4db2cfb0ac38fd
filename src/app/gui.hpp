#pragma once

#include <string>

#include "core/error.hpp"

namespace pekon::cli {

struct GuiOptions {
    std::string db_path;
    Lang lang = Lang::id;
    int width = 1280;
    int height = 800;
    bool fullscreen = false;
    float scale = 0;  // 0: from the display's DPI
    bool demo = false;
    std::string screenshot_dir;  // when set: render every screen to PNG files there and exit
    std::string ca_file;         // another CA bundle for the hub's TLS certificate
};

// Opens the touch app in an SDL2 window with OpenGL 3; returns the process exit code.
int runGui(const GuiOptions& options);

}  // namespace pekon::cli
