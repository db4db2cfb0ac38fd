#pragma once

#include <catch2/catch.hpp>

// The result failed with exactly `expected_code`, and carries two distinct, non-empty
// messages (Bahasa Indonesia and English).
#define CHECK_ERROR_CODE(result, expected_code)                \
    do {                                                       \
        const auto& r_ = (result);                             \
        REQUIRE_FALSE(r_.ok());                                \
        CHECK(r_.error().code == (expected_code));             \
        CHECK_FALSE(r_.error().message_id.empty());            \
        CHECK_FALSE(r_.error().message_en.empty());            \
        CHECK(r_.error().message_id != r_.error().message_en); \
    } while (false)
