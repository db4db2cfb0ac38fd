#pragma once

#include <span>
#include <string_view>

// Files of the assets folder compiled into pekon-hub at build time (src/hub/web/embed.cmake
// writes them into a generated .cpp): the console's stylesheet(s) under assets/hub/ and its
// texts, assets/i18n/hub.{id,en}.json. So the console needs nothing beside the binary, from a
// build tree or installed.
namespace pekon::hub::web {

struct EmbeddedFile {
    std::string_view name;  // relative to assets/: "hub/console.css", "i18n/hub.id.json"
    std::string_view data;
};

std::span<const EmbeddedFile> embeddedFiles();
// The file of that name; an empty view when there is none.
std::string_view embeddedFile(std::string_view name);

}  // namespace pekon::hub::web
