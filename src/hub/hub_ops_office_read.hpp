#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/regions.hpp"
#include "hub/hub_tx.hpp"
#include "hub/member_checks.hpp"
#include "hub/office_read.hpp"

// What the office read-model operations (hub_ops_office_read_*) share: a row of
// office_members as the operations hold it, and reading and writing such rows.
namespace pekon::hub {

// One row of office_members.
struct MemberRecord {
    std::string member_id;
    std::string household_id;
    std::string device_id;
    std::string nik;
    std::string name;
    std::string birth_date;
    std::string sex;
    std::string relation;
    std::string segment;
    std::optional<std::int64_t> klass;
    std::string phone;
    std::string occupation;
    std::string existing_card;
    std::string nik_mismatch_reason;
    std::string village_code;
    std::string kecamatan_code;
    std::string received_day;
    std::int64_t received_at = 0;
    std::string state = "new";
    std::int64_t state_at = 0;
    std::string checks;
    std::int64_t check_count = 0;
    std::int64_t corrections = 0;
    std::int64_t corrected_at = 0;  // the latest member.corrected's receipt, 0 when none
    std::string findings = "[]";    // JSON array of {"code","detail"}
    // When the member first reached a step (hub/member_milestones), 0 when it has not: the
    // dashboard's pipeline times read these.
    std::int64_t verified_at = 0;
    std::int64_t paid_at = 0;
    std::int64_t card_at = 0;
    // Mothers and newborns (schema v10): the expected month of delivery ("" when not pregnant)
    // and the queue's rank: 0 for a pregnant woman or a baby under one at the receipt (put
    // first when the office asks), 1 for everyone else (hub/queue_priority).
    std::string pregnancy_due;
    std::int64_t queue_rank = 1;

    bool operator==(const MemberRecord&) const = default;
};

// The columns of office_members in MemberRecord's order, for SELECT lists (a macro, so that
// statements are literals).
#define PEKON_OFFICE_MEMBER_COLUMNS                                                               \
    "member_id, household_id, device_id, nik, name, birth_date, sex, relation, segment, class, " \
    "phone, occupation, existing_card, nik_mismatch_reason, village_code, kecamatan_code, "     \
    "received_day, received_at, state, state_at, checks, check_count, corrections, corrected_at, " \
    "findings, verified_at, paid_at, card_at, pregnancy_due, queue_rank"
inline constexpr int kMemberRecordWidth = 30;

// Row `row` of a RowSet whose first kMemberRecordWidth columns are kMemberRecordColumns.
MemberRecord memberRecordAt(const RowSet& rows, int row);

// The rows of office_members whose `column` (member_id, household_id or nik) is one of `keys`.
enum class MemberKey { member_id, household_id, nik };
Result<std::vector<MemberRecord>> loadMembers(HubTx& tx, MemberKey key,
                                              const std::vector<std::string>& keys);

// Inserts or replaces these rows of office_members (one statement).
Status writeMembers(HubTx& tx, const std::vector<MemberRecord>& records);

// What to bring up to date besides the rows given: members by id, the members of households,
// the members with NIKs.
struct RefreshScope {
    std::vector<std::string> member_ids;
    std::vector<std::string> household_ids;
    std::vector<std::string> niks;
};

// Brings the scope's members (stored) and `pending` (rows not written yet: new registrations,
// corrected members) up to date, with their households' other members and every registration
// sharing one of their NIKs: village, state, checks and findings, status history lines.
// Writes only the rows that change.
Status refreshMembersWith(HubTx& tx, std::vector<MemberRecord> pending,
                          const RefreshScope& scope);

// The region table the checks use: Pekon's assets (loaded once per process), or null when
// the assets are not found (the checks that need it are then skipped).
const RegionTable* officeRegions();

// "a,b" -> {"a", "b"}: the codes of office_members.checks.
std::vector<std::string> splitChecks(const std::string& checks);

// "YYYY-MM-DD" of a hub time (UTC).
std::string dayOf(std::int64_t unix_seconds);


}  // namespace pekon::hub
