// Keeping the read models from accepted events (projectEvents), in the caller's transaction.
#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "codec/json.hpp"
#include "core/complaint.hpp"
#include "core/text.hpp"
#include "hub/hub_ops_office_read.hpp"

namespace pekon::hub {

namespace {

constexpr BulkColumn kHouseholdColumns[] = {
    {"household_id", "text"}, {"device_id", "text"},      {"kk_number", "text"},
    {"village_code", "text"}, {"kecamatan_code", "text"}, {"address", "text"},
    {"rt", "text"},           {"rw", "text"},             {"phone", "text"},
    {"documents", "text"},    {"consent", "text"},        {"event_at", "text"},
    {"received_at", "bigint"}};
constexpr BulkInsert kInsertHouseholds{"office_insert_households", "office_households",
                                       kHouseholdColumns, "ON CONFLICT (household_id) DO NOTHING"};

constexpr BulkColumn kHistoryColumns[] = {{"member_id", "text"}, {"at", "bigint"},
                                          {"kind", "text"},      {"what", "text"},
                                          {"actor", "text"},     {"detail", "text"},
                                          {"source", "text"}};
constexpr BulkInsert kInsertHistory{"office_insert_history", "office_history", kHistoryColumns,
                                    "ON CONFLICT (member_id, kind, source) DO NOTHING"};

constexpr BulkColumn kSessionColumns[] = {
    {"session_id", "text"}, {"device_id", "text"},    {"village_code", "text"},
    {"method", "text"},     {"topic", "text"},        {"started_at", "text"},
    {"place", "text"},      {"facilitators", "text"}, {"partners", "text"},
    {"received_at", "bigint"}};
constexpr BulkInsert kInsertSessions{"office_insert_sessions", "office_sessions", kSessionColumns,
                                     "ON CONFLICT (session_id) DO NOTHING"};
constexpr BulkColumn kAttendanceColumns[] = {{"session_id", "text"},
                                             {"attendee_id", "text"},
                                             {"attendee", "text"},
                                             {"household_id", "text"},
                                             {"received_at", "bigint"}};
constexpr BulkInsert kInsertAttendance{"office_insert_attendance", "office_attendance",
                                       kAttendanceColumns,
                                       "ON CONFLICT (session_id, attendee_id) DO NOTHING"};
constexpr BulkColumn kQuizColumns[] = {{"session_id", "text"}, {"attendee_id", "text"},
                                       {"quiz", "text"},       {"phase", "text"},
                                       {"score", "integer"},   {"max_score", "integer"},
                                       {"received_at", "bigint"}};
constexpr BulkInsert kInsertQuiz{"office_insert_quiz", "office_quiz", kQuizColumns,
                                 "ON CONFLICT (session_id, attendee_id, quiz, phase) DO NOTHING"};
constexpr BulkColumn kFeedbackColumns[] = {
    {"event_id", "text"}, {"device_id", "text"}, {"category", "text"},
    {"rating", "integer"}, {"text", "text"},     {"phone", "text"},
    {"event_at", "text"}, {"received_at", "bigint"}, {"complaint", "integer"}};
constexpr BulkInsert kInsertFeedback{"office_insert_feedback", "office_feedback",
                                     kFeedbackColumns, "ON CONFLICT (event_id) DO NOTHING"};

constexpr BulkColumn kLeadColumns[] = {{"lead_id", "text"},
                                       {"session_id", "text"},
                                       {"attendee_id", "text"},
                                       {"household_id", "text"},
                                       {"received_at", "bigint"}};
constexpr BulkInsert kInsertLeads{"office_insert_leads", "office_leads", kLeadColumns,
                                  "ON CONFLICT (lead_id) DO NOTHING"};
// After the leads of the same batch are in.
constexpr HubSql kLeadRegistered{"office_lead_registered",
                                 "UPDATE office_leads SET household_id = ? WHERE lead_id = ?"};

// The registrations' index (for duplicate NIKs and status imports) follows a corrected NIK or
// birth date: a baby registered without a NIK gets its card once the NIK arrives.
constexpr HubSql kRegistryFollows{"office_registry_follows",
                                  "UPDATE members SET nik = ?, birth_date = ? WHERE member_id = ?"};

// A complaint's ticket, with the area of the kiosk it came from; kept as it is when it exists
// (the office's work on it is not a read model: a rebuild only opens the missing ones).
constexpr HubSql kOpenTicket{
    "office_open_ticket",
    "INSERT INTO tickets (event_id, number, device_id, area, state, staff_id, opened_at, "
    "responded_at, answered_at, closed_at, answer, updated_at) SELECT CAST(? AS TEXT), CAST(? AS "
    "TEXT), id, COALESCE(kiosk_area, ''), 'open', NULL, CAST(? AS BIGINT), 0, 0, 0, '', CAST(? AS "
    "BIGINT) FROM devices WHERE id = ? ON CONFLICT (event_id) DO NOTHING"};

std::string textOf(const Json& data, const char* field) {
    auto it = data.find(field);
    return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::int64_t integerOf(const Json& data, const char* field) {
    auto it = data.find(field);
    return it != data.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}
std::string objectOf(const Json& data, const char* field, const char* empty) {
    auto it = data.find(field);
    return it != data.end() && (it->is_object() || it->is_array()) ? it->dump() : empty;
}

// The events with their data, parsed from `content` where the caller had no parsed data.
struct Projected {
    const AcceptedEvent* event;
    const Json* data;
};

class Batch {
  public:
    explicit Batch(const std::vector<AcceptedEvent>& events) {
        list_.reserve(events.size());
        for (const AcceptedEvent& e : events) {
            const Json* data = e.data;
            if (!data) {
                auto content = parseJson(e.content);
                const Json& object = parsed_.emplace_back(
                    content && content->is_object() && content->contains("data")
                        ? std::move((*content)["data"])
                        : Json::object());
                data = &object;
            }
            if (data->is_object()) list_.push_back({&e, data});
        }
    }
    const std::vector<Projected>& events() const { return list_; }

  private:
    std::deque<Json> parsed_;  // stable addresses
    std::vector<Projected> list_;
};

MemberRecord registration(const AcceptedEvent& e, const Json& d) {
    MemberRecord m;
    m.member_id = textOf(d, "member_id");
    m.household_id = textOf(d, "household_id");
    m.device_id = e.device_id;
    m.nik = textOf(d, "nik");
    m.name = textOf(d, "name");
    m.birth_date = textOf(d, "birth_date");
    m.sex = textOf(d, "sex");
    m.relation = textOf(d, "relation");
    m.segment = textOf(d, "segment");
    if (auto it = d.find("class"); it != d.end() && it->is_number_integer())
        m.klass = it->get<std::int64_t>();
    m.phone = textOf(d, "phone");
    m.occupation = textOf(d, "occupation");
    m.existing_card = textOf(d, "existing_card");
    m.nik_mismatch_reason = textOf(d, "nik_mismatch_reason");
    m.pregnancy_due = textOf(d, "pregnancy_due");
    m.received_day = dayOf(e.received_at);
    m.received_at = e.received_at;
    m.state_at = e.received_at;
    return m;
}

// Applies a member.corrected to `m`; the history line's detail: {"field":{"from":..,"to":..}}
// for each field it carries (a NIK masked, as on every shared screen).
std::string applyCorrection(MemberRecord& m, const Json& d, std::int64_t received_at) {
    Json changed = Json::object();
    auto text = [&](const char* field, std::string& value, bool mask = false) {
        auto it = d.find(field);
        if (it == d.end() || !it->is_string()) return;
        std::string to = it->get<std::string>();
        changed[field] = {{"from", mask ? maskDigits(value) : value},
                          {"to", mask ? maskDigits(to) : to}};
        value = std::move(to);
    };
    text("nik", m.nik, true);
    text("name", m.name);
    text("birth_date", m.birth_date);
    text("sex", m.sex);
    text("relation", m.relation);
    text("segment", m.segment);
    text("phone", m.phone);
    text("occupation", m.occupation);
    text("existing_card", m.existing_card, true);
    text("nik_mismatch_reason", m.nik_mismatch_reason);
    if (auto it = d.find("class"); it != d.end() && it->is_number_integer()) {
        const std::int64_t to = it->get<std::int64_t>();
        changed["class"] = {{"from", m.klass ? Json(*m.klass) : Json()}, {"to", to}};
        m.klass = to;
    }
    m.corrections += 1;
    m.corrected_at = std::max(m.corrected_at, received_at);
    return changed.dump();
}

// The texts the bulk rows borrow, kept until the inserts are done.
struct Texts {
    std::deque<std::string> held;
    std::string_view keep(std::string text) { return held.emplace_back(std::move(text)); }
};

Status insertRows(HubTx& tx, const BulkInsert& table, const BulkRows& rows, const char* doing) {
    if (rows.rows() == 0) return {};
    auto done = tx.insert(table, rows, doing);
    if (!done) return done.error();
    return {};
}

Status projectOutreach(HubTx& tx, const std::vector<Projected>& events) {
    Texts t;
    BulkRows sessions(std::size(kSessionColumns)), attendance(std::size(kAttendanceColumns));
    BulkRows quiz(std::size(kQuizColumns)), feedback(std::size(kFeedbackColumns));
    std::vector<const AcceptedEvent*> complaints;
    BulkRows leads(std::size(kLeadColumns));
    std::vector<std::pair<std::string, std::string>> registered;  // lead, household
    for (const auto& [e, dp] : events) {
        const Json& d = *dp;
        if (e->type == "session.held") {
            sessions.text(t.keep(textOf(d, "session_id"))).text(e->device_id);
            sessions.text(t.keep(textOf(d, "village_code"))).text(t.keep(textOf(d, "method")));
            sessions.text(t.keep(textOf(d, "topic"))).text(t.keep(textOf(d, "started_at")));
            sessions.text(t.keep(textOf(d, "place")));
            sessions.text(t.keep(objectOf(d, "facilitators", "[]")));
            sessions.text(t.keep(objectOf(d, "partners", "[]"))).integer(e->received_at);
        } else if (e->type == "session.attended") {
            std::string attendee_id = textOf(d, "attendee_id");
            attendance.text(t.keep(textOf(d, "session_id")))
                .text(t.keep(attendee_id.empty() ? e->id : attendee_id));
            attendance.text(t.keep(textOf(d, "attendee"))).text(t.keep(textOf(d, "household_id")));
            attendance.integer(e->received_at);
        } else if (e->type == "quiz.answered") {
            quiz.text(t.keep(textOf(d, "session_id"))).text(t.keep(textOf(d, "attendee_id")));
            quiz.text(t.keep(textOf(d, "quiz"))).text(t.keep(textOf(d, "phase")));
            quiz.integer(integerOf(d, "score")).integer(integerOf(d, "max_score"));
            quiz.integer(e->received_at);
        } else if (e->type == "session.lead") {
            leads.text(t.keep(textOf(d, "lead_id"))).text(t.keep(textOf(d, "session_id")));
            leads.text(t.keep(textOf(d, "attendee_id"))).text("").integer(e->received_at);
        } else if (e->type == "lead.registered") {
            registered.emplace_back(textOf(d, "lead_id"), textOf(d, "household_id"));
        } else if (e->type == "feedback.submitted") {
            const auto flag = d.find("complaint");
            const bool flagged = flag != d.end() && flag->is_boolean() && flag->get<bool>();
            const std::int64_t rating = integerOf(d, "rating");
            feedback.text(e->id).text(e->device_id).text(t.keep(textOf(d, "category")));
            feedback.integer(rating).text(t.keep(textOf(d, "text")));
            feedback.text(t.keep(textOf(d, "phone"))).text(e->at).integer(e->received_at);
            feedback.integer(flagged ? 1 : 0);
            if (isComplaint(static_cast<int>(rating), flagged)) complaints.push_back(e);
        }
    }
    if (auto s = insertRows(tx, kInsertSessions, sessions, "keep sessions"); !s) return s;
    if (auto s = insertRows(tx, kInsertAttendance, attendance, "keep attendance"); !s) return s;
    if (auto s = insertRows(tx, kInsertQuiz, quiz, "keep quiz answers"); !s) return s;
    if (auto s = insertRows(tx, kInsertFeedback, feedback, "keep feedback"); !s) return s;
    if (auto s = insertRows(tx, kInsertLeads, leads, "keep leads"); !s) return s;
    for (const auto& [lead, household] : registered) {
        auto linked = tx.run(kLeadRegistered, {household, lead}, "link a lead");
        if (!linked) return linked.error();
    }
    for (const AcceptedEvent* e : complaints) {
        auto opened = tx.run(kOpenTicket,
                             {e->id, ticketNumber(e->id), e->received_at, e->received_at,
                              e->device_id},
                             "open a complaint ticket");
        if (!opened) return opened.error();
    }
    return {};
}

Status projectHouseholds(HubTx& tx, const std::vector<Projected>& events,
                         std::vector<std::string>& household_ids) {
    Texts t;
    BulkRows rows(std::size(kHouseholdColumns));
    for (const auto& [e, dp] : events) {
        if (e->type != "household.registered") continue;
        const Json& d = *dp;
        household_ids.push_back(textOf(d, "household_id"));
        const std::string village = textOf(d, "village_code");
        rows.text(t.keep(household_ids.back())).text(e->device_id).text(t.keep(textOf(d, "kk_number")));
        rows.text(t.keep(village)).text(t.keep(village.substr(0, std::min<size_t>(8, village.size()))));
        rows.text(t.keep(textOf(d, "address"))).text(t.keep(textOf(d, "rt")));
        rows.text(t.keep(textOf(d, "rw"))).text(t.keep(textOf(d, "phone")));
        rows.text(t.keep(objectOf(d, "documents", "{}"))).text(t.keep(objectOf(d, "consent", "{}")));
        rows.text(e->at).integer(e->received_at);
    }
    return insertRows(tx, kInsertHouseholds, rows, "keep households");
}

struct HistoryRow {
    std::string member_id;
    std::int64_t at;
    const char* kind;
    std::string what;
    std::string actor;
    std::string detail;
    std::string source;
};

Status insertHistory(HubTx& tx, const std::vector<HistoryRow>& lines) {
    BulkRows rows(std::size(kHistoryColumns));
    for (const HistoryRow& h : lines)
        rows.text(h.member_id).integer(h.at).text(h.kind).text(h.what).text(h.actor).text(
            h.detail).text(h.source);
    return insertRows(tx, kInsertHistory, rows, "keep member history");
}

}  // namespace

Status projectEvents(HubTx& tx, const std::vector<AcceptedEvent>& events) {
    const Batch batch(events);
    std::vector<std::string> household_ids;
    if (auto s = projectHouseholds(tx, batch.events(), household_ids); !s) return s;
    if (auto s = projectOutreach(tx, batch.events()); !s) return s;

    // The members the batch registers or corrects, as stored before it.
    std::vector<std::string> member_ids;
    std::unordered_set<std::string> seen;
    for (const auto& [e, d] : batch.events())
        if (e->type == "member.registered" || e->type == "member.corrected") {
            std::string id = textOf(*d, "member_id");
            if (seen.insert(id).second) member_ids.push_back(std::move(id));
        }
    std::unordered_map<std::string, MemberRecord> members;  // stored or registered here
    std::vector<std::string> order;                         // of `members`' changed rows
    std::unordered_set<std::string> changed;
    if (!member_ids.empty()) {
        auto stored = loadMembers(tx, MemberKey::member_id, member_ids);
        if (!stored) return stored.error();
        for (MemberRecord& m : *stored) members.emplace(m.member_id, std::move(m));
    }
    std::vector<HistoryRow> history;
    std::vector<std::string> touched_niks;  // NIKs a correction left: their members' checks
    for (const auto& [e, dp] : batch.events()) {
        const Json& d = *dp;
        if (e->type == "member.registered") {
            MemberRecord m = registration(*e, d);
            if (members.count(m.member_id)) continue;  // the first registration counts
            if (changed.insert(m.member_id).second) order.push_back(m.member_id);
            members.emplace(m.member_id, std::move(m));
        } else if (e->type == "member.corrected") {
            auto it = members.find(textOf(d, "member_id"));
            if (it == members.end()) continue;
            const std::string old_nik = it->second.nik, old_birth = it->second.birth_date;
            std::string detail = applyCorrection(it->second, d, e->received_at);
            if (it->second.nik != old_nik && !old_nik.empty()) touched_niks.push_back(old_nik);
            if (it->second.nik != old_nik || it->second.birth_date != old_birth) {
                auto follows = tx.run(kRegistryFollows,
                                      {it->second.nik, it->second.birth_date, it->first},
                                      "keep the registrations' index");
                if (!follows) return follows.error();
            }
            history.push_back({it->first, e->received_at, "corrected", e->type, e->device_id,
                               std::move(detail), e->id});
            if (changed.insert(it->first).second) order.push_back(it->first);
        }
    }
    if (order.empty() && household_ids.empty()) return {};
    std::vector<MemberRecord> pending;
    pending.reserve(order.size());
    for (const std::string& id : order) pending.push_back(std::move(members[id]));
    if (auto s = insertHistory(tx, history); !s) return s;
    RefreshScope scope;
    scope.household_ids = std::move(household_ids);
    scope.niks = std::move(touched_niks);
    return refreshMembersWith(tx, std::move(pending), scope);
}

}  // namespace pekon::hub
