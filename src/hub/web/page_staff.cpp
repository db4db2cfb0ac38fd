// Staff administration (admin): the list, adding an account, a role, disabling and enabling,
// ending a lock-out, a new password. Each change is audited by office_staff with the admin as `by`.
#include "core/number.hpp"
#include "hub/web/pages.hpp"

namespace pekon::hub::web {

namespace {

constexpr StaffRole kRoles[] = {StaffRole::admin, StaffRole::verifier, StaffRole::viewer};

std::string roleText(const PageContext& ctx, StaffRole role) {
    return ctx.t("role." + std::string(staffRoleCode(role)));
}

void roleSelect(Html& h, const PageContext& ctx, StaffRole selected) {
    h.open("select", {{"name", "role"}, {"aria-label", ctx.t("staff.role")}});
    for (StaffRole role : kRoles)
        h.el("option",
             {{"value", staffRoleCode(role)},
              {role == selected ? "selected" : "", std::string_view()}},
             roleText(ctx, role));
    h.close("select");
}

void passwordInput(Html& h, const PageContext& ctx, const char* label_key) {
    h.input(ctx.t(label_key), {{"name", "password"},
                               {"type", "password"},
                               {"autocomplete", "new-password"},
                               {"required", std::string_view()},
                               {"maxlength", "256"}});
}

void staffRow(Html& h, PageContext& ctx, const StaffAccount& a) {
    const std::string id = std::to_string(a.id);
    h.open("tr");
    h.el("td", {{"data-label", ctx.t("staff.username")}}, a.username);
    h.el("td", {{"data-label", ctx.t("staff.display_name")}}, a.display_name);
    h.open("td", {{"data-label", ctx.t("staff.role")}});
    postForm(h, ctx, "/office/staff/role").hidden("id", id);
    roleSelect(h, ctx, a.role);
    h.el("button", {{"type", "submit"}}, ctx.t("staff.set_role"));
    h.close("form").close("td");
    h.open("td", {{"data-label", ctx.t("staff.state")}});
    if (a.disabled_at)
        h.el("span", {{"class", "tag off"}}, ctx.t("staff.disabled"));
    else if (a.locked_until && *a.locked_until > ctx.now)
        h.el("span", {{"class", "tag warn"}},
             ctx.t("staff.locked_until", {{"time", formatTime(*a.locked_until)}}));
    else
        h.el("span", {{"class", "tag ok"}}, ctx.t("staff.enabled"));
    h.close("td");
    h.open("td", {{"data-label", ctx.t("staff.actions")}, {"class", "actions"}});
    postForm(h, ctx, a.disabled_at ? "/office/staff/enable" : "/office/staff/disable")
        .hidden("id", id);
    h.el("button", {{"type", "submit"}}, ctx.t(a.disabled_at ? "staff.enable" : "staff.disable"));
    h.close("form");
    if (a.locked_until && *a.locked_until > ctx.now) {
        postForm(h, ctx, "/office/staff/unlock").hidden("id", id);
        h.el("button", {{"type", "submit"}}, ctx.t("staff.unlock"));
        h.close("form");
    }
    h.open("details").el("summary", ctx.t("staff.reset_password"));
    postForm(h, ctx, "/office/staff/password").hidden("id", id);
    passwordInput(h, ctx, "staff.new_password");
    h.el("button", {{"type", "submit"}}, ctx.t("staff.save_password"));
    h.close("form").close("details");
    h.close("td");
    h.close("tr");
}

WebResponse staffWith(PageContext& ctx, const std::string& problem, int status) {
    auto staff = listStaff(ctx.db());
    if (!staff) return errorPage(ctx, 503, "error.storage");
    Html h;
    if (!problem.empty()) h.el("p", {{"class", "error"}, {"role", "alert"}}, problem);
    h.open("div", {{"class", "table-wrap"}});
    h.open("table", {{"class", "list"}});
    h.open("thead").open("tr");
    for (const char* key :
         {"staff.username", "staff.display_name", "staff.role", "staff.state", "staff.actions"})
        h.el("th", {{"scope", "col"}}, ctx.t(key));
    h.close("tr").close("thead").open("tbody");
    for (const StaffAccount& a : *staff) staffRow(h, ctx, a);
    h.close("tbody").close("table").close("div");

    h.el("h2", ctx.t("staff.add"));
    postForm(h, ctx, "/office/staff/add");
    h.open("div", {{"class", "stack narrow"}});
    h.input(ctx.t("staff.username"), {{"name", "username"},
                                      {"required", std::string_view()},
                                      {"autocapitalize", "none"},
                                      {"autocomplete", "off"},
                                      {"maxlength", "32"}});
    h.el("p", {{"class", "hint"}}, ctx.t("staff.username_rule"));
    h.input(ctx.t("staff.display_name"),
            {{"name", "display_name"}, {"required", std::string_view()}, {"maxlength", "100"}});
    h.open("label").text(ctx.t("staff.role"));
    roleSelect(h, ctx, StaffRole::verifier);
    h.close("label");
    passwordInput(h, ctx, "staff.first_password");
    h.el("p", {{"class", "hint"}}, ctx.t("account.password_rule"));
    h.el("button", {{"type", "submit"}, {"class", "primary"}}, ctx.t("staff.add_submit"));
    h.close("div").close("form");
    return page(ctx, ctx.t("staff.title"), h.str(), status);
}

// The account a form names by `id`; nothing when it is not a number.
std::optional<std::int64_t> formId(const PageContext& ctx) {
    return parseNumber<std::int64_t>(ctx.form.value("id"));
}

// After a change: back to the list with a notice, or the list with the problem.
WebResponse after(PageContext& ctx, const Status& done, const char* done_code) {
    if (done) return redirect(std::string("/office/staff?done=") + done_code);
    const std::string& code = done.error().code;
    if (code == "unknown_staff") return errorPage(ctx, 404, "error.not_found");
    if (code == "last_admin" || code == "password_weak" || code == "username_invalid" ||
        code == "staff_exists")
        return staffWith(ctx, done.error().message(ctx.lang), code == "staff_exists" ? 409 : 400);
    return errorPage(ctx, 503, "error.storage");
}

}  // namespace

WebResponse staffPage(PageContext& ctx) {
    return staffWith(ctx, "", 200);
}

WebResponse staffAddAction(PageContext& ctx) {
    const auto role = parseStaffRole(ctx.form.value("role"));
    if (!role) return errorPage(ctx, 400, "error.bad_request");
    std::string display = ctx.form.value("display_name");
    if (display.empty() || display.size() > 200)
        return staffWith(ctx, ctx.t("staff.display_name_rule"), 400);
    auto added = addStaff(ctx.db(), ctx.form.value("username"), display, *role,
                          ctx.form.value("password"), ctx.who().username, ctx.now);
    return after(ctx, added ? Status() : Status(added.error()), "staff_added");
}

WebResponse staffRoleAction(PageContext& ctx) {
    const auto id = formId(ctx);
    const auto role = parseStaffRole(ctx.form.value("role"));
    if (!id || !role) return errorPage(ctx, 400, "error.bad_request");
    return after(ctx, setStaffRole(ctx.db(), *id, *role, ctx.who().username, ctx.now),
                 "staff_role");
}

WebResponse staffDisableAction(PageContext& ctx) {
    const auto id = formId(ctx);
    if (!id) return errorPage(ctx, 400, "error.bad_request");
    return after(ctx, setStaffDisabled(ctx.db(), *id, true, ctx.who().username, ctx.now),
                 "staff_disabled");
}

WebResponse staffEnableAction(PageContext& ctx) {
    const auto id = formId(ctx);
    if (!id) return errorPage(ctx, 400, "error.bad_request");
    return after(ctx, setStaffDisabled(ctx.db(), *id, false, ctx.who().username, ctx.now),
                 "staff_enabled");
}

WebResponse staffUnlockAction(PageContext& ctx) {
    const auto id = formId(ctx);
    if (!id) return errorPage(ctx, 400, "error.bad_request");
    return after(ctx, unlockStaff(ctx.db(), *id, ctx.who().username, ctx.now), "staff_unlocked");
}

WebResponse staffPasswordAction(PageContext& ctx) {
    const auto id = formId(ctx);
    if (!id) return errorPage(ctx, 400, "error.bad_request");
    return after(
        ctx,
        setStaffPassword(ctx.db(), *id, ctx.form.value("password"), ctx.who().username, ctx.now),
        "staff_password");
}

}  // namespace pekon::hub::web
