#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "vault/secret_key.hpp"

namespace pekon::vault {

// An X25519 key pair for sealed boxes: anyone with the public half seals, only the secret half
// opens (libsodium's crypto_box_seal: an ephemeral key per box, authenticated).
struct BoxKeys {
    std::string public_key;  // 32 raw bytes
    SecretKey secret_key;
};

Result<BoxKeys> newBoxKeys();
BoxKeys boxKeysFromSeed(const SecretKey& seed);
// The pair of a stored secret half (32 bytes), or `key_size`.
Result<BoxKeys> boxKeysFromSecret(std::string_view secret);

// base64 of the sealed box; `key_size` for a public key that is not 32 bytes.
Result<std::string> sealTo(std::string_view public_key, std::string_view plain);
// The text back from base64, or `box_damaged` (not base64, altered, or for another key).
Result<std::string> openSealed(const BoxKeys& keys, std::string_view sealed_base64);

}  // namespace pekon::vault
