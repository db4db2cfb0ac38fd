#include "hub/web/dashboard_query.hpp"

#include <climits>

#include <cstdio>

#include "hub/web/office_query.hpp"

namespace pekon::hub::web {

namespace {

std::optional<int> smallNumber(const std::string& text) {
    if (text.empty() || text.size() > 3) return std::nullopt;
    int n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

std::string fixed(double v, int digits) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}

}  // namespace

std::optional<DashboardFilter> dashboardFilterOf(const Form& query, const RegionTable* regions) {
    DashboardFilter f;
    f.kecamatan = query.value("kec");
    if (!f.kecamatan.empty() && (f.kecamatan.size() != 8 || !regions ||
                                 !regions->district(f.kecamatan)))
        return std::nullopt;
    f.from_day = query.value("from");
    f.to_day = query.value("to");
    for (const std::string* day : {&f.from_day, &f.to_day})
        if (!day->empty() && !parseIsoDate(*day)) return std::nullopt;
    if (auto stuck = query.get("stuck"); stuck && !stuck->empty()) {
        const auto days = smallNumber(*stuck);
        if (!days || *days < 1 || *days > 365) return std::nullopt;
        f.stuck_days = *days;
    }
    return f;
}

std::string queryOfDashboard(const DashboardFilter& f) {
    std::string out;
    auto add = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        if (!out.empty()) out += '&';
        out += name;
        out += '=';
        out += value;  // codes, dates and digits: nothing to escape
    };
    add("kec", f.kecamatan);
    add("from", f.from_day);
    add("to", f.to_day);
    if (f.stuck_days != DashboardFilter{}.stuck_days) add("stuck", std::to_string(f.stuck_days));
    return out;
}

std::string regencyCode(const PageContext& ctx) {
    if (ctx.regions)
        for (const Village* v : ctx.regions->searchVillages("", "", 1))
            return v->district_code.substr(0, 5);
    return "18.06";
}

std::optional<std::int64_t> regencyPopulation(const PageContext& ctx) {
    if (!ctx.population) return std::nullopt;
    return populationOf(*ctx.population, regencyCode(ctx));
}

Result<Dashboard> loadDashboard(PageContext& ctx, const DashboardFilter& filter) {
    auto d = readDashboard(ctx.db(), filter, ctx.now, regencyCode(ctx), regencyPopulation(ctx));
    if (!d) return d;
    auto rules = complaintRules(ctx.db());
    if (!rules) return rules.error();
    // The period's days in the office's time, the last one whole.
    const auto from = parseIsoDate(filter.from_day);
    const auto to = parseIsoDate(filter.to_day);
    const UnixSeconds start = from ? officeDayStart(*from) : 0;
    const UnixSeconds end = to ? officeDayStart(addDays(*to, 1)) : INT64_MAX;
    auto tickets = ticketCounts(ctx.db(), *rules, ctx.now, start, end, filter.kecamatan);
    if (!tickets) return tickets.error();
    d->tickets = *tickets;
    return d;
}

std::string areaName(const PageContext& ctx, const std::string& code) {
    if (!ctx.regions || code.empty()) return code;
    if (code.size() == 5)
        if (const Region* r = ctx.regions->regency(code)) return r->name;
    if (code.size() == 8)
        if (const Region* d = ctx.regions->district(code)) return d->name;
    if (const Village* v = ctx.regions->village(code)) return v->name;
    return code;
}

std::string groupedNumber(const PageContext& ctx, std::int64_t n) {
    const std::string digits = std::to_string(n < 0 ? -n : n);
    const char mark = ctx.lang == Lang::en ? ',' : '.';
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += mark;
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

void summaryList(Html& h, const PageContext& ctx,
                 std::initializer_list<std::pair<const char*, std::int64_t>> figures) {
    h.open("ul", {{"class", "summary"}});
    for (const auto& [key, n] : figures) {
        const bool alarm = std::string_view(key).find("overdue") != std::string_view::npos && n > 0;
        h.open("li", {{alarm ? "class" : "", "alarm"}});
        h.el("strong", groupedNumber(ctx, n)).text(" " + ctx.t(key));
        h.close("li");
    }
    h.close("ul");
}

std::string decimalText(const PageContext& ctx, double value, int digits) {
    std::string text = fixed(value, digits);
    if (ctx.lang == Lang::id)
        for (char& c : text)
            if (c == '.') c = ',';
    return text;
}

std::string percentText(const PageContext& ctx, double share) {
    return decimalText(ctx, share * 100, 1) + "%";
}

std::vector<FigureRow> dashboardFigures(const PageContext& ctx, const Dashboard& d) {
    std::vector<FigureRow> out;
    auto add = [&](const char* section, const std::string& code, const std::string& measure,
                   std::optional<std::string> value) {
        out.push_back({section, code, areaName(ctx, code), measure, value.value_or("")});
    };
    auto num = [](std::optional<std::int64_t> v) -> std::optional<std::string> {
        if (!v) return std::nullopt;
        return std::to_string(*v);
    };
    auto share = [](std::optional<double> v) -> std::optional<std::string> {
        if (!v) return std::nullopt;
        return fixed(*v, 4);
    };
    std::vector<const AreaCounts*> areas;
    for (const AreaCounts& a : d.areas) areas.push_back(&a);
    areas.push_back(&d.total);
    for (const AreaCounts* a : areas) {
        const Coverage c = coverageOf(a->counts, a->population);
        add("coverage", a->code, "population", num(c.population));
        add("coverage", a->code, "registered", num(c.registered));
        add("coverage", a->code, "verified", num(c.verified));
        add("coverage", a->code, "covered", num(c.paid));
        add("coverage", a->code, "card", num(c.card));
        add("coverage", a->code, "rejected", num(c.rejected));
        add("coverage", a->code, "registered_share", share(c.registered_share));
        add("coverage", a->code, "covered_share", share(c.covered_share));
        add("coverage", a->code, "card_share", share(c.card_share));
        add("coverage", a->code, "gap_to_98", num(c.gap));
        add("coverage", a->code, "active_share", share(c.active_share));
    }
    for (OfficeState s : kAllOfficeStates)
        add("pipeline", d.total.code, "state_" + std::string(officeStateCode(s)),
            std::to_string(d.total.counts[static_cast<size_t>(s)]));
    for (auto [name, hist] : {std::pair{"verified", &d.to_verified}, std::pair{"paid", &d.to_paid},
                              std::pair{"card", &d.to_card}}) {
        add("pipeline", d.total.code, std::string("days_to_") + name + "_count",
            std::to_string(histogramTotal(*hist)));
        add("pipeline", d.total.code, std::string("days_to_") + name + "_median",
            num(percentileDays(*hist, 0.5)));
        add("pipeline", d.total.code, std::string("days_to_") + name + "_p90",
            num(percentileDays(*hist, 0.9)));
    }
    add("pipeline", d.total.code, "cards_after_payment", std::to_string(d.cards_after_payment));
    add("pipeline", d.total.code, "cards_within_14_days", std::to_string(d.cards_within_14));
    add("pipeline", d.total.code, "stuck", std::to_string(d.stuck_count));
    for (const WeekCount& w : d.weekly_by_area)
        add("work", w.key, "registrations_week_" + formatIsoDate(dateOf(weekStart(w.week))),
            std::to_string(w.count));
    add("work", d.total.code, "corrections_asked", std::to_string(d.corrections_asked));
    add("work", d.total.code, "corrections_back", std::to_string(histogramTotal(d.correction_return)));
    add("work", d.total.code, "correction_days_median", num(percentileDays(d.correction_return, 0.5)));
    for (const SessionCount& c : d.sessions) {
        add("socialization", c.area, "sessions_" + c.method, std::to_string(c.sessions));
        add("socialization", c.area, "attendance_" + c.method, std::to_string(c.attendance));
        add("socialization", c.area, "households_reached_" + c.method,
            std::to_string(c.households));
        add("socialization", c.area, "leads_" + c.method, std::to_string(c.leads));
        add("socialization", c.area, "leads_registered_" + c.method,
            std::to_string(c.leads_registered));
    }
    for (const QuizGain& g : d.gain_by_topic) {
        add("socialization", d.total.code, "quiz_pairs_" + g.key, std::to_string(g.pairs));
        if (g.pre_max > 0 && g.post_max > 0) {
            const double pre = static_cast<double>(g.pre_score) / static_cast<double>(g.pre_max);
            const double post = static_cast<double>(g.post_score) / static_cast<double>(g.post_max);
            add("socialization", d.total.code, "quiz_pre_share_" + g.key, fixed(pre, 4));
            add("socialization", d.total.code, "quiz_post_share_" + g.key, fixed(post, 4));
        }
    }
    for (const MotherInfantCount& m : d.mothers_infants) {
        add("mothers_infants", m.village_code, "pregnant", std::to_string(m.pregnant));
        add("mothers_infants", m.village_code, "pregnant_not_covered",
            std::to_string(m.pregnant_uncovered));
        add("mothers_infants", m.village_code, "infants_under_1", std::to_string(m.infants));
        add("mothers_infants", m.village_code, "infants_under_1_not_covered",
            std::to_string(m.infants_uncovered));
    }
    const std::pair<const char*, std::int64_t> tickets[] = {
        {"tickets_open", d.tickets.open},
        {"tickets_in_progress", d.tickets.in_progress},
        {"tickets_answered", d.tickets.answered},
        {"tickets_closed", d.tickets.closed},
        {"tickets_response_overdue_now", d.tickets.response_overdue},
        {"tickets_resolution_overdue_now", d.tickets.resolution_overdue}};
    for (const auto& [measure, n] : tickets) add("complaints", d.total.code, measure, std::to_string(n));
    for (const RatingCount& r : d.ratings) {
        add("satisfaction", r.area, "ratings_" + r.month + "_" + r.category, std::to_string(r.count));
        add("satisfaction", r.area, "rating_average_" + r.month + "_" + r.category,
            fixed(static_cast<double>(r.rating_sum) / static_cast<double>(r.count), 2));
    }
    return out;
}

}  // namespace pekon::hub::web
