#include "store/users.hpp"

#include <catch2/catch.hpp>

#include "store/internal/database.hpp"
#include "support/fixtures.hpp"

using namespace pekon;

namespace {
constexpr UnixSeconds kNow = 1'795'000'000;
}

TEST_CASE("users: the first user is a supervisor; a PIN keeps only the data key wrapped under Argon2id") {
    auto store = Store::open(test::tempPath("users.db"));
    REQUIRE(store.ok());
    auto volunteer_first = createUser(**store, "Rina Marlina", Role::volunteer, "428195", "", kNow);
    REQUIRE_FALSE(volunteer_first.ok());
    CHECK(volunteer_first.error().code == "first_user_supervisor");

    auto sup = createUser(**store, "  Dewi   Lestari ", Role::supervisor, "428195", "", kNow);
    REQUIRE(sup.ok());
    CHECK(sup->name == "Dewi Lestari");
    auto vol = createUser(**store, "Rina Marlina", Role::volunteer, "771903", sup->id, kNow);
    REQUIRE(vol.ok());
    CHECK(createUser(**store, "rina marlina", Role::volunteer, "771903", sup->id, kNow)
              .error()
              .code == "user_name_taken");
    CHECK(createUser(**store, "Agus", Role::volunteer, "123456", sup->id, kNow).error().code ==
          "pin_too_simple");
    CHECK(createUser(**store, "Agus 2", Role::volunteer, "771903", sup->id, kNow).error().code ==
          "name_invalid_chars");

    auto users = listUsers(**store);
    REQUIRE(users.ok());
    REQUIRE(users->size() == 2);
    CHECK((*users)[0].role == Role::supervisor);
    // No PIN hash beside the wrap (it would be a cheaper target than the wrap itself).
    CHECK(*connection(**store).queryInt("SELECT COUNT(*) FROM users WHERE pin_hash <> ''") == 0);
    const std::string wrap = *connection(**store).queryText("SELECT data_key FROM users LIMIT 1");
    CHECK(wrap.rfind("pw1$3$134217728$", 0) == 0);
    CHECK(wrap.find("428195") == std::string::npos);
}

TEST_CASE("users: five wrong PINs lock the user for five minutes") {
    const std::string path = test::tempPath("login.db");
    auto store = Store::open(path);
    REQUIRE(store.ok());
    auto sup = createUser(**store, "Dewi Lestari", Role::supervisor, "428195", "", kNow);
    REQUIRE(sup.ok());
    auto ok = login(**store, sup->id, "428195", kNow);
    REQUIRE(ok.ok());
    CHECK(ok->name == "Dewi Lestari");
    for (int i = 1; i <= 4; ++i) {
        auto wrong = login(**store, sup->id, "000001", kNow + i);
        REQUIRE_FALSE(wrong.ok());
        CHECK(wrong.error().code == "pin_wrong");
        CHECK(wrong.error().message_en.find(std::to_string(5 - i)) != std::string::npos);
    }
    auto fifth = login(**store, sup->id, "000001", kNow + 5);
    REQUIRE_FALSE(fifth.ok());
    CHECK(fifth.error().code == "user_locked");
    // Even the right PIN waits out the lock, which survives reopening the database.
    store = Store::open(path);
    REQUIRE(store.ok());
    auto locked = login(**store, sup->id, "428195", kNow + 6);
    REQUIRE_FALSE(locked.ok());
    CHECK(locked.error().code == "user_locked");
    auto later = login(**store, sup->id, "428195", kNow + 5 + kLockoutSeconds);
    REQUIRE(later.ok());
    CHECK(login(**store, "no-such-user", "428195", kNow).error().code == "user_not_found");
}
