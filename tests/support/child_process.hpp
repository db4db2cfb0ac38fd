#pragma once

// A test's child process: runs `program` with `args`, its standard output piped back.
#include <sys/types.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace pekon::test {

struct Child {
    pid_t pid = -1;
    FILE* out = nullptr;  // the child's stdout
};

inline Child spawnChild(const char* program, const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        std::vector<char*> argv{const_cast<char*>(program)};
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(program, argv.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    return Child{pid, ::fdopen(fds[0], "r")};
}

}  // namespace pekon::test
