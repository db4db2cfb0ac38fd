#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/result.hpp"

// The parts of a browser's request the office console reads, parsed without trusting them:
// the Cookie header, an application/x-www-form-urlencoded body (or query), and
// Accept-Language. Pure and bounded: each refuses what is malformed or too large with a typed
// error (`bad_cookie`, `bad_form`, `form_too_large`) and never grows past its limits.
namespace pekon::hub::web {

inline constexpr std::size_t kMaxCookieHeaderBytes = 8 * 1024;
inline constexpr std::size_t kMaxCookies = 64;
inline constexpr std::size_t kMaxFormBytes = 64 * 1024;
inline constexpr std::size_t kMaxFormFields = 2000;

// Name and value pairs in the order sent (a name may repeat: checkboxes).
class Form {
  public:
    void add(std::string name, std::string value) {
        fields_.emplace_back(std::move(name), std::move(value));
    }
    // The first value of `name`, when present.
    std::optional<std::string> get(std::string_view name) const;
    // The first value of `name`, or "" when absent.
    std::string value(std::string_view name) const { return get(name).value_or(std::string()); }
    std::vector<std::string> all(std::string_view name) const;
    const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
    std::size_t size() const { return fields_.size(); }

  private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

// `a=b; c=d` (RFC 6265 cookie-string). Names are tokens; a value may be quoted. A pair
// without '=', with a bad name or a bad value is skipped (other programs on the same host
// set cookies too); a header over kMaxCookieHeaderBytes or with more than kMaxCookies pairs
// is `bad_cookie`.
Result<Form> parseCookies(std::string_view header);

// `%XX` decoded (a malformed escape is `bad_form`); with `plus_is_space`, '+' is a space
// (form bodies and queries). Bytes below 0x20 other than tab, CR and LF, and DEL, raw or
// decoded from an escape, are refused too (`bad_form`): no NUL or control bytes reach a page.
Result<std::string> percentDecode(std::string_view text, bool plus_is_space);

// Every byte but RFC 3986's unreserved ones (A-Z a-z 0-9 - _ . ~) as %XX: a query value.
std::string percentEncode(std::string_view text);

// `a=1&b=two+words&c=%C3%A9`: an empty body is an empty form; pieces without '=' are a name
// with an empty value; empty pieces (`a=1&&b=2`) are skipped. Over kMaxFormBytes:
// `form_too_large`; over kMaxFormFields fields, or a bad escape: `bad_form`.
Result<Form> parseFormUrlEncoded(std::string_view body);

// A language range of Accept-Language with its weight (0..1000, q=1 being 1000), in the
// order sent. `*` is kept as "*"; tags are lower-cased. At most 32 ranges are read (the rest
// ignored); a malformed range is skipped, never an error: a browser's header only suggests.
struct LanguageRange {
    std::string tag;  // "id", "en-us", "*"
    int weight = 1000;
};
std::vector<LanguageRange> parseAcceptLanguage(std::string_view header);

// Pekon's language for a header: the highest-weighted of id and en (a tag "en-GB" counts as
// en), Bahasa Indonesia when neither is asked for or on a tie.
Lang pickLanguage(std::string_view accept_language);

}  // namespace pekon::hub::web
