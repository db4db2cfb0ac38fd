#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace pekon::vault {

// 32 secret bytes in memory of their own (libsodium's guarded allocation: locked so it is
// never swapped out, fenced by guard pages, wiped when freed). Move-only; an empty key (moved
// from) holds nothing.
class SecretKey {
  public:
    static constexpr std::size_t kSize = 32;

    // A fresh random key, or `crypto_memory` when locked memory cannot be had.
    static Result<SecretKey> random();
    // A copy of exactly kSize bytes (`key_size` otherwise).
    static Result<SecretKey> fromBytes(std::string_view bytes);

    SecretKey(SecretKey&& other) noexcept;
    SecretKey& operator=(SecretKey&& other) noexcept;
    SecretKey(const SecretKey&) = delete;
    SecretKey& operator=(const SecretKey&) = delete;
    ~SecretKey();

    Result<SecretKey> clone() const;
    const unsigned char* data() const { return bytes_; }
    unsigned char* data() { return bytes_; }
    bool empty() const { return bytes_ == nullptr; }

  private:
    explicit SecretKey(unsigned char* bytes) : bytes_(bytes) {}
    static Result<SecretKey> allocate();
    unsigned char* bytes_ = nullptr;
};

// Base64 (standard alphabet, padded) of bytes, and back (nullopt when it is not base64).
std::string toBase64(std::string_view bytes);
std::optional<std::string> fromBase64(std::string_view text);

}  // namespace pekon::vault
