// libFuzzer target over the office console's parsers of what browsers send
// (src/hub/web/http_fields, multipart) and its HTML escaping (src/hub/web/html).
//
// Input layout: the first byte selects the parser ((byte - '0') % 5: the seed corpus's ASCII
// digits '0'..'4' are 0..4), the rest is the text:
//   0 Cookie header          3 multipart body (boundary "B"), and a Content-Type's boundary
//   1 url-encoded form       4 escapeHtml
//   2 Accept-Language
// Invariants checked besides the sanitizers: results stay within the parsers' limits, a
// form's fields hold no control bytes but tab and line ends, escaped HTML holds no '<', '>',
// '"' or '\'' and is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "hub/web/html.hpp"
#include "hub/web/http_fields.hpp"
#include "hub/web/multipart.hpp"

namespace {

using namespace pekon::hub::web;

bool noControlBytes(const std::string& text) {
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7f) return false;
    }
    return true;
}

bool validUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = b < 0x80         ? 1
                        : (b >> 5) == 6  ? 2
                        : (b >> 4) == 14 ? 3
                        : (b >> 3) == 30 ? 4
                                         : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
        i += n;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (static_cast<std::uint8_t>(data[0] - '0') % 5) {
        case 0: {
            auto cookies = parseCookies(text);
            if (cookies) {
                PEKON_CHECK(cookies->size() <= kMaxCookies);
                for (const auto& [name, value] : cookies->fields())
                    PEKON_CHECK(!name.empty() && noControlBytes(name) && noControlBytes(value));
            } else {
                PEKON_CHECK(cookies.error().code == "bad_cookie");
            }
            break;
        }
        case 1: {
            auto form = parseFormUrlEncoded(text);
            if (form) {
                PEKON_CHECK(form->size() <= kMaxFormFields);
                for (const auto& [name, value] : form->fields())
                    PEKON_CHECK(noControlBytes(name) && noControlBytes(value));
            } else {
                PEKON_CHECK(form.error().code == "bad_form" ||
                            form.error().code == "form_too_large");
            }
            break;
        }
        case 2: {
            const auto ranges = parseAcceptLanguage(text);
            PEKON_CHECK(ranges.size() <= 32);
            for (const auto& r : ranges) PEKON_CHECK(r.weight >= 0 && r.weight <= 1000);
            (void)pickLanguage(text);
            break;
        }
        case 3: {
            auto body = parseMultipart(text, "B");
            if (body) {
                PEKON_CHECK(body->fields.size() <= kMaxMultipartParts);
                if (body->file) PEKON_CHECK(body->file->data.size() <= text.size());
            } else {
                PEKON_CHECK(body.error().code == "bad_multipart" ||
                            body.error().code == "upload_too_large");
            }
            auto boundary = multipartBoundary(text);
            if (boundary) PEKON_CHECK(!boundary->empty() && boundary->size() <= 70);
            break;
        }
        default: {
            const std::string html = escapeHtml(text);
            PEKON_CHECK(html.find_first_of("<>\"'") == std::string::npos);
            PEKON_CHECK(validUtf8(html));
            break;
        }
    }
    return 0;
}
