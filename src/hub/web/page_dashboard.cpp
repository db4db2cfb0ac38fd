// The dashboard (every role): coverage per kecamatan (a kecamatan opens its pekon) against the
// population and the national UHC thresholds, the pipeline (members per step, the times between
// steps, the 14-day card promise, the members stuck in a step), the work (registrations per
// week per area and per volunteer, corrections, devices not seen for 7 days) and the kiosks'
// ratings; for a period and an area, with an export of every figure and a print stylesheet for
// the monthly report. No personal data: stuck members are listed by id and village.
#include <algorithm>
#include <map>
#include <set>

#include "hub/web/bar_svg.hpp"
#include "hub/web/dashboard_query.hpp"
#include "hub/web/device_report.hpp"
#include "hub/web/office_query.hpp"
#include "hub/web/pages.hpp"

namespace pekon::hub::web {

namespace {

constexpr std::int64_t kQuietDays = 7;
const char* const kDash = "\xE2\x80\x94";

void filterForm(Html& h, const PageContext& ctx, const DashboardFilter& f) {
    h.open("form", {{"method", "get"}, {"action", "/office/dashboard"}, {"class", "filters"}});
    kecamatanSelect(h, ctx, f.kecamatan);
    fieldOpen(h, ctx, "f-from", "queue.from");
    h.empty("input", {{"type", "date"}, {"name", "from"}, {"id", "f-from"}, {"value", f.from_day}});
    h.close("div");
    fieldOpen(h, ctx, "f-to", "queue.to");
    h.empty("input", {{"type", "date"}, {"name", "to"}, {"id", "f-to"}, {"value", f.to_day}});
    h.close("div");
    fieldOpen(h, ctx, "f-stuck", "dash.stuck_days");
    const std::string stuck = std::to_string(f.stuck_days);
    h.empty("input", {{"type", "number"}, {"name", "stuck"}, {"id", "f-stuck"}, {"min", "1"},
                      {"max", "365"}, {"value", stuck}});
    h.close("div");
    h.open("div", {{"class", "buttons"}});
    h.el("button", {{"type", "submit"}}, ctx.t("queue.apply"));
    h.el("a", {{"href", "/office/dashboard"}, {"class", "button"}}, ctx.t("queue.reset"));
    h.close("div");
    h.close("form");
    const std::string q = queryOfDashboard(f);
    const std::string sep = q.empty() ? "" : "&";
    h.open("div", {{"class", "buttons no-print"}});
    h.el("a", {{"href", "/office/dashboard/export?format=xlsx" + sep + q}, {"class", "button"}},
         ctx.t("export.xlsx"));
    h.el("a", {{"href", "/office/dashboard/export?format=csv" + sep + q}, {"class", "button"}},
         ctx.t("export.csv"));
    h.el("a", {{"href", "/office/dashboard?report=1" + sep + q}, {"class", "button"}},
         ctx.t("dash.report"));
    h.close("div");
}

std::string optionalShare(const PageContext& ctx, std::optional<double> share) {
    return share ? percentText(ctx, *share) : kDash;
}

std::string optionalNumber(const PageContext& ctx, std::optional<std::int64_t> n) {
    return n ? groupedNumber(ctx, *n) : kDash;
}

void coverageSection(Html& h, const PageContext& ctx, const Dashboard& d,
                     const DashboardFilter& f) {
    h.open("section", {{"id", "coverage"}});
    h.el("h2", ctx.t("dash.coverage"));
    h.el("p", {{"class", "hint"}}, ctx.t("dash.coverage_hint"));
    h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list figures"}});
    h.open("thead").open("tr");
    for (const char* key : {"dash.area", "dash.population", "dash.registered", "dash.verified",
                            "dash.covered", "dash.card", "dash.covered_share", "dash.gap",
                            "dash.active_share"})
        h.el("th", {{"scope", "col"}}, ctx.t(key));
    h.close("tr").close("thead").open("tbody");
    BarChart chart;
    chart.title = ctx.t("dash.chart_covered");
    chart.target = kUhcCoveredTarget;
    chart.target_text = ctx.t("dash.target_98");
    bool any_population = false;
    auto row = [&](const AreaCounts& a, bool total) {
        const Coverage c = coverageOf(a.counts, a.population);
        h.open("tr", {{total ? "class" : "", "total"}});
        h.open("th", {{"scope", "row"}, {"data-label", ctx.t("dash.area")}});
        if (!total && f.kecamatan.empty()) {
            DashboardFilter inner = f;
            inner.kecamatan = a.code;
            h.el("a", {{"href", "/office/dashboard?" + queryOfDashboard(inner)}},
                 areaName(ctx, a.code));
        } else {
            h.text(areaName(ctx, a.code));
        }
        h.close("th");
        h.el("td", {{"data-label", ctx.t("dash.population")}, {"class", "num"}},
             optionalNumber(ctx, c.population));
        h.el("td", {{"data-label", ctx.t("dash.registered")}, {"class", "num"}},
             groupedNumber(ctx, c.registered));
        h.el("td", {{"data-label", ctx.t("dash.verified")}, {"class", "num"}},
             groupedNumber(ctx, c.verified));
        h.el("td", {{"data-label", ctx.t("dash.covered")}, {"class", "num"}},
             groupedNumber(ctx, c.paid));
        h.el("td", {{"data-label", ctx.t("dash.card")}, {"class", "num"}},
             groupedNumber(ctx, c.card));
        const bool below = c.covered_share && *c.covered_share < kUhcCoveredTarget;
        h.el("td",
             {{"data-label", ctx.t("dash.covered_share")}, {"class", below ? "num below" : "num"}},
             optionalShare(ctx, c.covered_share));
        h.el("td", {{"data-label", ctx.t("dash.gap")}, {"class", "num"}},
             optionalNumber(ctx, c.gap));
        const bool inactive = c.active_share && *c.active_share < kUhcActiveTarget;
        h.el("td",
             {{"data-label", ctx.t("dash.active_share")},
              {"class", inactive ? "num below" : "num"}},
             optionalShare(ctx, c.active_share));
        h.close("tr");
        if (c.covered_share) {
            any_population = true;
            chart.bars.push_back({areaName(ctx, a.code), *c.covered_share,
                                  percentText(ctx, *c.covered_share)});
        }
    };
    for (const AreaCounts& a : d.areas) row(a, false);
    row(d.total, true);
    h.close("tbody").close("table").close("div");
    if (any_population)
        h.raw(barChartSvg(chart));
    else
        h.el("p", {{"class", "hint"}}, ctx.t("dash.no_population"));
    h.close("section");
}

void pipelineSection(Html& h, const PageContext& ctx, const Dashboard& d,
                     const DashboardFilter& f) {
    h.open("section", {{"id", "pipeline"}});
    h.el("h2", ctx.t("dash.pipeline"));
    BarChart chart;
    chart.title = ctx.t("dash.chart_states");
    std::int64_t most = 1;
    for (std::int64_t n : d.total.counts) most = std::max(most, n);
    chart.scale = static_cast<double>(most);
    for (OfficeState s : kAllOfficeStates) {
        const std::int64_t n = d.total.counts[static_cast<size_t>(s)];
        chart.bars.push_back({ctx.t("office.state." + std::string(officeStateCode(s))),
                              static_cast<double>(n), groupedNumber(ctx, n)});
    }
    h.raw(barChartSvg(chart));

    h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list figures"}});
    h.open("thead").open("tr");
    for (const char* key : {"dash.step", "dash.members", "dash.median_days", "dash.p90_days"})
        h.el("th", {{"scope", "col"}}, ctx.t(key));
    h.close("tr").close("thead").open("tbody");
    for (auto [key, hist] : {std::pair{"dash.to_verified", &d.to_verified},
                             std::pair{"dash.to_paid", &d.to_paid},
                             std::pair{"dash.to_card", &d.to_card}}) {
        h.open("tr");
        h.el("th", {{"scope", "row"}, {"data-label", ctx.t("dash.step")}}, ctx.t(key));
        h.el("td", {{"data-label", ctx.t("dash.members")}, {"class", "num"}},
             groupedNumber(ctx, histogramTotal(*hist)));
        h.el("td", {{"data-label", ctx.t("dash.median_days")}, {"class", "num"}},
             optionalNumber(ctx, percentileDays(*hist, 0.5)));
        h.el("td", {{"data-label", ctx.t("dash.p90_days")}, {"class", "num"}},
             optionalNumber(ctx, percentileDays(*hist, 0.9)));
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");

    h.open("p", {{"class", "promise"}});
    if (d.cards_after_payment > 0)
        h.text(ctx.t("dash.promise",
                     {{"share", percentText(ctx, static_cast<double>(d.cards_within_14) /
                                                     static_cast<double>(d.cards_after_payment))},
                      {"within", groupedNumber(ctx, d.cards_within_14)},
                      {"all", groupedNumber(ctx, d.cards_after_payment)}}));
    else
        h.text(ctx.t("dash.promise_none"));
    h.close("p");

    h.el("h3", ctx.t("dash.stuck_title", {{"days", std::to_string(f.stuck_days)},
                                          {"count", groupedNumber(ctx, d.stuck_count)}}));
    if (d.stuck.empty()) {
        h.el("p", {{"class", "empty"}}, ctx.t("dash.stuck_none"));
    } else {
        h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list"}});
        h.open("thead").open("tr");
        for (const char* key : {"dash.member", "queue.village", "queue.state", "dash.since"})
            h.el("th", {{"scope", "col"}}, ctx.t(key));
        h.close("tr").close("thead").open("tbody");
        for (const StuckMember& m : d.stuck) {
            h.open("tr");
            h.open("td", {{"data-label", ctx.t("dash.member")}});
            h.el("a", {{"href", "/office/members/" + m.member_id}}, ctx.t("dash.open_member"));
            h.close("td");
            h.el("td", {{"data-label", ctx.t("queue.village")}}, villageName(ctx, m.village_code));
            h.open("td", {{"data-label", ctx.t("queue.state")}});
            stateTag(h, ctx, m.state);
            h.close("td");
            h.el("td", {{"data-label", ctx.t("dash.since")}},
                 ctx.t("dash.days_ago",
                       {{"days", std::to_string((ctx.now - m.since) / 86400)},
                        {"time", formatTime(m.since)}}));
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
        if (d.stuck_count > static_cast<std::int64_t>(d.stuck.size()))
            h.el("p", {{"class", "hint"}},
                 ctx.t("dash.stuck_more", {{"shown", std::to_string(d.stuck.size())}}));
    }
    h.close("section");
}

// A table of registrations per week: one row per key, one column per week shown.
void weeklyTable(Html& h, const PageContext& ctx, const Dashboard& d,
                 const std::vector<WeekCount>& counts, const char* key_label,
                 const std::map<std::string, std::string>& names) {
    std::map<std::string, std::map<std::int64_t, std::int64_t>> rows;
    for (const WeekCount& w : counts) rows[w.key][w.week] += w.count;
    if (rows.empty()) {
        h.el("p", {{"class", "empty"}}, ctx.t("dash.no_registrations"));
        return;
    }
    h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list figures weeks"}});
    h.open("thead").open("tr");
    h.el("th", {{"scope", "col"}}, ctx.t(key_label));
    std::vector<std::string> labels;
    for (std::int64_t w = d.first_week; w <= d.last_week; ++w) {
        const Date monday = dateOf(weekStart(w));
        labels.push_back(ctx.t("dash.week_of", {{"day", formatIsoDate(monday).substr(5)}}));
        h.el("th", {{"scope", "col"}}, labels.back());
    }
    h.close("tr").close("thead").open("tbody");
    for (const auto& [key, weeks] : rows) {
        h.open("tr");
        const auto name = names.find(key);
        h.el("th", {{"scope", "row"}, {"data-label", ctx.t(key_label)}},
             name != names.end() ? name->second : key);
        for (std::int64_t w = d.first_week; w <= d.last_week; ++w) {
            const auto n = weeks.find(w);
            h.el("td",
                 {{"data-label", labels[static_cast<size_t>(w - d.first_week)]}, {"class", "num"}},
                 groupedNumber(ctx, n == weeks.end() ? 0 : n->second));
        }
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
}

void workSection(Html& h, PageContext& ctx, const Dashboard& d, const DashboardFilter& f) {
    h.open("section", {{"id", "work"}});
    h.el("h2", ctx.t("dash.work"));
    std::map<std::string, std::string> area_names, device_names;
    for (const WeekCount& w : d.weekly_by_area) area_names[w.key] = areaName(ctx, w.key);
    auto devices = ctx.store.devices();
    if (devices)
        for (const Device& dev : *devices)
            device_names[dev.id] = dev.name.empty() ? dev.id : dev.name;
    h.el("h3", ctx.t(f.kecamatan.empty() ? "dash.weekly_kecamatan" : "dash.weekly_pekon"));
    weeklyTable(h, ctx, d, d.weekly_by_area, "dash.area", area_names);
    h.el("h3", ctx.t("dash.weekly_volunteer"));
    weeklyTable(h, ctx, d, d.weekly_by_device, "queue.volunteer", device_names);

    h.el("h3", ctx.t("dash.corrections"));
    const std::int64_t back = histogramTotal(d.correction_return);
    h.el("p", ctx.t("dash.corrections_text",
                    {{"asked", groupedNumber(ctx, d.corrections_asked)},
                     {"back", groupedNumber(ctx, back)},
                     {"median", optionalNumber(ctx, percentileDays(d.correction_return, 0.5))}}));

    h.el("h3", ctx.t("dash.quiet_devices", {{"days", std::to_string(kQuietDays)}}));
    auto activity = deviceActivity(ctx.db());
    std::map<std::string, std::int64_t> last_seen;
    if (activity)
        for (const DeviceActivity& a : *activity) last_seen[a.device_id] = a.last_seen;
    std::vector<std::pair<std::string, std::optional<std::int64_t>>> quiet;
    if (devices)
        for (const Device& dev : *devices) {
            if (dev.revoked_at) continue;
            const auto seen = last_seen.find(dev.id);
            const std::optional<std::int64_t> at =
                seen == last_seen.end() ? std::nullopt : std::optional(seen->second);
            if (!at || *at < ctx.now - kQuietDays * 86400)
                quiet.emplace_back(dev.name.empty() ? dev.id : dev.name, at);
        }
    if (quiet.empty()) {
        h.el("p", {{"class", "empty"}}, ctx.t("dash.quiet_none"));
    } else {
        h.open("ul", {{"class", "quiet"}});
        for (const auto& [name, at] : quiet)
            h.el("li", ctx.t("dash.quiet_line",
                             {{"name", name},
                              {"seen", at ? formatTime(*at) : ctx.t("devices.never")}}));
        h.close("ul");
    }
    h.close("section");
}

void satisfactionSection(Html& h, const PageContext& ctx, const Dashboard& d) {
    h.open("section", {{"id", "satisfaction"}});
    h.el("h2", ctx.t("dash.satisfaction"));
    if (d.ratings.empty()) {
        h.el("p", {{"class", "empty"}}, ctx.t("dash.no_ratings"));
        h.close("section");
        return;
    }
    h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list figures"}});
    h.open("thead").open("tr");
    for (const char* key : {"dash.month", "dash.category", "dash.area", "dash.ratings",
                            "dash.rating_average"})
        h.el("th", {{"scope", "col"}}, ctx.t(key));
    h.close("tr").close("thead").open("tbody");
    for (const RatingCount& r : d.ratings) {
        h.open("tr");
        h.el("td", {{"data-label", ctx.t("dash.month")}}, r.month);
        const std::string category_key = "feedback.category." + r.category;
        h.el("td", {{"data-label", ctx.t("dash.category")}},
             ctx.hasText(category_key) ? ctx.t(category_key) : r.category);
        h.el("td", {{"data-label", ctx.t("dash.area")}},
             r.area.empty() ? kDash : areaName(ctx, r.area));
        h.el("td", {{"data-label", ctx.t("dash.ratings")}, {"class", "num"}},
             groupedNumber(ctx, r.count));
        const double average = static_cast<double>(r.rating_sum) / static_cast<double>(r.count);
        h.el("td", {{"data-label", ctx.t("dash.rating_average")}, {"class", "num"}},
             decimalText(ctx, average, 1) + " / 5");
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
    h.close("section");
}

std::string topicName(const PageContext& ctx, const std::string& key) {
    if (ctx.topics)
        for (const MaterialTopic& t : *ctx.topics)
            if (t.key == key) return t.title.in(ctx.lang);
    return key;
}

std::string methodName(const PageContext& ctx, const std::string& method) {
    const std::string key = "session.method." + method;
    return ctx.hasText(key) ? ctx.t(key) : method;
}

// "52,0% -> 81,5% (+29,5)": the share of the quiz answered right before and after.
void gainCells(Html& h, const PageContext& ctx, const QuizGain& g) {
    h.el("td", {{"data-label", ctx.t("dash.quiz_pairs")}, {"class", "num"}},
         groupedNumber(ctx, g.pairs));
    if (g.pre_max <= 0 || g.post_max <= 0) {
        h.el("td", kDash).el("td", kDash).el("td", kDash);
        return;
    }
    const double pre = static_cast<double>(g.pre_score) / static_cast<double>(g.pre_max);
    const double post = static_cast<double>(g.post_score) / static_cast<double>(g.post_max);
    h.el("td", {{"data-label", ctx.t("dash.quiz_pre")}, {"class", "num"}}, percentText(ctx, pre));
    h.el("td", {{"data-label", ctx.t("dash.quiz_post")}, {"class", "num"}}, percentText(ctx, post));
    h.el("td", {{"data-label", ctx.t("dash.quiz_gain")}, {"class", "num"}},
         (post >= pre ? "+" : "") + decimalText(ctx, (post - pre) * 100, 1));  // points
}

void socializationSection(Html& h, const PageContext& ctx, const Dashboard& d) {
    h.open("section", {{"id", "socialization"}});
    h.el("h2", ctx.t("dash.socialization"));
    if (d.sessions.empty()) {
        h.el("p", {{"class", "empty"}}, ctx.t("dash.no_sessions"));
        h.close("section");
        return;
    }
    h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list figures"}});
    h.open("thead").open("tr");
    for (const char* key : {"dash.area", "dash.method", "dash.sessions", "dash.attendance",
                            "dash.households_reached", "dash.leads", "dash.leads_registered"})
        h.el("th", {{"scope", "col"}}, ctx.t(key));
    h.close("tr").close("thead").open("tbody");
    for (const SessionCount& c : d.sessions) {
        h.open("tr");
        h.el("td", {{"data-label", ctx.t("dash.area")}}, areaName(ctx, c.area));
        h.el("td", {{"data-label", ctx.t("dash.method")}}, methodName(ctx, c.method));
        h.el("td", {{"data-label", ctx.t("dash.sessions")}, {"class", "num"}},
             groupedNumber(ctx, c.sessions));
        h.el("td", {{"data-label", ctx.t("dash.attendance")}, {"class", "num"}},
             groupedNumber(ctx, c.attendance));
        h.el("td", {{"data-label", ctx.t("dash.households_reached")}, {"class", "num"}},
             groupedNumber(ctx, c.households));
        h.el("td", {{"data-label", ctx.t("dash.leads")}, {"class", "num"}},
             groupedNumber(ctx, c.leads));
        h.el("td", {{"data-label", ctx.t("dash.leads_registered")}, {"class", "num"}},
             groupedNumber(ctx, c.leads_registered));
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");

    h.el("h3", ctx.t("dash.quiz_by_topic"));
    h.el("p", {{"class", "hint"}}, ctx.t("dash.quiz_hint"));
    if (d.gain_by_topic.empty()) {
        h.el("p", {{"class", "empty"}}, ctx.t("dash.no_quiz"));
    } else {
        h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list figures"}});
        h.open("thead").open("tr");
        for (const char* key :
             {"dash.topic", "dash.quiz_pairs", "dash.quiz_pre", "dash.quiz_post", "dash.quiz_gain"})
            h.el("th", {{"scope", "col"}}, ctx.t(key));
        h.close("tr").close("thead").open("tbody");
        for (const QuizGain& g : d.gain_by_topic) {
            h.open("tr");
            h.el("td", {{"data-label", ctx.t("dash.topic")}}, topicName(ctx, g.key));
            gainCells(h, ctx, g);
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
        h.el("h3", ctx.t("dash.quiz_by_session"));
        h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list figures"}});
        h.open("thead").open("tr");
        for (const char* key : {"dash.session_day", "queue.village", "dash.method", "dash.topic",
                                "dash.quiz_pairs", "dash.quiz_pre", "dash.quiz_post",
                                "dash.quiz_gain"})
            h.el("th", {{"scope", "col"}}, ctx.t(key));
        h.close("tr").close("thead").open("tbody");
        for (const QuizGain& g : d.gain_by_session) {
            h.open("tr");
            h.el("td", {{"data-label", ctx.t("dash.session_day")}}, g.started_at.substr(0, 10));
            h.el("td", {{"data-label", ctx.t("queue.village")}}, areaName(ctx, g.village_code));
            h.el("td", {{"data-label", ctx.t("dash.method")}}, methodName(ctx, g.method));
            h.el("td", {{"data-label", ctx.t("dash.topic")}}, topicName(ctx, g.topic));
            gainCells(h, ctx, g);
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
    }
    h.close("section");
}

// Pregnant women and infants under one per pekon, with those not yet covered; the queue opens
// with them first.
void mothersSection(Html& h, const PageContext& ctx, const Dashboard& d) {
    h.open("section", {{"id", "mothers"}});
    h.el("h2", ctx.t("dash.mothers"));
    h.el("p", {{"class", "hint"}}, ctx.t("dash.mothers_hint"));
    if (d.mothers_infants.empty()) {
        h.el("p", {{"class", "empty"}}, ctx.t("dash.no_mothers"));
        h.close("section");
        return;
    }
    MotherInfantCount total;
    h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list figures"}});
    h.open("thead").open("tr");
    const char* keys[] = {"dash.pekon", "dash.pregnant", "dash.pregnant_uncovered",
                          "dash.infants", "dash.infants_uncovered"};
    for (const char* key : keys) h.el("th", {{"scope", "col"}}, ctx.t(key));
    h.close("tr").close("thead").open("tbody");
    auto row = [&](const std::string& name, const MotherInfantCount& m, bool strong) {
        h.open("tr", {{strong ? "class" : "", "total"}});
        h.el("th", {{"scope", "row"}, {"data-label", ctx.t(keys[0])}}, name);
        const std::int64_t values[] = {m.pregnant, m.pregnant_uncovered, m.infants,
                                       m.infants_uncovered};
        for (size_t i = 0; i < std::size(values); ++i)
            h.el("td", {{"data-label", ctx.t(keys[i + 1])}, {"class", "num"}},
                 groupedNumber(ctx, values[i]));
        h.close("tr");
    };
    for (const MotherInfantCount& m : d.mothers_infants) {
        row(villageName(ctx, m.village_code), m, false);
        total.pregnant += m.pregnant;
        total.pregnant_uncovered += m.pregnant_uncovered;
        total.infants += m.infants;
        total.infants_uncovered += m.infants_uncovered;
    }
    row(ctx.t("dash.mothers_total"), total, true);
    h.close("tbody").close("table").close("div");
    h.open("p", {{"class", "no-print"}})
        .el("a", {{"href", "/office/queue?first=mothers"}}, ctx.t("dash.mothers_queue_link"))
        .close("p");
    h.close("section");
}

void complaintsSection(Html& h, const PageContext& ctx, const Dashboard& d,
                       const DashboardFilter& f) {
    h.open("section", {{"id", "complaints"}});
    h.el("h2", ctx.t("dash.complaints"));
    h.el("p", {{"class", "hint"}}, ctx.t("dash.complaints_hint"));
    const TicketCounts& c = d.tickets;
    summaryList(h, ctx,
                {{"ticket.state.open", c.open},
                 {"ticket.state.in_progress", c.in_progress},
                 {"ticket.state.answered", c.answered},
                 {"ticket.state.closed", c.closed},
                 {"ticket.count_response_overdue", c.response_overdue},
                 {"ticket.count_resolution_overdue", c.resolution_overdue}});
    std::string inbox = "/office/complaints?overdue=1";
    if (!f.kecamatan.empty()) inbox += "&kec=" + f.kecamatan;
    if (c.response_overdue + c.resolution_overdue > 0)
        h.open("p", {{"class", "no-print"}})
            .el("a", {{"href", inbox}}, ctx.t("dash.complaints_overdue_link"))
            .close("p");
    h.close("section");
}

}  // namespace

WebResponse dashboardPage(PageContext& ctx) {
    const auto filter = dashboardFilterOf(ctx.query, ctx.regions);
    if (!filter) return errorPage(ctx, 400, "error.bad_request");
    auto data = loadDashboard(ctx, *filter);
    if (!data) return errorPage(ctx, 503, "error.storage");
    Html h;
    const bool report = ctx.query.value("report") == "1";
    const std::string area = filter->kecamatan.empty() ? areaName(ctx, regencyCode(ctx))
                                                       : areaName(ctx, filter->kecamatan);
    const std::string period =
        filter->from_day.empty() && filter->to_day.empty()
            ? ctx.t("dash.period_all")
            : ctx.t("dash.period", {{"from", filter->from_day.empty() ? kDash : filter->from_day},
                                    {"to", filter->to_day.empty() ? kDash : filter->to_day}});
    h.open("div", {{"class", report ? "report-head" : "report-head no-screen"}});
    h.el("p", {{"class", "report-title"}},
         ctx.t("dash.report_title", {{"area", area}, {"period", period}}));
    h.el("p", {{"class", "hint"}}, ctx.t("dash.report_made", {{"time", formatTime(ctx.now)}}));
    if (report) h.el("p", {{"class", "hint no-print"}}, ctx.t("dash.report_print"));
    h.close("div");
    filterForm(h, ctx, *filter);
    if (!filter->kecamatan.empty()) {
        DashboardFilter up = *filter;
        up.kecamatan.clear();
        const std::string q = queryOfDashboard(up);
        h.el("a", {{"href", q.empty() ? std::string("/office/dashboard") : "/office/dashboard?" + q},
                   {"class", "back no-print"}},
             ctx.t("dash.back_to_regency"));
    }
    coverageSection(h, ctx, *data, *filter);
    pipelineSection(h, ctx, *data, *filter);
    workSection(h, ctx, *data, *filter);
    socializationSection(h, ctx, *data);
    mothersSection(h, ctx, *data);
    satisfactionSection(h, ctx, *data);
    complaintsSection(h, ctx, *data, *filter);
    return page(ctx, ctx.t("dash.title") + " \xE2\x80\x94 " + area, h.str());
}

}  // namespace pekon::hub::web
