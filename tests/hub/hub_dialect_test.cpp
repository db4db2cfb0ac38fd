// The hub's statements are written once and rendered into each dialect (hub_dialect).
#include <catch2/catch.hpp>

#include "hub/hub_dialect.hpp"
#include "hub/hub_schema.hpp"

using namespace pekon::hub;

TEST_CASE("hub dialect: parameters, lists and unaffined columns", "[unit][hub_dialect]") {
    const char* sql = "SELECT a FROM t WHERE id {in ?} AND b = ? AND c = {+m.c} LIMIT ?";
    CHECK(render(sql, kSqliteDialect) ==
          "SELECT a FROM t WHERE id IN (SELECT value FROM json_each(?)) AND b = ? AND c = +m.c "
          "LIMIT ?");
    CHECK(render(sql, kPostgresDialect) ==
          "SELECT a FROM t WHERE id = ANY($1::text[]) AND b = $2 AND c = m.c LIMIT $3");
}

TEST_CASE("hub dialect: keys, serials and the data fields the indexes use", "[unit][hub_dialect]") {
    const char* ddl = "CREATE TABLE t (k {key}, n {serial}); CREATE INDEX i ON e ({data.nik})";
    CHECK(render(ddl, kSqliteDialect) ==
          "CREATE TABLE t (k TEXT, n INTEGER PRIMARY KEY AUTOINCREMENT); CREATE INDEX i ON e "
          "(json_extract(content, '$.data.nik'))");
    CHECK(render(ddl, kPostgresDialect) ==
          "CREATE TABLE t (k TEXT COLLATE \"C\", n BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY "
          "KEY); CREATE INDEX i ON e ((((content::json -> 'data') ->> 'nik') COLLATE \"C\"))");
    CHECK(render("SELECT '{\"a\":1}'", kPostgresDialect) == "SELECT '{\"a\":1}'");  // not a token
}

TEST_CASE("hub schema: the missing steps are applied in order, a newer store is refused",
          "[unit][hub_dialect]") {
    std::vector<std::int64_t> applied;
    auto record = [&](const SchemaStep& step) -> pekon::Status {
        applied.push_back(step.version);
        CHECK(step.sql.find('{') == std::string::npos);  // every token rendered
        return {};
    };
    REQUIRE(migrateSchema(1, kSqliteDialect, record));
    CHECK(applied == std::vector<std::int64_t>{2, 3, 4, 5, 6, 7, 8, 9, 10});
    applied.clear();
    REQUIRE(migrateSchema(kHubSchemaVersion, kPostgresDialect, record));
    CHECK(applied.empty());
    auto newer = migrateSchema(kHubSchemaVersion + 1, kSqliteDialect, record);
    REQUIRE(!newer);
    CHECK(newer.error().code == "hub_schema_newer");
    CHECK(applied.empty());
}
