#include <unordered_set>

#include "hub/hub_ops.hpp"
#include "vault/sealed_box.hpp"

namespace pekon::hub {

namespace {

constexpr HubSql kMakeSecret{
    "make_secret",
    "INSERT INTO hub_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"};
constexpr HubSql kSecret{"secret", "SELECT value FROM hub_secrets WHERE name = ?", 1};
// The entries made since issue 12 that have a lookup (hub_plan.hpp).
constexpr HubSql kSendKioskTable{
    "send_kiosk_table",
    "INSERT INTO changes (device_id, type, data, created_at) SELECT CAST(? AS TEXT), "
    "'kiosk.status', data, CAST(? AS BIGINT) FROM kiosk_entries WHERE (route = ? OR route LIKE "
    "?) AND lookup <> '' AND data LIKE '%\"kk\\_lookup\":%' ESCAPE '\\' "
    "ORDER BY route, nik, birth_date"};
// The queries by people take the list of their NIKs and the list of their birth dates: a
// superset of the pairs, which peopleOnly() narrows down.
constexpr HubSql kKioskEntriesOf{"kiosk_entries_of",
                                 "SELECT nik, birth_date, lookup, route, decided_on, data FROM "
                                 "kiosk_entries WHERE nik {in ?} AND birth_date {in ?}",
                                 6};
// A person's registrations with the name, village and KK number their events give. The JSON
// expressions are those of the schema's partial indexes, so each is an index search.
constexpr HubSql kRecordsOfPeople{
    "records_of_people",
    "SELECT m.nik, m.birth_date, m.member_id, "
    "(SELECT {data.name} FROM events WHERE type = 'member.registered' AND {data.member_id} = "
    "{+m.member_id} ORDER BY received_at, id LIMIT 1), "
    "(SELECT {data.village_code} FROM events WHERE type = 'household.registered' AND "
    "{data.household_id} = {+m.household_id} ORDER BY received_at, id LIMIT 1), m.household_id, "
    "(SELECT {data.kk_number} FROM events WHERE type = 'household.registered' AND "
    "{data.household_id} = {+m.household_id} ORDER BY received_at, id LIMIT 1) "
    "FROM members m WHERE m.nik {in ?} AND m.birth_date {in ?} ORDER BY m.member_id",
    7};
constexpr HubSql kActiveKiosks{"active_kiosks",
                               "SELECT id, kiosk_area FROM devices WHERE kiosk_area IS NOT NULL "
                               "AND revoked_at IS NULL ORDER BY enrolled_at, id",
                               2};
constexpr BulkColumn kEntryColumns[] = {{"nik", "text"},        {"birth_date", "text"},
                                        {"lookup", "text"},     {"route", "text"},
                                        {"decided_on", "text"}, {"data", "text"},
                                        {"updated_at", "bigint"}};
constexpr BulkInsert kKeepKioskEntries{
    "keep_kiosk_entries", "kiosk_entries", kEntryColumns,
    "ON CONFLICT (nik, birth_date) DO UPDATE SET lookup = excluded.lookup, route = "
    "excluded.route, decided_on = excluded.decided_on, data = excluded.data, updated_at = "
    "excluded.updated_at"};

// The people's NIKs and birth dates, two list parameters.
std::vector<SqlParam> peopleParams(const std::vector<PersonKey>& people) {
    std::vector<std::string> niks, births;
    for (const PersonKey& p : people) {
        niks.push_back(p.nik);
        births.push_back(p.birth_date);
    }
    return {std::move(niks), std::move(births)};
}

std::unordered_set<std::string> personTexts(const std::vector<PersonKey>& people) {
    std::unordered_set<std::string> out;
    for (const PersonKey& p : people) out.insert(personText(p));
    return out;
}

}  // namespace

KioskKey newKioskKey() {
    const sync::DeviceSecret bytes = sync::newDeviceSecret();  // 32 bytes of the CSPRNG
    KioskKey key;
    key.bytes = bytes.bytes;
    return key;
}

std::string encodeKioskKey(const KioskKey& key) {
    sync::DeviceSecret bytes;
    bytes.bytes = key.bytes;
    return sync::encodeSecret(bytes);
}

Result<KioskKey> decodeKioskKey(std::string_view base64) {
    auto bytes = sync::decodeSecret(base64);
    if (!bytes)
        return Error{"kiosk_key_invalid", "Kunci kios di basis data pekon-hub rusak.",
                     "The kiosk key in the pekon-hub database is damaged."};
    KioskKey key;
    key.bytes = bytes->bytes;
    return key;
}

Result<KioskKey> kioskKey(HubTx& tx) {
    auto made =
        tx.run(kMakeSecret, {kKioskKeySecret, encodeKioskKey(newKioskKey())}, "make the kiosk key");
    if (!made) return made.error();
    auto rows = tx.run(kSecret, {kKioskKeySecret}, "read the kiosk key");
    if (!rows) return rows.error();
    if (rows->count() != 1) return decodeKioskKey("");
    return decodeKioskKey(rows->text(0, 0));
}

Result<std::string> sealSecret(HubDb& db) {
    return inTx<std::string>(db, TxMode::autocommit, [](HubTx& tx) -> Result<std::string> {
        auto fresh = vault::newBoxKeys();
        if (!fresh) return fresh.error();
        const std::string made = vault::toBase64(std::string(
            reinterpret_cast<const char*>(fresh->secret_key.data()), vault::SecretKey::kSize));
        auto done = tx.run(kMakeSecret, {kSealKeySecret, made}, "make the sealing key");
        if (!done) return done.error();
        auto rows = tx.run(kSecret, {kSealKeySecret}, "read the sealing key");
        if (!rows) return rows.error();
        if (rows->count() != 1)
            return Error{"seal_key_missing", "Kunci segel pekon-hub tidak ada.",
                         "The pekon-hub sealing key is missing."};
        return rows->text(0, 0);
    });
}

Status sendKioskTable(HubTx& tx, const std::string& device_id, const std::string& area,
                      UnixSeconds now) {
    auto sent = tx.run(kSendKioskTable, {device_id, now, area, area + ".%"},
                       "send a kiosk its table");
    if (!sent) return sent.error();
    return {};
}

Result<std::unordered_map<std::string, KioskRecord>> kioskEntriesOf(
    HubTx& tx, const std::vector<PersonKey>& people) {
    std::unordered_map<std::string, KioskRecord> out;
    if (people.empty()) return out;
    auto rows = tx.run(kKioskEntriesOf, peopleParams(people), "read kiosk entries");
    if (!rows) return rows.error();
    const auto wanted = personTexts(people);
    for (int i = 0; i < rows->count(); ++i) {
        PersonKey person{rows->text(i, 0), rows->text(i, 1)};
        std::string key = personText(person);
        if (!wanted.count(key)) continue;
        out.emplace(std::move(key), KioskRecord{std::move(person), rows->text(i, 2),
                                                rows->text(i, 3), rows->text(i, 4),
                                                rows->text(i, 5)});
    }
    return out;
}

Result<std::unordered_map<std::string, std::vector<PersonRecord>>> recordsOf(
    HubTx& tx, const std::vector<PersonKey>& people) {
    std::unordered_map<std::string, std::vector<PersonRecord>> out;
    if (people.empty()) return out;
    auto rows = tx.run(kRecordsOfPeople, peopleParams(people), "read registrations");
    if (!rows) return rows.error();
    const auto wanted = personTexts(people);
    for (int i = 0; i < rows->count(); ++i) {
        std::string key = personText({rows->text(i, 0), rows->text(i, 1)});
        if (!wanted.count(key)) continue;
        out[key].push_back({rows->text(i, 2), rows->text(i, 3), rows->text(i, 4),
                            rows->text(i, 5), rows->text(i, 6)});
    }
    return out;
}

Result<std::vector<KioskDevice>> activeKiosks(HubTx& tx) {
    auto rows = tx.run(kActiveKiosks, {}, "list kiosks");
    if (!rows) return rows.error();
    std::vector<KioskDevice> out;
    for (int i = 0; i < rows->count(); ++i) out.push_back({rows->text(i, 0), rows->text(i, 1)});
    return out;
}

Status keepKioskEntries(HubTx& tx, const std::vector<KioskRecord>& records, UnixSeconds now) {
    if (records.empty()) return {};
    BulkRows rows(std::size(kEntryColumns));
    for (const KioskRecord& r : records)
        rows.text(r.person.nik).text(r.person.birth_date).text(r.lookup).text(r.route)
            .text(r.decided_on).text(r.data).integer(now);
    auto kept = tx.insert(kKeepKioskEntries, rows, "keep kiosk entries");
    if (!kept) return kept.error();
    return {};
}

Result<std::unordered_map<std::string, PersonLookups>> kioskLookupsOf(
    HubDb& db, const std::vector<PersonKey>& people) {
    using Lookups = std::unordered_map<std::string, PersonLookups>;
    if (people.empty()) return Lookups{};
    struct Known {
        KioskKey key;
        std::unordered_map<std::string, std::vector<PersonRecord>> records;
    };
    auto known = inTx<Known>(db, TxMode::read, [&](HubTx& tx) -> Result<Known> {
        auto key = kioskKey(tx);
        if (!key) return key.error();
        auto records = recordsOf(tx, people);
        if (!records) return records.error();
        return Known{*key, std::move(records.value())};
    });
    if (!known) return known.error();
    return kioskLookups(known->key, people, known->records);  // no transaction meanwhile
}

Result<KioskFollowed> followKioskTable(
    HubTx& tx, const std::vector<StatusRow>& rows, const std::vector<PersonKey>& people,
    const std::unordered_map<std::string, PersonLookups>& lookups,
    const std::unordered_map<std::string, std::vector<PersonRecord>>& records, UnixSeconds now) {
    if (rows.empty()) return KioskFollowed{};
    auto previous = kioskEntriesOf(tx, people);
    if (!previous) return previous.error();
    auto kiosks = activeKiosks(tx);
    if (!kiosks) return kiosks.error();
    const KioskPlan plan = planKioskEntries(rows, lookups, records, *previous, *kiosks);
    if (auto s = keepKioskEntries(tx, plan.entries, now); !s) return s.error();
    if (auto s = insertChanges(tx, plan.changes, now); !s) return s.error();
    return KioskFollowed{static_cast<int>(plan.entries.size()),
                         static_cast<int>(plan.changes.size())};
}

}  // namespace pekon::hub
