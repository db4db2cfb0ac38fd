#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

// HTML for the office console, built as text with everything that is not markup escaped:
// element text and attribute values always go through escapeHtml, so a name from the
// database such as `<script>alert(1)</script>"'` shows as those characters and does nothing.
// Tag and attribute names are the program's own literals.
namespace pekon::hub::web {

// & < > " ' as entities; invalid UTF-8 and control characters (but tab and line ends) as
// U+FFFD, so nothing a browser could read as markup or a bidi trick gets through raw.
std::string escapeHtml(std::string_view text);

// An attribute; one with an empty name is left out (for conditional ones:
// `{checked ? "checked" : "", ""}`), one with a null value is written bare.
struct Attr {
    const char* name;
    std::string_view value;
};

class Html {
  public:
    // <name attrs...>
    Html& open(const char* name, std::initializer_list<Attr> attrs = {});
    Html& close(const char* name);  // </name>
    // <name attrs...>text</name>
    Html& el(const char* name, std::initializer_list<Attr> attrs, std::string_view text);
    Html& el(const char* name, std::string_view text) { return el(name, {}, text); }
    // <name attrs...> without an end tag (input, meta, link, br).
    Html& empty(const char* name, std::initializer_list<Attr> attrs = {});
    // <label>label<input attrs...></label>: a form field with its visible name.
    Html& input(std::string_view label, std::initializer_list<Attr> attrs);
    Html& text(std::string_view text);  // escaped
    // Markup made by the program (another Html's output, an SVG it drew): never data.
    Html& raw(std::string_view markup);
    // <input type="hidden" name=... value=...>
    Html& hidden(const char* name, std::string_view value);

    const std::string& str() const { return out_; }
    std::string take() { return std::move(out_); }

  private:
    void attrs(std::initializer_list<Attr> attrs);
    std::string out_;
};

}  // namespace pekon::hub::web
