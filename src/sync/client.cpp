#include "sync/client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

#include "codec/json.hpp"
#include "core/kiosk_area.hpp"
#include "core/scan_payload.hpp"
#include "proto/gzip.hpp"
#include "proto/push_body.hpp"
#include "proto/signature.hpp"
#include "store/clock_state.hpp"
#include "store/event_log.hpp"
#include "store/hub_changes.hpp"
#include "store/outbox.hpp"
#include "store/users.hpp"
#include "vault/secret_key.hpp"

namespace pekon::sync {

namespace {

constexpr int kPullPage = 500;

struct Response {
    long status = 0;
    std::string body;
};

Error unreachable(const std::string& why) {
    return Error{"sync_unreachable", "pekon-hub tidak bisa dihubungi: " + why,
                 "pekon-hub cannot be reached: " + why};
}

Error cancelled() {
    return Error{"sync_cancelled", "Sinkronisasi dihentikan.", "The sync was stopped."};
}

Error notHubAnswer() {
    return Error{"not_hub_answer",
                 "Jawaban ini bukan dari pekon-hub (mungkin halaman login Wi-Fi).",
                 "This answer is not from pekon-hub (perhaps a Wi-Fi login page)."};
}

int abortWhenCancelled(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* cancel = static_cast<const std::atomic<bool>*>(user);
    return cancel->load() ? 1 : 0;
}

size_t collect(char* data, size_t size, size_t count, void* user) {
    auto* body = static_cast<std::string*>(user);
    if (body->size() > (8u << 20)) return 0;  // a hub answer is small; stop a runaway body
    body->append(data, size * count);
    return size * count;
}

// One connection to the hub for a whole sync run: libcurl keeps it open between requests
// (no new TCP and TLS handshake per batch, which a 2G link pays dearly for).
class HubConnection {
  public:
    explicit HubConnection(const ClientOptions& o) : o_(o), curl_(nullptr, curl_easy_cleanup) {
        static std::once_flag init;
        std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        curl_.reset(curl_easy_init());
    }

    Result<Response> request(const std::string& method, const std::string& url,
                             std::vector<std::string> headers, const std::string& body) {
        CURL* c = curl_.get();
        if (!c) return unreachable("curl");
        curl_easy_reset(c);  // options only: the open connection stays
        // No `Expect: 100-continue` round trip before each body.
        headers.push_back("Expect:");
        curl_slist* list = nullptr;
        for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
        std::unique_ptr<curl_slist, void (*)(curl_slist*)> header_list(list, curl_slist_free_all);
        Response r;
        curl_easy_setopt(c, CURLOPT_URL, url.c_str());
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, o_.connect_timeout_s);
        curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, o_.low_speed_time_s);
        curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, o_.low_speed_bytes);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!o_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, o_.ca_file.c_str());
        if (o_.cancel) {
            curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, abortWhenCancelled);
            curl_easy_setopt(c, CURLOPT_XFERINFODATA, o_.cancel);
            curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
        }
        if (method == "POST") {
            curl_easy_setopt(c, CURLOPT_POST, 1L);
            curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
            curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
        }
        const CURLcode rc = curl_easy_perform(c);
        if (rc == CURLE_ABORTED_BY_CALLBACK) return cancelled();
        if (rc != CURLE_OK) return unreachable(curl_easy_strerror(rc));
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
        return r;
    }

  private:
    const ClientOptions& o_;
    std::unique_ptr<CURL, void (*)(CURL*)> curl_;
};

std::string errorCode(const Response& r) {
    auto json = parseJson(r.body);
    if (json && json->is_object() && (*json)["error"].is_object() &&
        (*json)["error"]["code"].is_string())
        return (*json)["error"]["code"].get<std::string>();
    return {};
}

Error clockSkew() {
    return Error{"clock_skew",
                 "Jam perangkat ini berbeda lebih dari 5 menit dari jam pekon-hub. Perbaiki di "
                 "Pengaturan \u2192 Tanggal & waktu (waktu otomatis, zona WIB/UTC+7), lalu "
                 "sinkronkan lagi. Perangkat tidak perlu didaftarkan ulang.",
                 "This device's clock is more than 5 minutes off pekon-hub's. Fix it in Settings "
                 "\u2192 Date & time (automatic time, time zone WIB/UTC+7), then sync again. The "
                 "device does not need to be enrolled again."};
}

Error refused(const Response& r) {
    const std::string code = errorCode(r);
    if (r.status == 401 && code == "clock_skew") return clockSkew();
    if (r.status == 401 || r.status == 403) {
        return Error{code.empty() ? "unauthorized" : code,
                     "pekon-hub menolak perangkat ini (daftar ulang perangkat).",
                     "pekon-hub refused this device (enrol it again)."};
    }
    if (r.status == 429 || r.status >= 500) return unreachable("HTTP " + std::to_string(r.status));
    return Error{code.empty() ? "hub_refused" : code,
                 "pekon-hub menolak kiriman (HTTP " + std::to_string(r.status) + ").",
                 "pekon-hub refused the request (HTTP " + std::to_string(r.status) + ")."};
}

// Percent-encodes an opaque cursor for the query string.
std::string queryEscape(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// The device clock now. The signature's timestamp is taken at each request (plus the offset to
// the hub's clock), so a long sync over a slow link never sends a stale one.
std::int64_t deviceTime() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// `hub_offset`: hub time - device time; the request is dated in the hub's time, so a device
// whose clock is wrong still signs a fresh timestamp.
std::vector<std::string> signedHeaders(const HubLink& link, const DeviceSecret& secret,
                                       const char* method, const std::string& target,
                                       const std::string& body, std::int64_t hub_offset) {
    const std::int64_t ts = deviceTime() + hub_offset;
    return {"X-Pekon-Device: " + link.device_id, "X-Pekon-Timestamp: " + std::to_string(ts),
            "X-Pekon-Signature: " + sign(secret, method, target, ts, body)};
}

// Up to 1000 pending events after `after_seq`, and the body that carries them.
struct Batch {
    std::vector<Event> events;
    std::string body;
    bool gzipped = false;
};

Result<Batch> packBatch(Store& store, std::int64_t after_seq, std::int64_t clock_offset) {
    auto pending =
        listEvents(store, after_seq, static_cast<int>(kMaxPushEvents), SyncState::pending);
    if (!pending) return pending.error();
    Batch b;
    b.events = std::move(pending.value());
    if (b.events.empty()) return b;
    std::string plain = pushBody(b.events, clock_offset);
    b.gzipped = plain.size() > 1024;
    b.body = b.gzipped ? gzip(plain) : std::move(plain);
    return b;
}

std::string trimSlash(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

}  // namespace

Status enrolDevice(Store& store, const std::string& uri, const std::string& name,
                   const ClientOptions& o) {
    // Saving must work before a one-time token is spent at the hub.
    if (auto s = store.writable(); !s) return s.error();
    // The URI is parsed like a scanned enrolment QR code.
    const RegionTable none;
    const ScanPayload p = parsePayload(uri, none, Date{2000, 1, 1});
    if (p.kind != PayloadKind::enrol || !p.params.count("hub") || !p.params.count("token"))
        return Error{"enrol_uri",
                     "Bukan kode pendaftaran perangkat (pekon://enrol?hub=...&token=...).",
                     "Not a device enrolment code (pekon://enrol?hub=...&token=...)."};
    const std::string hub = trimSlash(p.params.at("hub"));
    const std::string body = dumpJson(OrderedJson{{"token", p.params.at("token")}, {"name", name}});
    auto r = HubConnection(o).request("POST", hub + "/v1/devices/enrol",
                                      {"Content-Type: application/json"}, body);
    if (!r) return r.error();
    if (r->status == 401 && errorCode(*r) == "bad_token")
        return Error{"bad_token",
                     "Token pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa.",
                     "The enrolment token is unknown, used or expired."};
    if (r->status != 201) return refused(*r);
    auto json = parseJson(r->body);
    if (!json || !json->is_object() || !(*json)["device_id"].is_string() ||
        !(*json)["secret"].is_string() || !decodeSecret((*json)["secret"].get<std::string>()))
        return notHubAnswer();
    const std::int64_t answered_at = deviceTime();
    HubLink link{hub, (*json)["device_id"].get<std::string>(),
                 (*json)["secret"].get<std::string>()};
    // The hub's key for sealing personal data (issue 16); absent from an older hub.
    if (auto seal = json->find("seal_key"); seal != json->end()) {
        const auto raw = seal->is_string() ? vault::fromBase64(seal->get<std::string>())
                                           : std::optional<std::string>();
        if (!raw || raw->size() != 32) return notHubAnswer();
        link.seal_key = seal->get<std::string>();
    }
    // A kiosk token's answer also carries the kiosk's area and the district's kiosk key.
    if (auto kiosk = json->find("kiosk"); kiosk != json->end()) {
        if (!kiosk->is_object() || !(*kiosk)["area"].is_string() || !(*kiosk)["key"].is_string() ||
            !decodeSecret((*kiosk)["key"].get<std::string>()) ||
            !parseKioskArea((*kiosk)["area"].get<std::string>(), nullptr))
            return notHubAnswer();
        link.kiosk_area = (*kiosk)["area"].get<std::string>();
        link.kiosk_key = (*kiosk)["key"].get<std::string>();
    }
    if (auto s = saveHubLink(store, link); !s) return s;  // one transaction, kiosk settings too
    // The hub's clock at enrolment: the device's first measure of its offset.
    if (auto t = json->find("hub_time"); t != json->end() && t->is_number_integer())
        return saveHubOffset(store, t->get<std::int64_t>() - answered_at, answered_at);
    return {};
}

Result<SyncSummary> syncOnce(Store& store, UnixSeconds now, const ClientOptions& o) {
    if (auto s = store.writable(); !s) return s.error();  // nothing sent that cannot be marked
    // Signed in (a store holding the data key, as the app's own): what was written
    // before the hub's sealing key was known is sealed for it now. Without the data key this
    // does nothing and those events wait (store/event_log.hpp: listEvents).
    if (auto n = sealForHubWhenKnown(store); !n) return n.error();
    auto link = readHubLink(store);
    if (!link) return link.error();
    if (!link->has_value())
        return Error{"not_enrolled", "Perangkat ini belum terdaftar di pekon-hub.",
                     "This device is not enrolled with pekon-hub yet."};
    auto secret = decodeSecret((*link)->secret);
    if (!secret) return secret.error();
    const std::string hub = (*link)->hub_url;

    SyncProgress progress;
    auto report = [&](SyncProgress::Stage stage) {
        progress.stage = stage;
        if (o.on_progress) o.on_progress(progress);
    };
    report(SyncProgress::Stage::probe);
    // The probe: a captive portal or a dead link is found before any event is sent.
    HubConnection http(o);
    const std::int64_t asked_at = deviceTime();
    auto health = http.request("GET", hub + "/v1/health", {}, "");
    if (!health) return health.error();
    const std::int64_t answered_at = deviceTime();
    auto h = parseJson(health->body);
    if (health->status != 200 || !h || !h->is_object() || (*h)["status"] != "ok") {
        if (health->status == 429 || health->status >= 500)
            return unreachable("HTTP " + std::to_string(health->status));
        return notHubAnswer();
    }
    // The hub's clock against the device's (the middle of the round trip): every request is
    // signed in hub time, and the offset is kept for the screens and the next run.
    std::int64_t offset = readHubOffset(store).value_or(0);
    if (auto t = h->find("time"); t != h->end() && t->is_number_integer()) {
        offset = t->get<std::int64_t>() - (asked_at + (answered_at - asked_at) / 2);
        if (auto s = saveHubOffset(store, offset, answered_at); !s) return s.error();
    }
    bool offset_learned = false;  // from a `clock_skew` answer, kept when the store is free
    // A signed request; a `clock_skew` answer (the hub's time in it) is retried once in hub time.
    auto sendSigned = [&](const char* method, const std::string& target, const std::string& body,
                          const std::vector<std::string>& extra) -> Result<Response> {
        for (int attempt = 0;; ++attempt) {
            std::vector<std::string> headers =
                signedHeaders(**link, *secret, method, target, body, offset);
            headers.insert(headers.end(), extra.begin(), extra.end());
            auto r = http.request(method, hub + target, headers, body);
            if (!r || r->status != 401 || attempt > 0) return r;
            const auto hub_time = clockSkewHubTime(r->body);
            if (!hub_time) return r;
            offset = *hub_time - deviceTime();
            offset_learned = true;
        }
    };
    auto keepLearnedOffset = [&]() -> Status {
        if (!std::exchange(offset_learned, false)) return {};
        return saveHubOffset(store, offset, deviceTime());
    };

    auto counts = outboxCounts(store);
    if (!counts) return counts.error();
    progress.to_push = counts->pending;
    report(SyncProgress::Stage::push);
    // Pipelined: while batch k is on the wire and the hub stores it, a helper thread applies
    // the answer to batch k-1 and packs batch k+1, so the device's work hides behind the
    // hub's. The store is only ever used by one thread at a time: the helper is joined as
    // soon as the request returns, before anything else touches the store.
    SyncSummary summary;
    Result<Batch> next = packBatch(store, 0, offset);
    std::optional<Batch> answered;
    std::optional<PushAnswer> answer_of_answered;
    for (;;) {
        if (!next) return next.error();
        if (next->events.empty()) break;
        Batch batch = std::move(next.value());
        auto helper =
            std::async(std::launch::async, [&, packed_offset = offset]() -> Result<Batch> {
                if (answered) {
                    if (auto s = applyPushAnswer(store, answered->events, *answer_of_answered, now);
                        !s)
                        return s.error();
                }
                return packBatch(store, batch.events.back().seq, packed_offset);
            });
        std::vector<std::string> extra{"Content-Type: application/json"};
        if (batch.gzipped) extra.push_back("Content-Encoding: gzip");
        auto r = sendSigned("POST", "/v1/events", batch.body, extra);
        next = helper.get();  // the previous answer is applied (or its error is in `next`)
        answered.reset();
        if (!next) return next.error();
        if (auto s = keepLearnedOffset(); !s) return s.error();
        if (!r) return r.error();
        if (r->status != 200) return refused(*r);
        auto answer = parsePushAnswer(r->body);
        if (!answer) return answer.error();  // nothing of this batch is marked
        summary.pushed += static_cast<int>(batch.events.size());
        summary.accepted += static_cast<int>(answer->accepted.size());
        summary.duplicates += static_cast<int>(answer->duplicates.size());
        summary.rejected += static_cast<int>(answer->rejected.size());
        progress.pushed = std::min<std::int64_t>(summary.pushed, progress.to_push);
        report(SyncProgress::Stage::push);
        const bool named_none =
            answer->accepted.empty() && answer->duplicates.empty() && answer->rejected.empty();
        answered = std::move(batch);
        answer_of_answered = std::move(answer.value());
        // An answer that named none of the batch: stop here; unnamed events stay pending.
        if (named_none) break;
    }
    if (answered) {
        if (auto s = applyPushAnswer(store, answered->events, *answer_of_answered, now); !s)
            return s.error();
    }

    // Then the office's changes, page by page from the stored cursor. A page is applied and
    // its cursor stored in one transaction, so a pull cut off half-way is simply repeated.
    report(SyncProgress::Stage::pull);
    for (;;) {
        auto cursor = readChangesCursor(store);
        if (!cursor) return cursor.error();
        std::string target = "/v1/changes?limit=" + std::to_string(kPullPage);
        if (!cursor->empty()) target += "&since=" + queryEscape(*cursor);
        auto r = sendSigned("GET", target, "", {});
        if (auto s = keepLearnedOffset(); !s) return s.error();
        if (!r) return r.error();
        if (r->status != 200) return refused(*r);
        auto page = parseChangesPage(r->body);
        if (!page) return page.error();
        // A device enrolled before the hub sealed (issue 16) learns its key here.
        if (!page->seal_key.empty())
            if (auto s = saveHubSealKey(store, page->seal_key); !s) return s.error();
        auto applied = applyHubChanges(store, *page, now);
        if (!applied) return applied.error();
        summary.pulled += static_cast<int>(page->changes.size());
        progress.pulled = summary.pulled;
        report(SyncProgress::Stage::pull);
        if (!page->more || page->changes.empty()) break;
    }
    return summary;
}

}  // namespace pekon::sync
