#include "hub/web/html.hpp"

namespace pekon::hub::web {

namespace {

// The length of the valid UTF-8 sequence at `s[i]`, or 0; `shown` false for a code point
// written as the replacement character all the same.
std::size_t utf8Length(std::string_view s, std::size_t i, bool& shown) {
    shown = true;
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n;
    unsigned min;
    if (b < 0x80) return 1;
    if (b >= 0xc2 && b <= 0xdf)
        n = 2, min = 0x80;
    else if (b >= 0xe0 && b <= 0xef)
        n = 3, min = 0x800;
    else if (b >= 0xf0 && b <= 0xf4)
        n = 4, min = 0x10000;
    else
        return 0;
    if (i + n > s.size()) return 0;
    unsigned cp = b & (0x7f >> n);
    for (std::size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    // Bidi overrides and isolates (U+202A..U+202E, U+2066..U+2069) could reorder what staff
    // read: shown as the replacement character.
    shown = !((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069));
    return n;
}

}  // namespace

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        switch (c) {
            case '&':
                out += "&amp;";
                ++i;
                continue;
            case '<':
                out += "&lt;";
                ++i;
                continue;
            case '>':
                out += "&gt;";
                ++i;
                continue;
            case '"':
                out += "&quot;";
                ++i;
                continue;
            case '\'':
                out += "&#39;";
                ++i;
                continue;
            default:
                break;
        }
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7f) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        bool shown = true;
        const std::size_t n = utf8Length(text, i, shown);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else if (!shown) {
            out += "\xEF\xBF\xBD";
            i += n;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

void Html::attrs(std::initializer_list<Attr> list) {
    for (const Attr& a : list) {
        if (!a.name || !*a.name) continue;
        out_ += ' ';
        out_ += a.name;
        if (a.value.data() == nullptr) continue;
        out_ += "=\"";
        out_ += escapeHtml(a.value);
        out_ += '"';
    }
}

Html& Html::open(const char* name, std::initializer_list<Attr> list) {
    out_ += '<';
    out_ += name;
    attrs(list);
    out_ += '>';
    return *this;
}

Html& Html::close(const char* name) {
    out_ += "</";
    out_ += name;
    out_ += '>';
    return *this;
}

Html& Html::el(const char* name, std::initializer_list<Attr> list, std::string_view body) {
    open(name, list);
    out_ += escapeHtml(body);
    return close(name);
}

Html& Html::empty(const char* name, std::initializer_list<Attr> list) {
    return open(name, list);
}

Html& Html::input(std::string_view label, std::initializer_list<Attr> list) {
    open("label").text(label);
    empty("input", list);
    return close("label");
}

Html& Html::text(std::string_view body) {
    out_ += escapeHtml(body);
    return *this;
}

Html& Html::raw(std::string_view markup) {
    out_ += markup;
    return *this;
}

Html& Html::hidden(const char* name, std::string_view value) {
    return empty("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
}

}  // namespace pekon::hub::web
