#include "store/kiosk_status.hpp"

#include "store/internal/database.hpp"
#include "store/internal/kiosk_entries.hpp"

namespace pekon {

Status keepKioskEntry(sql::Connection& db, const KioskEntry& e) {
    auto stmt = db.cached(
        "INSERT OR REPLACE INTO kiosk_status (lookup, status, class, faskes, card_eta, "
        "card_number_masked, name_masked, as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, e.lookup).bind(2, e.status);
    if (e.care_class)
        (*stmt)->bind(3, *e.care_class);
    else
        (*stmt)->bindNull(3);
    (*stmt)->bind(4, e.faskes).bind(5, e.card_eta).bind(6, e.card_number_masked);
    (*stmt)->bind(7, e.name_masked).bind(8, e.as_of);
    return (*stmt)->run("keep a kiosk status");
}

Status upsertKioskEntries(Store& store, const std::vector<KioskEntry>& entries) {
    if (auto s = store.writable(); !s) return s.error();
    auto tx = sql::Transaction::begin(connection(store));
    if (!tx) return tx.error();
    for (const KioskEntry& e : entries)
        if (auto s = keepKioskEntry(connection(store), e); !s) return s;
    return tx->commit();
}

namespace {

Result<std::optional<KioskEntry>> findByLookup(Store& store, const Result<std::string>& lookup) {
    if (!lookup) return lookup.error();
    auto stmt = connection(store).cached(
        "SELECT status, class, faskes, card_eta, card_number_masked, name_masked, as_of FROM "
        "kiosk_status WHERE lookup = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, *lookup);
    const int rc = (*stmt)->step();
    if (rc == SQLITE_DONE) return std::optional<KioskEntry>();
    if (rc != SQLITE_ROW)
        return sql::sqliteError(connection(store).handle(), rc, "look up a card status");
    KioskEntry e;
    e.lookup = *lookup;
    e.status = (*stmt)->text(0);
    if (!(*stmt)->isNull(1)) e.care_class = static_cast<int>((*stmt)->integer(1));
    e.faskes = (*stmt)->text(2);
    e.card_eta = (*stmt)->text(3);
    e.card_number_masked = (*stmt)->text(4);
    e.name_masked = (*stmt)->text(5);
    e.as_of = (*stmt)->text(6);
    return std::optional<KioskEntry>(std::move(e));
}

}  // namespace

Result<std::optional<KioskEntry>> findKioskEntryByKk(Store& store, const KioskKey& key,
                                                     std::string_view nik,
                                                     std::string_view kk_number) {
    return findByLookup(store, kkLookupKey(key, nik, kk_number));
}

Result<std::optional<KioskEntry>> findKioskEntryByReceipt(Store& store, const KioskKey& key,
                                                          std::string_view household_id,
                                                          const Date& birth) {
    return findByLookup(store, receiptLookupKey(key, household_id, birth));
}

}  // namespace pekon
