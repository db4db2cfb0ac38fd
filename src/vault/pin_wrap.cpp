#include "vault/pin_wrap.hpp"

#include <sodium.h>

#include <vector>

#include "core/number.hpp"

namespace pekon::vault {

namespace {

constexpr std::string_view kTag = "pw1";
constexpr std::size_t kSaltSize = crypto_pwhash_SALTBYTES;
constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kMacSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;

Error damaged() {
    return Error{"key_wrap_damaged", "Kunci data pengguna ini rusak.",
                 "This user's data key is damaged."};
}

Error memoryError() {
    return Error{"crypto_memory", "Memori untuk membuka kunci data tidak cukup.",
                 "Not enough memory to open the data key."};
}

// The key-encryption key from the PIN, in locked memory.
Result<SecretKey> deriveKek(const std::string& pin, const std::string& salt, const PinKdf& kdf) {
    auto kek = SecretKey::random();
    if (!kek) return kek.error();
    if (crypto_pwhash(kek->data(), SecretKey::kSize, pin.data(),
                      pin.size(), reinterpret_cast<const unsigned char*>(salt.data()),
                      kdf.opslimit, kdf.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return memoryError();
    return kek;
}

std::string associated(const PinKdf& kdf) {
    return std::string(kTag) + "$" + std::to_string(kdf.opslimit) + "$" +
           std::to_string(kdf.memlimit);
}

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == sep) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

}  // namespace

Result<std::string> wrapKey(const SecretKey& key, const std::string& pin, const PinKdf& kdf) {
    if (sodium_init() < 0) return memoryError();
    std::string salt(kSaltSize, '\0');
    randombytes_buf(salt.data(), salt.size());
    auto kek = deriveKek(pin, salt, kdf);
    if (!kek) return kek.error();
    std::string box(kNonceSize + SecretKey::kSize + kMacSize, '\0');
    auto* out = reinterpret_cast<unsigned char*>(box.data());
    randombytes_buf(out, kNonceSize);
    const std::string ad = associated(kdf);
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        out + kNonceSize, nullptr, key.data(), SecretKey::kSize,
        reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, out, kek->data());
    return ad + "$" + toBase64(salt) + "$" + toBase64(box);
}

Result<SecretKey> unwrapKey(const std::string& wrapped, const std::string& pin) {
    if (wrapped.size() > 512) return damaged();
    const auto parts = split(wrapped, '$');
    if (parts.size() != 5 || parts[0] != kTag) return damaged();
    const auto ops = parseNumber<std::uint64_t>(parts[1]);
    const auto mem = parseNumber<std::size_t>(parts[2]);
    if (!ops || !mem || *ops < kPinKdfMin.opslimit || *ops > kPinKdfMax.opslimit ||
        *mem < kPinKdfMin.memlimit || *mem > kPinKdfMax.memlimit)
        return damaged();
    const auto salt = fromBase64(parts[3]);
    const auto box = fromBase64(parts[4]);
    if (!salt || salt->size() != kSaltSize || !box ||
        box->size() != kNonceSize + SecretKey::kSize + kMacSize)
        return damaged();
    const PinKdf kdf{*ops, *mem};
    auto kek = deriveKek(pin, *salt, kdf);
    if (!kek) return kek.error();
    auto key = SecretKey::random();
    if (!key) return key.error();
    const auto* in = reinterpret_cast<const unsigned char*>(box->data());
    const std::string ad = associated(kdf);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            key->data(), nullptr, nullptr, in + kNonceSize,
            box->size() - kNonceSize, reinterpret_cast<const unsigned char*>(ad.data()),
            ad.size(), in, kek->data()) != 0)
        return Error{"key_pin_wrong", "PIN ini tidak membuka data perangkat.",
                     "This PIN does not open the device's data."};
    return key;
}

}  // namespace pekon::vault
