#include "core/text.hpp"

namespace pekon {

namespace {
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
}  // namespace

bool isAllDigits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text) {
        if (!isAsciiDigit(c)) return false;
    }
    return true;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return text;
}

std::string searchKey(std::string_view text) {
    std::string key;
    key.reserve(text.size());
    for (char c : text) {
        if (isSpace(c)) continue;
        key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return key;
}

bool isValidUtf8(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        size_t len = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2, min = 0x80, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, min = 0x800, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, min = 0x10000, cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > text.size()) return false;
        for (size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

std::string maskDigits(std::string_view digits, size_t visible) {
    std::string out(digits);
    if (out.size() <= visible) return std::string(out.size(), '*');
    for (size_t i = 0; i + visible < out.size(); ++i) out[i] = '*';
    return out;
}

void wipeText(std::string& text) {
    // Through a volatile pointer, so the stores are not optimised away as dead.
    volatile char* bytes = text.data();
    for (std::size_t i = 0; i < text.capacity(); ++i) bytes[i] = 0;
    text.clear();
}

bool hasControlChars(std::string_view text, bool line_breaks_allowed) {
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && !(line_breaks_allowed && c == '\n')) || b == 0x7F) return true;
    }
    return false;
}

}  // namespace pekon
