#pragma once

#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <type_traits>

namespace pekon {

// The one way Pekon reads a number from text (options, settings, HTTP headers and queries,
// database text, form fields). The whole text must be the number: ASCII decimal digits, a
// leading '-' only for signed types, a '.' and an exponent only for floating point; no spaces,
// no '+', no "0x", no locale, and a value that fits T. Anything else is nullopt.
template <class T>
std::optional<T> parseNumber(std::string_view text) {
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>);
    if (text.empty()) return std::nullopt;
    const char first = text.front() == '-' && text.size() > 1 ? text[1] : text.front();
    if (first < '0' || first > '9') return std::nullopt;  // "+1", " 1", "inf", "nan", ".5"
    if constexpr (std::is_unsigned_v<T>) {
        if (text.front() == '-') return std::nullopt;  // from_chars would refuse it anyway
    }
    T value{};
    const char* end = text.data() + text.size();
    std::from_chars_result got;
    if constexpr (std::is_floating_point_v<T>)
        got = std::from_chars(text.data(), end, value, std::chars_format::general);
    else
        got = std::from_chars(text.data(), end, value, 10);
    if (got.ec != std::errc() || got.ptr != end) return std::nullopt;
    if constexpr (std::is_floating_point_v<T>) {
        if (!std::isfinite(value)) return std::nullopt;
    }
    return value;
}

// parseNumber, then min <= value <= max.
template <class T>
std::optional<T> parseNumberIn(std::string_view text, T min, T max) {
    auto value = parseNumber<T>(text);
    if (!value || *value < min || *value > max) return std::nullopt;
    return value;
}

}  // namespace pekon
