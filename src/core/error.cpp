#include "core/error.hpp"

namespace pekon {

std::optional<Lang> parseLang(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (lower == "id") return Lang::id;
    if (lower == "en") return Lang::en;
    return std::nullopt;
}

}  // namespace pekon
