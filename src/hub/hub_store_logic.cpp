#include "hub/hub_store_logic.hpp"

#include <sodium.h>

#include <iterator>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "codec/json.hpp"
#include "core/status.hpp"

namespace pekon::hub {

Status initCrypto() {
    if (sodium_init() < 0)
        return Error{"crypto_unavailable", "Pustaka kriptografi gagal dimulai.",
                     "The crypto library failed to start."};
    return {};
}

std::string newEnrolToken() {
    unsigned char bytes[24];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return text;
}

std::string tokenHash(const std::string& token) {
    return sync::sha256Hex(token);
}

Error badToken() {
    return Error{"bad_token", "Token pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa.",
                 "The enrolment token is unknown, used or expired."};
}

Error unknownDevice() {
    return Error{"unknown_device", "Perangkat tidak dikenal.", "Unknown device."};
}

Error schemaTooNew(std::int64_t found) {
    const std::string versions = std::to_string(found) + " > " + std::to_string(kHubSchemaVersion);
    return Error{"hub_schema_newer",
                 "Basis data pekon-hub ini dibuat oleh versi yang lebih baru (skema " + versions +
                     "); tidak diubah. Pakai pekon-hub yang lebih baru.",
                 "This pekon-hub database was written by a newer version (schema " + versions +
                     "); it was left untouched. Use a newer pekon-hub."};
}

namespace {

// Version 1. Times are Unix seconds; keys byte for byte.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS tokens (
    token_hash   {key} PRIMARY KEY,        -- SHA-256 hex of the token; the token is never stored
    label        TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT,
    device_id    TEXT
);
CREATE TABLE IF NOT EXISTS devices (
    id           {key} PRIMARY KEY,
    name         TEXT NOT NULL,
    secret       TEXT NOT NULL,            -- base64 of the 32-byte HMAC key
    enrolled_at  BIGINT NOT NULL,
    revoked_at   BIGINT
);
CREATE TABLE IF NOT EXISTS events (
    id           {key} PRIMARY KEY,        -- unique in storage: a resent event is not stored again
    device_id    {key} NOT NULL,           -- the signed-in device that pushed it
    seq          BIGINT NOT NULL,
    type         TEXT NOT NULL,
    at           TEXT NOT NULL,
    content      TEXT NOT NULL,            -- canonical JSON of the event
    content_hash TEXT NOT NULL,            -- SHA-256 hex: decides duplicate vs id_conflict
    received_at  BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS members (       -- the registrations, for duplicate NIKs and statuses
    member_id    {key} PRIMARY KEY,
    household_id {key} NOT NULL,
    device_id    {key} NOT NULL,
    nik          {key} NOT NULL,
    birth_date   {key} NOT NULL
);
CREATE INDEX IF NOT EXISTS members_nik ON members (nik, birth_date);
CREATE TABLE IF NOT EXISTS statuses (      -- the office's decisions (status import), latest last
    id           {serial},
    nik          TEXT NOT NULL,
    birth_date   TEXT NOT NULL,
    status       TEXT NOT NULL,
    card_number  TEXT NOT NULL,
    class        INTEGER,
    faskes       TEXT NOT NULL,
    decided_on   TEXT NOT NULL,
    imported_at  BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS changes (
    cursor       {serial},
    device_id    {key} NOT NULL,
    type         TEXT NOT NULL,
    data         TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_device ON changes (device_id, cursor);
)sql";

constexpr const char* kSchemaSteps[] = {kSchemaV1};
static_assert(std::size(kSchemaSteps) == kHubSchemaVersion);

std::string inDialect(std::string sql, const SqlDialect& dialect) {
    for (const auto& [word, spelling] :
         {std::pair{"{key}", dialect.key}, std::pair{"{serial}", dialect.serial}}) {
        const std::string_view w = word;
        for (size_t at = sql.find(w); at != std::string::npos; at = sql.find(w, at))
            sql.replace(at, w.size(), spelling);
    }
    return sql;
}

bool isRegistration(const WireEvent& e) {
    return e.type == "member.registered" && e.data.is_object();
}

std::string textField(const Json& data, const char* key) {
    auto it = data.find(key);
    return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Text the hub keys or indexes on must not hold a NUL character (PostgreSQL's text cannot).
bool storable(const WireEvent& e) {
    auto clean = [](const std::string& text) { return text.find('\0') == std::string::npos; };
    if (!clean(e.id)) return false;
    if (!isRegistration(e)) return true;
    for (const char* key : {"member_id", "household_id", "nik", "birth_date"})
        if (!clean(textField(e.data, key))) return false;
    return true;
}

Registration registrationOf(const WireEvent& e, const std::string& device_id) {
    return Registration{textField(e.data, "member_id"), textField(e.data, "household_id"),
                        device_id, textField(e.data, "nik"), textField(e.data, "birth_date")};
}

// Both sides of a suspected duplicate; no NIK or name in it.
std::string duplicateSuspectedData(const Registration& self, const Registration& other) {
    return dumpJson(Json{{"member_id", self.member_id},
                         {"household_id", self.household_id},
                         {"other_member_id", other.member_id},
                         {"other_household_id", other.household_id}});
}

std::string personKey(const std::string& nik, const std::string& birth_date) {
    return nik + "|" + birth_date;
}

void addDistinct(std::vector<std::string>& out, std::unordered_set<std::string>& seen,
                 const std::string& value) {
    if (seen.insert(value).second) out.push_back(value);
}

}  // namespace

Status migrateSchema(std::int64_t current, const SqlDialect& dialect,
                     const std::function<Status(const SchemaStep&)>& apply) {
    if (current > kHubSchemaVersion) return schemaTooNew(current);
    for (std::int64_t version = current + 1; version <= kHubSchemaVersion; ++version) {
        const char* sql = kSchemaSteps[version - 1];
        if (auto s = apply(SchemaStep{version, inDialect(sql, dialect)}); !s) return s;
    }
    return {};
}

PushKeys pushKeys(const std::vector<WireEvent>& events) {
    PushKeys keys;
    std::unordered_set<std::string> ids, niks, members;
    for (const WireEvent& e : events) {
        if (!storable(e)) continue;
        addDistinct(keys.event_ids, ids, e.id);
        if (!isRegistration(e)) continue;
        addDistinct(keys.niks, niks, textField(e.data, "nik"));
        addDistinct(keys.member_ids, members, textField(e.data, "member_id"));
    }
    return keys;
}

PushPlan planPush(const std::string& device_id, const std::vector<WireEvent>& events,
                  const StoredForPush& stored) {
    PushPlan plan;
    std::unordered_map<std::string, std::string> hashes = stored.content_hashes;
    std::unordered_map<std::string, std::vector<Registration>> by_nik;
    std::unordered_set<std::string> member_ids;
    for (const Registration& r : stored.registrations) {
        if (!member_ids.insert(r.member_id).second) continue;
        by_nik[r.nik].push_back(r);
    }
    for (const WireEvent& e : events) {
        if (!storable(e)) {
            plan.answer.rejected.push_back(
                {e.id, "invalid", "The id or a key field contains a NUL character."});
            continue;
        }
        const std::string hash = sync::sha256Hex(e.content);
        if (auto seen = hashes.find(e.id); seen != hashes.end()) {
            if (seen->second == hash)
                plan.answer.duplicates.push_back(e.id);
            else
                plan.answer.rejected.push_back(
                    {e.id, "id_conflict",
                     "This event id was already stored with different content."});
            continue;
        }
        if (auto problem = checkEvent(e)) {
            plan.answer.rejected.push_back({e.id, problem->code, problem->message_en});
            continue;
        }
        hashes.emplace(e.id, hash);
        plan.events.push_back({&e, hash});
        if (isRegistration(e)) {
            Registration self = registrationOf(e, device_id);
            // The same NIK in another household: keep both, tell both devices.
            auto& same_nik = by_nik[self.nik];
            for (const Registration& other : same_nik) {
                if (other.household_id == self.household_id) continue;
                plan.changes.push_back({self.device_id, "registration.duplicate_suspected",
                                        duplicateSuspectedData(self, other)});
                plan.changes.push_back({other.device_id, "registration.duplicate_suspected",
                                        duplicateSuspectedData(other, self)});
            }
            // A member id is indexed once (its first registration).
            if (member_ids.insert(self.member_id).second) {
                same_nik.push_back(self);
                plan.registrations.push_back(std::move(self));
            }
        }
        plan.answer.accepted.push_back(e.id);
    }
    return plan;
}

std::vector<PersonKey> statusKeys(const std::vector<StatusRow>& rows) {
    std::vector<PersonKey> keys;
    std::unordered_set<std::string> seen;
    for (const StatusRow& row : rows) {
        PersonKey key{row.nik, formatIsoDate(row.birth_date)};
        if (seen.insert(personKey(key.nik, key.birth_date)).second) keys.push_back(std::move(key));
    }
    return keys;
}

StatusPlan planStatusImport(const std::vector<StatusRow>& rows,
                            const std::vector<Registration>& registrations) {
    StatusPlan plan;
    std::unordered_map<std::string, std::vector<const Registration*>> by_person;
    for (const Registration& r : registrations)
        by_person[personKey(r.nik, r.birth_date)].push_back(&r);
    for (const StatusRow& row : rows) {
        ++plan.summary.imported;
        auto found = by_person.find(personKey(row.nik, formatIsoDate(row.birth_date)));
        if (found == by_person.end()) {
            ++plan.summary.unmatched;
            continue;
        }
        for (const Registration* r : found->second) {
            Json data = {{"member_id", r->member_id},
                         {"household_id", r->household_id},
                         {"status", statusCode(row.status)},
                         {"date", formatIsoDate(row.date)}};
            if (!row.card_number.empty()) data["card_number"] = row.card_number;
            if (row.care_class) data["class"] = *row.care_class;
            if (!row.faskes.empty()) data["faskes"] = row.faskes;
            plan.changes.push_back(
                {r->device_id, std::string(statusChangeType(row.status)), dumpJson(data)});
            ++plan.summary.changes;
        }
    }
    return plan;
}

}  // namespace pekon::hub
