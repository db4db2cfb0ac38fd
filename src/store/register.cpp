// Store::registerHouseholds: the household registration intent.
#include <algorithm>
#include <set>

#include "codec/event_data.hpp"
#include "core/text.hpp"
#include "store/store.hpp"

namespace pekon {

namespace {

std::string nameKey(std::string_view name) {
    std::string key(name);
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
}

void prefixed(const FieldErrors& from, const std::string& prefix, FieldErrors& into) {
    for (const FieldError& e : from) into.push_back({prefix + e.field, e.error});
}

}  // namespace

void Store::checkAgainstDevice(const HouseholdValidation& v, const std::string& prefix,
                               FieldErrors& errors) {
    if (!v.household.kk_number.empty()) {
        auto stmt = db_.cached("SELECT 1 FROM households WHERE kk_number = ? LIMIT 1");
        if (stmt && (*stmt)->bind(1, v.household.kk_number).step() == SQLITE_ROW)
            errors.push_back({prefix + "kk_number",
                              {"kk_already_registered", "Nomor KK ini sudah terdaftar di perangkat ini.",
                               "This KK number is already registered on this device."}});
    }
    for (size_t i = 0; i < v.members.size(); ++i) {
        if (v.members[i].nik.empty()) continue;
        auto stmt = db_.cached("SELECT 1 FROM members WHERE nik = ? LIMIT 1");
        if (stmt && (*stmt)->bind(1, v.members[i].nik).step() == SQLITE_ROW)
            errors.push_back({prefix + "members[" + std::to_string(i) + "].nik",
                              {"nik_already_registered", "NIK ini sudah terdaftar di perangkat ini.",
                               "This NIK is already registered on this device."}});
    }
}

Status Store::insertHousehold(const Household& h, const Event& e) {
    auto stmt = db_.cached(
        "INSERT INTO households (id, kk_number, village_code, address, rt, rw, phone, registered_at, "
        "registered_by, event_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, h.id).bind(2, h.kk_number).bind(3, h.village_code).bind(4, h.address).bind(5, h.rt)
        .bind(6, h.rw).bind(7, h.phone).bind(8, formatRfc3339(e.at)).bind(9, e.actor).bind(10, e.seq);
    return (*stmt)->run("insert household");
}

Status Store::insertMember(const Member& m, const Event& e) {
    const std::string at = formatRfc3339(e.at);
    const std::string_view queued = statusCode(MemberStatus::queued);
    auto stmt = db_.cached(
        "INSERT INTO members (id, household_id, nik, name, name_key, birth_date, sex, relation, segment, "
        "class, status, status_at, event_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, m.id).bind(2, m.household_id).bind(3, m.nik).bind(4, m.name).bind(5, nameKey(m.name))
        .bind(6, formatIsoDate(m.birth_date)).bind(7, sexCode(m.sex)).bind(8, relationCode(m.relation))
        .bind(9, segmentCode(m.segment)).bind(10, m.care_class).bind(11, queued).bind(12, at).bind(13, e.seq);
    if (auto s = (*stmt)->run("insert member"); !s) return s;
    auto history = db_.cached(
        "INSERT INTO member_status_history (member_id, at, status, event_seq) VALUES (?, ?, ?, ?)");
    if (!history) return history.error();
    (*history)->bind(1, m.id).bind(2, at).bind(3, queued).bind(4, e.seq);
    return (*history)->run("insert status");
}

RegisterOutcome Store::registerHouseholds(const std::vector<HouseholdInput>& inputs,
                                          const RegionTable& regions, const WriteContext& ctx) {
    RegisterOutcome out;
    if (auto s = writable(); !s) {
        out.errors.push_back({"", s.error()});
        return out;
    }
    if (inputs.empty()) {
        out.errors.push_back({"", {"import_empty", "Tidak ada keluarga untuk didaftarkan.", "There is no household to register."}});
        return out;
    }

    // Validate everything first, against core and against what this device already holds.
    std::vector<HouseholdValidation> valid;
    std::set<std::string> batch_niks, batch_kks;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const std::string prefix = inputs.size() > 1 ? "households[" + std::to_string(i) + "]." : "";
        HouseholdValidation v = validateHousehold(inputs[i], regions, ctx.today);
        FieldErrors device_errors;
        checkAgainstDevice(v, "", device_errors);
        if (!v.household.kk_number.empty() && !batch_kks.insert(v.household.kk_number).second)
            device_errors.push_back({"kk_number", {"kk_duplicate_in_batch", "Nomor KK ini muncul dua kali dalam impor.",
                                                   "This KK number appears twice in the import."}});
        for (size_t m = 0; m < v.members.size(); ++m) {
            const std::string& nik = v.members[m].nik;
            if (!nik.empty() && !batch_niks.insert(nik).second &&
                std::none_of(v.errors.begin(), v.errors.end(), [&](const FieldError& e) {
                    return e.error.code == "nik_duplicate_in_household" &&
                           e.field == "members[" + std::to_string(m) + "].nik";
                }))
                device_errors.push_back({"members[" + std::to_string(m) + "].nik",
                                         {"nik_duplicate_in_batch", "NIK ini muncul di dua keluarga dalam impor.",
                                          "This NIK appears in two households of the import."}});
        }
        prefixed(v.errors, prefix, out.errors);
        prefixed(device_errors, prefix, out.errors);
        prefixed(v.warnings, prefix, out.warnings);
        valid.push_back(std::move(v));
    }
    if (!out.ok()) return out;

    auto tx = sql::Transaction::begin(db_);
    if (!tx) {
        out.errors.push_back({"", tx.error()});
        return out;
    }
    std::vector<RegisteredHousehold> done;
    for (HouseholdValidation& v : valid) {
        RegisteredHousehold reg;
        v.household.id = newUuid();
        reg.household_id = v.household.id;
        auto e = appendEvent(event_type::household_registered, householdRegisteredData(v.household), ctx);
        Status s = e ? insertHousehold(v.household, *e) : Status(e.error());
        for (Member& m : v.members) {
            if (!s) break;
            m.id = newUuid();
            m.household_id = v.household.id;
            auto me = appendEvent(event_type::member_registered, memberRegisteredData(m), ctx);
            s = me ? insertMember(m, *me) : Status(me.error());
            reg.member_ids.push_back(m.id);
        }
        if (!s) {
            out.errors.push_back({"", s.error()});
            return out;  // the transaction rolls back: nothing of the batch is written
        }
        done.push_back(std::move(reg));
    }
    if (auto s = tx->commit(); !s) {
        out.errors.push_back({"", s.error()});
        return out;
    }
    out.households = std::move(done);
    return out;
}

}  // namespace pekon
