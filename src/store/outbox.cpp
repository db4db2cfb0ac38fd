#include "store/outbox.hpp"

#include <unordered_map>

#include "store/hub_changes.hpp"
#include "store/internal/database.hpp"
#include "store/kiosk_status.hpp"
#include "store/settings.hpp"
#include "vault/secret_key.hpp"

namespace pekon {

namespace {

// Marks the events whose seq is in `seqs` (a JSON array) with `state`, in one statement.
Status markAll(sql::Connection& db, const char* state, const std::string& seqs,
               const std::string& at) {
    auto stmt = db.cached(
        "UPDATE events SET sync_state = ?1, hub_code = NULL, hub_message = NULL, synced_at = ?2 "
        "WHERE seq IN (SELECT value FROM json_each(?3)) AND origin = 'device' AND "
        "sync_state = 'pending'");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, state).bind(2, at).bind(3, seqs);
    if (auto s = (*stmt)->run("mark events"); !s) return s;
    // The hub has the personal part now: its sealed copy goes.
    auto seals = db.cached(
        "UPDATE event_seals SET for_hub = '' WHERE seq IN (SELECT value FROM json_each(?1))");
    if (!seals) return seals.error();
    (*seals)->bind(1, seqs);
    return (*seals)->run("drop the hub's copies");
}

// Members whose registration or correction the hub now holds (events `seqs`) move from queued
// to synced: the step is dated `at`, or a second after the previous step if that is later.
Status markMembersSynced(sql::Connection& db, const std::string& seqs, const std::string& at) {
    auto history = db.cached(
        "INSERT OR IGNORE INTO member_status_history (member_key, at, status, event_seq) "
        "SELECT m.key, MAX(?1, strftime('%Y-%m-%dT%H:%M:%SZ', m.status_at, '+1 second')), "
        "'synced', e.seq FROM events e JOIN members m ON m.id = json_extract(e.data, "
        "'$.member_id') WHERE e.seq IN (SELECT value FROM json_each(?2)) AND e.type IN "
        "('member.registered', 'member.corrected') AND m.status = 'queued'");
    if (!history) return history.error();
    (*history)->bind(1, at).bind(2, seqs);
    if (auto s = (*history)->run("add synced steps"); !s) return s;
    auto current = db.cached(
        "UPDATE members SET status = 'synced', status_at = MAX(?1, "
        "strftime('%Y-%m-%dT%H:%M:%SZ', status_at, '+1 second')) WHERE status = 'queued' AND id "
        "IN (SELECT json_extract(data, '$.member_id') FROM events WHERE seq IN (SELECT value "
        "FROM json_each(?2)) AND type IN ('member.registered', 'member.corrected'))");
    if (!current) return current.error();
    (*current)->bind(1, at).bind(2, seqs);
    return (*current)->run("sync members");
}

// Writes the hub's sealing key; when it changes, what was sealed for the old key and not yet
// acknowledged is sealed again for the new one at the next sign-in.
Status keepSealKey(Store& store, const std::string& seal_key) {
    auto old = readSetting(store, kSettingHubSealKey);
    if (!old) return old.error();
    if (old->value_or("") == seal_key) return {};
    if (auto s = writeSetting(store, kSettingHubSealKey, seal_key); !s) return s;
    return connection(store).exec(
        "UPDATE event_seals SET for_hub = NULL WHERE for_hub <> '' AND seq IN (SELECT seq FROM "
        "events WHERE origin = 'device' AND sync_state = 'pending')",
        "forget the old hub's copies");
}

}  // namespace

Status applyPushAnswer(Store& store, const std::vector<Event>& sent, const PushAnswer& answer,
                       UnixSeconds now) {
    if (auto s = store.writable(); !s) return s.error();
    std::unordered_map<std::string_view, std::int64_t> seq_of;
    for (const Event& e : sent) seq_of[e.id] = e.seq;
    // Only events of this batch: an id the hub named that was not sent is ignored.
    auto seqs = [&](const std::vector<std::string>& ids) {
        std::string out = "[";
        for (const std::string& id : ids) {
            auto it = seq_of.find(id);
            if (it == seq_of.end()) continue;
            if (out.size() > 1) out += ',';
            out += std::to_string(it->second);
        }
        return out + "]";
    };
    const std::string at = formatRfc3339(now);
    const std::string accepted = seqs(answer.accepted), duplicates = seqs(answer.duplicates);
    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    for (const std::string* batch : {&accepted, &duplicates}) {
        const char* state = batch == &accepted ? "accepted" : "duplicate";
        if (auto s = markAll(db, state, *batch, at); !s) return s;
        if (auto s = markMembersSynced(db, *batch, at); !s) return s;
    }
    // Rejected events keep the hub's code and message, and stay on the device.
    for (const Rejection& r : answer.rejected) {
        auto it = seq_of.find(r.id);
        if (it == seq_of.end()) continue;
        auto stmt = db.cached(
            "UPDATE events SET sync_state = 'rejected', hub_code = ?, hub_message = ?, "
            "synced_at = ? WHERE seq = ? AND origin = 'device' AND sync_state = 'pending'");
        if (!stmt) return stmt.error();
        (*stmt)->bind(1, r.code).bind(2, r.message).bind(3, at).bind(4, it->second);
        if (auto s = (*stmt)->run("mark a rejected event"); !s) return s;
    }
    return tx->commit();
}

Result<std::optional<HubLink>> readHubLink(Store& store) {
    HubLink link;
    for (auto [key, target] :
         {std::pair{"sync.hub_url", &link.hub_url}, std::pair{"sync.device_id", &link.device_id},
          std::pair{"sync.secret", &link.secret}}) {
        auto value = readSetting(store, key);
        if (!value) return value.error();
        if (!value->has_value()) return std::optional<HubLink>();
        *target = **value;
    }
    for (auto [key, target] : {std::pair{kSettingKioskArea, &link.kiosk_area},
                               std::pair{kSettingKioskKey, &link.kiosk_key}}) {
        auto value = readSetting(store, key);
        if (!value) return value.error();
        *target = value->value_or("");
    }
    auto seal_key = readSetting(store, kSettingHubSealKey);
    if (!seal_key) return seal_key.error();
    link.seal_key = seal_key->value_or("");
    return std::optional<HubLink>(link);
}

Status saveHubLink(Store& store, const HubLink& link) {
    if (auto s = store.writable(); !s) return s.error();
    auto tx = sql::Transaction::begin(connection(store));
    if (!tx) return tx.error();
    auto old_device = readSetting(store, "sync.device_id");
    if (!old_device) return old_device.error();
    auto old_key = readSetting(store, kSettingKioskKey);
    if (!old_key) return old_key.error();
    if (auto s = writeSetting(store, "sync.hub_url", link.hub_url); !s) return s;
    if (auto s = writeSetting(store, "sync.device_id", link.device_id); !s) return s;
    if (auto s = writeSetting(store, "sync.secret", link.secret); !s) return s;
    if (old_device->value_or("") != link.device_id)
        if (auto s = deleteSetting(store, kSettingChangesCursor); !s) return s;
    for (auto [key, value] : {std::pair{kSettingKioskArea, &link.kiosk_area},
                              std::pair{kSettingKioskKey, &link.kiosk_key}}) {
        auto s = value->empty() ? deleteSetting(store, key) : writeSetting(store, key, *value);
        if (!s) return s;
    }
    if (old_key->has_value() && **old_key != link.kiosk_key) {
        auto clear = connection(store).exec("DELETE FROM kiosk_status", "empty the kiosk table");
        if (!clear) return clear;
    }
    if (!link.seal_key.empty())
        if (auto s = keepSealKey(store, link.seal_key); !s) return s;
    if (auto s = tx->commit(); !s) return s;
    return loadKeyring(store);
}

Status forgetHubLink(Store& store) {
    if (auto s = store.writable(); !s) return s.error();
    auto tx = sql::Transaction::begin(connection(store));
    if (!tx) return tx.error();
    for (const char* key : {"sync.hub_url", "sync.device_id", "sync.secret"})
        if (auto s = deleteSetting(store, key); !s) return s;
    return tx->commit();
}

Status saveHubSealKey(Store& store, const std::string& seal_key) {
    if (auto s = store.writable(); !s) return s.error();
    auto raw = vault::fromBase64(seal_key);
    if (!raw || raw->size() != 32)
        return Error{"seal_key_invalid", "Kunci segel dari hub tidak sah.",
                     "The hub's sealing key is not valid."};
    auto tx = sql::Transaction::begin(connection(store));
    if (!tx) return tx.error();
    if (auto s = keepSealKey(store, seal_key); !s) return s;
    if (auto s = tx->commit(); !s) return s;
    return loadKeyring(store);
}

std::optional<UnixSeconds> lastSyncSuccess(Store& store) {
    return readSettingNumber(store, kSettingLastSuccess);
}

}  // namespace pekon
