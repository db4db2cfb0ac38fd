// The office console's HTML builder and escaping, its layout, its texts (both languages, the
// same keys), its security checks and headers, and the QR drawing (src/hub/web).
#include <catch2/catch.hpp>
#include <string>

#include "hub/web/console.hpp"
#include "hub/web/embedded_files.hpp"
#include "hub/web/html.hpp"
#include "hub/web/layout.hpp"
#include "hub/web/qr_svg.hpp"
#include "hub/web/security.hpp"
#include "hub/web/texts.hpp"

using namespace pekon;
using namespace pekon::hub;
using namespace pekon::hub::web;

namespace {

const std::string kHostile = "<script>alert(1)</script>\"'&";

}  // namespace

TEST_CASE("web html: text and attributes are escaped, markup stays inert", "[web_html]") {
    CHECK(escapeHtml(kHostile) == "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;");
    Html h;
    h.el("td", {{"title", kHostile}, {"data-x", "a\"b"}}, kHostile);
    CHECK(h.str() ==
          "<td title=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;\" data-x=\"a&quot;b\">"
          "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</td>");
    CHECK(h.str().find("<script") == std::string::npos);
    // Conditional and bare attributes.
    Html c;
    c.empty("input", {{"", "x"}, {"checked", std::string_view()}, {"value", ""}});
    CHECK(c.str() == "<input checked value=\"\">");
    Html f;
    f.hidden("csrf", "a\"><b>");
    CHECK(f.str() == "<input type=\"hidden\" name=\"csrf\" value=\"a&quot;&gt;&lt;b&gt;\">");
}

TEST_CASE("web html: bad UTF-8, control bytes and bidi overrides become U+FFFD", "[web_html]") {
    const std::string r = "\xEF\xBF\xBD";
    CHECK(escapeHtml("Budi\xC3\xA9") == "Budi\xC3\xA9");  // valid UTF-8 as is
    CHECK(escapeHtml("a\xC3") == "a" + r);
    CHECK(escapeHtml("\xC0\xAF") == r + r);          // overlong '/'
    CHECK(escapeHtml("\xED\xA0\x80") == r + r + r);  // a surrogate
    CHECK(escapeHtml(std::string("a\0b", 3)) == "a" + r + "b");
    CHECK(escapeHtml("a\x1b[31m") == "a" + r + "[31m");
    CHECK(escapeHtml("x\xE2\x80\xAEy") == "x" + r + "y");  // U+202E RIGHT-TO-LEFT OVERRIDE
    CHECK(escapeHtml("tab\tand\r\nlines") == "tab\tand\r\nlines");
}

TEST_CASE("web texts: both languages parse and have the same keys", "[web_html]") {
    auto texts = loadHubTexts();
    REQUIRE(texts);
    CHECK(texts->missingKeys().empty());
    CHECK(texts->text("signin.title", Lang::id) == "Masuk");
    CHECK(texts->text("signin.title", Lang::en) == "Sign in");
    CHECK(texts->texts(Lang::id).size() > 100);
    // Every visible word of the console comes from them: a role, an audit action, an error.
    for (const char* key : {"role.admin", "role.verifier", "role.viewer", "error.csrf",
                            "error.forbidden", "error.too_large", "audit.action.device_revoke"}) {
        INFO(key);
        CHECK(texts->texts(Lang::id).count(key) == 1);
    }
    CHECK_FALSE(parseHubTexts("[]", "{}"));
    CHECK_FALSE(parseHubTexts("{\"a\":1}", "{}"));
    CHECK(parseHubTexts("{\"a\":\"b\"}", "{\"a\":\"c\"}"));
    CHECK(embeddedFile("hub/console.css").find("@media print") != std::string_view::npos);
    CHECK(embeddedFile("hub/none.css").data() == nullptr);
}

TEST_CASE("web layout: who, role, nav by role, language switch, sign-out form", "[web_html]") {
    auto texts = loadHubTexts();
    REQUIRE(texts);
    StaffSession session;
    session.who.display_name = kHostile;
    session.who.role = StaffRole::viewer;
    session.csrf = "csrf-token";
    const std::string html = renderLayout(
        LayoutInput{Lang::en, &*texts, &session, "/office/devices", "Devices", "", "<p>body</p>"});
    CHECK(html.find("<html lang=\"en\">") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;") != std::string::npos);
    CHECK(html.find(">Viewer<") != std::string::npos);
    CHECK(html.find("action=\"/office/sign-out\"") != std::string::npos);
    CHECK(html.find("value=\"csrf-token\"") != std::string::npos);
    CHECK(html.find("href=\"/office/lang?to=id&amp;back=/office/devices\"") != std::string::npos);
    CHECK(html.find("href=\"/office/devices\" aria-current=\"page\"") != std::string::npos);
    CHECK(html.find("/office/staff") == std::string::npos);  // a viewer has no staff page
    session.who.role = StaffRole::admin;
    const std::string admin =
        renderLayout(LayoutInput{Lang::id, &*texts, &session, "/office/staff", "Petugas", "", ""});
    CHECK(admin.find("href=\"/office/staff\"") != std::string::npos);
    CHECK(admin.find("href=\"/office/audit\"") != std::string::npos);
    CHECK(homeOf(StaffRole::viewer) == "/office/queue");  // every role starts at the queue
    // Without a session: no nav, no sign-out.
    const std::string anonymous =
        renderLayout(LayoutInput{Lang::id, &*texts, nullptr, "/office/sign-in", "Masuk", "", ""});
    CHECK(anonymous.find("sign-out") == std::string::npos);
    CHECK(anonymous.find("class=\"main\"") == std::string::npos);
}

TEST_CASE("web security: same-origin POSTs, cookies, headers, tokens", "[web_html]") {
    const auto check = [](const char* origin, const char* site, const char* referer, bool https) {
        return sameOrigin(OriginHeaders{"hub.example:8080", origin, site, referer}, https);
    };
    CHECK(check("http://hub.example:8080", "", "", false));
    CHECK_FALSE(check("http://hub.example:8080", "", "", true));
    CHECK(check("https://hub.example:8080", "", "", true));
    CHECK_FALSE(check("http://evil.example", "same-origin", "", false));
    CHECK_FALSE(check("http://hub.example:8080.evil", "", "", false));
    // Referrer-Policy no-referrer makes browsers send `Origin: null` on same-origin forms.
    CHECK(check("null", "same-origin", "", false));
    CHECK_FALSE(check("null", "cross-site", "", false));
    CHECK_FALSE(check("null", "", "", false));
    CHECK_FALSE(check("", "same-site", "", false));
    CHECK(check("", "", "http://hub.example:8080/office/staff", false));
    CHECK_FALSE(check("", "", "http://hub.example:8080.evil/office/staff", false));
    CHECK(check("", "", "", false));  // not a browser: the CSRF token decides
    CHECK_FALSE(sameOrigin(OriginHeaders{"", "http://x", "", ""}, false));

    CHECK(cookieHeader("pekon_session", "abc", "/", false) ==
          "pekon_session=abc; Path=/; HttpOnly; SameSite=Strict");
    CHECK(cookieHeader("pekon_session", "", "/", true, 0) ==
          "pekon_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure");
    bool csp = false;
    for (const auto& [name, value] : securityHeaders())
        if (name == "Content-Security-Policy")
            csp = value == "default-src 'self'; frame-ancestors 'none'; form-action 'self'";
    CHECK(csp);
    CHECK(sameToken("abc", "abc"));
    CHECK_FALSE(sameToken("abc", "abd"));
    CHECK_FALSE(sameToken("", ""));
    CHECK_FALSE(sameToken("abc", "abcd"));
    const std::string a = randomToken(), b = randomToken();
    CHECK(a.size() == 64);
    CHECK(a != b);
    CHECK(allows(Access::manage, StaffRole::admin));
    CHECK_FALSE(allows(Access::manage, StaffRole::verifier));
    CHECK_FALSE(allows(Access::decide, StaffRole::viewer));
    CHECK(allows(Access::signed_in, StaffRole::viewer));
}

TEST_CASE("web QR: an enrolment URI drawn as inline SVG", "[web_html]") {
    auto svg = qrSvg("pekon://enrol?hub=http%3A%2F%2F10.0.0.5%3A8080&token=abc", "QR <x>");
    REQUIRE(svg);
    CHECK(svg->rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ", 0) == 0);
    CHECK(svg->find("aria-label=\"QR &lt;x&gt;\"") != std::string::npos);
    CHECK(svg->find("<path d=\"M") != std::string::npos);
    CHECK(svg->find("</svg>") == svg->size() - 6);
}
