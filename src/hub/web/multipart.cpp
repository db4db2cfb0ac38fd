#include "hub/web/multipart.hpp"

#include <algorithm>

namespace pekon::hub::web {

namespace {

Error bad() {
    return Error{"bad_multipart", "Berkas unggahan tidak terbaca.", "The upload is unreadable."};
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The `key=value` parameters after the first ';' of a header value (`form-data; name="a"`),
// values unquoted (a backslash escapes the next character). Nothing on malformed input.
std::optional<Form> headerParameters(std::string_view value) {
    Form out;
    std::size_t i = value.find(';');
    if (i == std::string_view::npos) return out;
    ++i;
    while (i < value.size()) {
        while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == ';')) ++i;
        if (i >= value.size()) break;
        const std::size_t eq = value.find('=', i);
        if (eq == std::string_view::npos) return std::nullopt;
        const std::string key = lower(trim(value.substr(i, eq - i)));
        if (key.empty()) return std::nullopt;
        i = eq + 1;
        std::string v;
        if (i < value.size() && value[i] == '"') {
            ++i;
            bool closed = false;
            while (i < value.size()) {
                char c = value[i++];
                if (c == '\\' && i < value.size()) {
                    v.push_back(value[i++]);
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    v.push_back(c);
                }
            }
            if (!closed) return std::nullopt;
        } else {
            const std::size_t end = value.find(';', i);
            v = std::string(
                trim(value.substr(i, end == std::string_view::npos ? value.npos : end - i)));
            i = end == std::string_view::npos ? value.size() : end;
        }
        if (out.size() >= 16) return std::nullopt;
        out.add(key, std::move(v));
    }
    return out;
}

bool boundaryChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

}  // namespace

Result<std::string> multipartBoundary(std::string_view content_type) {
    if (content_type.size() > 1024) return bad();
    const std::size_t semi = content_type.find(';');
    if (lower(trim(content_type.substr(0, semi))) != "multipart/form-data") return bad();
    auto params = headerParameters(content_type);
    if (!params) return bad();
    auto boundary = params->get("boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70 || boundary->back() == ' ' ||
        !std::all_of(boundary->begin(), boundary->end(), boundaryChar))
        return bad();
    return *boundary;
}

Result<MultipartBody> parseMultipart(std::string_view body, std::string_view boundary) {
    if (body.size() > kMaxUploadBytes)
        return Error{"upload_too_large", "Berkas unggahan terlalu besar.",
                     "The upload is too large."};
    if (boundary.empty()) return bad();
    const std::string first = "--" + std::string(boundary);
    const std::string delimiter = "\r\n" + first;
    // The body starts with the first delimiter (a preamble is allowed before a CRLF one).
    std::size_t pos;
    if (body.substr(0, first.size()) == first) {
        pos = first.size();
    } else {
        pos = body.find(delimiter);
        if (pos == std::string_view::npos) return bad();
        pos += delimiter.size();
    }
    MultipartBody out;
    std::size_t text_bytes = 0, parts = 0;
    for (;;) {
        // After a delimiter: "--" ends the body, CRLF starts a part (transport padding of
        // spaces and tabs allowed before either).
        while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
        if (body.substr(pos, 2) == "--") return out;
        if (body.substr(pos, 2) != "\r\n") return bad();
        pos += 2;
        if (++parts > kMaxMultipartParts) return bad();
        const std::size_t head_end = body.find("\r\n\r\n", pos);
        const bool no_headers = body.substr(pos, 2) == "\r\n";
        if (!no_headers &&
            (head_end == std::string_view::npos || head_end - pos > kMaxPartHeaderBytes))
            return bad();
        std::string_view head = no_headers ? std::string_view() : body.substr(pos, head_end - pos);
        pos = no_headers ? pos + 2 : head_end + 4;
        std::optional<Form> disposition;
        std::string content_type;
        while (!head.empty()) {
            const std::size_t eol = head.find("\r\n");
            const std::string_view line = head.substr(0, eol);
            head = eol == std::string_view::npos ? std::string_view() : head.substr(eol + 2);
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos) return bad();
            const std::string name = lower(trim(line.substr(0, colon)));
            const std::string_view value = trim(line.substr(colon + 1));
            if (name == "content-disposition") {
                if (disposition || lower(trim(value.substr(0, value.find(';')))) != "form-data")
                    return bad();
                disposition = headerParameters(value);
                if (!disposition) return bad();
            } else if (name == "content-type") {
                content_type = std::string(value.substr(0, 200));
            }
        }
        const std::size_t end = body.find(delimiter, pos);
        if (end == std::string_view::npos) return bad();
        const std::string_view data = body.substr(pos, end - pos);
        pos = end + delimiter.size();
        if (!disposition) return bad();
        auto field = disposition->get("name");
        if (!field || field->empty()) return bad();
        if (auto filename = disposition->get("filename")) {
            if (out.file) return bad();
            out.file =
                UploadedFile{*field, filename->substr(0, 255), content_type, std::string(data)};
        } else {
            text_bytes += data.size();
            if (text_bytes > kMaxFormBytes) return bad();
            out.fields.add(*field, std::string(data));
        }
    }
}

}  // namespace pekon::hub::web
