// Read-only storage: a database that cannot be written (a read-only file, folder or
// filesystem) opens for reading without creating or changing any file, every read works, and
// every write says why saving is off. A missing database opened for reading is `no_database`.
#include "store/internal/read_only.hpp"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "store/drafts.hpp"
#include "store/event_log.hpp"
#include "store/households.hpp"
#include "store/settings.hpp"
#include "store/store.hpp"
#include "store/verify.hpp"
#include "support/fixtures.hpp"
#include "support/sample_households.hpp"

using namespace pekon;
namespace fs = std::filesystem;

namespace {

WriteContext context() {
    return WriteContext{"u1", 1'764'000'000, test::kToday};
}

void addHouseholds(Store& store, int from, int count) {
    for (int i = from; i < from + count; ++i) {
        const RegisterOutcome r = registerHouseholds(
            store, {test::sampleHousehold(i, std::int64_t{i} * 3, 3)}, test::regions(), context());
        REQUIRE(r.ok());
    }
}

// A database of `households` households in `dir`, closed (no -wal or -shm left).
std::string closedDatabase(const std::string& dir, int households) {
    const std::string path = dir + "/pekon.db";
    auto store = Store::open(path);
    REQUIRE(store);
    addHouseholds(**store, 0, households);
    return path;
}

// Name -> mode of every entry of a folder.
std::map<std::string, unsigned> listing(const std::string& dir) {
    std::map<std::string, unsigned> out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        struct stat st {};
        REQUIRE(::stat(entry.path().c_str(), &st) == 0);
        out[entry.path().filename().string()] = st.st_mode & 07777;
    }
    return out;
}

unsigned modeOf(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// Gives a folder back its write permission when the test ends, so it can be removed.
struct WritableAgain {
    std::string dir;
    ~WritableAgain() { ::chmod(dir.c_str(), 0700); }
};

// A database of 2 households whose second household is only in its -wal: a copy of the
// files taken while a writer had them open. `with_shm` keeps the -shm of that moment too.
std::string databaseWithWal(const std::string& dir, bool with_shm) {
    const std::string live = dir + "/live.db", copy = dir + "/pekon.db";
    auto a = Store::open(live);
    REQUIRE(a);
    addHouseholds(**a, 0, 1);
    auto b = Store::open(live);  // a second connection keeps the -wal from being checkpointed
    REQUIRE(b);
    addHouseholds(**b, 1, 1);
    for (const char* suffix : {"", "-wal", "-shm"}) {
        if (!with_shm && std::string(suffix) == "-shm") continue;
        fs::copy_file(live + suffix, copy + suffix);
    }
    a->reset();
    b->reset();
    fs::remove(live);
    REQUIRE(fs::file_size(copy + "-wal") > 0);
    return copy;
}

// What every read-only database must do: read everything, refuse each kind of write with
// `code`, and never call itself damaged.
void checkReadOnly(Store& store, const std::string& code, std::int64_t households) {
    REQUIRE(store.readOnly());
    CHECK(store.readOnly()->code == code);
    CHECK_FALSE(store.damage());
    CHECK(countHouseholds(store).value() == households);
    CHECK(listHouseholds(store).value().size() == static_cast<size_t>(households));
    CHECK(outboxCounts(store).value().pending == households * 4);
    CHECK(integrityCheck(store, true).value() == "ok");
    CHECK(verifyProjections(store).ok());

    const RegisterOutcome r =
        registerHouseholds(store, {test::sampleHousehold(50, 150, 2)}, test::regions(), context());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].error.code == code);
    auto setting = writeSetting(store, "x", "y");
    REQUIRE_FALSE(setting);
    CHECK(setting.error().code == code);
    HouseholdDraft draft;
    auto saved = saveDraft(store, "u1", draft, 1);
    REQUIRE_FALSE(saved);
    CHECK(saved.error().code == code);
    // Said in both languages, and never as damage.
    CHECK(store.readOnly()->message_id.find("rusak") == std::string::npos);
    CHECK(store.readOnly()->message_en.find("damaged") == std::string::npos);
    CHECK_FALSE(store.readOnly()->message_id.empty());
    CHECK_FALSE(store.readOnly()->message_en.empty());
}

// Opens `path` (in `dir`), checks it as checkReadOnly does, closes it, and checks that no
// file of `dir` appeared, went away or changed its mode meanwhile.
void readOnlyAndUntouched(const std::string& dir, const std::string& path, const std::string& code,
                          std::int64_t households) {
    const auto before = listing(dir);
    {
        auto store = Store::open(path);
        REQUIRE(store);
        checkReadOnly(**store, code, households);
    }
    CHECK(listing(dir) == before);
}

}  // namespace

TEST_CASE("read-only: a 0444 database is read, stays 0444 (root too) and refuses writes") {
    const std::string dir = test::tempDir();
    const std::string path = closedDatabase(dir, 3);
    REQUIRE(::chmod(path.c_str(), 0444) == 0);
    REQUIRE(listing(dir).size() == 1);  // no -wal or -shm left by the writer
    readOnlyAndUntouched(dir, path, "db_readonly_file", 3);
    CHECK(modeOf(path) == 0444);
}

TEST_CASE("read-only: a database in a 0555 folder, without -wal and -shm") {
    const std::string dir = test::tempDir();
    const std::string path = closedDatabase(dir, 2);
    REQUIRE(::chmod(dir.c_str(), 0555) == 0);
    WritableAgain again{dir};
    readOnlyAndUntouched(dir, path, "db_readonly_folder", 2);
    CHECK(modeOf(path) == 0600);
}

TEST_CASE("read-only: a 0555 folder with -wal and -shm: the rows only in the -wal are read") {
    const std::string dir = test::tempDir();
    const std::string path = databaseWithWal(dir, /*with_shm=*/true);
    const std::string wal = test::readWholeFile(path + "-wal");
    REQUIRE(::chmod(dir.c_str(), 0555) == 0);
    WritableAgain again{dir};
    readOnlyAndUntouched(dir, path, "db_readonly_folder", 2);
    CHECK(test::readWholeFile(path + "-wal") == wal);  // not checkpointed, not removed
}

TEST_CASE("read-only: a -wal without its -shm in a 0555 folder is read through a private copy") {
    const std::string dir = test::tempDir();
    const std::string path = databaseWithWal(dir, /*with_shm=*/false);
    const std::string scratch = test::tempDir();
    const char* old_tmpdir = std::getenv("TMPDIR");
    const std::string saved_tmpdir = old_tmpdir ? old_tmpdir : "";
    ::setenv("TMPDIR", scratch.c_str(), 1);
    REQUIRE(::chmod(dir.c_str(), 0555) == 0);
    WritableAgain again{dir};
    const auto before = listing(dir);
    {
        auto store = Store::open(path);
        REQUIRE(store);
        checkReadOnly(**store, "db_readonly_folder", 2);
        CHECK(listing(scratch).size() == 1);  // the copy's folder, while it is open
    }
    if (old_tmpdir) ::setenv("TMPDIR", saved_tmpdir.c_str(), 1);
    else ::unsetenv("TMPDIR");
    CHECK(listing(dir) == before);
    CHECK(listing(scratch).empty());  // removed with the store
}

TEST_CASE("read-only: a 0444 file with its -wal and -shm") {
    const std::string dir = test::tempDir();
    const std::string path = databaseWithWal(dir, /*with_shm=*/true);
    REQUIRE(::chmod(path.c_str(), 0444) == 0);
    readOnlyAndUntouched(dir, path, "db_readonly_file", 2);
}

TEST_CASE("read-only: opened for reading, a missing database is no_database and nothing is made") {
    const std::string root = test::tempDir();
    const std::string path = root + "/sub/pekon.db";
    auto store = Store::open(path, Store::OpenMode::existing);
    REQUIRE_FALSE(store);
    CHECK(store.error().code == "no_database");
    CHECK(listing(root).empty());
    auto flat = Store::open(root + "/pekon.db", Store::OpenMode::existing);
    REQUIRE_FALSE(flat);
    CHECK(flat.error().code == "no_database");
    CHECK(listing(root).empty());
}

TEST_CASE("read-only: a database cannot be created in a 0555 folder, and says why") {
    const std::string dir = test::tempDir();
    REQUIRE(::chmod(dir.c_str(), 0555) == 0);
    WritableAgain again{dir};
    auto store = Store::open(dir + "/pekon.db");
    REQUIRE_FALSE(store);
    CHECK(store.error().code == "db_readonly_folder");
    CHECK(listing(dir).empty());
}

TEST_CASE("read-only: an existing file loses group and other permissions, and gains none") {
    const std::string path = test::tempPath("pekon.db");
    { REQUIRE(Store::open(path)); }
    REQUIRE(::chmod(path.c_str(), 0640) == 0);
    { REQUIRE(Store::open(path)); }
    CHECK(modeOf(path) == 0600);
    REQUIRE(::chmod(path.c_str(), 0400) == 0);
    {
        auto store = Store::open(path);
        REQUIRE(store);
        CHECK((*store)->readOnly()->code == "db_readonly_file");
    }
    CHECK(modeOf(path) == 0400);
}
