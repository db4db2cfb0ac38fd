#include "core/regions.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/check_error.hpp"
#include "support/fixtures.hpp"

using namespace pekon;

namespace {

std::vector<std::string> codes(const std::vector<const Village*>& villages) {
    std::vector<std::string> out;
    for (const Village* v : villages) out.push_back(v->code);
    return out;
}

std::vector<std::string> names(const std::vector<const Village*>& villages) {
    std::vector<std::string> out;
    for (const Village* v : villages) out.push_back(v->name);
    return out;
}

using Codes = std::vector<std::string>;

}  // namespace

TEST_CASE("regions: the real Kemendagri tables have the published counts") {
    const RegionTable& t = test::regions();
    CHECK(t.provinceCount() == 38);
    CHECK(t.regencyCount() == 514);
    CHECK(t.districtCount() == 7285);
    CHECK(t.villageCount() == 302);
}

TEST_CASE("regions: lookups by code") {
    const RegionTable& t = test::regions();
    REQUIRE(t.province("18"));
    CHECK(t.province("18")->name == "Lampung");
    CHECK(t.province("18")->code == "18");
    REQUIRE(t.regency("18.06"));
    CHECK(t.regency("18.06")->name == "Kabupaten Tanggamus");
    REQUIRE(t.district("18.06.01"));
    CHECK(t.district("18.06.01")->name == "Kota Agung");
    REQUIRE(t.district("18.06.28"));
    CHECK(t.district("18.06.28")->name == "Kelumbayan Barat");
    const Village* v = t.village("18.06.01.2016");
    REQUIRE(v);
    CHECK(v->name == "Negeri Ratu");
    CHECK(v->district_code == "18.06.01");
    CHECK(v->search_key == "negeriratu");
    REQUIRE(t.village("18.06.01.1001"));
    CHECK(t.village("18.06.01.1001")->name == "Baros");  // a kelurahan
}

TEST_CASE("regions: unknown or malformed codes find nothing") {
    const RegionTable& t = test::regions();
    CHECK(t.province("99") == nullptr);
    CHECK(t.province("") == nullptr);
    CHECK(t.province("1806") == nullptr);
    CHECK(t.regency("1806") == nullptr);  // BPS-style code without the dot
    CHECK(t.regency("18.99") == nullptr);
    CHECK(t.district("18.06.05") == nullptr);
    CHECK(t.district("18.06") == nullptr);
    CHECK(t.village("18.06.01.9999") == nullptr);
    CHECK(t.village("18.06.01") == nullptr);
    CHECK(t.village("18.01.01.2001") == nullptr);  // only Tanggamus villages are loaded
}

TEST_CASE("regions: districtsOf a regency") {
    const RegionTable& t = test::regions();
    auto tanggamus = t.districtsOf("18.06");
    REQUIRE(tanggamus.size() == 20);
    CHECK(tanggamus.front()->code == "18.06.01");
    CHECK(tanggamus.back()->code == "18.06.28");
    for (const Region* d : tanggamus) CHECK(d->code.rfind("18.06.", 0) == 0);
    CHECK(t.districtsOf("18.0").empty());
    CHECK(t.districtsOf("18.99").empty());
    CHECK(t.districtsOf("31.71").size() == 8);  // Jakarta Pusat
}

TEST_CASE("regions: villagesOf a kecamatan, by name") {
    const RegionTable& t = test::regions();
    auto kota_agung = t.villagesOf("18.06.01");
    CHECK(names(kota_agung) ==
          std::vector<std::string>{"Baros", "Benteng Jaya", "Campang Tiga", "Kedamaian", "Kelungu",
                                   "Kota Agung", "Kota Batu", "Kuripan", "Kusa", "Negeri Ratu",
                                   "Pardasuka", "Pasar Madang", "Penanggungan", "Teratas",
                                   "Terbaya", "Terdana"});
    CHECK(t.villagesOf("18.06.28").size() == 6);
    CHECK(t.villagesOf("18.06.05").empty());
    CHECK(t.villagesOf("18.06").empty());  // a regency code is not a kecamatan
    size_t total = 0;
    for (const Region* d : t.districtsOf("18.06")) total += t.villagesOf(d->code).size();
    CHECK(total == 302);
}

TEST_CASE("regions: searchVillages is a case- and space-insensitive prefix search") {
    const RegionTable& t = test::regions();
    const Codes negeri_ratu{"18.06.01.2016", "18.06.11.2013"};
    CHECK(codes(t.searchVillages("negeri r")) == negeri_ratu);
    CHECK(codes(t.searchVillages("NEGERIRATU")) == negeri_ratu);
    CHECK(codes(t.searchVillages("Negeri Ratu")) == negeri_ratu);
    CHECK(codes(t.searchVillages("  negeri   ratu ")) == negeri_ratu);
    CHECK(codes(t.searchVillages("nEgErI rAtU")) == negeri_ratu);
    CHECK(codes(t.searchVillages("kota")) == Codes{"18.06.01.2027", "18.06.01.2039"});
    CHECK(codes(t.searchVillages("sukanegeri")) == Codes{"18.06.02.2024", "18.06.02.2017"});
    CHECK(t.searchVillages("zzz").empty());
    CHECK(t.searchVillages("negeri ratux").empty());
}

TEST_CASE("regions: searchVillages lists name-prefix matches first, then later-word matches") {
    const RegionTable& t = test::regions();
    SECTION("ratu: only later words") {
        CHECK(codes(t.searchVillages("ratu")) ==
              Codes{"18.06.01.2016", "18.06.11.2013", "18.06.03.2012", "18.06.24.2003"});
    }
    SECTION("negeri: six names starting with it, then five with a later word") {
        CHECK(names(t.searchVillages("negeri")) ==
              std::vector<std::string>{"Negeri Agung", "Negeri Agung", "Negeri Kelumbayan",
                                       "Negeri Ngarip", "Negeri Ratu", "Negeri Ratu",
                                       "Banjar Negeri", "Banjar Negeri", "Kiluan Negeri",
                                       "Suka Negeri", "Suka Negeri Jaya"});
        // Same names are ordered by code.
        CHECK(codes(t.searchVillages("negeri"))[0] == "18.06.02.2028");
        CHECK(codes(t.searchVillages("negeri"))[1] == "18.06.25.2001");
    }
    SECTION("a later-word match spanning two words, ignoring spaces") {
        CHECK(codes(t.searchVillages("negeri jaya")) == Codes{"18.06.02.2017"});
        CHECK(codes(t.searchVillages("NEGERIJAYA")) == Codes{"18.06.02.2017"});
    }
}

TEST_CASE("regions: searchVillages filters by kecamatan") {
    const RegionTable& t = test::regions();
    CHECK(codes(t.searchVillages("negeri r", "18.06.11")) == Codes{"18.06.11.2013"});
    CHECK(codes(t.searchVillages("ratu", "18.06.03")) == Codes{"18.06.03.2012"});
    CHECK(codes(t.searchVillages("agung", "18.06.02")) == Codes{"18.06.02.2022", "18.06.02.2028"});
    CHECK(t.searchVillages("negeri ratu", "18.06.02").empty());
    CHECK(t.searchVillages("", "18.06.99").empty());
}

TEST_CASE("regions: searchVillages with an empty query lists all, limited") {
    const RegionTable& t = test::regions();
    CHECK(t.searchVillages("").size() == 50);  // the default limit
    CHECK(t.searchVillages("", {}, 1000).size() == 302);
    CHECK(t.searchVillages("  ", {}, 1000).size() == 302);
    CHECK(names(t.searchVillages("", "18.06.28")) ==
          std::vector<std::string>{"Batu Patah", "Lengkukai", "Marga Mulya", "Merbau", "Purwosari",
                                   "Sidoharjo"});
    CHECK(codes(t.searchVillages("negeri", {}, 3)) ==
          Codes{"18.06.02.2028", "18.06.25.2001", "18.06.17.2001"});
    CHECK(t.searchVillages("negeri", {}, 0).empty());
    CHECK(t.searchVillages("ratu", {}, 2).size() == 2);
    // Exactly one match more than the limit.
    CHECK(codes(t.searchVillages("ratu", {}, 3)) ==
          Codes{"18.06.01.2016", "18.06.11.2013", "18.06.03.2012"});
    CHECK(codes(t.searchVillages("negeri r", {}, 1)) == Codes{"18.06.01.2016"});
    CHECK(t.searchVillages("ratu", {}, 4).size() == 4);
}

TEST_CASE("regions: decodePrefix") {
    const RegionTable& t = test::regions();
    std::vector<Warning> warnings;
    SECTION("fully known") {
        auto r = t.decodePrefix("180601", "nik", warnings);
        REQUIRE(r.ok());
        CHECK(r->province.code == "18");
        REQUIRE(r->regency);
        CHECK(r->regency->code == "18.06");
        REQUIRE(r->district);
        CHECK(r->district->code == "18.06.01");
        CHECK(warnings.empty());
    }
    SECTION("the prefix names the codes") {
        auto r = t.decodePrefix("189901", "xyz", warnings);
        REQUIRE(r.ok());
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].code == "xyz_regency_unknown");
        auto d = t.decodePrefix("180699", "xyz", warnings);
        REQUIRE(d.ok());
        REQUIRE(warnings.size() == 2);
        CHECK(warnings[1].code == "xyz_district_unknown");
        CHECK_ERROR_CODE(t.decodePrefix("990601", "xyz", warnings), "xyz_province_unknown");
        CHECK(warnings.size() == 2);
    }
}

TEST_CASE("regions: fromCsv builds a table from small CSV texts") {
    auto t = RegionTable::fromCsv(
        "code,name\n18,Lampung\n", "code,name\n18.06,Kabupaten Tanggamus\n",
        "code,name\n18.06.01,Kota Agung\n",
        "code,district_code,name\n18.06.01.2016,18.06.01,\"Negeri Ratu, Ujung\"\n");
    REQUIRE(t.ok());
    CHECK(t->provinceCount() == 1);
    CHECK(t->villageCount() == 1);
    REQUIRE(t->village("18.06.01.2016"));
    CHECK(t->village("18.06.01.2016")->name == "Negeri Ratu, Ujung");
    CHECK(t->village("18.06.01.2016")->search_key == "negeriratu,ujung");
}

TEST_CASE("regions: fromCsv rejects broken tables") {
    const char* p = "code,name\n18,Lampung\n";
    const char* r = "code,name\n18.06,Kabupaten Tanggamus\n";
    const char* d = "code,name\n18.06.01,Kota Agung\n";
    const char* v = "code,district_code,name\n18.06.01.2016,18.06.01,Negeri Ratu\n";
    CHECK_ERROR_CODE(RegionTable::fromCsv("code,name\n", r, d, v), "region_table_invalid");
    CHECK_ERROR_CODE(RegionTable::fromCsv("code,name\n18,Lampung,x\n", r, d, v),
                     "region_table_invalid");
    CHECK_ERROR_CODE(RegionTable::fromCsv("code,name\n1,Lampung\n", r, d, v),
                     "region_table_invalid");
    CHECK_ERROR_CODE(RegionTable::fromCsv(p, "code,name\n1806,Tanggamus\n", d, v),
                     "region_table_invalid");
    CHECK_ERROR_CODE(RegionTable::fromCsv(p, r, "code,name\n18.06.1,Kota Agung\n", v),
                     "region_table_invalid");
    CHECK_ERROR_CODE(
        RegionTable::fromCsv(p, r, d, "code,district_code,name\n18.06.01.2016,18.06.01\n"),
        "region_table_invalid");
    // A village code must lie under its kecamatan.
    CHECK_ERROR_CODE(
        RegionTable::fromCsv(p, r, d, "code,district_code,name\n18.06.02.2016,18.06.01,X\n"),
        "region_table_invalid");
    CHECK_ERROR_CODE(
        RegionTable::fromCsv(p, r, d, "code,district_code,name\n18.06.01.216,18.06.01,X\n"),
        "region_table_invalid");
    CHECK_ERROR_CODE(RegionTable::fromCsv(p, r, d, "code,district_code,name\n\"18.06.01.2016,X\n"),
                     "csv_unterminated_quote");
    auto broken = RegionTable::fromCsv(p, r, "code,name\n18.06.01,Kota Agung\n18.06.x2,Bad\n", v);
    REQUIRE_FALSE(broken.ok());
    CHECK_THAT(broken.error().message_en,
               Catch::Contains("districts") && Catch::Contains("line 3"));
}

TEST_CASE("regions: decodePrefix refuses anything but six digits") {
    std::vector<Warning> warnings;
    for (const char* bad : {"", "18", "1806", "18060", "1806011", "18a601"}) {
        auto r = test::regions().decodePrefix(bad, "nik", warnings);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "nik_region_invalid");
    }
    CHECK(warnings.empty());
}
