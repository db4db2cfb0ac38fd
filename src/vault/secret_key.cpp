#include "vault/secret_key.hpp"

#include <sodium.h>

#include <cstring>
#include <utility>

namespace pekon::vault {

namespace {

Error memoryError() {
    return Error{"crypto_memory", "Memori terkunci untuk kunci data tidak tersedia.",
                 "No locked memory is available for the data key."};
}

}  // namespace

Result<SecretKey> SecretKey::allocate() {
    if (sodium_init() < 0) return memoryError();
    auto* bytes = static_cast<unsigned char*>(sodium_malloc(kSize));
    if (bytes == nullptr) return memoryError();
    return SecretKey(bytes);
}

Result<SecretKey> SecretKey::random() {
    auto key = allocate();
    if (!key) return key.error();
    randombytes_buf(key->bytes_, kSize);
    return key;
}

Result<SecretKey> SecretKey::fromBytes(std::string_view bytes) {
    if (bytes.size() != kSize)
        return Error{"key_size", "Kunci tidak berukuran 32 bita.", "The key is not 32 bytes."};
    auto key = allocate();
    if (!key) return key.error();
    std::memcpy(key->bytes_, bytes.data(), kSize);
    return key;
}

Result<SecretKey> SecretKey::clone() const {
    auto key = allocate();
    if (!key) return key.error();
    if (bytes_ != nullptr) std::memcpy(key->bytes_, bytes_, kSize);
    return key;
}

SecretKey::SecretKey(SecretKey&& other) noexcept : bytes_(std::exchange(other.bytes_, nullptr)) {}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
    if (this != &other) {
        if (bytes_ != nullptr) sodium_free(bytes_);
        bytes_ = std::exchange(other.bytes_, nullptr);
    }
    return *this;
}

SecretKey::~SecretKey() {
    if (bytes_ != nullptr) sodium_free(bytes_);  // wipes, then unlocks and frees
}

std::string toBase64(std::string_view bytes) {
    const int variant = sodium_base64_VARIANT_ORIGINAL;
    std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), variant);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<std::string> fromBase64(std::string_view text) {
    std::string out(text.size() / 4 * 3 + 3, '\0');
    size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(len);
    return out;
}

}  // namespace pekon::vault
