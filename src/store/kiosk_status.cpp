#include "store/kiosk_status.hpp"

#include <sodium.h>

#include <algorithm>
#include <string_view>

namespace pekon {

Result<std::string> statusLookupKey(const KioskKey& key, std::string_view nik, const Date& birth) {
    if (sodium_init() < 0)
        return Error{"kiosk_hash", "Pustaka kriptografi tidak bisa dimulai.",
                     "The cryptography library cannot start."};
    const std::string message = std::string(nik) + "|" + formatIsoDate(birth);
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
                      digest, kLookupPasses, kLookupMemoryBytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error{"kiosk_hash", "Memori tidak cukup untuk mencari status kartu.",
                     "Not enough memory to look up a card status."};
    sodium_memzero(password, sizeof password);
    char hex[2 * sizeof out + 1];
    sodium_bin2hex(hex, sizeof hex, out, sizeof out);
    return std::string(hex);
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

Status upsertKioskEntries(Store& store, const std::vector<KioskEntry>& entries) {
    if (store.damage()) return *store.damage();
    auto tx = sql::Transaction::begin(store.connection());
    if (!tx) return tx.error();
    for (const KioskEntry& e : entries) {
        auto stmt = store.connection().cached(
            "INSERT OR REPLACE INTO kiosk_status (lookup, status, class, faskes, card_eta, "
            "card_number_masked, name_masked, as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        if (!stmt) return stmt.error();
        (*stmt)->bind(1, e.lookup).bind(2, e.status);
        if (e.care_class)
            (*stmt)->bind(3, *e.care_class);
        else
            (*stmt)->bindNull(3);
        (*stmt)->bind(4, e.faskes).bind(5, e.card_eta).bind(6, e.card_number_masked);
        (*stmt)->bind(7, e.name_masked).bind(8, e.as_of);
        if (auto s = (*stmt)->run("keep a kiosk status"); !s) return s;
    }
    return tx->commit();
}

Result<std::optional<KioskEntry>> findKioskEntry(Store& store, const KioskKey& key,
                                                 std::string_view nik, const Date& birth) {
    auto lookup = statusLookupKey(key, nik, birth);
    if (!lookup) return lookup.error();
    auto stmt = store.connection().cached(
        "SELECT status, class, faskes, card_eta, card_number_masked, name_masked, as_of FROM "
        "kiosk_status WHERE lookup = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, *lookup);
    const int rc = (*stmt)->step();
    if (rc == SQLITE_DONE) return std::optional<KioskEntry>();
    if (rc != SQLITE_ROW)
        return sql::sqliteError(store.connection().handle(), rc, "look up a card status");
    KioskEntry e;
    e.lookup = *lookup;
    e.status = (*stmt)->text(0);
    if (!(*stmt)->isNull(1)) e.care_class = static_cast<int>((*stmt)->integer(1));
    e.faskes = (*stmt)->text(2);
    e.card_eta = (*stmt)->text(3);
    e.card_number_masked = (*stmt)->text(4);
    e.name_masked = (*stmt)->text(5);
    e.as_of = (*stmt)->text(6);
    return std::optional<KioskEntry>(std::move(e));
}

}  // namespace pekon
