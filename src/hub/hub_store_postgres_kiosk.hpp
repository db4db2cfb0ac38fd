#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "hub/hub_store_logic.hpp"
#include "hub/pg_connection.hpp"

// The PostgreSQL hub store's part for citizen kiosks (issue 6): the district key, the
// kiosk_entries table, the registrations an entry names, and the kiosks of an area. The JSON
// expressions of its queries are those of the schema's partial indexes (hub_store_logic,
// kPostgresDialect), so each lookup is an index search.
namespace pekon::hub {

// The two text arrays ($1 NIKs, $2 birth dates) of a query that joins on unnest over people.
std::vector<pg::Param> peopleParams(const std::vector<PersonKey>& people);

// The district's kiosk key, made at its first use (two makers at once: one wins, both read it).
Result<KioskKey> kioskKey(pg::Connection& db);
// The kiosk entries of these people so far, by personText.
Result<std::unordered_map<std::string, KioskRecord>> kioskEntriesOf(
    pg::Connection& db, const std::vector<PersonKey>& people);
// Each person's registrations with the name, village, household and KK number their events give,
// earliest first, by personText.
Result<std::unordered_map<std::string, std::vector<PersonRecord>>> recordsOf(
    pg::Connection& db, const std::vector<PersonKey>& people);
// The kiosks not revoked, by enrolment.
Result<std::vector<KioskDevice>> activeKiosks(pg::Connection& db);
Status keepKioskEntries(pg::Connection& db, const std::vector<KioskRecord>& records,
                        UnixSeconds now);
// Queues for a newly enrolled kiosk one kiosk.status per entry of its area (made since issue
// 12, with a lookup).
Status sendKioskTable(pg::Connection& db, const std::string& device_id, const std::string& area,
                      UnixSeconds now);

}  // namespace pekon::hub
