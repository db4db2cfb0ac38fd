#pragma once

// pekon-hub (PEKON_HUB) as a real process on loopback: `serve` on a port the kernel picks,
// SIGTERM and a clean exit at the end; and its one-shot commands (`token create`, `status
// import`, `stats`) run to their end. `db` is what `--db` takes (sqlite:PATH or
// postgresql://...); a plain path is taken as SQLite. Free of Catch: a failure throws.
#include <signal.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "codec/json.hpp"
#include "support/child_process.hpp"
#include "support/fixtures.hpp"

namespace pekon::test {

// `db` as `--db` takes it: a plain path becomes sqlite:PATH.
inline std::string hubDbArgument(const std::string& db) {
    const bool url = db.rfind("sqlite:", 0) == 0 || db.rfind("postgres", 0) == 0;
    return url ? db : "sqlite:" + db;
}

// A program run to its end: its exit code (128 + signal when killed by one) and its standard
// output, line by line (without the line ends).
struct FinishedRun {
    int exit_code = -1;
    std::vector<std::string> lines;
};

inline FinishedRun runToEnd(const char* program, const std::vector<std::string>& args) {
    Child child = spawnChild(program, args);
    FinishedRun run;
    char buf[4096];
    std::string line;
    while (std::fgets(buf, sizeof buf, child.out)) {
        line += buf;
        if (line.back() != '\n') continue;  // a line longer than the buffer: read on
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        run.lines.push_back(line);
        line.clear();
    }
    if (!line.empty()) run.lines.push_back(line);
    std::fclose(child.out);
    int status = 0;
    while (::waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
    }
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

// `pekon-hub args...` run to its end.
inline FinishedRun runHubCommand(const std::vector<std::string>& args) {
    return runToEnd(PEKON_HUB, args);
}

// `pekon-hub status import` run to its end: its exit code and its summary (the first line
// of output; an empty object when there is none).
struct StatusImportRun {
    int exit_code = -1;
    Json summary = Json::object();
};

// `pekon-hub status import` of `csv_text` (written to a temporary file).
inline StatusImportRun importStatuses(const std::string& hub_db, const std::string& csv_text) {
    const std::string csv = tempPath("statuses.csv");
    {
        std::ofstream out(csv, std::ios::binary | std::ios::trunc);
        out << csv_text;
        if (!out) throw std::runtime_error("cannot write " + csv);
    }
    const FinishedRun run = runHubCommand({"status", "import", "--db", hubDbArgument(hub_db), csv});
    StatusImportRun out{run.exit_code};
    if (run.lines.empty()) return out;
    if (auto summary = parseJson(run.lines.front()); summary && summary->is_object())
        out.summary = std::move(summary).value();
    return out;
}

// A one-time enrolment URI for `hub_url` from `pekon-hub token create` (its second line).
inline std::string newEnrolmentUri(const std::string& hub_db, const std::string& hub_url) {
    const FinishedRun run =
        runHubCommand({"token", "create", "--db", hubDbArgument(hub_db), "--hub-url", hub_url});
    if (run.exit_code != 0 || run.lines.size() < 2)
        throw std::runtime_error("pekon-hub token create: exit " + std::to_string(run.exit_code) +
                                 ", " + std::to_string(run.lines.size()) + " lines");
    return run.lines[1];
}

class RunningHub {
  public:
    explicit RunningHub(const std::string& db) {
        child_ =
            spawnChild(PEKON_HUB, {"serve", "--listen", "127.0.0.1:0", "--db", hubDbArgument(db)});
        char line[256] = {};
        if (!std::fgets(line, sizeof line, child_.out))
            throw std::runtime_error("pekon-hub did not start");
        const std::string text = line;
        port_ = std::stoi(text.substr(text.rfind(':') + 1));
    }
    ~RunningHub() {
        if (child_.pid > 0) stop();
    }
    RunningHub(const RunningHub&) = delete;
    RunningHub& operator=(const RunningHub&) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    pid_t pid() const { return child_.pid; }

    // SIGTERM; returns the exit code (128 + signal when killed by one).
    int stop() {
        ::kill(child_.pid, SIGTERM);
        int status = 0;
        ::waitpid(child_.pid, &status, 0);
        std::fclose(child_.out);
        child_.pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

  private:
    Child child_;
    int port_ = 0;
};

}  // namespace pekon::test
