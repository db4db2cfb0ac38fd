#include "core/sex.hpp"

#include <catch2/catch.hpp>

using namespace pekon;

TEST_CASE("sex: codes and parsing") {
    CHECK(sexCode(Sex::male) == "M");
    CHECK(sexCode(Sex::female) == "F");
    for (const char* text : {"M", "m", "L", "l"}) {
        INFO(text);
        CHECK(parseSex(text) == Sex::male);
    }
    for (const char* text : {"F", "f", "P", "p"}) {
        INFO(text);
        CHECK(parseSex(text) == Sex::female);
    }
    for (const char* text : {"", "X", "male", "Laki-laki", "MF", " M"}) {
        INFO(text);
        CHECK_FALSE(parseSex(text));
    }
}
