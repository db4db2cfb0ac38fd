// The child of the sealing crash test: signs in to a database from before issue 16, which
// seals it (store/internal/device_sealing). The parent kills it with SIGKILL at a random point.
//   pekon_seal_signin DB USER_ID PIN
#include <cstdio>

#include "store/store.hpp"
#include "store/users.hpp"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: pekon_seal_signin DB USER_ID PIN\n");
        return 2;
    }
    auto store = pekon::Store::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "open: %s\n", store.error().message_en.c_str());
        return 1;
    }
    std::printf("opened\n");
    std::fflush(stdout);
    auto user = pekon::login(**store, argv[2], argv[3], 1795000000);
    if (!user) {
        std::fprintf(stderr, "login: %s\n", user.error().message_en.c_str());
        return 1;
    }
    std::printf("sealed\n");
    std::fflush(stdout);
    return 0;
}
