// The checks of store/verify.hpp: the projections replayed from the event log, SQLite's own.
#include "store/verify.hpp"

#include <map>

#include "codec/event_data.hpp"
#include "store/internal/database.hpp"

namespace pekon {

namespace {

// `what_id` / `what_en` say where, in each language.
Error mismatch(const std::string& what_id, const std::string& what_en) {
    return Error{"projection_mismatch", "Proyeksi tidak cocok dengan log peristiwa: " + what_id,
                 "The projections do not agree with the event log: " + what_en};
}

}  // namespace

Status verifyProjections(Store& store) {
    if (auto s = requireDataOpen(store); !s) return s.error();
    sql::Connection& db = connection(store);
    std::map<std::string, Household> households;
    std::map<std::string, Member> members;
    std::map<std::string, std::int64_t> member_seq;
    auto events =
        db.prepare("SELECT e.seq, e.type, json_patch(e.data, COALESCE(pk_open(NULLIF("
                   "s.for_device, '')), '{}')) FROM events e LEFT JOIN event_seals s ON s.seq = "
                   "e.seq WHERE e.type IN (?, ?, ?) ORDER BY e.seq");
    if (!events) return events.error();
    events->bind(1, event_type::household_registered)
        .bind(2, event_type::member_registered)
        .bind(3, event_type::member_corrected);
    int rc;
    while ((rc = events->step()) == SQLITE_ROW) {
        const std::string type = events->text(1);
        const std::string seq = std::to_string(events->integer(0));
        if (type == event_type::household_registered) {
            auto h = parseHouseholdRegistered(events->text(2));
            if (!h)
                return mismatch("peristiwa " + seq + ": " + h.error().message_id,
                                "event " + seq + ": " + h.error().message_en);
            households[h->id] = *h;
        } else if (type == event_type::member_corrected) {
            auto c = parseMemberCorrected(events->text(2));
            if (!c)
                return mismatch("peristiwa " + seq + ": " + c.error().message_id,
                                "event " + seq + ": " + c.error().message_en);
            auto it = members.find(c->member_id);
            if (it == members.end())
                return mismatch("peristiwa " + seq + " mengoreksi anggota yang tidak dikenal",
                                "event " + seq + " corrects an unknown member");
            Member& m = it->second;
            if (c->nik) m.nik = *c->nik;
            if (c->name) m.name = *c->name;
            if (c->birth_date) {
                if (auto d = parseIsoDate(*c->birth_date)) m.birth_date = *d;
            }
            if (c->sex) m.sex = parseSex(*c->sex).value_or(m.sex);
            if (c->relation) m.relation = parseRelation(*c->relation).value_or(m.relation);
            if (c->segment) m.segment = parseSegment(*c->segment).value_or(m.segment);
            if (c->care_class) m.care_class = *c->care_class;
        } else {
            auto m = parseMemberRegistered(events->text(2));
            if (!m)
                return mismatch("peristiwa " + seq + ": " + m.error().message_id,
                                "event " + seq + ": " + m.error().message_en);
            if (!households.count(m->household_id))
                return mismatch("peristiwa " + seq + " menyebut keluarga yang tidak dikenal",
                                "event " + seq + " names an unknown household");
            member_seq[m->id] = events->integer(0);
            members[m->id] = *m;
        }
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "replay events");

    auto hs =
        db.prepare("SELECT id, pk_open(kk_number), village_code, pk_open(address), pk_open(rt), "
                   "pk_open(rw), pk_open(phone) FROM households");
    if (!hs) return hs.error();
    size_t seen = 0;
    while ((rc = hs->step()) == SQLITE_ROW) {
        ++seen;
        const Household row{hs->text(0), hs->text(1), hs->text(2), hs->text(3),
                            hs->text(4), hs->text(5), hs->text(6)};
        auto it = households.find(row.id);
        if (it == households.end())
            return mismatch("keluarga " + row.id + " tanpa peristiwa",
                            "household " + row.id + " has no event");
        const Household& e = it->second;
        if (e.kk_number != row.kk_number || e.village_code != row.village_code ||
            e.address != row.address || e.rt != row.rt || e.rw != row.rw || e.phone != row.phone)
            return mismatch("keluarga " + row.id + " berbeda dari peristiwanya",
                            "household " + row.id + " differs from its event");
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "read households");
    if (seen != households.size())
        return mismatch("ada peristiwa keluarga tanpa baris keluarga",
                        "a household event has no household row");

    auto ms = db.prepare(
        "SELECT m.id, h.id, pk_open(m.nik), pk_open(m.name), pk_open(m.birth_date), m.sex, "
        "m.relation, m.segment, m.class, m.event_seq, "
        "(SELECT COUNT(*) FROM member_status_history s WHERE s.member_key = m.key) "
        "FROM members m JOIN households h ON h.key = m.household_key");
    if (!ms) return ms.error();
    seen = 0;
    while ((rc = ms->step()) == SQLITE_ROW) {
        ++seen;
        const std::string id = ms->text(0);
        auto it = members.find(id);
        if (it == members.end())
            return mismatch("anggota " + id + " tanpa peristiwa", "member " + id + " has no event");
        const Member& e = it->second;
        if (e.household_id != ms->text(1) || e.nik != ms->text(2) || e.name != ms->text(3) ||
            formatIsoDate(e.birth_date) != ms->text(4) || sexCode(e.sex) != ms->text(5) ||
            relationCode(e.relation) != ms->text(6) || segmentCode(e.segment) != ms->text(7) ||
            e.care_class != ms->integer(8) || member_seq[id] != ms->integer(9))
            return mismatch("anggota " + id + " berbeda dari peristiwanya",
                            "member " + id + " differs from its event");
        if (ms->integer(10) < 1)
            return mismatch("anggota " + id + " tanpa riwayat status",
                            "member " + id + " has no status history");
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "read members");
    if (seen != members.size())
        return mismatch("ada peristiwa anggota tanpa baris anggota",
                        "a member event has no member row");
    return {};
}

Result<std::string> integrityCheck(Store& store, bool full) {
    sql::Connection& db = connection(store);
    auto stmt = db.prepare(full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
    if (!stmt) return stmt.error();
    std::string report;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) {
        if (!report.empty()) report += "; ";
        report += stmt->text(0);
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "quick_check");
    return report;
}

}  // namespace pekon
