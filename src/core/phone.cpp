#include "core/phone.hpp"

#include "core/text.hpp"

namespace pekon {

Result<std::string> normalizePhone(std::string_view text) {
    text = trim(text);
    if (text.empty())
        return Error{"phone_empty", "Nomor HP belum diisi.", "The phone number is empty."};
    std::string digits;
    bool plus = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isAsciiDigit(c)) {
            digits.push_back(c);
        } else if (c == '+' && digits.empty() && !plus) {
            plus = true;
        } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
            return Error{"phone_invalid_chars",
                         "Nomor HP hanya boleh berisi angka, spasi, tanda hubung dan + di depan.",
                         "A phone number may contain only digits, spaces, dashes and a leading +."};
        }
    }
    std::string subscriber;  // after the country code, starting with 8
    if (!plus && digits.rfind("08", 0) == 0) {
        subscriber = digits.substr(1);
    } else if (digits.rfind("628", 0) == 0) {
        subscriber = digits.substr(2);
    } else {
        return Error{"phone_prefix", "Nomor HP harus diawali 08, +628 atau 628.",
                     "A mobile number must start with 08, +628 or 628."};
    }
    if (subscriber.size() < 9 || subscriber.size() > 12)
        return Error{
            "phone_length", "Panjang nomor HP tidak wajar (10-13 digit jika diawali 08).",
            "The phone number has the wrong length (10-13 digits when it starts with 08)."};
    return "+62" + subscriber;
}

}  // namespace pekon
