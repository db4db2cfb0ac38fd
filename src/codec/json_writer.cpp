#include "codec/json_writer.hpp"

#include "core/text.hpp"

namespace pekon {

namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0.
size_t utf8Length(std::string_view text, size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t len = c < 0x80             ? 1
                       : (c & 0xE0) == 0xC0 ? 2
                       : (c & 0xF0) == 0xE0 ? 3
                       : (c & 0xF8) == 0xF0 ? 4
                                            : 0;
    if (len <= 1 || i + len > text.size()) return len == 1 ? 1 : 0;
    return isValidUtf8(text.substr(i, len)) ? len : 0;
}

}  // namespace

void appendJsonString(std::string& out, std::string_view v) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    for (size_t i = 0; i < v.size();) {
        const auto c = static_cast<unsigned char>(v[i]);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
            ++i;
        } else if (c < 0x20) {
            switch (c) {
                case '\n':
                    out += "\\n";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                default:
                    out += "\\u00";
                    out.push_back(kHex[c >> 4]);
                    out.push_back(kHex[c & 0xF]);
            }
            ++i;
        } else if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            ++i;
        } else if (const size_t len = utf8Length(v, i)) {
            out.append(v.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    out.push_back('"');
}

void JsonObjectWriter::key(std::string_view k) {
    if (!first_) out_.push_back(',');
    first_ = false;
    out_.push_back('"');
    out_.append(k);
    out_ += "\":";
}

JsonObjectWriter& JsonObjectWriter::field(std::string_view k, std::string_view value) {
    key(k);
    appendJsonString(out_, value);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::field(std::string_view k, std::int64_t value) {
    key(k);
    out_ += std::to_string(value);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::field(std::string_view k, bool value) {
    key(k);
    out_ += value ? "true" : "false";
    return *this;
}

JsonObjectWriter& JsonObjectWriter::raw(std::string_view k, const std::string& json) {
    key(k);
    out_ += json;
    return *this;
}

std::string JsonObjectWriter::finish() && {
    out_.push_back('}');
    return std::move(out_);
}

}  // namespace pekon
