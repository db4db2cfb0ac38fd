#include "hub/web/security.hpp"

#include <sodium.h>

namespace pekon::hub::web {

bool sameOrigin(const OriginHeaders& h, bool https) {
    if (h.host.empty()) return false;
    const std::string expected = std::string(https ? "https://" : "http://") + std::string(h.host);
    if (!h.origin.empty() && h.origin != "null") return h.origin == expected;
    if (!h.sec_fetch_site.empty()) return h.sec_fetch_site == "same-origin";
    if (!h.referer.empty()) return h.referer == expected || h.referer.rfind(expected + "/", 0) == 0;
    return h.origin.empty();
}

std::string cookieHeader(std::string_view name, std::string_view value, std::string_view path,
                         bool secure, long max_age) {
    std::string out = std::string(name) + "=" + std::string(value) + "; Path=" + std::string(path) +
                      "; HttpOnly; SameSite=Strict";
    if (max_age >= 0) out += "; Max-Age=" + std::to_string(max_age);
    if (secure) out += "; Secure";
    return out;
}

std::vector<std::pair<std::string, std::string>> securityHeaders() {
    return {{"Content-Security-Policy",
             "default-src 'self'; frame-ancestors 'none'; form-action 'self'"},
            {"X-Content-Type-Options", "nosniff"},
            {"Referrer-Policy", "no-referrer"},
            {"X-Frame-Options", "DENY"}};
}

bool sameToken(std::string_view a, std::string_view b) {
    if (a.size() != b.size() || a.empty()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string randomToken() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return std::string(hex, sizeof bytes * 2);
}

}  // namespace pekon::hub::web
