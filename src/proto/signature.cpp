#include "proto/signature.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <new>

namespace pekon::sync {

namespace {

constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;

// sodium_init() once, thread-safely (a function-local static); true when it succeeded.
bool sodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

std::string toBase64(const unsigned char* bytes, std::size_t size) {
    std::string out(sodium_base64_ENCODED_LEN(size, kVariant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, size, kVariant);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

// Decodes strict standard base64 of exactly N bytes into `out`; false otherwise.
template <std::size_t N>
bool fromBase64Exact(std::string_view base64, std::array<unsigned char, N>& out) {
    if (base64.size() != sodium_base64_ENCODED_LEN(N, kVariant) - 1) return false;
    unsigned char buffer[N + 1];
    std::size_t length = 0;
    const int rc = sodium_base642bin(buffer, sizeof buffer, base64.data(), base64.size(), nullptr,
                                     &length, nullptr, kVariant);
    const bool ok = rc == 0 && length == N;
    if (ok) std::copy(buffer, buffer + N, out.begin());
    sodium_memzero(buffer, sizeof buffer);
    return ok;
}

using Mac = std::array<unsigned char, crypto_auth_hmacsha256_BYTES>;

Mac hmacSha256(std::span<const unsigned char> key, std::string_view message) {
    sodiumReady();
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key.data(), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                  message.size());
    Mac mac{};
    crypto_auth_hmacsha256_final(&state, mac.data());
    sodium_memzero(&state, sizeof state);
    return mac;
}

Error badSecret() {
    return Error{"bad_secret",
                 "Kunci rahasia perangkat dari hub tidak sah (harus base64 dari 32 bita).",
                 "The device secret from the hub is not valid (it must be base64 of 32 bytes)."};
}

}  // namespace

std::string sha256Hex(std::string_view bytes) {
    sodiumReady();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string hex(2 * sizeof digest + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);  // lowercase
    hex.resize(hex.size() - 1);
    return hex;
}

std::string hmacSha256Base64(std::span<const unsigned char> key, std::string_view message) {
    const Mac mac = hmacSha256(key, message);
    return toBase64(mac.data(), mac.size());
}

std::string signingMessage(std::string_view method, std::string_view path_and_query,
                           std::int64_t timestamp, std::string_view body) {
    std::string message;
    message.reserve(method.size() + path_and_query.size() + 24 + 64);
    for (char c : method) message += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    message += '\n';
    message += path_and_query;
    message += '\n';
    message += std::to_string(timestamp);
    message += '\n';
    message += sha256Hex(body);
    return message;
}

DeviceSecret newDeviceSecret() {
    // Without a working CSPRNG there is no safe secret to return; libsodium itself would
    // abort in randombytes_buf.
    if (!sodiumReady()) std::abort();
    DeviceSecret secret;
    randombytes_buf(secret.bytes.data(), secret.bytes.size());
    return secret;
}

std::string encodeSecret(const DeviceSecret& secret) {
    return toBase64(secret.bytes.data(), secret.bytes.size());
}

Result<DeviceSecret> decodeSecret(std::string_view base64) {
    DeviceSecret secret;
    if (!fromBase64Exact(base64, secret.bytes)) return badSecret();
    return secret;
}

std::string sign(const DeviceSecret& secret, std::string_view method,
                 std::string_view path_and_query, std::int64_t timestamp, std::string_view body) {
    return hmacSha256Base64(secret.bytes, signingMessage(method, path_and_query, timestamp, body));
}

bool verify(const DeviceSecret& secret, std::string_view method, std::string_view path_and_query,
            std::int64_t timestamp, std::string_view body,
            std::string_view signature_base64) noexcept {
    try {
        Mac given{};
        if (!fromBase64Exact(signature_base64, given)) return false;
        const Mac expected =
            hmacSha256(secret.bytes, signingMessage(method, path_and_query, timestamp, body));
        return sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
    } catch (const std::bad_alloc&) {
        return false;
    }
}

bool timestampFresh(std::int64_t request_ts, std::int64_t now, std::int64_t window) {
    if (window < 0) return false;
    // The distance in unsigned arithmetic: exact for any two int64 values, no overflow.
    const auto a = static_cast<std::uint64_t>(request_ts);
    const auto b = static_cast<std::uint64_t>(now);
    const std::uint64_t distance = request_ts >= now ? a - b : b - a;
    return distance <= static_cast<std::uint64_t>(window);
}

}  // namespace pekon::sync
