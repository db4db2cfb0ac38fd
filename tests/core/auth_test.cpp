#include "core/auth.hpp"

#include <catch2/catch.hpp>

#include "support/check_error.hpp"

using namespace pekon;

TEST_CASE("auth: new PINs are six digits and not trivially guessable") {
    CHECK(checkNewPin("428195").ok());
    CHECK(checkNewPin("112233").ok());
    CHECK_ERROR_CODE(checkNewPin("12345"), "pin_length");
    CHECK_ERROR_CODE(checkNewPin("1234567"), "pin_length");
    CHECK_ERROR_CODE(checkNewPin("12a456"), "pin_not_digits");
    CHECK_ERROR_CODE(checkNewPin("000000"), "pin_too_simple");
    CHECK_ERROR_CODE(checkNewPin("123456"), "pin_too_simple");
    CHECK_ERROR_CODE(checkNewPin("987654"), "pin_too_simple");
}

TEST_CASE("auth: the fifth wrong PIN locks for five minutes") {
    LoginState s;
    const UnixSeconds t = 1'800'000'000;
    for (int i = 1; i <= 4; ++i) {
        s = afterFailure(s, t + i);
        CHECK(s.failed_attempts == i);
        CHECK_FALSE(isLocked(s, t + i));
    }
    s = afterFailure(s, t + 5);
    CHECK(isLocked(s, t + 5));
    CHECK(isLocked(s, t + 5 + kLockoutSeconds - 1));
    CHECK_FALSE(isLocked(s, t + 5 + kLockoutSeconds));
    const Error e = lockedError(s, t + 5 + 61);
    CHECK(e.code == "user_locked");
    CHECK(e.message_en.find("4 minute") != std::string::npos);
    // After the lock runs out, one more failure starts a fresh count.
    s = afterFailure(s, t + 5 + kLockoutSeconds + 1);
    CHECK(s.failed_attempts == 1);
    CHECK_FALSE(isLocked(s, t + 5 + kLockoutSeconds + 1));
    CHECK(afterSuccess().failed_attempts == 0);
}

TEST_CASE("auth: idle logout after ten minutes, roles") {
    CHECK_FALSE(idleExpired(1000, 1000 + kIdleLogoutSeconds - 1));
    CHECK(idleExpired(1000, 1000 + kIdleLogoutSeconds));
    CHECK(parseRole("supervisor") == Role::supervisor);
    CHECK(parseRole("volunteer") == Role::volunteer);
    CHECK_FALSE(parseRole("admin"));
    CHECK_FALSE(parseRole(""));
    CHECK(roleCode(Role::volunteer) == "volunteer");
}
