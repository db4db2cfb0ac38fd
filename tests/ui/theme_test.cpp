// Every character Pekon shows is one the font atlas holds: a character outside
// kFontGlyphRanges is drawn as "?" (an arrow in the clock advice once was).
#include "ui/theme.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "codec/json.hpp"

using namespace pekon;

namespace {

// The code points of UTF-8 `text` (the asset files are checked to be valid UTF-8 elsewhere).
std::vector<char32_t> codePoints(const std::string& text) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = length == 1 ? c : c & (0x7F >> length);
        for (int k = 1; k < length && i + k < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(cp);
        i += length;
    }
    return out;
}

// Each string in `value`, with where it is.
void strings(const Json& value, const std::string& where,
             std::vector<std::pair<std::string, std::string>>& out) {
    if (value.is_string()) {
        out.emplace_back(where, value.get<std::string>());
    } else if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            strings(it.value(), where + "." + it.key(), out);
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i)
            strings(value[i], where + "[" + std::to_string(i) + "]", out);
    }
}

}  // namespace

TEST_CASE("ui: the font atlas covers every character of the texts, materials and quiz") {
    CHECK(ui::fontCovers(U'a'));
    CHECK(ui::fontCovers(U'é'));
    CHECK(ui::fontCovers(U'€'));
    CHECK_FALSE(ui::fontCovers(U'→'));  // the check itself can fail
    for (const char* file : {"i18n/id.json", "i18n/en.json", "materials/materials.json",
                             "quiz/jkn_basics.json", "premiums.json"}) {
        std::ifstream in(std::string(PEKON_SOURCE_ASSETS) + "/" + file);
        REQUIRE(in);
        std::stringstream text;
        text << in.rdbuf();
        auto json = parseJson(text.str());
        REQUIRE(json);
        std::vector<std::pair<std::string, std::string>> found;
        strings(*json, file, found);
        CHECK(found.size() > 5);
        for (const auto& [where, s] : found) {
            for (char32_t cp : codePoints(s)) {
                if (cp == U'\n') continue;
                INFO(where << ": U+" << std::hex << static_cast<unsigned>(cp));
                CHECK(ui::fontCovers(cp));
            }
        }
    }
}
