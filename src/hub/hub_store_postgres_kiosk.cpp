#include "hub/hub_store_postgres_kiosk.hpp"

namespace pekon::hub {

namespace {

using pg::ArrayLiteral;
using pg::Statement;

constexpr Statement kMakeSecret{
    "make_secret",
    "INSERT INTO hub_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING"};
constexpr Statement kSecret{"secret", "SELECT value FROM hub_secrets WHERE name = $1"};
constexpr Statement kSendKioskTable{
    "send_kiosk_table",
    "INSERT INTO changes (device_id, type, data, created_at) SELECT $1::text, 'kiosk.status', "
    "data, $2::bigint FROM kiosk_entries WHERE (route = $3::text OR route LIKE $4::text) "
    "AND lookup <> '' AND data LIKE '%\"kk\\_lookup\":%' ESCAPE '\\' "
    "ORDER BY route, nik, birth_date"};
constexpr Statement kKioskEntriesOf{
    "kiosk_entries_of",
    "SELECT e.nik, e.birth_date, e.lookup, e.route, e.decided_on, e.data FROM kiosk_entries e "
    "JOIN unnest($1::text[], $2::text[]) AS k (nik, birth_date) "
    "ON e.nik = k.nik AND e.birth_date = k.birth_date"};
constexpr Statement kRecordsOfPeople{
    "records_of_people",
    "SELECT m.nik, m.birth_date, m.member_id, "
    "(SELECT ((e.content::json -> 'data') ->> 'name') FROM events e WHERE e.type = "
    "'member.registered' AND (((e.content::json -> 'data') ->> 'member_id') COLLATE \"C\") = "
    "m.member_id ORDER BY e.received_at, e.id LIMIT 1), "
    "(SELECT ((h.content::json -> 'data') ->> 'village_code') FROM events h WHERE h.type = "
    "'household.registered' AND (((h.content::json -> 'data') ->> 'household_id') COLLATE "
    "\"C\") = m.household_id ORDER BY h.received_at, h.id LIMIT 1), m.household_id, "
    "(SELECT ((h.content::json -> 'data') ->> 'kk_number') FROM events h WHERE h.type = "
    "'household.registered' AND (((h.content::json -> 'data') ->> 'household_id') COLLATE "
    "\"C\") = m.household_id ORDER BY h.received_at, h.id LIMIT 1) "
    "FROM members m JOIN unnest($1::text[], $2::text[]) AS k (nik, birth_date) "
    "ON m.nik = k.nik AND m.birth_date = k.birth_date ORDER BY m.member_id"};
constexpr Statement kActiveKiosks{"active_kiosks",
                                  "SELECT id, kiosk_area FROM devices WHERE kiosk_area IS NOT "
                                  "NULL AND revoked_at IS NULL ORDER BY enrolled_at, id"};
constexpr Statement kKeepKioskEntries{
    "keep_kiosk_entries",
    "INSERT INTO kiosk_entries (nik, birth_date, lookup, route, decided_on, data, updated_at) "
    "SELECT u.nik, u.birth_date, u.lookup, u.route, u.decided_on, u.data, $7::bigint "
    "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) "
    "AS u (nik, birth_date, lookup, route, decided_on, data) "
    "ON CONFLICT (nik, birth_date) DO UPDATE SET lookup = excluded.lookup, route = "
    "excluded.route, decided_on = excluded.decided_on, data = excluded.data, updated_at = "
    "excluded.updated_at"};

}  // namespace

std::vector<pg::Param> peopleParams(const std::vector<PersonKey>& people) {
    ArrayLiteral niks, births;
    for (const PersonKey& key : people) {
        niks.add(key.nik);
        births.add(key.birth_date);
    }
    return {niks.done(), births.done()};
}

Result<KioskKey> kioskKey(pg::Connection& db) {
    auto made =
        db.run(kMakeSecret, {kKioskKeySecret, encodeKioskKey(newKioskKey())}, "make the kiosk key");
    if (!made) return made.error();
    auto rows = db.run(kSecret, {kKioskKeySecret}, "read the kiosk key");
    if (!rows) return rows.error();
    if (rows->count() != 1) return decodeKioskKey("");
    return decodeKioskKey(rows->text(0, 0));
}

Result<std::unordered_map<std::string, KioskRecord>> kioskEntriesOf(
    pg::Connection& db, const std::vector<PersonKey>& people) {
    std::unordered_map<std::string, KioskRecord> out;
    if (people.empty()) return out;
    auto rows = db.run(kKioskEntriesOf, peopleParams(people), "read kiosk entries");
    if (!rows) return rows.error();
    for (int i = 0; i < rows->count(); ++i) {
        PersonKey person{rows->text(i, 0), rows->text(i, 1)};
        const std::string key = personText(person);
        out.emplace(key, KioskRecord{std::move(person), rows->text(i, 2), rows->text(i, 3),
                                     rows->text(i, 4), rows->text(i, 5)});
    }
    return out;
}

Result<std::unordered_map<std::string, std::vector<PersonRecord>>> recordsOf(
    pg::Connection& db, const std::vector<PersonKey>& people) {
    std::unordered_map<std::string, std::vector<PersonRecord>> out;
    if (people.empty()) return out;
    auto rows = db.run(kRecordsOfPeople, peopleParams(people), "read registrations");
    if (!rows) return rows.error();
    for (int i = 0; i < rows->count(); ++i)
        out[personText({rows->text(i, 0), rows->text(i, 1)})].push_back(
            {rows->text(i, 2), rows->text(i, 3), rows->text(i, 4), rows->text(i, 5),
             rows->text(i, 6)});
    return out;
}

Result<std::vector<KioskDevice>> activeKiosks(pg::Connection& db) {
    auto rows = db.run(kActiveKiosks, {}, "list kiosks");
    if (!rows) return rows.error();
    std::vector<KioskDevice> out;
    for (int i = 0; i < rows->count(); ++i) out.push_back({rows->text(i, 0), rows->text(i, 1)});
    return out;
}

Status keepKioskEntries(pg::Connection& db, const std::vector<KioskRecord>& records,
                        UnixSeconds now) {
    if (records.empty()) return {};
    ArrayLiteral niks, births, lookups, routes, decided, data;
    for (const KioskRecord& r : records) {
        niks.add(r.person.nik);
        births.add(r.person.birth_date);
        lookups.add(r.lookup);
        routes.add(r.route);
        decided.add(r.decided_on);
        data.add(r.data);
    }
    auto kept = db.run(kKeepKioskEntries,
                       {niks.done(), births.done(), lookups.done(), routes.done(), decided.done(),
                        data.done(), std::to_string(now)},
                       "keep kiosk entries");
    if (!kept) return kept.error();
    return {};
}

Status sendKioskTable(pg::Connection& db, const std::string& device_id, const std::string& area,
                      UnixSeconds now) {
    auto sent = db.run(kSendKioskTable, {device_id, std::to_string(now), area, area + ".%"},
                       "send a kiosk its table");
    if (!sent) return sent.error();
    return {};
}

}  // namespace pekon::hub
