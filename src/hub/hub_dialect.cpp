#include "hub/hub_dialect.hpp"

namespace pekon::hub {

namespace {

// The text of the token starting at `at` (after its `{`) up to its `}`.
std::string_view tokenAt(std::string_view sql, size_t at, size_t& end) {
    end = sql.find('}', at);
    if (end == std::string_view::npos) end = sql.size();
    return sql.substr(at + 1, end - at - 1);
}

}  // namespace

std::string render(std::string_view sql, const SqlDialect& d) {
    std::string out;
    out.reserve(sql.size() + 64);
    int param = 0;
    auto parameter = [&] {
        if (d.numbered_params)
            out += '$' + std::to_string(++param);
        else
            out += '?';
    };
    for (size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '?') {
            parameter();
            continue;
        }
        if (c != '{') {
            out += c;
            continue;
        }
        size_t end = 0;
        const std::string_view token = tokenAt(sql, i, end);
        if (token == "in ?") {
            if (d.numbered_params) {
                out += "= ANY(";
                parameter();
                out += "::text[])";
            } else {
                out += "IN (SELECT value FROM json_each(?))";
            }
        } else if (token == "key") {
            out += d.key;
        } else if (token == "serial") {
            out += d.serial;
        } else if (token.starts_with("data.")) {
            out += d.data_field_prefix;
            out += token.substr(5);
            out += d.data_field_suffix;
        } else if (token == "without rowid") {
            if (!d.numbered_params) out += "WITHOUT ROWID";
        } else if (token.starts_with("+")) {
            if (!d.numbered_params) out += '+';
            out += token.substr(1);
        } else {
            out += sql.substr(i, end + 1 - i);  // not a token (a JSON literal, say): as written
        }
        i = end;
    }
    return out;
}

}  // namespace pekon::hub
