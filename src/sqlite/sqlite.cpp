#include "sqlite/sqlite.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>

namespace pekon::sql {

Error sqliteError(sqlite3* db, int rc, std::string_view doing) {
    // SQLite's own text is English; it is kept for support staff in the English message.
    const std::string detail =
        " (" + std::string(doing) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)) + ")";
    const std::string code = " [SQLite " + std::to_string(rc) + "]";
    switch (rc & 0xFF) {
        case SQLITE_FULL:
            return Error{
                "db_full",
                "Penyimpanan penuh; data tidak tersimpan. Kosongkan ruang lalu coba lagi." + code,
                "Storage is full; nothing was saved. Free some space and try again." + detail};
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Error{"db_busy", "Basis data sedang dipakai proses lain; coba lagi." + code,
                         "The database is in use by another process; try again." + detail};
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return Error{"db_damaged", "Basis data rusak." + code,
                         "The database is damaged." + detail};
        case SQLITE_READONLY:
            return Error{"db_readonly", "Basis data hanya bisa dibaca." + code,
                         "The database is read-only." + detail};
        default:
            return Error{"db_error", "Kesalahan basis data." + code, "Database error." + detail};
    }
}

Stmt::Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = other.db_;
        stmt_ = other.stmt_;
        other.stmt_ = nullptr;
    }
    return *this;
}

Stmt::~Stmt() {
    sqlite3_finalize(stmt_);
}

Stmt& Stmt::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Stmt& Stmt::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Stmt& Stmt::bindNull(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

int Stmt::step() {
    return sqlite3_step(stmt_);
}

void Stmt::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Stmt::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
}

std::int64_t Stmt::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

bool Stmt::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Status Stmt::run(std::string_view doing) {
    const int rc = step();
    if (rc != SQLITE_DONE) {
        Error e = sqliteError(db_, rc, doing);
        sqlite3_reset(stmt_);
        return e;
    }
    return {};
}

Connection::Connection(Connection&& other) noexcept
    : db_(other.db_), cache_(std::move(other.cache_)) {
    other.db_ = nullptr;
}

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        cache_.clear();
        sqlite3_close_v2(db_);
        db_ = other.db_;
        cache_ = std::move(other.cache_);
        other.db_ = nullptr;
    }
    return *this;
}

Connection::~Connection() {
    cache_.clear();
    sqlite3_close_v2(db_);
}

namespace {

// "file:" + the path with every byte but [A-Za-z0-9/._~-] percent-encoded.
std::string fileUri(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string uri = "file:";
    for (unsigned char ch : path) {
        if (std::isalnum(ch) || ch == '/' || ch == '.' || ch == '_' || ch == '~' || ch == '-') {
            uri += static_cast<char>(ch);
        } else {
            uri += '%';
            uri += hex[ch >> 4];
            uri += hex[ch & 15];
        }
    }
    return uri;
}

}  // namespace

Result<Connection> Connection::open(const std::string& path, bool read_only, bool immutable) {
    Connection c;
    read_only = read_only || immutable;
    const int flags =
        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX | (immutable ? SQLITE_OPEN_URI : 0);
    const std::string name = immutable ? fileUri(path) + "?immutable=1" : path;
    const int rc = sqlite3_open_v2(name.c_str(), &c.db_, flags, nullptr);
    if (rc != SQLITE_OK) return sqliteError(c.db_, rc, "open " + path);
    sqlite3_extended_result_codes(c.db_, 1);
    sqlite3_busy_timeout(c.db_, 5000);
    return c;
}

Status Connection::exec(std::string_view sql, std::string_view doing) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK) return sqliteError(db_, rc, doing);
    return {};
}

Result<Stmt> Connection::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) return sqliteError(db_, rc, "prepare");
    return Stmt(db_, stmt);
}

Result<CachedStmt> Connection::cached(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it == cache_.end()) {
        auto stmt = prepare(sql);
        if (!stmt) return stmt.error();
        it =
            cache_.emplace(std::string(sql), std::make_unique<Stmt>(std::move(stmt.value()))).first;
    }
    it->second->reset();
    return CachedStmt(it->second.get());
}

Result<std::string> Connection::queryText(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    const int rc = stmt->step();
    if (rc == SQLITE_ROW) return stmt->text(0);
    if (rc == SQLITE_DONE) return std::string();
    return sqliteError(db_, rc, "query");
}

Result<std::int64_t> Connection::queryInt(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    const int rc = stmt->step();
    if (rc == SQLITE_ROW) return stmt->integer(0);
    if (rc == SQLITE_DONE) return std::int64_t{0};
    return sqliteError(db_, rc, "query");
}

Result<Transaction> Transaction::begin(Connection& connection) {
    if (auto s = connection.exec("BEGIN IMMEDIATE", "begin"); !s) return s.error();
    return Transaction(&connection);
}

Transaction::~Transaction() {
    if (conn_) (void)conn_->exec("ROLLBACK", "rollback");
}

Status Transaction::commit() {
    Connection* c = conn_;
    auto s = c->exec("COMMIT", "commit");
    if (s) conn_ = nullptr;
    return s;
}

namespace {

// Removes group and other permissions from an existing file; never adds one.
void dropGroupAndOther(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
        ::chmod(path.c_str(), st.st_mode & 0700);
}

}  // namespace

// Creates the file owner-only before SQLite touches it; an existing one only loses group and
// other permissions. SQLite gives its -wal and -shm files the main file's mode.
Status secureFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::fchmod(fd, 0600);  // whatever the umask
        ::close(fd);
    } else if (errno != EEXIST) {
        const std::string why = std::strerror(errno);
        return Error{"db_open_failed", "Basis data tidak bisa dibuka: " + path + " (" + why + ")",
                     "Cannot open the database " + path + " (" + why + ")"};
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) dropGroupAndOther(path + suffix);
    return {};
}

}  // namespace pekon::sql
