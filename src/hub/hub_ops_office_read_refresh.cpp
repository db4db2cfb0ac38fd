// Members' office state and checks from what is stored (refreshMembers), and the rows of
// office_members as the read-model operations read and write them.
#include <algorithm>
#include <deque>
#include <tuple>
#include <map>
#include <set>
#include <unordered_map>

#include "codec/assets.hpp"
#include "codec/json.hpp"
#include "hub/hub_ops_office_read.hpp"
#include "hub/member_milestones.hpp"
#include "hub/queue_priority.hpp"
#include "platform/paths.hpp"

namespace pekon::hub {

namespace {

constexpr HubSql kMembersById{"office_members_by_id",
                              "SELECT " PEKON_OFFICE_MEMBER_COLUMNS
                              " FROM office_members WHERE member_id {in ?}",
                              kMemberRecordWidth};
constexpr HubSql kMembersByHousehold{"office_members_by_household",
                                     "SELECT " PEKON_OFFICE_MEMBER_COLUMNS
                                     " FROM office_members WHERE household_id {in ?}",
                                     kMemberRecordWidth};
constexpr HubSql kMembersByNik{"office_members_by_nik",
                               "SELECT " PEKON_OFFICE_MEMBER_COLUMNS
                               " FROM office_members WHERE nik {in ?}",
                               kMemberRecordWidth};
constexpr HubSql kHouseholds{"office_households_for_checks",
                             "SELECT household_id, kk_number, village_code, documents, received_at "
                             "FROM office_households WHERE household_id {in ?}",
                             5};
constexpr HubSql kDecisions{"office_decisions_of",
                            "SELECT id, member_id, decision, decided_at FROM decisions "
                            "WHERE member_id {in ?}",
                            4};
constexpr HubSql kStatuses{"office_statuses_of",
                           "SELECT id, nik, birth_date, status, decided_on, imported_at "
                           "FROM statuses WHERE nik {in ?}",
                           6};
constexpr HubSql kDeleteCheck{"office_delete_check",
                              "DELETE FROM office_checks WHERE code = ? AND state = ? AND "
                              "received_at = ? AND member_id = ?",
                              0};
// A member whose NIK or birth date a correction changed: the status lines of the person it was
// go (those of the person it is are written again), as a rebuild would have them.
constexpr HubSql kDeleteStatusLines{"office_delete_status_lines",
                                    "DELETE FROM office_history WHERE kind = 'status' AND "
                                    "member_id {in ?}",
                                    0};
constexpr HubSql kDecisionsAfter{
    "office_decisions_after",
    "SELECT d.id, d.member_id, d.decision, d.reason, d.note, d.decided_at, s.username "
    "FROM decisions d LEFT JOIN staff s ON s.id = d.staff_id WHERE d.id > ? ORDER BY d.id LIMIT ?",
    7};

constexpr BulkColumn kMemberColumns[] = {
    {"member_id", "text"},      {"household_id", "text"},   {"device_id", "text"},
    {"nik", "text"},            {"name", "text"},           {"birth_date", "text"},
    {"sex", "text"},            {"relation", "text"},       {"segment", "text"},
    {"class", "integer"},       {"phone", "text"},          {"occupation", "text"},
    {"existing_card", "text"},  {"nik_mismatch_reason", "text"}, {"village_code", "text"},
    {"kecamatan_code", "text"}, {"received_day", "text"},   {"received_at", "bigint"},
    {"state", "text"},          {"state_at", "bigint"},     {"checks", "text"},
    {"check_count", "integer"}, {"corrections", "integer"}, {"corrected_at", "bigint"},
    {"findings", "text"},       {"verified_at", "bigint"},  {"paid_at", "bigint"},
    {"card_at", "bigint"},      {"pregnancy_due", "text"},  {"queue_rank", "integer"}};
static_assert(std::size(kMemberColumns) == kMemberRecordWidth);
constexpr BulkInsert kUpsertMembers{
    "office_upsert_members", "office_members", kMemberColumns,
    "ON CONFLICT (member_id) DO UPDATE SET household_id = excluded.household_id, "
    "device_id = excluded.device_id, nik = excluded.nik, name = excluded.name, "
    "birth_date = excluded.birth_date, sex = excluded.sex, relation = excluded.relation, "
    "segment = excluded.segment, class = excluded.class, phone = excluded.phone, "
    "occupation = excluded.occupation, existing_card = excluded.existing_card, "
    "nik_mismatch_reason = excluded.nik_mismatch_reason, village_code = excluded.village_code, "
    "kecamatan_code = excluded.kecamatan_code, received_day = excluded.received_day, "
    "received_at = excluded.received_at, state = excluded.state, state_at = excluded.state_at, "
    "checks = excluded.checks, check_count = excluded.check_count, "
    "corrections = excluded.corrections, corrected_at = excluded.corrected_at, "
    "findings = excluded.findings, verified_at = excluded.verified_at, "
    "paid_at = excluded.paid_at, card_at = excluded.card_at, "
    "pregnancy_due = excluded.pregnancy_due, queue_rank = excluded.queue_rank"};

constexpr BulkColumn kCheckColumns[] = {
    {"code", "text"}, {"state", "text"}, {"received_at", "bigint"}, {"member_id", "text"}};
constexpr BulkInsert kInsertChecks{"office_insert_checks", "office_checks", kCheckColumns,
                                   "ON CONFLICT DO NOTHING"};

constexpr BulkColumn kHistoryColumns[] = {{"member_id", "text"}, {"at", "bigint"},
                                          {"kind", "text"},      {"what", "text"},
                                          {"actor", "text"},     {"detail", "text"},
                                          {"source", "text"}};
constexpr BulkInsert kInsertStatusHistory{"office_insert_status_history", "office_history",
                                          kHistoryColumns,
                                          "ON CONFLICT (member_id, kind, source) DO NOTHING"};
constexpr BulkInsert kInsertDecisionHistory{"office_insert_decision_history", "office_history",
                                            kHistoryColumns,
                                            "ON CONFLICT (member_id, kind, source) DO NOTHING"};

struct StatusLine {
    std::string member_id;
    std::int64_t at;
    std::string status;
    std::string detail;
    std::string source;
};

struct StatusFact {
    std::int64_t id;
    std::string status;
    std::string decided_on;
    std::int64_t imported_at;
};

CheckedMember checked(const MemberRecord& m) {
    return {m.member_id, m.household_id, m.device_id,     m.nik,
            m.birth_date, m.sex,         m.relation,      m.segment,
            m.existing_card, m.nik_mismatch_reason};
}

std::string findingsJson(const std::vector<CheckFinding>& findings) {
    std::string out = "[";
    for (const CheckFinding& f : findings) {
        if (out.size() > 1) out += ',';
        out += R"({"code":")";
        out += f.code;
        out += R"(","detail":)";
        out += f.detail;
        out += '}';
    }
    out += ']';
    return out;
}

std::vector<std::string> keysOf(const std::set<std::string>& set) {
    return {set.begin(), set.end()};
}

Status okOf(const Result<std::int64_t>& done) {
    return done ? Status() : Status(done.error());
}

// What refreshMembersWith gathers before it computes.
class Gathered {
  public:
    std::unordered_map<std::string, MemberRecord> stored;   // as in office_members
    std::unordered_map<std::string, MemberRecord> current;  // stored, then pending over it
    std::set<std::string> targets;                          // the rows to bring up to date

    void take(std::vector<MemberRecord> rows) {
        for (MemberRecord& m : rows) {
            if (!current.count(m.member_id)) current.emplace(m.member_id, m);
            stored.emplace(m.member_id, std::move(m));
        }
    }
    Status load(HubTx& tx, MemberKey key, const std::set<std::string>& keys) {
        if (keys.empty()) return {};
        auto rows = loadMembers(tx, key, keysOf(keys));
        if (!rows) return rows.error();
        take(std::move(rows.value()));
        return {};
    }
};

}  // namespace

MemberRecord memberRecordAt(const RowSet& r, int i) {
    MemberRecord m;
    m.member_id = r.text(i, 0);
    m.household_id = r.text(i, 1);
    m.device_id = r.text(i, 2);
    m.nik = r.text(i, 3);
    m.name = r.text(i, 4);
    m.birth_date = r.text(i, 5);
    m.sex = r.text(i, 6);
    m.relation = r.text(i, 7);
    m.segment = r.text(i, 8);
    if (!r.isNull(i, 9)) m.klass = r.integer(i, 9);
    m.phone = r.text(i, 10);
    m.occupation = r.text(i, 11);
    m.existing_card = r.text(i, 12);
    m.nik_mismatch_reason = r.text(i, 13);
    m.village_code = r.text(i, 14);
    m.kecamatan_code = r.text(i, 15);
    m.received_day = r.text(i, 16);
    m.received_at = r.integer(i, 17);
    m.state = r.text(i, 18);
    m.state_at = r.integer(i, 19);
    m.checks = r.text(i, 20);
    m.check_count = r.integer(i, 21);
    m.corrections = r.integer(i, 22);
    m.corrected_at = r.integer(i, 23);
    m.findings = r.text(i, 24);
    m.verified_at = r.integer(i, 25);
    m.paid_at = r.integer(i, 26);
    m.card_at = r.integer(i, 27);
    m.pregnancy_due = r.text(i, 28);
    m.queue_rank = r.integer(i, 29);
    return m;
}

Result<std::vector<MemberRecord>> loadMembers(HubTx& tx, MemberKey key,
                                              const std::vector<std::string>& keys) {
    std::vector<MemberRecord> out;
    if (keys.empty()) return out;
    const HubSql& sql = key == MemberKey::member_id      ? kMembersById
                        : key == MemberKey::household_id ? kMembersByHousehold
                                                         : kMembersByNik;
    auto rows = tx.run(sql, {keys}, "read office members");
    if (!rows) return rows.error();
    out.reserve(static_cast<size_t>(rows->count()));
    for (int i = 0; i < rows->count(); ++i) out.push_back(memberRecordAt(*rows, i));
    return out;
}

Status writeMembers(HubTx& tx, const std::vector<MemberRecord>& records) {
    if (records.empty()) return {};
    BulkRows rows(std::size(kMemberColumns));
    for (const MemberRecord& m : records) {
        rows.text(m.member_id).text(m.household_id).text(m.device_id).text(m.nik).text(m.name);
        rows.text(m.birth_date).text(m.sex).text(m.relation).text(m.segment).integerOrNull(m.klass);
        rows.text(m.phone).text(m.occupation).text(m.existing_card).text(m.nik_mismatch_reason);
        rows.text(m.village_code).text(m.kecamatan_code).text(m.received_day).integer(m.received_at);
        rows.text(m.state).integer(m.state_at).text(m.checks).integer(m.check_count);
        rows.integer(m.corrections).integer(m.corrected_at).text(m.findings);
        rows.integer(m.verified_at).integer(m.paid_at).integer(m.card_at);
        rows.text(m.pregnancy_due).integer(m.queue_rank);
    }
    return okOf(tx.insert(kUpsertMembers, rows, "keep office members"));
}

std::vector<std::string> splitChecks(const std::string& checks) {
    std::vector<std::string> out;
    for (size_t at = 0; at < checks.size();) {
        size_t end = checks.find(',', at);
        if (end == std::string::npos) end = checks.size();
        out.push_back(checks.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

std::string dayOf(std::int64_t unix_seconds) { return formatIsoDate(dateOf(unix_seconds)); }

const RegionTable* officeRegions() {
    // Read once, never changed after: the assets do not change while the hub runs.
    static const std::optional<RegionTable> table = []() -> std::optional<RegionTable> {
        auto dir = platform::findAssetsDir();
        if (!dir) return std::nullopt;
        auto regions = loadRegions(*dir);
        if (!regions) return std::nullopt;
        return std::move(regions.value());
    }();
    return table ? &*table : nullptr;
}

Status refreshMembersWith(HubTx& tx, std::vector<MemberRecord> pending, const RefreshScope& scope) {
    Gathered g;
    for (MemberRecord& m : pending) {
        g.targets.insert(m.member_id);
        g.current[m.member_id] = std::move(m);
    }
    std::set<std::string> ids;
    for (const std::string& id : scope.member_ids)
        if (!g.current.count(id)) ids.insert(id);
    if (auto s = g.load(tx, MemberKey::member_id, ids); !s) return s;
    for (const std::string& id : ids)
        if (g.current.count(id)) g.targets.insert(id);

    // Their households' members, then every registration of their NIKs.
    std::set<std::string> households(scope.household_ids.begin(), scope.household_ids.end());
    for (const std::string& id : g.targets) households.insert(g.current[id].household_id);
    if (auto s = g.load(tx, MemberKey::household_id, households); !s) return s;
    std::set<std::string> niks(scope.niks.begin(), scope.niks.end());
    for (const auto& [id, m] : g.current)
        if (households.count(m.household_id)) {
            g.targets.insert(id);
            if (!m.nik.empty()) niks.insert(m.nik);
        }
    niks.erase("");  // babies without a NIK yet share nothing
    if (auto s = g.load(tx, MemberKey::nik, niks); !s) return s;
    std::set<std::string> more_households;  // of the same-NIK registrations: context only
    for (const auto& [id, m] : g.current)
        if (niks.count(m.nik)) {
            g.targets.insert(id);
            if (!households.count(m.household_id)) more_households.insert(m.household_id);
        }
    if (auto s = g.load(tx, MemberKey::household_id, more_households); !s) return s;
    households.insert(more_households.begin(), more_households.end());
    if (g.targets.empty()) return {};
    const std::vector<std::string> targets = keysOf(g.targets);

    // The facts: households, decisions, statuses, the checks stored so far.
    const RegionTable* regions = officeRegions();
    struct HouseholdFacts {
        CheckedHousehold facts;
        std::vector<CheckFinding> findings;  // checkHousehold, once per household
    };
    std::unordered_map<std::string, HouseholdFacts> household_facts;
    {
        auto rows = tx.run(kHouseholds, {keysOf(households)}, "read office households");
        if (!rows) return rows.error();
        for (int i = 0; i < rows->count(); ++i) {
            HouseholdFacts& h = household_facts[rows->text(i, 0)];
            h.facts = {rows->text(i, 1), rows->text(i, 2), rows->text(i, 3),
                       dayOf(rows->integer(i, 4))};
            h.findings = checkHousehold(h.facts, regions);
        }
    }
    std::unordered_map<std::string, std::pair<std::int64_t, StampedCode>> decisions;
    std::unordered_map<std::string, std::vector<DecisionFact>> all_decisions;  // for milestones
    {
        auto rows = tx.run(kDecisions, {targets}, "read decisions");
        if (!rows) return rows.error();
        for (int i = 0; i < rows->count(); ++i) {
            auto& latest = decisions[rows->text(i, 1)];
            if (rows->integer(i, 0) > latest.first)
                latest = {rows->integer(i, 0), {rows->text(i, 2), rows->integer(i, 3)}};
            all_decisions[rows->text(i, 1)].push_back({rows->text(i, 2), rows->integer(i, 3)});
        }
    }
    std::map<std::pair<std::string, std::string>, std::vector<StatusFact>> statuses;
    {
        auto rows = tx.run(kStatuses, {keysOf(niks)}, "read statuses");
        if (!rows) return rows.error();
        for (int i = 0; i < rows->count(); ++i)
            statuses[{rows->text(i, 1), rows->text(i, 2)}].push_back(
                {rows->integer(i, 0), rows->text(i, 3), rows->text(i, 4), rows->integer(i, 5)});
    }
    // What the checks read, by household and by NIK.
    std::unordered_map<std::string, std::vector<CheckedMember>> by_household, by_nik;
    for (const auto& [id, m] : g.current) {
        if (households.count(m.household_id)) by_household[m.household_id].push_back(checked(m));
        if (niks.count(m.nik)) by_nik[m.nik].push_back(checked(m));
    }
    for (auto* index : {&by_household, &by_nik})
        for (auto& [key, list] : *index)
            std::sort(list.begin(), list.end(), [](const CheckedMember& a, const CheckedMember& b) {
                return a.member_id < b.member_id;
            });

    // Each target is brought up to date where it is: the lists above view its texts, which stay
    // as they are (only the village, state and checks change); moved out once all are done.
    std::vector<MemberRecord*> changed;
    std::vector<StatusLine> status_lines;
    std::vector<const MemberRecord*> checks_gone;  // stored rows whose office_checks rows go
    std::vector<std::string> other_person;  // NIK or birth date corrected since stored
    for (const std::string& id : targets) {
        MemberRecord& m = g.current.at(id);
        auto household = household_facts.find(m.household_id);
        const HouseholdFacts* hf = household == household_facts.end() ? nullptr
                                                                      : &household->second;
        const CheckedHousehold* h = hf ? &hf->facts : nullptr;
        if (h) {
            m.village_code = h->village_code;
            m.kecamatan_code = h->village_code.substr(0, std::min<size_t>(8, h->village_code.size()));
        }
        StateFacts facts{m.received_at, m.corrected_at, std::nullopt, std::nullopt};
        std::vector<StatusDateFact> dated;
        if (auto d = decisions.find(id); d != decisions.end()) facts.decision = d->second.second;
        if (auto s = statuses.find({m.nik, m.birth_date}); s != statuses.end()) {
            const StatusFact* latest = nullptr;
            for (const StatusFact& f : s->second) {
                dated.push_back({f.status, f.decided_on});
                if (!latest || std::tie(f.decided_on, f.id) > std::tie(latest->decided_on, latest->id))
                    latest = &f;
                status_lines.push_back({id, f.imported_at, f.status,
                                        Json{{"decided_on", f.decided_on}}.dump(),
                                        std::to_string(f.id)});
            }
            facts.status = StampedCode{latest->status, latest->imported_at};
        }
        const StampedCode state = memberState(facts);
        m.state = state.code;
        m.state_at = state.at;
        static const std::vector<DecisionFact> kNone;
        const auto own = all_decisions.find(id);
        const Milestones reached =
            memberMilestones(own == all_decisions.end() ? kNone : own->second, dated);
        m.verified_at = reached.verified_at;
        m.paid_at = reached.paid_at;
        m.card_at = reached.card_at;
        m.queue_rank = isMotherOrInfant(m.pregnancy_due, m.nik, m.birth_date, m.received_day) ? 0 : 1;
        const std::vector<CheckFinding> findings = checkMember(
            checked(m), MemberContext{h, by_household[m.household_id], by_nik[m.nik], regions,
                                      hf ? &hf->findings : nullptr});
        m.checks = checkList(findings);
        m.check_count = static_cast<std::int64_t>(findings.size());
        m.findings = findingsJson(findings);

        auto stored = g.stored.find(id);
        if (stored != g.stored.end() && stored->second == m) continue;
        if (stored != g.stored.end() &&
            (stored->second.nik != m.nik || stored->second.birth_date != m.birth_date))
            other_person.push_back(id);
        if (stored != g.stored.end() && stored->second.check_count > 0 &&
            (stored->second.checks != m.checks || stored->second.state != m.state ||
             stored->second.received_at != m.received_at))
            checks_gone.push_back(&stored->second);
        changed.push_back(&m);
    }
    std::vector<MemberRecord> rows_to_write;
    rows_to_write.reserve(changed.size());
    for (MemberRecord* m : changed) rows_to_write.push_back(std::move(*m));

    if (auto s = writeMembers(tx, rows_to_write); !s) return s;
    // The queue-by-check rows: the stored row's out, the new row's in (one each per check).
    for (const MemberRecord* old : checks_gone)
        for (const std::string& code : splitChecks(old->checks)) {
            auto gone = tx.run(kDeleteCheck, {code, old->state, old->received_at, old->member_id},
                               "replace checks");
            if (!gone) return gone.error();
        }
    std::deque<std::string> codes;  // what the rows borrow
    BulkRows check_rows(std::size(kCheckColumns));
    for (const MemberRecord& m : rows_to_write)
        for (std::string& code : splitChecks(m.checks))
            check_rows.text(codes.emplace_back(std::move(code))).text(m.state).integer(
                m.received_at).text(m.member_id);
    if (check_rows.rows() > 0)
        if (auto s = okOf(tx.insert(kInsertChecks, check_rows, "keep checks")); !s) return s;
    if (!other_person.empty())
        if (auto gone = tx.run(kDeleteStatusLines, {other_person}, "replace status history");
            !gone)
            return gone.error();
    if (!status_lines.empty()) {
        BulkRows rows(std::size(kHistoryColumns));
        for (const StatusLine& l : status_lines)
            rows.text(l.member_id).integer(l.at).text("status").text(l.status).text("import").text(
                l.detail).text(l.source);
        if (auto s = okOf(tx.insert(kInsertStatusHistory, rows, "keep status history")); !s)
            return s;
    }
    return {};
}

Status refreshMembers(HubTx& tx, const std::vector<std::string>& member_ids) {
    RefreshScope scope;
    scope.member_ids = member_ids;
    return refreshMembersWith(tx, {}, scope);
}

Status addDecisionHistory(HubTx& tx, std::int64_t after_id) {
    constexpr std::int64_t kPage = 5000;
    for (std::int64_t after = after_id;;) {
        auto rows = tx.run(kDecisionsAfter, {after, kPage}, "read decisions");
        if (!rows) return rows.error();
        if (rows->count() == 0) return {};
        std::deque<std::string> texts;  // what the lines borrow
        BulkRows lines(std::size(kHistoryColumns));
        for (int i = 0; i < rows->count(); ++i) {
            const std::string& member = texts.emplace_back(rows->text(i, 1));
            const std::string& what = texts.emplace_back(rows->text(i, 2));
            const std::string& actor = texts.emplace_back("staff:" + rows->text(i, 6));
            const std::string& detail = texts.emplace_back(
                Json{{"reason", rows->text(i, 3)}, {"note", rows->text(i, 4)}}.dump());
            const std::string& source = texts.emplace_back(rows->text(i, 0));
            lines.text(member).integer(rows->integer(i, 5)).text("decision").text(what);
            lines.text(actor).text(detail).text(source);
            after = rows->integer(i, 0);
        }
        if (auto s = okOf(tx.insert(kInsertDecisionHistory, lines, "keep decision history")); !s)
            return s;
        if (rows->count() < kPage) return {};
    }
}

}  // namespace pekon::hub
