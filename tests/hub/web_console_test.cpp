// The office console over real HTTP, pekon-hub a real process on loopback, on each backend:
// its plumbing (redirects, the stylesheet, headers, limits), signing in and out, sessions
// (fixation, expiry, lock-out), CSRF and origin checks, roles, escaping, and logs that keep
// nothing personal.
#include <catch2/catch.hpp>
#include <string>

#include "support/postgres_test_db.hpp"
#include "support/raw_http.hpp"
#include "web_browser.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEMPLATE_TEST_CASE("web console: plumbing, headers, the stylesheet, unknown pages", "[web_console]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_plumbing.db");
    LoggedHub hub(test_db.url());
    Browser b(hub);
    Page root = b.get("/");
    CHECK(root.status == 303);
    CHECK(root.location() == "/office/");
    Page home = b.get("/office/");
    CHECK(home.status == 303);
    CHECK(home.location() == "/office/sign-in");
    Page sign_in = b.get("/office/sign-in");
    CHECK(sign_in.status == 200);
    CHECK(sign_in.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(sign_in.header("Content-Security-Policy") ==
          "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
    CHECK(sign_in.header("X-Content-Type-Options") == "nosniff");
    CHECK(sign_in.header("Referrer-Policy") == "no-referrer");
    CHECK(sign_in.header("Cache-Control") == "no-store");
    CHECK(contains(sign_in.body, "<html lang=\"id\">"));  // Bahasa Indonesia by default
    CHECK(contains(sign_in.body, ">Masuk<"));
    CHECK(contains(sign_in.body, "/office/assets/console.css"));

    Page css = b.get("/office/assets/console.css");
    CHECK(css.status == 200);
    CHECK(css.header("Content-Type") == "text/css; charset=utf-8");
    CHECK(contains(css.body, "@media print"));
    CHECK(b.get("/office/assets/nothing.css").status == 404);

    // Accept-Language, then the lang cookie the switch sets.
    b.extra.emplace("Accept-Language", "en-GB,en;q=0.9");
    CHECK(contains(b.get("/office/sign-in").body, ">Sign in<"));
    b.extra.clear();
    Page to_en = b.get("/office/lang?to=en&back=/office/sign-in");
    CHECK(to_en.status == 303);
    CHECK(to_en.location() == "/office/sign-in");
    CHECK(b.cookies["lang"] == "en");
    CHECK(contains(b.get("/office/sign-in").body, "<html lang=\"en\">"));
    // The switch never sends anyone to another site.
    CHECK(b.get("/office/lang?to=en&back=https://evil.example/").location() == "/office/");
    CHECK(b.get("/office/lang?to=en&back=//evil.example/office/").location() == "/office/");

    Page missing = b.get("/office/nothing-here");
    CHECK(missing.status == 404);
    CHECK(missing.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(contains(missing.body, "does not exist"));  // in the user's language (en now)
    CHECK(b.postRaw("/office/devices", "", "application/x-www-form-urlencoded").status == 405);
    // The protocol is untouched.
    CHECK(b.get("/v1/health").status == 200);
    CHECK(hub.stop() == 0);
}

TEMPLATE_TEST_CASE("web console: sign in, pages by role, sign out", "[web_console]", SQLite,
                   PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_sign_in.db");
    addTeam(test_db.url());
    LoggedHub hub(test_db.url());
    Browser b(hub);

    Page wrong = b.signIn("admin", "not-the-password");
    CHECK(wrong.status == 401);
    CHECK(contains(wrong.body, "Nama pengguna atau kata sandi salah."));
    CHECK_FALSE(b.cookies.count("pekon_session"));
    CHECK(b.signIn("nobody", kAdmin.password).status == 401);  // the same answer

    Page ok = b.signIn(kAdmin);
    REQUIRE(ok.status == 303);
    CHECK(ok.location() == "/office/");
    std::string set;
    for (const std::string& c : ok.cookiesSet())
        if (c.rfind("pekon_session=", 0) == 0) set = c;
    CHECK(contains(set, "; Path=/; HttpOnly; SameSite=Strict"));
    CHECK_FALSE(contains(set, "Secure"));
    REQUIRE(b.cookies.count("pekon_session"));
    CHECK(b.get("/office/").location() == "/office/queue");
    Page devices = b.get("/office/devices");
    CHECK(devices.status == 200);
    CHECK(contains(devices.body, "Ani Admin"));
    CHECK(contains(devices.body, ">Admin<"));
    CHECK(contains(devices.body, "href=\"/office/staff\""));
    CHECK(b.get("/office/staff").status == 200);
    CHECK(b.get("/office/audit").status == 200);
    CHECK(b.get("/office/codes").status == 200);
    CHECK(b.get("/office/account").status == 200);
    // A signed-in visit to the sign-in page goes home.
    CHECK(b.get("/office/sign-in").status == 303);

    const std::string token = b.cookies["pekon_session"];
    Page out = b.post("/office/sign-out", {});
    CHECK(out.status == 303);
    CHECK(out.location() == "/office/sign-in?done=signed_out");
    CHECK_FALSE(b.cookies.count("pekon_session"));
    CHECK(contains(b.get(out.location()).body, "Anda sudah keluar."));
    // The old token is dead even if replayed.
    b.cookies["pekon_session"] = token;
    Page after = b.get("/office/devices");
    CHECK(after.status == 303);
    CHECK(after.location() == "/office/sign-in?ended=1");

    // A viewer reads devices, nothing of an admin's.
    Browser viewer(hub, kViewer);
    Page v = viewer.get("/office/devices");
    CHECK(v.status == 200);
    CHECK_FALSE(contains(v.body, "href=\"/office/staff\""));
    for (const char* page :
         {"/office/staff", "/office/audit", "/office/codes", "/office/devices/revoke?id=x"}) {
        INFO(page);
        Page refused = viewer.get(page);
        CHECK(refused.status == 403);
        CHECK(contains(refused.body, "Peran Anda tidak mengizinkan"));
    }
    CHECK(viewer
              .post("/office/staff/add", {{"username", "mallory"},
                                          {"display_name", "M"},
                                          {"role", "admin"},
                                          {"password", "mallory-pass-99"}})
              .status == 403);
    CHECK(viewer.post("/office/devices/revoke", {{"id", "x"}}).status == 403);
    CHECK(viewer.post("/office/codes", {{"kind", "tablet"}, {"hours", "24"}}).status == 403);

    // A verifier cannot manage staff either.
    Browser verifier(hub, kVerifier);
    CHECK(verifier.get("/office/staff").status == 403);
    CHECK(verifier.post("/office/staff/role", {{"id", "1"}, {"role", "viewer"}}).status == 403);
    CHECK(verifier
              .post("/office/staff/add", {{"username", "mallory"},
                                          {"display_name", "M"},
                                          {"role", "admin"},
                                          {"password", "mallory-pass-99"}})
              .status == 403);
    auto store = hub::openHubStore(test_db.url());
    REQUIRE(store);
    CHECK(hub::listStaff((*store)->db())->size() == 3);
    CHECK(hub.stop() == 0);
}

TEMPLATE_TEST_CASE("web console: no session fixation, idle expiry, lock-out with its end",
                   "[web_console]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_sessions.db");
    addTeam(test_db.url());
    LoggedHub hub(test_db.url());

    // A cookie planted before sign-in is not the one after.
    Browser b(hub);
    b.cookies["pekon_session"] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    REQUIRE(b.signIn(kAdmin).status == 303);
    const std::string first = b.cookies["pekon_session"];
    CHECK(first != "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    // Signing in again in the same browser makes a new session and ends the old one.
    b.get("/office/devices");  // (its sign-out form holds the session's CSRF token)
    Page again = b.post("/office/sign-in", {{"username", "admin"}, {"password", kAdmin.password}});
    CHECK(again.status == 303);
    REQUIRE(b.cookies.count("pekon_session"));
    CHECK(b.cookies["pekon_session"] != first);
    Browser old(hub);
    old.cookies["pekon_session"] = first;
    CHECK(old.get("/office/devices").location() == "/office/sign-in?ended=1");
    CHECK(b.get("/office/devices").status == 200);

    // Idle for longer than the limit: the session ends.
    test_db.exec("UPDATE staff_sessions SET last_seen = last_seen - " +
                 std::to_string(hub::kSessionIdleSeconds + 60));
    Page idle = b.get("/office/devices");
    CHECK(idle.status == 303);
    CHECK(idle.location() == "/office/sign-in?ended=1");
    CHECK_FALSE(b.cookies.count("pekon_session"));
    CHECK(contains(b.get(idle.location()).body, "Sesi Anda sudah berakhir."));

    // Lock-out: after kMaxFailedSignIns failures even the right password is refused, with the
    // time the lock ends.
    Browser c(hub);
    for (int i = 0; i < hub::kMaxFailedSignIns; ++i)
        c.signIn("viewer", "wrong-password-" + std::to_string(i));
    Page locked = c.signIn(kViewer);
    CHECK(locked.status == 403);
    CHECK(contains(locked.body, "dikunci karena terlalu banyak percobaan gagal, sampai 20"));
    CHECK_FALSE(c.cookies.count("pekon_session"));
    // The admin sees it on the staff page.
    Browser admin(hub, kAdmin);
    CHECK(contains(admin.get("/office/staff").body, "Dikunci sampai 20"));
    // ...and ends it early; then the right password works.
    const std::string viewer_id = std::to_string(
        (*hub::findStaffByName((*hub::openHubStore(test_db.url()))->db(), "viewer"))->id);
    Page unlocked = admin.post("/office/staff/unlock", {{"id", viewer_id}});
    CHECK(unlocked.location() == "/office/staff?done=staff_unlocked");
    CHECK(c.signIn(kViewer).status == 303);
    CHECK(contains(admin.get("/office/audit?action=staff_unlock").body,
                   "<td data-label=\"Tindakan\">Kunci akun dibuka</td>"));
    CHECK(hub.stop() == 0);
}

TEMPLATE_TEST_CASE("web console: CSRF token and origin checked on every POST", "[web_console]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_csrf.db");
    addTeam(test_db.url());
    LoggedHub hub(test_db.url());
    Browser b(hub, kAdmin);
    b.get("/office/staff");
    const httplib::Params add{{"username", "budi"},
                              {"display_name", "Budi"},
                              {"role", "viewer"},
                              {"password", "budi-pass-2026"}};
    Page missing = b.post("/office/staff/add", add, false);
    CHECK(missing.status == 403);
    CHECK(contains(missing.body, "Formulir ini sudah kedaluwarsa"));
    httplib::Params wrong = add;
    wrong.emplace("csrf", std::string(64, 'a'));
    CHECK(b.post("/office/staff/add", wrong).status == 403);
    b.origin_override = "http://evil.example";
    Page foreign = b.post("/office/staff/add", add);
    CHECK(foreign.status == 403);
    CHECK(contains(foreign.body, "tidak dikirim dari konsol ini"));
    b.origin_override = "null";  // what a browser sends under Referrer-Policy: no-referrer...
    CHECK(b.post("/office/staff/add", add).status == 403);
    b.extra.emplace("Sec-Fetch-Site", "cross-site");
    CHECK(b.post("/office/staff/add", add).status == 403);
    b.extra.clear();
    b.extra.emplace("Sec-Fetch-Site", "same-origin");  // ...with this, from its own page
    Page accepted = b.post("/office/staff/add", add);
    CHECK(accepted.status == 303);
    CHECK(accepted.location() == "/office/staff?done=staff_added");
    b.extra.clear();
    b.origin_override.clear();
    // Sign-out is a POST with the token too.
    CHECK(b.post("/office/sign-out", {}, false).status == 403);
    // The sign-in form has its own token, in a cookie of its own.
    Browser c(hub);
    c.get("/office/sign-in");
    c.cookies.erase("pekon_signin");
    CHECK(
        c.post("/office/sign-in", {{"username", "admin"}, {"password", kAdmin.password}}).status ==
        403);
    Browser d(hub);
    d.get("/office/sign-in");
    d.origin_override = "http://evil.example";
    CHECK(
        d.post("/office/sign-in", {{"username", "admin"}, {"password", kAdmin.password}}).status ==
        403);
    CHECK_FALSE(d.cookies.count("pekon_session"));
    auto store = hub::openHubStore(test_db.url());
    REQUIRE(store);
    CHECK(hub::listStaff((*store)->db())->size() == 4);  // budi, once
    CHECK(hub.stop() == 0);
}

TEMPLATE_TEST_CASE("web console: oversized and malformed bodies", "[web_console]", SQLite,
                   PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_bodies.db");
    addTeam(test_db.url());
    LoggedHub hub(test_db.url());
    Browser b(hub, kAdmin);
    b.get("/office/staff");
    const std::string csrf = "csrf=" + b.csrf;
    // Over 64 KiB: refused from its Content-Length, unread.
    Page big = b.postRaw("/office/staff/add", csrf + "&x=" + std::string(70 * 1024, 'a'),
                         "application/x-www-form-urlencoded");
    CHECK(big.status == 413);
    CHECK(contains(big.body, "terlalu besar"));
    // Multipart is only taken by upload routes: elsewhere the 64 KiB cap holds.
    Page multipart = b.postRaw("/office/staff/add", std::string(100 * 1024, 'm'),
                               "multipart/form-data; boundary=abc");
    CHECK(multipart.status == 413);
    CHECK(
        b.postRaw("/office/staff/add", csrf + "&username=%zz", "application/x-www-form-urlencoded")
            .status == 400);
    CHECK(b.postRaw("/office/staff/add", "{\"csrf\":1}", "application/json").status == 415);
    CHECK(b.postRaw("/office/staff/add", csrf + "&id=1", "multipart/form-data; boundary=abc")
              .status == 415);
    // A body without Content-Length that grows past the cap has its connection closed.
    RawSocket raw(hub.port());
    raw.send(
        "POST /office/staff/add HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n");
    std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
    raw.send(chunk);
    raw.send(chunk);
    CHECK(raw.closedByPeer(10000));
    // Another program's malformed cookies do not get in the way.
    b.cookies["{\"json\""] = "1,2";
    b.cookies["x"] = "a b";
    CHECK(b.get("/office/devices").status == 200);
    CHECK(hub.stop() == 0);
}

TEMPLATE_TEST_CASE("web console: a hostile display name renders inert; logs keep nothing personal",
                   "[web_console]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_inert.db");
    addTeam(test_db.url());
    LoggedHub hub(test_db.url());
    Browser b(hub, kAdmin);
    b.get("/office/staff");
    const std::string hostile = "<script>alert(1)</script>\"'";
    Page added = b.post("/office/staff/add", {{"username", "evil"},
                                              {"display_name", hostile},
                                              {"role", "verifier"},
                                              {"password", "evil-pass-2026"}});
    REQUIRE(added.status == 303);
    Page staff = b.get(added.location());
    CHECK(contains(staff.body, "Petugas ditambahkan."));
    CHECK_FALSE(contains(staff.body, "<script"));
    CHECK(contains(staff.body, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;"));
    // Signed in as that account, its name in the header is inert too.
    Browser evil(hub);
    REQUIRE(evil.signIn("evil", "evil-pass-2026").status == 303);
    Page home = evil.get("/office/devices");
    CHECK_FALSE(contains(home.body, "<script"));
    CHECK(contains(home.body, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;"));
    // Failures along the way, then the hub's output holds no username, name or password.
    b.signIn("viewer", "wrong-password-1");
    CHECK(hub.stop() == 0);
    const std::string log = hub.log();
    for (const std::string& secret :
         {std::string("script"), std::string("Ani Admin"), std::string("evil"),
          std::string(kAdmin.password), std::string("wrong-password-1"), std::string("viewer")}) {
        INFO(secret);
        CHECK_FALSE(contains(log, secret));
    }
}
