#include "vault/pin_wrap.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace pekon::vault;

namespace {

// A cheap derivation for tests; the product's costs are timed in bench/store_bench.
constexpr PinKdf kTestKdf{1, std::size_t{8} << 20};

std::string bytes(const SecretKey& key) {
    return std::string(reinterpret_cast<const char*>(key.data()), SecretKey::kSize);
}

}  // namespace

TEST_CASE("pin wrap: the data key comes back only with the PIN that wrapped it") {
    auto key = SecretKey::random();
    REQUIRE(key);
    auto wrapped = wrapKey(*key, "482913", kTestKdf);
    REQUIRE(wrapped);
    CHECK(wrapped->rfind("pw1$1$8388608$", 0) == 0);
    CHECK(wrapped->find(bytes(*key)) == std::string::npos);

    auto back = unwrapKey(*wrapped, "482913");
    REQUIRE(back);
    CHECK(bytes(*back) == bytes(*key));

    for (const char* wrong : {"482914", "000000", "", "4829130"}) {
        auto no = unwrapKey(*wrapped, wrong);
        REQUIRE_FALSE(no);
        CHECK(no.error().code == "key_pin_wrong");
        CHECK_FALSE(no.error().message_id.empty());
        CHECK_FALSE(no.error().message_en.empty());
    }
    // Two wraps of one key under one PIN differ (salt and nonce are fresh).
    auto again = wrapKey(*key, "482913", kTestKdf);
    REQUIRE(again);
    CHECK(*again != *wrapped);
}

TEST_CASE("pin wrap: a damaged or hostile wrap is refused without work") {
    auto key = SecretKey::random();
    REQUIRE(key);
    auto wrapped = wrapKey(*key, "482913", kTestKdf);
    REQUIRE(wrapped);
    std::string flipped = *wrapped;
    flipped[flipped.size() - 3] = flipped[flipped.size() - 3] == 'A' ? 'B' : 'A';
    CHECK(unwrapKey(flipped, "482913").error().code == "key_pin_wrong");
    for (const std::string& bad :
         {std::string(), std::string("pw1"), std::string("pw2$1$8388608$a$b"),
          std::string("pw1$1$8388608$!!$??"),
          // costs out of bounds: a hostile file cannot ask for 64 GiB or a million passes
          std::string("pw1$1$68719476736") + wrapped->substr(wrapped->find('$', 6)),
          std::string("pw1$1000000$8388608") + wrapped->substr(wrapped->find('$', 6)),
          std::string("pw1$0$8388608") + wrapped->substr(wrapped->find('$', 6)),
          std::string(600, 'x')}) {
        auto no = unwrapKey(bad, "482913");
        REQUIRE_FALSE(no);
        CHECK(no.error().code == "key_wrap_damaged");
    }
}
