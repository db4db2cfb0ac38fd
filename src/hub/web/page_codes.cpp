// Enrolment codes (admin): a one-time code for a tablet, or for a citizen kiosk of an area,
// shown once with its QR code (inline SVG), printable. Audited (`token_create`).
#include "codec/json.hpp"
#include "core/kiosk_area.hpp"
#include "hub/web/pages.hpp"
#include "hub/web/qr_svg.hpp"

namespace pekon::hub::web {

namespace {

constexpr int kHours[] = {1, 8, 24, 72, 168};

// What devices are told to reach the hub at: http(s)://..., printable ASCII, no spaces.
bool plausibleHubUrl(const std::string& url) {
    if (url.size() > 200) return false;
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) return false;
    for (char c : url)
        if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>') return false;
    return url.size() > 8;
}

WebResponse codesWith(PageContext& ctx, const std::string& problem, int status) {
    const std::string scheme = ctx.options.behind_tls ? "https://" : "http://";
    Html h;
    h.el("p", {{"class", "hint"}}, ctx.t("codes.intro"));
    if (!problem.empty()) h.el("p", {{"class", "error"}, {"role", "alert"}}, problem);
    postForm(h, ctx, "/office/codes");
    h.open("div", {{"class", "stack narrow"}});
    h.open("fieldset").el("legend", ctx.t("codes.kind"));
    const bool kiosk = ctx.form.value("kind") == "kiosk";
    h.open("label", {{"class", "choice"}});
    h.empty("input", {{"type", "radio"},
                      {"name", "kind"},
                      {"value", "tablet"},
                      {kiosk ? "" : "checked", std::string_view()}});
    h.text(ctx.t("codes.kind_tablet")).close("label");
    h.open("label", {{"class", "choice"}});
    h.empty("input", {{"type", "radio"},
                      {"name", "kind"},
                      {"value", "kiosk"},
                      {kiosk ? "checked" : "", std::string_view()}});
    h.text(ctx.t("codes.kind_kiosk")).close("label");
    h.close("fieldset");
    h.input(ctx.t("codes.area"), {{"name", "area"},
                                  {"value", ctx.form.value("area")},
                                  {"maxlength", "16"},
                                  {"placeholder", "18.06.01"},
                                  {"inputmode", "decimal"}});
    h.el("p", {{"class", "hint"}}, ctx.t("codes.area_hint"));
    h.input(ctx.t("codes.label"),
            {{"name", "label"}, {"value", ctx.form.value("label")}, {"maxlength", "100"}});
    h.open("label").text(ctx.t("codes.valid_for"));
    h.open("select", {{"name", "hours"}});
    for (int hours : kHours) {
        const std::string value = std::to_string(hours);
        h.el("option", {{"value", value}, {hours == 24 ? "selected" : "", std::string_view()}},
             ctx.t("codes.hours", {{"n", value}}));
    }
    h.close("select").close("label");
    const std::string url = ctx.form.get("hub_url").value_or(scheme + ctx.request.host);
    h.input(ctx.t("codes.hub_url"), {{"name", "hub_url"},
                                     {"value", url},
                                     {"maxlength", "200"},
                                     {"required", std::string_view()},
                                     {"inputmode", "url"}});
    h.el("p", {{"class", "hint"}}, ctx.t("codes.hub_url_hint"));
    h.el("button", {{"type", "submit"}, {"class", "primary"}}, ctx.t("codes.create"));
    h.close("div").close("form");
    return page(ctx, ctx.t("codes.title"), h.str(), status);
}

}  // namespace

WebResponse codesPage(PageContext& ctx) {
    return codesWith(ctx, "", 200);
}

WebResponse createCodeAction(PageContext& ctx) {
    const std::string kind = ctx.form.value("kind");
    if (kind != "tablet" && kind != "kiosk") return errorPage(ctx, 400, "error.bad_request");
    int hours = 0;
    for (int allowed : kHours)
        if (ctx.form.value("hours") == std::to_string(allowed)) hours = allowed;
    if (hours == 0) return errorPage(ctx, 400, "error.bad_request");
    const std::string hub_url = ctx.form.value("hub_url");
    if (!plausibleHubUrl(hub_url)) return codesWith(ctx, ctx.t("codes.bad_hub_url"), 400);
    std::string label = ctx.form.value("label");
    if (label.size() > 100) return codesWith(ctx, ctx.t("codes.bad_label"), 400);
    std::string area;
    if (kind == "kiosk") {
        auto checked = parseKioskArea(ctx.form.value("area"), ctx.regions);
        if (!checked) return codesWith(ctx, checked.error().message(ctx.lang), 400);
        area = *checked;
    }
    auto token = ctx.store.createToken(label, ctx.now, std::int64_t{hours} * 3600, area);
    if (!token) return errorPage(ctx, 503, "error.storage");
    AuditEntry line;
    line.at = ctx.now;
    line.staff_id = ctx.who().id;
    line.username = ctx.who().username;
    line.action = "token_create";
    line.target = label;
    line.detail = dumpJson(OrderedJson{{"kind", kind}, {"area", area}, {"hours", hours}});
    if (auto s = appendAudit(ctx.db(), line); !s) return errorPage(ctx, 503, "error.storage");

    const std::string uri =
        "pekon://enrol?hub=" + percentEncode(hub_url) + "&token=" + percentEncode(token->token);
    auto svg = qrSvg(uri, ctx.t("codes.qr_label"));
    Html h;
    h.open("section", {{"class", "code-sheet"}});
    h.el("p", {{"class", "kind"}},
         kind == "kiosk" ? ctx.t("devices.kiosk", {{"area", area}}) : ctx.t("devices.tablet"));
    if (!label.empty()) h.el("p", {{"class", "label"}}, label);
    if (svg) h.raw(*svg);  // drawn by qrSvg: markup of the program's own, its text escaped
    h.el("p", {{"class", "code"}}, token->token);
    h.el("p", {{"class", "uri"}}, uri);
    h.el("p", ctx.t("codes.expires", {{"time", formatTime(token->expires_at)}}));
    h.el("p", {{"class", "hint no-print"}}, ctx.t("codes.once"));
    h.close("section");
    h.open("p", {{"class", "no-print"}});
    h.el("a", {{"href", "/office/codes"}, {"class", "button"}}, ctx.t("codes.another"));
    h.close("p");
    return page(ctx, ctx.t("codes.created_title"), h.str());
}

}  // namespace pekon::hub::web
