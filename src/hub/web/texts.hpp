#pragma once

#include <string_view>

#include "core/catalog.hpp"
#include "core/result.hpp"

// The office console's words, Bahasa Indonesia and English, from assets/i18n/hub.id.json and
// hub.en.json (flat objects of key -> text, {name} placeholders), compiled into the binary.
namespace pekon::hub::web {

// Parses the two files; `i18n_invalid` when one is not a flat object of strings.
Result<Catalog> parseHubTexts(std::string_view indonesian_json, std::string_view english_json);
// The embedded files, parsed.
Result<Catalog> loadHubTexts();

}  // namespace pekon::hub::web
