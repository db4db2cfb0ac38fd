// office_bench: the office console's reads and writes over a regency's worth of data (issue 14
// §6), against a plain SELECT of the same rows in the same run.
//   office_bench [--members N] [--pg URL] [--dir DIR] [--samples N] [--no-sqlite]
//                [--dashboard-only] [--tickets T]
// A hub with N members (households of 4) and 5N events is built straight through the hub's
// transaction interface (hub_tx bulk inserts): the events and the registration index as a push
// stores them, and the read models (office_households, office_members, office_history)
// inserted directly in the form the projection keeps them, not by replaying the events. The
// hub is then timed on SQLite and, with --pg (a URL; its database part is replaced by a
// scratch database the bench creates and drops) or PEKON_TEST_POSTGRES, on PostgreSQL:
//   1. the queue's first page (50 rows awaiting a decision), and a filter by pekon (village);
//   2. a person's page (memberView) for random members: median and p95 (target p95 <= 300 ms);
//      the dashboard (readDashboard) over the regency and after a filter change (target p95
//      <= 500 ms, the complaints' counts included as the page reads them), beside a plain
//      count of the members by state; the complaints inbox over T tickets (--tickets, default
//      50,000, in office_feedback and tickets as the push opens them): its first page and the
//      overdue ones of a kecamatan, beside a plain SELECT of the first page
//      (--dashboard-only: stop here);
//   3. a bulk decision of 1,000 members: its commit (the kiosks' rows only queued), then the
//      kiosk queue drained (Argon2id, 2 per person, outside the write transactions);
//   4. the full export of every member (all states) as CSV and as XLSX: rows/s (target
//      1,000,000 rows in < 60 s), and the peak RSS of a fresh process that does only the
//      export, at two sizes (one device's members, all members), beside a fresh process that
//      only opens the hub and reads one page.
// Each beside its reference: the same rows by a plain SELECT through the same connection.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "bench_stats.hpp"
#include "codec/assets.hpp"
#include "codec/json.hpp"
#include "hub/dashboard.hpp"
#include "hub/hub_ops.hpp"
#include "hub/hub_store.hpp"
#include "hub/office_export.hpp"
#include "hub/office_read.hpp"
#include "hub/office_tickets.hpp"
#include "hub/pg_connection.hpp"

using namespace pekon;
using namespace pekon::hub;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

struct Options {
    std::int64_t members = 1'000'000;
    std::string postgres;  // a libpq URL (its database is replaced)
    std::string dir;
    int samples = 200;
    bool sqlite = true;
    bool dashboard_only = false;  // the dashboard's timings, not the rest
    std::int64_t tickets = 50'000;  // complaint tickets
};

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "office_bench: %s\n", what.c_str());
    std::exit(1);
}

template <class T>
T need(Result<T> r, const char* doing) {
    if (!r) die(std::string(doing) + ": " + r.error().message_en);
    return std::move(r.value());
}

void need(const Status& s, const char* doing) {
    if (!s) die(std::string(doing) + ": " + s.error().message_en);
}

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// `url` with its database part replaced by `database` (query parameters kept).
std::string urlWithDatabase(const std::string& url, const std::string& database) {
    const size_t authority = url.find("://");
    if (authority == std::string::npos) die("not a postgresql:// URL: --pg");
    const size_t query = url.find('?', authority + 3);
    const size_t slash = url.find('/', authority + 3);
    const size_t end = slash < query ? slash : query;
    return url.substr(0, std::min(end, url.size())) + "/" + database +
           (query == std::string::npos ? "" : url.substr(query));
}

// A scratch hub database: a SQLite file, or a PostgreSQL database made and dropped here.
class ScratchDb {
  public:
    ScratchDb(const Options& o, bool postgres) : o_(o) {
        if (!postgres) {
            path_ = o.dir + "/office_bench.db";
            for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
            url_ = "sqlite:" + path_;
            return;
        }
        database_ = "pekon_office_bench_" + std::to_string(::getpid());
        admin("CREATE DATABASE " + database_);
        url_ = urlWithDatabase(o.postgres, database_);
    }
    ~ScratchDb() {
        if (!database_.empty()) admin("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
        if (!path_.empty())
            for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
    }
    ScratchDb(const ScratchDb&) = delete;
    ScratchDb& operator=(const ScratchDb&) = delete;
    const std::string& url() const { return url_; }

  private:
    void admin(const std::string& sql) const {
        auto c = pg::Connection::open(urlWithDatabase(o_.postgres, "postgres"));
        if (!c) die(c.error().message_en);
        if (auto r = c->exec(sql.c_str(), "scratch database"); !r) die(r.error().message_en);
    }
    const Options& o_;
    std::string url_, path_, database_;
};

// --- Building the hub ----------------------------------------------------------------------

constexpr UnixSeconds kBase = 1'790'000'000;  // the first registration's receipt (2026-09)
constexpr int kDevices = 40;

constexpr BulkColumn kEventColumns[] = {
    {"id", "text"}, {"device_id", "text"}, {"seq", "bigint"},        {"type", "text"},
    {"at", "text"}, {"content", "text"},   {"content_hash", "text"}, {"received_at", "bigint"}};
constexpr BulkInsert kEvents{"bench_events", "events", kEventColumns, ""};
constexpr BulkColumn kMemberColumns[] = {{"member_id", "text"},
                                         {"household_id", "text"},
                                         {"device_id", "text"},
                                         {"nik", "text"},
                                         {"birth_date", "text"}};
constexpr BulkInsert kMembers{"bench_members", "members", kMemberColumns, ""};
constexpr BulkColumn kHouseholdColumns[] = {{"household_id", "text"},
                                            {"device_id", "text"},
                                            {"kk_number", "text"},
                                            {"village_code", "text"},
                                            {"kecamatan_code", "text"},
                                            {"address", "text"},
                                            {"rt", "text"},
                                            {"rw", "text"},
                                            {"phone", "text"},
                                            {"documents", "text"},
                                            {"consent", "text"},
                                            {"event_at", "text"},
                                            {"received_at", "bigint"}};
constexpr BulkInsert kHouseholds{"bench_households", "office_households", kHouseholdColumns, ""};
constexpr BulkColumn kOfficeMemberColumns[] = {{"member_id", "text"},
                                               {"household_id", "text"},
                                               {"device_id", "text"},
                                               {"nik", "text"},
                                               {"name", "text"},
                                               {"birth_date", "text"},
                                               {"sex", "text"},
                                               {"relation", "text"},
                                               {"segment", "text"},
                                               {"class", "integer"},
                                               {"phone", "text"},
                                               {"occupation", "text"},
                                               {"existing_card", "text"},
                                               {"nik_mismatch_reason", "text"},
                                               {"village_code", "text"},
                                               {"kecamatan_code", "text"},
                                               {"received_day", "text"},
                                               {"received_at", "bigint"},
                                               {"state", "text"},
                                               {"state_at", "bigint"},
                                               {"checks", "text"},
                                               {"check_count", "integer"},
                                               {"corrections", "integer"},
                                               {"corrected_at", "bigint"},
                                               {"findings", "text"},
                                               {"verified_at", "bigint"},
                                               {"paid_at", "bigint"},
                                               {"card_at", "bigint"},
                                               {"pregnancy_due", "text"},
                                               {"queue_rank", "integer"}};
constexpr BulkInsert kOfficeMembers{"bench_office_members", "office_members", kOfficeMemberColumns,
                                    ""};
constexpr BulkColumn kCheckColumns[] = {
    {"member_id", "text"}, {"code", "text"}, {"state", "text"}, {"received_at", "bigint"}};
// A flagged member's findings, as refreshMembers stores them.
constexpr const char* kFinding = R"([{"code":"nik_birth_date","detail":{}}])";
constexpr BulkInsert kChecks{"bench_checks", "office_checks", kCheckColumns, ""};
constexpr BulkColumn kHistoryColumns[] = {
    {"member_id", "text"}, {"at", "bigint"},   {"kind", "text"},  {"what", "text"},
    {"actor", "text"},     {"detail", "text"}, {"source", "text"}};
constexpr BulkInsert kHistory{"bench_history", "office_history", kHistoryColumns, ""};

// What one member is made of (its texts, which the bulk rows borrow).
struct Person {
    std::int64_t j = 0;
    std::string member_id, household_id, device_id, nik, name, birth, day, state, checks;
    UnixSeconds received_at = 0, state_at = 0;
    UnixSeconds verified_at = 0, paid_at = 0, card_at = 0;  // 0: not reached
    int check_count = 0;
    std::string pregnancy_due;  // one spouse in 40 is pregnant
    int queue_rank = 1;         // 0: pregnant, or (one child in 40) a baby under one
};

const char* const kNames[] = {"Budi Santoso",   "Siti Aminah", "Agus Salim",  "Dewi Lestari",
                              "Rahmat Hidayat", "Sri Wahyuni", "Joko Susilo", "Nur Aini"};
const char* const kRelations[] = {"head", "spouse", "child", "child"};
// j % 10; at 7, card_issued for even j / 10, paid for odd.
const char* const kStates[] = {
    "new",     "new", "new", "new", "new", "new", "verified", "card_issued", "needs_correction",
    "rejected"};
constexpr UnixSeconds kSpacing = 12;  // seconds between registrations: 1,000,000 in 139 days

// `prefix` and `n` in at least `width` digits.
std::string pad(std::int64_t n, int width, std::string_view prefix = {}) {
    const std::string digits = std::to_string(n);
    std::string out(prefix);
    out.append(static_cast<size_t>(std::max(0, width - static_cast<int>(digits.size()))), '0');
    return out.append(digits);
}

Person personOf(std::int64_t j, const std::vector<std::string>& devices) {
    Person p;
    const std::int64_t household = j / 4;
    p.member_id = pad(j, 9, "m");
    p.household_id = pad(household, 9, "h");
    p.device_id = devices[static_cast<size_t>(household % kDevices)];
    // Distinct NIKs: a birth date per 10,000 serials.
    const std::int64_t date = j / 10000;
    const int day = static_cast<int>(date % 28) + 1, month = static_cast<int>(date / 28 % 12) + 1,
              year = static_cast<int>(date / 336 % 50) + 50;
    p.birth = pad(year, 2, "19") + pad(month, 2, "-") + pad(day, 2, "-");
    p.nik = pad(day, 2, "180601") + pad(month, 2) + pad(year, 2) + pad(j % 10000, 4);
    p.name = kNames[j % 8];
    p.j = j;
    p.received_at = kBase + j * kSpacing;
    p.day = formatIsoDate(dateOf(p.received_at));
    p.state = kStates[j % 10];
    if (j % 10 == 7 && (j / 10) % 2 == 1) p.state = "paid";
    // The steps' dates (the dashboard's pipeline): verified 1-9 days after the registration,
    // paid 3-13 days after that, the card 6 or (one in three) 20 days after the payment.
    p.state_at = p.received_at;
    if (p.state == "verified" || p.state == "paid" || p.state == "card_issued")
        p.verified_at = p.state_at = p.received_at + (1 + j % 9) * 86400;
    if (p.state == "paid" || p.state == "card_issued")
        p.paid_at = p.state_at = p.verified_at + (3 + j % 11) * 86400;
    if (p.state == "card_issued") p.card_at = p.state_at = p.paid_at + (j % 3 ? 6 : 20) * 86400;
    if (p.state == "needs_correction" || p.state == "rejected") p.state_at += 86400;
    if (j % 7 == 0) {
        p.checks = "nik_birth_date";
        p.check_count = 1;
    }
    // Mothers and newborns, as hub/queue_priority ranks them: due five months after the
    // registration, or born three months before it.
    if (j % 40 == 1) {
        const Date at = dateOf(p.received_at);
        const int month = (at.month + 4) % 12 + 1, year = at.year + (at.month + 5 > 12 ? 1 : 0);
        p.pregnancy_due = pad(year, 4) + pad(month, 2, "-");
        p.queue_rank = 0;
    } else if (j % 40 == 2) {
        p.birth = formatIsoDate(dateOf(p.received_at - 90 * 86400));
        p.queue_rank = 0;
    }
    return p;
}

std::string eventJson(const std::string& id, const std::string& type, const Json& data) {
    return dumpJson(Json{{"id", id},
                         {"seq", 1},
                         {"type", type},
                         {"at", "2026-09-01T08:00:00Z"},
                         {"actor", "u1"},
                         {"data", data}});
}

struct Built {
    std::int64_t members = 0, events = 0;
    double seconds = 0;
};

// N members in households of 4 over the villages, 5N events: per member its
// member.registered, a session.attended and two quiz.answered; per household its
// household.registered and three feedback.submitted.
Built build(HubStore& hub, const Options& o, const std::vector<std::string>& villages,
            std::vector<std::string>& devices) {
    const auto t0 = Clock::now();
    for (int d = 0; d < kDevices; ++d) {
        auto token = need(hub.createToken("bench", kBase, 3600), "token");
        devices.push_back(
            need(hub.enrol(token.token, "tablet " + std::to_string(d), kBase), "enrol").device_id);
    }
    Built built;
    constexpr std::int64_t kChunk = 20'000;  // members a transaction
    for (std::int64_t first = 0; first < o.members; first += kChunk) {
        const std::int64_t last = std::min(o.members, first + kChunk);
        std::vector<Person> people;
        std::deque<std::string> texts;  // what the rows borrow: ids, contents, codes
        BulkRows events(std::size(kEventColumns)), members(std::size(kMemberColumns)),
            households(std::size(kHouseholdColumns)), office(std::size(kOfficeMemberColumns)),
            history(std::size(kHistoryColumns)), checks(std::size(kCheckColumns));
        for (std::int64_t j = first; j < last; ++j) people.push_back(personOf(j, devices));
        auto event = [&](const Person& p, const std::string& id, const std::string& type,
                         const Json& data) {
            const std::string& i = texts.emplace_back(id);
            const std::string& c = texts.emplace_back(eventJson(id, type, data));
            events.text(i)
                .text(p.device_id)
                .integer(1)
                .text(texts.emplace_back(type))
                .text("2026-09-01T08:00:00Z")
                .text(c)
                .text("0")
                .integer(p.received_at);
            ++built.events;
        };
        for (const Person& p : people) {
            const std::int64_t j = p.j;
            const std::string& village = villages[static_cast<size_t>((j / 4) % villages.size())];
            if (j % 4 == 0) {
                const std::string& kk = texts.emplace_back(pad(j / 4, 10, "180601"));
                event(p, "e-h" + p.household_id, "household.registered",
                      {{"household_id", p.household_id},
                       {"kk_number", kk},
                       {"village_code", village},
                       {"address", "Jl. Bench"},
                       {"rt", "001"},
                       {"rw", "002"}});
                for (int f = 0; f < 3; ++f)
                    event(p, "e-f" + p.household_id + std::to_string(f), "feedback.submitted",
                          {{"category", "service"}, {"rating", 4}, {"text", ""}});
                const std::string& kecamatan = texts.emplace_back(village.substr(0, 8));
                households.text(p.household_id)
                    .text(p.device_id)
                    .text(kk)
                    .text(village)
                    .text(kecamatan)
                    .text("Jl. Bench")
                    .text("001")
                    .text("002")
                    .text("081234567890")
                    .text("{}")
                    .text("{}")
                    .text("2026-09-01T08:00:00Z")
                    .integer(p.received_at);
            }
            event(p, "e-" + p.member_id, "member.registered",
                  {{"member_id", p.member_id},
                   {"household_id", p.household_id},
                   {"nik", p.nik},
                   {"name", p.name},
                   {"birth_date", p.birth},
                   {"sex", j % 2 ? "F" : "M"},
                   {"relation", kRelations[j % 4]},
                   {"segment", "PBPU"},
                   {"class", 3}});
            event(p, "e-a" + p.member_id, "session.attended",
                  {{"session_id", pad(j / 40, 8, "s")}, {"attendee", p.nik}});
            for (const char* phase : {"pre", "post"})
                event(p, std::string("e-q") + phase + p.member_id, "quiz.answered",
                      {{"session_id", pad(j / 40, 8, "s")},
                       {"attendee", p.nik},
                       {"quiz", "jkn"},
                       {"phase", phase},
                       {"score", 3},
                       {"max_score", 5}});
            members.text(p.member_id)
                .text(p.household_id)
                .text(p.device_id)
                .text(p.nik)
                .text(p.birth);
            const std::string& kecamatan = texts.emplace_back(village.substr(0, 8));
            office.text(p.member_id)
                .text(p.household_id)
                .text(p.device_id)
                .text(p.nik)
                .text(p.name)
                .text(p.birth)
                .text(j % 2 ? "F" : "M")
                .text(kRelations[j % 4])
                .text("PBPU")
                .integer(3)
                .text("")
                .text("")
                .text("")
                .text("")
                .text(village)
                .text(kecamatan)
                .text(p.day)
                .integer(p.received_at)
                .text(p.state)
                .integer(p.state_at)
                .text(p.checks)
                .integer(p.check_count)
                .integer(0)
                .integer(0)
                .text(p.check_count ? kFinding : "[]")
                .integer(p.verified_at)
                .integer(p.paid_at)
                .integer(p.card_at)
                .text(p.pregnancy_due)
                .integer(p.queue_rank);
            if (p.check_count)
                checks.text(p.member_id).text(p.checks).text(p.state).integer(p.received_at);
            history.text(p.member_id)
                .integer(p.received_at)
                .text("registered")
                .text("member.registered")
                .text(p.device_id)
                .text("{}")
                .text(texts.emplace_back("e-" + p.member_id));
        }
        need(
            hub.db().transaction(
                TxMode::write,
                [&](HubTx& tx) -> Status {
                    for (auto [table, rows] :
                         {std::pair{&kEvents, &events}, std::pair{&kMembers, &members},
                          std::pair{&kHouseholds, &households}, std::pair{&kOfficeMembers, &office},
                          std::pair{&kHistory, &history}, std::pair{&kChecks, &checks}})
                        if (auto r = tx.insert(*table, *rows, "bench rows"); !r) return r.error();
                    return {};
                }),
            "bulk insert");
        built.members = last;
        if (last % 200'000 == 0 || last == o.members)
            std::fprintf(stderr, "  built %lld members, %lld events\n",
                         static_cast<long long>(last), static_cast<long long>(built.events));
    }
    built.seconds = msSince(t0) / 1000;
    return built;
}

// --- Complaint tickets -------------------------------------------------------------------------

constexpr BulkColumn kFeedbackColumns[] = {
    {"event_id", "text"},  {"device_id", "text"},     {"category", "text"},
    {"rating", "integer"}, {"text", "text"},          {"phone", "text"},
    {"event_at", "text"},  {"received_at", "bigint"}, {"complaint", "integer"}};
constexpr BulkInsert kFeedback{"bench_feedback", "office_feedback", kFeedbackColumns, ""};
constexpr BulkColumn kTicketColumns[] = {
    {"event_id", "text"},      {"number", "text"},        {"device_id", "text"},
    {"area", "text"},          {"state", "text"},         {"staff_id", "bigint"},
    {"opened_at", "bigint"},   {"responded_at", "bigint"}, {"answered_at", "bigint"},
    {"closed_at", "bigint"},   {"answer", "text"},        {"updated_at", "bigint"}};
constexpr BulkInsert kTickets{"bench_tickets", "tickets", kTicketColumns, ""};
constexpr const char* kTicketStates[] = {"open", "open", "open", "open", "in_progress",
                                         "in_progress", "answered", "answered", "answered",
                                         "closed"};

// T complaints from a kiosk in each of the first kecamatan, received over 160 days, as the push
// opens their tickets; four in ten still open, two in progress, three answered, one closed.
void buildTickets(HubStore& hub, const Options& o, const std::vector<std::string>& villages) {
    std::vector<std::pair<std::string, std::string>> kiosks;  // device, area
    for (size_t v = 0; v < villages.size() && kiosks.size() < 10; v += villages.size() / 10) {
        const std::string area = villages[v].substr(0, 8);
        auto token = need(hub.createToken("bench", kBase, 3600, area), "kiosk token");
        kiosks.emplace_back(need(hub.enrol(token.token, "kiosk " + area, kBase), "kiosk").device_id,
                            area);
    }
    constexpr std::int64_t kChunk = 10'000;
    for (std::int64_t first = 0; first < o.tickets; first += kChunk) {
        std::deque<std::string> texts;
        BulkRows feedback(std::size(kFeedbackColumns)), tickets(std::size(kTicketColumns));
        for (std::int64_t t = first; t < std::min(o.tickets, first + kChunk); ++t) {
            const auto& [device, area] = kiosks[static_cast<size_t>(t) % kiosks.size()];
            const std::string& id = texts.emplace_back(pad(t, 9, "f"));
            const UnixSeconds opened = kBase + t * (160 * 86400) / std::max<std::int64_t>(o.tickets, 1);
            const char* state = kTicketStates[t % 10];
            const bool answered = std::string(state) == "answered" || std::string(state) == "closed";
            feedback.text(id).text(device).text("faskes_service").integer(1 + t % 2);
            feedback.text("Antrean lama").text(t % 3 ? "" : "+6281234567890");
            feedback.text("2026-09-01T08:00:00Z").integer(opened).integer(t % 4 == 0);
            tickets.text(id).text(texts.emplace_back(ticketNumber(id))).text(device).text(area);
            tickets.text(state).integerOrNull(std::nullopt).integer(opened);
            tickets.integer(std::string(state) == "open" ? 0 : opened + 3 * 86400);
            tickets.integer(answered ? opened + 6 * 86400 : 0);
            tickets.integer(std::string(state) == "closed" ? opened + 8 * 86400 : 0);
            tickets.text(answered ? "Sudah ditindaklanjuti." : "").integer(opened);
        }
        need(hub.db().transaction(TxMode::write,
                                  [&](HubTx& tx) -> Status {
                                      if (auto r = tx.insert(kFeedback, feedback, "bench feedback");
                                          !r)
                                          return r.error();
                                      auto r = tx.insert(kTickets, tickets, "bench tickets");
                                      return r ? Status() : Status(r.error());
                                  }),
             "tickets");
    }
}

// --- Timing --------------------------------------------------------------------------------

struct Timed {
    std::vector<double> ms;
    double median() const { return percentile(ms, 0.5); }
    double p95() const { return percentile(ms, 0.95); }
};

Timed timeIt(int runs, const std::function<void(int)>& work) {
    Timed t;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        work(i);
        t.ms.push_back(msSince(t0));
    }
    return t;
}

// A plain SELECT through the same backend: the rows it yields.
int plain(HubDb& db, const HubSql& sql, const std::vector<SqlParam>& params) {
    auto rows = need(inTx<RowSet>(db, TxMode::autocommit,
                                  [&](HubTx& tx) { return tx.run(sql, params, "plain select"); }),
                     "plain select");
    return rows.count();
}

constexpr HubSql kPlainQueue{
    "plain_queue",
    "SELECT member_id, household_id, device_id, nik, name, birth_date, sex, relation, segment, "
    "class, village_code, state, received_at, checks FROM office_members WHERE state = ? "
    "ORDER BY received_at, member_id LIMIT 50",
    14};
constexpr HubSql kPlainVillage{
    "plain_village",
    "SELECT member_id, household_id, device_id, nik, name, birth_date, sex, relation, segment, "
    "class, village_code, state, received_at, checks FROM office_members WHERE village_code = ? "
    "AND state = ? ORDER BY received_at, member_id LIMIT 50",
    14};
constexpr HubSql kPlainPerson{"plain_person",
                              "SELECT m.*, h.kk_number, h.address FROM office_members m LEFT "
                              "JOIN office_households h ON h.household_id = m.household_id "
                              "WHERE m.member_id = ?",
                              1};
constexpr HubSql kPlainHistory{"plain_history",
                               "SELECT at, kind, what, actor, detail FROM office_history WHERE "
                               "member_id = ? ORDER BY at, id",
                               5};
constexpr HubSql kPlainExportPage{
    "plain_export_page",
    "SELECT m.member_id, m.received_at, m.nik, h.kk_number, m.name, m.birth_date, m.sex, "
    "m.relation, h.address, h.rt, h.rw, m.village_code, m.class, m.segment, m.phone FROM "
    "office_members m LEFT JOIN office_households h ON h.household_id = m.household_id WHERE "
    "m.state = ? AND (m.received_at, m.member_id) > (?, ?) ORDER BY m.received_at, m.member_id "
    "LIMIT 500",
    15};

// The dashboard's reference: a plain count of the members by state, over the regency and over
// one kecamatan.
constexpr HubSql kPlainStates{"plain_states",
                              "SELECT state, COUNT(*) FROM office_members GROUP BY state", 2};
constexpr HubSql kPlainStatesOf{
    "plain_states_of",
    "SELECT state, COUNT(*) FROM office_members WHERE kecamatan_code = ? GROUP BY state", 2};

// The inbox's reference: the first page of the tickets waiting, from the table alone.
constexpr HubSql kPlainInbox{
    "plain_inbox",
    "SELECT event_id, number, area, state, staff_id, opened_at FROM tickets WHERE state IN "
    "('open', 'in_progress') ORDER BY opened_at, event_id LIMIT 51",
    6};

// The bulk decision's reference: the decided members' rows written (to the state they have).
constexpr HubSql kPlainDecide{"plain_decide",
                              "UPDATE office_members SET state = 'verified' WHERE member_id {in ?}"};

// --- The export's memory, each run in a fresh process ---------------------------------------
// A forked child starts with the bench's pages mapped (a regency's build), and Linux carries
// the peak RSS of the image before exec into the child's ru_maxrss: neither measures the
// export alone. So each run is this program again (/proc/self/exe) in a hidden mode, which
// reports its own image's peak (VmHWM of /proc/self/status) on stdout:
//   office_bench --export-only FORMAT URL PATH DEVICE  the export of every member (all states),
//                                                      or only DEVICE's (not "")
//   office_bench --open-only URL                       the reference: the same start (region
//                                                      tables, the hub opened), one page read
// Each line it prints: rows, milliseconds of the work, VmHWM in KiB.

constexpr const char* kExportOnly = "--export-only";
constexpr const char* kOpenOnly = "--open-only";

struct FreshRun {
    std::int64_t rows = 0;
    double seconds = 0;      // the work alone, as the child timed it
    long peak_rss_kib = 0;   // the child's own peak (VmHWM)
    long ru_maxrss_kib = 0;  // what wait4 says, the bench's pages from before exec included
};

long ownPeakRssKib() {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    if (!status) return -1;
    char line[256];
    long kib = -1;
    while (std::fgets(line, sizeof line, status))
        if (std::sscanf(line, "VmHWM: %ld kB", &kib) == 1) break;
    std::fclose(status);
    return kib;
}

// The hidden modes (a fresh process of their own); the exit code.
int freshChild(int argc, char** argv) {
    const std::string mode = argv[1];
    if ((mode == kExportOnly && argc != 6) || (mode == kOpenOnly && argc != 3)) return 2;
    auto regions = loadRegions(PEKON_SOURCE_ASSETS);
    if (!regions) return 3;
    auto hub = openHubStore(argv[2]);
    if (!hub) return 3;
    QueueFilter all;
    all.states.assign(std::begin(kAllOfficeStates), std::end(kAllOfficeStates));
    const auto t0 = Clock::now();
    std::int64_t rows = 0;
    if (mode == kOpenOnly) {
        auto page = queuePage((*hub)->db(), all, "", 500);
        if (!page) return 4;
        rows = static_cast<std::int64_t>(page->rows.size());
    } else {
        const auto format = parseExportFormat(argv[3]);
        if (!format) return 2;
        all.device_id = argv[5];
        auto done = exportMembers((*hub)->db(), *regions, all, *format, argv[4], 1, "bench", kBase);
        if (!done) {
            std::fprintf(stderr, "export: %s\n", done.error().message_en.c_str());
            return 4;
        }
        rows = done->rows;
    }
    std::printf("%lld %.1f %ld\n", static_cast<long long>(rows), msSince(t0), ownPeakRssKib());
    return 0;
}

// This program again with `args` (a hidden mode), its report read from a pipe.
FreshRun runFresh(const std::vector<std::string>& args) {
    int out[2];
    if (::pipe(out) != 0) die("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<char*> argv{const_cast<char*>("office_bench")};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t child = 0;
    if (::posix_spawn(&child, "/proc/self/exe", &actions, nullptr, argv.data(), environ) != 0)
        die("could not start a fresh process");
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    std::string report;
    char buffer[256];
    for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;)
        report.append(buffer, static_cast<size_t>(n));
    ::close(out[0]);
    int status = 0;
    struct rusage usage {};
    if (::wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
        die("the fresh process (" + args.front() + ") failed");
    FreshRun run;
    double ms = 0;
    long long rows = 0;
    if (std::sscanf(report.c_str(), "%lld %lf %ld", &rows, &ms, &run.peak_rss_kib) != 3)
        die("the fresh process's report: " + report);
    run.rows = rows;
    run.seconds = ms / 1000;
    run.ru_maxrss_kib = usage.ru_maxrss;
    return run;
}

// CSV and XLSX, each of one device's members (1/kDevices of them) and of all, in fresh
// processes, beside the reference: flat memory is a peak that does not grow with the rows.
void exportMemory(const Options& o, const std::string& url, const std::string& device) {
    const FreshRun ref = runFresh({kOpenOnly, url});
    const auto mib = [](long kib) { return static_cast<double>(kib) / 1024; };
    std::printf(
        "export, each in a fresh process: peak RSS (VmHWM) beside the reference, a fresh "
        "process that opens the hub and reads one page of %lld rows: %.1f MiB (its ru_maxrss, "
        "which carries the bench's own pages over exec: %.0f MiB)\n",
        static_cast<long long>(ref.rows), mib(ref.peak_rss_kib), mib(ref.ru_maxrss_kib));
    std::printf("%-26s %9s %9s %10s %8s %12s %14s\n", "export", "rows", "seconds", "rows/s", "MB",
                "peak MiB", "minus ref MiB");
    for (ExportFormat format : {ExportFormat::csv, ExportFormat::xlsx}) {
        const std::string code(exportFormatCode(format));
        const std::string path = o.dir + "/office_bench_export." + code;
        for (const std::string& only : {device, std::string()}) {
            const FreshRun run = runFresh({kExportOnly, url, code, path, only});
            const auto bytes = static_cast<double>(fs::file_size(path));
            fs::remove(path);
            const std::string what =
                code + (only.empty() ? ": all members" : ": one device's members");
            std::printf("%-26s %9lld %9.1f %10.0f %8.1f %12.1f %+14.1f\n", what.c_str(),
                        static_cast<long long>(run.rows), run.seconds,
                        static_cast<double>(run.rows) / std::max(run.seconds, 1e-3), bytes / 1e6,
                        mib(run.peak_rss_kib), mib(run.peak_rss_kib - ref.peak_rss_kib));
        }
    }
}

void runOn(const char* backend, const Options& o, bool postgres,
           const std::vector<std::string>& villages) {
    ScratchDb scratch(o, postgres);
    auto hub = need(openHubStore(scratch.url()), "open the hub");
    HubDb& db = hub->db();
    std::vector<std::string> devices;
    std::fprintf(stderr, "%s: building %lld members\n", backend, static_cast<long long>(o.members));
    const Built built = build(*hub, o, villages, devices);
    buildTickets(*hub, o, villages);
    std::printf(
        "\n%s: built %lld members, %lld events in %.0f s (bulk inserts through hub_tx; "
        "read models inserted directly), %lld complaint tickets\n",
        backend, static_cast<long long>(built.members), static_cast<long long>(built.events),
        built.seconds, static_cast<long long>(o.tickets));
    // The planner's statistics as a running hub has them: PostgreSQL's autovacuum, and
    // pekon-hub's own refresh for SQLite (at open and hourly in serve).
    if (postgres) {
        auto c = pg::Connection::open(scratch.url());
        if (c) (void)c->exec("ANALYZE", "analyze");
    }
    db.refreshPlannerStats();

    std::printf("%-34s %10s %10s %12s %12s %8s\n", "operation", "median ms", "p95 ms",
                "plain med ms", "plain p95 ms", "ratio");
    auto row = [&](const char* what, const Timed& own, const Timed& ref) {
        std::printf("%-34s %10.2f %10.2f %12.2f %12.2f %8.2f\n", what, own.median(), own.p95(),
                    ref.median(), ref.p95(), own.median() / std::max(ref.median(), 1e-3));
    };
    const int runs = 30;
    const Timed queue = timeIt(runs, [&](int) {
        auto page = need(queuePage(db, {}, "", 50), "queue page");
        if (page.rows.size() != 50) die("the queue's first page is not full");
    });
    const Timed queue_ref = timeIt(runs, [&](int) { plain(db, kPlainQueue, {"new"}); });
    row("queue: first page (50)", queue, queue_ref);
    const Timed mothers = timeIt(runs, [&](int) {
        QueueFilter f;
        f.mothers_first = true;
        auto page = need(queuePage(db, f, "", 50), "mothers-first page");
        if (page.rows.size() != 50 || page.rows.front().queue_rank != 0)
            die("the mothers-first page does not start with a mother or a baby");
    });
    row("queue: mothers and babies first", mothers, queue_ref);

    const Timed village = timeIt(runs, [&](int i) {
        QueueFilter f;
        f.village = villages[static_cast<size_t>(i) % villages.size()];
        need(queuePage(db, f, "", 50), "village page");
    });
    const Timed village_ref = timeIt(runs, [&](int i) {
        plain(db, kPlainVillage, {villages[static_cast<size_t>(i) % villages.size()], "new"});
    });
    row("queue: filter by pekon (50)", village, village_ref);

    std::mt19937_64 random(42);
    std::vector<std::string> sample;
    for (int i = 0; i < o.samples; ++i)
        sample.push_back(pad(
            static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(o.members)), 9, "m"));
    const Timed person = timeIt(o.samples, [&](int i) {
        auto view = need(memberView(db, sample[static_cast<size_t>(i)]), "person page");
        if (!view) die("a member the bench made is missing");
    });
    const Timed person_ref = timeIt(o.samples, [&](int i) {
        plain(db, kPlainPerson, {sample[static_cast<size_t>(i)]});
        plain(db, kPlainHistory, {sample[static_cast<size_t>(i)]});
    });
    row("person's page (target p95 <= 300)", person, person_ref);

    // The dashboard (every figure of the page: counts by area and state, the pipeline's
    // histograms, the stuck members, the weeks, corrections, ratings), first over the regency,
    // then after a filter change: a kecamatan and a four-week period, another each run.
    const UnixSeconds dash_now = kBase + 160 * 86400;
    // As the page reads it: the figures, then the office's complaint rules and the tickets'
    // counts (src/hub/web/dashboard_query.cpp, loadDashboard).
    auto complaintCounts = [&](const std::string& area, UnixSeconds from, UnixSeconds to) {
        const ComplaintRules rules = need(complaintRules(db), "complaint rules");
        return need(ticketCounts(db, rules, dash_now, from, to, area), "ticket counts");
    };
    const Timed dash = timeIt(runs, [&](int) {
        auto d = need(readDashboard(db, {}, dash_now, "18.06", 641036), "dashboard");
        if (d.areas.empty() || d.to_card.empty()) die("the dashboard read nothing");
        d.tickets = complaintCounts("", 0, INT64_MAX);
        if (o.tickets > 0 && d.tickets.open == 0) die("the dashboard counted no complaint");
    });
    const Timed dash_ref = timeIt(runs, [&](int) { plain(db, kPlainStates, {}); });
    row("dashboard: regency (p95 <= 500)", dash, dash_ref);
    // Its two parts apart, to see where the time goes.
    row("  of which the member figures", timeIt(runs, [&](int) {
            need(readDashboard(db, {}, dash_now, "18.06", 641036), "dashboard");
        }), dash_ref);
    row("  of which the complaint counts", timeIt(runs, [&](int) {
            complaintCounts("", 0, INT64_MAX);
        }), dash_ref);
    auto kecamatanOf = [&](int i) {
        return villages[static_cast<size_t>(i * 37) % villages.size()].substr(0, 8);
    };
    const Timed dash_filter = timeIt(runs, [&](int i) {
        DashboardFilter f;
        f.kecamatan = kecamatanOf(i);
        f.from_day = formatIsoDate(dateOf(kBase + (i % 16) * 7 * 86400));
        f.to_day = formatIsoDate(dateOf(kBase + ((i % 16) * 7 + 27) * 86400));
        need(readDashboard(db, f, dash_now, "18.06", 641036), "dashboard filtered");
        complaintCounts(f.kecamatan, kBase + (i % 16) * 7 * 86400,
                        kBase + ((i % 16) * 7 + 28) * 86400);
    });
    const Timed dash_filter_ref =
        timeIt(runs, [&](int i) { plain(db, kPlainStatesOf, {kecamatanOf(i)}); });
    row("dashboard: kecamatan + 4 weeks", dash_filter, dash_filter_ref);

    // The complaints inbox: the first page of those waiting, oldest first, and the overdue ones
    // of a kecamatan.
    const ComplaintRules rules = need(complaintRules(db), "complaint rules");
    const Timed inbox = timeIt(runs, [&](int) {
        auto page = need(ticketPage(db, {}, "", rules, dash_now), "inbox");
        if (o.tickets >= 100 && page.rows.size() != kTicketPageSize) die("the inbox is not full");
    });
    const Timed inbox_ref = timeIt(runs, [&](int) { plain(db, kPlainInbox, {}); });
    row("complaints: inbox first page (50)", inbox, inbox_ref);
    const Timed overdue = timeIt(runs, [&](int i) {
        TicketFilter f;
        f.overdue = true;
        f.area = kecamatanOf(i);
        need(ticketPage(db, f, "", rules, dash_now), "overdue");
    });
    row("complaints: overdue of a kecamatan", overdue, inbox_ref);
    if (o.dashboard_only) return;

    // 1,000 members awaiting a decision (state new: j % 10 < 6), from the middle.
    DecisionRequest bulk;
    bulk.decision = Decision::verified;
    bulk.staff_id = 1;
    bulk.username = "bench";
    for (std::int64_t j = o.members / 2; bulk.member_ids.size() < 1000 && j < o.members; ++j)
        if (j % 10 < 6) bulk.member_ids.push_back(pad(j, 9, "m"));
    // The decision commits at once: the kiosks' rows are queued in its transaction. Beside it,
    // the reference: a plain UPDATE of the same 1,000 members' rows through the same connection.
    const auto t0 = Clock::now();
    const DecisionSummary decided = need(decide(db, bulk, kBase + 86400), "bulk decision");
    const double decide_ms = msSince(t0);
    const auto p0 = Clock::now();
    need(inTx<RowSet>(db, TxMode::write,
                      [&](HubTx& tx) {
                          return tx.run(kPlainDecide, {bulk.member_ids}, "plain update");
                      }),
         "plain update");
    const double plain_decide_ms = msSince(p0);
    std::printf("%-34s %10.0f   (%d decided, %d changes, %d kiosk rows queued; a plain UPDATE "
                "of the 1,000 rows: %.0f ms, ratio %.2f)\n",
                "bulk decision of 1,000: commit", decide_ms, decided.decided, decided.changes,
                decided.kiosk_queued, plain_decide_ms,
                decide_ms / std::max(plain_decide_ms, 1e-3));
    // Then the queue drained as serve's worker does it (Argon2id, two per person, outside the
    // write transactions), beside the lookups alone for a few of the same people.
    std::vector<PersonKey> few;
    for (std::int64_t j = o.members / 4; few.size() < 10; ++j) {
        const Person p = personOf(j, devices);
        few.push_back({p.nik, p.birth});
    }
    const auto l0 = Clock::now();
    need(kioskLookupsOf(db, few), "kiosk lookups");
    const double lookup_ms = msSince(l0) / static_cast<double>(few.size());
    const auto d0 = Clock::now();
    const KioskDrained drained = need(drainKioskQueue(db, kBase + 86400), "kiosk drain");
    const double drain_ms = msSince(d0);
    const double people = std::max(1, drained.rows);
    std::printf("%-34s %10.0f   (%d rows, %d entries; %.1f ms a person; the lookups alone: "
                "%.1f ms a person, ratio %.2f)\n",
                "bulk decision of 1,000: kiosk drain", drain_ms, drained.rows, drained.entries,
                drain_ms / people, lookup_ms, drain_ms / people / std::max(lookup_ms, 1e-3));

    exportMemory(o, scratch.url(), devices.front());
    // The reference: the same pages (state after state) read by a plain SELECT, nothing
    // written.
    const auto r0 = Clock::now();
    std::int64_t plain_rows = 0;
    for (OfficeState state : kAllOfficeStates) {
        std::int64_t after_at = -1;
        std::string after_id;
        for (;;) {
            auto page = need(inTx<RowSet>(db, TxMode::autocommit,
                                          [&](HubTx& tx) {
                                              return tx.run(kPlainExportPage,
                                                            {std::string(officeStateCode(state)),
                                                             after_at, after_id},
                                                            "plain export page");
                                          }),
                             "plain export page");
            plain_rows += page.count();
            if (page.count() < 500) break;
            after_at = page.integer(page.count() - 1, 1);
            after_id = page.text(page.count() - 1, 0);
        }
    }
    const double plain_s = msSince(r0) / 1000;
    std::printf("plain keyset SELECT of the same rows: %lld rows in %.1f s = %.0f rows/s\n",
                static_cast<long long>(plain_rows), plain_s,
                static_cast<double>(plain_rows) / plain_s);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && (argv[1] == std::string(kExportOnly) || argv[1] == std::string(kOpenOnly)))
        return freshChild(argc, argv);
    Options o;
    if (const char* pg = std::getenv("PEKON_TEST_POSTGRES"); pg && std::string(pg) != "off")
        o.postgres = pg;
    readOptions(argc, argv,
                "office_bench [--members N] [--pg URL] [--dir DIR] [--samples N] [--no-sqlite] "
                "[--dashboard-only] [--tickets T]",
                [&](const std::string& option, auto value) {
                    if (option == "--members")
                        o.members = std::stoll(value());
                    else if (option == "--pg")
                        o.postgres = value();
                    else if (option == "--dir")
                        o.dir = value();
                    else if (option == "--samples")
                        o.samples = std::stoi(value());
                    else if (option == "--no-sqlite")
                        o.sqlite = false;
                    else if (option == "--dashboard-only")
                        o.dashboard_only = true;
                    else if (option == "--tickets")
                        o.tickets = std::stoll(value());
                    else
                        return false;
                    return true;
                });
    if (o.members < 4000) die("--members must be at least 4000");
    if (o.dir.empty()) o.dir = fs::temp_directory_path().string();
    auto regions = need(loadRegions(PEKON_SOURCE_ASSETS), "the region tables");
    std::vector<std::string> villages;
    for (const Region* district : regions.districtsOf("18.06"))
        for (const Village* v : regions.villagesOf(district->code)) villages.push_back(v->code);
    if (villages.empty()) die("no villages of Tanggamus in the region tables");
    std::printf("office_bench: %lld members, %lld events, %zu villages, %d samples\n",
                static_cast<long long>(o.members), static_cast<long long>(o.members * 5),
                villages.size(), o.samples);
    if (o.sqlite) runOn("sqlite", o, false, villages);
    if (!o.postgres.empty()) runOn("postgresql", o, true, villages);
    return 0;
}
