// My account: who I am, and a new password for myself.
#include <tuple>

#include "hub/web/pages.hpp"

namespace pekon::hub::web {

namespace {

WebResponse accountWith(PageContext& ctx, const std::string& problem, int status) {
    const StaffAccount& me = ctx.who();
    Html h;
    h.open("dl", {{"class", "facts"}});
    h.el("dt", ctx.t("account.username")).el("dd", me.username);
    h.el("dt", ctx.t("account.display_name")).el("dd", me.display_name);
    h.el("dt", ctx.t("account.role"))
        .el("dd", ctx.t("role." + std::string(staffRoleCode(me.role))));
    h.close("dl");
    h.el("h2", ctx.t("account.change_password"));
    if (!problem.empty()) h.el("p", {{"class", "error"}, {"role", "alert"}}, problem);
    postForm(h, ctx, "/office/account/password");
    h.open("div", {{"class", "stack narrow"}});
    for (const auto& [name, key, autocomplete] :
         {std::tuple{"current", "account.current_password", "current-password"},
          {"password", "account.new_password", "new-password"},
          {"repeat", "account.repeat_password", "new-password"}}) {
        h.input(ctx.t(key), {{"name", name},
                             {"type", "password"},
                             {"autocomplete", autocomplete},
                             {"required", std::string_view()},
                             {"maxlength", "256"}});
    }
    h.el("p", {{"class", "hint"}}, ctx.t("account.password_rule"));
    h.el("button", {{"type", "submit"}, {"class", "primary"}}, ctx.t("account.save_password"));
    h.close("div").close("form");
    return page(ctx, ctx.t("account.title"), h.str(), status);
}

}  // namespace

WebResponse accountPage(PageContext& ctx) {
    return accountWith(ctx, "", 200);
}

WebResponse changePasswordAction(PageContext& ctx) {
    const std::string password = ctx.form.value("password");
    if (password != ctx.form.value("repeat"))
        return accountWith(ctx, ctx.t("account.mismatch"), 400);
    // The current password is checked as a sign-in (so failures count toward the lock-out),
    // whose session is ended at once.
    auto check = signIn(ctx.db(), ctx.who().username, ctx.form.value("current"), ctx.now);
    if (!check) {
        if (check.error().code == "sign_in_failed" || check.error().code == "account_locked")
            return accountWith(ctx, ctx.t("account.wrong_current"), 403);
        return errorPage(ctx, 503, "error.storage");
    }
    (void)signOut(ctx.db(), check->token, ctx.now);
    auto changed = setStaffPassword(ctx.db(), ctx.who().id, password, ctx.who().username, ctx.now);
    if (!changed) {
        if (changed.error().code == "password_weak")
            return accountWith(ctx, changed.error().message(ctx.lang), 400);
        return errorPage(ctx, 503, "error.storage");
    }
    // A new password ends every session of the account, this one too.
    return redirect("/office/sign-in?done=password_changed");
}

}  // namespace pekon::hub::web
