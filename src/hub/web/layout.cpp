#include "hub/web/layout.hpp"

#include "hub/web/console.hpp"
#include "hub/web/html.hpp"

namespace pekon::hub::web {

namespace {

struct NavItem {
    const char* path;
    const char* key;
    Access access;
};

// The nav, in order; each entry shown to the roles its access allows.
constexpr NavItem kNav[] = {
    {"/office/queue", "nav.queue", Access::signed_in},
    {"/office/dashboard", "nav.dashboard", Access::signed_in},
    {"/office/complaints", "nav.complaints", Access::signed_in},
    {"/office/status-upload", "nav.status_upload", Access::decide},
    {"/office/devices", "nav.devices", Access::signed_in},
    {"/office/codes", "nav.codes", Access::manage},
    {"/office/staff", "nav.staff", Access::manage},
    {"/office/audit", "nav.audit", Access::manage},
    {"/office/account", "nav.account", Access::signed_in},
};

}  // namespace

bool allows(Access access, StaffRole role) {
    switch (access) {
        case Access::anyone:
        case Access::signed_in:
            return true;
        case Access::decide:
            return canDecide(role);
        case Access::manage:
            return canManage(role);
    }
    return false;
}

std::string_view homeOf(StaffRole role) {
    for (const NavItem& item : kNav)
        if (allows(item.access, role)) return item.path;
    return "/office/account";
}

std::string renderLayout(const LayoutInput& in) {
    const Catalog& c = *in.catalog;
    auto t = [&](std::string_view key) { return c.text(key, in.lang); };
    const char* lang_code = in.lang == Lang::en ? "en" : "id";
    Html h;
    h.raw("<!DOCTYPE html>");
    h.open("html", {{"lang", lang_code}});
    h.open("head");
    h.empty("meta", {{"charset", "utf-8"}});
    h.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
    h.el("title", std::string(in.title) + " \xE2\x80\x94 " + t("app.title"));
    h.empty("link", {{"rel", "stylesheet"}, {"href", "/office/assets/console.css"}});
    h.close("head");
    h.open("body");
    h.open("header", {{"class", "top"}});
    h.open("div", {{"class", "brand"}})
        .el("a", {{"href", "/office/"}}, t("app.title"))
        .close("div");
    if (in.session) {
        h.open("div", {{"class", "who"}});
        h.el("span", {{"class", "name"}}, in.session->who.display_name);
        h.el("span", {{"class", "role"}},
             t(std::string("role.") + std::string(staffRoleCode(in.session->who.role))));
        h.close("div");
    }
    // The language switch: plain links (a GET that only sets the `lang` cookie).
    h.open("nav", {{"class", "langs"}, {"aria-label", t("lang.switch")}});
    const std::string back(in.path.empty() ? std::string_view("/office/") : in.path);
    for (const auto& [code, label] : {std::pair{"id", "Bahasa Indonesia"}, {"en", "English"}}) {
        const bool current = std::string_view(code) == lang_code;
        h.el("a",
             {{"href", "/office/lang?to=" + std::string(code) + "&back=" + back},
              {"lang", code},
              {current ? "aria-current" : "", "true"}},
             label);
    }
    h.close("nav");
    if (in.session) {
        h.open("form", {{"method", "post"}, {"action", "/office/sign-out"}, {"class", "signout"}});
        h.hidden("csrf", in.session->csrf);
        h.el("button", {{"type", "submit"}}, t("action.sign_out"));
        h.close("form");
    }
    h.close("header");
    if (in.session) {
        h.open("nav", {{"class", "main"}, {"aria-label", t("nav.label")}});
        h.open("ul");
        for (const NavItem& item : kNav) {
            if (!allows(item.access, in.session->who.role)) continue;
            const bool here = in.path.rfind(item.path, 0) == 0;
            h.open("li").el("a", {{"href", item.path}, {here ? "aria-current" : "", "page"}},
                            t(item.key));
            h.close("li");
        }
        h.close("ul").close("nav");
    }
    h.open("main");
    h.el("h1", in.title);
    if (!in.notice.empty()) h.el("p", {{"class", "notice"}, {"role", "status"}}, in.notice);
    h.raw(in.main_html);
    h.close("main");
    h.close("body").close("html");
    return h.take();
}

}  // namespace pekon::hub::web
