#include "proto/gzip.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace pekon;

TEST_CASE("gzip and gunzipBounded round-trip any bytes", "[gzip]") {
    for (const std::string& plain :
         {std::string(), std::string("{\"events\":[]}"), std::string("a\0b\xff", 4),
          std::string(300'000, 'x')}) {
        const std::string packed = sync::gzip(plain);
        // A gzip member: magic bytes 1f 8b, deflate.
        REQUIRE(packed.size() >= 18);
        CHECK(static_cast<unsigned char>(packed[0]) == 0x1f);
        CHECK(static_cast<unsigned char>(packed[1]) == 0x8b);
        auto back = sync::gunzipBounded(packed, plain.size());
        REQUIRE(back);
        CHECK(*back == plain);
    }
}

TEST_CASE("gunzipBounded refuses more than the limit and what is not gzip", "[gzip]") {
    const std::string packed = sync::gzip(std::string(1000, ' '));
    CHECK(sync::gunzipBounded(packed, 999).error().code == "too_large");
    CHECK(sync::gunzipBounded("not gzip at all", 1000).error().code == "bad_request");
    CHECK(sync::gunzipBounded(packed.substr(0, packed.size() / 2), 1000).error().code ==
          "bad_request");
}
