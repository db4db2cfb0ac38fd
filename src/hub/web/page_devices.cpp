// The devices (any role reads): role (a kiosk and its area, or a tablet), last seen, events
// sent, clock offset, revoked; revoking one (admin), after a confirmation page. Audited.
#include <map>

#include "hub/web/device_report.hpp"
#include "hub/web/pages.hpp"

namespace pekon::hub::web {

namespace {

// "+3 min" / "-45 s" / "0 s": hub minus device, as the device declared it.
std::string offsetText(std::int64_t seconds) {
    const std::int64_t size = seconds < 0 ? -seconds : seconds;
    const std::string sign = seconds > 0 ? "+" : seconds < 0 ? "-" : "";
    if (size >= 3600 * 48) return sign + std::to_string(size / 86400) + " d";
    if (size >= 3600) return sign + std::to_string(size / 3600) + " h";
    if (size >= 120) return sign + std::to_string(size / 60) + " min";
    return sign + std::to_string(size) + " s";
}

std::optional<Device> findDevice(PageContext& ctx, const std::string& id, bool& failed) {
    failed = false;
    if (id.empty() || id.size() > 100) return std::nullopt;
    auto found = ctx.store.device(id);
    if (!found) {
        failed = true;
        return std::nullopt;
    }
    return *found;
}

}  // namespace

WebResponse devicesPage(PageContext& ctx) {
    auto devices = ctx.store.devices();
    auto activity = deviceActivity(ctx.db());
    if (!devices || !activity) return errorPage(ctx, 503, "error.storage");
    std::map<std::string, DeviceActivity> by_id;
    for (DeviceActivity& a : *activity) by_id.emplace(a.device_id, std::move(a));
    const bool manage = canManage(ctx.who().role);
    Html h;
    if (devices->empty()) {
        h.el("p", {{"class", "empty"}}, ctx.t("devices.none"));
        return page(ctx, ctx.t("devices.title"), h.str());
    }
    h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list"}});
    h.open("thead").open("tr");
    for (const char* key : {"devices.name", "devices.role", "devices.enrolled", "devices.last_seen",
                            "devices.events", "devices.clock_offset", "devices.state"})
        h.el("th", {{"scope", "col"}}, ctx.t(key));
    if (manage) h.el("th", {{"scope", "col"}}, ctx.t("devices.actions"));
    h.close("tr").close("thead").open("tbody");
    for (const Device& d : *devices) {
        const auto a = by_id.find(d.id);
        const bool seen = a != by_id.end();
        h.open("tr", {{d.revoked_at ? "class" : "", "revoked"}});
        h.open("td", {{"data-label", ctx.t("devices.name")}});
        h.el("strong", d.name.empty() ? ctx.t("devices.unnamed") : d.name);
        h.el("small", {{"class", "id"}}, d.id);
        h.close("td");
        h.el("td", {{"data-label", ctx.t("devices.role")}},
             d.kiosk_area.empty() ? ctx.t("devices.tablet")
                                  : ctx.t("devices.kiosk", {{"area", d.kiosk_area}}));
        h.el("td", {{"data-label", ctx.t("devices.enrolled")}}, formatTime(d.enrolled_at));
        h.el("td", {{"data-label", ctx.t("devices.last_seen")}},
             seen ? formatTime(a->second.last_seen) : ctx.t("devices.never"));
        h.el("td", {{"data-label", ctx.t("devices.events")}, {"class", "num"}},
             std::to_string(seen ? a->second.events : 0));
        h.el("td", {{"data-label", ctx.t("devices.clock_offset")}, {"class", "num"}},
             seen && a->second.clock_offset ? offsetText(*a->second.clock_offset) : "\xE2\x80\x94");
        h.el("td", {{"data-label", ctx.t("devices.state")}},
             d.revoked_at ? ctx.t("devices.revoked_at", {{"time", formatTime(*d.revoked_at)}})
                          : ctx.t("devices.active"));
        if (manage) {
            h.open("td", {{"data-label", ctx.t("devices.actions")}});
            if (!d.revoked_at)
                h.el("a",
                     {{"href", "/office/devices/revoke?id=" + d.id}, {"class", "button danger"}},
                     ctx.t("devices.revoke"));
            h.close("td");
        }
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
    return page(ctx, ctx.t("devices.title"), h.str());
}

WebResponse revokeConfirmPage(PageContext& ctx) {
    bool failed = false;
    const auto device = findDevice(ctx, ctx.query.value("id"), failed);
    if (failed) return errorPage(ctx, 503, "error.storage");
    if (!device) return errorPage(ctx, 404, "error.not_found");
    if (device->revoked_at) return redirect("/office/devices");
    Html h;
    h.el("p", ctx.t("devices.revoke_question",
                    {{"name", device->name.empty() ? ctx.t("devices.unnamed") : device->name},
                     {"id", device->id}}));
    h.el("p", {{"class", "hint"}}, ctx.t("devices.revoke_effect"));
    postForm(h, ctx, "/office/devices/revoke").hidden("id", device->id);
    h.open("div", {{"class", "buttons"}});
    h.el("button", {{"type", "submit"}, {"class", "danger"}}, ctx.t("devices.revoke_confirm"));
    h.el("a", {{"href", "/office/devices"}, {"class", "button"}}, ctx.t("action.cancel"));
    h.close("div").close("form");
    return page(ctx, ctx.t("devices.revoke_title"), h.str());
}

WebResponse revokeAction(PageContext& ctx) {
    bool failed = false;
    const auto device = findDevice(ctx, ctx.form.value("id"), failed);
    if (failed) return errorPage(ctx, 503, "error.storage");
    if (!device) return errorPage(ctx, 404, "error.not_found");
    if (auto s = ctx.store.revoke(device->id, ctx.now); !s)
        return errorPage(ctx, s.error().code == "unknown_device" ? 404 : 503,
                         s.error().code == "unknown_device" ? "error.not_found" : "error.storage");
    AuditEntry line;
    line.at = ctx.now;
    line.staff_id = ctx.who().id;
    line.username = ctx.who().username;
    line.action = "device_revoke";
    line.target = device->id;
    if (auto s = appendAudit(ctx.db(), line); !s) return errorPage(ctx, 503, "error.storage");
    return redirect("/office/devices?done=device_revoked");
}

}  // namespace pekon::hub::web
