#include "proto/signature.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace pekon::sync;

namespace {

std::vector<unsigned char> bytesOf(std::string_view text) {
    return {text.begin(), text.end()};
}

// The secret 0x00 0x01 ... 0x1f.
DeviceSecret countingSecret() {
    DeviceSecret secret;
    for (std::size_t i = 0; i < secret.bytes.size(); ++i)
        secret.bytes[i] = static_cast<unsigned char>(i);
    return secret;
}

const std::string kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

}  // namespace

TEST_CASE("sha256Hex matches the known vectors", "[signature]") {
    CHECK(sha256Hex("") == kEmptySha256);
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // Bytes, not C strings: an embedded NUL counts.
    CHECK(sha256Hex(std::string_view("a\0b", 3)) != sha256Hex("ab"));
}

TEST_CASE("hmacSha256Base64 matches RFC 4231", "[signature]") {
    SECTION("test case 1: 20-byte key") {
        const std::vector<unsigned char> key(20, 0x0b);
        // b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7
        CHECK(hmacSha256Base64(key, "Hi There") == "sDRMYdjbOFNcqK/OrwvxK4gdwgDJgz2nJuk3bC4yz/c=");
    }
    SECTION("test case 2: key \"Jefe\"") {
        // 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
        CHECK(hmacSha256Base64(bytesOf("Jefe"), "what do ya want for nothing?") ==
              "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
    }
    SECTION("test case 4: 25-byte key 0x01..0x19") {
        std::vector<unsigned char> key;
        for (unsigned char b = 0x01; b <= 0x19; ++b) key.push_back(b);
        const std::string message(50, '\xcd');
        // 82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b
        CHECK(hmacSha256Base64(key, message) == "glWKOJpEPA6kzIGYmfIIOoXw+qPlePgHei4/9GcpZls=");
    }
}

TEST_CASE("signingMessage is exactly the protocol's bytes", "[signature]") {
    SECTION("GET with a query and no body") {
        const std::string expected =
            "GET\n/v1/changes?since=41&limit=500\n1764000000\n" + kEmptySha256;
        CHECK(signingMessage("GET", "/v1/changes?since=41&limit=500", 1764000000, "") == expected);
        // The method is upper-cased.
        CHECK(signingMessage("get", "/v1/changes?since=41&limit=500", 1764000000, "") == expected);
    }
    SECTION("POST with a body") {
        CHECK(signingMessage("Post", "/v1/events", 1764000000, R"({"events":[]})") ==
              "POST\n/v1/events\n1764000000\n"
              "24de1c4a19c43ad41b013f13dcd858c17b0daa7f33a53f19913e5b11366d1c2e");
    }
}

TEST_CASE("sign matches an independent implementation", "[signature]") {
    // Computed with Python's hmac/hashlib/base64 from the protocol text.
    const DeviceSecret secret = countingSecret();
    CHECK(sign(secret, "GET", "/v1/changes?since=41&limit=500", 1764000000, "") ==
          "DeF9GY7Fv7VCleQlv3y4G2cAUpV5epV+C97R1xHHwMU=");
    CHECK(sign(secret, "POST", "/v1/events", 1764000000, R"({"events":[]})") ==
          "tWcTyJ5RNpvVuZVhsC1W/0iODlSIDbH2FospZetlDXc=");
}

TEST_CASE("verify accepts exactly the signed request", "[signature]") {
    const DeviceSecret secret = newDeviceSecret();
    const std::string method = "POST";
    const std::string path = "/v1/events";
    const std::int64_t ts = 1764000000;
    const std::string body = R"({"events":[{"id":"a","seq":1}]})";
    const std::string signature = sign(secret, method, path, ts, body);
    REQUIRE(signature.size() == 44);

    CHECK(verify(secret, method, path, ts, body, signature));
    CHECK(verify(secret, "post", path, ts, body, signature));  // same canonical method

    SECTION("any change to the request fails") {
        CHECK_FALSE(verify(secret, "PUT", path, ts, body, signature));
        CHECK_FALSE(verify(secret, method, "/v1/events?x=1", ts, body, signature));
        CHECK_FALSE(verify(secret, method, "/v1/event", ts, body, signature));
        CHECK_FALSE(verify(secret, method, path, ts + 1, body, signature));
        CHECK_FALSE(verify(secret, method, path, ts - 1, body, signature));
        for (std::size_t i : {std::size_t{0}, body.size() / 2, body.size() - 1}) {
            std::string altered = body;
            altered[i] = static_cast<char>(altered[i] ^ 0x01);
            CHECK_FALSE(verify(secret, method, path, ts, altered, signature));
        }
        CHECK_FALSE(verify(secret, method, path, ts, body + " ", signature));
        CHECK_FALSE(verify(secret, method, path, ts, "", signature));
    }
    SECTION("a changed signature fails") {
        std::string altered = signature;
        altered[0] = altered[0] == 'A' ? 'B' : 'A';
        CHECK_FALSE(verify(secret, method, path, ts, body, altered));
        altered = signature;
        altered[20] = altered[20] == 'z' ? 'y' : 'z';
        CHECK_FALSE(verify(secret, method, path, ts, body, altered));
        // Character 42 holds the low 4 bits of the last byte (its low 2 bits must be 0):
        // 'A' <-> 'E' is still canonical base64 and changes only the MAC's last byte.
        altered = signature;
        altered[42] = altered[42] == 'A' ? 'E' : 'A';
        REQUIRE(altered[43] == '=');
        CHECK_FALSE(verify(secret, method, path, ts, body, altered));
        // The same with a known signature, so that the change is certain to decode.
        const std::string known = "DeF9GY7Fv7VCleQlv3y4G2cAUpV5epV+C97R1xHHwMU=";
        REQUIRE(verify(countingSecret(), "GET", "/v1/changes?since=41&limit=500", 1764000000, "",
                       known));
        CHECK_FALSE(verify(countingSecret(), "GET", "/v1/changes?since=41&limit=500", 1764000000,
                           "", "DeF9GY7Fv7VCleQlv3y4G2cAUpV5epV+C97R1xHHwME="));
    }
    SECTION("another secret fails") {
        DeviceSecret other = secret;
        other.bytes[31] ^= 0x80;
        CHECK_FALSE(verify(other, method, path, ts, body, signature));
        CHECK_FALSE(verify(newDeviceSecret(), method, path, ts, body, signature));
    }
    SECTION("malformed signatures fail") {
        CHECK_FALSE(verify(secret, method, path, ts, body, ""));
        CHECK_FALSE(verify(secret, method, path, ts, body, "garbage"));
        CHECK_FALSE(verify(secret, method, path, ts, body, std::string(44, '!')));
        CHECK_FALSE(verify(secret, method, path, ts, body, signature + "AAAA"));
        CHECK_FALSE(verify(secret, method, path, ts, body, signature + "\n"));
        CHECK_FALSE(verify(secret, method, path, ts, body, " " + signature));
        CHECK_FALSE(verify(secret, method, path, ts, body, signature.substr(0, 43)));  // no '='
        CHECK_FALSE(verify(secret, method, path, ts, body, std::string(10000, 'A')));
        // Valid base64 of the wrong length (31 and 33 bytes).
        CHECK_FALSE(
            verify(secret, method, path, ts, body, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="));
        CHECK_FALSE(
            verify(secret, method, path, ts, body, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    }
}

TEST_CASE("device secrets encode and decode", "[signature]") {
    SECTION("round trip") {
        const DeviceSecret secret = newDeviceSecret();
        const std::string encoded = encodeSecret(secret);
        CHECK(encoded.size() == 44);
        CHECK(encoded.back() == '=');
        auto decoded = decodeSecret(encoded);
        REQUIRE(decoded.ok());
        CHECK(decoded->bytes == secret.bytes);
    }
    SECTION("a known secret") {
        const std::string encoded = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        CHECK(encodeSecret(countingSecret()) == encoded);
        auto decoded = decodeSecret(encoded);
        REQUIRE(decoded.ok());
        CHECK(*decoded == countingSecret());
    }
    SECTION("fresh secrets differ") {
        CHECK(newDeviceSecret().bytes != newDeviceSecret().bytes);
    }
    SECTION("anything but base64 of 32 bytes is bad_secret") {
        const std::string too_short = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";  // 31 bytes
        const std::string too_long = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";   // 33 bytes
        const std::string good = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        const std::string url_safe = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh_-";
        for (const std::string& input :
             {too_short, too_long, std::string(), std::string("not base64 at all!!"),
              std::string(44, '*'), good + "AAAA", good.substr(0, 43), " " + good.substr(1),
              url_safe}) {
            CAPTURE(input);
            auto decoded = decodeSecret(input);
            REQUIRE_FALSE(decoded.ok());
            CHECK(decoded.error().code == "bad_secret");
            CHECK_FALSE(decoded.error().message_id.empty());
            CHECK_FALSE(decoded.error().message_en.empty());
            CHECK(decoded.error().message_id != decoded.error().message_en);
        }
    }
}

TEST_CASE("timestampFresh allows 300 seconds either way", "[signature]") {
    const std::int64_t now = 1764000000;
    CHECK(timestampFresh(now, now));
    CHECK(timestampFresh(now + 300, now));
    CHECK(timestampFresh(now - 300, now));
    CHECK_FALSE(timestampFresh(now + 301, now));
    CHECK_FALSE(timestampFresh(now - 301, now));
    CHECK(timestampFresh(now + 10, now, 10));
    CHECK_FALSE(timestampFresh(now + 11, now, 10));
    CHECK_FALSE(timestampFresh(now, now, -1));

    constexpr auto lo = std::numeric_limits<std::int64_t>::min();
    constexpr auto hi = std::numeric_limits<std::int64_t>::max();
    CHECK_FALSE(timestampFresh(lo, hi));
    CHECK_FALSE(timestampFresh(hi, lo));
    CHECK(timestampFresh(hi, hi));
    CHECK(timestampFresh(lo, lo + 300));
    CHECK_FALSE(timestampFresh(lo, lo + 301));
    CHECK(timestampFresh(hi, lo, hi) == false);
}
