#pragma once

#include <string>
#include <string_view>

namespace pekon {

inline bool isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAllDigits(std::string_view text);  // false for empty text

// Trims ASCII white space at both ends.
std::string_view trim(std::string_view text);

// Lower-cases ASCII letters and drops white space: the key for case- and space-insensitive
// search ("Negeri Ratu" -> "negeriratu"). Other bytes (UTF-8) pass through unchanged.
std::string searchKey(std::string_view text);

// Whether `text` is well-formed UTF-8.
bool isValidUtf8(std::string_view text);

// Whether `text` has a control character (C0 or DEL); with `line_breaks_allowed`, '\n' does
// not count (a complaint or an answer may break lines, a name may not).
bool hasControlChars(std::string_view text, bool line_breaks_allowed = false);

// Keeps the last `visible` characters and replaces the rest with '*': for showing NIK, KK
// and card numbers on shared screens and in logs.
std::string maskDigits(std::string_view digits, size_t visible = 4);

// Overwrites the text's bytes with zeros before emptying it, so personal data typed at a
// kiosk does not linger in freed memory.
void wipeText(std::string& text);

}  // namespace pekon
