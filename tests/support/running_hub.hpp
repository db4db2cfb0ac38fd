#pragma once

// pekon-hub (PEKON_HUB) as a real process on loopback: `serve` on a port the kernel picks,
// SIGTERM and a clean exit at the end. `db` is what `--db` takes (sqlite:PATH or
// postgresql://...); a plain path is taken as SQLite.
#include <signal.h>
#include <sys/wait.h>

#include <stdexcept>
#include <string>

#include "support/child_process.hpp"

namespace pekon::test {

class RunningHub {
  public:
    explicit RunningHub(const std::string& db) {
        const bool url = db.rfind("sqlite:", 0) == 0 || db.rfind("postgres", 0) == 0;
        child_ = spawnChild(
            PEKON_HUB, {"serve", "--listen", "127.0.0.1:0", "--db", url ? db : "sqlite:" + db});
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
