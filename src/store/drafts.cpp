#include "store/drafts.hpp"

#include "codec/draft_json.hpp"
#include "proto/ids.hpp"
#include "store/internal/database.hpp"

namespace pekon {

Status saveDraft(Store& store, const std::string& user_id, HouseholdDraft& draft, UnixSeconds now) {
    if (auto s = store.writable(); !s) return s.error();
    if (draft.id.empty()) draft.id = newEntityId();
    auto data = sealText(store, draftToJson(draft));
    if (!data) return data.error();
    auto stmt = connection(store).cached(
        "INSERT INTO drafts (id, user_id, step, data, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET step = excluded.step, data = excluded.data, updated_at = "
        "excluded.updated_at");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, draft.id).bind(2, user_id).bind(3, stepCode(draft.step)).bind(4, *data)
        .bind(5, formatRfc3339(now));
    return (*stmt)->run("save draft");
}

Result<std::vector<HouseholdDraft>> listDrafts(Store& store, const std::string& user_id) {
    if (auto s = requireDataOpen(store); !s) return s.error();
    auto stmt = connection(store).prepare(
        "SELECT pk_open(data) FROM drafts WHERE user_id = ? ORDER BY updated_at DESC, id DESC");
    if (!stmt) return stmt.error();
    stmt->bind(1, user_id);
    std::vector<HouseholdDraft> out;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) {
        auto d = draftFromJson(stmt->text(0));
        if (d) out.push_back(std::move(d.value()));
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(connection(store).handle(), rc, "list drafts");
    return out;
}

Status deleteDraft(Store& store, const std::string& id) {
    if (auto s = store.writable(); !s) return s.error();
    auto stmt = connection(store).cached("DELETE FROM drafts WHERE id = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, id);
    return (*stmt)->run("delete draft");
}

}  // namespace pekon
