#include "hub/hub_api.hpp"

#include "core/number.hpp"
#include "proto/sync_json.hpp"
#include "hub/device_role.hpp"
#include "platform/clock.hpp"
#include "proto/gzip.hpp"
#include "proto/signature.hpp"
#include "proto/sync_json.hpp"

namespace pekon::hub {

namespace {

constexpr const char* kVersion = "0.1.0";

ApiResponse fail(int status, const std::string& code, const std::string& message) {
    return errorResponse(status, code, message);
}

}  // namespace

ApiResponse errorResponse(int status, const std::string& code, const std::string& message) {
    return ApiResponse{status, errorBodyJson(code, message)};
}

HubApi::HubApi(std::unique_ptr<HubStore> store) : store_(std::move(store)) {}

std::unique_lock<std::mutex> HubApi::turn() {
    return store_->concurrent() ? std::unique_lock<std::mutex>()
                                : std::unique_lock<std::mutex>(mutex_);
}

ApiResponse HubApi::health() {
    return ApiResponse{
        200, dumpJson(OrderedJson{
                 {"status", "ok"}, {"version", kVersion}, {"time", platform::nowSeconds()}})};
}

std::optional<Device> HubApi::authenticate(const ApiRequest& req, bool check_signature,
                                           ApiResponse& refusal) {
    const std::string& id = req.device;
    const std::string& ts = req.timestamp;
    const std::string& sig = req.signature;
    if (id.empty() || ts.empty() || sig.empty()) {
        refusal = fail(401, "unauthorized", "Missing signature headers.");
        return std::nullopt;
    }
    const auto parsed_ts = parseNumber<std::int64_t>(ts);
    if (!parsed_ts) {
        refusal = fail(401, "unauthorized", "Bad timestamp.");
        return std::nullopt;
    }
    const std::int64_t timestamp = *parsed_ts;
    std::optional<Device> device;
    {
        auto lock = turn();
        auto found = store_->device(id);
        if (!found) {
            refusal = fail(500, "storage", found.error().message_en);
            return std::nullopt;
        }
        device = *found;
    }
    if (!device || (check_signature && !sync::verify(device->secret, req.method, req.target,
                                                     timestamp, req.body, sig))) {
        refusal = fail(401, "unauthorized", "Unknown device or wrong signature.");
        return std::nullopt;
    }
    // Signed by the device but dated off: its clock is wrong. Say so, with the hub's time, so
    // the device corrects its offset (never "enrol again"). Before the body is read the
    // signature cannot be checked yet, so a stale date is judged once the (capped) body is in.
    if (const UnixSeconds hub_now = platform::nowSeconds();
        check_signature && !sync::timestampFresh(timestamp, hub_now)) {
        refusal = ApiResponse{401, clockSkewBodyJson(hub_now)};
        return std::nullopt;
    }
    if (device->revoked_at) {
        refusal = fail(403, "revoked", "This device was revoked by the district office.");
        return std::nullopt;
    }
    return device;
}

std::optional<ApiResponse> HubApi::admit(const ApiRequest& headers_only) {
    ApiResponse refusal;
    if (!authenticate(headers_only, false, refusal)) return refusal;
    return std::nullopt;
}

Result<const vault::BoxKeys*> HubApi::sealKeys() {
    if (!seal_keys_) {
        auto keys = store_->sealKeys();
        if (!keys) return keys.error();
        seal_keys_ = std::move(*keys);
    }
    return &*seal_keys_;
}

ApiResponse HubApi::enrol(const ApiRequest& req) {
    auto json = parseJson(req.body);
    if (!json || !json->is_object() || !(*json)["token"].is_string())
        return fail(400, "bad_request", "Expected {\"token\":\"...\",\"name\":\"...\"}.");
    const std::string name = (*json)["name"].is_string() ? (*json)["name"].get<std::string>() : "";
    auto lock = turn();
    auto e = store_->enrol((*json)["token"].get<std::string>(), name, platform::nowSeconds());
    if (!e)
        return fail(e.error().code == "bad_token" ? 401 : 500, e.error().code,
                    e.error().message_en);
    auto seal = sealKeys();
    if (!seal) return fail(500, seal.error().code, seal.error().message_en);
    OrderedJson answer{{"device_id", e->device_id},
                       {"secret", sync::encodeSecret(e->secret)},
                       {"hub_time", platform::nowSeconds()},
                       {"seal_key", vault::toBase64((*seal)->public_key)}};
    // Only a kiosk token's device learns the district's kiosk key (and its area).
    if (e->kiosk)
        answer["kiosk"] =
            OrderedJson{{"area", e->kiosk->area}, {"key", sync::encodeSecret(e->kiosk->key)}};
    return ApiResponse{201, dumpJson(answer)};
}

ApiResponse HubApi::events(const ApiRequest& req) {
    // The signature covers the body bytes as sent; a gzip body is inflated here, bounded.
    ApiResponse refusal;
    auto device = authenticate(req, true, refusal);
    if (!device) return refusal;
    std::string inflated;
    if (req.content_encoding == "gzip") {
        auto unpacked = sync::gunzipBounded(req.body, kMaxPushBytes);
        if (!unpacked)
            return fail(unpacked.error().code == "too_large" ? 413 : 400, unpacked.error().code,
                        unpacked.error().message_en);
        inflated = std::move(unpacked.value());
    }
    auto batch = parsePushRequest(req.content_encoding == "gzip" ? inflated : req.body);
    if (!batch)
        return fail(batch.error().code == "too_large" ? 413 : 400, batch.error().code,
                    batch.error().message_en);
    {
        auto lock = turn();
        auto seal = sealKeys();
        if (!seal) return fail(503, "storage", seal.error().message_en);
        openSealedEvents(*batch, **seal);
    }
    // A kiosk may push only what a kiosk makes; the rest of its batch is refused per event.
    const RoleSplit split = splitByRole(roleOfKioskArea(device->kiosk_area), std::move(*batch));
    PushAnswer stored;
    if (!split.allowed.empty()) {
        auto lock = turn();
        auto answer = store_->push(device->id, split.allowed, platform::nowSeconds());
        if (!answer) return fail(503, "storage", answer.error().message_en);
        stored = std::move(answer.value());
    }
    return ApiResponse{200, pushAnswerJson(withForbidden(std::move(stored), split))};
}

ApiResponse HubApi::changes(const ApiRequest& req) {
    ApiResponse refusal;
    auto device = authenticate(req, true, refusal);
    if (!device) return refusal;
    const auto bad = [] {
        return fail(400, "bad_request",
                    "since is a cursor from an earlier page; limit is 1..1000.");
    };
    std::int64_t since = 0;
    int limit = 500;
    auto since_text = queryParam(req.parsed.query, "since");
    auto limit_text = queryParam(req.parsed.query, "limit");
    if (!since_text || !limit_text) return bad();
    if (*since_text && !(*since_text)->empty()) {
        auto n = parseNumber<std::int64_t>(**since_text);
        if (!n) return bad();
        since = *n;
    }
    if (*limit_text) {
        auto n = parseNumber<int>(**limit_text);
        if (!n) return bad();
        limit = *n;
    }
    if (limit < 1 || limit > 1000 || since < 0) return bad();
    std::vector<Change> page;
    {
        auto lock = turn();
        auto found = store_->changes(device->id, since, limit + 1);
        if (!found) return fail(503, "storage", found.error().message_en);
        page = std::move(found.value());
    }
    const bool more = static_cast<int>(page.size()) > limit;
    if (more) page.pop_back();
    ChangesPage out;
    out.more = more;
    {
        auto lock = turn();
        auto seal = sealKeys();
        if (!seal) return fail(503, "storage", seal.error().message_en);
        out.seal_key = vault::toBase64((*seal)->public_key);
    }
    out.next = page.empty() ? std::to_string(since) : std::to_string(page.back().cursor);
    for (const Change& c : page) {
        // Stored by the hub itself as a JSON object.
        Json data = Json::parse(c.data, nullptr, false);
        out.changes.push_back({std::to_string(c.cursor), c.type,
                               data.is_object() ? std::move(data) : Json::object()});
    }
    return ApiResponse{200, changesPageJson(out)};
}

}  // namespace pekon::hub
