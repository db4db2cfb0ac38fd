#include "proto/ids.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "core/uuid.hpp"

namespace pekon {

namespace {

// Random bytes are drawn 4 KiB at a time: one system call per 256 ids, not per id.
std::array<unsigned char, 16> randomBytes16() {
    thread_local std::array<unsigned char, 4096> pool;
    thread_local size_t used = pool.size();
    if (used == pool.size()) {
        randombytes_buf(pool.data(), pool.size());
        used = 0;
    }
    std::array<unsigned char, 16> bytes;
    std::copy_n(pool.begin() + static_cast<std::ptrdiff_t>(used), bytes.size(), bytes.begin());
    sodium_memzero(pool.data() + used, bytes.size());
    used += bytes.size();
    return bytes;
}

}  // namespace

std::string newUuid() {
    return formatUuidV4(randomBytes16());
}

std::string newEntityId() {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    return formatUuidV7(static_cast<std::uint64_t>(ms.count()), randomBytes16());
}

}  // namespace pekon
