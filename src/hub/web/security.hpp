#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The console's request checks and response headers, pure: whether a POST comes from the
// console's own pages, the cookies it sets, the headers every answer carries.
namespace pekon::hub::web {

inline constexpr const char* kSessionCookie = "pekon_session";
inline constexpr const char* kSignInCookie = "pekon_signin";  // the sign-in form's CSRF token
inline constexpr const char* kLangCookie = "lang";

struct OriginHeaders {
    std::string_view host;            // Host
    std::string_view origin;          // Origin ("null" from a page with no-referrer policy)
    std::string_view sec_fetch_site;  // Sec-Fetch-Site
    std::string_view referer;         // Referer
};

// Whether a state-changing request comes from a page of this hub (http[s]://HOST): a
// non-null Origin must be exactly that; otherwise Sec-Fetch-Site, when sent, must be
// `same-origin`; otherwise a Referer, when sent, must be on that origin. `Origin: null`
// alone is refused. A request with none of them (not a browser) is let through: the CSRF
// token is checked regardless.
bool sameOrigin(const OriginHeaders& headers, bool https);

// Set-Cookie values: HttpOnly, SameSite=Strict, and Secure when `secure`. `max_age` < 0: a
// session cookie (gone when the browser closes); 0: delete it.
std::string cookieHeader(std::string_view name, std::string_view value, std::string_view path,
                         bool secure, long max_age = -1);

// The headers of every console answer (CSP, nosniff, no referrer, no framing).
std::vector<std::pair<std::string, std::string>> securityHeaders();

// Equal, in time that does not depend on where they differ (tokens).
bool sameToken(std::string_view a, std::string_view b);

// 32 random bytes as 64 hex digits (libsodium).
std::string randomToken();

}  // namespace pekon::hub::web
