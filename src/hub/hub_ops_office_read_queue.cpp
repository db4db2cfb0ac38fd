// What the console reads of the read models: the verification queue (queuePage) and a
// person's page (memberView).
#include <algorithm>
#include <array>
#include <climits>
#include <cstring>

#include "codec/json.hpp"
#include "core/number.hpp"
#include "hub/hub_ops_office_read.hpp"

namespace pekon::hub {

namespace {

constexpr int kRowWidth = 17;
#define PEKON_OFFICE_ROW_COLUMNS                                                              \
    "m.member_id, m.household_id, m.device_id, d.name, m.nik, m.name, m.birth_date, m.sex, " \
    "m.relation, m.segment, m.class, m.village_code, m.state, m.received_at, m.checks, "     \
    "m.pregnancy_due, m.queue_rank"

MemberRow memberRowAt(const RowSet& r, int i) {
    MemberRow m;
    m.member_id = r.text(i, 0);
    m.household_id = r.text(i, 1);
    m.device_id = r.text(i, 2);
    m.device_name = r.text(i, 3);
    m.nik = r.text(i, 4);
    m.name = r.text(i, 5);
    m.birth_date = r.text(i, 6);
    m.sex = r.text(i, 7);
    m.relation = r.text(i, 8);
    m.segment = r.text(i, 9);
    if (!r.isNull(i, 10)) m.klass = static_cast<int>(r.integer(i, 10));
    m.village_code = r.text(i, 11);
    m.state = parseOfficeState(r.text(i, 12)).value_or(OfficeState::fresh);
    m.received_at = r.integer(i, 13);
    m.checks = splitChecks(r.text(i, 14));
    m.pregnancy_due = r.text(i, 15);
    m.queue_rank = static_cast<int>(r.integer(i, 16));
    return m;
}

// --- The queue's statements: one per combination of filters, made once ------------------------

enum QueueBit : unsigned {
    kVillage = 1,
    kKecamatan = 2,
    kDevice = 4,
    kSegment = 8,
    kFrom = 16,
    kTo = 32,
    kCheckCode = 64,   // office_checks by code
    kCheckAny = 128,   // check_count > 0
    kCheckNone = 256,  // check_count = 0
    kRankFirst = 512,  // pregnant women and babies first (queue_rank), then the rest
};
constexpr unsigned kQueueVariants = 1024;

struct QueueSql {
    std::string name;
    std::string text;
};

// Parameters in this order: [code], state, [village], [kecamatan], [device], [segment], [from],
// [to], [cursor rank], cursor time, cursor member, limit.
QueueSql queueSql(unsigned mask) {
    const bool by_check = mask & kCheckCode;
    const std::string key = by_check ? "c" : "m";
    std::string where;
    auto add = [&](const std::string& condition) {
        where += (where.empty() ? " WHERE " : " AND ") + condition;
    };
    if (by_check) add("c.code = ?");
    add(key + ".state = ?");
    if (mask & kVillage) add("m.village_code = ?");
    if (mask & kKecamatan) add("m.kecamatan_code = ?");
    if (mask & kDevice) add("m.device_id = ?");
    if (mask & kSegment) add("m.segment = ?");
    if (mask & kFrom) add(key + ".received_at >= ?");
    if (mask & kTo) add(key + ".received_at < ?");
    if (mask & kCheckAny) add("m.check_count > 0");
    if (mask & kCheckNone) add("m.check_count = 0");
    const bool ranked = mask & kRankFirst;
    const std::string order = (ranked ? "m.queue_rank, " : "") + key + ".received_at, " + key +
                              ".member_id";
    add("(" + order + ") > (" + (ranked ? "?, " : "") + "?, ?)");
    const std::string from =
        by_check ? " FROM office_checks c JOIN office_members m ON m.member_id = c.member_id"
                 : " FROM office_members m";
    return {"office_queue_" + std::to_string(mask),
            "SELECT " PEKON_OFFICE_ROW_COLUMNS + from +
                " LEFT JOIN devices d ON d.id = m.device_id" + where + " ORDER BY " + order +
                " LIMIT ?"};
}

const QueueSql& queueStatement(unsigned mask) {
    // Made once, never changed: the SQLite backend keeps statement names by reference.
    static const std::vector<QueueSql> all = [] {
        std::vector<QueueSql> out;
        for (unsigned m = 0; m < kQueueVariants; ++m) out.push_back(queueSql(m));
        return out;
    }();
    return all[mask];
}

Error badCursor() {
    return Error{"bad_cursor", "Penanda halaman tidak sah; mulai lagi dari halaman pertama.",
                 "The page cursor is not valid; start again from the first page."};
}

struct Cursor {
    std::int64_t rank = -1;  // q2 (mothers first) only
    std::int64_t received_at = -1;
    std::string member_id;
};

constexpr char kHex[] = "0123456789abcdef";

// q1:<received_at>:<member> in time order; q2:<rank>:<received_at>:<member> mothers first.
std::string encodeCursor(const MemberRow& row, bool ranked) {
    const std::string plain = (ranked ? "q2:" + std::to_string(row.queue_rank) + ":" : "q1:") +
                              std::to_string(row.received_at) + ":" + row.member_id;
    std::string out;
    for (unsigned char c : plain) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

Result<Cursor> decodeCursor(std::string_view text, bool ranked) {
    if (text.empty()) return Cursor{};
    if (text.size() % 2 || text.size() > 256) return badCursor();
    std::string plain;
    for (size_t i = 0; i < text.size(); i += 2) {
        const char* hi = std::strchr(kHex, text[i]);
        const char* lo = std::strchr(kHex, text[i + 1]);
        if (!hi || !lo || !*hi || !*lo) return badCursor();
        plain += static_cast<char>((hi - kHex) * 16 + (lo - kHex));
    }
    Cursor cursor;
    size_t start = 3;
    if (!plain.starts_with(ranked ? "q2:" : "q1:")) return badCursor();
    if (ranked) {
        const size_t rank_end = plain.find(':', 3);
        if (rank_end == std::string::npos) return badCursor();
        auto rank = parseNumber<std::int64_t>(std::string_view(plain).substr(3, rank_end - 3));
        if (!rank || *rank < 0 || *rank > 1) return badCursor();
        cursor.rank = *rank;
        start = rank_end + 1;
    }
    const size_t colon = plain.find(':', start);
    if (colon == std::string::npos) return badCursor();
    auto at = parseNumber<std::int64_t>(std::string_view(plain).substr(start, colon - start));
    std::string member = plain.substr(colon + 1);
    const bool member_ok = !member.empty() && std::all_of(member.begin(), member.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '-' || c == '_';
    });
    if (!at || *at < 0 || !member_ok) return badCursor();
    cursor.received_at = *at;
    cursor.member_id = std::move(member);
    return cursor;
}

Error badFilter(const std::string& what) {
    return Error{"bad_filter", "Saringan antrean tidak sah: " + what + ".",
                 "The queue filter is not valid: " + what + "."};
}

// The start of a day (UTC) in Unix seconds.
Result<std::int64_t> dayStart(const std::string& day, const char* what) {
    auto date = parseIsoDate(day);
    if (!date) return badFilter(what);
    return toDays(*date) * 86400;
}

}  // namespace

Result<QueuePage> queuePage(HubDb& db, const QueueFilter& filter, const std::string& after,
                            int limit) {
    if (limit < 1 || limit > 500) return badFilter("limit");
    const bool ranked = filter.mothers_first;
    auto cursor = decodeCursor(after, ranked);
    if (!cursor) return cursor.error();
    unsigned mask = ranked ? kRankFirst : 0u;
    std::optional<std::int64_t> from, to;
    if (!filter.village.empty()) mask |= kVillage;
    if (!filter.kecamatan.empty()) mask |= kKecamatan;
    if (!filter.device_id.empty()) mask |= kDevice;
    if (!filter.segment.empty()) mask |= kSegment;
    if (!filter.from_day.empty()) {
        auto start = dayStart(filter.from_day, "from");
        if (!start) return start.error();
        from = *start;
        mask |= kFrom;
    }
    if (!filter.to_day.empty()) {
        auto start = dayStart(filter.to_day, "to");
        if (!start) return start.error();
        to = *start + 86400;
        mask |= kTo;
    }
    if (filter.check == "any") {
        mask |= kCheckAny;
    } else if (filter.check == "none") {
        mask |= kCheckNone;
    } else if (!filter.check.empty()) {
        const auto codes = checkCodes();
        if (std::find(codes.begin(), codes.end(), filter.check) == codes.end())
            return badFilter("check");
        mask |= kCheckCode;
    }
    std::vector<OfficeState> states = filter.states;
    if (states.empty()) states = {OfficeState::fresh, OfficeState::corrected};
    std::sort(states.begin(), states.end());
    states.erase(std::unique(states.begin(), states.end()), states.end());

    const QueueSql& statement = queueStatement(mask);
    const HubSql sql{statement.name.c_str(), statement.text.c_str(), kRowWidth};
    return inTx<QueuePage>(db, TxMode::read, [&](HubTx& tx) -> Result<QueuePage> {
        // One index range per state, merged: each is in (received_at, member id) order.
        std::vector<MemberRow> rows;
        for (OfficeState state : states) {
            std::vector<SqlParam> params;
            if (mask & kCheckCode) params.emplace_back(filter.check);
            params.emplace_back(std::string(officeStateCode(state)));
            if (mask & kVillage) params.emplace_back(filter.village);
            if (mask & kKecamatan) params.emplace_back(filter.kecamatan);
            if (mask & kDevice) params.emplace_back(filter.device_id);
            if (mask & kSegment) params.emplace_back(filter.segment);
            if (from) params.emplace_back(*from);
            if (to) params.emplace_back(*to);
            if (ranked) params.emplace_back(cursor->rank);
            params.emplace_back(cursor->received_at);
            params.emplace_back(cursor->member_id);
            params.emplace_back(std::int64_t{limit} + 1);
            auto found = tx.run(sql, params, "read the queue");
            if (!found) return found.error();
            for (int i = 0; i < found->count(); ++i) rows.push_back(memberRowAt(*found, i));
        }
        std::sort(rows.begin(), rows.end(), [ranked](const MemberRow& a, const MemberRow& b) {
            const int ra = ranked ? a.queue_rank : 0, rb = ranked ? b.queue_rank : 0;
            return std::tie(ra, a.received_at, a.member_id) <
                   std::tie(rb, b.received_at, b.member_id);
        });
        QueuePage page;
        if (rows.size() > static_cast<size_t>(limit)) {
            rows.resize(static_cast<size_t>(limit));
            page.next = encodeCursor(rows.back(), ranked);
        }
        page.rows = std::move(rows);
        return page;
    });
}

// --- A person's page -------------------------------------------------------------------------

namespace {

constexpr HubSql kViewMember{"office_view_member",
                             "SELECT " PEKON_OFFICE_ROW_COLUMNS
                             ", m.phone, m.occupation, m.existing_card, m.nik_mismatch_reason, "
                             "m.corrections, m.findings FROM office_members m LEFT JOIN devices d "
                             "ON d.id = m.device_id WHERE m.member_id = ?",
                             kRowWidth + 6};
constexpr HubSql kViewHousehold{"office_view_household",
                                "SELECT household_id, device_id, kk_number, village_code, "
                                "address, rt, rw, phone, documents, consent, event_at "
                                "FROM office_households WHERE household_id = ?",
                                11};
constexpr HubSql kViewHouseholdMembers{
    "office_view_household_members",
    "SELECT " PEKON_OFFICE_ROW_COLUMNS
    " FROM office_members m LEFT JOIN devices d ON d.id = m.device_id WHERE m.household_id = ? "
    "ORDER BY m.received_at, m.member_id",
    kRowWidth};
constexpr HubSql kViewSameNik{
    "office_view_same_nik",
    "SELECT " PEKON_OFFICE_ROW_COLUMNS
    " FROM office_members m LEFT JOIN devices d ON d.id = m.device_id WHERE m.nik = ? AND "
    "m.member_id <> ? AND (m.household_id <> ? OR m.device_id <> ?) "
    "ORDER BY m.received_at, m.member_id",
    kRowWidth};
constexpr HubSql kViewHistory{"office_view_history",
                              "SELECT at, kind, what, actor, detail FROM office_history "
                              "WHERE member_id = ? ORDER BY at, id",
                              5};

std::vector<MemberRow> memberRows(const RowSet& rows) {
    std::vector<MemberRow> out;
    for (int i = 0; i < rows.count(); ++i) out.push_back(memberRowAt(rows, i));
    return out;
}

}  // namespace

Result<std::optional<MemberView>> memberView(HubDb& db, const std::string& member_id) {
    using View = std::optional<MemberView>;
    return inTx<View>(db, TxMode::read, [&](HubTx& tx) -> Result<View> {
        auto found = tx.run(kViewMember, {member_id}, "read a member");
        if (!found) return found.error();
        if (found->count() == 0) return View{};
        MemberView v;
        v.member = memberRowAt(*found, 0);
        v.phone = found->text(0, kRowWidth);
        v.occupation = found->text(0, kRowWidth + 1);
        v.existing_card = found->text(0, kRowWidth + 2);
        v.nik_mismatch_reason = found->text(0, kRowWidth + 3);
        v.corrections = static_cast<int>(found->integer(0, kRowWidth + 4));
        const MemberRow& m = v.member;

        auto household = tx.run(kViewHousehold, {m.household_id}, "read a household");
        if (!household) return household.error();
        if (household->count() == 1) {
            const RowSet& h = *household;
            v.household = HouseholdView{h.text(0, 0), h.text(0, 1), h.text(0, 2), h.text(0, 3),
                                        h.text(0, 4), h.text(0, 5), h.text(0, 6), h.text(0, 7),
                                        h.text(0, 8), h.text(0, 9), h.text(0, 10)};
        }
        auto mates = tx.run(kViewHouseholdMembers, {m.household_id}, "read a household");
        if (!mates) return mates.error();
        v.household_members = memberRows(*mates);
        if (!m.nik.empty()) {  // babies without a NIK yet share nothing
            auto same = tx.run(kViewSameNik, {m.nik, m.member_id, m.household_id, m.device_id},
                               "read registrations of a NIK");
            if (!same) return same.error();
            v.same_nik_elsewhere = memberRows(*same);
        }

        // Stored in the order of checkCodes() by refreshMembers.
        auto findings = parseJson(found->text(0, kRowWidth + 5));
        if (findings && findings->is_array())
            for (const Json& f : *findings)
                if (f.is_object() && f.contains("code") && f["code"].is_string())
                    v.findings.push_back(
                        {f["code"].get<std::string>(), f.value("detail", Json::object()).dump()});
        auto history = tx.run(kViewHistory, {member_id}, "read history");
        if (!history) return history.error();
        // The registration itself is the member's row (not a stored line).
        v.history.push_back({m.received_at, "registered", "member.registered", m.device_id, "{}"});
        for (int i = 0; i < history->count(); ++i)
            v.history.push_back({history->integer(i, 0), history->text(i, 1), history->text(i, 2),
                                 history->text(i, 3), history->text(i, 4)});
        std::stable_sort(v.history.begin(), v.history.end(),
                         [](const HistoryLine& a, const HistoryLine& b) { return a.at < b.at; });
        return View{std::move(v)};
    });
}

}  // namespace pekon::hub
