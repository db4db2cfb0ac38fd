#pragma once

#include <iterator>
#include <optional>
#include <string_view>
#include <type_traits>

namespace pekon {

// The value of `all` whose code (`code_of(value)`) is `text`, or nullopt: the shape of every
// enum parser in core (parseStatus, parseSex...).
template <class Values, class CodeOf>
auto findByCode(std::string_view text, const Values& all, CodeOf code_of)
    -> std::optional<std::decay_t<decltype(*std::begin(all))>> {
    for (const auto& value : all)
        if (code_of(value) == text) return value;
    return std::nullopt;
}

}  // namespace pekon
