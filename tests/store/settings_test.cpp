#include "store/settings.hpp"

#include <catch2/catch.hpp>

#include "support/fixtures.hpp"

using namespace pekon;

TEST_CASE("device settings are read back, replaced, and absent until written", "[settings]") {
    const std::string path = test::tempPath("settings.db");
    {
        auto store = Store::open(path);
        REQUIRE(store);
        auto missing = readSetting(**store, kSettingCamera);
        REQUIRE(missing);
        CHECK_FALSE(missing->has_value());
        REQUIRE(writeSetting(**store, kSettingCamera, "/dev/video2"));
        REQUIRE(writeSetting(**store, kSettingCamera, "/dev/video0"));
        REQUIRE(writeSetting(**store, kSettingScanFormats, "qr,pdf417"));
    }
    auto store = Store::open(path);
    REQUIRE(store);
    auto camera = readSetting(**store, kSettingCamera);
    REQUIRE(camera);
    CHECK(camera->value() == "/dev/video0");
    CHECK(readSetting(**store, kSettingScanFormats)->value() == "qr,pdf417");
}
