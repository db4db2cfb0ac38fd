// The rules of staff usernames and passwords (pure).
#include "hub/staff_password.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "support/check_error.hpp"

using namespace pekon;
using namespace pekon::hub;

TEST_CASE("staff usernames are 3 to 32 of a-z 0-9 . _ -", "[hub][staff]") {
    for (const char* good : {"ani", "budi.santoso", "op_1", "x-y", "abcdefghijklmnopqrstuvwxyz012345"})
        CHECK(checkUsername(good));
    for (const char* bad : {"", "ab", "Budi", "budi santoso", "budi@kantor", "abcdefghijklmnopqrstuvwxyz0123456",
                            "ani\n", "é-ani", "ani/..", "ani;drop"})
        CHECK_ERROR_CODE(checkUsername(bad), "username_invalid");
}

TEST_CASE("staff passwords are long enough, mixed and not the username", "[hub][staff]") {
    CHECK(checkPassword("kopi-tubruk", "ani"));
    CHECK(checkPassword("Lampung2026", "ani"));
    CHECK(checkPassword("satu dua tiga", "ani"));  // letters and spaces: two kinds
    CHECK(checkPassword("kata sandí1", "ani"));    // UTF-8 counts as characters
    // Too short: 9 characters, also when the bytes are more (é is two bytes).
    CHECK_ERROR_CODE(checkPassword("Lampung26", "ani"), "password_weak");
    CHECK_ERROR_CODE(checkPassword("kopé-kop", "ani"), "password_weak");
    CHECK(checkPassword("kopé-kopé1", "ani"));
    // All one kind.
    CHECK_ERROR_CODE(checkPassword("lampungtimur", "ani"), "password_weak");
    CHECK_ERROR_CODE(checkPassword("LAMPUNGTIMUR", "ani"), "password_weak");
    CHECK_ERROR_CODE(checkPassword("1234567890", "ani"), "password_weak");
    CHECK_ERROR_CODE(checkPassword("!@#$%^&*()", "ani"), "password_weak");
    // The username, in any case.
    CHECK_ERROR_CODE(checkPassword("budi.santoso", "budi.santoso"), "password_weak");
    CHECK_ERROR_CODE(checkPassword("Budi.Santoso", "budi.santoso"), "password_weak");
    CHECK(checkPassword("budi.santoso1", "budi.santoso"));
}

TEST_CASE("staff passwords: hostile bytes and lengths are refused, not crashed on", "[hub][staff]") {
    CHECK(checkPassword(std::string(256, 'a') + "", "ani").ok() == false);  // all one kind
    CHECK(checkPassword(std::string(255, 'a') + "1", "ani"));
    CHECK_ERROR_CODE(checkPassword(std::string(256, 'a') + "1", "ani"), "password_weak");
    CHECK_ERROR_CODE(checkPassword(std::string("abcde\0fghij1", 12), "ani"), "password_weak");
    CHECK_ERROR_CODE(checkPassword("abcdefghij1\n", "ani"), "password_weak");
    CHECK_ERROR_CODE(checkPassword("abcdefghij1\x7f", "ani"), "password_weak");
    CHECK_ERROR_CODE(checkPassword("abcdefghij\xff", "ani"), "password_weak");       // not UTF-8
    CHECK_ERROR_CODE(checkPassword("abcdefghij\xc3", "ani"), "password_weak");       // cut short
    CHECK_ERROR_CODE(checkPassword("abcdefghij\xc0\xaf", "ani"), "password_weak");   // overlong
    CHECK_ERROR_CODE(checkPassword("abcdefghij\xed\xa0\x80", "ani"), "password_weak");  // surrogate
    CHECK_ERROR_CODE(checkPassword("abcdefghij\xf4\x90\x80\x80", "ani"), "password_weak");  // > U+10FFFF
    CHECK(checkPassword("abcdefghij\xf0\x9f\x98\x80", "ani"));  // an emoji is fine
}
