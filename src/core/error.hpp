#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pekon {

// The two languages every user-visible text exists in. Bahasa Indonesia is the default.
enum class Lang { id, en };

// An expected failure, as a value. `code` is stable snake_case for programs; the two
// messages are for people. Warnings use the same shape.
struct Error {
    std::string code;
    std::string message_id;
    std::string message_en;

    const std::string& message(Lang lang) const {
        return lang == Lang::en ? message_en : message_id;
    }
    bool operator==(const Error&) const = default;
};

using Warning = Error;

// An error tied to a field of a form or an import record, e.g. "members[2].nik".
struct FieldError {
    std::string field;
    Error error;
};

using FieldErrors = std::vector<FieldError>;

// "id" / "en" (case-insensitive); anything else is nullopt.
std::optional<Lang> parseLang(std::string_view text);

}  // namespace pekon
