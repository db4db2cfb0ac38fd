// The household queries of store/households.hpp: what the screens and the command line read.
#include "store/households.hpp"

#include "core/text.hpp"
#include "store/internal/database.hpp"

namespace pekon {

namespace {

UnixSeconds parseTime(const std::string& text) {
    auto t = parseRfc3339(text);
    return t ? *t : 0;
}

MemberStatus parseStatusOr(const std::string& text) {
    return parseStatus(text).value_or(MemberStatus::queued);
}

constexpr const char* kSummaryColumns =
    "h.id, pk_open(h.kk_number), h.village_code, pk_open(h.address), pk_open(h.rt), "
    "pk_open(h.rw), pk_open(h.phone), h.registered_at, "
    "(SELECT COUNT(*) FROM members m WHERE m.household_key = h.key), "
    "COALESCE((SELECT pk_open(m.name) FROM members m WHERE m.household_key = h.key AND m.relation = 'head' "
    "LIMIT 1), ''), "
    "(SELECT CASE MIN(CASE m.status WHEN 'draft' THEN 0 WHEN 'queued' THEN 1 WHEN 'synced' THEN 2 "
    "WHEN 'needs_correction' THEN 3 WHEN 'rejected' THEN 4 WHEN 'verified' THEN 5 "
    "WHEN 'payment_pending' THEN 6 WHEN 'paid' THEN 7 WHEN 'card_issued' THEN 8 ELSE 9 END) "
    "WHEN 0 THEN 'draft' WHEN 1 THEN 'queued' WHEN 2 THEN 'synced' WHEN 3 THEN 'needs_correction' "
    "WHEN 4 THEN 'rejected' WHEN 5 THEN 'verified' WHEN 6 THEN 'payment_pending' WHEN 7 THEN "
    "'paid' WHEN 8 THEN 'card_issued' ELSE 'card_delivered' END FROM members m "
    "WHERE m.household_key = h.key), "
    "(SELECT COUNT(*) FROM members m WHERE m.household_key = h.key AND "
    "m.status = 'needs_correction')";

// The households with a member the office asked to correct (the partial index of schema 10).
constexpr const char* kNeedingCorrection =
    "h.key IN (SELECT household_key FROM members WHERE status = 'needs_correction')";

// " WHERE ..." for the households list's filters; the village is parameter 1.
std::string householdFilter(const std::string& village_code, bool needing_correction) {
    std::string where;
    if (!village_code.empty()) where += " WHERE h.village_code = ?1";
    if (needing_correction)
        where += std::string(where.empty() ? " WHERE " : " AND ") + kNeedingCorrection;
    return where;
}

HouseholdSummary readSummary(const sql::Stmt& s) {
    HouseholdSummary out;
    out.household =
        Household{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)};
    out.registered_at = parseTime(s.text(7));
    out.member_count = static_cast<int>(s.integer(8));
    out.head_name = s.text(9);
    out.least_status = parseStatusOr(s.text(10));
    out.needs_correction = static_cast<int>(s.integer(11));
    return out;
}

MemberHit readHit(const sql::Stmt& s) {
    return MemberHit{s.text(0), s.text(1), s.text(2),
                     s.text(3), s.text(4), parseStatusOr(s.text(5))};
}

constexpr const char* kHitColumns =
    "m.id, h.id, pk_open(m.nik), pk_open(m.name), h.village_code, m.status FROM members m "
    "JOIN households h ON h.key = m.household_key";

}  // namespace

Result<std::vector<HouseholdSummary>> listHouseholds(Store& store, const std::string& village_code,
                                                     int limit, int offset,
                                                     bool needing_correction) {
    if (auto s = requireDataOpen(store); !s) return s.error();
    sql::Connection& db = connection(store);
    std::string sql = std::string("SELECT ") + kSummaryColumns + " FROM households h" +
                      householdFilter(village_code, needing_correction);
    sql += " ORDER BY h.registered_at DESC, h.id LIMIT ?2 OFFSET ?3";
    auto stmt = db.prepare(sql);
    if (!stmt) return stmt.error();
    if (!village_code.empty()) stmt->bind(1, village_code);
    stmt->bind(2, limit).bind(3, offset);
    std::vector<HouseholdSummary> out;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) out.push_back(readSummary(*stmt));
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "list households");
    return out;
}

Result<std::int64_t> countHouseholds(Store& store, const std::string& village_code,
                                     bool needing_correction) {
    sql::Connection& db = connection(store);
    auto stmt = db.cached("SELECT COUNT(*) FROM households h" +
                          householdFilter(village_code, needing_correction));
    if (!stmt) return stmt.error();
    if (!village_code.empty()) (*stmt)->bind(1, village_code);
    const int rc = (*stmt)->step();
    if (rc != SQLITE_ROW) return sql::sqliteError(db.handle(), rc, "count households");
    return (*stmt)->integer(0);
}

Result<std::optional<HouseholdDetail>> findHousehold(Store& store, const std::string& id) {
    if (auto s = requireDataOpen(store); !s) return s.error();
    sql::Connection& db = connection(store);
    auto head =
        db.prepare(std::string("SELECT ") + kSummaryColumns + " FROM households h WHERE h.id = ?");
    if (!head) return head.error();
    head->bind(1, id);
    int rc = head->step();
    if (rc == SQLITE_DONE) return std::optional<HouseholdDetail>();
    if (rc != SQLITE_ROW) return sql::sqliteError(db.handle(), rc, "read household");
    HouseholdDetail detail;
    detail.summary = readSummary(*head);

    auto members = db.prepare(
        "SELECT m.id, pk_open(m.nik), pk_open(m.name), pk_open(m.birth_date), m.sex, m.relation, "
        "m.segment, m.class, m.status, pk_open(m.card_number), m.key, m.faskes, m.duplicate_of, m.office_decision, m.office_reason, "
        "m.office_note FROM members m JOIN households h ON "
        "h.key = m.household_key "
        "WHERE h.id = ? ORDER BY m.event_seq");
    if (!members) return members.error();
    members->bind(1, id);
    std::vector<std::int64_t> keys;
    while ((rc = members->step()) == SQLITE_ROW) {
        MemberRecord r;
        Member& m = r.member;
        m.id = members->text(0);
        m.household_id = id;
        m.nik = members->text(1);
        m.name = members->text(2);
        if (auto d = parseIsoDate(members->text(3))) m.birth_date = *d;
        m.sex = parseSex(members->text(4)).value_or(m.sex);
        m.relation = parseRelation(members->text(5)).value_or(m.relation);
        m.segment = parseSegment(members->text(6)).value_or(m.segment);
        m.care_class = static_cast<int>(members->integer(7));
        r.status = parseStatusOr(members->text(8));
        r.card_number = members->text(9);
        keys.push_back(members->integer(10));
        r.faskes = members->text(11);
        r.duplicate_of = members->text(12);
        r.office_decision = members->text(13);
        r.office_reason = members->text(14);
        r.office_note = members->text(15);
        detail.members.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "read members");

    auto history = db.prepare(
        "SELECT status, at FROM member_status_history WHERE member_key = ? ORDER BY at, event_seq");
    if (!history) return history.error();
    for (size_t i = 0; i < detail.members.size(); ++i) {
        MemberRecord& r = detail.members[i];
        history->reset();
        history->bind(1, keys[i]);
        while ((rc = history->step()) == SQLITE_ROW)
            r.history.push_back({parseStatusOr(history->text(0)), parseTime(history->text(1))});
        if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "read status history");
    }
    return std::optional<HouseholdDetail>(std::move(detail));
}

Result<std::vector<MemberHit>> searchMembers(Store& store, const std::string& raw_query,
                                             int limit) {
    sql::Connection& db = connection(store);
    const std::string query = std::string(trim(raw_query));
    std::vector<MemberHit> out;
    if (query.empty()) return out;
    if (auto s = requireDataOpen(store); !s) return s.error();
    auto collect = [&](sql::Stmt& stmt) -> Status {
        int rc;
        while ((rc = stmt.step()) == SQLITE_ROW && static_cast<int>(out.size()) < limit) {
            MemberHit hit = readHit(stmt);
            bool seen = false;
            for (const MemberHit& h : out) seen = seen || h.member_id == hit.member_id;
            if (!seen) out.push_back(std::move(hit));
        }
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            return sql::sqliteError(db.handle(), rc, "search");
        return {};
    };
    if (query.size() == 16 && isAllDigits(query)) {  // a NIK or a KK number: the blind indexes
        auto nik = blindText(store, "nik", query);
        if (!nik) return nik.error();
        auto kk = blindText(store, "kk", query);
        if (!kk) return kk.error();
        auto stmt = db.prepare(std::string("SELECT ") + kHitColumns +
                               " WHERE m.nik_index = ?1 UNION ALL SELECT " + kHitColumns +
                               " WHERE h.kk_index = ?3 LIMIT ?2");
        if (!stmt) return stmt.error();
        stmt->bind(1, *nik).bind(2, limit).bind(3, *kk);
        if (auto s = collect(*stmt); !s) return s.error();
        return out;
    }
    // A name: sealed names are opened one by one (a device holds some thousands), those that
    // start with the query first, then those with a later word that does.
    std::string like;
    for (char c : query) {
        const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        if (lower == '%' || lower == '_' || lower == '\\') like.push_back('\\');
        like.push_back(lower);
    }
    auto stmt = db.prepare(
        "SELECT m.id, h.id, pk_open(m.nik), k.name, h.village_code, m.status FROM (SELECT key, "
        "pk_open(name) AS name, lower(pk_open(name)) AS name_key FROM members) k JOIN members m "
        "ON m.key = k.key JOIN households h ON h.key = m.household_key WHERE k.name_key LIKE ?1 "
        "ESCAPE '\\' OR k.name_key LIKE ?2 ESCAPE '\\' ORDER BY k.name_key NOT LIKE ?1 ESCAPE "
        "'\\', k.name_key LIMIT ?3");
    if (!stmt) return stmt.error();
    stmt->bind(1, like + "%").bind(2, "% " + like + "%").bind(3, limit);
    if (auto s = collect(*stmt); !s) return s.error();
    return out;
}

Result<std::optional<MemberHit>> findMemberByNik(Store& store, const std::string& nik) {
    if (auto s = requireDataOpen(store); !s) return s.error();
    sql::Connection& db = connection(store);
    auto stmt = db.cached(
        "SELECT m.id, h.id, pk_open(m.nik), pk_open(m.name), h.village_code, m.status FROM "
        "members m JOIN households h ON h.key = m.household_key WHERE m.nik_index = ? LIMIT 1");
    if (!stmt) return stmt.error();
    auto index = blindText(store, "nik", nik);
    if (!index) return index.error();
    (*stmt)->bind(1, *index);
    const int rc = (*stmt)->step();
    if (rc == SQLITE_ROW) return std::optional<MemberHit>(readHit(**stmt));
    if (rc == SQLITE_DONE) return std::optional<MemberHit>();
    return sql::sqliteError(db.handle(), rc, "find member by NIK");
}

}  // namespace pekon
