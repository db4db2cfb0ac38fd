#include "proto/push_body.hpp"

#include <string_view>

#include "codec/json.hpp"
#include "codec/json_writer.hpp"
#include "core/date.hpp"

namespace pekon {

std::string pushBody(const std::vector<Event>& events, std::optional<std::int64_t> clock_offset) {
    std::string out;
    size_t size = 48;
    for (const Event& e : events) size += e.data.size() + 160;
    out.reserve(size);
    out += '{';
    if (clock_offset) out += "\"clock_offset\":" + std::to_string(*clock_offset) + ',';
    out += "\"events\":[";
    for (size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        if (i) out += ',';
        out += "{\"id\":";
        appendJsonString(out, e.id);
        out += ",\"seq\":";
        out += std::to_string(e.seq);
        out += ",\"type\":";
        appendJsonString(out, e.type);
        out += ",\"at\":";
        appendJsonString(out, formatRfc3339(e.at));
        out += ",\"actor\":";
        appendJsonString(out, e.actor);
        out += ",\"data\":";
        const bool object = !e.data.empty() && e.data.front() == '{' && Json::accept(e.data);
        out += object ? std::string_view(e.data) : std::string_view("{}");
        out += '}';
    }
    out += "]}";
    return out;
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

}  // namespace pekon
