#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/result.hpp"

// A thin libpq layer for pekon-hub's PostgreSQL store: one connection, parameterised
// statements only (prepared once per connection), results owned, errors as values. Errors
// carry PostgreSQL's SQLSTATE and primary message, never its DETAIL (which can quote the
// values of a row, and so a NIK).
namespace pekon::hub::pg {

// A parameter in text form, or SQL NULL.
using Param = std::optional<std::string>;

// A named statement; prepared on a connection the first time it is used there. Parameter
// types come from casts in the text (`$1::text[]`).
struct Statement {
    const char* name;
    const char* sql;
};

// An owned query result.
class Rows {
  public:
    explicit Rows(PGresult* result) : result_(result) {}
    Rows(Rows&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
    Rows& operator=(Rows&& other) noexcept;
    Rows(const Rows&) = delete;
    Rows& operator=(const Rows&) = delete;
    ~Rows() { PQclear(result_); }

    int count() const { return PQntuples(result_); }
    int columns() const { return PQnfields(result_); }
    std::string text(int row, int column) const;
    std::int64_t integer(int row, int column) const;
    bool isNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
    // Rows an INSERT/UPDATE/DELETE touched.
    std::int64_t affected() const;
    // The command tag: "COMMIT", or "ROLLBACK" when a failed transaction was ended.
    std::string command() const { return PQcmdStatus(result_); }

  private:
    PGresult* result_;
};

class Connection {
  public:
    // Connects (10 s timeout unless the URL sets connect_timeout; UTF-8). A server that cannot
    // be reached, or refuses the login: `postgres_unreachable`.
    static Result<Connection> open(const std::string& url);
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() { PQfinish(conn_); }

    // Reconnects when the link was lost (`postgres_unreachable` when it cannot).
    Status ensureOpen();

    // Runs a statement without parameters; several may be given at once (BEGIN, DDL).
    Result<Rows> exec(const char* sql, std::string_view doing);
    // Whether a statement of this name is prepared on this connection.
    bool prepared(std::string_view name) const { return prepared_.count(std::string(name)) != 0; }
    // Runs a parameterised statement (prepared on this connection on first use).
    Result<Rows> run(const Statement& statement, const std::vector<Param>& params,
                     std::string_view doing);

  private:
    explicit Connection(PGconn* conn) : conn_(conn) {}
    Result<Rows> check(PGresult* result, std::string_view doing);

    PGconn* conn_ = nullptr;
    std::unordered_set<std::string> prepared_;
};

// COMMIT, checked to have committed (not ended a failed transaction).
Status commit(Connection& db);

// Runs `work` (returning Result<T>) between `begin_sql` ("BEGIN" and whatever must run first
// in the transaction, such as taking a lock) and COMMIT; when anything fails, ROLLBACK and
// that error. The result is returned only after the commit.
template <class T, class Work>
Result<T> inTransaction(Connection& db, const char* begin_sql, Work&& work) {
    if (auto begun = db.exec(begin_sql, "begin"); !begun) {
        (void)db.exec("ROLLBACK", "rollback");  // when BEGIN ran but what followed failed
        return begun.error();
    }
    Result<T> result = work();
    if (!result) {
        (void)db.exec("ROLLBACK", "rollback");
        return result;
    }
    if (auto s = commit(db); !s) return s.error();
    return result;
}

// A PostgreSQL array literal (`{"a","b",NULL}`) built element by element, for passing a
// whole column of a batch as one parameter (`unnest($1::text[])`).
class ArrayLiteral {
  public:
    ArrayLiteral& add(std::string_view text);
    ArrayLiteral& add(std::int64_t value);
    ArrayLiteral& addNull();
    std::string done() const { return text_ + "}"; }

  private:
    void separate();
    std::string text_ = "{";
    bool first_ = true;
};

}  // namespace pekon::hub::pg
