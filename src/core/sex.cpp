#include "core/sex.hpp"

namespace pekon {

std::string_view sexCode(Sex sex) {
    return sex == Sex::male ? "M" : "F";
}

std::optional<Sex> parseSex(std::string_view text) {
    if (text == "M" || text == "m" || text == "L" || text == "l") return Sex::male;
    if (text == "F" || text == "f" || text == "P" || text == "p") return Sex::female;
    return std::nullopt;
}

}  // namespace pekon
