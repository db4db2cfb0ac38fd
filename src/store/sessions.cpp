#include "store/sessions.hpp"

#include <set>

#include "codec/session_data.hpp"
#include "core/text.hpp"
#include "proto/ids.hpp"
#include "store/households.hpp"
#include "store/internal/database.hpp"

namespace pekon {

namespace {

struct SessionRow {
    std::int64_t key = 0;
    SessionState state = SessionState::planned;
    SessionPlan plan;
};

Result<std::optional<SessionRow>> sessionRow(sql::Connection& db, const std::string& id) {
    auto stmt = db.cached(
        "SELECT key, state, village_code, place, scheduled_date, scheduled_time, method, topic, "
        "facilitators, partners FROM sessions WHERE id = ?");
    if (!stmt) return stmt.error();
    const int rc = (*stmt)->bind(1, id).step();
    if (rc == SQLITE_DONE) return std::optional<SessionRow>();
    if (rc != SQLITE_ROW) return sql::sqliteError(db.handle(), rc, "read session");
    SessionRow row;
    row.key = (*stmt)->integer(0);
    row.state = parseSessionState((*stmt)->text(1)).value_or(row.state);
    row.plan = {(*stmt)->text(2),
                (*stmt)->text(3),
                (*stmt)->text(4),
                (*stmt)->text(5),
                (*stmt)->text(6),
                (*stmt)->text(7),
                textListFromJson((*stmt)->text(8)),
                textListFromJson((*stmt)->text(9))};
    return std::optional<SessionRow>(std::move(row));
}

// The session, which must be held (attendance, quizzes, leads).
Result<SessionRow> heldSession(sql::Connection& db, const std::string& id) {
    auto row = sessionRow(db, id);
    if (!row) return row.error();
    if (!*row) return sessionNotFound();
    if ((*row)->state != SessionState::held) return sessionNotHeld();
    return std::move(**row);
}

Result<std::int64_t> attendeeKeyOf(sql::Connection& db, std::int64_t session_key,
                                   const std::string& attendee_id) {
    auto stmt = db.cached("SELECT key FROM session_attendees WHERE id = ? AND session_key = ?");
    if (!stmt) return stmt.error();
    const int rc = (*stmt)->bind(1, attendee_id).bind(2, session_key).step();
    if (rc == SQLITE_DONE) return attendeeNotFound();
    if (rc != SQLITE_ROW) return sql::sqliteError(db.handle(), rc, "read attendee");
    return (*stmt)->integer(0);
}

std::optional<UnixSeconds> timeOrNone(const sql::Stmt& stmt, int column) {
    if (stmt.isNull(column)) return std::nullopt;
    auto t = parseRfc3339(stmt.text(column));
    return t ? std::optional<UnixSeconds>(*t) : std::nullopt;
}

UnixSeconds timeOf(const std::string& text) {
    auto t = parseRfc3339(text);
    return t ? *t : 0;
}

}  // namespace

Result<std::string> planSession(Store& store, const SessionPlan& input,
                                const std::vector<MaterialTopic>& topics,
                                const RegionTable& regions, const WriteContext& ctx,
                                FieldErrors* errors) {
    if (auto s = store.writable(); !s) return s.error();
    FieldErrors found = validateSessionPlan(input, regions, topics);
    if (errors) *errors = found;
    if (!found.empty()) return found.front().error;
    SessionPlan plan = input;
    plan.place = std::string(trim(plan.place));
    for (std::string& f : plan.facilitators) f = std::string(trim(f));
    const std::string id = newEntityId();
    auto stmt = connection(store).cached(
        "INSERT INTO sessions (id, village_code, place, scheduled_date, scheduled_time, method, "
        "topic, facilitators, partners, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)
        ->bind(1, id)
        .bind(2, plan.village_code)
        .bind(3, plan.place)
        .bind(4, plan.date)
        .bind(5, plan.time)
        .bind(6, plan.method)
        .bind(7, plan.topic)
        .bind(8, textListJson(plan.facilitators))
        .bind(9, textListJson(plan.partners))
        .bind(10, ctx.actor)
        .bind(11, formatRfc3339(ctx.now));
    if (auto s = (*stmt)->run("plan session"); !s) return s.error();
    return id;
}

Status holdSession(Store& store, const std::string& session_id, const WriteContext& ctx) {
    if (auto s = store.writable(); !s) return s;
    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    auto row = sessionRow(db, session_id);
    if (!row) return row.error();
    if (!*row) return sessionNotFound();
    if ((*row)->state != SessionState::planned) return sessionAlreadyHeld();
    auto e = appendEvent(store, event_type::session_held,
                         sessionHeldData(session_id, (*row)->plan, ctx.now), ctx);
    if (!e) return e.error();
    auto stmt = db.cached(
        "UPDATE sessions SET state = 'held', started_at = ?, held_event_seq = ? WHERE key = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, formatRfc3339(ctx.now)).bind(2, e->seq).bind(3, (*row)->key);
    if (auto s = (*stmt)->run("hold session"); !s) return s;
    return tx->commit();
}

Status closeSession(Store& store, const std::string& session_id, const WriteContext& ctx) {
    if (auto s = store.writable(); !s) return s;
    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    auto row = heldSession(db, session_id);
    if (!row) return row.error();
    auto stmt = db.cached("UPDATE sessions SET state = 'closed', closed_at = ? WHERE key = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, formatRfc3339(ctx.now)).bind(2, row->key);
    if (auto s = (*stmt)->run("close session"); !s) return s;
    return tx->commit();
}

namespace {

constexpr const char* kSessionColumns =
    "SELECT s.id, s.village_code, s.place, s.scheduled_date, s.scheduled_time, s.method, "
    "s.topic, s.facilitators, s.partners, s.state, s.created_at, s.started_at, s.closed_at, "
    "(SELECT COUNT(*) FROM session_attendees a WHERE a.session_key = s.key) FROM sessions s ";

SessionRecord readSession(const sql::Stmt& s) {
    SessionRecord r;
    r.id = s.text(0);
    r.plan = {s.text(1),
              s.text(2),
              s.text(3),
              s.text(4),
              s.text(5),
              s.text(6),
              textListFromJson(s.text(7)),
              textListFromJson(s.text(8))};
    r.state = parseSessionState(s.text(9)).value_or(r.state);
    r.created_at = timeOf(s.text(10));
    r.started_at = timeOrNone(s, 11);
    r.closed_at = timeOrNone(s, 12);
    r.attendees = static_cast<int>(s.integer(13));
    return r;
}

}  // namespace

Result<std::vector<SessionRecord>> listSessions(Store& store) {
    auto stmt = connection(store).prepare(std::string(kSessionColumns) +
                                          "ORDER BY s.created_at DESC, s.key DESC");
    if (!stmt) return stmt.error();
    std::vector<SessionRecord> out;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) out.push_back(readSession(*stmt));
    if (rc != SQLITE_DONE) return sql::sqliteError(connection(store).handle(), rc, "list sessions");
    return out;
}

Result<std::optional<SessionRecord>> findSession(Store& store, const std::string& session_id) {
    auto stmt = connection(store).prepare(std::string(kSessionColumns) + "WHERE s.id = ?");
    if (!stmt) return stmt.error();
    stmt->bind(1, session_id);
    const int rc = stmt->step();
    if (rc == SQLITE_DONE) return std::optional<SessionRecord>();
    if (rc != SQLITE_ROW) return sql::sqliteError(connection(store).handle(), rc, "read session");
    return std::optional<SessionRecord>(readSession(*stmt));
}

Result<std::string> recordAttendance(Store& store, const std::string& session_id,
                                     const AttendeeInput& input, const RegionTable& regions,
                                     const WriteContext& ctx) {
    if (auto s = store.writable(); !s) return s.error();
    auto valid = validateAttendee(input, regions, ctx.today);
    if (!valid) return valid.error();
    AttendeeInput a = std::move(valid.value());
    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    auto row = heldSession(db, session_id);
    if (!row) return row.error();
    auto nik_index = blindText(store, "nik", a.nik);
    if (!nik_index) return nik_index.error();
    if (!a.nik.empty()) {
        auto dup =
            db.cached("SELECT 1 FROM session_attendees WHERE session_key = ? AND nik_index = ?");
        if (!dup) return dup.error();
        const int rc = (*dup)->bind(1, row->key).bind(2, *nik_index).step();
        if (rc == SQLITE_ROW) return attendeeDuplicate();
        if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "check attendee");
        if (a.household_id.empty()) {
            auto member = findMemberByNik(store, a.nik);
            if (!member) return member.error();
            if (*member) {
                a.household_id = (*member)->household_id;
                if (a.name.empty()) a.name = (*member)->name;
            }
        }
    }
    const std::string id = newEntityId();
    auto e = appendEvent(store, event_type::session_attended,
                         sessionAttendedData(session_id, id, a), ctx);
    if (!e) return e.error();
    auto sealed = sealTexts(store, {a.nik, a.name});
    if (!sealed) return sealed.error();
    auto stmt = db.cached(
        "INSERT INTO session_attendees (id, session_key, nik, name, household_id, at, event_seq, "
        "nik_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)
        ->bind(1, id)
        .bind(2, row->key)
        .bind(3, (*sealed)[0])
        .bind(4, (*sealed)[1])
        .bind(5, a.household_id)
        .bind(6, formatRfc3339(ctx.now))
        .bind(7, e->seq)
        .bind(8, *nik_index);
    if (auto s = (*stmt)->run("record attendance"); !s) return s.error();
    if (auto s = tx->commit(); !s) return s.error();
    return id;
}

Result<std::optional<AttendeeInput>> attendeeByCard(Store& store, const std::string& card_number) {
    if (auto s = requireDataOpen(store); !s) return s.error();
    // Card numbers are sealed and not indexed: a scan is once per card shown.
    auto stmt = connection(store).cached(
        "SELECT pk_open(m.nik), pk_open(m.name), h.id FROM members m JOIN households h ON "
        "h.key = m.household_key WHERE m.card_number <> '' AND pk_open(m.card_number) = ? LIMIT 1");
    if (!stmt) return stmt.error();
    const int rc = (*stmt)->bind(1, card_number).step();
    if (rc == SQLITE_DONE) return std::optional<AttendeeInput>();
    if (rc != SQLITE_ROW) return sql::sqliteError(connection(store).handle(), rc, "find card");
    return std::optional<AttendeeInput>(
        AttendeeInput{(*stmt)->text(0), (*stmt)->text(1), (*stmt)->text(2)});
}

Result<std::string> householdByKk(Store& store, const std::string& kk_number) {
    auto index = blindText(store, "kk", kk_number);
    if (!index) return index.error();
    auto stmt = connection(store).cached("SELECT id FROM households WHERE kk_index = ? LIMIT 1");
    if (!stmt) return stmt.error();
    const int rc = (*stmt)->bind(1, *index).step();
    if (rc == SQLITE_DONE) return std::string();
    if (rc != SQLITE_ROW) return sql::sqliteError(connection(store).handle(), rc, "find KK");
    return (*stmt)->text(0);
}

Result<std::vector<AttendeeRecord>> listAttendees(Store& store, const std::string& session_id) {
    if (auto s = requireDataOpen(store); !s) return s.error();
    auto stmt = connection(store).prepare(
        "SELECT a.id, pk_open(a.nik), pk_open(a.name), a.household_id, a.at, "
        "COALESCE(l.id, ''), COALESCE(l.draft_id, ''), COALESCE(l.household_id, ''), "
        "EXISTS (SELECT 1 FROM quiz_results q WHERE q.attendee_key = a.key AND q.phase = 'pre'), "
        "EXISTS (SELECT 1 FROM quiz_results q WHERE q.attendee_key = a.key AND q.phase = 'post') "
        "FROM session_attendees a JOIN sessions s ON s.key = a.session_key "
        "LEFT JOIN session_leads l ON l.attendee_key = a.key WHERE s.id = ? ORDER BY a.key");
    if (!stmt) return stmt.error();
    stmt->bind(1, session_id);
    std::vector<AttendeeRecord> out;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) {
        AttendeeRecord r;
        r.id = stmt->text(0);
        r.person = {stmt->text(1), stmt->text(2), stmt->text(3)};
        r.at = timeOf(stmt->text(4));
        r.lead_id = stmt->text(5);
        r.lead_draft_id = stmt->text(6);
        r.lead_household_id = stmt->text(7);
        r.pre_done = stmt->integer(8) != 0;
        r.post_done = stmt->integer(9) != 0;
        out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE)
        return sql::sqliteError(connection(store).handle(), rc, "list attendees");
    return out;
}

Result<QuizScore> recordQuiz(Store& store, const std::string& session_id,
                             const std::string& attendee_id, const Quiz& quiz, QuizPhase phase,
                             const std::vector<std::optional<int>>& answers,
                             const WriteContext& ctx) {
    if (auto s = store.writable(); !s) return s.error();
    const QuizScore score = scoreQuiz(quiz, answers);
    if (score.max_score < 1)
        return Error{"quiz_empty", "Kuis tidak berisi pertanyaan.", "The quiz has no questions."};
    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    auto row = heldSession(db, session_id);
    if (!row) return row.error();
    auto attendee = attendeeKeyOf(db, row->key, attendee_id);
    if (!attendee) return attendee.error();
    auto taken = db.cached("SELECT 1 FROM quiz_results WHERE attendee_key = ? AND phase = ?");
    if (!taken) return taken.error();
    const int rc = (*taken)->bind(1, *attendee).bind(2, quizPhaseCode(phase)).step();
    if (rc == SQLITE_ROW) return quizAlreadyTaken();
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "check quiz");
    auto e = appendEvent(store, event_type::quiz_answered,
                         quizAnsweredData(session_id, attendee_id, quiz.key, phase, score), ctx);
    if (!e) return e.error();
    auto stmt = db.cached(
        "INSERT INTO quiz_results (attendee_key, phase, quiz, score, max_score, answers, at, "
        "event_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)
        ->bind(1, *attendee)
        .bind(2, quizPhaseCode(phase))
        .bind(3, quiz.key)
        .bind(4, score.score)
        .bind(5, score.max_score)
        .bind(6, answersJson(answers))
        .bind(7, formatRfc3339(ctx.now))
        .bind(8, e->seq);
    if (auto s = (*stmt)->run("record quiz"); !s) return s.error();
    if (auto s = tx->commit(); !s) return s.error();
    return score;
}

Result<std::vector<QuizResultRecord>> listQuizResults(Store& store, const std::string& session_id) {
    auto stmt = connection(store).prepare(
        "SELECT a.id, q.phase, q.score, q.max_score FROM quiz_results q "
        "JOIN session_attendees a ON a.key = q.attendee_key "
        "JOIN sessions s ON s.key = a.session_key WHERE s.id = ? ORDER BY q.key");
    if (!stmt) return stmt.error();
    stmt->bind(1, session_id);
    std::vector<QuizResultRecord> out;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) {
        QuizResultRecord r;
        r.attendee_id = stmt->text(0);
        r.phase = parseQuizPhase(stmt->text(1)).value_or(r.phase);
        r.score = {static_cast<int>(stmt->integer(2)), static_cast<int>(stmt->integer(3))};
        out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE)
        return sql::sqliteError(connection(store).handle(), rc, "list quiz results");
    return out;
}

Result<std::string> markLead(Store& store, const std::string& session_id,
                             const std::string& attendee_id, const WriteContext& ctx) {
    if (auto s = store.writable(); !s) return s.error();
    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    auto row = sessionRow(db, session_id);
    if (!row) return row.error();
    if (!*row) return sessionNotFound();
    auto attendee = attendeeKeyOf(db, (*row)->key, attendee_id);
    if (!attendee) return attendee.error();
    auto existing = db.cached("SELECT id FROM session_leads WHERE attendee_key = ?");
    if (!existing) return existing.error();
    const int rc = (*existing)->bind(1, *attendee).step();
    if (rc == SQLITE_ROW) return (*existing)->text(0);
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "read lead");
    const std::string id = newEntityId();
    auto stmt =
        db.cached("INSERT INTO session_leads (id, attendee_key, created_at) VALUES (?, ?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, id).bind(2, *attendee).bind(3, formatRfc3339(ctx.now));
    if (auto s = (*stmt)->run("mark lead"); !s) return s.error();
    auto sent = appendEvent(store, event_type::session_lead,
                            sessionLeadData(id, session_id, attendee_id), ctx);
    if (!sent) return sent.error();
    if (auto s = tx->commit(); !s) return s.error();
    return id;
}

Status setLeadDraft(Store& store, const std::string& lead_id, const std::string& draft_id) {
    if (auto s = store.writable(); !s) return s;
    auto stmt = connection(store).cached("UPDATE session_leads SET draft_id = ? WHERE id = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, draft_id).bind(2, lead_id);
    if (auto s = (*stmt)->run("set lead draft"); !s) return s;
    if (sqlite3_changes(connection(store).handle()) == 0)
        return Error{"lead_not_found", "Calon peserta tidak ditemukan.", "The lead was not found."};
    return {};
}

Result<SessionNumbers> sessionNumbers(Store& store, const std::string& session_id) {
    auto attendees = listAttendees(store, session_id);
    if (!attendees) return attendees.error();
    auto quizzes = listQuizResults(store, session_id);
    if (!quizzes) return quizzes.error();
    SessionNumbers n;
    std::vector<AttendeeInput> people;
    std::set<std::string> registered;
    for (const AttendeeRecord& a : *attendees) {
        people.push_back(a.person);
        if (!a.lead_id.empty()) ++n.leads;
        if (!a.lead_household_id.empty()) registered.insert(a.lead_household_id);
    }
    n.head_count = static_cast<int>(people.size());
    n.households = householdsReached(people);
    n.registrations = static_cast<int>(registered.size());
    std::vector<QuizScore> pre, post;
    for (const QuizResultRecord& q : *quizzes)
        (q.phase == QuizPhase::pre ? pre : post).push_back(q.score);
    n.pre_taken = static_cast<int>(pre.size());
    n.post_taken = static_cast<int>(post.size());
    n.quiz = quizGain(pre, post);
    return n;
}

}  // namespace pekon
