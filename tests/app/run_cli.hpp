#pragma once
// Runs the real `pekon` binary (PEKON_CLI) as a child process and captures what it does.
// Header-only: tests/app compiles only *_test.cpp files.

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "store/store.hpp"
#include "support/fixtures.hpp"

extern char** environ;

namespace pekon::test {

// Exit codes the sanitizers use in the child, so a sanitizer report is never mistaken for
// the CLI's own exit code 1.
inline constexpr int kAsanExit = 86;
inline constexpr int kUbsanExit = 87;

struct CliRun {
    int exit_code = -1;  // -1 when killed by a signal
    int signal = 0;
    std::string out;
    std::string err;
    std::string home;     // the child's HOME; XDG_DATA_HOME is home + "/data"
    long max_rss_kb = 0;  // the child's peak resident memory (wait4's ru_maxrss)

    // Ended on its own, without a signal or a sanitizer report.
    bool clean() const {
        return signal == 0 && exit_code != kAsanExit && exit_code != kUbsanExit &&
               err.find("Sanitizer") == std::string::npos &&
               err.find("runtime error") == std::string::npos;
    }
    std::string describe() const {
        std::ostringstream s;
        s << "exit " << exit_code << " signal " << signal << "\n--- stdout ---\n"
          << out << "--- stderr ---\n"
          << err;
        return s.str();
    }
};

inline void writeWholeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    REQUIRE(out.good());
}

// The environment of the child: ours, plus the assets of the source tree, a private HOME and
// XDG_DATA_HOME (so a forgotten --db never touches the real one), and sanitizer exit codes.
inline std::vector<std::string> cliEnvironment(const std::string& home) {
    std::vector<std::string> env;
    std::string asan = "ASAN_OPTIONS=exitcode=" + std::to_string(kAsanExit);
    std::string ubsan = "UBSAN_OPTIONS=print_stacktrace=1:exitcode=" + std::to_string(kUbsanExit);
    for (char** e = environ; e && *e; ++e) {
        const std::string kv = *e;
        const std::string name = kv.substr(0, kv.find('='));
        if (name == "PEKON_ASSETS" || name == "HOME" || name == "XDG_DATA_HOME") continue;
        if (name == "ASAN_OPTIONS") {
            asan = kv + ":exitcode=" + std::to_string(kAsanExit);
            continue;
        }
        if (name == "UBSAN_OPTIONS") {
            ubsan = kv + ":exitcode=" + std::to_string(kUbsanExit);
            continue;
        }
        env.push_back(kv);
    }
    env.push_back(std::string("PEKON_ASSETS=") + PEKON_SOURCE_ASSETS);
    env.push_back("HOME=" + home);
    env.push_back("XDG_DATA_HOME=" + home + "/data");
    env.push_back(asan);
    env.push_back(ubsan);
    return env;
}

// Starts `pekon args...` and returns its pid: the environment of cliEnvironment(home), stdin
// from `stdin_path`, stdout and stderr to home + "/stdout" and home + "/stderr".
inline pid_t startCli(const std::vector<std::string>& args, const std::string& home,
                      const std::string& stdin_path = "/dev/null") {
    std::vector<std::string> argv_text = {PEKON_CLI};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_text = cliEnvironment(home);
    std::vector<char*> envp;
    for (std::string& e : env_text) envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, (home + "/stdout").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, (home + "/stderr").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, PEKON_CLI, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    INFO("posix_spawn " << PEKON_CLI);
    REQUIRE(rc == 0);
    return pid;
}

// Runs `pekon args...`; stdin is `stdin_text` when given, else /dev/null.
inline CliRun runCli(const std::vector<std::string>& args,
                     const std::string* stdin_text = nullptr) {
    const std::string dir = tempDir();
    const std::string in_path = dir + "/stdin";
    if (stdin_text) writeWholeFile(in_path, *stdin_text);
    const pid_t pid = startCli(args, dir, stdin_text ? in_path : "/dev/null");

    int status = 0;
    struct rusage usage {};
    pid_t waited;
    do {
        waited = ::wait4(pid, &status, 0, &usage);
    } while (waited < 0 && errno == EINTR);
    REQUIRE(waited == pid);

    CliRun run;
    run.home = dir;
    run.max_rss_kb = usage.ru_maxrss;
    if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
    run.out = readWholeFile(dir + "/stdout");
    run.err = readWholeFile(dir + "/stderr");
    return run;
}

inline CliRun runCliWithStdin(const std::vector<std::string>& args, const std::string& stdin_text) {
    return runCli(args, &stdin_text);
}

// Stdout must be exactly one JSON value followed by one newline.
inline nlohmann::json singleJson(const CliRun& run) {
    INFO(run.describe());
    REQUIRE_FALSE(run.out.empty());
    CHECK(run.out.back() == '\n');
    nlohmann::json j = nlohmann::json::parse(run.out, nullptr, /*allow_exceptions=*/false);
    REQUIRE_FALSE(j.is_discarded());
    return j;
}

// A fresh database path in a new temporary folder.
inline std::string freshDb() {
    return tempPath("pekon.db");
}

// A fresh, empty database (made as a command that writes would make it): read commands
// create none (tests/app/read_only_cli_test.cpp).
inline std::string emptyDb() {
    const std::string path = freshDb();
    REQUIRE(pekon::Store::open(path));
    return path;
}

// tests/data/<name> in the source tree.
inline std::string testData(const std::string& name) {
    return std::string(PEKON_SOURCE_ASSETS) + "/../tests/data/" + name;
}

inline unsigned fileMode(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0xFFFFFFFFu;
    return st.st_mode & 07777;
}

inline bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

// `args` with `--db db` at the end.
inline std::vector<std::string> with(std::vector<std::string> args, const std::string& db) {
    args.push_back("--db");
    args.push_back(db);
    return args;
}

// Runs a command that must succeed cleanly (exit 0, nothing on stderr) and print JSON.
inline nlohmann::json ranOk(const std::vector<std::string>& args) {
    const CliRun run = runCli(args);
    INFO(run.describe());
    REQUIRE(run.exit_code == 0);
    REQUIRE(run.clean());
    nlohmann::json j = nlohmann::json::parse(run.out, nullptr, /*allow_exceptions=*/false);
    REQUIRE_FALSE(j.is_discarded());
    return j;
}

// `db` holding tests/data/household_valid.json, added through the CLI; returns the household id.
inline std::string seeded(const std::string& db) {
    const CliRun run = runCli(with(
        {"household", "add", "--json", testData("household_valid.json"), "--format", "json"}, db));
    INFO(run.describe());
    REQUIRE(run.exit_code == 0);
    return singleJson(run)["saved"][0]["household_id"].get<std::string>();
}

}  // namespace pekon::test
