// The real `pekon` on read-only storage (a 0444 file, a 0555 folder with and without -wal and
// -shm, a filesystem mounted read-only), read commands on a path with no database, and
// errors as one JSON object on stdout with --format json.
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "app/run_cli.hpp"
#include "store/households.hpp"
#include "store/store.hpp"
#include "support/sample_household.hpp"
#include "support/sample_households.hpp"

using namespace pekon::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kNik = sample::kSpouseNik;
constexpr const char* kKk = sample::kKk;

std::set<std::string> names(const std::string& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

struct WritableAgain {
    std::string dir;
    ~WritableAgain() { ::chmod(dir.c_str(), 0700); }
};

// Every read command, each with what it needs (export writes its CSV to `out_dir`).
std::vector<std::vector<std::string>> readCommands(const std::string& id,
                                                   const std::string& out_dir) {
    return {{"household", "list"},
            {"household", "show", id},
            {"search", "Siti"},
            {"check"},
            {"outbox"},
            {"export", "--csv", out_dir},
            {"status", "--nik", kNik, "--kk", kKk}};
}

// Each read command works on `db` (status answers "not a kiosk", which is a read too), and
// `household add` is refused with `code`, in JSON on stdout.
void readsWorkWritesRefused(const std::string& db, const std::string& id, const std::string& code,
                            std::int64_t households) {
    for (auto args : readCommands(id, tempDir() + "/csv")) {
        const bool status = args[0] == "status";
        args.insert(args.end(), {"--format", "json", "--lang", "en"});
        const CliRun run = runCli(with(args, db));
        INFO(args[0] << "\n" << run.describe());
        CHECK(run.clean());
        CHECK(run.exit_code == (status ? 1 : 0));
        const json j = singleJson(run);
        if (status) CHECK(j["error"]["code"] == "kiosk_not_set_up");
        if (args[1] == "list") CHECK(j.size() == static_cast<size_t>(households));
        CHECK(run.out.find("damaged") == std::string::npos);
    }
    // Plain text says why saving is off, on stderr, and never "damaged".
    const CliRun text = runCli(with({"check", "--lang", "en"}, db));
    INFO(text.describe());
    CHECK(text.exit_code == 0);
    CHECK(text.err.find("saving is off") != std::string::npos);
    CHECK(text.err.find("damaged") == std::string::npos);

    const CliRun add = runCli(with(
        {"household", "add", "--json", testData("household_valid.json"), "--format", "json"}, db));
    INFO(add.describe());
    CHECK(add.exit_code == 1);
    const json j = singleJson(add);
    REQUIRE(j["errors"].size() == 1);
    CHECK(j["errors"][0]["code"] == code);
    CHECK(j["saved"].empty());
}

}  // namespace

TEST_CASE("cli read-only: a 0444 database is read by every read command and stays 0444") {
    const std::string dir = tempDir();
    const std::string db = dir + "/pekon.db";
    const std::string id = seeded(db);
    REQUIRE(::chmod(db.c_str(), 0444) == 0);
    const auto before = names(dir);
    readsWorkWritesRefused(db, id, "db_readonly_file", 1);
    CHECK(fileMode(db) == 0444);  // as root too
    CHECK(names(dir) == before);
}

TEST_CASE("cli read-only: a database in a 0555 folder, without -wal and -shm") {
    const std::string dir = tempDir();
    const std::string db = dir + "/pekon.db";
    const std::string id = seeded(db);
    REQUIRE(::chmod(dir.c_str(), 0555) == 0);
    WritableAgain again{dir};
    const auto before = names(dir);
    REQUIRE(before == std::set<std::string>{"pekon.db"});
    readsWorkWritesRefused(db, id, "db_readonly_folder", 1);
    CHECK(names(dir) == before);
    CHECK(fileMode(db) == 0600);
}

TEST_CASE("cli read-only: a database in a 0555 folder, with -wal and -shm in use") {
    const std::string dir = tempDir();
    const std::string db = dir + "/pekon.db";
    const std::string id = seeded(db);
    // Another program holds the database open: a second household only in its -wal.
    auto writer = pekon::Store::open(db);
    REQUIRE(writer);
    const auto r = registerHouseholds(**writer, {sampleHousehold(7, 30, 2)}, regions(),
                                      pekon::WriteContext{"u1", 1'764'000'000, kToday});
    REQUIRE(r.ok());
    REQUIRE(exists(db + "-wal"));
    REQUIRE(exists(db + "-shm"));
    REQUIRE(::chmod(dir.c_str(), 0555) == 0);
    WritableAgain again{dir};
    const auto before = names(dir);
    readsWorkWritesRefused(db, id, "db_readonly_folder", 2);
    CHECK(names(dir) == before);
}

TEST_CASE("cli read-only: read commands on a path with no database create nothing") {
    const std::string root = tempDir();
    const std::string db = root + "/no/such/pekon.db";
    for (auto args : readCommands("0190f0c2-0000-7000-8000-000000000000", root + "/csv")) {
        for (const std::string format : {"json", "text"}) {
            auto line = args;
            line.insert(line.end(), {"--format", format, "--lang", "en"});
            const CliRun run = runCli(with(line, db));
            INFO(args[0] << " " << format << "\n" << run.describe());
            CHECK(run.clean());
            CHECK(run.exit_code == 1);
            if (format == "json") {
                CHECK(run.err.empty());
                CHECK(singleJson(run)["error"]["code"] == "no_database");
            } else {
                CHECK(run.out.empty());
                CHECK(run.err.find("no Pekon database") != std::string::npos);
                CHECK(run.err.find("[no_database]") != std::string::npos);
            }
            CHECK(names(root).empty());  // no file, no -wal/-shm, no folder, no CSV
        }
    }
    // The default path (XDG_DATA_HOME) is not created by a read either.
    const CliRun run = runCli({"outbox", "--format", "json"});
    CHECK(singleJson(run)["error"]["code"] == "no_database");
    CHECK_FALSE(exists(run.home + "/data/pekon"));
}

TEST_CASE("cli --format json: every command's error is one JSON object on stdout") {
    const std::string dir = tempDir();
    const std::string db = dir + "/pekon.db";
    seeded(db);
    struct Case {
        std::vector<std::string> args;
        std::string code;
        int exit_code;
    };
    const std::vector<Case> cases = {
        {{"household", "add", "--json", dir + "/missing.json"}, "file_unreadable", 1},
        {{"household", "list", "--limit", "x"}, "usage", 2},
        {{"household", "show", "nope"}, "household_not_found", 1},
        {{"household", "frobnicate"}, "usage", 2},
        {{"search"}, "usage", 2},
        {{"export"}, "usage", 2},
        {{"outbox", "extra"}, "usage", 2},
        {{"check", "extra"}, "usage", 2},
        {{"scan"}, "usage", 2},
        {{"enrol", "pekon://nonsense"}, "enrol_uri", 1},
        {{"sync"}, "not_enrolled", 1},
        {{"status", "--nik", kNik, "--kk", kKk}, "kiosk_not_set_up", 1},
        {{"status", "--nik", "12", "--kk", kKk}, "", 1},
        {{"status", "--nik", kNik}, "usage", 2},
        {{"frobnicate"}, "usage", 2},
    };
    for (const Case& c : cases) {
        auto args = c.args;
        args.insert(args.end(), {"--format", "json"});
        const CliRun run = runCli(with(args, db));
        INFO(c.args[0] << " " << (c.args.size() > 1 ? c.args[1] : "") << "\n" << run.describe());
        CHECK(run.clean());
        CHECK(run.exit_code == c.exit_code);
        CHECK(run.err.empty());
        const json j = singleJson(run);
        REQUIRE(j.is_object());
        CHECK(j.size() == 1);
        REQUIRE(j["error"].is_object());
        CHECK(j["error"].size() == 2);
        REQUIRE(j["error"]["code"].is_string());
        if (!c.code.empty()) CHECK(j["error"]["code"] == c.code);
        REQUIRE(j["error"]["message"].is_string());
        CHECK_FALSE(j["error"]["message"].get<std::string>().empty());
        CHECK(std::count(run.out.begin(), run.out.end(), '\n') == 1);
    }
    // Plain text keeps errors on stderr, stdout empty.
    const CliRun text =
        runCli(with({"status", "--nik", kNik, "--kk", kKk, "--lang", "en"}, db));
    CHECK(text.exit_code == 1);
    CHECK(text.out.empty());
    CHECK(text.err.rfind("pekon: ", 0) == 0);
}

TEST_CASE("cli read-only: a filesystem mounted read-only (tmpfs, remounted ro)") {
    const std::string db = tempPath("pekon.db");
    const std::string id = seeded(db);
    const std::string mnt = tempDir(), results = tempDir();
    const std::string ro_db = mnt + "/pekon.db";
    const std::vector<std::vector<std::string>> commands = {
        {"household", "list", "--format", "json", "--db", ro_db},
        {"check", "--lang", "en", "--db", ro_db},
        {"household", "add", "--json", testData("household_valid.json"), "--format", "json", "--db",
         ro_db}};
    // Everything the child needs, made before fork().
    std::vector<std::vector<std::string>> argv_text;
    for (const auto& c : commands) {
        argv_text.push_back({PEKON_CLI});
        argv_text.back().insert(argv_text.back().end(), c.begin(), c.end());
    }
    std::vector<std::vector<char*>> argvs;
    for (auto& a : argv_text) {
        argvs.emplace_back();
        for (std::string& w : a) argvs.back().push_back(w.data());
        argvs.back().push_back(nullptr);
    }
    std::vector<std::string> env_text = cliEnvironment(results);
    std::vector<char*> envp;
    for (std::string& e : env_text) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> outs, errs;
    for (size_t i = 0; i < commands.size(); ++i) {
        outs.push_back(results + "/out" + std::to_string(i));
        errs.push_back(results + "/err" + std::to_string(i));
    }
    const std::string db_bytes = readWholeFile(db);

    // The child: a mount namespace of its own (the mount dies with it), a tmpfs with the
    // database, remounted read-only, then each command; its exit status is the commands'
    // exit codes (2 bits each, 3 for anything above 2), or 77 when this machine does not allow
    // mounting.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        if (::unshare(CLONE_NEWNS) != 0) ::_exit(77);
        if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) ::_exit(77);
        if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=16m,mode=0700") != 0) ::_exit(77);
        const int fd = ::open(ro_db.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd < 0 ||
            ::write(fd, db_bytes.data(), db_bytes.size()) !=
                static_cast<ssize_t>(db_bytes.size()) ||
            ::close(fd) != 0)
            ::_exit(78);
        if (::mount(nullptr, mnt.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) != 0)
            ::_exit(77);
        int codes = 0;
        for (size_t i = 0; i < argvs.size(); ++i) {
            const pid_t run = ::fork();
            if (run == 0) {
                const int out = ::open(outs[i].c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
                const int err = ::open(errs[i].c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
                ::dup2(out, 1);
                ::dup2(err, 2);
                ::execve(PEKON_CLI, argvs[i].data(), envp.data());
                ::_exit(127);
            }
            int status = 0;
            if (run < 0 || ::waitpid(run, &status, 0) != run || !WIFEXITED(status)) ::_exit(79);
            codes |= std::min(WEXITSTATUS(status), 3) << (2 * i);
        }
        ::_exit(codes);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    const int codes = WEXITSTATUS(status);
    if (codes == 77) {
        WARN("mounting is not allowed here: the read-only filesystem case is not run");
        return;
    }
    INFO("list: " << readWholeFile(outs[0]) << readWholeFile(errs[0])
                  << "\ncheck: " << readWholeFile(outs[1]) << readWholeFile(errs[1])
                  << "\nadd: " << readWholeFile(outs[2]) << readWholeFile(errs[2]));
    REQUIRE(codes < 64);
    CHECK((codes & 3) == 0);         // list
    CHECK(((codes >> 2) & 3) == 0);  // check
    CHECK(((codes >> 4) & 3) == 1);  // add
    const json list = json::parse(readWholeFile(outs[0]));
    REQUIRE(list.size() == 1);
    CHECK(list[0]["household_id"] == id);
    CHECK(readWholeFile(errs[1]).find("mounted read-only") != std::string::npos);
    const json add = json::parse(readWholeFile(outs[2]));
    CHECK(add["errors"][0]["code"] == "db_readonly_filesystem");
    CHECK(names(mnt).empty());  // the mount went with the child's namespace
}
