#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"
#include "hub/hub_dialect.hpp"

// The small transaction interface every hub operation is written once against (hub_ops_*).
// A backend (hub_db_sqlite, hub_db_postgres) is an adapter: its connection, how it runs a
// statement of hub_dialect's neutral form, and how it inserts many rows at once.
namespace pekon::hub {

// A statement in hub_dialect's neutral form. `name` names it once per connection (PostgreSQL
// prepares it under that name); `columns` is how many columns each row it yields has.
struct HubSql {
    const char* name;
    const char* text;
    int columns = 0;
};

// A parameter: NULL, text, a 64-bit integer, or a list of texts (for `{in ?}`).
using SqlParam = std::variant<std::monostate, std::string, std::int64_t, std::vector<std::string>>;
SqlParam textOrNull(const std::string& text);  // "" -> NULL

// The rows a statement yielded (all text, or NULL), and how many rows it changed.
class RowSet {
  public:
    RowSet(int columns = 0) : columns_(columns) {}
    int count() const { return columns_ ? static_cast<int>(cells_.size()) / columns_ : 0; }
    std::string text(int row, int column) const;  // "" for NULL
    std::int64_t integer(int row, int column) const;
    bool isNull(int row, int column) const { return !cell(row, column).has_value(); }
    std::int64_t affected() const { return affected_; }

    void add(std::optional<std::string> cell) { cells_.push_back(std::move(cell)); }
    void setAffected(std::int64_t rows) { affected_ = rows; }

  private:
    const std::optional<std::string>& cell(int row, int column) const {
        return cells_[static_cast<size_t>(row * columns_ + column)];
    }
    int columns_;
    std::vector<std::optional<std::string>> cells_;
    std::int64_t affected_ = 0;
};

// A table's rows to insert in one go: its columns (with their PostgreSQL types: text,
// bigint, integer) and what follows the rows (an ON CONFLICT clause, or ""). Rows are
// inserted in the order given, so serial keys follow it.
struct BulkColumn {
    const char* name;
    const char* pg_type;
};
struct BulkInsert {
    const char* name;
    const char* table;
    std::span<const BulkColumn> columns;
    const char* tail;
};

// The cells of the rows, row after row; texts are borrowed and must outlive the insert.
class BulkRows {
  public:
    using Cell = std::variant<std::monostate, std::string_view, std::int64_t>;
    explicit BulkRows(size_t width) : width_(width) {}
    BulkRows& text(std::string_view value) { return add(value); }
    BulkRows& textOrNull(std::string_view value);  // "" -> NULL
    BulkRows& integer(std::int64_t value) { return add(value); }
    BulkRows& integerOrNull(std::optional<std::int64_t> value);
    size_t width() const { return width_; }
    size_t rows() const { return width_ ? cells_.size() / width_ : 0; }
    // Every row has all its cells (a row left short would shift every cell after it).
    bool whole() const { return width_ && cells_.size() % width_ == 0; }
    const Cell& at(size_t row, size_t column) const { return cells_[row * width_ + column]; }

  private:
    BulkRows& add(Cell cell) {
        cells_.push_back(cell);
        return *this;
    }
    size_t width_;
    std::vector<Cell> cells_;
};

// What both backends answer when `rows` do not fit `table`: a program error, refused before
// anything is written.
Error raggedRows(const BulkInsert& table, const BulkRows& rows);

// One transaction (or, for TxMode::autocommit, statements each on their own).
class HubTx {
  public:
    virtual ~HubTx() = default;
    // Statements without parameters, several at once (the schema's DDL).
    virtual Status exec(std::string_view sql, std::string_view doing) = 0;
    // Runs a statement with its parameters, in order.
    virtual Result<RowSet> run(const HubSql& sql, const std::vector<SqlParam>& params,
                               std::string_view doing) = 0;
    // Inserts the rows; how many were inserted (an ON CONFLICT DO NOTHING may skip some).
    virtual Result<std::int64_t> insert(const BulkInsert& table, const BulkRows& rows,
                                        std::string_view doing) = 0;
};

enum class TxMode {
    autocommit,  // no transaction: each statement stands alone (single reads)
    read,        // a transaction
    write,       // a transaction holding the hub's write lock (writers of events, changes...)
    schema,      // a transaction holding the schema lock (creating or migrating the schema)
};

// A backend: runs work in a transaction, committing when it succeeds and rolling back when
// it fails. Nothing is returned before the commit.
class HubDb {
  public:
    virtual ~HubDb() = default;
    // Whether calls may come from several threads at once.
    virtual bool concurrent() const = 0;
    virtual const SqlDialect& dialect() const = 0;
    virtual Status transaction(TxMode mode, const std::function<Status(HubTx&)>& work) = 0;
    // Brings the query planner's statistics up to date (SQLite: a sampled ANALYZE, some
    // milliseconds at a million members; PostgreSQL: nothing, its autovacuum keeps them).
    // Without them SQLite may read the dashboard's figures through the wrong index. Best
    // effort: a store that is busy keeps the statistics it had.
    virtual void refreshPlannerStats() {}
};

// `work(HubTx&)` returning Result<T>, in a transaction of `mode`; its value after the commit.
template <class T, class Work>
Result<T> inTx(HubDb& db, TxMode mode, Work&& work) {
    std::optional<T> out;
    auto done = db.transaction(mode, [&](HubTx& tx) -> Status {
        Result<T> r = work(tx);
        if (!r) return r.error();
        out.emplace(std::move(r.value()));
        return {};
    });
    if (!done) return done.error();
    return std::move(*out);
}

}  // namespace pekon::hub
