#include "store/outbox.hpp"

#include <unordered_map>

#include "store/settings.hpp"

namespace pekon {

Status applyPushAnswer(Store& store, const std::vector<Event>& sent, const PushAnswer& answer,
                       UnixSeconds now) {
    if (store.damage()) return *store.damage();
    std::unordered_map<std::string, std::int64_t> seq_of;
    for (const Event& e : sent) seq_of[e.id] = e.seq;
    auto tx = sql::Transaction::begin(store.connection());
    if (!tx) return tx.error();
    auto mark = [&](const std::string& id, const char* state, const std::string& code,
                    const std::string& message) -> Status {
        auto it = seq_of.find(id);
        if (it == seq_of.end()) return {};  // not in this batch: the hub named something else
        auto stmt = store.connection().cached(
            "UPDATE events SET sync_state = ?, hub_code = NULLIF(?, ''), hub_message = NULLIF(?, "
            "''), synced_at = ? "
            "WHERE seq = ? AND origin = 'device' AND sync_state = 'pending'");
        if (!stmt) return stmt.error();
        (*stmt)
            ->bind(1, state)
            .bind(2, code)
            .bind(3, message)
            .bind(4, formatRfc3339(now))
            .bind(5, it->second);
        return (*stmt)->run("mark an event");
    };
    for (const auto& id : answer.accepted)
        if (auto s = mark(id, "accepted", "", ""); !s) return s;
    for (const auto& id : answer.duplicates)
        if (auto s = mark(id, "duplicate", "", ""); !s) return s;
    for (const auto& r : answer.rejected)
        if (auto s = mark(r.id, "rejected", r.code, r.message); !s) return s;
    return tx->commit();
}

std::vector<WireEvent> toWire(const std::vector<Event>& events) {
    std::vector<WireEvent> out;
    out.reserve(events.size());
    for (const Event& e : events) {
        WireEvent w;
        w.id = e.id;
        w.seq = e.seq;
        w.type = e.type;
        w.at = formatRfc3339(e.at);
        w.actor = e.actor;
        auto data = parseJson(e.data);
        w.data = data ? std::move(data.value()) : Json::object();
        out.push_back(std::move(w));
    }
    return out;
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
    return std::optional<HubLink>(link);
}

Status saveHubLink(Store& store, const HubLink& link) {
    auto tx = sql::Transaction::begin(store.connection());
    if (!tx) return tx.error();
    if (auto s = writeSetting(store, "sync.hub_url", link.hub_url); !s) return s;
    if (auto s = writeSetting(store, "sync.device_id", link.device_id); !s) return s;
    if (auto s = writeSetting(store, "sync.secret", link.secret); !s) return s;
    return tx->commit();
}

}  // namespace pekon
