#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pekon {

// Writes one flat JSON object straight into a string: the event-data hot path, where
// building a DOM first costs more than the database write. Keys are trusted ASCII literals;
// values are escaped, and bytes that are not valid UTF-8 become U+FFFD.
class JsonObjectWriter {
  public:
    JsonObjectWriter() {
        out_.reserve(256);
        out_.push_back('{');
    }
    JsonObjectWriter& field(std::string_view key, std::string_view value);
    JsonObjectWriter& field(std::string_view key, std::int64_t value);
    JsonObjectWriter& field(std::string_view key, bool value);
    JsonObjectWriter& field(std::string_view key, const char* value) { return field(key, std::string_view(value)); }
    // A value that is already JSON (a nested object made by another writer).
    JsonObjectWriter& raw(std::string_view key, const std::string& json);
    std::string finish() &&;

  private:
    void key(std::string_view key);
    std::string out_;
    bool first_ = true;
};

// Appends `value` as a quoted JSON string.
void appendJsonString(std::string& out, std::string_view value);

}  // namespace pekon
