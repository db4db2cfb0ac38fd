#include "hub/hub_tx.hpp"

#include <charconv>

namespace pekon::hub {

Error raggedRows(const BulkInsert& table, const BulkRows& rows) {
    const std::string what = std::string(table.name) + ": " + std::to_string(rows.width()) +
                             " cells a row for " + std::to_string(table.columns.size()) +
                             " columns, or a row left short";
    return Error{"bulk_rows_ragged", "Kesalahan program pekon-hub (" + what + ").",
                 "A pekon-hub program error (" + what + ")."};
}

SqlParam textOrNull(const std::string& text) {
    return text.empty() ? SqlParam() : SqlParam(text);
}

std::string RowSet::text(int row, int column) const {
    const auto& c = cell(row, column);
    return c ? *c : std::string();
}

std::int64_t RowSet::integer(int row, int column) const {
    const auto& c = cell(row, column);
    std::int64_t value = 0;
    if (c) std::from_chars(c->data(), c->data() + c->size(), value);
    return value;
}

BulkRows& BulkRows::textOrNull(std::string_view value) {
    return value.empty() ? add(std::monostate()) : add(value);
}

BulkRows& BulkRows::integerOrNull(std::optional<std::int64_t> value) {
    return value ? add(*value) : add(std::monostate());
}

}  // namespace pekon::hub
