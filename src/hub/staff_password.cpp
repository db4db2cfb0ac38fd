#include "hub/staff_password.hpp"

#include <cstdint>

namespace pekon::hub {

namespace {

bool usernameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool sameIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// The code points of `text`, or -1 when it is not valid UTF-8 or holds a control character.
long countCodePoints(std::string_view text) {
    long count = 0;
    for (size_t i = 0; i < text.size(); ++count) {
        const auto lead = static_cast<unsigned char>(text[i]);
        size_t length = 0;
        std::uint32_t cp = 0;
        if (lead < 0x80) {
            length = 1;
            cp = lead;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            cp = lead & 0x1Fu;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            cp = lead & 0x0Fu;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            cp = lead & 0x07u;
        } else {
            return -1;
        }
        if (i + length > text.size()) return -1;
        for (size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (next & 0x3Fu);
        }
        constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kSmallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return -1;
        i += length;
    }
    return count;
}

// Lower-case ASCII letters, upper-case ASCII letters, digits, anything else.
int kindOf(unsigned char c) {
    if (c >= 'a' && c <= 'z') return 0;
    if (c >= 'A' && c <= 'Z') return 1;
    if (c >= '0' && c <= '9') return 2;
    return 3;
}

Error weak(const char* id, const char* en) { return Error{"password_weak", id, en}; }

}  // namespace

Status checkUsername(std::string_view username) {
    bool ok = username.size() >= kMinUsername && username.size() <= kMaxUsername;
    for (char c : username) ok = ok && usernameChar(c);
    if (!ok)
        return Error{"username_invalid",
                     "Nama pengguna harus 3 sampai 32 karakter: huruf kecil a-z, angka 0-9, titik, "
                     "garis bawah atau tanda hubung.",
                     "A username is 3 to 32 characters of lower-case a-z, digits 0-9, dot, "
                     "underscore or hyphen."};
    return {};
}

Status checkPassword(std::string_view password, std::string_view username) {
    if (password.size() > kMaxPassword)
        return weak("Kata sandi terlalu panjang (paling banyak 256 bita).",
                    "The password is too long (at most 256 bytes).");
    const long characters = countCodePoints(password);
    if (characters < 0)
        return weak("Kata sandi memuat karakter yang tidak sah.",
                    "The password holds characters that are not allowed.");
    if (characters < static_cast<long>(kMinPassword))
        return weak("Kata sandi paling sedikit 10 karakter.",
                    "A password has at least 10 characters.");
    bool kinds[4] = {false, false, false, false};
    for (char c : password) kinds[kindOf(static_cast<unsigned char>(c))] = true;
    if (kinds[0] + kinds[1] + kinds[2] + kinds[3] < 2)
        return weak("Kata sandi tidak boleh hanya satu jenis karakter (campur huruf, angka atau "
                    "tanda).",
                    "A password cannot be all one kind of character (mix letters, digits or "
                    "symbols).");
    if (sameIgnoringCase(password, username))
        return weak("Kata sandi tidak boleh sama dengan nama pengguna.",
                    "The password cannot be the username.");
    return {};
}

}  // namespace pekon::hub
