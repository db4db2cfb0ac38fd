#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace pekon {

using Json = nlohmann::json;
// Keeps keys in insertion order: for output people read.
using OrderedJson = nlohmann::ordered_json;

inline constexpr int kMaxJsonDepth = 64;

// Parses JSON without throwing. Rejects text nested deeper than kMaxJsonDepth (so hostile
// input cannot exhaust the stack). Error code `json_invalid` with the byte offset.
Result<Json> parseJson(std::string_view text);

// Serialises without throwing: invalid UTF-8 in strings is replaced by U+FFFD.
std::string dumpJson(const Json& value, int indent = -1);
std::string dumpJson(const OrderedJson& value, int indent = -1);

// Reads an optional string member; numbers are accepted and written as decimal text.
// Returns false (and leaves `out`) when the member exists but is another type.
bool readText(const Json& object, const char* key, std::string& out);

}  // namespace pekon
