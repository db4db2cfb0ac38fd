#include "vault/sealed_box.hpp"

#include <sodium.h>

namespace pekon::vault {

namespace {

Error keySize() {
    return Error{"key_size", "Kunci publik tidak berukuran 32 bita.",
                 "The public key is not 32 bytes."};
}

}  // namespace

Result<BoxKeys> newBoxKeys() {
    auto seed = SecretKey::random();
    if (!seed) return seed.error();
    return boxKeysFromSeed(*seed);
}

BoxKeys boxKeysFromSeed(const SecretKey& seed) {
    auto secret = SecretKey::random();
    if (!secret) std::abort();  // no locked memory at all: nothing sensible to do
    std::string pub(crypto_box_PUBLICKEYBYTES, '\0');
    crypto_box_seed_keypair(reinterpret_cast<unsigned char*>(pub.data()), secret->data(),
                            seed.data());
    return BoxKeys{std::move(pub), std::move(*secret)};
}

Result<BoxKeys> boxKeysFromSecret(std::string_view secret) {
    auto key = SecretKey::fromBytes(secret);
    if (!key) return key.error();
    std::string pub(crypto_box_PUBLICKEYBYTES, '\0');
    crypto_scalarmult_base(reinterpret_cast<unsigned char*>(pub.data()), key->data());
    return BoxKeys{std::move(pub), std::move(*key)};
}

Result<std::string> sealTo(std::string_view public_key, std::string_view plain) {
    if (public_key.size() != crypto_box_PUBLICKEYBYTES) return keySize();
    if (sodium_init() < 0) return keySize();
    std::string box(plain.size() + crypto_box_SEALBYTES, '\0');
    crypto_box_seal(reinterpret_cast<unsigned char*>(box.data()),
                    reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                    reinterpret_cast<const unsigned char*>(public_key.data()));
    return toBase64(box);
}

Result<std::string> openSealed(const BoxKeys& keys, std::string_view sealed_base64) {
    const Error damaged{"box_damaged", "Data tersegel tidak bisa dibuka.",
                        "The sealed data does not open."};
    const auto box = fromBase64(sealed_base64);
    if (!box || box->size() < crypto_box_SEALBYTES ||
        keys.public_key.size() != crypto_box_PUBLICKEYBYTES)
        return damaged;
    std::string plain(box->size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()),
                             reinterpret_cast<const unsigned char*>(box->data()), box->size(),
                             reinterpret_cast<const unsigned char*>(keys.public_key.data()),
                             keys.secret_key.data()) != 0)
        return damaged;
    return plain;
}

}  // namespace pekon::vault
