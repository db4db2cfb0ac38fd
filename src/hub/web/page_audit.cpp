// The audit log (admin): newest first, filtered by who, what, target and dates, 100 a page.
#include <ctime>

#include "core/number.hpp"
#include "hub/web/pages.hpp"

namespace pekon::hub::web {

namespace {

constexpr int kPageSize = 100;

constexpr const char* kActions[] = {
    "sign_in",      "sign_in_failed", "sign_out",      "view_person",
    "decide",       "export",         "status_upload", "staff_add",
    "staff_role",   "staff_disable",  "staff_enable",  "staff_password",
    "staff_unlock", "device_revoke",  "token_create",  "rebuild",
    "dashboard_export", "ticket_assign", "ticket_take_up", "ticket_answer",
    "ticket_close", "view_complaint_phone", "complaint_rules"};

// Midnight (the hub's local time) of a YYYY-MM-DD, plus `days`; nothing when malformed.
std::optional<UnixSeconds> localDay(const std::string& text, int days) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = parseNumberIn<int>(std::string_view(text).substr(0, 4), 2000, 2999);
    const auto m = parseNumberIn<int>(std::string_view(text).substr(5, 2), 1, 12);
    const auto d = parseNumberIn<int>(std::string_view(text).substr(8, 2), 1, 31);
    if (!y || !m || !d) return std::nullopt;
    std::tm local{};
    local.tm_year = *y - 1900;
    local.tm_mon = *m - 1;
    local.tm_mday = *d + days;
    local.tm_isdst = -1;
    const std::time_t t = std::mktime(&local);
    if (t == static_cast<std::time_t>(-1)) return std::nullopt;
    return static_cast<UnixSeconds>(t);
}

void textFilter(Html& h, const PageContext& ctx, const char* name, const char* key,
                const char* type = "text") {
    h.input(
        ctx.t(key),
        {{"name", name}, {"type", type}, {"value", ctx.query.value(name)}, {"maxlength", "100"}});
}

}  // namespace

WebResponse auditPage(PageContext& ctx) {
    AuditFilter filter;
    filter.username = ctx.query.value("username");
    filter.action = ctx.query.value("action");
    filter.target = ctx.query.value("target");
    const std::string from = ctx.query.value("from"), to = ctx.query.value("to");
    if (!from.empty()) {
        auto at = localDay(from, 0);
        if (!at) return errorPage(ctx, 400, "error.bad_request");
        filter.from = *at;
    }
    if (!to.empty()) {
        auto at = localDay(to, 1);  // the whole day
        if (!at) return errorPage(ctx, 400, "error.bad_request");
        filter.to = *at;
    }
    std::int64_t before = 0;
    if (auto text = ctx.query.get("before"); text && !text->empty()) {
        auto n = parseNumber<std::int64_t>(*text);
        if (!n || *n < 0) return errorPage(ctx, 400, "error.bad_request");
        before = *n;
    }
    auto entries = auditLog(ctx.db(), filter, before, kPageSize + 1);
    if (!entries) return errorPage(ctx, 503, "error.storage");
    const bool more = static_cast<int>(entries->size()) > kPageSize;
    if (more) entries->pop_back();

    Html h;
    h.open("form", {{"method", "get"}, {"action", "/office/audit"}, {"class", "filters"}});
    textFilter(h, ctx, "username", "audit.username");
    h.open("label").text(ctx.t("audit.action"));
    h.open("select", {{"name", "action"}});
    h.el("option", {{"value", ""}}, ctx.t("audit.all_actions"));
    for (const char* action : kActions)
        h.el("option",
             {{"value", action}, {filter.action == action ? "selected" : "", std::string_view()}},
             ctx.t(std::string("audit.action.") + action));
    h.close("select").close("label");
    textFilter(h, ctx, "target", "audit.target");
    textFilter(h, ctx, "from", "audit.from", "date");
    textFilter(h, ctx, "to", "audit.to", "date");
    h.el("button", {{"type", "submit"}}, ctx.t("audit.filter"));
    h.close("form");

    if (entries->empty()) {
        h.el("p", {{"class", "empty"}}, ctx.t("audit.none"));
    } else {
        h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list"}});
        h.open("thead").open("tr");
        for (const char* key :
             {"audit.at", "audit.username", "audit.action", "audit.target", "audit.detail"})
            h.el("th", {{"scope", "col"}}, ctx.t(key));
        h.close("tr").close("thead").open("tbody");
        for (const AuditEntry& e : *entries) {
            const std::string action_key = "audit.action." + e.action;
            h.open("tr");
            h.el("td", {{"data-label", ctx.t("audit.at")}}, formatTime(e.at));
            h.el("td", {{"data-label", ctx.t("audit.username")}},
                 e.username.empty() ? ctx.t("audit.command_line") : e.username);
            h.el("td", {{"data-label", ctx.t("audit.action")}},
                 ctx.hasText(action_key) ? ctx.t(action_key) : e.action);
            h.el("td", {{"data-label", ctx.t("audit.target")}}, e.target);
            h.el("td", {{"data-label", ctx.t("audit.detail")}, {"class", "detail"}},
                 e.detail == "{}" ? "" : e.detail);
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
    }
    if (more) {
        // The next page keeps the filters.
        h.open("form", {{"method", "get"}, {"action", "/office/audit"}, {"class", "pager"}});
        for (const char* name : {"username", "action", "target", "from", "to"})
            if (auto v = ctx.query.get(name); v && !v->empty()) h.hidden(name, *v);
        h.hidden("before", std::to_string(entries->back().id));
        h.el("button", {{"type", "submit"}}, ctx.t("audit.older"));
        h.close("form");
    }
    return page(ctx, ctx.t("audit.title"), h.str());
}

}  // namespace pekon::hub::web
