#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "codec/json.hpp"
#include "core/date.hpp"
#include "core/result.hpp"

// The kiosk card-status table's pure pieces, shared by pekon-hub (which computes the table)
// and the kiosk device (which looks it up): no storage here. The table's rows travel as the
// data of `kiosk.status` changes (docs/sync-protocol.md). A row is keyed by
//
//   lookup = hex( Argon2id( password = HMAC-SHA256(district key, message),
//                           salt = first 16 bytes of SHA-256("pekon-kiosk-v1" || key),
//                           t = 2 passes, m = 32 MiB or 16 MiB, 16-byte output ) )
//
// with message "kk|" NIK "|" KK number (the citizen's two cards; 32 MiB), or household id "|"
// YYYY-MM-DD (the registration receipt and the birth date; 16 MiB as since issue 6, which
// older kiosks compute). Never NIK and birth date: a NIK
// holds the birth date, so that would be one factor (issue 12). The HMAC binds the table to
// the district's 32-byte kiosk key: a copied table without the key gives nothing. Argon2id
// makes each guess cost milliseconds and 16 MiB even with the key, so trying the KK numbers
// of one NIK offline takes core-days (README).
// (In proto: the hub computes the keys, the kiosk looks rows up by them in store/kiosk_status.)
namespace pekon {

struct KioskKey {
    std::array<unsigned char, 32> bytes{};
};

// What one slow keyed hash costs: Argon2id passes and memory.
struct SlowHashCost {
    unsigned long long passes;
    std::size_t memory_bytes;
};
// The receipt lookup's, as issue 6 defined it (docs/sync-protocol.md): its 74 random bits
// need no more.
inline constexpr SlowHashCost kReceiptLookupCost{2, std::size_t{16} << 20};
// The KK lookup's: twice the memory, so twice the time of every guess at a KK number (the
// space of plausible KK numbers of one NIK is small; README), still well under the kiosk's
// 50 ms.
inline constexpr SlowHashCost kKkLookupCost{2, std::size_t{32} << 20};

// The slow keyed hash of `message`. Error `kiosk_hash` only when the machine cannot spare the
// memory.
Result<std::string> slowKeyedHash(const KioskKey& key, std::string_view message,
                                  SlowHashCost cost = kReceiptLookupCost);
// A citizen's row by NIK and the number of their family card (Kartu Keluarga).
Result<std::string> kkLookupKey(const KioskKey& key, std::string_view nik,
                                std::string_view kk_number);
// A citizen's row by the id of their registration receipt (the household id) and birth date.
Result<std::string> receiptLookupKey(const KioskKey& key, std::string_view household_id,
                                     const Date& birth);

// "Siti Aminah" -> "S*** A*****": the first letter of each word, the rest as stars.
std::string maskName(std::string_view name);

// "0001234567890" -> "*********7890": every character but the last four as a star; "" stays
// "", and a number of four characters or fewer is all stars.
std::string maskCardNumber(std::string_view card_number);

// One row of the table: what a kiosk may show about one person, and nothing that names them.
struct KioskEntry {
    // On the wire, for kiosks older than issue 12: kk_lookup, else receipt_lookup ("" when the
    // hub knows neither; such an entry is never sent). Hubs older than issue 12 put the lookup
    // of NIK and birth date here, which a kiosk no longer keeps. On a kiosk: the row's key.
    std::string lookup;
    std::string status;  // statusCode()
    std::optional<int> care_class;
    std::string faskes;
    std::string card_eta;  // YYYY-MM-DD or ""
    std::string card_number_masked;
    std::string name_masked;
    std::string as_of;  // RFC 3339
    // The same person found by their registration receipt instead of their NIK:
    // receiptLookupKey(key, household id of the receipt, birth date); "" when the hub knows no
    // household for them. The kiosk keeps a row under it.
    std::string receipt_lookup;
    // kkLookupKey(key, NIK, the KK number of their household); "" when the hub knows no KK
    // number for them. The kiosk keeps a row under it.
    std::string kk_lookup;
    // The data came from a hub older than issue 12 (it has no `kk_lookup` member): its
    // `lookup` is by NIK and birth date, and only its receipt_lookup may be kept.
    bool legacy = false;
};

// The data of a `kiosk.status` change: every field, "" when unknown (`kk_lookup` too, which
// marks the data as made after issue 12); `receipt_lookup` and `class` only when known.
Json kioskEntryJson(const KioskEntry& entry);
// The other way, strictly: nothing unless every lookup is "" or 32 lowercase hex characters
// (`lookup` may be "" only beside a `kk_lookup`), `status` and `as_of` are non-empty strings,
// the other texts are strings (or absent) and `class` is 1, 2 or 3 (or absent or null).
std::optional<KioskEntry> parseKioskEntry(const Json& data);

}  // namespace pekon
