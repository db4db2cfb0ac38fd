#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/household_draft.hpp"
#include "core/result.hpp"
#include "store/store.hpp"

// A volunteer's own progress, from what the tablet holds (it works offline from what was last
// pulled): their week's registrations and how far they went, and what is left for them to do.
// A supervisor reads the same for each volunteer of the device.
namespace pekon {


struct WeekProgress {
    UnixSeconds since = 0;       // Monday 00:00 WIB of this week
    std::int64_t households = 0;  // registered by them since
    std::int64_t members = 0;     // in those households
    std::int64_t synced = 0;      // ... the hub has them
    std::int64_t verified = 0;    // ... the office verified them (or further)
};

enum class TodoKind {
    correction,  // the office asked for a correction: open the household
    refused,     // the office refused a registration: open the household
    draft,       // a registration left open: resume the draft
    lead,        // someone at a session asked to register and has not been yet: open it
    baby_nik,    // a baby registered without a NIK: add it once issued (open the household)
};

struct TodoItem {
    TodoKind kind = TodoKind::correction;
    std::string name;          // the member's, the draft head's or the lead's name ("" if none)
    std::string household_id;  // correction, refused, baby_nik
    std::string reason;        // correction, refused: the office's reason code
    std::string note;          // correction, refused: the office's note
    HouseholdDraft draft;      // draft: the whole draft, to resume
    std::string session_id;    // lead
    std::string at;            // RFC 3339 (decision pulled, lead made); "" for a draft
};

struct VolunteerProgress {
    WeekProgress week;
    std::vector<TodoItem> todo;  // corrections, refusals, drafts, leads; each kind oldest first
};

// Everything `user_id` registered, planned or left open; `now` decides the week.
Result<VolunteerProgress> volunteerProgress(Store& store, const std::string& user_id,
                                            UnixSeconds now);

}  // namespace pekon
