// Signing in and out, the start page and the language switch.
#include <optional>

#include "hub/web/layout.hpp"
#include "hub/web/pages.hpp"
#include "hub/web/security.hpp"

namespace pekon::hub::web {

namespace {

constexpr long kSignInFormSeconds = 3600;
constexpr long kLangCookieSeconds = 365L * 24 * 3600;

// When the locked account `username` may try again.
std::optional<UnixSeconds> lockedUntil(HubDb& db, const std::string& username) {
    auto account = findStaffByName(db, username);
    if (!account || !*account) return std::nullopt;
    return (*account)->locked_until;
}

// The sign-in form, with a fresh token for it in a cookie (the form's CSRF check: a page of
// another site can neither read the cookie nor set it).
WebResponse signInForm(PageContext& ctx, const std::string& problem, int status) {
    const std::string token = randomToken();
    PageContext& c = ctx;
    Html h;
    if (c.query.value("ended") == "1") h.el("p", {{"class", "notice"}}, c.t("signin.ended"));
    if (!problem.empty()) h.el("p", {{"class", "error"}, {"role", "alert"}}, problem);
    h.open("form", {{"method", "post"}, {"action", "/office/sign-in"}, {"class", "stack narrow"}});
    h.hidden("csrf", token);
    h.input(c.t("signin.username"), {{"name", "username"},
                                     {"autocomplete", "username"},
                                     {"autocapitalize", "none"},
                                     {"required", std::string_view()},
                                     {"autofocus", std::string_view()},
                                     {"maxlength", "64"}});
    h.input(c.t("signin.password"), {{"name", "password"},
                                     {"type", "password"},
                                     {"autocomplete", "current-password"},
                                     {"required", std::string_view()},
                                     {"maxlength", "256"}});
    h.el("button", {{"type", "submit"}, {"class", "primary"}}, c.t("signin.submit"));
    h.close("form");
    WebResponse r = page(ctx, c.t("signin.title"), h.str(), status);
    r.headers.emplace_back("Set-Cookie", cookieHeader(kSignInCookie, token, "/office/",
                                                      ctx.options.behind_tls, kSignInFormSeconds));
    return r;
}

}  // namespace

WebResponse homePage(PageContext& ctx) {
    return redirect(std::string(homeOf(ctx.who().role)));
}

WebResponse signInPage(PageContext& ctx) {
    if (ctx.session) return redirect("/office/");
    return signInForm(ctx, "", 200);
}

WebResponse signInAction(PageContext& ctx) {
    const std::string username = ctx.form.value("username");
    const std::string password = ctx.form.value("password");
    auto session = signIn(ctx.db(), username, password, ctx.now);
    if (!session) {
        const std::string& code = session.error().code;
        if (code == "account_locked") {
            const auto until = lockedUntil(ctx.db(), username);
            return signInForm(ctx,
                              until ? ctx.t("signin.locked_until", {{"time", formatTime(*until)}})
                                    : ctx.t("signin.locked"),
                              403);
        }
        if (code == "sign_in_failed") return signInForm(ctx, ctx.t("signin.failed"), 401);
        return errorPage(ctx, 503, "error.storage");
    }
    // A session the browser had before is ended: the new one has a new token (no fixation).
    if (!ctx.session_token.empty()) (void)signOut(ctx.db(), ctx.session_token, ctx.now);
    WebResponse r = redirect("/office/");
    const bool secure = ctx.options.behind_tls;
    r.headers.emplace_back("Set-Cookie", cookieHeader(kSessionCookie, session->token, "/", secure));
    r.headers.emplace_back("Set-Cookie", cookieHeader(kSignInCookie, "", "/office/", secure, 0));
    return r;
}

WebResponse signOutAction(PageContext& ctx) {
    if (auto s = signOut(ctx.db(), ctx.session_token, ctx.now); !s)
        return errorPage(ctx, 503, "error.storage");
    WebResponse r = redirect("/office/sign-in?done=signed_out");
    r.headers.emplace_back("Set-Cookie",
                           cookieHeader(kSessionCookie, "", "/", ctx.options.behind_tls, 0));
    return r;
}

WebResponse languageSwitch(PageContext& ctx) {
    const auto lang = parseLang(ctx.query.value("to"));
    std::string back = ctx.query.value("back");
    // Only back to a page of the console (never to another site: no open redirect).
    const bool safe =
        back.rfind("/office/", 0) == 0 && back.size() < 200 &&
        back.find("//") == std::string::npos &&
        back.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789/-_") == std::string::npos;
    if (!safe) back = "/office/";
    WebResponse r = redirect(back);
    if (lang)
        r.headers.emplace_back("Set-Cookie",
                               cookieHeader(kLangCookie, *lang == Lang::en ? "en" : "id", "/",
                                            ctx.options.behind_tls, kLangCookieSeconds));
    return r;
}

}  // namespace pekon::hub::web
