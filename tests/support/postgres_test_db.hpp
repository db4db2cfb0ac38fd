#pragma once

// The hub's tests run against both storage backends. Each template test case names them as
// types, so that ctest lists (and reports) every test once per backend:
//
//   TEMPLATE_TEST_CASE("hub: ...", "[hub]", SQLite, PostgreSQL) {
//       PEKON_HUB_TEST_DB(TestType, db, "hub_x.db");  // skipped or failed when unavailable
//       auto hub = hub::openHubStore(db.url());
//
// PostgreSQL comes from PEKON_TEST_POSTGRES, a libpq URL of a throwaway cluster's database
// whose role may CREATE DATABASE (scripts/test starts such a cluster and sets it). Each test
// case gets a database of its own, created there and dropped at the end. When the variable is
// unset the PostgreSQL cases FAIL and say so; PEKON_TEST_POSTGRES=off skips them on purpose
// (with a warning).
#include <cstdint>
#include <string>
#include <string_view>

namespace pekon::test {

struct SQLite {
    static constexpr const char* kName = "sqlite";
};
struct PostgreSQL {
    static constexpr const char* kName = "postgresql";
};

// Whether the backend can run here: SQLite always; PostgreSQL when PEKON_TEST_POSTGRES is a
// URL. Unset: fails the running test with what to do. "off": false, with a warning.
bool backendAvailable(std::string_view backend);

#define PEKON_NEEDS_BACKEND(Backend) \
    if (!::pekon::test::backendAvailable(Backend::kName)) return

// PEKON_NEEDS_BACKEND, then `test::HubTestDb var(Backend::kName, name)`.
#define PEKON_HUB_TEST_DB(Backend, var, name) \
    PEKON_NEEDS_BACKEND(Backend);             \
    ::pekon::test::HubTestDb var(Backend::kName, name)

// A fresh, empty hub database for one test case.
class HubTestDb {
  public:
    // `name`: the SQLite file's name in a fresh temporary directory; for PostgreSQL, a unique
    // database on the test cluster.
    HubTestDb(std::string_view backend, const std::string& name);
    ~HubTestDb();
    HubTestDb(const HubTestDb&) = delete;
    HubTestDb& operator=(const HubTestDb&) = delete;

    // What `pekon-hub --db` and openHubStore take: sqlite:PATH or postgresql://...
    const std::string& url() const { return url_; }
    bool postgres() const { return !database_.empty(); }
    const std::string& sqlitePath() const { return path_; }

    // Straight to the backend, around the hub: the single integer a query yields (0 when it
    // yields no row), and a statement run for its effect. Throw on failure.
    std::int64_t queryInt(const std::string& sql) const;
    void exec(const std::string& sql) const;

  private:
    std::string url_;
    std::string path_;      // SQLite
    std::string database_;  // PostgreSQL
};

// `url` (postgresql://...) with its database name replaced by `database`.
std::string withDatabase(const std::string& url, const std::string& database);

}  // namespace pekon::test
