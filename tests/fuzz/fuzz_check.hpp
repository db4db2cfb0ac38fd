#pragma once

// The fuzz targets' invariant check: on failure it says which condition broke (on stderr,
// kept in libFuzzer's crash log) and traps, so the input is saved as a crash.
#include <cstdio>

namespace pekon::fuzz {

[[noreturn]] inline void fail(const char* file, const char* what) {
    std::fprintf(stderr, "\n%s: invariant broken: %s\n", file, what);
    std::fflush(stderr);
    __builtin_trap();
}

}  // namespace pekon::fuzz

#define PEKON_CHECK(cond)                                  \
    do {                                                   \
        if (!(cond)) ::pekon::fuzz::fail(__FILE__, #cond); \
    } while (false)
