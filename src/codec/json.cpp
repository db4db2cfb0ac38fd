#include "codec/json.hpp"

namespace pekon {

namespace {
bool tooDeep(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth) return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}
}  // namespace

Result<Json> parseJson(std::string_view text) {
    if (tooDeep(text))
        return Error{"json_invalid", "JSON terlalu dalam bersarang (maks. 64 tingkat).",
                     "The JSON is nested too deeply (at most 64 levels)."};
    Json value = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded())
        return Error{"json_invalid", "Isi berkas bukan JSON yang sah.",
                     "The content is not valid JSON."};
    return value;
}

std::string dumpJson(const Json& value, int indent) {
    return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string dumpJson(const OrderedJson& value, int indent) {
    return value.dump(indent, ' ', false, OrderedJson::error_handler_t::replace);
}

bool readText(const Json& object, const char* key, std::string& out) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return true;
    if (it->is_string()) {
        out = it->get<std::string>();
        return true;
    }
    if (it->is_number_integer() || it->is_number_unsigned()) {
        out = it->dump();
        return true;
    }
    return false;
}

}  // namespace pekon
