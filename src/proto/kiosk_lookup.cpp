#include "proto/kiosk_lookup.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdint>

namespace pekon {

Result<std::string> slowKeyedHash(const KioskKey& key, std::string_view message,
                                  SlowHashCost cost) {
    if (sodium_init() < 0)
        return Error{"kiosk_hash", "Pustaka kriptografi tidak bisa dimulai.",
                     "The cryptography library cannot start."};
    unsigned char password[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(password, reinterpret_cast<const unsigned char*>(message.data()),
                           message.size(), key.bytes.data());
    static constexpr std::string_view kLabel = "pekon-kiosk-v1";
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(kLabel.data()),
                              kLabel.size());
    crypto_hash_sha256_update(&state, key.bytes.data(), key.bytes.size());
    crypto_hash_sha256_final(&state, digest);
    unsigned char out[16];
    static_assert(crypto_pwhash_SALTBYTES == 16);
    if (crypto_pwhash(out, sizeof out, reinterpret_cast<const char*>(password), sizeof password,
                      digest, cost.passes, cost.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error{"kiosk_hash", "Memori tidak cukup untuk mencari status kartu.",
                     "Not enough memory to look up a card status."};
    sodium_memzero(password, sizeof password);
    char hex[2 * sizeof out + 1];
    sodium_bin2hex(hex, sizeof hex, out, sizeof out);
    return std::string(hex);
}

Result<std::string> kkLookupKey(const KioskKey& key, std::string_view nik,
                                std::string_view kk_number) {
    return slowKeyedHash(key, "kk|" + std::string(nik) + "|" + std::string(kk_number),
                         kKkLookupCost);
}

Result<std::string> receiptLookupKey(const KioskKey& key, std::string_view household_id,
                                     const Date& birth) {
    return slowKeyedHash(key, std::string(household_id) + "|" + formatIsoDate(birth));
}

std::string maskName(std::string_view name) {
    std::string out;
    bool word_start = true;
    for (size_t i = 0; i < name.size();) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (c == ' ') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            word_start = true;
            ++i;
            continue;
        }
        // One UTF-8 character: its lead byte and continuation bytes.
        size_t length = c < 0x80         ? 1
                        : (c >> 5) == 6  ? 2
                        : (c >> 4) == 14 ? 3
                        : (c >> 3) == 30 ? 4
                                         : 1;
        length = std::min(length, name.size() - i);
        if (word_start)
            out.append(name.substr(i, length));
        else
            out += '*';
        word_start = false;
        i += length;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string maskCardNumber(std::string_view card_number) {
    if (card_number.size() <= 4) return std::string(card_number.size(), '*');
    std::string out(card_number.size() - 4, '*');
    out.append(card_number.substr(card_number.size() - 4));
    return out;
}

Json kioskEntryJson(const KioskEntry& e) {
    Json data = {{"lookup", e.lookup},
                 {"status", e.status},
                 {"faskes", e.faskes},
                 {"card_eta", e.card_eta},
                 {"card_number_masked", e.card_number_masked},
                 {"name_masked", e.name_masked},
                 {"as_of", e.as_of}};
    if (e.care_class) data["class"] = *e.care_class;
    if (!e.receipt_lookup.empty()) data["receipt_lookup"] = e.receipt_lookup;
    data["kk_lookup"] = e.kk_lookup;
    return data;
}

std::optional<KioskEntry> parseKioskEntry(const Json& data) {
    if (!data.is_object()) return std::nullopt;
    // A member that is absent reads as ""; one of another type refuses the whole entry.
    auto text = [&](const char* key, std::string& out) {
        auto it = data.find(key);
        if (it == data.end()) return true;
        if (!it->is_string()) return false;
        out = it->get<std::string>();
        return true;
    };
    KioskEntry e;
    if (!text("lookup", e.lookup) || !text("status", e.status) || !text("faskes", e.faskes) ||
        !text("card_eta", e.card_eta) || !text("card_number_masked", e.card_number_masked) ||
        !text("name_masked", e.name_masked) || !text("as_of", e.as_of) ||
        !text("receipt_lookup", e.receipt_lookup) || !text("kk_lookup", e.kk_lookup))
        return std::nullopt;
    e.legacy = !data.contains("kk_lookup");
    auto isLookup = [](const std::string& h) {
        return h.size() == 32 && h.find_first_not_of("0123456789abcdef") == std::string::npos;
    };
    for (const std::string* h : {&e.lookup, &e.receipt_lookup, &e.kk_lookup})
        if (!h->empty() && !isLookup(*h)) return std::nullopt;
    if (e.legacy && e.lookup.empty()) return std::nullopt;
    if (e.status.empty() || e.as_of.empty()) return std::nullopt;
    if (auto it = data.find("class"); it != data.end() && !it->is_null()) {
        if (!it->is_number_integer()) return std::nullopt;
        const auto care_class = it->get<std::int64_t>();
        if (care_class < 1 || care_class > 3) return std::nullopt;
        e.care_class = static_cast<int>(care_class);
    }
    return e;
}

}  // namespace pekon
