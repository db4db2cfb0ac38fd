#include "core/error.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "core/result.hpp"

using namespace pekon;

TEST_CASE("error: message by language") {
    const Error e{"x_code", "Pesan", "Message"};
    CHECK(e.message(Lang::id) == "Pesan");
    CHECK(e.message(Lang::en) == "Message");
    CHECK(e == Error{"x_code", "Pesan", "Message"});
    CHECK_FALSE(e == Error{"y_code", "Pesan", "Message"});
}

TEST_CASE("error: parseLang accepts id and en") {
    CHECK(parseLang("id") == Lang::id);
    CHECK(parseLang("en") == Lang::en);
    CHECK(parseLang("ID") == Lang::id);
    CHECK(parseLang("EN") == Lang::en);
    CHECK_FALSE(parseLang("fr"));
    CHECK_FALSE(parseLang(""));
    CHECK_FALSE(parseLang("english"));
    CHECK_FALSE(parseLang(" en"));
}

TEST_CASE("error: parseLang is case-insensitive") {
    CHECK(parseLang("En") == Lang::en);
    CHECK(parseLang("iD") == Lang::id);
}

TEST_CASE("error: Result holds a value or an error") {
    Result<int> ok = 42;
    REQUIRE(ok.ok());
    CHECK(static_cast<bool>(ok));
    CHECK(*ok == 42);
    Result<int> bad = Error{"bad", "Buruk", "Bad"};
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "bad");
    Status fine;
    CHECK(fine.ok());
    Status failed = Error{"nope", "Tidak", "No"};
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message_en == "No");
}
