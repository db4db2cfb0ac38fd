// The office dashboard's reads (dashboard.hpp): every figure is an aggregate the database
// computes over office_members (and decisions, office_feedback), grouped small enough to come
// back whole; the arithmetic on them is dashboard_figures'.
#include <algorithm>
#include <tuple>

#include "hub/dashboard.hpp"

namespace pekon::hub {

namespace {

// Each read comes twice: over the regency (grouped by kecamatan) and over one kecamatan
// (grouped by pekon, the kecamatan's code the first parameter). The period is on the
// registration's receipt day.
#define PEKON_PERIOD " received_day >= ? AND received_day <= ?"
struct AreaSql {
    HubSql all;
    HubSql kecamatan;
};

constexpr AreaSql kCounts{
    {"dash_counts_all",
     "SELECT kecamatan_code, state, COUNT(*) FROM office_members WHERE" PEKON_PERIOD
     " GROUP BY kecamatan_code, state",
     3},
    {"dash_counts_kec",
     "SELECT village_code, state, COUNT(*) FROM office_members WHERE kecamatan_code = ? AND"
     PEKON_PERIOD " GROUP BY village_code, state",
     3}};

#define PEKON_DAYS_TO(column)                                                              \
    "SELECT CASE WHEN " column " > received_at THEN (" column " - received_at) / 86400 ELSE " \
    "0 END AS d, COUNT(*) FROM office_members WHERE "
#define PEKON_DAYS_TAIL(column) " AND " column " > 0 GROUP BY d"
#define PEKON_DAYS_SQL(name, column)                                                          \
    AreaSql {                                                                                 \
        {name "_all", PEKON_DAYS_TO(column) PEKON_PERIOD PEKON_DAYS_TAIL(column), 2},         \
            {name "_kec",                                                                     \
             PEKON_DAYS_TO(column) "kecamatan_code = ? AND" PEKON_PERIOD PEKON_DAYS_TAIL(column), \
             2},                                                                              \
    }
constexpr AreaSql kToVerified = PEKON_DAYS_SQL("dash_to_verified", "verified_at");
constexpr AreaSql kToPaid = PEKON_DAYS_SQL("dash_to_paid", "paid_at");
constexpr AreaSql kToCard = PEKON_DAYS_SQL("dash_to_card", "card_at");

#define PEKON_PROMISE                                                                        \
    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN card_at - paid_at <= 1209600 THEN 1 ELSE 0 END), " \
    "0) FROM office_members WHERE "
constexpr AreaSql kPromise{
    {"dash_promise_all", PEKON_PROMISE PEKON_PERIOD " AND paid_at > 0 AND card_at >= paid_at", 2},
    {"dash_promise_kec",
     PEKON_PROMISE "kecamatan_code = ? AND" PEKON_PERIOD " AND paid_at > 0 AND card_at >= paid_at",
     2}};

constexpr AreaSql kStuckCount{
    {"dash_stuck_count_all",
     "SELECT COUNT(*) FROM office_members WHERE state {in ?} AND state_at < ? AND" PEKON_PERIOD,
     1},
    {"dash_stuck_count_kec",
     "SELECT COUNT(*) FROM office_members WHERE state {in ?} AND state_at < ? AND "
     "kecamatan_code = ? AND" PEKON_PERIOD,
     1}};
constexpr AreaSql kStuckList{
    {"dash_stuck_all",
     "SELECT member_id, state, state_at, village_code FROM office_members WHERE state {in ?} "
     "AND state_at < ? AND" PEKON_PERIOD " ORDER BY state_at, member_id LIMIT 50",
     4},
    {"dash_stuck_kec",
     "SELECT member_id, state, state_at, village_code FROM office_members WHERE state {in ?} "
     "AND state_at < ? AND kecamatan_code = ? AND" PEKON_PERIOD
     " ORDER BY state_at, member_id LIMIT 50",
     4}};
static_assert(kStuckListed == 50);

#define PEKON_WEEK "(received_at + 259200) / 604800"
// The weeks' days bound the scan of office_members_figures; the times are expressions
// (`+ 0`), so that no index on the time is taken instead (the device's index would fetch
// every row of the weeks).
#define PEKON_WEEKS                                                                       \
    " received_day >= ? AND received_day <= ? AND received_at + 0 >= ? AND received_at + 0 < ? AND"
constexpr AreaSql kWeeklyByArea{
    {"dash_weekly_area_all",
     "SELECT kecamatan_code, " PEKON_WEEK " AS w, COUNT(*) FROM office_members WHERE"
     PEKON_WEEKS PEKON_PERIOD " GROUP BY kecamatan_code, w",
     3},
    {"dash_weekly_area_kec",
     "SELECT village_code, " PEKON_WEEK " AS w, COUNT(*) FROM office_members WHERE"
     PEKON_WEEKS " kecamatan_code = ? AND" PEKON_PERIOD " GROUP BY village_code, w",
     3}};
constexpr AreaSql kWeeklyByDevice{
    {"dash_weekly_device_all",
     "SELECT device_id, " PEKON_WEEK " AS w, COUNT(*) FROM office_members WHERE" PEKON_WEEKS
     PEKON_PERIOD " GROUP BY device_id, w",
     3},
    {"dash_weekly_device_kec",
     "SELECT device_id, " PEKON_WEEK " AS w, COUNT(*) FROM office_members WHERE" PEKON_WEEKS
     " kecamatan_code = ? AND" PEKON_PERIOD " GROUP BY device_id, w",
     3}};

// From the decisions to their members (CROSS JOIN keeps SQLite's planner to that order:
// the other way round it read every member, a second of a million, with no decision at all).
#define PEKON_RETURN                                                                        \
    "SELECT CASE WHEN m.corrected_at > d.decided_at THEN (m.corrected_at - d.decided_at) / " \
    "86400 ELSE -1 END AS w, COUNT(*) FROM decisions d CROSS JOIN office_members m WHERE "   \
    "m.member_id = d.member_id AND d.decision = 'needs_correction' AND "
constexpr AreaSql kCorrections{
    {"dash_corrections_all",
     PEKON_RETURN "m.received_day >= ? AND m.received_day <= ? GROUP BY w", 2},
    {"dash_corrections_kec",
     PEKON_RETURN "m.kecamatan_code = ? AND m.received_day >= ? AND m.received_day <= ? "
                  "GROUP BY w",
     2}};

// The kiosks' ratings by the device's own day; a kecamatan's are its kiosks' (their area the
// kecamatan or a pekon in it).
#define PEKON_RATINGS                                                                        \
    "SELECT f.category, COALESCE(d.kiosk_area, ''), substr(f.event_at, 1, 7) AS month, "     \
    "COUNT(*), SUM(f.rating) FROM office_feedback f LEFT JOIN devices d ON d.id = f.device_id " \
    "WHERE substr(f.event_at, 1, 10) >= ? AND substr(f.event_at, 1, 10) <= ? "
constexpr AreaSql kRatings{
    {"dash_ratings_all", PEKON_RATINGS "GROUP BY f.category, d.kiosk_area, month", 5},
    {"dash_ratings_kec",
     PEKON_RATINGS "AND (d.kiosk_area = ? OR d.kiosk_area LIKE ?) GROUP BY f.category, "
                   "d.kiosk_area, month",
     5}};

// Socialization, by the session's own day (its started_at) and its village.
#define PEKON_SESSION_PERIOD " substr(s.started_at, 1, 10) >= ? AND substr(s.started_at, 1, 10) <= ?"
#define PEKON_SESSIONS(area)                                                                  \
    "SELECT " area ", s.method, COUNT(DISTINCT s.session_id), COUNT(a.attendee_id), "         \
    "COUNT(DISTINCT NULLIF(a.household_id, '')) FROM office_sessions s LEFT JOIN "            \
    "office_attendance a ON a.session_id = s.session_id WHERE "
constexpr AreaSql kSessions{
    {"dash_sessions_all",
     PEKON_SESSIONS("substr(s.village_code, 1, 8)") PEKON_SESSION_PERIOD
     " GROUP BY substr(s.village_code, 1, 8), s.method",
     5},
    {"dash_sessions_kec",
     PEKON_SESSIONS("s.village_code") "s.village_code LIKE ? AND" PEKON_SESSION_PERIOD
     " GROUP BY s.village_code, s.method",
     5}};
#define PEKON_LEADS(area)                                                                     \
    "SELECT " area ", s.method, COUNT(*), COUNT(NULLIF(l.household_id, '')) FROM office_leads " \
    "l JOIN office_sessions s ON s.session_id = l.session_id WHERE "
constexpr AreaSql kLeads{
    {"dash_leads_all",
     PEKON_LEADS("substr(s.village_code, 1, 8)") PEKON_SESSION_PERIOD
     " GROUP BY substr(s.village_code, 1, 8), s.method",
     4},
    {"dash_leads_kec",
     PEKON_LEADS("s.village_code") "s.village_code LIKE ? AND" PEKON_SESSION_PERIOD
     " GROUP BY s.village_code, s.method",
     4}};
// The attendees who answered a quiz before and after, paired.
#define PEKON_PAIRS(key)                                                                      \
    "SELECT " key ", COUNT(*), SUM(pre.score), SUM(pre.max_score), SUM(post.score), "        \
    "SUM(post.max_score) FROM office_quiz pre JOIN office_quiz post ON post.session_id = "   \
    "pre.session_id AND post.attendee_id = pre.attendee_id AND post.quiz = pre.quiz AND "    \
    "post.phase = 'post' JOIN office_sessions s ON s.session_id = pre.session_id WHERE "     \
    "pre.phase = 'pre' AND "
constexpr AreaSql kGainByTopic{
    {"dash_gain_topic_all", PEKON_PAIRS("s.topic") PEKON_SESSION_PERIOD " GROUP BY s.topic", 6},
    {"dash_gain_topic_kec",
     PEKON_PAIRS("s.topic") "s.village_code LIKE ? AND" PEKON_SESSION_PERIOD " GROUP BY s.topic",
     6}};
#define PEKON_SESSION_KEY "s.session_id, s.topic, s.village_code, s.started_at, s.method"
constexpr AreaSql kGainBySession{
    {"dash_gain_session_all",
     PEKON_PAIRS(PEKON_SESSION_KEY) PEKON_SESSION_PERIOD " GROUP BY " PEKON_SESSION_KEY
     " ORDER BY s.started_at DESC, s.session_id LIMIT 20",
     10},
    {"dash_gain_session_kec",
     PEKON_PAIRS(PEKON_SESSION_KEY) "s.village_code LIKE ? AND" PEKON_SESSION_PERIOD
     " GROUP BY " PEKON_SESSION_KEY " ORDER BY s.started_at DESC, s.session_id LIMIT 20",
     10}};
static_assert(kSessionsListed == 20);

// Mothers and newborns (queue_rank 0 holds every one: hub/queue_priority), by pekon, state and
// whether still pregnant (the expected month >= this month) or still an infant (born after
// the same day a year ago) today. Parameters: this month, that day, [kecamatan], the period.
#define PEKON_MOTHERS                                                                       \
    "SELECT village_code, state, CASE WHEN pregnancy_due >= ? THEN 1 ELSE 0 END AS p, CASE " \
    "WHEN birth_date > ? THEN 1 ELSE 0 END AS b, COUNT(*) FROM office_members WHERE "        \
    "queue_rank = 0 AND "
constexpr AreaSql kMothers{
    {"dash_mothers_all", PEKON_MOTHERS PEKON_PERIOD " GROUP BY village_code, state, p, b", 5},
    {"dash_mothers_kec",
     PEKON_MOTHERS "kecamatan_code = ? AND" PEKON_PERIOD " GROUP BY village_code, state, p, b",
     5}};

constexpr HubSql kPopulation{"dash_population", "SELECT code, population FROM area_population", 2};
constexpr BulkColumn kPopulationColumns[] = {
    {"code", "text"}, {"population", "bigint"}, {"updated_at", "bigint"}};
constexpr BulkInsert kUpsertPopulation{
    "dash_upsert_population", "area_population", kPopulationColumns,
    "ON CONFLICT (code) DO UPDATE SET population = excluded.population, "
    "updated_at = excluded.updated_at"};

struct Scope {
    bool kecamatan = false;
    std::string code;
    std::string from, to;

    const HubSql& pick(const AreaSql& sql) const { return kecamatan ? sql.kecamatan : sql.all; }
    // The area's parameter (with a kecamatan), then the period's.
    std::vector<SqlParam> params(std::vector<SqlParam> before = {}) const {
        if (kecamatan) before.emplace_back(code);
        before.emplace_back(from);
        before.emplace_back(to);
        return before;
    }
};

Status readHistogram(HubTx& tx, const Scope& scope, const AreaSql& sql, DayHistogram& out,
                     std::string_view doing) {
    auto rows = tx.run(scope.pick(sql), scope.params(), doing);
    if (!rows) return rows.error();
    for (int i = 0; i < rows->count(); ++i) out[rows->integer(i, 0)] += rows->integer(i, 1);
    return {};
}

std::vector<std::string> stuckStates() {
    std::vector<std::string> out;
    for (OfficeState s : kAllOfficeStates)
        if (canBeStuck(s)) out.emplace_back(officeStateCode(s));
    return out;
}

// The sessions' reads take the kecamatan as a prefix of the village ("18.06.01.%").
std::vector<SqlParam> sessionParams(const Scope& scope) {
    std::vector<SqlParam> out;
    if (scope.kecamatan) out.emplace_back(scope.code + ".%");
    out.emplace_back(scope.from);
    out.emplace_back(scope.to);
    return out;
}

QuizGain gainAt(const RowSet& rows, int i, int first) {
    QuizGain g;
    g.pairs = rows.integer(i, first);
    g.pre_score = rows.integer(i, first + 1);
    g.pre_max = rows.integer(i, first + 2);
    g.post_score = rows.integer(i, first + 3);
    g.post_max = rows.integer(i, first + 4);
    return g;
}

Status readSocialization(HubTx& tx, const Scope& scope, Dashboard& out) {
    const std::vector<SqlParam> params = sessionParams(scope);
    auto sessions = tx.run(scope.pick(kSessions), params, "count the sessions");
    if (!sessions) return sessions.error();
    for (int i = 0; i < sessions->count(); ++i)
        out.sessions.push_back({sessions->text(i, 0), sessions->text(i, 1),
                                sessions->integer(i, 2), sessions->integer(i, 3),
                                sessions->integer(i, 4)});
    auto leads = tx.run(scope.pick(kLeads), params, "count the leads");
    if (!leads) return leads.error();
    for (int i = 0; i < leads->count(); ++i) {
        const std::string area = leads->text(i, 0), method = leads->text(i, 1);
        auto it = std::find_if(out.sessions.begin(), out.sessions.end(),
                               [&](const SessionCount& c) {
                                   return c.area == area && c.method == method;
                               });
        if (it == out.sessions.end()) continue;  // a lead's session is always counted above
        it->leads = leads->integer(i, 2);
        it->leads_registered = leads->integer(i, 3);
    }
    std::sort(out.sessions.begin(), out.sessions.end(),
              [](const SessionCount& a, const SessionCount& b) {
                  return std::tie(a.area, a.method) < std::tie(b.area, b.method);
              });
    auto topics = tx.run(scope.pick(kGainByTopic), params, "the quiz gain by topic");
    if (!topics) return topics.error();
    for (int i = 0; i < topics->count(); ++i) {
        QuizGain g = gainAt(*topics, i, 1);
        g.key = topics->text(i, 0);
        out.gain_by_topic.push_back(std::move(g));
    }
    std::sort(out.gain_by_topic.begin(), out.gain_by_topic.end(),
              [](const QuizGain& a, const QuizGain& b) { return a.key < b.key; });
    auto latest = tx.run(scope.pick(kGainBySession), params, "the quiz gain by session");
    if (!latest) return latest.error();
    for (int i = 0; i < latest->count(); ++i) {
        QuizGain g = gainAt(*latest, i, 5);
        g.key = latest->text(i, 0);
        g.topic = latest->text(i, 1);
        g.village_code = latest->text(i, 2);
        g.started_at = latest->text(i, 3);
        g.method = latest->text(i, 4);
        out.gain_by_session.push_back(std::move(g));
    }
    return {};
}

Status readMothersInfants(HubTx& tx, const Scope& scope, UnixSeconds now, Dashboard& out) {
    const Date today = officeDay(now);  // the office's day (WIB)
    const std::string month = formatIsoDate(today).substr(0, 7);
    const std::string year_ago = formatIsoDate(Date{today.year - 1, today.month, today.day});
    auto rows = tx.run(scope.pick(kMothers), scope.params({SqlParam{month}, SqlParam{year_ago}}),
                       "count mothers and infants");
    if (!rows) return rows.error();
    std::map<std::string, MotherInfantCount> by_village;
    for (int i = 0; i < rows->count(); ++i) {
        const auto state = parseOfficeState(rows->text(i, 1));
        const bool pregnant = rows->integer(i, 2) == 1, infant = rows->integer(i, 3) == 1;
        if (!state || *state == OfficeState::rejected || (!pregnant && !infant)) continue;
        MotherInfantCount& c = by_village[rows->text(i, 0)];
        c.village_code = rows->text(i, 0);
        const std::int64_t n = rows->integer(i, 4);
        const bool uncovered = isUncovered(*state);
        if (pregnant) {
            c.pregnant += n;
            if (uncovered) c.pregnant_uncovered += n;
        }
        if (infant) {
            c.infants += n;
            if (uncovered) c.infants_uncovered += n;
        }
    }
    for (auto& [code, c] : by_village) out.mothers_infants.push_back(std::move(c));
    return {};
}

Result<Dashboard> read(HubTx& tx, const DashboardFilter& filter, UnixSeconds now,
                       const std::string& regency_code,
                       std::optional<std::int64_t> regency_population) {
    Scope scope;
    scope.kecamatan = !filter.kecamatan.empty();
    scope.code = filter.kecamatan;
    scope.from = filter.from_day.empty() ? "0000-01-01" : filter.from_day;
    scope.to = filter.to_day.empty() ? "9999-12-31" : filter.to_day;
    Dashboard out;

    auto population = tx.run(kPopulation, {}, "read the population");
    if (!population) return population.error();
    std::map<std::string, std::int64_t> people;
    for (int i = 0; i < population->count(); ++i)
        people[population->text(i, 0)] = population->integer(i, 1);
    auto peopleOf = [&](const std::string& code) -> std::optional<std::int64_t> {
        auto it = people.find(code);
        if (it == people.end()) return std::nullopt;
        return it->second;
    };

    auto counts = tx.run(scope.pick(kCounts), scope.params(), "count members by area");
    if (!counts) return counts.error();
    std::map<std::string, AreaCounts> areas;
    out.total.code = scope.kecamatan ? scope.code : regency_code;
    out.total.population = scope.kecamatan ? peopleOf(scope.code) : regency_population;
    for (int i = 0; i < counts->count(); ++i) {
        const auto state = parseOfficeState(counts->text(i, 1));
        if (!state) continue;  // not a state this hub writes
        AreaCounts& a = areas[counts->text(i, 0)];
        a.code = counts->text(i, 0);
        a.counts[static_cast<size_t>(*state)] += counts->integer(i, 2);
        out.total.counts[static_cast<size_t>(*state)] += counts->integer(i, 2);
    }
    for (auto& [code, a] : areas) {
        a.population = peopleOf(code);
        out.areas.push_back(std::move(a));
    }

    if (auto s = readHistogram(tx, scope, kToVerified, out.to_verified, "time to verification");
        !s)
        return s.error();
    if (auto s = readHistogram(tx, scope, kToPaid, out.to_paid, "time to payment"); !s)
        return s.error();
    if (auto s = readHistogram(tx, scope, kToCard, out.to_card, "time to card"); !s)
        return s.error();
    auto promise = tx.run(scope.pick(kPromise), scope.params(), "count cards after payment");
    if (!promise) return promise.error();
    out.cards_after_payment = promise->integer(0, 0);
    out.cards_within_14 = promise->integer(0, 1);

    const std::int64_t stuck_before = now - static_cast<std::int64_t>(filter.stuck_days) * 86400;
    const std::vector<SqlParam> stuck_params =
        scope.params({SqlParam{stuckStates()}, SqlParam{stuck_before}});
    auto stuck_count = tx.run(scope.pick(kStuckCount), stuck_params, "count stuck members");
    if (!stuck_count) return stuck_count.error();
    out.stuck_count = stuck_count->integer(0, 0);
    auto stuck = tx.run(scope.pick(kStuckList), stuck_params, "list stuck members");
    if (!stuck) return stuck.error();
    for (int i = 0; i < stuck->count(); ++i) {
        const auto state = parseOfficeState(stuck->text(i, 1));
        if (!state) continue;
        out.stuck.push_back({stuck->text(i, 0), *state, stuck->integer(i, 2), stuck->text(i, 3)});
    }

    // The weeks shown: kWeeksShown ending with the period's last day (today when open-ended).
    std::int64_t end = now;
    if (auto to = parseIsoDate(filter.to_day); to && toDays(*to) * 86400 + 86399 < now)
        end = toDays(*to) * 86400 + 86399;
    out.last_week = weekOf(end);
    out.first_week = out.last_week - (kWeeksShown - 1);
    const UnixSeconds weeks_from = weekStart(out.first_week), weeks_to = weekStart(out.last_week + 1);
    const std::vector<SqlParam> week_params =
        scope.params({SqlParam{formatIsoDate(dateOf(weeks_from))},
                      SqlParam{formatIsoDate(dateOf(weeks_to))}, SqlParam{weeks_from},
                      SqlParam{weeks_to}});
    for (auto [sql, list] : {std::pair{&kWeeklyByArea, &out.weekly_by_area},
                             std::pair{&kWeeklyByDevice, &out.weekly_by_device}}) {
        auto rows = tx.run(scope.pick(*sql), week_params, "count registrations by week");
        if (!rows) return rows.error();
        for (int i = 0; i < rows->count(); ++i)
            list->push_back({rows->integer(i, 1), rows->text(i, 0), rows->integer(i, 2)});
        std::sort(list->begin(), list->end(), [](const WeekCount& a, const WeekCount& b) {
            return std::tie(a.key, a.week) < std::tie(b.key, b.week);
        });
    }

    auto corrections = tx.run(scope.pick(kCorrections), scope.params(), "time corrections");
    if (!corrections) return corrections.error();
    for (int i = 0; i < corrections->count(); ++i) {
        out.corrections_asked += corrections->integer(i, 1);
        if (corrections->integer(i, 0) >= 0)
            out.correction_return[corrections->integer(i, 0)] += corrections->integer(i, 1);
    }

    std::vector<SqlParam> rating_params{SqlParam{scope.from}, SqlParam{scope.to}};
    if (scope.kecamatan) {
        rating_params.emplace_back(scope.code);
        rating_params.emplace_back(scope.code + ".%");
    }
    auto ratings = tx.run(scope.pick(kRatings), rating_params, "count the kiosks' ratings");
    if (!ratings) return ratings.error();
    for (int i = 0; i < ratings->count(); ++i)
        out.ratings.push_back({ratings->text(i, 0), ratings->text(i, 1), ratings->text(i, 2),
                               ratings->integer(i, 3), ratings->integer(i, 4)});
    std::sort(out.ratings.begin(), out.ratings.end(), [](const RatingCount& a, const RatingCount& b) {
        return std::tie(a.month, a.category, a.area) < std::tie(b.month, b.category, b.area);
    });
    if (auto s = readSocialization(tx, scope, out); !s) return s.error();
    if (auto s = readMothersInfants(tx, scope, now, out); !s) return s.error();
    return out;
}

}  // namespace

bool isUncovered(OfficeState state) {
    switch (state) {
        case OfficeState::fresh:
        case OfficeState::corrected:
        case OfficeState::needs_correction:
        case OfficeState::verified:
        case OfficeState::payment_pending:
            return true;
        case OfficeState::rejected:
        case OfficeState::paid:
        case OfficeState::card_issued:
        case OfficeState::card_delivered:
            return false;
    }
    return false;
}

bool canBeStuck(OfficeState state) {
    // Waiting on the office, the volunteer or the payment, or (paid) on the card.
    return isUncovered(state) || state == OfficeState::paid;
}

Result<Dashboard> readDashboard(HubDb& db, const DashboardFilter& filter, UnixSeconds now,
                                const std::string& regency_code,
                                std::optional<std::int64_t> regency_population) {
    return inTx<Dashboard>(db, TxMode::read, [&](HubTx& tx) {
        return read(tx, filter, now, regency_code, regency_population);
    });
}

Status importPopulation(HubDb& db, const std::vector<PopulationRow>& rows, UnixSeconds now) {
    if (rows.empty()) return {};
    return db.transaction(TxMode::write, [&](HubTx& tx) -> Status {
        BulkRows cells(std::size(kPopulationColumns));
        for (const PopulationRow& r : rows) cells.text(r.code).integer(r.population).integer(now);
        auto done = tx.insert(kUpsertPopulation, cells, "keep the population");
        if (!done) return done.error();
        return {};
    });
}

Result<std::map<std::string, std::int64_t>> areaPopulation(HubDb& db) {
    return inTx<std::map<std::string, std::int64_t>>(
        db, TxMode::autocommit, [](HubTx& tx) -> Result<std::map<std::string, std::int64_t>> {
            auto rows = tx.run(kPopulation, {}, "read the population");
            if (!rows) return rows.error();
            std::map<std::string, std::int64_t> out;
            for (int i = 0; i < rows->count(); ++i) out[rows->text(i, 0)] = rows->integer(i, 1);
            return out;
        });
}

}  // namespace pekon::hub
