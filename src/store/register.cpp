// registerHouseholds and addMember (store/households.hpp): the intents that add households
// and members.
#include <algorithm>
#include <set>

#include "codec/event_data.hpp"
#include "codec/session_data.hpp"
#include "core/text.hpp"
#include "proto/ids.hpp"
#include "store/households.hpp"
#include "store/internal/database.hpp"

namespace pekon {

namespace {

void prefixed(const FieldErrors& from, const std::string& prefix, FieldErrors& into) {
    for (const FieldError& e : from) into.push_back({prefix + e.field, e.error});
}

Result<bool> exists(sql::Connection& db, std::string_view sql, const std::string& value) {
    auto stmt = db.cached(sql);
    if (!stmt) return stmt.error();
    const int rc = (*stmt)->bind(1, value).step();
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return sql::sqliteError(db.handle(), rc, "check");
}

}  // namespace

Status checkNikFree(Store& store, const std::string& nik, const std::string& field,
                    FieldErrors& errors) {
    auto index = blindText(store, "nik", nik);
    if (!index) return index.error();
    auto taken =
        exists(connection(store), "SELECT 1 FROM members WHERE nik_index = ? LIMIT 1", *index);
    if (!taken) return taken.error();
    if (*taken)
        errors.push_back({field,
                          {"nik_already_registered", "NIK ini sudah terdaftar di perangkat ini.",
                           "This NIK is already registered on this device."}});
    return {};
}

namespace {

Status checkAgainstDevice(Store& store, const HouseholdValidation& v, FieldErrors& errors) {
    if (!v.household.kk_number.empty()) {
        auto index = blindText(store, "kk", v.household.kk_number);
        if (!index) return index.error();
        auto kk = exists(connection(store), "SELECT 1 FROM households WHERE kk_index = ? LIMIT 1",
                         *index);
        if (!kk) return kk.error();
        if (*kk)
            errors.push_back(
                {"kk_number",
                 {"kk_already_registered", "Nomor KK ini sudah terdaftar di perangkat ini.",
                  "This KK number is already registered on this device."}});
    }
    for (size_t i = 0; i < v.members.size(); ++i) {
        if (v.members[i].nik.empty()) continue;
        if (auto s = checkNikFree(store, v.members[i].nik, "members[" + std::to_string(i) + "].nik",
                                  errors);
            !s)
            return s;
    }
    return {};
}

Result<std::int64_t> insertHousehold(Store& store, const Household& h, const Event& e) {
    sql::Connection& db = connection(store);
    auto kk_index = blindText(store, "kk", h.kk_number);
    if (!kk_index) return kk_index.error();
    auto sealing = sealTexts(store, {h.kk_number, h.address, h.rt, h.rw, h.phone});
    if (!sealing) return sealing.error();
    const std::vector<std::string>& sealed = *sealing;
    auto stmt = db.cached(
        "INSERT INTO households (id, kk_number, village_code, address, rt, rw, phone, "
        "registered_at, registered_by, event_seq, kk_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)
        ->bind(1, h.id)
        .bind(2, sealed[0])
        .bind(3, h.village_code)
        .bind(4, sealed[1])
        .bind(5, sealed[2])
        .bind(6, sealed[3])
        .bind(7, sealed[4])
        .bind(8, formatRfc3339(e.at))
        .bind(9, e.actor)
        .bind(10, e.seq)
        .bind(11, *kk_index);
    if (auto s = (*stmt)->run("insert household"); !s) return s.error();
    return sqlite3_last_insert_rowid(db.handle());
}

Status insertMember(Store& store, const Member& m, std::int64_t household_key,
                    const Event& e) {
    sql::Connection& db = connection(store);
    const std::string at = formatRfc3339(e.at);
    auto nik_index = blindText(store, "nik", m.nik);
    if (!nik_index) return nik_index.error();
    auto sealed = sealTexts(store, {m.nik, m.name, formatIsoDate(m.birth_date)});
    if (!sealed) return sealed.error();
    const std::string_view queued = statusCode(MemberStatus::queued);
    auto stmt = db.cached(
        "INSERT INTO members (id, household_key, nik, name, name_key, birth_date, sex, relation, "
        "segment, class, status, status_at, event_seq, nik_index) VALUES (?, ?, ?, ?, '', ?, ?, "
        "?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)
        ->bind(1, m.id)
        .bind(2, household_key)
        .bind(3, (*sealed)[0])
        .bind(4, (*sealed)[1])
        .bind(5, (*sealed)[2])
        .bind(6, sexCode(m.sex))
        .bind(7, relationCode(m.relation))
        .bind(8, segmentCode(m.segment))
        .bind(9, m.care_class)
        .bind(10, queued)
        .bind(11, at)
        .bind(12, e.seq)
        .bind(13, *nik_index);
    if (auto s = (*stmt)->run("insert member"); !s) return s;
    const std::int64_t member_key = sqlite3_last_insert_rowid(db.handle());
    auto history = db.cached(
        "INSERT INTO member_status_history (member_key, at, status, event_seq) VALUES (?, ?, ?, "
        "?)");
    if (!history) return history.error();
    (*history)->bind(1, member_key).bind(2, at).bind(3, queued).bind(4, e.seq);
    return (*history)->run("insert status");
}

}  // namespace

namespace {

// The leads whose draft became this household tell the hub (lead.registered), in the
// registration's transaction.
Status sendLeadsRegistered(Store& store, const std::string& draft_id,
                           const std::string& household_id, const WriteContext& ctx) {
    auto leads = connection(store).cached(
        "SELECT id FROM session_leads WHERE draft_id = ? AND household_id = ? ORDER BY id");
    if (!leads) return leads.error();
    (*leads)->bind(1, draft_id).bind(2, household_id);
    std::vector<std::string> ids;
    int rc;
    while ((rc = (*leads)->step()) == SQLITE_ROW) ids.push_back((*leads)->text(0));
    if (rc != SQLITE_DONE)
        return sql::sqliteError(connection(store).handle(), rc, "read the lead");
    for (const std::string& id : ids) {
        auto sent = appendEvent(store, event_type::lead_registered,
                                leadRegisteredData(id, household_id), ctx);
        if (!sent) return sent.error();
    }
    return {};
}

}  // namespace

RegisterOutcome registerHouseholds(Store& store, const std::vector<HouseholdInput>& inputs,
                                   const RegionTable& regions, const WriteContext& ctx,
                                   const std::string& draft_id) {
    sql::Connection& db = connection(store);
    RegisterOutcome out;
    if (auto s = store.writable(); !s) {
        out.errors.push_back({"", s.error()});
        return out;
    }
    if (inputs.empty()) {
        out.errors.push_back({"",
                              {"import_empty", "Tidak ada keluarga untuk didaftarkan.",
                               "There is no household to register."}});
        return out;
    }

    // One write transaction around the checks against this device's data and the writes,
    // so nothing can slip in between them.
    auto tx = sql::Transaction::begin(db);
    if (!tx) {
        out.errors.push_back({"", tx.error()});
        return out;
    }
    // Validate everything first, against core and against what this device already holds.
    std::vector<HouseholdValidation> valid;
    std::set<std::string> batch_niks, batch_kks;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const std::string prefix =
            inputs.size() > 1 ? "households[" + std::to_string(i) + "]." : "";
        HouseholdValidation v = validateHousehold(inputs[i], regions, ctx.today);
        FieldErrors device_errors;
        if (auto s = checkAgainstDevice(store, v, device_errors); !s) {
            out.errors.push_back({"", s.error()});
            return out;
        }
        if (!v.household.kk_number.empty() && !batch_kks.insert(v.household.kk_number).second)
            device_errors.push_back(
                {"kk_number",
                 {"kk_duplicate_in_batch", "Nomor KK ini muncul dua kali dalam impor.",
                  "This KK number appears twice in the import."}});
        for (size_t m = 0; m < v.members.size(); ++m) {
            const std::string& nik = v.members[m].nik;
            if (!nik.empty() && !batch_niks.insert(nik).second &&
                std::none_of(v.errors.begin(), v.errors.end(), [&](const FieldError& e) {
                    return e.error.code == "nik_duplicate_in_household" &&
                           e.field == "members[" + std::to_string(m) + "].nik";
                }))
                device_errors.push_back(
                    {"members[" + std::to_string(m) + "].nik",
                     {"nik_duplicate_in_batch", "NIK ini muncul di dua keluarga dalam impor.",
                      "This NIK appears in two households of the import."}});
        }
        prefixed(v.errors, prefix, out.errors);
        prefixed(device_errors, prefix, out.errors);
        prefixed(v.warnings, prefix, out.warnings);
        valid.push_back(std::move(v));
    }
    if (!out.ok()) return out;

    std::vector<RegisteredHousehold> done;
    for (HouseholdValidation& v : valid) {
        RegisteredHousehold reg;
        v.household.id = newEntityId();
        reg.household_id = v.household.id;
        auto e = appendEvent(store, event_type::household_registered,
                             householdRegisteredData(v.household), ctx);
        auto key = e ? insertHousehold(store, v.household, *e) : Result<std::int64_t>(e.error());
        Status s = key ? Status() : Status(key.error());
        for (Member& m : v.members) {
            if (!s) break;
            m.id = newEntityId();
            m.household_id = v.household.id;
            auto me =
                appendEvent(store, event_type::member_registered, memberRegisteredData(m), ctx);
            s = me ? insertMember(store, m, *key, *me) : Status(me.error());
            reg.member_ids.push_back(m.id);
        }
        if (!s) {
            out.errors.push_back({"", s.error()});
            return out;  // the transaction rolls back: nothing of the batch is written
        }
        done.push_back(std::move(reg));
    }
    if (!draft_id.empty()) {
        auto del = db.cached("DELETE FROM drafts WHERE id = ?");
        Status s = del ? (*del)->bind(1, draft_id).run("delete draft") : Status(del.error());
        // A draft opened for a session's lead: the lead now has its household (store/sessions).
        if (s && !done.empty()) {
            auto lead = db.cached(
                "UPDATE session_leads SET household_id = ? WHERE draft_id = ? AND household_id = "
                "''");
            s = lead
                    ? (*lead)->bind(1, done.front().household_id).bind(2, draft_id).run("link lead")
                    : Status(lead.error());
            if (s) s = sendLeadsRegistered(store, draft_id, done.front().household_id, ctx);
        }
        if (!s) {
            out.errors.push_back({"", s.error()});
            return out;
        }
    }
    if (auto s = tx->commit(); !s) {
        out.errors.push_back({"", s.error()});
        return out;
    }
    out.households = std::move(done);
    return out;
}

Result<std::string> addMember(Store& store, const std::string& household_id,
                              const MemberInput& input, const RegionTable& regions,
                              const WriteContext& ctx, FieldErrors* errors_out,
                              FieldErrors* warnings_out) {
    if (auto s = store.writable(); !s) return s.error();
    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    FieldErrors errors, warnings;
    Member m = validateMember(input, regions, ctx.today, "", errors, warnings);

    std::int64_t household_key = 0, members = 0, heads = 0;
    {
        auto stmt = db.cached(
            "SELECT h.key, COUNT(m.key), COUNT(CASE WHEN m.relation = 'head' THEN 1 END) "
            "FROM households h LEFT JOIN members m ON m.household_key = h.key WHERE h.id = ? GROUP "
            "BY h.key");
        if (!stmt) return stmt.error();
        const int rc = (*stmt)->bind(1, household_id).step();
        if (rc == SQLITE_ROW) {
            household_key = (*stmt)->integer(0);
            members = (*stmt)->integer(1);
            heads = (*stmt)->integer(2);
        } else if (rc != SQLITE_DONE) {
            return sql::sqliteError(db.handle(), rc, "read household");
        }
    }
    if (household_key == 0)
        errors.push_back(
            {"household_id",
             {"household_not_found", "Keluarga tidak ditemukan.", "The household was not found."}});
    else if (members >= static_cast<std::int64_t>(kMaxMembers))
        errors.push_back({"household_id",
                          {"household_too_many_members", "Terlalu banyak anggota (maks. 30).",
                           "Too many members (at most 30)."}});
    else if (m.relation == Relation::head && heads > 0)
        errors.push_back({"relation",
                          {"household_many_heads", "Hanya boleh ada satu kepala keluarga.",
                           "There can be only one head of family."}});
    if (!m.nik.empty()) {
        if (auto s = checkNikFree(store, m.nik, "nik", errors); !s) return s.error();
    }
    if (warnings_out) *warnings_out = warnings;
    if (!errors.empty()) {
        Error first = errors.front().error;
        if (errors_out) *errors_out = std::move(errors);
        return first;
    }
    m.id = newEntityId();
    m.household_id = household_id;
    auto e = appendEvent(store, event_type::member_registered, memberRegisteredData(m), ctx);
    if (!e) return e.error();
    if (auto s = insertMember(store, m, household_key, *e); !s) return s.error();
    if (auto s = tx->commit(); !s) return s.error();
    return m.id;
}

}  // namespace pekon
