// correctMember (store/households.hpp): the member correction intent.
#include "codec/event_data.hpp"
#include "store/households.hpp"
#include "store/internal/database.hpp"
#include "store/internal/member_status.hpp"

namespace pekon {

Result<std::vector<std::string>> correctMember(Store& store, const std::string& member_id,
                                               const MemberInput& input, const RegionTable& regions,
                                               const WriteContext& ctx, FieldErrors* errors_out) {
    if (auto s = store.writable(); !s) return s.error();
    if (auto s = requireDataOpen(store); !s) return s.error();
    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    auto row = db.prepare(
        "SELECT key, household_key, pk_open(nik), pk_open(name), pk_open(birth_date), sex, "
        "relation, segment, class, status FROM members WHERE id = ?");
    if (!row) return row.error();
    row->bind(1, member_id);
    int rc = row->step();
    if (rc == SQLITE_DONE)
        return Error{"member_not_found", "Anggota tidak ditemukan.", "The member was not found."};
    if (rc != SQLITE_ROW) return sql::sqliteError(db.handle(), rc, "read member");
    const std::int64_t key = row->integer(0), household_key = row->integer(1);
    const std::string old_nik = row->text(2), old_name = row->text(3), old_birth = row->text(4),
                      old_sex = row->text(5), old_relation = row->text(6),
                      old_segment = row->text(7), status = row->text(9);
    const int old_class = static_cast<int>(row->integer(8));
    row->reset();

    FieldErrors errors, warnings;
    const Member m = validateMember(input, regions, ctx.today, "", errors, warnings);
    if (errors.empty() && m.nik != old_nik) {
        if (auto s = checkNikFree(store, m.nik, "nik", errors); !s) return s.error();
    }
    if (errors.empty() && m.relation == Relation::head && old_relation != "head") {
        auto heads = db.prepare(
            "SELECT 1 FROM members WHERE household_key = ? AND relation = 'head' AND key != ?");
        if (!heads) return heads.error();
        heads->bind(1, household_key).bind(2, key);
        if (heads->step() == SQLITE_ROW)
            errors.push_back({"relation",
                              {"household_many_heads", "Hanya boleh ada satu kepala keluarga.",
                               "There can be only one head of family."}});
    }
    if (!errors.empty()) {
        Error first = errors.front().error;
        if (errors_out) *errors_out = std::move(errors);
        return first;
    }

    MemberChange change{member_id, {}, {}, {}, {}, {}, {}, {}};
    std::vector<std::string> changed;
    auto diff = [&](const char* name, const std::string& before, const std::string& after,
                    std::optional<std::string>& slot) {
        if (before != after) slot = after, changed.push_back(name);
    };
    diff("nik", old_nik, m.nik, change.nik);
    diff("name", old_name, m.name, change.name);
    diff("birth_date", old_birth, formatIsoDate(m.birth_date), change.birth_date);
    diff("sex", old_sex, std::string(sexCode(m.sex)), change.sex);
    diff("relation", old_relation, std::string(relationCode(m.relation)), change.relation);
    diff("segment", old_segment, std::string(segmentCode(m.segment)), change.segment);
    if (old_class != m.care_class) change.care_class = m.care_class, changed.push_back("class");
    if (changed.empty())
        return Error{"nothing_changed", "Tidak ada yang berubah.", "Nothing was changed."};

    auto e = appendEvent(store, event_type::member_corrected, memberCorrectedData(change), ctx);
    if (!e) return e.error();
    auto sealed = sealTexts(store, {m.nik, m.name, formatIsoDate(m.birth_date)});
    if (!sealed) return sealed.error();
    auto nik_index = blindText(store, "nik", m.nik);
    if (!nik_index) return nik_index.error();
    auto update = db.prepare(
        "UPDATE members SET nik = ?, name = ?, nik_index = ?, birth_date = ?, sex = ?, relation = "
        "?, segment = ?, class = ? WHERE key = ?");
    if (!update) return update.error();
    update->bind(1, (*sealed)[0])
        .bind(2, (*sealed)[1])
        .bind(3, *nik_index)
        .bind(4, (*sealed)[2])
        .bind(5, sexCode(m.sex))
        .bind(6, relationCode(m.relation))
        .bind(7, segmentCode(m.segment))
        .bind(8, m.care_class)
        .bind(9, key);
    if (auto s = update->run("correct member"); !s) return s.error();
    if (status == statusCode(MemberStatus::rejected) ||
        status == statusCode(MemberStatus::needs_correction)) {
        // Corrected after the office sent it back: in the queue for the hub again. The
        // office's reason stays with the member ("correction sent") until it decides again.
        if (auto s = recordStatus(db, key, MemberStatus::queued, ctx.now, e->seq); !s)
            return s.error();
    }
    if (auto s = tx->commit(); !s) return s.error();
    return changed;
}

}  // namespace pekon
