#include "core/csv.hpp"

namespace pekon {

Result<std::vector<CsvRow>> parseCsv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    bool in_quotes = false;
    bool row_has_content = false;
    size_t line = 1;
    size_t quote_line = 0;
    auto end_field = [&] {
        row.push_back(std::move(field));
        field.clear();
    };
    auto end_row = [&] {
        if (row_has_content || !row.empty()) {
            end_field();
            rows.push_back(std::move(row));
        }
        row.clear();
        field.clear();
        row_has_content = false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field.push_back(c);
            }
            continue;
        }
        switch (c) {
            case '"':
                in_quotes = true;
                quote_line = line;
                row_has_content = true;
                break;
            case ',':
                end_field();
                row_has_content = true;
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') break;
                [[fallthrough]];
            case '\n':
                end_row();
                ++line;
                break;
            default:
                field.push_back(c);
                row_has_content = true;
        }
    }
    if (in_quotes) {
        const std::string n = std::to_string(quote_line);
        return Error{"csv_unterminated_quote",
                     "CSV rusak: tanda kutip di baris " + n + " tidak ditutup.",
                     "Broken CSV: the quote opened on line " + n + " is never closed."};
    }
    end_row();
    return rows;
}

std::string csvField(std::string_view value) {
    // Quoted too: leading/trailing spaces, and a leading byte-order mark (a reader would
    // take it for the file's own).
    bool needs = !value.empty() && (value.front() == ' ' || value.back() == ' ' ||
                                    value.substr(0, 3) == "\xEF\xBB\xBF");
    for (char c : value) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') needs = true;
    }
    if (!needs) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string csvLine(const CsvRow& fields) {
    // A row of one empty field would be an empty line, which readers skip.
    if (fields.size() == 1 && fields[0].empty()) return "\"\"\n";
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out.push_back(',');
        out += csvField(fields[i]);
    }
    out.push_back('\n');
    return out;
}

}  // namespace pekon
