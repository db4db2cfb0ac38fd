#include "hub/hub_plan.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <utility>

#include "codec/json.hpp"
#include "core/kiosk_area.hpp"
#include "core/status.hpp"
#include "proto/event_check.hpp"

namespace pekon::hub {

namespace {

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

void flagEventTimes(PushPlan& plan, UnixSeconds received_at) {
    std::optional<UnixSeconds> previous;
    for (NewEvent& n : plan.events) {
        auto at = parseRfc3339(n.event->at);  // checkEvent accepted it
        if (!at) continue;
        const EventTimeFlag flag =
            judgeEventTime(EventTimeFacts{*at, n.event->clock_offset, received_at, previous});
        n.time_flag = eventTimeFlagName(flag);
        // A time that cannot be right is no yardstick for the next event.
        if (flag != EventTimeFlag::before_epoch && flag != EventTimeFlag::future) previous = *at;
    }
}

PushKeys pushKeys(const std::vector<WireEvent>& events) {
    PushKeys keys;
    std::unordered_set<std::string> ids, niks, members;
    for (const WireEvent& e : events) {
        if (!storable(e) || e.seal_unreadable) continue;
        addDistinct(keys.event_ids, ids, e.id);
        if (!isRegistration(e)) continue;
        const std::string nik = textField(e.data, "nik");
        if (!nik.empty()) addDistinct(keys.niks, niks, nik);  // "": a baby without a NIK yet
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
        if (e.seal_unreadable) {
            plan.answer.rejected.push_back(
                {e.id, "sealed_unreadable",
                 "The event's sealed personal part does not open with this hub's key."});
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
            // The same NIK in another household: keep both, tell both devices. Babies without
            // a NIK yet ("") are nobody's duplicates.
            auto& same_nik = by_nik[self.nik];
            for (const Registration& other : same_nik) {
                if (self.nik.empty()) break;
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

std::string personText(const PersonKey& key) {
    return personKey(key.nik, key.birth_date);
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

std::optional<Date> kioskCardEta(MemberStatus status, const Date& decided) {
    if (status == MemberStatus::paid) return addDays(decided, kCardEtaDays);
    if (status == MemberStatus::card_issued) return addDays(decided, kCardDeliveryDays);
    return std::nullopt;
}

std::string kioskRoute(const std::string& village_code, const std::string& nik) {
    return village_code.empty() ? regencyOfNik(nik) : village_code;
}

Result<std::unordered_map<std::string, PersonLookups>> kioskLookups(
    const KioskKey& key, const std::vector<PersonKey>& people,
    const std::unordered_map<std::string, std::vector<PersonRecord>>& records) {
    // One slow hash per job: the person (personText), which of their lookups, its message.
    struct Job {
        std::string person;
        std::string PersonLookups::*slot;
        std::function<Result<std::string>()> hash;
    };
    std::vector<Job> jobs;
    for (const PersonKey& p : people) {
        auto it = records.find(personText(p));
        if (it == records.end()) continue;
        for (const PersonRecord& r : it->second)
            if (!r.kk_number.empty()) {
                jobs.push_back({it->first, &PersonLookups::kk, [&key, &p, &r] {
                                    return kkLookupKey(key, p.nik, r.kk_number);
                                }});
                break;
            }
        for (const PersonRecord& r : it->second)
            if (!r.household_id.empty()) {
                jobs.push_back({it->first, &PersonLookups::receipt, [&key, &p, &r] {
                                    auto birth = parseIsoDate(p.birth_date);
                                    if (!birth) return Result<std::string>(birth.error());
                                    return receiptLookupKey(key, r.household_id, *birth);
                                }});
                break;
            }
    }
    std::unordered_map<std::string, PersonLookups> out;
    if (jobs.empty()) return out;
    // Each Argon2id pass is memory-bound and independent: split the jobs over a few threads
    // (16 MiB each), every thread writing only its own slots.
    const size_t threads = std::clamp<size_t>(std::thread::hardware_concurrency(), 1,
                                              std::min<size_t>(4, jobs.size()));
    std::vector<Result<std::string>> computed(jobs.size(), std::string());
    auto work = [&](size_t first) {
        for (size_t i = first; i < jobs.size(); i += threads) computed[i] = jobs[i].hash();
    };
    std::vector<std::thread> helpers;
    for (size_t t = 1; t < threads; ++t) helpers.emplace_back(work, t);
    work(0);
    for (std::thread& h : helpers) h.join();
    for (size_t i = 0; i < jobs.size(); ++i) {
        if (!computed[i]) return computed[i].error();
        out[jobs[i].person].*(jobs[i].slot) = std::move(computed[i].value());
    }
    return out;
}

namespace {

// The entry of one row, over the person's entry so far (`before`, may be null).
KioskEntry entryOf(const StatusRow& row, const PersonLookups& lookups,
                   const std::vector<PersonRecord>* registrations, const KioskRecord* before) {
    KioskEntry e;
    e.kk_lookup = lookups.kk;
    e.receipt_lookup = lookups.receipt;
    // Kiosks older than issue 12 keep a row under `lookup` and one under receipt_lookup:
    // neither is by NIK and birth date, so they find people by receipt only.
    e.lookup = lookups.kk.empty() ? lookups.receipt : lookups.kk;
    e.status = statusCode(row.status);
    e.care_class = row.care_class;
    e.faskes = row.faskes;
    if (!row.card_number.empty()) e.card_number_masked = maskCardNumber(row.card_number);
    if (auto eta = kioskCardEta(row.status, row.date)) e.card_eta = formatIsoDate(*eta);
    e.as_of = formatRfc3339(toDays(row.date) * 86400);
    if (registrations)
        for (const PersonRecord& r : *registrations)
            if (!r.name.empty()) {
                e.name_masked = maskName(r.name);
                break;
            }
    // What the row leaves empty, the entry it replaces may know.
    if (before) {
        auto old = parseJson(before->data);
        std::optional<KioskEntry> was = old ? parseKioskEntry(*old) : std::optional<KioskEntry>();
        if (was) {
            if (!e.care_class) e.care_class = was->care_class;
            if (e.faskes.empty()) e.faskes = was->faskes;
            if (e.card_number_masked.empty()) e.card_number_masked = was->card_number_masked;
        }
    }
    return e;
}

std::string villageOf(const std::vector<PersonRecord>* registrations) {
    if (registrations)
        for (const PersonRecord& r : *registrations)
            if (!r.village_code.empty()) return r.village_code;
    return "";
}

}  // namespace

KioskPlan planKioskEntries(const std::vector<StatusRow>& rows,
                           const std::unordered_map<std::string, PersonLookups>& lookups,
                           const std::unordered_map<std::string, std::vector<PersonRecord>>& people,
                           const std::unordered_map<std::string, KioskRecord>& previous,
                           const std::vector<KioskDevice>& kiosks) {
    std::unordered_map<std::string, KioskRecord> current;
    std::vector<std::string> changed;  // personText, in the order first changed
    for (const StatusRow& row : rows) {
        PersonKey person{row.nik, formatIsoDate(row.birth_date)};
        const std::string text = personText(person);
        const std::string decided = formatIsoDate(row.date);
        const KioskRecord* before = nullptr;
        if (auto it = current.find(text); it != current.end())
            before = &it->second;
        else if (auto was = previous.find(text); was != previous.end())
            before = &was->second;
        if (before && before->decided_on > decided) continue;  // an older decision
        auto found = lookups.find(text);
        const PersonLookups none;
        const PersonLookups& own = found == lookups.end() ? none : found->second;
        auto registered = people.find(text);
        const auto* registrations = registered == people.end() ? nullptr : &registered->second;
        const KioskEntry entry = entryOf(row, own, registrations, before);
        KioskRecord record{person, entry.lookup, kioskRoute(villageOf(registrations), row.nik),
                           decided, dumpJson(kioskEntryJson(entry))};
        // The same entry again (a file imported twice): nothing to send.
        if (before && before->data == record.data && before->route == record.route) continue;
        if (!current.count(text)) changed.push_back(text);
        current.insert_or_assign(text, std::move(record));
    }
    KioskPlan plan;
    for (const std::string& text : changed) {
        KioskRecord& record = current.at(text);
        for (const KioskDevice& kiosk : kiosks)
            if (!record.lookup.empty() && kioskAreaCovers(kiosk.area, record.route))
                plan.changes.push_back({kiosk.device_id, "kiosk.status", record.data});
        plan.entries.push_back(std::move(record));
    }
    return plan;
}

}  // namespace pekon::hub
