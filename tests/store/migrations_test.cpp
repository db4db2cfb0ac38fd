#include "store/internal/migrations.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "store/households.hpp"
#include "store/internal/database.hpp"
#include "store/store.hpp"
#include "store/verify.hpp"
#include "support/fixtures.hpp"
#include "support/sample_households.hpp"

using namespace pekon;

namespace {

int userVersion(const std::string& path) {
    auto c = sql::Connection::open(path, true);
    REQUIRE(c.ok());
    return static_cast<int>(*c->queryInt("PRAGMA user_version"));
}

std::int64_t count(Store& store, const char* table) {
    return *connection(store).queryInt(std::string("SELECT COUNT(*) FROM ") + table);
}

// Data as a version-1 program would have written it: one household of two members.
void writeVersion1Data(sql::Connection& db) {
    REQUIRE(db.exec(R"(
        INSERT INTO events (seq, id, type, at, actor, data) VALUES
          (1, '0b5a6a8e-1111-4111-8111-111111111111', 'household.registered', '2026-01-05T03:00:00Z', 'u1',
           '{"household_id":"h1","kk_number":"1806011203150007","village_code":"18.06.01.2016","address":"Jl. Lama 1","rt":"001","rw":"002"}'),
          (2, '0b5a6a8e-2222-4222-8222-222222222222', 'member.registered', '2026-01-05T03:00:00Z', 'u1',
           '{"member_id":"m1","household_id":"h1","nik":"1806011505800001","name":"Budi Santoso","birth_date":"1980-05-15","sex":"M","relation":"head","segment":"PBPU","class":3}'),
          (3, '0b5a6a8e-3333-4333-8333-333333333333', 'member.registered', '2026-01-05T03:00:00Z', 'u1',
           '{"member_id":"m2","household_id":"h1","nik":"1806016208850002","name":"Siti Aminah","birth_date":"1985-08-22","sex":"F","relation":"spouse","segment":"PBPU","class":3}');
        INSERT INTO households (key, id, kk_number, village_code, address, rt, rw, registered_at, registered_by, event_seq)
          VALUES (1, 'h1', '1806011203150007', '18.06.01.2016', 'Jl. Lama 1', '001', '002', '2026-01-05T03:00:00Z', 'u1', 1);
        INSERT INTO members (key, id, household_key, nik, name, name_key, birth_date, sex, relation, segment, class, status, status_at, event_seq) VALUES
          (1, 'm1', 1, '1806011505800001', 'Budi Santoso', 'budi santoso', '1980-05-15', 'M', 'head', 'PBPU', 3, 'queued', '2026-01-05T03:00:00Z', 2),
          (2, 'm2', 1, '1806016208850002', 'Siti Aminah', 'siti aminah', '1985-08-22', 'F', 'spouse', 'PBPU', 3, 'queued', '2026-01-05T03:00:00Z', 3);
    )",
                    "v1 data")
                .ok());
}

}  // namespace

TEST_CASE("migrations: numbered 1..N without gaps") {
    const auto& all = allMigrations();
    REQUIRE(all.size() >= 2);
    for (size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i].version == static_cast<int>(i) + 1);
        CHECK_FALSE(all[i].sql.empty());
    }
    CHECK(latestSchemaVersion() == static_cast<int>(all.size()));
}

TEST_CASE("migrations: a fresh database is built by running them all") {
    const std::string path = test::tempPath("fresh.db");
    auto store = Store::open(path);
    REQUIRE(store.ok());
    CHECK_FALSE((*store)->damage());
    CHECK(userVersion(path) == latestSchemaVersion());
    for (const char* table : {"events", "households", "members", "member_status_history"}) {
        CHECK(count(**store, table) == 0);
    }
    CHECK(*connection(**store).queryText("PRAGMA journal_mode") == "wal");
    CHECK(*connection(**store).queryInt("PRAGMA foreign_keys") == 1);
    CHECK(*connection(**store).queryInt("PRAGMA synchronous") == 2);  // FULL
}

TEST_CASE("migrations: from every earlier version to the latest") {
    for (int from = 0; from < latestSchemaVersion(); ++from) {
        DYNAMIC_SECTION("from version " << from) {
            const std::string path = test::tempPath("old.db");
            {
                auto db = sql::Connection::open(path, false);
                REQUIRE(db.ok());
                REQUIRE(migrate(*db, from).ok());
                REQUIRE(*schemaVersion(*db) == from);
                if (from == 1) writeVersion1Data(*db);
            }
            auto store = Store::open(path);
            REQUIRE(store.ok());
            CHECK(userVersion(path) == latestSchemaVersion());
            if (from == 1) {
                // Version 2 gave every existing member its one status step.
                CHECK(count(**store, "member_status_history") == 2);
                auto h = findHousehold(**store, "h1");
                REQUIRE(h.ok());
                REQUIRE(h->has_value());
                REQUIRE((**h).members.size() == 2);
                REQUIRE((**h).members[0].history.size() == 1);
                CHECK((**h).members[0].history[0].status == MemberStatus::queued);
                CHECK(verifyProjections(**store).ok());
            }
            // And the migrated database takes new registrations.
            auto r = registerHouseholds(**store, {test::sampleHousehold(7, 70, 2)}, test::regions(),
                                        {"t", 1795000000, test::kToday});
            CHECK(r.ok());
        }
    }
}

TEST_CASE("migrations: a database newer than the program is refused and left alone") {
    const std::string path = test::tempPath("newer.db");
    {
        auto db = sql::Connection::open(path, false);
        REQUIRE(db.ok());
        REQUIRE(
            db->exec("PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 1), "bump")
                .ok());
    }
    auto store = Store::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code == "db_too_new");
    CHECK(store.error().message_id != store.error().message_en);
    CHECK(userVersion(path) == latestSchemaVersion() + 1);
    auto db = sql::Connection::open(path, true);
    CHECK(*db->queryInt("SELECT COUNT(*) FROM sqlite_master") == 0);  // nothing was created
}

TEST_CASE("store: a database that fails quick_check is opened read-only and never written") {
    const std::string path = test::tempPath("damaged.db");
    {
        auto store = Store::open(path);
        REQUIRE(store.ok());
        std::vector<HouseholdInput> batch;
        for (int i = 0; i < 60; ++i) batch.push_back(test::sampleHousehold(i, i * 4, 4));
        REQUIRE(registerHouseholds(**store, batch, test::regions(), {"t", 1795000000, test::kToday})
                    .ok());
        REQUIRE(connection(**store).queryText("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    // Scribble over the middle of the file (past the header page).
    {
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096 * 3);
        const std::string junk(4096 * 2, '\x5a');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    struct stat before {};
    REQUIRE(::stat(path.c_str(), &before) == 0);

    auto store = Store::open(path);
    REQUIRE(store.ok());
    REQUIRE((*store)->damage());
    CHECK((*store)->damage()->code == "db_damaged");
    auto r = registerHouseholds(**store, {test::sampleHousehold(100, 400, 1)}, test::regions(),
                                {"t", 1795000000, test::kToday});
    REQUIRE_FALSE(r.ok());
    CHECK(r.errors[0].error.code == "db_damaged");
    store->reset();
    struct stat after {};
    REQUIRE(::stat(path.c_str(), &after) == 0);
    CHECK(after.st_size == before.st_size);
    CHECK(after.st_mtim.tv_sec == before.st_mtim.tv_sec);
    CHECK(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
}

TEST_CASE("store: the database file is readable by its owner only") {
    const std::string path = test::tempPath("mode.db");
    SECTION("a new file") {
        const mode_t old = ::umask(0);
        auto store = Store::open(path);
        ::umask(old);
        REQUIRE(store.ok());
        REQUIRE(registerHouseholds(**store, {test::sampleHousehold(1, 4, 2)}, test::regions(),
                                   {"t", 1795000000, test::kToday})
                    .ok());
        for (const std::string& p : {path, path + "-wal", path + "-shm"}) {
            struct stat st {};
            REQUIRE(::stat(p.c_str(), &st) == 0);
            CHECK((st.st_mode & 0777) == 0600);
        }
    }
    SECTION("an existing file with wider permissions is tightened") {
        { std::ofstream touch(path); }
        REQUIRE(::chmod(path.c_str(), 0644) == 0);
        auto store = Store::open(path);
        REQUIRE(store.ok());
        struct stat st {};
        REQUIRE(::stat(path.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
}

TEST_CASE("migrations: version 9 leaves a kiosk no row by NIK and birth date, and rebuilds its "
          "table from the logged changes") {
    const std::string path = test::tempPath("kiosk_v8.db");
    // Stand-ins for the hashes: by NIK and birth date (issue 6), by receipt, by NIK and KK.
    const std::string by_birth(32, 'b'), receipt(32, 'c'), by_kk(32, 'd'), receipt2(32, 'e');
    {
        auto db = sql::Connection::open(path, false);
        REQUIRE(db.ok());
        REQUIRE(migrate(*db, 8).ok());
        const std::string legacy = R"({"lookup":")" + by_birth + R"(","receipt_lookup":")" +
                                   receipt +
                                   R"(","status":"paid","class":3,"faskes":"Puskesmas Kota Agung",)"
                                   R"("card_eta":"","card_number_masked":"","name_masked":"B*** )"
                                   R"(S******","as_of":"2026-12-01T00:00:00Z"})";
        const std::string current =
            R"({"lookup":")" + by_kk + R"(","kk_lookup":")" + by_kk + R"(","receipt_lookup":")" +
            receipt2 +
            R"(","status":"card_issued","faskes":"","card_eta":"2026-12-10","card_number_masked":)"
            R"("*********7890","name_masked":"S*** A*****","as_of":"2026-12-03T00:00:00Z"})";
        REQUIRE(db->exec(
                      "INSERT INTO settings (key, value) VALUES ('kiosk.key', "
                      "'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=');"
                      "INSERT INTO events (seq, id, type, at, actor, data, origin, sync_state) "
                      "VALUES (1, 'x1', 'kiosk.status', '2026-12-01T01:00:00Z', 'hub', '" +
                          legacy +
                          "', 'hub', 'accepted'), (2, 'x2', 'kiosk.status', "
                          "'2026-12-03T01:00:00Z', 'hub', '" +
                          current +
                          "', 'hub', 'accepted');"
                          "INSERT INTO kiosk_status (lookup, status, as_of) VALUES ('" +
                          by_birth + "', 'paid', 'x'), ('" + receipt + "', 'paid', 'x');",
                      "a kiosk of version 8")
                    .ok());
    }
    {
        auto store = Store::open(path);
        REQUIRE(store.ok());
        sql::Connection& db = connection(**store);
        auto lookups = [&db] {
            std::vector<std::string> out;
            auto stmt = db.prepare("SELECT lookup FROM kiosk_status ORDER BY lookup");
            REQUIRE(stmt.ok());
            while (stmt->step() == SQLITE_ROW) out.push_back(stmt->text(0));
            return out;
        };
        CHECK(lookups() == std::vector<std::string>{receipt, by_kk, receipt2});
        CHECK(*db.queryText("SELECT status FROM kiosk_status WHERE lookup = '" + by_kk + "'") ==
              "card_issued");
        CHECK(*db.queryText("SELECT name_masked FROM kiosk_status WHERE lookup = '" + receipt +
                            "'") == "B*** S******");
        CHECK(*db.queryInt("SELECT class FROM kiosk_status WHERE lookup = '" + receipt + "'") == 3);
        // The log keeps both changes, the older without its lookup by NIK and birth date.
        CHECK(count(**store, "events") == 2);
        CHECK(*db.queryInt("SELECT COUNT(*) FROM events WHERE instr(data, '" + by_birth +
                           "') > 0") == 0);
        CHECK(*db.queryInt("SELECT COUNT(*) FROM events WHERE instr(data, '" + by_kk + "') > 0") ==
              1);
        // The log is as immutable as before.
        CHECK_FALSE(db.exec("UPDATE events SET data = '{}' WHERE seq = 2", "t").ok());
        REQUIRE(db.exec("PRAGMA wal_checkpoint(TRUNCATE)", "t").ok());
    }
    // Nor is the old lookup left in the file's free space.
    CHECK(test::readWholeFile(path).find(by_birth) == std::string::npos);
}
