// A person's page, /office/members/<member id> (any role reads; audited `view_person`): the
// member's fields, the household (address, RT/RW, village, KK, documents seen, consent) and its
// members, each check's finding in words, the same NIK elsewhere side by side, the whole
// history (who and when), and for staff who decide the forms for this member and for the
// whole household.
#include "codec/json.hpp"
#include "hub/web/office_query.hpp"
#include "hub/web/pages.hpp"

namespace pekon::hub::web {

namespace {

constexpr std::string_view kMemberPrefix = "/office/members/";

void fact(Html& h, const PageContext& ctx, const char* key, const std::string& value) {
    h.el("dt", ctx.t(key));
    h.el("dd", value.empty() ? std::string("\xE2\x80\x94") : value);
}

// A JSON object's members as "name: value" words (strings as they are, others as JSON).
std::string detailWords(const std::string& json) {
    auto parsed = parseJson(json);
    if (!parsed || !parsed->is_object()) return "";
    std::string out;
    for (const auto& [name, value] : parsed->items()) {
        if (!out.empty()) out += "; ";
        out += name + ": " + (value.is_string() ? value.get<std::string>() : dumpJson(value));
    }
    return out;
}

// Documents seen and consent: the keys whose value is true, else the object in words.
std::string flagsWords(const std::string& json) {
    auto parsed = parseJson(json);
    if (!parsed || !parsed->is_object()) return "";
    std::string out;
    for (const auto& [name, value] : parsed->items()) {
        if (value.is_boolean() && !value.get<bool>()) continue;
        if (!out.empty()) out += ", ";
        out += value.is_boolean() ? name
                                  : name + ": " + (value.is_string() ? value.get<std::string>()
                                                                     : dumpJson(value));
    }
    return out;
}

void memberTable(Html& h, const PageContext& ctx, const std::vector<MemberRow>& rows,
                 const std::string& current) {
    h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list"}});
    h.open("thead").open("tr");
    for (const char* key : {"queue.nik", "queue.name", "person.relation", "person.birth_date",
                            "queue.village", "person.device", "queue.checks", "queue.state"})
        h.el("th", {{"scope", "col"}}, ctx.t(key));
    h.close("tr").close("thead").open("tbody");
    for (const MemberRow& m : rows) {
        h.open("tr");
        h.el("td", {{"data-label", ctx.t("queue.nik")}}, shownNik(ctx, m.nik));
        h.open("td", {{"data-label", ctx.t("queue.name")}});
        if (m.member_id == current)
            h.el("strong", m.name);
        else
            h.el("a", {{"href", std::string(kMemberPrefix) + m.member_id}}, m.name);
        h.close("td");
        h.el("td", {{"data-label", ctx.t("person.relation")}}, ctx.t("relation." + m.relation));
        h.el("td", {{"data-label", ctx.t("person.birth_date")}}, m.birth_date);
        h.el("td", {{"data-label", ctx.t("queue.village")}}, villageName(ctx, m.village_code));
        h.el("td", {{"data-label", ctx.t("person.device")}},
             m.device_name.empty() ? m.device_id : m.device_name);
        checkAndStateCells(h, ctx, m);
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
}

void findings(Html& h, const PageContext& ctx, const MemberView& v) {
    h.el("h2", ctx.t("person.checks"));
    if (v.findings.empty()) {
        h.el("p", {{"class", "empty"}}, ctx.t("person.checks_clear"));
        return;
    }
    h.open("ul", {{"class", "findings"}});
    for (const CheckFinding& f : v.findings) {
        h.open("li");
        h.el("strong", ctx.t("office.check." + f.code));
        if (f.code == "nik_birth_date" || f.code == "nik_sex") {
            h.text(" \xE2\x80\x94 ");
            h.text(v.nik_mismatch_reason.empty()
                       ? ctx.t("person.no_reason")
                       : ctx.t("person.volunteer_reason", {{"reason", v.nik_mismatch_reason}}));
        } else if (const std::string words = detailWords(f.detail); !words.empty()) {
            h.el("small", {{"class", "detail"}}, " (" + words + ")");
        }
        h.close("li");
    }
    h.close("ul");
}

void history(Html& h, const PageContext& ctx, const std::vector<HistoryLine>& lines) {
    h.el("h2", ctx.t("person.history"));
    h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list"}});
    h.open("thead").open("tr");
    for (const char* key : {"person.when", "person.kind", "person.what", "person.who",
                            "person.detail"})
        h.el("th", {{"scope", "col"}}, ctx.t(key));
    h.close("tr").close("thead").open("tbody");
    for (const HistoryLine& line : lines) {
        h.open("tr");
        h.el("td", {{"data-label", ctx.t("person.when")}}, formatTime(line.at));
        h.el("td", {{"data-label", ctx.t("person.kind")}},
             ctx.hasText("person.kind." + line.kind) ? ctx.t("person.kind." + line.kind)
                                                     : line.kind);
        h.el("td", {{"data-label", ctx.t("person.what")}}, line.what);
        h.el("td", {{"data-label", ctx.t("person.who")}}, line.actor);
        h.el("td", {{"data-label", ctx.t("person.detail")}, {"class", "detail"}},
             detailWords(line.detail));
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
}

}  // namespace

WebResponse memberPage(PageContext& ctx) {
    const std::string id = ctx.request.path.substr(kMemberPrefix.size());
    if (id.empty() || id.size() > 100 || id.find('/') != std::string::npos)
        return errorPage(ctx, 404, "error.not_found");
    auto found = memberView(ctx.db(), id);
    if (!found) return errorPage(ctx, 503, "error.storage");
    if (!*found) return errorPage(ctx, 404, "error.not_found");
    const MemberView& v = **found;
    if (auto s = auditBy(ctx, "view_person", v.member.member_id); !s)
        return errorPage(ctx, 503, "error.storage");

    const MemberRow& m = v.member;
    Html h;
    h.open("p");
    stateTag(h, ctx, m.state);
    motherInfantTags(h, ctx, m);
    h.close("p");
    h.open("dl", {{"class", "facts"}});
    fact(h, ctx, "person.nik", m.nik.empty() ? ctx.t("office.nik_pending") : m.nik);
    fact(h, ctx, "queue.name", m.name);
    fact(h, ctx, "person.birth_date", m.birth_date);
    fact(h, ctx, "person.sex", ctx.t("sex." + m.sex));
    fact(h, ctx, "person.relation", ctx.t("relation." + m.relation));
    if (!m.pregnancy_due.empty()) fact(h, ctx, "person.pregnancy_due", m.pregnancy_due);
    fact(h, ctx, "queue.segment_class",
         m.segment + (m.klass ? " / " + std::to_string(*m.klass) : ""));
    fact(h, ctx, "person.phone", v.phone);
    fact(h, ctx, "person.occupation", v.occupation);
    fact(h, ctx, "person.existing_card", v.existing_card);
    fact(h, ctx, "person.device", m.device_name.empty() ? m.device_id : m.device_name);
    fact(h, ctx, "queue.received", formatTime(m.received_at));
    fact(h, ctx, "person.corrections", std::to_string(v.corrections));
    h.close("dl");

    h.el("h2", ctx.t("person.household"));
    if (v.household) {
        const HouseholdView& hh = *v.household;
        h.open("dl", {{"class", "facts"}});
        fact(h, ctx, "person.address", hh.address);
        fact(h, ctx, "person.rt_rw", hh.rt + " / " + hh.rw);
        fact(h, ctx, "queue.village", villageName(ctx, hh.village_code));
        fact(h, ctx, "person.kk", hh.kk_number);
        fact(h, ctx, "person.phone", hh.phone);
        fact(h, ctx, "person.documents", flagsWords(hh.documents));
        fact(h, ctx, "person.consent", flagsWords(hh.consent));
        h.close("dl");
    } else {
        h.el("p", {{"class", "empty"}}, ctx.t("person.household_missing"));
    }
    h.el("h3", ctx.t("person.household_members"));
    memberTable(h, ctx, v.household_members, m.member_id);

    findings(h, ctx, v);
    if (!v.same_nik_elsewhere.empty()) {
        h.el("h2", ctx.t("person.same_nik"));
        memberTable(h, ctx, v.same_nik_elsewhere, m.member_id);
    }
    history(h, ctx, v.history);

    if (canDecide(ctx.who().role)) {
        const std::string back = std::string(kMemberPrefix) + m.member_id;
        h.el("h2", ctx.t("person.decide_member"));
        postForm(h, ctx, "/office/decide").hidden("back", back).hidden("member", m.member_id);
        decisionControls(h, ctx, "one");
        h.close("form");
        if (v.household_members.size() > 1) {
            h.el("h2", ctx.t("person.decide_household",
                             {{"count", std::to_string(v.household_members.size())}}));
            postForm(h, ctx, "/office/decide").hidden("back", back);
            for (const MemberRow& other : v.household_members) h.hidden("member", other.member_id);
            decisionControls(h, ctx, "household");
            h.close("form");
        }
    }
    return page(ctx, ctx.t("person.title"), h.str());
}

}  // namespace pekon::hub::web
