#include "hub/pg_connection.hpp"

#include <cstdlib>
#include <cstring>

#include "core/number.hpp"

namespace pekon::hub::pg {

namespace {

// The first line of a libpq message (later lines can carry DETAIL with a row's values).
std::string firstLine(const char* text) {
    std::string line = text ? text : "";
    line = line.substr(0, line.find('\n'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    return line.empty() ? std::string("no message") : line;
}

Error unreachable(const std::string& why) {
    std::string id = "Server PostgreSQL tidak bisa dihubungi atau menolak masuk (";
    std::string en = "The PostgreSQL server cannot be reached or refused the login (";
    id.append(why).append(").");
    en.append(why).append(").");
    return Error{"postgres_unreachable", id, en};
}

Error queryError(PGconn* conn, const PGresult* result, std::string_view doing) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string sqlstate = state ? state : "";
    const std::string message = primary ? firstLine(primary) : firstLine(PQerrorMessage(conn));
    // The link is gone (or the server is shutting down): the caller may try again later.
    if (PQstatus(conn) == CONNECTION_BAD || sqlstate.starts_with("08") ||
        sqlstate.starts_with("57P"))
        return unreachable(message);
    std::string code_note = " [PostgreSQL ";
    code_note.append(sqlstate.empty() ? "?" : sqlstate).append("]");
    std::string detail = " (";
    detail.append(doing).append(": ").append(message).append(")").append(code_note);
    if (sqlstate == "53100")
        return Error{"db_full",
                     std::string("Penyimpanan server penuh; data tidak tersimpan.") + code_note,
                     std::string("The server's storage is full; nothing was saved.") + detail};
    if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03")
        return Error{"db_busy", std::string("Basis data sedang sibuk; coba lagi.") + code_note,
                     std::string("The database is busy; try again.") + detail};
    return Error{"db_error", std::string("Kesalahan basis data.") + code_note,
                 std::string("Database error.") + detail};
}

void ignoreNotice(void*, const char*) {}  // "relation already exists, skipping" and the like

// `bad_db_url` unless libpq can parse `url`.
Status checkUrl(const std::string& url) {
    char* problem = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &problem);
    if (options) {
        PQconninfoFree(options);
        return {};
    }
    const std::string why = firstLine(problem);
    PQfreemem(problem);
    return Error{"bad_db_url", std::string("Alamat basis data PostgreSQL tidak sah: ") + why,
                 std::string("The PostgreSQL database URL is not valid: ") + why};
}

// libpq takes parameters as C strings: a NUL inside one would cut it short silently.
Status pointersTo(const std::vector<Param>& params, std::vector<const char*>& out) {
    out.clear();
    for (const Param& p : params) {
        if (p && std::memchr(p->data(), '\0', p->size()))
            return Error{"db_error", "Teks dengan karakter NUL tidak bisa disimpan.",
                         "Text with a NUL character cannot be stored."};
        out.push_back(p ? p->c_str() : nullptr);
    }
    return {};
}

}  // namespace

Rows& Rows::operator=(Rows&& other) noexcept {
    if (this != &other) {
        PQclear(result_);
        result_ = other.result_;
        other.result_ = nullptr;
    }
    return *this;
}

std::string Rows::text(int row, int column) const {
    return std::string(PQgetvalue(result_, row, column),
                       static_cast<size_t>(PQgetlength(result_, row, column)));
}

std::int64_t Rows::integer(int row, int column) const {
    return parseNumber<std::int64_t>(text(row, column)).value_or(0);
}

std::int64_t Rows::affected() const {
    const char* n = PQcmdTuples(result_);
    return n ? parseNumber<std::int64_t>(n).value_or(0) : 0;
}

Result<Connection> Connection::open(const std::string& url) {
    if (auto s = checkUrl(url); !s) return s.error();
    // Later keywords win: the URL may set its own timeout and name, the encoding is fixed.
    const char* keys[] = {"connect_timeout", "application_name", "dbname", "client_encoding",
                          nullptr};
    const char* values[] = {"10", "pekon-hub", url.c_str(), "UTF8", nullptr};
    PGconn* conn = PQconnectdbParams(keys, values, 1);
    if (!conn) return unreachable("out of memory");
    if (PQstatus(conn) != CONNECTION_OK) {
        Error e = unreachable(firstLine(PQerrorMessage(conn)));
        PQfinish(conn);
        return e;
    }
    PQsetNoticeProcessor(conn, ignoreNotice, nullptr);
    return Connection(conn);
}

Connection::Connection(Connection&& other) noexcept
    : conn_(other.conn_), prepared_(std::move(other.prepared_)) {
    other.conn_ = nullptr;
}

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        PQfinish(conn_);
        conn_ = other.conn_;
        prepared_ = std::move(other.prepared_);
        other.conn_ = nullptr;
    }
    return *this;
}

Status Connection::ensureOpen() {
    if (PQstatus(conn_) == CONNECTION_OK) return {};
    prepared_.clear();  // a new session has none of them
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) return unreachable(firstLine(PQerrorMessage(conn_)));
    PQsetNoticeProcessor(conn_, ignoreNotice, nullptr);
    return {};
}

Result<Rows> Connection::check(PGresult* result, std::string_view doing) {
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Rows(result);
    Error e = queryError(conn_, result, doing);
    PQclear(result);
    return e;
}

Result<Rows> Connection::exec(const char* sql, std::string_view doing) {
    return check(PQexec(conn_, sql), doing);
}

Result<Rows> Connection::run(const Statement& statement, const std::vector<Param>& params,
                             std::string_view doing) {
    std::vector<const char*> values;
    if (auto s = pointersTo(params, values); !s) return s.error();
    if (!prepared_.count(statement.name)) {
        auto prepared = check(PQprepare(conn_, statement.name, statement.sql, 0, nullptr), doing);
        if (!prepared) return prepared.error();
        prepared_.insert(statement.name);
    }
    return check(PQexecPrepared(conn_, statement.name, static_cast<int>(values.size()),
                                values.data(), nullptr, nullptr, 0),
                 doing);
}

Status commit(Connection& db) {
    auto done = db.exec("COMMIT", "commit");
    if (!done) return done.error();
    if (done->command() != "COMMIT")
        return Error{"db_error", "Transaksi basis data dibatalkan.",
                     "The database transaction was rolled back."};
    return {};
}

void ArrayLiteral::separate() {
    if (!first_) text_ += ',';
    first_ = false;
}

ArrayLiteral& ArrayLiteral::add(std::string_view text) {
    separate();
    text_ += '"';
    for (char c : text) {
        if (c == '"' || c == '\\') text_ += '\\';
        text_ += c;
    }
    text_ += '"';
    return *this;
}

ArrayLiteral& ArrayLiteral::add(std::int64_t value) {
    separate();
    text_ += std::to_string(value);
    return *this;
}

ArrayLiteral& ArrayLiteral::addNull() {
    separate();
    text_ += "NULL";
    return *this;
}

}  // namespace pekon::hub::pg
