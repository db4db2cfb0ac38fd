// The complaints inbox (any role reads; admins and verifiers act): the tickets opened from kiosk
// complaints, oldest first, with their clocks against the office's deadlines (overdue ones
// marked); a ticket's page with the citizen's words, the phone number for its handler only,
// the answer and the actions (assign, take up, answer, close); the office's deadlines and
// holidays (admins). The answer goes to the kiosks of the area (office_tickets.hpp).
#include <climits>

#include "core/number.hpp"
#include "hub/office_tickets.hpp"
#include "hub/web/dashboard_query.hpp"
#include "hub/web/office_query.hpp"
#include "hub/web/pages.hpp"

namespace pekon::hub::web {

namespace {

constexpr std::string_view kTicketPrefix = "/office/complaints/";
const char* const kDash = "\xE2\x80\x94";

TicketFilter filterOf(const PageContext& ctx) {
    TicketFilter f;
    f.state = ctx.query.value("state");
    if (f.state != "all" && !parseTicketState(f.state)) f.state.clear();
    f.overdue = ctx.query.value("overdue") == "1";
    if (ctx.query.value("mine") == "1") f.staff = ctx.who().id;
    f.area = ctx.query.value("kec");
    if (f.area.size() > 20) f.area.clear();
    return f;
}

std::string queryOf(const TicketFilter& f) {
    std::string q;
    auto add = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        q += (q.empty() ? "" : "&") + std::string(name) + "=" + percentEncode(value);
    };
    add("state", f.state);
    add("overdue", f.overdue ? "1" : "");
    add("mine", f.staff ? "1" : "");
    add("kec", f.area);
    return q;
}

void ticketStateTag(Html& h, const PageContext& ctx, TicketState state) {
    const char* tone = state == TicketState::closed     ? "tag off"
                       : state == TicketState::answered ? "tag ok"
                       : state == TicketState::open     ? "tag warn"
                                                        : "tag";
    h.el("span", {{"class", tone}}, ctx.t("ticket.state." + std::string(ticketStateCode(state))));
}

// "2 hari kerja lagi (batas 2026-12-14)", "terlambat 3 hari kerja", "tepat waktu"...
void clockText(Html& h, const PageContext& ctx, const TicketClock& c) {
    const std::string code(deadlineStateCode(c.state));
    h.el("span", {{"class", "clock " + code}},
         ctx.t("ticket.clock." + code,
               {{"days", std::to_string(c.days)}, {"due", formatIsoDate(c.due)}}));
}

void clockCell(Html& h, const PageContext& ctx, const char* label_key, const TicketClock& c) {
    h.open("td", {{"data-label", ctx.t(label_key)}});
    clockText(h, ctx, c);
    h.close("td");
}

bool overdue(const TicketRow& t) {
    return t.response.state == DeadlineState::overdue ||
           t.resolution.state == DeadlineState::overdue;
}

std::string areaLabel(const PageContext& ctx, const std::string& area) {
    if (area.empty()) return kDash;
    if (ctx.regions)
        if (const Region* d = ctx.regions->district(area)) return d->name;
    return area;
}

void filterForm(Html& h, const PageContext& ctx, const TicketFilter& f) {
    h.open("form", {{"method", "get"}, {"action", "/office/complaints"}, {"class", "filters"}});
    selectOpen(h, ctx, "state", "ticket.filter_state");
    option(h, "", ctx.t("ticket.waiting"), f.state.empty());
    option(h, "all", ctx.t("queue.all"), f.state == "all");
    for (TicketState s : kTicketStates) {
        const std::string code(ticketStateCode(s));
        option(h, code, ctx.t("ticket.state." + code), f.state == code);
    }
    h.close("select").close("div");
    kecamatanSelect(h, ctx, f.area);
    selectOpen(h, ctx, "overdue", "ticket.filter_deadline");
    option(h, "", ctx.t("queue.all"), !f.overdue);
    option(h, "1", ctx.t("ticket.only_overdue"), f.overdue);
    h.close("select").close("div");
    selectOpen(h, ctx, "mine", "ticket.handler");
    option(h, "", ctx.t("queue.all"), !f.staff);
    option(h, "1", ctx.t("ticket.only_mine"), f.staff.has_value());
    h.close("select").close("div");
    h.open("div", {{"class", "field buttons-inline"}});
    h.el("button", {{"type", "submit"}}, ctx.t("queue.apply"));
    h.el("a", {{"href", "/office/complaints"}, {"class", "button"}}, ctx.t("queue.reset"));
    h.close("div").close("form");
}

void ticketTable(Html& h, const PageContext& ctx, const std::vector<TicketRow>& rows) {
    h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list tickets"}});
    h.open("thead").open("tr");
    for (const char* key : {"ticket.number", "ticket.received", "ticket.category", "ticket.rating",
                            "ticket.area", "ticket.state", "ticket.handler", "ticket.response",
                            "ticket.resolution"})
        h.el("th", {{"scope", "col"}}, ctx.t(key));
    h.close("tr").close("thead").open("tbody");
    for (const TicketRow& t : rows) {
        h.open("tr", {{overdue(t) ? "class" : "", "overdue"}});
        h.open("td", {{"data-label", ctx.t("ticket.number")}, {"class", "nowrap"}});
        h.el("a", {{"href", std::string(kTicketPrefix) + t.number}}, t.number);
        h.close("td");
        h.el("td", {{"data-label", ctx.t("ticket.received")}}, formatTime(t.opened_at));
        h.el("td", {{"data-label", ctx.t("ticket.category")}},
             ctx.t("feedback.category." + (t.category.empty() ? "other" : t.category)));
        h.el("td", {{"data-label", ctx.t("ticket.rating")}},
             std::to_string(t.rating) + "/5" + (t.flagged ? " \xC2\xB7 " + ctx.t("ticket.flagged") : ""));
        h.el("td", {{"data-label", ctx.t("ticket.area")}}, areaLabel(ctx, t.area));
        h.open("td", {{"data-label", ctx.t("ticket.state")}});
        ticketStateTag(h, ctx, t.state);
        h.close("td");
        h.el("td", {{"data-label", ctx.t("ticket.handler")}},
             t.staff_name.empty() ? ctx.t("ticket.nobody") : t.staff_name);
        clockCell(h, ctx, "ticket.response", t.response);
        clockCell(h, ctx, "ticket.resolution", t.resolution);
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
}

WebResponse storageOr(PageContext& ctx, const Error& e) {
    if (e.code == "bad_cursor" || e.code == "bad_filter") return errorPage(ctx, 400, "error.bad_request");
    return errorPage(ctx, 503, "error.storage");
}

// --- A ticket's page ------------------------------------------------------------------------------

void fact(Html& h, const PageContext& ctx, const char* key, const std::string& value) {
    h.el("dt", ctx.t(key));
    h.el("dd", value.empty() ? std::string(kDash) : value);
}

void actionForms(Html& h, PageContext& ctx, const TicketView& v, const std::string& typed) {
    const TicketRow& t = v.row;
    const std::string act = "/office/complaints/act";
    if (t.state != TicketState::closed) {
        h.el("h2", ctx.t("ticket.assign"));
        postForm(h, ctx, act).hidden("ticket", t.number).hidden("action", "assign");
        selectOpen(h, ctx, "staff", "ticket.handler");
        if (auto staff = listStaff(ctx.db()))
            for (const StaffAccount& s : *staff)
                if (canDecide(s.role) && !s.disabled_at)
                    option(h, std::to_string(s.id), s.display_name + " (" + s.username + ")",
                           t.staff_id ? *t.staff_id == s.id : s.id == ctx.who().id);
        h.close("select").close("div");
        h.el("button", {{"type", "submit"}}, ctx.t("ticket.assign_button"));
        h.close("form");
    }
    if (t.state == TicketState::open) {
        postForm(h, ctx, act).hidden("ticket", t.number).hidden("action", "take_up");
        h.el("p", {{"class", "hint"}}, ctx.t("ticket.take_up_hint"));
        h.el("button", {{"type", "submit"}}, ctx.t("ticket.take_up"));
        h.close("form");
    }
    if (t.state != TicketState::closed) {
        h.el("h2", ctx.t(t.state == TicketState::answered ? "ticket.revise" : "ticket.answer"));
        postForm(h, ctx, act).hidden("ticket", t.number).hidden("action", "answer");
        fieldOpen(h, ctx, "f-answer", "ticket.answer_label");
        h.el("textarea", {{"name", "answer"}, {"id", "f-answer"}, {"rows", "5"},
                          {"maxlength", std::to_string(kTicketAnswerMax)}, {"required", std::string_view()}},
             typed.empty() ? v.answer : typed);
        h.close("div");
        h.el("p", {{"class", "hint"}}, ctx.t("ticket.answer_hint"));
        h.el("button", {{"type", "submit"}}, ctx.t("ticket.send_answer"));
        h.close("form");
    }
    if (t.state == TicketState::answered) {
        postForm(h, ctx, act).hidden("ticket", t.number).hidden("action", "close");
        h.el("button", {{"type", "submit"}, {"class", "secondary"}}, ctx.t("ticket.close"));
        h.close("form");
    }
}

}  // namespace

WebResponse complaintsPage(PageContext& ctx) {
    auto rules = complaintRules(ctx.db());
    if (!rules) return storageOr(ctx, rules.error());
    const TicketFilter filter = filterOf(ctx);
    auto found = ticketPage(ctx.db(), filter, ctx.query.value("after"), *rules, ctx.now);
    if (!found) return storageOr(ctx, found.error());
    auto counts = ticketCounts(ctx.db(), *rules, ctx.now, 0, INT64_MAX, filter.area);
    if (!counts) return storageOr(ctx, counts.error());

    Html h;
    h.el("p", {{"class", "hint"}},
         ctx.t("ticket.rules", {{"response", std::to_string(rules->response_days)},
                                {"resolution", std::to_string(rules->resolution_days)}}));
    summaryList(h, ctx,
                {{"ticket.count_open", counts->open},
                 {"ticket.count_in_progress", counts->in_progress},
                 {"ticket.count_response_overdue", counts->response_overdue},
                 {"ticket.count_resolution_overdue", counts->resolution_overdue}});
    filterForm(h, ctx, filter);
    if (found->rows.empty()) {
        h.el("p", {{"class", "empty"}}, ctx.t("ticket.none"));
    } else {
        ticketTable(h, ctx, found->rows);
    }
    if (!found->next.empty()) {
        const std::string q = queryOf(filter);
        h.open("p", {{"class", "pager"}});
        h.el("a",
             {{"href", "/office/complaints?" + q + (q.empty() ? "" : "&") +
                           "after=" + percentEncode(found->next)},
              {"class", "button"}},
             ctx.t("queue.next"));
        h.close("p");
    }
    if (canManage(ctx.who().role))
        h.open("p").el("a", {{"href", "/office/complaints/settings"}}, ctx.t("ticket.settings")).close("p");
    return page(ctx, ctx.t("ticket.title"), h.take());
}

// The ticket's page; `error` a ticket error's code without its prefix ("" none) and `typed`
// the answer as the staff member wrote it, when an action was refused.
WebResponse ticketPageWith(PageContext& ctx, const std::string& number, const std::string& error,
                           const std::string& typed) {
    auto rules = complaintRules(ctx.db());
    if (!rules) return storageOr(ctx, rules.error());
    auto found = ticketView(ctx.db(), number, *rules, ctx.who().id, ctx.who().username, ctx.now);
    if (!found) return storageOr(ctx, found.error());
    if (!*found) return errorPage(ctx, 404, "error.not_found");
    const TicketView& v = **found;
    const TicketRow& t = v.row;

    Html h;
    h.open("p").el("a", {{"href", "/office/complaints"}}, ctx.t("ticket.back")).close("p");
    h.open("p", {{"class", "ticket-state"}});
    ticketStateTag(h, ctx, t.state);
    h.close("p");
    if (!error.empty() && ctx.hasText("ticket.error." + error))
        h.el("p", {{"class", "error"}, {"role", "alert"}}, ctx.t("ticket.error." + error));
    h.open("dl", {{"class", "facts"}});
    fact(h, ctx, "ticket.received", formatTime(t.opened_at));
    fact(h, ctx, "ticket.category",
         ctx.t("feedback.category." + (t.category.empty() ? "other" : t.category)));
    fact(h, ctx, "ticket.rating",
         std::to_string(t.rating) + "/5" + (t.flagged ? " \xC2\xB7 " + ctx.t("ticket.flagged") : ""));
    fact(h, ctx, "ticket.area", areaLabel(ctx, t.area));
    fact(h, ctx, "ticket.kiosk", v.kiosk);
    fact(h, ctx, "ticket.handler", t.staff_name.empty() ? ctx.t("ticket.nobody") : t.staff_name);
    h.el("dt", ctx.t("ticket.phone"));
    if (!t.has_phone)
        h.el("dd", ctx.t("ticket.no_phone"));
    else if (!v.phone.empty())
        h.open("dd").el("a", {{"href", "tel:" + v.phone}}, v.phone).close("dd");
    else
        h.el("dd", {{"class", "muted"}}, ctx.t("ticket.phone_hidden"));
    h.el("dt", ctx.t("ticket.response"));
    h.open("dd");
    clockText(h, ctx, t.response);
    h.close("dd");
    h.el("dt", ctx.t("ticket.resolution"));
    h.open("dd");
    clockText(h, ctx, t.resolution);
    h.close("dd");
    h.close("dl");
    h.el("h2", ctx.t("ticket.citizen_words"));
    h.el("blockquote", {{"class", "citizen"}}, v.text.empty() ? ctx.t("ticket.no_words") : v.text);
    if (!v.answer.empty()) {
        h.el("h2", ctx.t("ticket.current_answer"));
        h.el("blockquote", {{"class", "answer"}}, v.answer);
    }
    if (canDecide(ctx.who().role)) actionForms(h, ctx, v, typed);
    return page(ctx, ctx.t("ticket.heading", {{"number", t.number}}), h.take(),
                error.empty() ? 200 : 400);
}

WebResponse complaintPage(PageContext& ctx) {
    auto number = parseTicketNumber(ctx.request.path.substr(kTicketPrefix.size()));
    if (!number) return errorPage(ctx, 404, "error.not_found");
    return ticketPageWith(ctx, *number, "", "");
}

WebResponse complaintAction(PageContext& ctx) {
    auto number = parseTicketNumber(ctx.form.value("ticket"));
    if (!number) return errorPage(ctx, 404, "error.not_found");
    TicketRequest request;
    request.number = *number;
    const std::string action = ctx.form.value("action");
    if (action == "assign") {
        request.action = TicketAction::assign;
        auto id = parseNumber<std::int64_t>(ctx.form.value("staff"));
        if (!id) return errorPage(ctx, 400, "error.bad_request");
        request.assignee = *id;
    } else if (action == "take_up") {
        request.action = TicketAction::take_up;
    } else if (action == "answer") {
        request.action = TicketAction::answer;
        request.answer = ctx.form.value("answer");
    } else if (action == "close") {
        request.action = TicketAction::close;
    } else {
        return errorPage(ctx, 400, "error.bad_request");
    }
    request.staff_id = ctx.who().id;
    request.username = ctx.who().username;
    const std::string back = std::string(kTicketPrefix) + request.number;
    auto done = actOnTicket(ctx.db(), request, ctx.now);
    if (!done) {
        const std::string& code = done.error().code;
        if (code == "ticket_unknown") return errorPage(ctx, 404, "error.not_found");
        if (code.rfind("ticket_", 0) == 0)
            return ticketPageWith(ctx, request.number, code.substr(7), request.answer);
        return errorPage(ctx, 503, "error.storage");
    }
    return redirect(back + "?done=ticket_" + action);
}

WebResponse complaintSettingsPage(PageContext& ctx) {
    auto rules = complaintRules(ctx.db());
    if (!rules) return storageOr(ctx, rules.error());
    Html h;
    h.open("p").el("a", {{"href", "/office/complaints"}}, ctx.t("ticket.back")).close("p");
    if (auto e = ctx.query.get("error"); e && ctx.hasText("ticket.error." + *e))
        h.el("p", {{"class", "error"}, {"role", "alert"}}, ctx.t("ticket.error." + *e));
    h.el("p", {{"class", "hint"}}, ctx.t("ticket.settings_hint"));
    postForm(h, ctx, "/office/complaints/settings");
    const std::string response = std::to_string(rules->response_days);
    const std::string resolution = std::to_string(rules->resolution_days);
    const std::string max = std::to_string(kComplaintDaysMax);
    fieldOpen(h, ctx, "f-response", "ticket.response_days");
    h.empty("input", {{"type", "number"}, {"name", "response"}, {"id", "f-response"},
                      {"min", "1"}, {"max", max}, {"value", response}, {"required", std::string_view()}});
    h.close("div");
    fieldOpen(h, ctx, "f-resolution", "ticket.resolution_days");
    h.empty("input", {{"type", "number"}, {"name", "resolution"}, {"id", "f-resolution"},
                      {"min", "1"}, {"max", max}, {"value", resolution}, {"required", std::string_view()}});
    h.close("div");
    fieldOpen(h, ctx, "f-holidays", "ticket.holidays");
    h.el("textarea", {{"name", "holidays"}, {"id", "f-holidays"}, {"rows", "4"}},
         formatHolidays(rules->holidays));
    h.close("div");
    h.el("button", {{"type", "submit"}}, ctx.t("ticket.save_settings"));
    h.close("form");
    return page(ctx, ctx.t("ticket.settings"), h.take());
}

WebResponse complaintSettingsAction(PageContext& ctx) {
    auto rules = parseComplaintRules(ctx.form.value("response"), ctx.form.value("resolution"),
                                     ctx.form.value("holidays"));
    if (!rules) return redirect("/office/complaints/settings?error=" + rules.error().code);
    if (rules->holidays.size() > 500) return errorPage(ctx, 400, "error.bad_request");
    auto saved = saveComplaintRules(ctx.db(), *rules, ctx.who().id, ctx.who().username, ctx.now);
    if (!saved) return errorPage(ctx, 503, "error.storage");
    return redirect("/office/complaints?done=complaint_rules");
}

}  // namespace pekon::hub::web
