#pragma once

// The reference a benchmark prints beside Pekon's own rate, so that machines can be compared:
// the same rows inserted straight into a bare SQLite file (one table, its first column the
// text primary key, WAL with a full sync per commit like Pekon's databases), `per_transaction`
// rows a transaction, through one prepared statement.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace pekon::bench {

struct BareRows {
    std::string table;                 // e.g. "events"
    std::vector<std::string> columns;  // the first is the primary key
    std::vector<std::vector<std::string>> rows;
};

inline void bareCheck(sqlite3* db, int rc, const char* doing) {
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
    std::fprintf(stderr, "bare sqlite: %s: %s\n", doing, sqlite3_errmsg(db));
    std::exit(1);
}

// Rows per second.
inline double bareSqliteRate(const std::string& path, const BareRows& data,
                             size_t per_transaction) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    sqlite3* db = nullptr;
    bareCheck(db, sqlite3_open(path.c_str(), &db), "open");
    std::string create = "CREATE TABLE " + data.table + " (", insert = "INSERT INTO " +
                                                                        data.table + " VALUES (";
    for (size_t c = 0; c < data.columns.size(); ++c) {
        create += (c ? ", " : "") + data.columns[c] + (c ? "" : " TEXT PRIMARY KEY");
        insert += c ? ", ?" : "?";
    }
    for (const std::string& sql : {std::string("PRAGMA journal_mode = WAL"),
                                   std::string("PRAGMA synchronous = FULL"), create + ")"})
        bareCheck(db, sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), "set up");
    sqlite3_stmt* stmt = nullptr;
    bareCheck(db, sqlite3_prepare_v2(db, (insert + ")").c_str(), -1, &stmt, nullptr), "prepare");
    const auto start = std::chrono::steady_clock::now();
    for (size_t first = 0; first < data.rows.size(); first += per_transaction) {
        bareCheck(db, sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), "begin");
        for (size_t r = first; r < std::min(data.rows.size(), first + per_transaction); ++r) {
            for (size_t c = 0; c < data.columns.size(); ++c)
                sqlite3_bind_text(stmt, static_cast<int>(c + 1), data.rows[r][c].data(),
                                  static_cast<int>(data.rows[r][c].size()), SQLITE_STATIC);
            bareCheck(db, sqlite3_step(stmt), "insert");
            sqlite3_reset(stmt);
        }
        bareCheck(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), "commit");
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    return static_cast<double>(data.rows.size()) / seconds;
}

}  // namespace pekon::bench
