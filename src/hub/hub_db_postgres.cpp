#include "hub/hub_db_postgres.hpp"

#include <algorithm>

#include "hub/pg_connection.hpp"
#include "hub/pg_pool.hpp"

namespace pekon::hub {

namespace {

// Transaction-scoped advisory locks (key space "Peko"): one for creating the schema, one
// that every writer of registrations and changes holds until its commit.
constexpr const char* kBeginSchema = "BEGIN; SELECT pg_advisory_xact_lock(1348823919, 1)";
constexpr const char* kBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(1348823919, 2)";

pg::Param textOf(const SqlParam& p) {
    if (auto* text = std::get_if<std::string>(&p)) return *text;
    if (auto* number = std::get_if<std::int64_t>(&p)) return std::to_string(*number);
    if (auto* list = std::get_if<std::vector<std::string>>(&p)) {
        pg::ArrayLiteral array;
        for (const std::string& item : *list) array.add(item);
        return array.done();
    }
    return std::nullopt;
}

// INSERT ... SELECT over one array per column, in the rows' order.
std::string bulkSql(const BulkInsert& table) {
    std::string columns, arrays, selected;
    int n = 0;
    for (const BulkColumn& c : table.columns) {
        const std::string sep = n ? ", " : "";
        columns += sep + c.name;
        arrays += sep + "$" + std::to_string(++n) + "::" + c.pg_type + "[]";
        selected += sep + "u." + c.name;
    }
    return "INSERT INTO " + std::string(table.table) + " (" + columns + ") SELECT " + selected +
           " FROM unnest(" + arrays + ") WITH ORDINALITY AS u (" + columns +
           ", pekon_row) ORDER BY u.pekon_row " + table.tail;
}

class PostgresTx final : public HubTx {
  public:
    explicit PostgresTx(pg::Connection& db) : db_(db) {}

    Status exec(std::string_view sql, std::string_view doing) override {
        auto done = db_.exec(std::string(sql).c_str(), doing);
        if (!done) return done.error();
        return {};
    }

    Result<RowSet> run(const HubSql& sql, const std::vector<SqlParam>& params,
                       std::string_view doing) override {
        std::vector<pg::Param> values;
        values.reserve(params.size());
        for (const SqlParam& p : params) values.push_back(textOf(p));
        const std::string text =
            db_.prepared(sql.name) ? std::string() : render(sql.text, kPostgresDialect);
        auto rows = db_.run(pg::Statement{sql.name, text.c_str()}, values, doing);
        if (!rows) return rows.error();
        RowSet out(rows->columns());
        for (int r = 0; r < rows->count(); ++r)
            for (int c = 0; c < rows->columns(); ++c)
                out.add(rows->isNull(r, c) ? std::nullopt
                                           : std::optional<std::string>(rows->text(r, c)));
        out.setAffected(rows->affected());
        return out;
    }

    Result<std::int64_t> insert(const BulkInsert& table, const BulkRows& rows,
                                std::string_view doing) override {
        if (!rows.whole() || rows.width() != std::size(table.columns))
            return raggedRows(table, rows);
        std::vector<pg::ArrayLiteral> columns(rows.width());
        for (size_t r = 0; r < rows.rows(); ++r)
            for (size_t c = 0; c < rows.width(); ++c) {
                const BulkRows::Cell& cell = rows.at(r, c);
                if (auto* t = std::get_if<std::string_view>(&cell))
                    columns[c].add(*t);
                else if (auto* n = std::get_if<std::int64_t>(&cell))
                    columns[c].add(*n);
                else
                    columns[c].addNull();
            }
        std::vector<pg::Param> values;
        for (const pg::ArrayLiteral& column : columns) values.push_back(column.done());
        const std::string text = db_.prepared(table.name) ? std::string() : bulkSql(table);
        auto done = db_.run(pg::Statement{table.name, text.c_str()}, values, doing);
        if (!done) return done.error();
        return done->affected();
    }

  private:
    pg::Connection& db_;
};

class PostgresHubDb final : public HubDb {
  public:
    PostgresHubDb(std::string url, int connections, pg::Connection first)
        : pool_(std::move(url), connections, std::move(first)) {}

    bool concurrent() const override { return true; }
    const SqlDialect& dialect() const override { return kPostgresDialect; }

    Status transaction(TxMode mode, const std::function<Status(HubTx&)>& work) override {
        auto lease = pool_.take();
        if (!lease) return lease.error();
        PostgresTx tx(**lease);
        if (mode == TxMode::autocommit) return work(tx);
        const char* begin = mode == TxMode::write    ? kBeginWrite
                            : mode == TxMode::schema ? kBeginSchema
                                                     : "BEGIN";
        return pg::inTransaction<void>(**lease, begin, [&] { return work(tx); });
    }

  private:
    pg::Pool pool_;
};

}  // namespace

Result<std::unique_ptr<HubDb>> openPostgresHubDb(const std::string& url, int connections) {
    auto first = pg::Connection::open(url);
    if (!first) return first.error();
    return std::unique_ptr<HubDb>(
        std::make_unique<PostgresHubDb>(url, std::max(1, connections), std::move(first.value())));
}

}  // namespace pekon::hub
