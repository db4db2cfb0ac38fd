#include "store/outbox.hpp"

#include <algorithm>
#include <unordered_map>

#include "store/member_status.hpp"
#include "store/settings.hpp"

namespace pekon {

namespace {

// A member whose registration or correction the hub now holds moves from queued to synced.
Status markMemberSynced(sql::Connection& db, const Event& e, UnixSeconds now) {
    if (e.type != event_type::member_registered && e.type != event_type::member_corrected)
        return {};
    auto data = parseJson(e.data);
    if (!data || !data->is_object() || !(*data)["member_id"].is_string()) return {};
    auto m = memberStatus(db, (*data)["member_id"].get<std::string>());
    if (!m) return m.error();
    if (!m->has_value() || (*m)->status != MemberStatus::queued) return {};
    return recordStatus(db, (*m)->key, MemberStatus::synced, std::max(now, (*m)->status_at + 1),
                        e.seq);
}

}  // namespace

Status applyPushAnswer(Store& store, const std::vector<Event>& sent, const PushAnswer& answer,
                       UnixSeconds now) {
    if (store.damage()) return *store.damage();
    std::unordered_map<std::string, const Event*> sent_by_id;
    for (const Event& e : sent) sent_by_id[e.id] = &e;
    auto tx = sql::Transaction::begin(store.connection());
    if (!tx) return tx.error();
    auto mark = [&](const std::string& id, const char* state, const std::string& code,
                    const std::string& message) -> Status {
        auto it = sent_by_id.find(id);
        if (it == sent_by_id.end()) return {};  // not in this batch: the hub named something else
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
            .bind(5, it->second->seq);
        if (auto s = (*stmt)->run("mark an event"); !s) return s;
        if (std::string_view(state) == "rejected") return {};
        return markMemberSynced(store.connection(), *it->second, now);
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
