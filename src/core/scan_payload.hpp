#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/regions.hpp"
#include "core/sex.hpp"

namespace pekon {

// What a scanned code (or a keyboard-wedge burst) turned out to be.
enum class PayloadKind { nik, kk, card, receipt, enrol, session, user, ticket, unknown };
std::string_view payloadKindCode(PayloadKind kind);  // "nik", "kk", "card", "receipt", ...

// A scanned payload, typed and validated with core. For `nik` the person's other fields are
// filled when the code carried them (JSON, key=value or URL-query payloads); for Pekon's own
// URIs the parameters are in `params`. `raw` is the text as it can be shown (valid UTF-8, at
// most 500 bytes) so that an unrecognised code can still be read by the user.
struct ScanPayload {
    PayloadKind kind = PayloadKind::unknown;
    std::string nik;
    std::string kk_number;
    std::string card_number;
    std::string name;
    std::optional<Date> birth_date;
    std::optional<Sex> sex;
    std::map<std::string, std::string> params;
    std::string raw;
    std::vector<Warning> warnings;  // e.g. the NIK disagrees with the birth date in the code
    std::optional<Error> problem;   // why an unknown payload was not taken (a NIK that fails...)
};

inline constexpr size_t kMaxPayloadBytes = 8192;

// Recognises, in order: Pekon's URIs (pekon://receipt|enrol|session|user|ticket?...), a JSON object,
// a URL query or key=value list with the usual Indonesian keys (nik, nama, tgl_lahir /
// tanggal_lahir, jk / jenis_kelamin, no_kk, no_kartu...), a bare 16-digit NIK (or KK number,
// when the digits cannot be a NIK: every valid KK also has a NIK's shape, so a KK is best
// sent keyed) or 13-digit card number, and a NIK inside other text. Anything else is `unknown`.
// Never fails and never throws, whatever the bytes (binary, huge, not UTF-8).
ScanPayload parsePayload(std::string_view text, const RegionTable& regions, const Date& today);

}  // namespace pekon
