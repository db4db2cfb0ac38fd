#include "codec/assets.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/enrolment.hpp"
#include "core/sex.hpp"
#include "core/status.hpp"
#include "core/status_reason.hpp"
#include "support/fixtures.hpp"

using namespace pekon;
namespace fs = std::filesystem;

namespace {

const std::string kAssets = PEKON_SOURCE_ASSETS;

// A writable copy of the real assets folder.
std::string copyOfAssets() {
    const std::string dir = test::tempPath("assets");
    fs::copy(kAssets, dir, fs::copy_options::recursive);
    return dir;
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    REQUIRE(out.good());
}

std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    static const std::regex token(R"(\{[a-z_]+\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), token);
         it != std::sregex_iterator(); ++it)
        out.insert(it->str());
    return out;
}

// Every catalog key the command line asks for (src/app), and the per-code families.
std::vector<std::string> keysUsedByApp() {
    std::vector<std::string> keys = {
        "app.name",          "cli.usage",        "cli.usage_error",     "check.ok",
        "export.done",       "household.none",   "household.not_saved", "household.payroll",
        "household.premium", "household.saved",  "label.address",       "label.birth_date",
        "label.class",       "label.error",      "label.head",          "label.household_id",
        "label.kk_number",   "label.members",    "label.name",          "label.nik",
        "label.phone",       "label.registered", "label.relation",      "label.segment",
        "label.sex",         "label.status",     "label.village",       "label.warning",
        "outbox.count",      "outbox.state",     "search.none",         "sync.accepted",
        "sync.duplicate",    "sync.pending",     "sync.rejected"};
    for (MemberStatus s : kAllStatuses) keys.push_back("status." + std::string(statusCode(s)));
    // The office's word on a member it sent back (`household show`).
    for (const char* k : {"household.needs_correction", "household.rejected_reason",
                          "household.correction_sent", "household.office_note"})
        keys.push_back(k);
    for (std::string_view code : correctionReasonCodes())
        keys.push_back("reason.needs_correction." + std::string(code));
    for (std::string_view code : rejectionReasonCodes())
        keys.push_back("reason.rejected." + std::string(code));
    for (Relation r : kAllRelations) keys.push_back("relation." + std::string(relationCode(r)));
    for (Segment s : kAllSegments) keys.push_back("segment." + std::string(segmentCode(s)));
    for (Sex s : {Sex::male, Sex::female}) keys.push_back("sex." + std::string(sexCode(s)));
    return keys;
}

}  // namespace

TEST_CASE("assets: the real folder loads") {
    auto a = loadAssets(kAssets);
    REQUIRE(a.ok());
    CHECK(a->regions.provinceCount() == 38);
    CHECK(a->regions.villageCount() == 302);
    CHECK(a->regions.regencyCount() == 514);
    CHECK(a->regions.districtCount() == 7285);
    REQUIRE(a->regions.province("18") != nullptr);
    CHECK(a->regions.province("18")->name == "Lampung");
    REQUIRE(a->regions.district("18.06.01") != nullptr);
    CHECK(a->regions.district("18.06.01")->name == "Kota Agung");
    REQUIRE(a->regions.village("18.06.01.2016") != nullptr);
    CHECK(a->regions.village("18.06.01.2016")->name == "Negeri Ratu");
    CHECK(a->premiums.schedules().size() == 2);
    CHECK(a->catalog.text("app.name", Lang::id) == "Pekon");
    CHECK(a->catalog.text("status.queued", Lang::en) != a->catalog.text("status.queued", Lang::id));
}

TEST_CASE("assets: the pieces load on their own") {
    auto regions = loadRegions(kAssets);
    REQUIRE(regions.ok());
    CHECK(regions->provinceCount() == 38);
    auto premiums = loadPremiums(kAssets);
    REQUIRE(premiums.ok());
    CHECK(premiums->schedules().size() == 2);
    auto catalog = loadCatalog(kAssets);
    REQUIRE(catalog.ok());
    CHECK(catalog->texts(Lang::id).size() == catalog->texts(Lang::en).size());
    CHECK(catalog->texts(Lang::id).size() > 50);
}

TEST_CASE("assets: a missing folder is file_unreadable") {
    const std::string missing = test::tempPath("no-such-assets");
    auto a = loadAssets(missing);
    REQUIRE_FALSE(a.ok());
    CHECK(a.error().code == "file_unreadable");
    CHECK(a.error().message_en.find(missing) != std::string::npos);
    CHECK(a.error().message_id.find(missing) != std::string::npos);
    auto p = loadPremiums(missing);
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().code == "file_unreadable");
    auto c = loadCatalog(missing);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().code == "file_unreadable");
}

TEST_CASE("assets: readFile") {
    const std::string path = test::tempPath("file.bin");
    const std::string bytes("a\0b\xFF\r\n", 6);
    writeText(path, bytes);
    auto r = readFile(path);
    REQUIRE(r.ok());
    CHECK(*r == bytes);
    writeText(path, "");
    auto empty = readFile(path);
    REQUIRE(empty.ok());
    CHECK(empty->empty());
    auto missing = readFile(path + ".missing");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "file_unreadable");
}

TEST_CASE("assets: readFile of a folder is file_unreadable") {
    // std::ifstream opens a directory; reading it fails with EISDIR inside rdbuf(), which only
    // sets failbit on the ostringstream, so readFile returns "" as if the file were empty.
    const std::string dir = test::tempDir();
    auto r = readFile(dir);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "file_unreadable");
}

TEST_CASE("assets: broken files in the folder are reported") {
    SECTION("premiums.json missing") {
        const std::string dir = copyOfAssets();
        fs::remove(dir + "/premiums.json");
        auto a = loadAssets(dir);
        REQUIRE_FALSE(a.ok());
        CHECK(a.error().code == "file_unreadable");
        CHECK(a.error().message_en.find("premiums.json") != std::string::npos);
    }
    SECTION("premiums.json not JSON") {
        const std::string dir = copyOfAssets();
        writeText(dir + "/premiums.json", "{\"schedules\": [");
        auto a = loadAssets(dir);
        REQUIRE_FALSE(a.ok());
        CHECK(a.error().code == "json_invalid");
    }
    SECTION("premiums.json without schedules") {
        const std::string dir = copyOfAssets();
        writeText(dir + "/premiums.json", "{\"schedules\": []}");
        auto a = loadAssets(dir);
        REQUIRE_FALSE(a.ok());
        CHECK(a.error().code == "premium_table_invalid");
    }
    SECTION("en.json missing") {
        const std::string dir = copyOfAssets();
        fs::remove(dir + "/i18n/en.json");
        auto a = loadAssets(dir);
        REQUIRE_FALSE(a.ok());
        CHECK(a.error().code == "file_unreadable");
        CHECK(a.error().message_en.find("en.json") != std::string::npos);
    }
    SECTION("id.json not an object") {
        const std::string dir = copyOfAssets();
        writeText(dir + "/i18n/id.json", "[\"Pekon\"]");
        auto a = loadAssets(dir);
        REQUIRE_FALSE(a.ok());
        CHECK(a.error().code == "i18n_invalid");
        CHECK(a.error().message_en.find("id.json") != std::string::npos);
    }
    SECTION("en.json with a value that is not text") {
        const std::string dir = copyOfAssets();
        writeText(dir + "/i18n/en.json", R"({"app.name": "Pekon", "check.ok": 1})");
        auto a = loadAssets(dir);
        REQUIRE_FALSE(a.ok());
        CHECK(a.error().code == "i18n_invalid");
        CHECK(a.error().message_en.find("check.ok") != std::string::npos);
    }
    SECTION("a regions file missing") {
        const std::string dir = copyOfAssets();
        fs::remove(dir + "/regions/tanggamus_villages.csv");
        auto a = loadAssets(dir);
        REQUIRE_FALSE(a.ok());
        CHECK(a.error().code == "file_unreadable");
        CHECK(a.error().message_en.find("tanggamus_villages.csv") != std::string::npos);
    }
}

TEST_CASE("assets: every i18n key exists in id.json and en.json") {
    const Catalog& c = test::assets().catalog;
    const auto missing = c.missingKeys();
    std::string listed;
    for (const auto& k : missing) listed += k + " ";
    INFO("missing: " << listed);
    CHECK(missing.empty());
    CHECK(c.texts(Lang::id).size() == c.texts(Lang::en).size());
}

TEST_CASE("assets: no i18n value is empty, and placeholders agree") {
    const Catalog& c = test::assets().catalog;
    for (Lang lang : {Lang::id, Lang::en}) {
        for (const auto& [key, value] : c.texts(lang)) {
            INFO(key << (lang == Lang::en ? " (en)" : " (id)"));
            CHECK_FALSE(value.empty());
            CHECK(value.find_first_not_of(" \t\n") != std::string::npos);
        }
    }
    for (const auto& [key, id_text] : c.texts(Lang::id)) {
        auto en = c.texts(Lang::en).find(key);
        if (en == c.texts(Lang::en).end()) continue;
        INFO(key);
        CHECK(placeholders(id_text) == placeholders(en->second));
    }
}

TEST_CASE("assets: every key the command line uses is in both languages") {
    const Catalog& c = test::assets().catalog;
    for (const std::string& key : keysUsedByApp()) {
        INFO(key);
        CHECK(c.texts(Lang::id).count(key) == 1);
        CHECK(c.texts(Lang::en).count(key) == 1);
    }
    // Texts the command line fills in keep their placeholders.
    CHECK(placeholders(c.text("household.premium", Lang::en)) ==
          std::set<std::string>{"{total}", "{government}", "{household}"});
    CHECK(placeholders(c.text("export.done", Lang::id)) ==
          std::set<std::string>{"{dir}", "{households}", "{members}", "{events}"});
    CHECK(placeholders(c.text("cli.usage_error", Lang::en)) == std::set<std::string>{"{detail}"});
}

TEST_CASE("assets: readFile refuses a file over its limit") {
    const std::string path = test::tempPath("big.json");
    { std::ofstream(path) << std::string(5000, 'x'); }
    auto small = readFile(path, 4096);
    REQUIRE_FALSE(small.ok());
    CHECK(small.error().code == "file_too_large");
    auto fits = readFile(path, 5000);
    REQUIRE(fits.ok());
    CHECK(fits->size() == 5000);
}
