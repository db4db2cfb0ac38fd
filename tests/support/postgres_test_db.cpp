#include "support/postgres_test_db.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "hub/pg_connection.hpp"
#include "sqlite/sqlite.hpp"
#include "support/fixtures.hpp"

namespace pekon::test {

namespace {

constexpr const char* kVariable = "PEKON_TEST_POSTGRES";

std::string clusterUrl() {
    const char* value = std::getenv(kVariable);
    return value ? value : "";
}

hub::pg::Connection connect(const std::string& url) {
    auto c = hub::pg::Connection::open(url);
    if (!c) throw std::runtime_error("PostgreSQL test cluster: " + c.error().message_en);
    return std::move(c.value());
}

std::string uniqueDatabaseName() {
    static int counter = 0;
    std::random_device random;
    return "pekon_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" +
           std::to_string(random() % 1'000'000);
}

}  // namespace

bool backendAvailable(std::string_view backend) {
    if (backend != PostgreSQL::kName) return true;
    const std::string url = clusterUrl();
    if (url == "off") {
        WARN("PostgreSQL backend skipped: PEKON_TEST_POSTGRES=off");
        return false;
    }
    if (url.empty())
        FAIL(
            "PEKON_TEST_POSTGRES is not set, so the hub's PostgreSQL backend cannot be tested. "
            "Run scripts/test (it starts a throwaway cluster), or set PEKON_TEST_POSTGRES to a "
            "postgresql:// URL whose role may CREATE DATABASE, or to `off` to skip these on "
            "purpose.");
    return true;
}

std::string withDatabase(const std::string& url, const std::string& database) {
    const size_t scheme = url.find("://");
    if (scheme == std::string::npos) throw std::invalid_argument("not a URL: " + url);
    const size_t query = url.find('?', scheme + 3);
    const size_t path = url.find('/', scheme + 3);
    const size_t authority_end = path != std::string::npos && path < query ? path : query;
    std::string out =
        url.substr(0, authority_end == std::string::npos ? url.size() : authority_end);
    out += "/" + database;
    if (query != std::string::npos) out += url.substr(query);
    return out;
}

HubTestDb::HubTestDb(std::string_view backend, const std::string& name) {
    if (backend == SQLite::kName) {
        path_ = tempPath(name);
        url_ = "sqlite:" + path_;
        return;
    }
    REQUIRE(backendAvailable(backend));
    const std::string cluster = clusterUrl();
    database_ = uniqueDatabaseName();
    auto admin = connect(cluster);
    auto created = admin.exec(("CREATE DATABASE " + database_).c_str(), "create a test database");
    if (!created) throw std::runtime_error(created.error().message_en);
    url_ = withDatabase(cluster, database_);
}

HubTestDb::~HubTestDb() {
    if (database_.empty()) return;
    // Hubs still connected (a killed child's session) are thrown out.
    auto admin = hub::pg::Connection::open(clusterUrl());
    if (!admin) return;
    (void)admin->exec(("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)").c_str(),
                      "drop a test database");
}

std::int64_t HubTestDb::queryInt(const std::string& sql) const {
    if (!postgres()) {
        auto db = sql::Connection::open(path_, true);
        if (!db) throw std::runtime_error(db.error().message_en);
        auto value = db->queryInt(sql);
        if (!value) throw std::runtime_error(value.error().message_en);
        return *value;
    }
    auto db = connect(url_);
    auto rows = db.exec(sql.c_str(), "test query");
    if (!rows) throw std::runtime_error(rows.error().message_en);
    return rows->count() == 0 || rows->isNull(0, 0) ? 0 : rows->integer(0, 0);
}

void HubTestDb::exec(const std::string& sql) const {
    if (!postgres()) {
        auto db = sql::Connection::open(path_, false);
        if (!db) throw std::runtime_error(db.error().message_en);
        if (auto s = db->exec(sql, "test statement"); !s)
            throw std::runtime_error(s.error().message_en);
        return;
    }
    auto db = connect(url_);
    if (auto s = db.exec(sql.c_str(), "test statement"); !s)
        throw std::runtime_error(s.error().message_en);
}

}  // namespace pekon::test
