#include "hub/web/office_query.hpp"

#include <set>

#include "core/text.hpp"
#include "hub/office_state.hpp"
#include "hub/web/http_fields.hpp"

namespace pekon::hub::web {

namespace {

// Query parameter names and the filter's fields, once.
struct FilterField {
    const char* name;
    std::string QueueFilter::*field;
};
constexpr FilterField kFilterFields[] = {
    {"kec", &QueueFilter::kecamatan}, {"village", &QueueFilter::village},
    {"device", &QueueFilter::device_id}, {"from", &QueueFilter::from_day},
    {"to", &QueueFilter::to_day},      {"segment", &QueueFilter::segment},
    {"check", &QueueFilter::check},
};

}  // namespace

QueueFilter filterOfQuery(const Form& query) {
    QueueFilter filter;
    for (const FilterField& f : kFilterFields) filter.*(f.field) = query.value(f.name);
    for (const std::string& code : query.all("state"))
        if (auto state = parseOfficeState(code)) filter.states.push_back(*state);
    filter.mothers_first = query.value("first") == "mothers";
    return filter;
}

std::string queryOfFilter(const QueueFilter& filter) {
    std::string out;
    auto add = [&](const char* name, std::string_view value) {
        if (value.empty()) return;
        if (!out.empty()) out += '&';
        out += name;
        out += '=';
        out += percentEncode(value);
    };
    for (const FilterField& f : kFilterFields) add(f.name, filter.*(f.field));
    for (OfficeState state : filter.states) add("state", officeStateCode(state));
    if (filter.mothers_first) add("first", "mothers");
    return out;
}

void hiddenFilter(Html& html, const QueueFilter& filter) {
    for (const FilterField& f : kFilterFields)
        if (!(filter.*(f.field)).empty()) html.hidden(f.name, filter.*(f.field));
    for (OfficeState state : filter.states) html.hidden("state", officeStateCode(state));
    if (filter.mothers_first) html.hidden("first", "mothers");
}

void decisionControls(Html& html, const PageContext& ctx, std::string_view prefix) {
    const std::string p(prefix);
    html.open("fieldset", {{"class", "decision"}});
    html.el("legend", ctx.t("decide.legend"));
    struct Choice {
        const char* code;
        const char* key;
    };
    for (const Choice& c : {Choice{"verified", "decide.verified"},
                            Choice{"needs_correction", "decide.needs_correction"},
                            Choice{"rejected", "decide.rejected"}}) {
        const std::string id = p + "-" + c.code;
        html.open("label", {{"class", "choice"}, {"for", id}});
        html.empty("input", {{"type", "radio"},
                             {"name", "decision"},
                             {"id", id},
                             {"value", c.code},
                             {"required", std::string_view()}});
        html.text(ctx.t(c.key));
        html.close("label");
    }
    const std::string correction_id = p + "-correction-reason";
    html.el("label", {{"for", correction_id}}, ctx.t("decide.correction_reason"));
    html.open("select", {{"name", "correction_reason"}, {"id", correction_id}});
    html.el("option", {{"value", ""}}, "\xE2\x80\x94");
    for (std::string_view code : correctionReasons())
        html.el("option", {{"value", code}}, ctx.t("office.reason." + std::string(code)));
    html.close("select");
    const std::string rejection_id = p + "-rejection-reason";
    html.el("label", {{"for", rejection_id}}, ctx.t("decide.rejection_reason"));
    html.open("select", {{"name", "rejection_reason"}, {"id", rejection_id}});
    html.el("option", {{"value", ""}}, "\xE2\x80\x94");
    for (std::string_view code : rejectionReasons())
        html.el("option", {{"value", code}}, ctx.t("office.reason." + std::string(code)));
    html.close("select");
    const std::string note_id = p + "-note";
    html.el("label", {{"for", note_id}}, ctx.t("decide.note"));
    html.el("textarea", {{"name", "note"}, {"id", note_id}, {"maxlength", "500"}, {"rows", "2"}},
            "");
    html.open("div", {{"class", "buttons"}});
    html.el("button", {{"type", "submit"}, {"class", "primary"}}, ctx.t("decide.submit"));
    html.close("div");
    html.close("fieldset");
}

void stateTag(Html& html, const PageContext& ctx, OfficeState state) {
    const char* tone = state == OfficeState::rejected           ? "tag off"
                       : state == OfficeState::needs_correction ? "tag warn"
                       : awaitsDecision(state)                  ? "tag"
                                                                : "tag ok";
    html.el("span", {{"class", tone}},
            ctx.t("office.state." + std::string(officeStateCode(state))));
}

void checkTags(Html& html, const PageContext& ctx, const std::vector<std::string>& checks) {
    if (checks.empty()) {
        html.el("span", {{"class", "tag ok"}}, ctx.t("queue.checks_clear"));
        return;
    }
    for (const std::string& code : checks)
        html.el("span", {{"class", "tag warn"}}, ctx.t("office.check." + code));
}

void checkAndStateCells(Html& html, const PageContext& ctx, const MemberRow& member) {
    html.open("td", {{"data-label", ctx.t("queue.checks")}});
    checkTags(html, ctx, member.checks);
    html.close("td");
    html.open("td", {{"data-label", ctx.t("queue.state")}});
    stateTag(html, ctx, member.state);
    html.close("td");
}

void motherInfantTags(Html& html, const PageContext& ctx, const MemberRow& member) {
    if (!member.pregnancy_due.empty())
        html.text(" ").el("span", {{"class", "tag mother"}},
                          ctx.t("office.tag.pregnant", {{"month", member.pregnancy_due}}));
    else if (member.queue_rank == 0)
        html.text(" ").el("span", {{"class", "tag mother"}}, ctx.t("office.tag.infant"));
}

Status auditBy(PageContext& ctx, std::string_view action, std::string_view target,
               std::string detail) {
    AuditEntry line;
    line.at = ctx.now;
    line.staff_id = ctx.who().id;
    line.username = ctx.who().username;
    line.action = std::string(action);
    line.target = std::string(target);
    if (!detail.empty()) line.detail = std::move(detail);
    return appendAudit(ctx.db(), line);
}

void option(Html& h, std::string_view value, const std::string& label, bool selected) {
    h.el("option", {{"value", value}, {selected ? "selected" : "", std::string_view()}}, label);
}

void fieldOpen(Html& h, const PageContext& ctx, std::string_view id, std::string_view key) {
    h.open("div", {{"class", "field"}});
    h.open("label", {{"for", id}}).text(ctx.t(key)).close("label");
}

void selectOpen(Html& h, const PageContext& ctx, const char* name, const char* key) {
    const std::string id = std::string("f-") + name;
    fieldOpen(h, ctx, id, key);
    h.open("select", {{"name", name}, {"id", id}});
}

void kecamatanSelect(Html& h, const PageContext& ctx, const std::string& selected) {
    selectOpen(h, ctx, "kec", "queue.kecamatan");
    option(h, "", ctx.t("queue.all"), selected.empty());
    if (ctx.regions) {
        std::set<std::string> districts;
        for (const Village* v : ctx.regions->searchVillages("", "", 100000))
            districts.insert(v->district_code);
        for (const std::string& code : districts) {
            const Region* d = ctx.regions->district(code);
            option(h, code, d ? d->name : code, selected == code);
        }
    }
    h.close("select").close("div");
}

std::string villageName(const PageContext& ctx, const std::string& village_code) {
    if (!ctx.regions) return village_code;
    const Village* village = ctx.regions->village(village_code);
    if (!village) return village_code;
    const Region* district = ctx.regions->district(village->district_code);
    return district ? village->name + ", " + district->name : village->name;
}

std::string maskedNik(const std::string& nik) { return maskDigits(nik, 4); }

std::string shownNik(const PageContext& ctx, const std::string& nik) {
    return nik.empty() ? ctx.t("office.nik_pending") : maskedNik(nik);
}

}  // namespace pekon::hub::web
