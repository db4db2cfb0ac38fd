#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.hpp"

namespace pekon::sql {

// An error from SQLite as a Pekon Error (code `db_error`, or `db_full` / `db_busy` /
// `db_readonly`), with SQLite's own text appended for support staff.
Error sqliteError(sqlite3* db, int rc, std::string_view doing);

// Creates the database file owner-only (0600) before SQLite touches it. An existing one and
// its -wal/-shm/-journal files (SQLite gives those the main file's mode) lose any group and
// other permissions; no permission is ever added (a read-only file stays read-only).
Status secureFile(const std::string& path);

// A prepared statement. Bind with 1-based indexes; step() returns SQLITE_ROW / SQLITE_DONE
// or an error code. reset() before reuse.
class Stmt {
  public:
    Stmt() = default;
    Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    Stmt(Stmt&& other) noexcept;
    Stmt& operator=(Stmt&& other) noexcept;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt();

    Stmt& bind(int index, std::string_view text);
    Stmt& bind(int index, std::int64_t value);
    Stmt& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Stmt& bindNull(int index);

    int step();
    void reset();

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    bool isNull(int column) const;

    // Steps to completion; an error unless SQLITE_DONE.
    Status run(std::string_view doing);

  private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

// A statement borrowed from a connection's cache; reset when the lease ends, so no read
// transaction outlives the call that used it.
class CachedStmt {
  public:
    explicit CachedStmt(Stmt* stmt) : stmt_(stmt) {}
    CachedStmt(CachedStmt&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
    CachedStmt& operator=(CachedStmt&&) = delete;
    ~CachedStmt() {
        if (stmt_) stmt_->reset();
    }
    Stmt* operator->() const { return stmt_; }
    Stmt& operator*() const { return *stmt_; }

  private:
    Stmt* stmt_;
};

// A connection. Not shared between threads: each thread opens its own.
class Connection {
  public:
    Connection() = default;
    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    ~Connection();

    // `immutable` (read-only implied): SQLite's `immutable=1` URI, which reads the main file
    // alone and creates no -wal or -shm; only for a file nobody can be writing.
    static Result<Connection> open(const std::string& path, bool read_only, bool immutable = false);

    sqlite3* handle() const { return db_; }
    Status exec(std::string_view sql, std::string_view doing);

    // A statement from the connection's cache (keyed by its text), with bindings cleared.
    Result<CachedStmt> cached(std::string_view sql);
    Result<Stmt> prepare(std::string_view sql);

    // The single text (or integer) a one-row query yields.
    Result<std::string> queryText(std::string_view sql);
    Result<std::int64_t> queryInt(std::string_view sql);

  private:
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back when destroyed without commit().
class Transaction {
  public:
    static Result<Transaction> begin(Connection& connection);
    Transaction(Transaction&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Status commit();

  private:
    explicit Transaction(Connection* connection) : conn_(connection) {}
    Connection* conn_;
};

}  // namespace pekon::sql
