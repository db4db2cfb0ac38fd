#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "vault/secret_key.hpp"

namespace pekon::vault {

// One personal field sealed at rest. With the data key (a signed-in user's): "s1:" and base64
// of a random nonce and XChaCha20-Poly1305 of the text padded to a multiple of 32 bytes, so
// the length of a name says little. Without it (the background sync writing what the hub
// sent): "b1:" and a sealed box to the device's public key, which only the data key opens.
// The empty text stays empty (an unset phone number), which tells an attacker only that.
std::string sealField(const SecretKey& data_key, std::string_view plain);
// `key_size` for a public key that is not 32 bytes.
Result<std::string> sealFieldTo(std::string_view device_public_key, std::string_view plain);

// Whether `text` is a sealed field (either form).
bool isSealedField(std::string_view text);

// The text back: `field_damaged` when it does not open (altered, or another device's).
Result<std::string> openField(const SecretKey& data_key, std::string_view sealed);

// The device's sealed-box key pair, derived from the data key: its public half is kept in
// the clear so that the background sync can seal for the device without the data key.
std::string devicePublicKey(const SecretKey& data_key);

// Keyed blind index: a NIK or KK number found by equality without storing it. BLAKE2b-128
// under a key derived from the data key for `purpose` ("nik", "kk"); hex. An attacker with
// the file but not the data key cannot test guesses against it.
std::string blindIndex(const SecretKey& data_key, std::string_view purpose,
                       std::string_view value);

}  // namespace pekon::vault
