#include "core/error.hpp"

namespace pekon {

bool parseLang(const std::string& text, Lang& out) {
    if (text == "id" || text == "ID") {
        out = Lang::id;
        return true;
    }
    if (text == "en" || text == "EN") {
        out = Lang::en;
        return true;
    }
    return false;
}

}  // namespace pekon
