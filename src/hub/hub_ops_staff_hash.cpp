#include <sodium.h>

#include "hub/hub_ops.hpp"
#include "hub/hub_ops_staff.hpp"

namespace pekon::hub {

namespace {

// A hash of a random password made once, with the hub's limits, for verifyDummy.
const std::string& dummyHash() {
    static const std::string hash = [] {
        unsigned char secret[24];
        randombytes_buf(secret, sizeof secret);
        auto made = hashPassword(std::string(reinterpret_cast<const char*>(secret), sizeof secret));
        sodium_memzero(secret, sizeof secret);
        return made ? made.value() : std::string();
    }();
    return hash;
}

}  // namespace

Result<std::string> hashPassword(const std::string& password) {
    if (auto s = initCrypto(); !s) return s.error();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), kPasswordOps, kPasswordMemory) !=
        0)
        return Error{"crypto_unavailable", "Kata sandi tidak bisa di-hash (memori kurang).",
                     "The password could not be hashed (out of memory)."};
    return std::string(out);
}

bool verifyPassword(const std::string& hash, const std::string& password) {
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || !initCrypto()) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool passwordNeedsRehash(const std::string& hash) {
    return crypto_pwhash_str_needs_rehash(hash.c_str(), kPasswordOps, kPasswordMemory) != 0;
}

void verifyDummy(const std::string& password) {
    (void)verifyPassword(dummyHash(), password);
}

}  // namespace pekon::hub
