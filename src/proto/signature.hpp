#pragma once

// Request signing of the sync protocol, section 3:
//   X-Pekon-Signature = base64(HMAC-SHA256(key = the device secret (32 bytes),
//       msg = METHOD "\n" PATH_AND_QUERY "\n" TIMESTAMP "\n" lowercase_hex(SHA-256(body))))
// Base64 is the standard alphabet with padding everywhere.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace pekon::sync {

// How far (in seconds) a request's timestamp may be from the hub's clock.
inline constexpr std::int64_t kTimestampWindow = 300;

// The secret the hub hands a device at enrolment: 32 random bytes.
struct DeviceSecret {
    std::array<unsigned char, 32> bytes{};
    bool operator==(const DeviceSecret&) const = default;
};

// Lowercase hex of the SHA-256 of `bytes`.
std::string sha256Hex(std::string_view bytes);

// Standard base64 (with padding) of HMAC-SHA256(key, message). Any key length.
std::string hmacSha256Base64(std::span<const unsigned char> key, std::string_view message);

// The exact bytes that are signed: METHOD (upper-cased) "\n" PATH_AND_QUERY "\n"
// decimal TIMESTAMP "\n" sha256Hex(body).
std::string signingMessage(std::string_view method, std::string_view path_and_query,
                           std::int64_t timestamp, std::string_view body);

// 32 fresh random bytes (libsodium's CSPRNG).
DeviceSecret newDeviceSecret();

// Standard base64 with padding (44 characters), as the hub sends it.
std::string encodeSecret(const DeviceSecret& secret);

// The inverse of encodeSecret. Error code `bad_secret` unless `base64` is valid standard
// base64 (with padding, no whitespace) of exactly 32 bytes.
Result<DeviceSecret> decodeSecret(std::string_view base64);

// The X-Pekon-Signature value of a request.
std::string sign(const DeviceSecret& secret, std::string_view method,
                 std::string_view path_and_query, std::int64_t timestamp, std::string_view body);

// Whether `signature_base64` is the signature of this request under `secret`. Malformed or
// wrong-length signatures are false; the comparison is in constant time. Never throws.
bool verify(const DeviceSecret& secret, std::string_view method, std::string_view path_and_query,
            std::int64_t timestamp, std::string_view body,
            std::string_view signature_base64) noexcept;

// |request_ts - now| <= window, without overflow for any inputs. A negative window is false.
bool timestampFresh(std::int64_t request_ts, std::int64_t now,
                    std::int64_t window = kTimestampWindow);

}  // namespace pekon::sync
