#include "core/sex.hpp"

namespace pekon {

std::string_view sexCode(Sex sex) {
    return sex == Sex::male ? "M" : "F";
}

bool parseSex(std::string_view text, Sex& out) {
    if (text == "M" || text == "m" || text == "L" || text == "l") {
        out = Sex::male;
        return true;
    }
    if (text == "F" || text == "f" || text == "P" || text == "p") {
        out = Sex::female;
        return true;
    }
    return false;
}

}  // namespace pekon
