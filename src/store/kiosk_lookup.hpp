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
//   lookup = hex( Argon2id( password = HMAC-SHA256(district key, NIK "|" YYYY-MM-DD),
//                           salt = first 16 bytes of SHA-256("pekon-kiosk-v1" || key),
//                           t = 2 passes, m = 16 MiB, 16-byte output ) )
//
// The HMAC binds the table to the district's 32-byte kiosk key: a copied table without the
// key gives nothing. Argon2id makes each guess cost tens of milliseconds and 16 MiB even with
// the key, so trying a kecamatan's NIK space offline takes days, not minutes (README).
// (In store, not sync: sync links store, and store/kiosk_status looks rows up by this key.)
namespace pekon {

struct KioskKey {
    std::array<unsigned char, 32> bytes{};
};

inline constexpr unsigned long long kLookupPasses = 2;
inline constexpr std::size_t kLookupMemoryBytes = std::size_t{16} << 20;

// Error `kiosk_hash` only when the machine cannot spare the memory.
Result<std::string> statusLookupKey(const KioskKey& key, std::string_view nik, const Date& birth);

// "Siti Aminah" -> "S*** A*****": the first letter of each word, the rest as stars.
std::string maskName(std::string_view name);

// "0001234567890" -> "*********7890": every character but the last four as a star; "" stays
// "", and a number of four characters or fewer is all stars.
std::string maskCardNumber(std::string_view card_number);

// One row of the table: what a kiosk may show about one person, and nothing that names them.
struct KioskEntry {
    std::string lookup;  // statusLookupKey: 32 lowercase hex characters
    std::string status;  // statusCode()
    std::optional<int> care_class;
    std::string faskes;
    std::string card_eta;  // YYYY-MM-DD or ""
    std::string card_number_masked;
    std::string name_masked;
    std::string as_of;  // RFC 3339
    // The same person found by their registration receipt instead of their NIK:
    // statusLookupKey(key, household id of the receipt, birth date); "" when the hub knows no
    // household for them. The kiosk keeps a second row under it.
    std::string receipt_lookup;
};

// The data of a `kiosk.status` change: every field, "" when unknown; `class` only when known.
Json kioskEntryJson(const KioskEntry& entry);
// The other way, strictly: nothing unless `lookup` is 32 lowercase hex characters, `status` and
// `as_of` are non-empty strings, the other texts are strings (or absent) and `class` is 1, 2 or
// 3 (or absent or null).
std::optional<KioskEntry> parseKioskEntry(const Json& data);

}  // namespace pekon
