// The office console's admin pages over real HTTP, on each backend: staff (add, role,
// disable, enable, new password), the audit log and its filters, devices (activity, revoke
// with confirmation), enrolment and kiosk codes with their QR, and my account's password.
#include <catch2/catch.hpp>
#include <string>

#include "proto/signature.hpp"
#include "proto/sync_json.hpp"
#include "support/postgres_test_db.hpp"
#include "support/sample_household.hpp"
#include "web_browser.hpp"

using namespace pekon;
using namespace pekon::test;
using hub::StaffRole;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::int64_t staffId(const std::string& db, const std::string& username) {
    auto store = hub::openHubStore(db);
    if (!store) throw std::runtime_error("store");
    auto staff = hub::listStaff((*store)->db());
    if (!staff) throw std::runtime_error("staff");
    for (const auto& a : *staff)
        if (a.username == username) return a.id;
    throw std::runtime_error("no staff " + username);
}

}  // namespace

TEMPLATE_TEST_CASE("web admin: staff added, role changed, disabled, enabled, new password",
                   "[web_admin]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_staff.db");
    addStaffMember(test_db.url(), kAdmin);
    LoggedHub hub(test_db.url());
    Browser a(hub, kAdmin);
    a.get("/office/staff");
    Page added = a.post("/office/staff/add", {{"username", "budi"},
                                              {"display_name", "Budi Santoso"},
                                              {"role", "viewer"},
                                              {"password", "budi-pass-2026"}});
    REQUIRE(added.status == 303);
    // Refusals are shown on the page, in the user's words.
    Page weak = a.post("/office/staff/add", {{"username", "citra"},
                                             {"display_name", "Citra"},
                                             {"role", "viewer"},
                                             {"password", "short"}});
    CHECK(weak.status == 400);
    CHECK(contains(weak.body, "class=\"error\""));
    CHECK(a.post("/office/staff/add", {{"username", "budi"},
                                       {"display_name", "Budi 2"},
                                       {"role", "viewer"},
                                       {"password", "budi-pass-2026"}})
              .status == 409);
    CHECK(a.post("/office/staff/add", {{"username", "Bad Name"},
                                       {"display_name", "X"},
                                       {"role", "viewer"},
                                       {"password", "budi-pass-2026"}})
              .status == 400);
    CHECK(a.post("/office/staff/add", {{"username", "dedi"},
                                       {"display_name", "Dedi"},
                                       {"role", "superuser"},
                                       {"password", "dedi-pass-2026"}})
              .status == 400);

    const std::string budi = std::to_string(staffId(test_db.url(), "budi"));
    Browser b(hub);
    REQUIRE(b.signIn("budi", "budi-pass-2026").status == 303);
    CHECK(b.get("/office/codes").status == 403);
    CHECK(a.post("/office/staff/role", {{"id", budi}, {"role", "admin"}}).location() ==
          "/office/staff?done=staff_role");
    CHECK(b.get("/office/codes").status == 200);  // the role counts at once
    CHECK(a.post("/office/staff/disable", {{"id", budi}}).status == 303);
    CHECK(b.get("/office/codes").location() == "/office/sign-in?ended=1");  // sessions ended
    Browser b2(hub);
    CHECK(b2.signIn("budi", "budi-pass-2026").status == 401);
    CHECK(a.post("/office/staff/enable", {{"id", budi}}).status == 303);
    CHECK(
        a.post("/office/staff/password", {{"id", budi}, {"password", "budi-new-pass-1"}}).status ==
        303);
    CHECK(b2.signIn("budi", "budi-pass-2026").status == 401);
    CHECK(b2.signIn("budi", "budi-new-pass-1").status == 303);
    // The last admin cannot be demoted or disabled; an unknown id is 404, a bad one 400.
    const std::string admin = std::to_string(staffId(test_db.url(), "admin"));
    CHECK(a.post("/office/staff/role", {{"id", budi}, {"role", "viewer"}}).status == 303);
    CHECK(a.post("/office/staff/role", {{"id", admin}, {"role", "viewer"}}).status == 400);
    CHECK(a.post("/office/staff/disable", {{"id", admin}}).status == 400);
    CHECK(a.post("/office/staff/disable", {{"id", "999999"}}).status == 404);
    CHECK(a.post("/office/staff/disable", {{"id", "x"}}).status == 400);

    // Each change is in the audit log, which filters.
    Page audit = a.get("/office/audit");
    CHECK(audit.status == 200);
    // (each action's words are also in the filter's list: look in the table's cells)
    const auto actionCell = [](const std::string& words) {
        return "<td data-label=\"Tindakan\">" + words + "</td>";
    };
    for (const char* action : {"Petugas ditambah", "Peran diubah", "Akun dinonaktifkan",
                               "Akun diaktifkan", "Kata sandi diganti", "Masuk"}) {
        INFO(action);
        CHECK(contains(audit.body, actionCell(action)));
    }
    Page only_roles = a.get("/office/audit?action=staff_role&username=admin");
    CHECK(contains(only_roles.body, actionCell("Peran diubah")));
    CHECK_FALSE(contains(only_roles.body, actionCell("Petugas ditambah")));
    CHECK(contains(only_roles.body, "<option value=\"staff_role\" selected>"));
    CHECK(contains(a.get("/office/audit?target=nobody-at-all").body, "Tidak ada catatan"));
    CHECK(contains(a.get("/office/audit?from=2000-01-01&to=2000-01-02").body, "Tidak ada catatan"));
    CHECK(a.get("/office/audit?from=yesterday").status == 400);
    CHECK(a.get("/office/audit?before=-1").status == 400);
    CHECK(hub.stop() == 0);
}

TEMPLATE_TEST_CASE("web admin: devices with their activity, revoked after a confirmation",
                   "[web_admin]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_devices.db");
    addStaffMember(test_db.url(), kAdmin);
    addStaffMember(test_db.url(), kViewer);
    LoggedHub hub(test_db.url());
    // A tablet enrols and pushes an event; a kiosk enrols and sends nothing.
    httplib::Client c("127.0.0.1", hub.port());
    std::string tablet_id;
    sync::DeviceSecret secret{};
    {
        auto store = hub::openHubStore(test_db.url());
        REQUIRE(store);
        const auto token = (*store)->createToken("t", webNow(), 3600);
        REQUIRE(token);
        auto res = c.Post("/v1/devices/enrol",
                          R"({"token":")" + token->token + R"(","name":"Tablet <b>Satu</b>"})",
                          "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 201);
        auto json = parseJson(res->body);
        tablet_id = (*json)["device_id"].get<std::string>();
        secret = *sync::decodeSecret((*json)["secret"].get<std::string>());
        const auto kiosk = (*store)->createToken("k", webNow(), 3600, "18.06");
        REQUIRE(kiosk);
        REQUIRE(c.Post("/v1/devices/enrol", R"({"token":")" + kiosk->token + R"(","name":"Kios"})",
                       "application/json")
                    ->status == 201);
    }
    const std::string body =
        R"({"events":[{"id":"e1","seq":1,"type":"member.registered","at":"2026-11-22T08:15:00Z","actor":"u1","data":{"member_id":"m1","household_id":"h1","nik":")" +
        std::string(sample::kHeadNik) +
        R"(","name":"Budi Santoso","birth_date":"1980-05-15","sex":"M","relation":"head","segment":"PBPU","class":3}}]})";
    auto push = [&] {
        const std::int64_t ts = webNow();
        auto answer =
            c.Post("/v1/events",
                   {{"X-Pekon-Device", tablet_id},
                    {"X-Pekon-Timestamp", std::to_string(ts)},
                    {"X-Pekon-Signature", sync::sign(secret, "POST", "/v1/events", ts, body)}},
                   body, "application/json");
        REQUIRE(answer);
        return answer->status;
    };
    REQUIRE(push() == 200);
    REQUIRE(push() == 200);  // sent again: the hub has it already, and it counts once

    Browser a(hub, kAdmin);
    Page list = a.get("/office/devices");
    REQUIRE(list.status == 200);
    CHECK(contains(list.body, "Tablet &lt;b&gt;Satu&lt;/b&gt;"));
    CHECK(contains(list.body, "Tablet kader"));
    CHECK(contains(list.body, "Kios warga, wilayah 18.06"));
    CHECK(contains(list.body, "Belum pernah"));      // the kiosk
    CHECK(contains(list.body, "class=\"num\">1<"));  // one event sent, counted once
    CHECK_FALSE(contains(list.body, "class=\"num\">2<"));
    CHECK(contains(list.body, "/office/devices/revoke?id=" + tablet_id));
    CHECK_FALSE(contains(list.body, "Budi Santoso"));
    CHECK_FALSE(contains(list.body, sample::kHeadNik));

    Browser v(hub, kViewer);
    Page seen = v.get("/office/devices");
    CHECK(seen.status == 200);
    CHECK_FALSE(contains(seen.body, "/office/devices/revoke"));

    Page confirm = a.get("/office/devices/revoke?id=" + tablet_id);
    CHECK(confirm.status == 200);
    CHECK(contains(confirm.body, "Ya, cabut perangkat ini"));
    CHECK(a.get("/office/devices/revoke?id=no-such-device").status == 404);
    Page revoked = a.post("/office/devices/revoke", {{"id", tablet_id}});
    CHECK(revoked.status == 303);
    CHECK(revoked.location() == "/office/devices?done=device_revoked");
    CHECK(contains(a.get(revoked.location()).body, "Dicabut "));
    CHECK(a.post("/office/devices/revoke", {{"id", "no-such-device"}}).status == 404);
    // The device is refused by the protocol now.
    CHECK(push() == 403);
    Page audit = a.get("/office/audit?action=device_revoke");
    CHECK(contains(audit.body, tablet_id));
    CHECK(hub.stop() == 0);
}

TEMPLATE_TEST_CASE("web admin: enrolment and kiosk codes with their QR, audited", "[web_admin]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_codes.db");
    addStaffMember(test_db.url(), kAdmin);
    LoggedHub hub(test_db.url());
    Browser a(hub, kAdmin);
    Page form = a.get("/office/codes");
    CHECK(contains(form.body, "value=\"" + hub.origin() + "\""));  // the hub's address, prefilled
    Page made = a.post("/office/codes", {{"kind", "tablet"},
                                         {"label", "Posyandu <Melati>"},
                                         {"hours", "24"},
                                         {"hub_url", "http://10.0.0.5:8080"}});
    REQUIRE(made.status == 200);
    CHECK(contains(made.body, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(contains(made.body, "pekon://enrol?hub=http%3A%2F%2F10.0.0.5%3A8080&amp;token="));
    CHECK(contains(made.body, "Posyandu &lt;Melati&gt;"));
    // The code on the page enrols a device, once.
    const std::string marker = "<p class=\"code\">";
    const auto at = made.body.find(marker);
    REQUIRE(at != std::string::npos);
    const std::string token = made.body.substr(
        at + marker.size(), made.body.find('<', at + marker.size()) - at - marker.size());
    httplib::Client c("127.0.0.1", hub.port());
    auto enrol = [&] {
        return c
            .Post("/v1/devices/enrol", R"({"token":")" + token + R"(","name":"t"})",
                  "application/json")
            ->status;
    };
    CHECK(enrol() == 201);
    CHECK(enrol() == 401);

    Page kiosk = a.post("/office/codes", {{"kind", "kiosk"},
                                          {"area", "18.06.01"},
                                          {"hours", "8"},
                                          {"hub_url", "https://hub.example"}});
    CHECK(kiosk.status == 200);
    CHECK(contains(kiosk.body, "Kios warga, wilayah 18.06.01"));
    CHECK(a.post("/office/codes", {{"kind", "kiosk"},
                                   {"area", "18.6"},
                                   {"hours", "8"},
                                   {"hub_url", "https://hub.example"}})
              .status == 400);
    CHECK(a.post("/office/codes", {{"kind", "kiosk"},
                                   {"area", "99.99"},
                                   {"hours", "8"},
                                   {"hub_url", "https://hub.example"}})
              .status == 400);  // not a regency of the region tables
    CHECK(a.post("/office/codes", {{"kind", "tablet"}, {"hours", "8"}, {"hub_url", "ftp://x"}})
              .status == 400);
    CHECK(a.post("/office/codes", {{"kind", "tablet"}, {"hours", "5"}, {"hub_url", "http://x.y"}})
              .status == 400);
    CHECK(a.post("/office/codes", {{"kind", "printer"}, {"hours", "8"}, {"hub_url", "http://x.y"}})
              .status == 400);
    Page audit = a.get("/office/audit?action=token_create");
    CHECK(contains(audit.body, "Posyandu &lt;Melati&gt;"));
    CHECK(contains(audit.body, "18.06.01"));
    CHECK_FALSE(contains(audit.body, token));  // the code itself is never kept or shown again
    CHECK(hub.stop() == 0);
}

TEMPLATE_TEST_CASE("web admin: my account's password, and Secure cookies behind TLS", "[web_admin]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_account.db");
    addStaffMember(test_db.url(), "vera", "Vera", StaffRole::verifier, "vera-pass-2026");
    {
        LoggedHub hub(test_db.url());
        Browser b(hub);
        REQUIRE(b.signIn("vera", "vera-pass-2026").status == 303);
        Page account = b.get("/office/account");
        CHECK(contains(account.body, "Verifikator"));
        CHECK(b.post("/office/account/password", {{"current", "vera-pass-2026"},
                                                  {"password", "vera-new-pass-1"},
                                                  {"repeat", "vera-new-pass-2"}})
                  .status == 400);
        CHECK(b.post("/office/account/password", {{"current", "wrong-one-here"},
                                                  {"password", "vera-new-pass-1"},
                                                  {"repeat", "vera-new-pass-1"}})
                  .status == 403);
        CHECK(b.post("/office/account/password",
                     {{"current", "vera-pass-2026"}, {"password", "short"}, {"repeat", "short"}})
                  .status == 400);
        Page changed = b.post("/office/account/password", {{"current", "vera-pass-2026"},
                                                           {"password", "vera-new-pass-1"},
                                                           {"repeat", "vera-new-pass-1"}});
        CHECK(changed.status == 303);
        CHECK(changed.location() == "/office/sign-in?done=password_changed");
        CHECK(b.get("/office/account").status == 303);  // signed out everywhere
        Browser c(hub);
        CHECK(c.signIn("vera", "vera-pass-2026").status == 401);
        CHECK(c.signIn("vera", "vera-new-pass-1").status == 303);
        CHECK(hub.stop() == 0);
    }
    LoggedHub tls(test_db.url(), {"--behind-tls"});
    Browser b(tls);
    b.origin_override = "https://127.0.0.1:" + std::to_string(tls.port());
    Page ok = b.signIn("vera", "vera-new-pass-1");
    REQUIRE(ok.status == 303);
    bool secure = false;
    for (const std::string& c : ok.cookiesSet())
        if (c.rfind("pekon_session=", 0) == 0) secure = contains(c, "; Secure");
    CHECK(secure);
    b.origin_override.clear();  // http:// is another origin now
    b.get("/office/account");
    CHECK(b.post("/office/sign-out", {}).status == 403);
    CHECK(tls.stop() == 0);
}
