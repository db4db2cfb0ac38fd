// The verification queue (any role reads): filters from the region table, the devices and the
// office's vocabularies; a page of members (NIK masked) with their checks and state; the next
// page by the queue's opaque cursor. Staff who decide get a checkbox per row and the bulk
// decision form; the export buttons carry the same filter.
#include <set>

#include "hub/web/office_query.hpp"
#include "hub/web/pages.hpp"

namespace pekon::hub::web {

namespace {

constexpr int kPageRows = 50;

// Rows a page shows: `rows` of the query (1..200), else 50.
int rowsOf(const Form& query) {
    const std::string text = query.value("rows");
    if (text.empty() || text.size() > 3) return kPageRows;
    int n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return kPageRows;
        n = n * 10 + (c - '0');
    }
    return n >= 1 && n <= 200 ? n : kPageRows;
}
constexpr std::string_view kSegments[] = {"PBI-APBN", "PBI-APBD", "PPU", "PBPU", "BP"};

void filterForm(Html& h, PageContext& ctx, const QueueFilter& f) {
    h.open("form", {{"method", "get"}, {"action", "/office/queue"}, {"class", "filters"}});
    std::set<std::string> districts;
    std::vector<const Village*> villages;
    if (ctx.regions) {
        villages = ctx.regions->searchVillages("", "", 100000);
        for (const Village* v : villages) districts.insert(v->district_code);
    }
    selectOpen(h, ctx, "kec", "queue.kecamatan");
    option(h, "", ctx.t("queue.all"), f.kecamatan.empty());
    for (const std::string& code : districts) {
        const Region* d = ctx.regions->district(code);
        option(h, code, d ? d->name : code, f.kecamatan == code);
    }
    h.close("select").close("div");
    selectOpen(h, ctx, "village", "queue.village");
    option(h, "", ctx.t("queue.all"), f.village.empty());
    for (const Village* v : villages)
        if (f.kecamatan.empty() || v->district_code == f.kecamatan)
            option(h, v->code, villageName(ctx, v->code), f.village == v->code);
    h.close("select").close("div");
    selectOpen(h, ctx, "device", "queue.volunteer");
    option(h, "", ctx.t("queue.all"), f.device_id.empty());
    if (auto devices = ctx.store.devices())
        for (const Device& d : *devices)
            if (d.kiosk_area.empty())
                option(h, d.id, d.name.empty() ? d.id : d.name, f.device_id == d.id);
    h.close("select").close("div");
    h.open("div", {{"class", "field"}});
    h.open("label", {{"for", "f-from"}}).text(ctx.t("queue.from")).close("label");
    h.empty("input", {{"type", "date"}, {"name", "from"}, {"id", "f-from"}, {"value", f.from_day}});
    h.close("div");
    h.open("div", {{"class", "field"}});
    h.open("label", {{"for", "f-to"}}).text(ctx.t("queue.to")).close("label");
    h.empty("input", {{"type", "date"}, {"name", "to"}, {"id", "f-to"}, {"value", f.to_day}});
    h.close("div");
    selectOpen(h, ctx, "segment", "queue.segment");
    option(h, "", ctx.t("queue.all"), f.segment.empty());
    for (std::string_view s : kSegments) option(h, s, std::string(s), f.segment == s);
    h.close("select").close("div");
    selectOpen(h, ctx, "check", "queue.check");
    option(h, "", ctx.t("queue.all"), f.check.empty());
    option(h, "any", ctx.t("queue.check_any"), f.check == "any");
    option(h, "none", ctx.t("queue.check_none"), f.check == "none");
    for (std::string_view code : checkCodes())
        option(h, code, ctx.t("office.check." + std::string(code)), f.check == code);
    h.close("select").close("div");
    selectOpen(h, ctx, "state", "queue.state");
    option(h, "", ctx.t("queue.awaiting"), f.states.empty());
    for (OfficeState s : kAllOfficeStates)
        option(h, officeStateCode(s), ctx.t("office.state." + std::string(officeStateCode(s))),
               f.states.size() == 1 && f.states[0] == s);
    h.close("select").close("div");
    selectOpen(h, ctx, "first", "queue.order");
    option(h, "", ctx.t("queue.order_time"), !f.mothers_first);
    option(h, "mothers", ctx.t("queue.order_mothers"), f.mothers_first);
    h.close("select").close("div");
    h.open("div", {{"class", "field buttons-inline"}});
    h.el("button", {{"type", "submit"}}, ctx.t("queue.apply"));
    h.el("a", {{"href", "/office/queue"}, {"class", "button"}}, ctx.t("queue.reset"));
    h.close("div");
    h.close("form");
}

void exportForm(Html& h, PageContext& ctx, QueueFilter f) {
    if (f.states.empty()) f.states.push_back(OfficeState::verified);
    postForm(h, ctx, "/office/export");
    hiddenFilter(h, f);
    h.open("div", {{"class", "buttons"}});
    h.el("span", {{"class", "hint"}}, ctx.t("export.hint"));
    h.el("button", {{"type", "submit"}, {"name", "format"}, {"value", "xlsx"}},
         ctx.t("export.xlsx"));
    h.el("button", {{"type", "submit"}, {"name", "format"}, {"value", "csv"}},
         ctx.t("export.csv"));
    h.close("div").close("form");
}

}  // namespace

WebResponse queuePageView(PageContext& ctx) {
    const QueueFilter filter = filterOfQuery(ctx.query);
    const int rows = rowsOf(ctx.query);
    auto found = queuePage(ctx.db(), filter, ctx.query.value("after"), rows);
    if (!found) {
        const std::string& code = found.error().code;
        if (code == "bad_cursor" || code == "bad_filter") return errorPage(ctx, 400, "error.bad_request");
        return errorPage(ctx, 503, "error.storage");
    }
    const bool decides = canDecide(ctx.who().role);
    Html h;
    filterForm(h, ctx, filter);
    if (decides) exportForm(h, ctx, filter);
    if (found->rows.empty()) {
        h.el("p", {{"class", "empty"}}, ctx.t("queue.none"));
        return page(ctx, ctx.t("queue.title"), h.str());
    }
    if (decides) {
        postForm(h, ctx, "/office/decide");
        const std::string q = queryOfFilter(filter);
        h.hidden("back", q.empty() ? std::string("/office/queue") : "/office/queue?" + q);
    }
    h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list queue"}});
    h.open("thead").open("tr");
    if (decides) h.el("th", {{"scope", "col"}}, ctx.t("queue.select"));
    for (const char* key : {"queue.nik", "queue.name", "queue.village", "queue.segment_class",
                            "queue.checks", "queue.state", "queue.received"})
        h.el("th", {{"scope", "col"}}, ctx.t(key));
    h.close("tr").close("thead").open("tbody");
    for (const MemberRow& m : found->rows) {
        h.open("tr");
        if (decides) {
            h.open("td", {{"data-label", ctx.t("queue.select")}});
            h.empty("input", {{"type", "checkbox"},
                              {"name", "member"},
                              {"value", m.member_id},
                              {"aria-label", ctx.t("queue.select")}});
            h.close("td");
        }
        h.el("td", {{"data-label", ctx.t("queue.nik")}}, shownNik(ctx, m.nik));
        h.open("td", {{"data-label", ctx.t("queue.name")}});
        h.el("a", {{"href", "/office/members/" + m.member_id}}, m.name);
        motherInfantTags(h, ctx, m);
        h.close("td");
        h.el("td", {{"data-label", ctx.t("queue.village")}}, villageName(ctx, m.village_code));
        h.el("td", {{"data-label", ctx.t("queue.segment_class")}},
             m.segment + (m.klass ? " / " + std::to_string(*m.klass) : ""));
        checkAndStateCells(h, ctx, m);
        h.el("td", {{"data-label", ctx.t("queue.received")}}, formatTime(m.received_at));
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
    if (decides) {
        h.el("h2", ctx.t("queue.bulk_title"));
        decisionControls(h, ctx, "bulk");
        h.close("form");
    }
    if (!found->next.empty()) {
        std::string next = "/office/queue?";
        const std::string q = queryOfFilter(filter);
        if (!q.empty()) next += q + "&";
        if (rows != kPageRows) next += "rows=" + std::to_string(rows) + "&";
        next += "after=" + found->next;
        h.open("p", {{"class", "pager"}}).el("a", {{"href", next}, {"rel", "next"}},
                                               ctx.t("queue.next"));
        h.close("p");
    }
    return page(ctx, ctx.t("queue.title"), h.str());
}

}  // namespace pekon::hub::web
