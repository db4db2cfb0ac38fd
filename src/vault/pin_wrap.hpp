#pragma once

#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "vault/secret_key.hpp"

namespace pekon::vault {

// How a PIN becomes a key-encryption key: Argon2id with these costs and a random 16-byte salt
// per user. Chosen with bench/store_bench (the "sign-in" rows): one derivation must stay well
// under a second on the slowest machine the app runs on, and cost an attacker as much memory
// and time per guess as that allows.
struct PinKdf {
    std::uint64_t opslimit = 0;  // passes over the memory
    std::size_t memlimit = 0;    // bytes
};
inline constexpr PinKdf kPinKdf{3, std::size_t{128} << 20};
// What a stored wrap may ask for (a damaged or hostile file cannot make a sign-in take minutes
// or gigabytes): 1-8 passes, 8 MiB-1 GiB.
inline constexpr PinKdf kPinKdfMin{1, std::size_t{8} << 20};
inline constexpr PinKdf kPinKdfMax{8, std::size_t{1} << 30};

// The data key encrypted (XChaCha20-Poly1305) under Argon2id(pin, salt): a line of text,
// "pw1$<opslimit>$<memlimit>$<salt>$<nonce and ciphertext>" (base64), safe to store beside
// the data. `crypto_memory` when Argon2id cannot have its memory.
Result<std::string> wrapKey(const SecretKey& key, const std::string& pin,
                            const PinKdf& kdf = kPinKdf);

// The data key back: `key_wrap_damaged` when the text is not a wrap (or asks for costs out of
// bounds), `key_pin_wrong` when the PIN does not open it (authenticated: a wrong PIN yields
// nothing, never a wrong key).
Result<SecretKey> unwrapKey(const std::string& wrapped, const std::string& pin);

}  // namespace pekon::vault
