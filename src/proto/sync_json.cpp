#include "proto/sync_json.hpp"

namespace pekon {

namespace {

Error badRequest(const std::string& detail) {
    return Error{"bad_request", "Permintaan tidak sah: " + detail + ".",
                 "Bad request: " + detail + "."};
}

bool isText(const Json& data, const char* key) {
    return data.contains(key) && data[key].is_string();
}

}  // namespace

Result<std::vector<WireEvent>> parsePushRequest(std::string_view body) {
    if (body.size() > kMaxPushBytes)
        return Error{"too_large", "Kiriman lebih dari 1 MiB.", "The request is over 1 MiB."};
    auto json = parseJson(body);
    if (!json) return badRequest("JSON");
    if (!json->is_object() || !json->contains("events") || !(*json)["events"].is_array())
        return badRequest("events");
    const Json& events = (*json)["events"];
    if (events.size() > kMaxPushEvents)
        return Error{"too_large", "Lebih dari 1000 peristiwa dalam satu kiriman.",
                     "More than 1000 events in one request."};
    std::optional<std::int64_t> clock_offset;
    if (auto o = json->find("clock_offset"); o != json->end() && o->is_number_integer())
        clock_offset = o->get<std::int64_t>();
    std::vector<WireEvent> out;
    out.reserve(events.size());
    static const char* const kFields[] = {"id", "seq", "type", "at", "actor", "data"};
    for (Json& e : (*json)["events"]) {
        if (!e.is_object() || !isText(e, "id") || e["id"].get_ref<const std::string&>().empty())
            return badRequest("events[].id");
        WireEvent w;
        // nlohmann::json keeps object keys sorted, so dump() is canonical: an event with
        // exactly the six fields is its own canonical form; others are rebuilt from them.
        bool exact = e.size() == 6;
        for (const char* f : kFields) exact = exact && e.contains(f);
        if (exact) {
            w.content = dumpJson(e);
        } else {
            Json canonical = Json::object();
            for (const char* f : kFields) canonical[f] = e.value(f, Json());
            w.content = dumpJson(canonical);
        }
        w.id = std::move(e["id"].get_ref<std::string&>());
        if (e.contains("seq") && e["seq"].is_number_integer()) w.seq = e["seq"].get<std::int64_t>();
        if (isText(e, "type")) w.type = std::move(e["type"].get_ref<std::string&>());
        if (isText(e, "at")) w.at = std::move(e["at"].get_ref<std::string&>());
        if (isText(e, "actor")) w.actor = std::move(e["actor"].get_ref<std::string&>());
        if (e.contains("data")) w.data = std::move(e["data"]);
        w.clock_offset = clock_offset;
        out.push_back(std::move(w));
    }
    return out;
}

void openSealedEvents(std::vector<WireEvent>& events, const vault::BoxKeys& hub_keys) {
    for (WireEvent& w : events) {
        if (!w.data.is_object()) continue;
        auto sealed = w.data.find("sealed");
        if (sealed == w.data.end()) continue;
        std::optional<Json> part;
        if (sealed->is_string()) {
            auto opened = vault::openSealed(hub_keys, sealed->get_ref<const std::string&>());
            if (opened) {
                auto json = parseJson(*opened);
                if (json && json->is_object()) part = std::move(*json);
            }
        }
        w.data.erase("sealed");
        bool clash = false;
        if (part)
            for (auto it = part->begin(); it != part->end(); ++it)
                clash = clash || w.data.contains(it.key());
        if (!part || clash || part->contains("sealed")) {
            w.seal_unreadable = true;
            continue;
        }
        for (auto it = part->begin(); it != part->end(); ++it) w.data[it.key()] = it.value();
        // The content of the plain event (the canonical form parsePushRequest makes).
        w.content = dumpJson(Json{{"id", w.id},       {"seq", w.seq},     {"type", w.type},
                                  {"at", w.at},       {"actor", w.actor}, {"data", w.data}});
    }
}

std::string pushAnswerJson(const PushAnswer& a) {
    OrderedJson rejected = OrderedJson::array();
    for (const Rejection& r : a.rejected)
        rejected.push_back({{"id", r.id}, {"code", r.code}, {"message", r.message}});
    return dumpJson(OrderedJson{
        {"accepted", a.accepted}, {"duplicates", a.duplicates}, {"rejected", rejected}});
}

namespace {

Error notHubAnswer() {
    return Error{"not_hub_answer",
                 "Jawaban ini bukan dari pekon-hub (mungkin halaman login Wi-Fi).",
                 "This answer is not from pekon-hub (perhaps a Wi-Fi login page)."};
}

}  // namespace

Result<PushAnswer> parsePushAnswer(std::string_view body) {
    const Error not_answer = notHubAnswer();
    auto json = parseJson(body);
    if (!json || !json->is_object()) return not_answer;
    for (const char* key : {"accepted", "duplicates", "rejected"}) {
        if (!json->contains(key) || !(*json)[key].is_array()) return not_answer;
    }
    PushAnswer a;
    for (const char* key : {"accepted", "duplicates"}) {
        for (const Json& id : (*json)[key]) {
            if (!id.is_string()) return not_answer;
            (std::string_view(key) == "accepted" ? a.accepted : a.duplicates)
                .push_back(id.get<std::string>());
        }
    }
    for (const Json& r : (*json)["rejected"]) {
        if (!r.is_object() || !isText(r, "id") || !isText(r, "code")) return not_answer;
        a.rejected.push_back(
            {r["id"].get<std::string>(), r["code"].get<std::string>(),
             isText(r, "message") ? r["message"].get<std::string>() : std::string()});
    }
    return a;
}

std::string changesPageJson(const ChangesPage& page) {
    OrderedJson list = OrderedJson::array();
    for (const HubChange& c : page.changes)
        list.push_back(
            {{"cursor", c.cursor},
             {"type", c.type},
             {"data", c.data.is_object() ? OrderedJson(c.data) : OrderedJson::object()}});
    OrderedJson out{{"changes", list}, {"next", page.next}, {"more", page.more}};
    if (!page.seal_key.empty()) out["seal_key"] = page.seal_key;
    return dumpJson(out);
}

Result<ChangesPage> parseChangesPage(std::string_view body) {
    auto json = parseJson(body);
    if (!json || !json->is_object() || !json->contains("changes") ||
        !(*json)["changes"].is_array() || !isText(*json, "next") || !json->contains("more") ||
        !(*json)["more"].is_boolean())
        return notHubAnswer();
    ChangesPage page;
    page.next = (*json)["next"].get<std::string>();
    page.more = (*json)["more"].get<bool>();
    if (isText(*json, "seal_key")) page.seal_key = (*json)["seal_key"].get<std::string>();
    if ((*json)["changes"].size() > static_cast<std::size_t>(kMaxChangesPage))
        return notHubAnswer();
    for (Json& c : (*json)["changes"]) {
        if (!c.is_object() || !isText(c, "cursor") || !isText(c, "type") || !c.contains("data") ||
            !c["data"].is_object())
            return notHubAnswer();
        page.changes.push_back(
            {c["cursor"].get<std::string>(), c["type"].get<std::string>(), std::move(c["data"])});
    }
    return page;
}

std::string errorBodyJson(std::string_view code, std::string_view message) {
    return dumpJson(
        OrderedJson{{"error", {{"code", std::string(code)}, {"message", std::string(message)}}}});
}

std::string clockSkewBodyJson(std::int64_t hub_time) {
    return dumpJson(OrderedJson{
        {"error",
         {{"code", "clock_skew"},
          {"message", "The request's timestamp is more than 300 s from the hub's clock."},
          {"hub_time", hub_time}}}});
}

std::optional<std::int64_t> clockSkewHubTime(std::string_view body) {
    auto json = parseJson(body);
    if (!json || !json->is_object()) return std::nullopt;
    auto error = json->find("error");
    if (error == json->end() || !error->is_object() || error->value("code", Json()) != "clock_skew")
        return std::nullopt;
    auto time = error->find("hub_time");
    if (time == error->end() || !time->is_number_integer()) return std::nullopt;
    return time->get<std::int64_t>();
}

}  // namespace pekon
