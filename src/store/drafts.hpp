#pragma once

#include <string>
#include <vector>

#include "core/household_draft.hpp"
#include "store/store.hpp"

namespace pekon {

// Saves (inserts or replaces) a draft of `user_id`, durably; gives it an id when it has none.
Status saveDraft(Store& store, const std::string& user_id, HouseholdDraft& draft, UnixSeconds now);
// The user's drafts, newest first.
Result<std::vector<HouseholdDraft>> listDrafts(Store& store, const std::string& user_id);
Status deleteDraft(Store& store, const std::string& id);

}  // namespace pekon
