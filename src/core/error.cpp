#include "core/error.hpp"

namespace pekon {

bool parseLang(const std::string& text, Lang& out) {
    std::string lower = text;
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (lower == "id") {
        out = Lang::id;
        return true;
    }
    if (lower == "en") {
        out = Lang::en;
        return true;
    }
    return false;
}

}  // namespace pekon
