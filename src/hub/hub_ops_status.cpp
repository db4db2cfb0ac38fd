#include <unordered_set>

#include "hub/hub_ops.hpp"
#include "hub/office_read.hpp"

namespace pekon::hub {

namespace {

constexpr BulkColumn kStatusColumns[] = {
    {"nik", "text"},    {"birth_date", "text"}, {"status", "text"},     {"card_number", "text"},
    {"class", "integer"}, {"faskes", "text"},   {"decided_on", "text"}, {"imported_at", "bigint"}};
constexpr BulkInsert kInsertStatuses{"insert_statuses", "statuses", kStatusColumns, ""};
// Every registration of the people (their NIKs and birth dates: a superset of the pairs).
constexpr HubSql kRegistrationsOfPeople{
    "registrations_of_people",
    "SELECT member_id, household_id, device_id, nik, birth_date FROM members WHERE nik {in ?} "
    "AND birth_date {in ?} ORDER BY member_id",
    5};

Status insertStatuses(HubTx& tx, const std::vector<StatusRow>& rows, UnixSeconds now) {
    // The texts the rows borrow live here until the insert is done.
    std::vector<std::string> texts;
    texts.reserve(rows.size() * 3);
    BulkRows cells(std::size(kStatusColumns));
    for (const StatusRow& row : rows) {
        const std::string& birth = texts.emplace_back(formatIsoDate(row.birth_date));
        const std::string& status = texts.emplace_back(statusCode(row.status));
        const std::string& date = texts.emplace_back(formatIsoDate(row.date));
        cells.text(row.nik).text(birth).text(status).text(row.card_number);
        if (row.care_class)
            cells.integer(*row.care_class);
        else
            cells.integerOrNull(std::nullopt);
        cells.text(row.faskes).text(date).integer(now);
    }
    auto kept = tx.insert(kInsertStatuses, cells, "keep statuses");
    if (!kept) return kept.error();
    return {};
}

// Every registration of these people (NIK and birth date), on whichever device made it,
// by member id.
Result<std::vector<Registration>> registrationsOf(HubTx& tx, const std::vector<PersonKey>& people) {
    std::vector<std::string> niks, births;
    std::unordered_set<std::string> wanted;
    for (const PersonKey& p : people) {
        niks.push_back(p.nik);
        births.push_back(p.birth_date);
        wanted.insert(personText(p));
    }
    auto found = tx.run(kRegistrationsOfPeople, {std::move(niks), std::move(births)},
                        "find registrations");
    if (!found) return found.error();
    std::vector<Registration> out;
    for (int i = 0; i < found->count(); ++i) {
        Registration r{found->text(i, 0), found->text(i, 1), found->text(i, 2), found->text(i, 3),
                       found->text(i, 4)};
        if (wanted.count(personText({r.nik, r.birth_date}))) out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

Result<StatusImportSummary> importStatuses(HubDb& db, const std::vector<StatusRow>& rows,
                                           UnixSeconds now) {
    using Summary = StatusImportSummary;
    if (rows.empty()) return Summary{};
    const std::vector<PersonKey> people = statusKeys(rows);
    return inTx<Summary>(db, TxMode::write, [&](HubTx& tx) -> Result<Summary> {
        if (auto s = insertStatuses(tx, rows, now); !s) return s.error();
        auto registrations = registrationsOf(tx, people);
        if (!registrations) return registrations.error();
        StatusPlan plan = planStatusImport(rows, *registrations);
        // The office's read models: the members' state and their `status` history lines.
        std::vector<std::string> member_ids;
        for (const Registration& r : *registrations) member_ids.push_back(r.member_id);
        if (auto s = refreshMembers(tx, member_ids); !s) return s.error();
        if (auto s = insertChanges(tx, plan.changes, now); !s) return s.error();
        // The kiosks' table follows later, from the queue (drainKioskQueue).
        auto queued = queueKioskRows(tx, rows, now);
        if (!queued) return queued.error();
        plan.summary.kiosk_queued = *queued;
        return plan.summary;
    });
}

}  // namespace pekon::hub
