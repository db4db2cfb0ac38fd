#include "vault/field_seal.hpp"

#include <sodium.h>

#include "vault/sealed_box.hpp"

namespace pekon::vault {

namespace {

constexpr std::string_view kKeyed = "s1:";
constexpr std::string_view kBoxed = "b1:";
constexpr std::size_t kBlock = 32;
constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kMacSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;

// Subkeys of the data key, each for one use (crypto_kdf: BLAKE2b with the id and context).
enum SubkeyId : std::uint64_t { kBlindSubkey = 1, kBoxSeedSubkey = 2 };

SecretKey subkey(const SecretKey& data_key, SubkeyId id) {
    auto out = SecretKey::random();  // locked memory; random() fails only without it
    if (!out) std::abort();
    crypto_kdf_derive_from_key(out->data(), SecretKey::kSize, id, "pekonkey", data_key.data());
    return std::move(*out);
}

std::string padded(std::string_view plain) {
    std::string buf(plain);
    buf.resize(plain.size() + kBlock);
    size_t len = 0;
    sodium_pad(&len, reinterpret_cast<unsigned char*>(buf.data()), plain.size(), kBlock,
               buf.size());
    buf.resize(len);
    return buf;
}

std::optional<std::string> unpadded(std::string buf) {
    size_t len = 0;
    if (sodium_unpad(&len, reinterpret_cast<const unsigned char*>(buf.data()), buf.size(),
                     kBlock) != 0)
        return std::nullopt;
    buf.resize(len);
    return buf;
}

Error damaged() {
    return Error{"field_damaged", "Data pribadi tersegel tidak bisa dibuka (rusak atau bukan milik "
                                 "perangkat ini).",
                 "A sealed personal field does not open (damaged, or not this device's)."};
}

BoxKeys deviceBoxKeys(const SecretKey& data_key) {
    return boxKeysFromSeed(subkey(data_key, kBoxSeedSubkey));
}

}  // namespace

std::string sealField(const SecretKey& data_key, std::string_view plain) {
    if (plain.empty()) return {};
    const std::string body = padded(plain);
    std::string box(kNonceSize + body.size() + kMacSize, '\0');
    auto* out = reinterpret_cast<unsigned char*>(box.data());
    randombytes_buf(out, kNonceSize);
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        out + kNonceSize, nullptr, reinterpret_cast<const unsigned char*>(body.data()),
        body.size(), nullptr, 0, nullptr, out, data_key.data());
    return std::string(kKeyed) + toBase64(box);
}

Result<std::string> sealFieldTo(std::string_view device_public_key, std::string_view plain) {
    if (plain.empty()) return std::string();
    auto box = sealTo(device_public_key, padded(plain));
    if (!box) return box.error();
    return std::string(kBoxed) + *box;
}

bool isSealedField(std::string_view text) {
    return text.substr(0, kKeyed.size()) == kKeyed || text.substr(0, kBoxed.size()) == kBoxed;
}

Result<std::string> openField(const SecretKey& data_key, std::string_view sealed) {
    if (sealed.empty()) return std::string();
    if (sealed.substr(0, kBoxed.size()) == kBoxed) {
        auto opened = openSealed(deviceBoxKeys(data_key), sealed.substr(kBoxed.size()));
        if (!opened) return damaged();
        auto plain = unpadded(std::move(*opened));
        if (!plain) return damaged();
        return *plain;
    }
    if (sealed.substr(0, kKeyed.size()) != kKeyed) return damaged();
    const auto box = fromBase64(sealed.substr(kKeyed.size()));
    if (!box || box->size() < kNonceSize + kMacSize + kBlock) return damaged();
    std::string body(box->size() - kNonceSize - kMacSize, '\0');
    const auto* in = reinterpret_cast<const unsigned char*>(box->data());
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(body.data()), nullptr, nullptr, in + kNonceSize,
            box->size() - kNonceSize, nullptr, 0, in, data_key.data()) != 0)
        return damaged();
    auto plain = unpadded(std::move(body));
    if (!plain) return damaged();
    return *plain;
}

std::string devicePublicKey(const SecretKey& data_key) {
    return deviceBoxKeys(data_key).public_key;
}

std::string blindIndex(const SecretKey& data_key, std::string_view purpose,
                       std::string_view value) {
    // On the stack and wiped at once: a search or a registration derives it each time, and
    // locked memory (mmap, mprotect, mlock) per call would cost more than the hash.
    unsigned char key[SecretKey::kSize];
    crypto_kdf_derive_from_key(key, sizeof key, kBlindSubkey, "pekonkey", data_key.data());
    unsigned char out[16];
    crypto_generichash_state state;
    crypto_generichash_init(&state, key, sizeof key, sizeof out);
    sodium_memzero(key, sizeof key);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(purpose.data()),
                              purpose.size());
    const unsigned char sep = 0;
    crypto_generichash_update(&state, &sep, 1);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(value.data()),
                              value.size());
    crypto_generichash_final(&state, out, sizeof out);
    sodium_memzero(&state, sizeof state);
    char hex[sizeof out * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, out, sizeof out);
    return hex;
}

}  // namespace pekon::vault
