#pragma once

#include "codec/json.hpp"
#include "core/scan_payload.hpp"

namespace pekon {

// A scanned payload as JSON for `pekon scan`: {"kind":"nik", ...} with only the fields the
// payload carries, its warnings and problem as {code,message} in `lang`, and `raw`.
OrderedJson scanPayloadJson(const ScanPayload& payload, Lang lang);

}  // namespace pekon
