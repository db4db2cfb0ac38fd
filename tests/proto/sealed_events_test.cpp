// The hub's side of sealed personal data (issue 16): an event whose personal part a device
// sealed for the hub is, once opened, the very event the device wrote.
#include <catch2/catch.hpp>
#include <string>

#include "proto/sealed_export.hpp"
#include "proto/sync_json.hpp"
#include "vault/sealed_box.hpp"

using namespace pekon;

namespace {

const char* kClear =
    R"({"member_id":"m1","household_id":"h1","sex":"M","relation":"head","segment":"PBPU","class":3)";
const char* kPersonal = R"({"nik":"1806011505800001","name":"Budi Santoso","birth_date":"1980-05-15"})";

std::string body(const std::string& data) {
    return R"({"events":[{"id":"e1","seq":1,"type":"member.registered","at":"2026-11-22T08:15:00Z","actor":"u","data":)" +
           data + "}]}";
}

}  // namespace

TEST_CASE("sealed events: opened with the hub's key, the event is the plain one") {
    auto hub = vault::newBoxKeys();
    REQUIRE(hub);
    const std::string plain_data =
        std::string(kClear) + R"(,"nik":"1806011505800001","name":"Budi Santoso","birth_date":"1980-05-15"})";
    auto plain = parsePushRequest(body(plain_data));
    REQUIRE(plain);
    auto box = vault::sealTo(hub->public_key, kPersonal);
    REQUIRE(box);
    auto sealed = parsePushRequest(body(std::string(kClear) + R"(,"sealed":")" + *box + "\"}"));
    REQUIRE(sealed);
    CHECK((*sealed)[0].content != (*plain)[0].content);
    openSealedEvents(*sealed, *hub);
    CHECK_FALSE((*sealed)[0].seal_unreadable);
    CHECK((*sealed)[0].data == (*plain)[0].data);
    CHECK((*sealed)[0].content == (*plain)[0].content);  // a duplicate, never an id_conflict
    // Plain events are left as they are.
    auto again = *plain;
    openSealedEvents(again, *hub);
    CHECK(again[0].content == (*plain)[0].content);
}

TEST_CASE("sealed events: another hub's box, a broken one, or a clash is unreadable") {
    auto hub = vault::newBoxKeys();
    auto other = vault::newBoxKeys();
    REQUIRE(hub);
    REQUIRE(other);
    auto theirs = vault::sealTo(other->public_key, kPersonal);
    auto clash = vault::sealTo(hub->public_key, R"({"sex":"F"})");
    auto not_object = vault::sealTo(hub->public_key, R"(["nik"])");
    REQUIRE(theirs);
    REQUIRE(clash);
    REQUIRE(not_object);
    for (const std::string& sealed :
         {R"(")" + *theirs + R"(")", std::string(R"("not base64")"), std::string("42"),
          R"(")" + *clash + R"(")", R"(")" + *not_object + R"(")"}) {
        auto batch = parsePushRequest(body(std::string(kClear) + R"(,"sealed":)" + sealed + "}"));
        REQUIRE(batch);
        openSealedEvents(*batch, *hub);
        CHECK((*batch)[0].seal_unreadable);
    }
}

TEST_CASE("sealed export: only the hub's key opens it") {
    auto hub = vault::newBoxKeys();
    auto other = vault::newBoxKeys();
    REQUIRE(hub);
    REQUIRE(other);
    auto file = sealExport(hub->public_key, "nik,name\n1806011505800001,Budi Santoso\n");
    REQUIRE(file);
    CHECK(file->find("1806011505800001") == std::string::npos);
    CHECK(openExport(*hub, *file).value() == "nik,name\n1806011505800001,Budi Santoso\n");
    CHECK(openExport(*other, *file).error().code == "export_unreadable");
    CHECK(openExport(*hub, "nik,name\n").error().code == "export_not_sealed");
}
