#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "store/store.hpp"

// The kiosk's card-status table (issue 6): "check my card status" by NIK and birth date,
// offline, from a table that holds no NIK. A row is keyed by
//
//   lookup = hex( Argon2id( password = HMAC-SHA256(district key, NIK "|" YYYY-MM-DD),
//                           salt = first 16 bytes of SHA-256("pekon-kiosk-v1" || key),
//                           t = 2 passes, m = 16 MiB, 16-byte output ) )
//
// The HMAC binds the table to the district's 32-byte kiosk key: a copied table without the
// key gives nothing. Argon2id makes each guess cost tens of milliseconds and 16 MiB even with
// the key, so trying a kecamatan's NIK space offline takes days, not minutes (README).
namespace pekon {

// The district's kiosk key, kept in the device settings (base64) once the device is a kiosk.
inline constexpr const char* kSettingKioskKey = "kiosk.key";

struct KioskKey {
    std::array<unsigned char, 32> bytes{};
};

inline constexpr unsigned long long kLookupPasses = 2;
inline constexpr std::size_t kLookupMemoryBytes = std::size_t{16} << 20;

// Error `kiosk_hash` only when the machine cannot spare the memory.
Result<std::string> statusLookupKey(const KioskKey& key, std::string_view nik, const Date& birth);

struct KioskEntry {
    std::string lookup;
    std::string status;  // statusCode()
    std::optional<int> care_class;
    std::string faskes;
    std::string card_eta;  // YYYY-MM-DD or ""
    std::string card_number_masked;
    std::string name_masked;
    std::string as_of;  // RFC 3339
};

// "Siti Aminah" -> "S*** A*****": the first letter of each word, the rest as stars.
std::string maskName(std::string_view name);

// Replaces the rows with these lookups (one transaction).
Status upsertKioskEntries(Store& store, const std::vector<KioskEntry>& entries);
// The row for this NIK and birth date, if any.
Result<std::optional<KioskEntry>> findKioskEntry(Store& store, const KioskKey& key,
                                                 std::string_view nik, const Date& birth);

}  // namespace pekon
