#include "hub/request_target.hpp"

namespace pekon::hub {

namespace {

Error badPath(const std::string& why) {
    return Error{"bad_path", "Alamat permintaan ditolak: " + why,
                 "The request path is refused: " + why};
}

bool printable(unsigned char c) {
    return c > 0x20 && c < 0x7f;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

Result<RequestTarget> parseRequestTarget(std::string_view raw) {
    for (unsigned char c : raw)
        if (!printable(c)) return badPath("a control, space or non-ASCII byte");
    if (raw.empty() || raw.front() != '/') return badPath("it does not start with /");
    const size_t question = raw.find('?');
    const std::string_view path = raw.substr(0, question);
    if (path.find('%') != std::string_view::npos) return badPath("percent-encoding in the path");
    if (path.find('\\') != std::string_view::npos) return badPath("a backslash in the path");
    // Each segment after a '/': none empty (except a lone "/"), none "." or "..".
    for (size_t start = 1; start <= path.size();) {
        const size_t end = std::min(path.find('/', start), path.size());
        const std::string_view segment = path.substr(start, end - start);
        if (segment == "." || segment == "..") return badPath("a dot segment");
        if (segment.empty() && path.size() > 1) return badPath("an empty segment (//)");
        start = end + 1;
    }
    RequestTarget target{std::string(path), ""};
    if (question != std::string_view::npos) target.query = std::string(raw.substr(question + 1));
    return target;
}

Result<std::optional<std::string>> queryParam(std::string_view query, std::string_view name) {
    for (size_t start = 0; start <= query.size();) {
        const size_t end = std::min(query.find('&', start), query.size());
        const std::string_view pair = query.substr(start, end - start);
        start = end + 1;
        const size_t equals = pair.find('=');
        if (pair.substr(0, equals) != name) continue;
        const std::string_view value =
            equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
        std::string decoded;
        for (size_t i = 0; i < value.size(); ++i) {
            if (value[i] != '%') {
                decoded += value[i];
                continue;
            }
            const int high = i + 2 < value.size() ? hexValue(value[i + 1]) : -1;
            const int low = i + 2 < value.size() ? hexValue(value[i + 2]) : -1;
            if (high < 0 || low < 0)
                return Error{"bad_request", "Parameter permintaan rusak.",
                             "A malformed query parameter."};
            decoded += static_cast<char>(high * 16 + low);
            i += 2;
        }
        return std::optional<std::string>(std::move(decoded));
    }
    return std::optional<std::string>();
}

}  // namespace pekon::hub
