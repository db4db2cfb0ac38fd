#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/status.hpp"
#include "sqlite/sqlite.hpp"

// A member's place in the status pipeline, as the projections keep it: the current status
// on `members` and every step in `member_status_history`. Inside the caller's transaction.
namespace pekon {

struct MemberStatusRow {
    std::int64_t key = 0;
    MemberStatus status = MemberStatus::queued;
    UnixSeconds status_at = 0;
};

// By the member's id; nullopt when this device has no such member.
Result<std::optional<MemberStatusRow>> memberStatus(sql::Connection& db,
                                                    const std::string& member_id);

// Sets the current status and adds the step (dated `at`, caused by event `event_seq`).
Status recordStatus(sql::Connection& db, std::int64_t member_key, MemberStatus status,
                    UnixSeconds at, std::int64_t event_seq);

}  // namespace pekon
