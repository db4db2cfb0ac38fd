// `pekon-hub user ...`: the real pekon-hub, its password on standard input, on each backend.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <stdexcept>
#include <string>
#include <vector>

#include "codec/json.hpp"
#include "hub/hub_store_fixtures.hpp"
#include "hub/office_staff.hpp"
#include "support/postgres_test_db.hpp"

using namespace pekon;
using namespace pekon::hub;
using test::openHub;
using test::PostgreSQL;
using test::SQLite;

namespace {

struct Run {
    int exit_code = -1;
    std::string out, err;
};

std::string readAll(int fd) {
    std::string text;
    char buf[4096];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error("read failed");
        text.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return text;
}

// pekon-hub `args`, `input` on its standard input (then closed), run to its end.
Run runHub(const std::vector<std::string>& args, const std::string& input) {
    int in[2], out[2], err[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0 || ::pipe(err) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(in[0], STDIN_FILENO);
        ::dup2(out[1], STDOUT_FILENO);
        ::dup2(err[1], STDERR_FILENO);
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
        std::vector<char*> argv{const_cast<char*>(PEKON_HUB)};
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(PEKON_HUB, argv.data());
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    // The input is small (a pipe holds 64 KiB): written whole before the output is read.
    if (!input.empty() && ::write(in[1], input.data(), input.size()) !=
                              static_cast<ssize_t>(input.size()))
        throw std::runtime_error("write failed");
    ::close(in[1]);
    Run run;
    run.out = readAll(out[0]);
    run.err = readAll(err[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

std::vector<Json> jsonLines(const std::string& text) {
    std::vector<Json> out;
    size_t start = 0;
    for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
        auto parsed = parseJson(text.substr(start, end - start));
        REQUIRE(parsed);
        out.push_back(*parsed);
    }
    CHECK(start == text.size());
    return out;
}

}  // namespace

TEMPLATE_TEST_CASE("pekon-hub user: add, list, passwd, unlock, disable, enable", "[hub][staff]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "staff_cli.db");
    const std::string db = test_db.url();
    auto user = [&](std::vector<std::string> args, const std::string& input = "") {
        args.insert(args.begin(), "user");
        args.insert(args.end(), {"--db", db});
        Run run = runHub(args, input);
        INFO(run.err);
        return run;
    };

    const Run added = user({"add", "--username", "ani.w", "--name", "Ani Wulandari", "--role",
                            "verifier"},
                           "ladang lada 7\n");
    INFO(added.err);
    REQUIRE(added.exit_code == 0);
    const auto account = jsonLines(added.out);
    REQUIRE(account.size() == 1);
    CHECK(account[0]["username"] == "ani.w");
    CHECK(account[0]["name"] == "Ani Wulandari");
    CHECK(account[0]["role"] == "verifier");
    CHECK(account[0]["disabled"] == false);
    // --password-stdin says what is done anyway; a CR LF line end is not part of the password.
    REQUIRE(user({"add", "--username", "boss", "--password-stdin", "--name", "Kepala", "--role",
                  "admin"},
                 "Kopi-Tubruk-26\r\n")
                .exit_code == 0);

    {
        auto hub = openHub(test_db);
        REQUIRE(signIn(hub->db(), "ani.w", "ladang lada 7", 1'795'000'000));
        REQUIRE(signIn(hub->db(), "boss", "Kopi-Tubruk-26", 1'795'000'000));
        // The command line's lines in the audit log: by no one.
        auto lines = auditLog(hub->db(), {"", "staff_add", "", 0, 0}, 0, 10);
        REQUIRE(lines);
        REQUIRE(lines->size() == 2);
        CHECK((*lines)[0].username.empty());
        CHECK_FALSE((*lines)[0].staff_id);
    }

    const Run listed = user({"list"});
    REQUIRE(listed.exit_code == 0);
    const auto staff = jsonLines(listed.out);
    REQUIRE(staff.size() == 2);
    CHECK(staff[0]["username"] == "ani.w");
    CHECK(staff[1]["username"] == "boss");
    CHECK(staff[1]["role"] == "admin");
    CHECK(staff[1]["locked_until"].is_null());

    // Refused: a duplicate, a weak password (never echoed), a password on the command line, no
    // password at all, an unknown role or account.
    const Run twice = user({"add", "--username", "ani.w", "--name", "A", "--role", "viewer"},
                           "Another-pass-1\n");
    CHECK(twice.exit_code == 1);
    CHECK(twice.err.find("staff_exists") != std::string::npos);
    const Run weak = user({"add", "--username", "budi", "--name", "B", "--role", "viewer"},
                          "rahasiaku\n");
    CHECK(weak.exit_code == 1);
    CHECK(weak.err.find("password_weak") != std::string::npos);
    CHECK(weak.err.find("rahasiaku") == std::string::npos);
    const Run argv = user({"add", "--username", "budi", "--name", "B", "--role", "viewer",
                           "--password", "Another-pass-1"});
    CHECK(argv.exit_code == 2);
    CHECK(argv.err.find("Another-pass-1") == std::string::npos);
    const Run empty = user({"add", "--username", "budi", "--name", "B", "--role", "viewer"}, "");
    CHECK(empty.exit_code == 1);
    CHECK(empty.err.find("password_missing") != std::string::npos);
    CHECK(user({"add", "--username", "budi", "--name", "B", "--role", "boss"}, "Another-pass-1\n")
              .exit_code == 2);
    CHECK(user({"add", "--username", "budi", "--role", "viewer"}, "Another-pass-1\n").exit_code ==
          2);
    CHECK(user({"disable", "nobody"}).exit_code == 1);
    CHECK(user({"frobnicate", "ani.w"}).exit_code == 2);
    CHECK(user({"list", "extra"}).exit_code == 2);
    CHECK(jsonLines(user({"list"}).out).size() == 2);

    // A new password; a lock-out ended; disabled and enabled again.
    REQUIRE(user({"passwd", "ani.w"}, "Sandi-Baru-99\n").exit_code == 0);
    {
        auto hub = openHub(test_db);
        HubDb& hdb = hub->db();
        CHECK_FALSE(signIn(hdb, "ani.w", "ladang lada 7", 1'795'000'100));
        REQUIRE(signIn(hdb, "ani.w", "Sandi-Baru-99", 1'795'000'101));
        for (int i = 0; i < kMaxFailedSignIns; ++i)
            (void)signIn(hdb, "ani.w", "x-salah-123", 1'795'000'200);
        CHECK(signIn(hdb, "ani.w", "Sandi-Baru-99", 1'795'000'201).error().code ==
              "account_locked");
    }
    CHECK(jsonLines(user({"list"}).out)[0]["locked_until"] == 1'795'000'200 + kLockSeconds);
    REQUIRE(user({"unlock", "ani.w"}).exit_code == 0);
    {
        auto hub = openHub(test_db);
        REQUIRE(signIn(hub->db(), "ani.w", "Sandi-Baru-99", 1'795'000'202));
    }
    REQUIRE(user({"disable", "ani.w"}).exit_code == 0);
    CHECK(jsonLines(user({"list"}).out)[0]["disabled"] == true);
    {
        auto hub = openHub(test_db);
        CHECK(signIn(hub->db(), "ani.w", "Sandi-Baru-99", 1'795'000'300).error().code ==
              "sign_in_failed");
    }
    REQUIRE(user({"enable", "ani.w"}).exit_code == 0);
    REQUIRE(user({"role", "ani.w", "--role", "viewer"}).exit_code == 0);
    const auto after = jsonLines(user({"list"}).out);
    CHECK(after[0]["disabled"] == false);
    CHECK(after[0]["role"] == "viewer");
    // The last admin stays one.
    const Run demote = user({"role", "boss", "--role", "viewer"});
    CHECK(demote.exit_code == 1);
    CHECK(demote.err.find("last_admin") != std::string::npos);
    {
        auto hub = openHub(test_db);
        REQUIRE(signIn(hub->db(), "ani.w", "Sandi-Baru-99", 1'795'000'400));
    }
}
