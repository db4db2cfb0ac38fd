#include "vault/field_seal.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "vault/sealed_box.hpp"

using namespace pekon::vault;

TEST_CASE("field seal: a field opens only with its device's data key") {
    auto key = SecretKey::random();
    auto other = SecretKey::random();
    REQUIRE(key);
    REQUIRE(other);
    const std::string nik = "1806014512900001";
    const std::string sealed = sealField(*key, nik);
    CHECK(isSealedField(sealed));
    CHECK(sealed.find(nik) == std::string::npos);
    CHECK(sealField(*key, nik) != sealed);  // a fresh nonce each time
    auto back = openField(*key, sealed);
    REQUIRE(back);
    CHECK(*back == nik);
    CHECK(openField(*other, sealed).error().code == "field_damaged");
    std::string altered = sealed;
    altered[10] = altered[10] == 'A' ? 'B' : 'A';
    CHECK(openField(*key, altered).error().code == "field_damaged");
    CHECK(openField(*key, "1806014512900001").error().code == "field_damaged");
    CHECK(openField(*key, "s1:%%%").error().code == "field_damaged");
    // Empty stays empty.
    CHECK(sealField(*key, "").empty());
    CHECK(openField(*key, "").value().empty());
}

TEST_CASE("field seal: lengths are padded to 32 bytes, so a name's length says little") {
    auto key = SecretKey::random();
    REQUIRE(key);
    std::set<std::size_t> sizes;
    for (const char* name : {"Ani", "Siti Aminah", "Muhammad Rizki Pratama"})
        sizes.insert(sealField(*key, name).size());
    CHECK(sizes.size() == 1);
    CHECK(sealField(*key, std::string(40, 'a')).size() > *sizes.begin());
}

TEST_CASE("field seal: what the background sync seals for the device opens with the data key") {
    auto key = SecretKey::random();
    auto other = SecretKey::random();
    REQUIRE(key);
    REQUIRE(other);
    const std::string pub = devicePublicKey(*key);
    CHECK(pub.size() == 32);
    CHECK(devicePublicKey(*key) == pub);  // derived, not stored
    auto sealed = sealFieldTo(pub, "0001234567890");
    REQUIRE(sealed);
    CHECK(isSealedField(*sealed));
    CHECK(sealed->find("0001234567890") == std::string::npos);
    CHECK(openField(*key, *sealed).value() == "0001234567890");
    CHECK(openField(*other, *sealed).error().code == "field_damaged");
    CHECK(sealFieldTo("short", "x").error().code == "key_size");
}

TEST_CASE("field seal: blind indexes find equal values, per key and per purpose") {
    auto key = SecretKey::random();
    auto other = SecretKey::random();
    REQUIRE(key);
    REQUIRE(other);
    const std::string a = blindIndex(*key, "nik", "1806014512900001");
    CHECK(a.size() == 32);
    CHECK(a == blindIndex(*key, "nik", "1806014512900001"));
    CHECK(a != blindIndex(*key, "nik", "1806014512900002"));
    CHECK(a != blindIndex(*key, "kk", "1806014512900001"));
    CHECK(a != blindIndex(*other, "nik", "1806014512900001"));
}

TEST_CASE("sealed box: the hub's key pair opens what a device sealed for it") {
    auto hub = newBoxKeys();
    REQUIRE(hub);
    auto box = sealTo(hub->public_key, R"({"nik":"1806014512900001"})");
    REQUIRE(box);
    CHECK(box->find("1806014512900001") == std::string::npos);
    CHECK(openSealed(*hub, *box).value() == R"({"nik":"1806014512900001"})");
    auto again = boxKeysFromSecret(std::string(
        reinterpret_cast<const char*>(hub->secret_key.data()), SecretKey::kSize));
    REQUIRE(again);
    CHECK(again->public_key == hub->public_key);
    CHECK(openSealed(*again, *box).value() == R"({"nik":"1806014512900001"})");
    auto stranger = newBoxKeys();
    REQUIRE(stranger);
    CHECK(openSealed(*stranger, *box).error().code == "box_damaged");
    CHECK(openSealed(*hub, "not base64!").error().code == "box_damaged");
    CHECK(openSealed(*hub, "").error().code == "box_damaged");
}
