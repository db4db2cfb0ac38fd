#include "hub/hub_db_sqlite.hpp"

#include <unordered_map>

#include "codec/json.hpp"
#include "sqlite/sqlite.hpp"

namespace pekon::hub {

namespace {

class SqliteTx final : public HubTx {
  public:
    SqliteTx(sql::Connection& db, std::unordered_map<std::string_view, std::string>& texts)
        : db_(db), texts_(texts) {}

    Status exec(std::string_view sql, std::string_view doing) override {
        return db_.exec(sql, doing);
    }

    Result<RowSet> run(const HubSql& sql, const std::vector<SqlParam>& params,
                       std::string_view doing) override {
        auto stmt = db_.cached(textOf(sql.name, [&] { return render(sql.text, kSqliteDialect); }));
        if (!stmt) return stmt.error();
        int index = 0;
        for (const SqlParam& p : params) {
            ++index;
            if (auto* text = std::get_if<std::string>(&p))
                (*stmt)->bind(index, *text);
            else if (auto* number = std::get_if<std::int64_t>(&p))
                (*stmt)->bind(index, *number);
            else if (auto* list = std::get_if<std::vector<std::string>>(&p))
                (*stmt)->bind(index, dumpJson(Json(*list)));
            else
                (*stmt)->bindNull(index);
        }
        RowSet rows(sql.columns);
        int rc;
        while ((rc = (*stmt)->step()) == SQLITE_ROW)
            for (int c = 0; c < sql.columns; ++c)
                rows.add((*stmt)->isNull(c) ? std::nullopt
                                            : std::optional<std::string>((*stmt)->text(c)));
        if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, doing);
        rows.setAffected(sqlite3_changes(db_.handle()));
        return rows;
    }

    Result<std::int64_t> insert(const BulkInsert& table, const BulkRows& rows,
                                std::string_view doing) override {
        if (!rows.whole() || rows.width() != std::size(table.columns))
            return raggedRows(table, rows);
        const std::string& text = textOf(table.name, [&] {
            std::string columns, values;
            for (const BulkColumn& c : table.columns) {
                columns += (columns.empty() ? "" : ", ") + std::string(c.name);
                values += values.empty() ? "?" : ", ?";
            }
            return "INSERT INTO " + std::string(table.table) + " (" + columns + ") VALUES (" +
                   values + ") " + table.tail;
        });
        auto stmt = db_.cached(text);  // one statement, reset after each row
        if (!stmt) return stmt.error();
        std::int64_t inserted = 0;
        for (size_t r = 0; r < rows.rows(); ++r) {
            for (size_t c = 0; c < rows.width(); ++c) {
                const int index = static_cast<int>(c + 1);
                const BulkRows::Cell& cell = rows.at(r, c);
                if (auto* t = std::get_if<std::string_view>(&cell))
                    (*stmt)->bind(index, *t);
                else if (auto* n = std::get_if<std::int64_t>(&cell))
                    (*stmt)->bind(index, *n);
                else
                    (*stmt)->bindNull(index);
            }
            if (auto s = (*stmt)->run(doing); !s) return s.error();
            inserted += sqlite3_changes(db_.handle());
            (*stmt)->reset();
        }
        return inserted;
    }

  private:
    template <class Make>
    const std::string& textOf(const char* name, Make&& make) {
        auto it = texts_.find(name);
        if (it == texts_.end()) it = texts_.emplace(name, make()).first;
        return it->second;
    }

    sql::Connection& db_;
    std::unordered_map<std::string_view, std::string>& texts_;  // by statement name
};

class SqliteHubDb final : public HubDb {
  public:
    explicit SqliteHubDb(sql::Connection db) : db_(std::move(db)) {}

    bool concurrent() const override { return false; }
    const SqlDialect& dialect() const override { return kSqliteDialect; }

    Status transaction(TxMode mode, const std::function<Status(HubTx&)>& work) override {
        SqliteTx tx(db_, texts_);
        if (mode == TxMode::autocommit) return work(tx);
        auto begun = sql::Transaction::begin(db_);
        if (!begun) return begun.error();
        if (auto s = work(tx); !s) return s;  // rolled back as `begun` ends
        return begun->commit();
    }

    void refreshPlannerStats() override {
        // At most 1,000 rows of each index sampled: ANALYZE stays quick at any size.
        if (db_.exec("PRAGMA analysis_limit = 1000", "sample the statistics"))
            (void)db_.exec("ANALYZE", "refresh the planner's statistics");
    }

  private:
    sql::Connection db_;
    std::unordered_map<std::string_view, std::string> texts_;
};

}  // namespace

Result<std::unique_ptr<HubDb>> openSqliteHubDb(const std::string& path) {
    if (auto s = sql::secureFile(path); !s) return s.error();
    auto db = sql::Connection::open(path, false);
    if (!db) return db.error();
    // WAL with a full sync at each commit: an acknowledged batch is on disk, at one fsync per
    // batch; readers (changes, stats) never wait for a push.
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                               "PRAGMA cache_size = -65536", "PRAGMA wal_autocheckpoint = 8192"})
        if (auto s = db->exec(pragma, "set up the hub database"); !s) return s.error();
    return std::unique_ptr<HubDb>(std::make_unique<SqliteHubDb>(std::move(db.value())));
}

}  // namespace pekon::hub
