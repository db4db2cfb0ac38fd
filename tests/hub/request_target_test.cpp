// The request target check pekon-hub makes before routing (src/hub/request_target).
#include "hub/request_target.hpp"

#include <catch2/catch.hpp>

using namespace pekon;
using hub::parseRequestTarget;
using hub::queryParam;

TEST_CASE("request target: plain paths and their query pass as sent", "[request_target]") {
    auto t = parseRequestTarget("/v1/changes?since=41&limit=500");
    REQUIRE(t);
    CHECK(t->path == "/v1/changes");
    CHECK(t->query == "since=41&limit=500");
    CHECK(parseRequestTarget("/v1/health")->query.empty());
    CHECK(parseRequestTarget("/")->path == "/");
    // Percent-encoding in the query is the query's business.
    CHECK(parseRequestTarget("/v1/changes?since=%34%31"));
}

TEST_CASE("request target: encoded separators, dot segments and empty segments are refused",
          "[request_target]") {
    for (const char* raw : {"/v1%2Fevents",
                            "/v1%2fevents",
                            "/v1/%65vents",
                            "/v1%5Cevents",
                            "/v1/events%00",
                            "/v1\\events",
                            "/v1/./events",
                            "/v1/../v1/events",
                            "/v1/events/.",
                            "/v1/events/..",
                            "//v1/events",
                            "/v1//events",
                            "/v1/events/",
                            "v1/events",
                            "",
                            "*",
                            "http://hub/v1/events",
                            "/v1/ev ents",
                            "/v1/\x7f",
                            "/v1/\xc3\xa9vents",
                            "/v1/events\r\n"}) {
        INFO(raw);
        auto t = parseRequestTarget(raw);
        REQUIRE_FALSE(t);
        CHECK(t.error().code == "bad_path");
    }
    // A dot inside a segment is just a character.
    CHECK(parseRequestTarget("/v1/devices/.well-known"));
    CHECK(parseRequestTarget("/v1/a..b"));
}

TEST_CASE("query parameters are percent-decoded; a malformed escape is refused",
          "[request_target]") {
    CHECK(queryParam("since=41&limit=500", "limit").value() == std::optional<std::string>("500"));
    CHECK(queryParam("since=%34%31", "since").value() == std::optional<std::string>("41"));
    CHECK(queryParam("since=", "since").value() == std::optional<std::string>(""));
    CHECK(queryParam("since", "since").value() == std::optional<std::string>(""));
    CHECK(queryParam("limit=5", "since").value() == std::nullopt);
    CHECK(queryParam("", "since").value() == std::nullopt);
    CHECK(queryParam("a=1&since=2&since=3", "since").value() == std::optional<std::string>("2"));
    for (const char* bad : {"since=%4", "since=%zz", "since=%"}) {
        INFO(bad);
        CHECK_FALSE(queryParam(bad, "since"));
    }
}
