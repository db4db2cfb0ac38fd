#include "hub/web/http_fields.hpp"

#include <algorithm>

namespace pekon::hub::web {

namespace {

Error badCookie() {
    return Error{"bad_cookie", "Cookie peramban tidak terbaca.",
                 "The browser's cookies are unreadable."};
}
Error badForm() {
    return Error{"bad_form", "Isian formulir tidak terbaca.",
                 "The form's contents are unreadable."};
}

bool isTokenChar(unsigned char c) {
    if (c <= 0x20 || c >= 0x7f) return false;
    return std::string_view("()<>@,;:\\\"/[]?={}").find(static_cast<char>(c)) ==
           std::string_view::npos;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<std::string> Form::get(std::string_view name) const {
    for (const auto& [n, v] : fields_)
        if (n == name) return v;
    return std::nullopt;
}

std::vector<std::string> Form::all(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : fields_)
        if (n == name) out.push_back(v);
    return out;
}

Result<Form> parseCookies(std::string_view header) {
    if (header.size() > kMaxCookieHeaderBytes) return badCookie();
    Form out;
    while (!header.empty()) {
        const std::size_t end = header.find(';');
        std::string_view pair = trim(header.substr(0, end));
        header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
        if (pair.empty()) continue;
        if (out.size() >= kMaxCookies) return badCookie();
        // Another program on the same host may have set cookies of its own in any shape:
        // a malformed pair is skipped, not a reason to refuse the console's own.
        const std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos || eq == 0) continue;
        const std::string_view name = trim(pair.substr(0, eq));
        std::string_view value = trim(pair.substr(eq + 1));
        if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) {
                return isTokenChar(static_cast<unsigned char>(c));
            }))
            continue;
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        if (!std::all_of(value.begin(), value.end(), [](char c) {
                const auto u = static_cast<unsigned char>(c);
                return u >= 0x21 && u <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\';
            }))
            continue;
        out.add(std::string(name), std::string(value));
    }
    return out;
}

Result<std::string> percentDecode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else if (c == '%') {
            if (i + 2 >= text.size()) return badForm();
            const int hi = hexValue(text[i + 1]);
            const int lo = hexValue(text[i + 2]);
            if (hi < 0 || lo < 0) return badForm();
            const auto byte = static_cast<unsigned char>(hi * 16 + lo);
            if ((byte < 0x20 && byte != '\t' && byte != '\r' && byte != '\n') || byte == 0x7f)
                return badForm();
            out.push_back(static_cast<char>(byte));
            i += 2;
        } else {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7f) return badForm();
            out.push_back(c);
        }
    }
    return out;
}

std::string percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(c);
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    return out;
}

Result<Form> parseFormUrlEncoded(std::string_view body) {
    if (body.size() > kMaxFormBytes)
        return Error{"form_too_large", "Isian formulir terlalu besar.", "The form is too large."};
    Form out;
    while (!body.empty()) {
        const std::size_t end = body.find('&');
        const std::string_view piece = body.substr(0, end);
        body = end == std::string_view::npos ? std::string_view() : body.substr(end + 1);
        if (piece.empty()) continue;
        if (out.size() >= kMaxFormFields) return badForm();
        const std::size_t eq = piece.find('=');
        auto name = percentDecode(piece.substr(0, eq), true);
        if (!name) return name.error();
        auto value = percentDecode(
            eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1), true);
        if (!value) return value.error();
        out.add(std::move(name.value()), std::move(value.value()));
    }
    return out;
}

std::vector<LanguageRange> parseAcceptLanguage(std::string_view header) {
    constexpr std::size_t kMaxRanges = 32;
    std::vector<LanguageRange> out;
    if (header.size() > 4096) header = header.substr(0, 4096);
    while (!header.empty() && out.size() < kMaxRanges) {
        const std::size_t end = header.find(',');
        std::string_view item = trim(header.substr(0, end));
        header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
        const std::size_t semi = item.find(';');
        std::string_view tag = trim(item.substr(0, semi));
        if (tag.empty() || tag.size() > 35) continue;
        const bool tag_ok = tag == "*" || std::all_of(tag.begin(), tag.end(), [](char c) {
                                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                       (c >= '0' && c <= '9') || c == '-';
                            });
        if (!tag_ok) continue;
        int weight = 1000;
        if (semi != std::string_view::npos) {
            std::string_view param = trim(item.substr(semi + 1));
            if (param.size() < 3 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=')
                continue;
            param.remove_prefix(2);
            // 0, 1, 0.x, 0.xy, 0.xyz, 1.0, 1.000
            if (param.empty() || param.size() > 5 || (param[0] != '0' && param[0] != '1')) continue;
            int value = (param[0] - '0') * 1000;
            bool ok = true;
            if (param.size() > 1) {
                if (param[1] != '.') ok = false;
                int scale = 100;
                for (std::size_t i = 2; ok && i < param.size(); ++i, scale /= 10) {
                    if (param[i] < '0' || param[i] > '9')
                        ok = false;
                    else
                        value += (param[i] - '0') * scale;
                }
            }
            if (!ok || value > 1000) continue;
            weight = value;
        }
        std::string lowered(tag);
        for (char& c : lowered)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        out.push_back({std::move(lowered), weight});
    }
    return out;
}

Lang pickLanguage(std::string_view accept_language) {
    int id = 0, en = 0;
    for (const LanguageRange& r : parseAcceptLanguage(accept_language)) {
        const std::string_view primary = std::string_view(r.tag).substr(0, r.tag.find('-'));
        if (primary == "id" || primary == "in") id = std::max(id, r.weight);
        if (primary == "en") en = std::max(en, r.weight);
    }
    return en > id ? Lang::en : Lang::id;
}

}  // namespace pekon::hub::web
