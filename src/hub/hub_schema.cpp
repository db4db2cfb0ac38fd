#include "hub/hub_schema.hpp"

#include <array>
#include <cstddef>
#include <iterator>

namespace pekon::hub {

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

// Version 2: citizen kiosks (issue 6). The two partial indexes over the registrations' JSON
// let a status import find a person's name and village without a scan; they index what v1
// stored too, so nothing needs copying.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE IF NOT EXISTS hub_secrets (   -- made once per hub database, never printed
    name         {key} PRIMARY KEY,
    value        TEXT NOT NULL             -- kiosk.key: base64 of the district's 32-byte key
);
ALTER TABLE tokens ADD COLUMN kiosk_area TEXT;   -- a kiosk token: the area its kiosk serves
ALTER TABLE devices ADD COLUMN kiosk_area TEXT;  -- NULL: an ordinary device
CREATE TABLE IF NOT EXISTS kiosk_entries ( -- each person's latest card status, for kiosks
    nik          {key} NOT NULL,
    birth_date   {key} NOT NULL,
    lookup       TEXT NOT NULL,            -- statusLookupKey(kiosk.key, NIK, birth date)
    route        {key} NOT NULL,           -- the village, else the regency of the NIK
    decided_on   TEXT NOT NULL,            -- YYYY-MM-DD of the decision it shows
    data         TEXT NOT NULL,            -- the kiosk.status change's data (JSON)
    updated_at   BIGINT NOT NULL,
    PRIMARY KEY (nik, birth_date)
);
CREATE INDEX IF NOT EXISTS kiosk_entries_route ON kiosk_entries (route);
CREATE INDEX IF NOT EXISTS events_member_registered ON events ({data.member_id})
    WHERE type = 'member.registered';
CREATE INDEX IF NOT EXISTS events_household_registered ON events ({data.household_id})
    WHERE type = 'household.registered';
)sql";

// Version 3: how far to trust an event's device time (issue 12). `received_at` (v1) is the
// hub's clock when it stored the event; `clock_offset` the device's declared offset at the push
// (hub - device seconds); `time_flag` why the device time is doubtful (core/clock_check
// judgeEventTime), NULL when it is plausible. Events stored before v3 have neither.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE events ADD COLUMN clock_offset BIGINT;
ALTER TABLE events ADD COLUMN time_flag TEXT;
CREATE INDEX IF NOT EXISTS events_time_flag ON events (time_flag) WHERE time_flag IS NOT NULL;
)sql";


// Version 4: the office console (issue 14). Two kinds of table:
// - read models (office_*), kept from the accepted events in the push's transaction and
//   rebuilt from the event log, the staff's decisions and the imported statuses by
//   `pekon-hub rebuild` (hub_ops_rebuild); nothing else writes them;
// - the office's own records (staff, staff_sessions, decisions, audit_log), which are the
//   source of truth and are never rebuilt.
// Times are Unix seconds of the hub's clock unless named `*_day` (YYYY-MM-DD) or `event_at`
// (the device's RFC 3339 time, as sent).
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE IF NOT EXISTS office_households (
    household_id   {key} PRIMARY KEY,
    device_id      {key} NOT NULL,       -- the device that registered it
    kk_number      TEXT NOT NULL,
    village_code   {key} NOT NULL,       -- 18.06.01.2016
    kecamatan_code {key} NOT NULL,       -- 18.06.01 (the first three parts of the village)
    address        TEXT NOT NULL,
    rt             TEXT NOT NULL,
    rw             TEXT NOT NULL,
    phone          TEXT NOT NULL,
    documents      TEXT NOT NULL,        -- JSON object as sent, an empty object when none
    consent        TEXT NOT NULL,        -- JSON object as sent, an empty object when none
    event_at       TEXT NOT NULL,
    received_at    BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS office_households_kk ON office_households (kk_number);
CREATE TABLE IF NOT EXISTS office_members (
    member_id      {key} PRIMARY KEY,
    household_id   {key} NOT NULL,
    device_id      {key} NOT NULL,
    nik            {key} NOT NULL,
    name           TEXT NOT NULL,
    birth_date     TEXT NOT NULL,
    sex            TEXT NOT NULL,        -- M / F
    relation       TEXT NOT NULL,
    segment        {key} NOT NULL,
    class          INTEGER,
    phone          TEXT NOT NULL,
    occupation     TEXT NOT NULL,
    existing_card  TEXT NOT NULL,
    nik_mismatch_reason TEXT NOT NULL,   -- the volunteer's confirmed reason, "" when none
    village_code   {key} NOT NULL,       -- of its household ("" until the household arrives)
    kecamatan_code {key} NOT NULL,
    received_day   {key} NOT NULL,       -- YYYY-MM-DD (hub clock) of the registration's receipt
    received_at    BIGINT NOT NULL,
    state          {key} NOT NULL,       -- hub office_state: new, corrected, needs_correction...
    state_at       BIGINT NOT NULL,
    checks         TEXT NOT NULL,        -- the flagging check codes, comma separated, in the
                                         -- order of office_state checkCodes()
    check_count    INTEGER NOT NULL,
    corrections    INTEGER NOT NULL,     -- member.corrected events received
    corrected_at   BIGINT NOT NULL,      -- the latest of them (hub clock), 0 when none
    findings       TEXT NOT NULL         -- JSON array of objects with code and detail (hub/member_checks)
);
CREATE INDEX IF NOT EXISTS office_members_queue ON office_members (state, received_at, member_id);
CREATE INDEX IF NOT EXISTS office_members_village
    ON office_members (village_code, state, received_at, member_id);
CREATE INDEX IF NOT EXISTS office_members_device   -- a kecamatan alone is a tenth of a district:
    ON office_members (device_id, state, received_at, member_id);  -- it scans the state's range
CREATE INDEX IF NOT EXISTS office_members_nik ON office_members (nik);
CREATE INDEX IF NOT EXISTS office_members_household ON office_members (household_id);
CREATE TABLE IF NOT EXISTS office_checks (  -- the queue by check: one row per flagging check
    code           {key} NOT NULL,       -- a check code (office_state checkCodes())
    state          {key} NOT NULL,       -- the member's state and receipt, copied so that the
    received_at    BIGINT NOT NULL,      -- queue filtered by a check is one index range
    member_id      {key} NOT NULL,
    PRIMARY KEY (code, state, received_at, member_id)
) {without rowid};
CREATE TABLE IF NOT EXISTS office_history ( -- one line per thing that happened to a member
    id             {serial},
    member_id      {key} NOT NULL,
    at             BIGINT NOT NULL,      -- hub clock
    kind           {key} NOT NULL,       -- registered, corrected, decision, status, duplicate
    what           TEXT NOT NULL,        -- event type, decision, status code
    actor          TEXT NOT NULL,        -- device id, or staff:<username>
    detail         TEXT NOT NULL,        -- JSON object (the corrected fields, the reason...)
    source         {key} NOT NULL        -- event id, decision id, status id or (duplicate)
                                         -- the other member id it came from
);
CREATE UNIQUE INDEX IF NOT EXISTS office_history_member ON office_history (member_id, kind, source);
CREATE INDEX IF NOT EXISTS statuses_person ON statuses (nik, birth_date);
CREATE TABLE IF NOT EXISTS office_sessions (
    session_id     {key} PRIMARY KEY,
    device_id      {key} NOT NULL,
    village_code   {key} NOT NULL,
    method         TEXT NOT NULL,
    topic          TEXT NOT NULL,
    started_at     TEXT NOT NULL,
    place          TEXT NOT NULL,
    facilitators   TEXT NOT NULL,        -- JSON array
    partners       TEXT NOT NULL,        -- JSON array
    received_at    BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS office_attendance (
    session_id     {key} NOT NULL,
    attendee_id    {key} NOT NULL,
    attendee       TEXT NOT NULL,        -- NIK, or the name when no NIK
    household_id   TEXT NOT NULL,
    received_at    BIGINT NOT NULL,
    PRIMARY KEY (session_id, attendee_id)
);
CREATE TABLE IF NOT EXISTS office_quiz (
    session_id     {key} NOT NULL,
    attendee_id    {key} NOT NULL,
    quiz           {key} NOT NULL,
    phase          {key} NOT NULL,       -- pre / post
    score          INTEGER NOT NULL,
    max_score      INTEGER NOT NULL,
    received_at    BIGINT NOT NULL,
    PRIMARY KEY (session_id, attendee_id, quiz, phase)
);
CREATE TABLE IF NOT EXISTS office_feedback (
    event_id       {key} PRIMARY KEY,
    device_id      {key} NOT NULL,
    category       TEXT NOT NULL,
    rating         INTEGER NOT NULL,
    text           TEXT NOT NULL,
    phone          TEXT NOT NULL,
    event_at       TEXT NOT NULL,
    received_at    BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS staff (
    id             {serial},
    username       {key} NOT NULL UNIQUE,
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL,        -- admin, verifier, viewer
    password_hash  TEXT NOT NULL,        -- libsodium crypto_pwhash_str (Argon2id)
    created_at     BIGINT NOT NULL,
    disabled_at    BIGINT,
    failed_sign_ins INTEGER NOT NULL,    -- consecutive failures
    locked_until   BIGINT                -- no sign-in before this time
);
CREATE TABLE IF NOT EXISTS staff_sessions (
    token_hash     {key} PRIMARY KEY,    -- SHA-256 hex of the cookie's token
    staff_id       BIGINT NOT NULL,
    csrf           TEXT NOT NULL,        -- the session's CSRF token
    created_at     BIGINT NOT NULL,
    last_seen      BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS staff_sessions_staff ON staff_sessions (staff_id);
CREATE TABLE IF NOT EXISTS decisions (     -- the staff's decisions, latest last
    id             {serial},
    member_id      {key} NOT NULL,
    decision       TEXT NOT NULL,        -- verified, needs_correction, rejected
    reason         TEXT NOT NULL,        -- a reason code of the list, "" for verified
    note           TEXT NOT NULL,        -- free text
    staff_id       BIGINT NOT NULL,
    decided_at     BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_member ON decisions (member_id, id);
CREATE TABLE IF NOT EXISTS audit_log (
    id             {serial},
    at             BIGINT NOT NULL,
    staff_id       BIGINT,               -- NULL: the command line
    username       {key} NOT NULL,       -- "" for the command line and an unknown username
    action         {key} NOT NULL,       -- sign_in, view_person, decide, export, staff_add...
    target         {key} NOT NULL,       -- a member id, device id, username (never a NIK)
    detail         TEXT NOT NULL         -- JSON object
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at, id);
CREATE INDEX IF NOT EXISTS audit_log_username ON audit_log (username, id);
CREATE INDEX IF NOT EXISTS audit_log_action ON audit_log (action, id);
CREATE INDEX IF NOT EXISTS audit_log_target ON audit_log (target, id);
)sql";

// ---- Version 5: the devices page's counters (issue 14) ----------------------------------
// What the console's devices page shows of each device, kept so that a view reads one row per
// device instead of the event log: how many events the hub stored from it, the hub's clock when
// its latest stored events arrived, and the largest clock offset declared with those events
// (NULL when none declared one). The push adds to it in its own transaction
// (hub_ops_device_activity), `pekon-hub rebuild` fills it again; this step fills it from the
// events already stored (kFillDeviceActivity, one statement).
constexpr char kDeviceActivityTable[] = R"sql(
CREATE TABLE IF NOT EXISTS device_activity (
    device_id        {key} PRIMARY KEY,
    event_count      BIGINT NOT NULL,
    last_received_at BIGINT NOT NULL,
    clock_offset     BIGINT
);
)sql";

// `a` then `b`, as one string at compile time.
template <size_t A, size_t B>
constexpr std::array<char, A + B - 1> joined(const char (&a)[A], const char (&b)[B]) {
    std::array<char, A + B - 1> out{};
    for (size_t i = 0; i + 1 < A; ++i) out[i] = a[i];
    for (size_t i = 0; i < B; ++i) out[A - 1 + i] = b[i];
    return out;
}
constexpr auto kSchemaV5 = joined(kDeviceActivityTable, kFillDeviceActivity);
// ---- end of version 5 ----------------------------------------------------------------------

// ---- Version 6: the kiosk follow-up queue (issue 14) ---------------------------------------
// A staff decision or a status import commits at once and leaves here the status rows the
// kiosks' table (kiosk_entries) is still to follow, in order; drainKioskQueue (hub_ops_kiosk_queue) computes their lookups outside any write
// transaction, then applies them and deletes them in one short one. `origin` groups the rows of
// one decision or import (the id its first row got, or just below it): a drain plans one origin
// at a time, as the decision or import would have. `attempts`: drains whose lookups for the
// row's person failed; after a few the rows are dropped, so one person cannot stop the queue.
constexpr const char* kSchemaV6 = R"sql(
CREATE TABLE IF NOT EXISTS kiosk_queue (
    id             {serial},
    origin         BIGINT NOT NULL,
    nik            {key} NOT NULL,
    birth_date     {key} NOT NULL,       -- YYYY-MM-DD
    status         TEXT NOT NULL,        -- a status code, as in statuses
    card_number    TEXT NOT NULL,
    class          INTEGER,
    faskes         TEXT NOT NULL,
    decided_on     TEXT NOT NULL,        -- YYYY-MM-DD
    line           INTEGER NOT NULL,     -- the status file's line, 0 for a staff decision
    attempts       INTEGER NOT NULL,
    queued_at      BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS kiosk_queue_origin ON kiosk_queue (origin, id);
)sql";

// ---- Version 7: the dashboard (issue 15) ----------------------------------------------------
// When each member first reached verification, payment and card (hub/member_milestones; 0: not
// recorded), kept by refreshMembers with the state; a store upgraded from version 6 has them 0
// until `pekon-hub rebuild`. The indexes let the dashboard count an area's members by state and
// list the members stuck in a step from the index alone. `area_population`: the population the
// office enters per kecamatan or pekon (`pekon-hub population import`), which the coverage
// shares are taken against; the regency's own comes with the assets (regions/population.csv).
constexpr const char* kSchemaV7 = R"sql(
ALTER TABLE office_members ADD COLUMN verified_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE office_members ADD COLUMN paid_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE office_members ADD COLUMN card_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS office_members_area
    ON office_members (kecamatan_code, village_code, state, received_day);
CREATE INDEX IF NOT EXISTS office_members_stuck ON office_members (state, state_at, member_id);
CREATE TABLE IF NOT EXISTS area_population (
    code           {key} PRIMARY KEY,    -- a kecamatan (18.06.01) or a pekon (18.06.01.2016)
    population     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
)sql";

// ---- Version 8: the complaints inbox (issue 15) --------------------------------------------
// `complaint`: the citizen ticked "this is a complaint" (feedback.submitted's optional field).
// A ticket is opened, in the push's transaction, for each feedback that is a complaint
// (core/complaint isComplaint) and kept by the office from then on: `pekon-hub rebuild` opens the
// tickets still missing and leaves the others as they are; on a hub upgraded from version 7,
// earlier complaints get their tickets from that rebuild. `number`: core/complaint ticketNumber
// of the event id, what the citizen was given. `area`: the kiosk's area when it arrived. The
// clocks run from `opened_at` (the hub's receipt); `responded_at` is the first time staff took
// it up or answered it. `office_settings`: the office's own settings (the complaint deadlines
// and holidays), name and value.
constexpr const char* kSchemaV8 = R"sql(
ALTER TABLE office_feedback ADD COLUMN complaint INTEGER NOT NULL DEFAULT 0;
CREATE TABLE IF NOT EXISTS tickets (
    event_id       {key} PRIMARY KEY,    -- the feedback.submitted event
    number         {key} NOT NULL,       -- PK-XXXX-XXXX-XXXX
    device_id      {key} NOT NULL,
    area           {key} NOT NULL,       -- the kiosk's area (18.06.01 or 18.06), "" if none
    state          {key} NOT NULL,       -- open, in_progress, answered, closed
    staff_id       BIGINT,               -- who handles it; NULL: nobody yet
    opened_at      BIGINT NOT NULL,
    responded_at   BIGINT NOT NULL,      -- 0: not yet
    answered_at    BIGINT NOT NULL,      -- 0: not yet
    closed_at      BIGINT NOT NULL,      -- 0: not yet
    answer         TEXT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS tickets_number ON tickets (number);
CREATE INDEX IF NOT EXISTS tickets_state ON tickets (state, opened_at, event_id);
CREATE INDEX IF NOT EXISTS tickets_opened ON tickets (opened_at, event_id);
CREATE TABLE IF NOT EXISTS office_settings (
    name           {key} PRIMARY KEY,
    value          TEXT NOT NULL,
    updated_at     BIGINT NOT NULL
);
)sql";

// ---- Version 9: socialization's leads (issue 15) --------------------------------------------
// The attendees of a session who want to register (`session.lead`) and the household each
// became (`lead.registered`; "" until then), a read model like the sessions': kept by the push,
// remade by `pekon-hub rebuild`.
constexpr const char* kSchemaV9 = R"sql(
CREATE TABLE IF NOT EXISTS office_leads (
    lead_id        {key} PRIMARY KEY,
    session_id     {key} NOT NULL,
    attendee_id    {key} NOT NULL,
    household_id   {key} NOT NULL,
    received_at    BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS office_leads_session ON office_leads (session_id);
)sql";

// Version 10: mothers and newborns (issue 15, part 4). A registration's expected month of
// delivery (member.registered's pregnancy_due) and the queue's rank (hub/queue_priority: 0 for
// a pregnant woman or a baby under one at the receipt, put first when the office asks; 1 for
// everyone else). Rows stored before v10 carry no pregnancy; the babies among them are ranked
// here from their birth date and receipt day (under one: born after the same day a year
// before). The partial index holds the dashboard's mothers and infants, whole.
//
// Also the dashboard's figures index: the columns the coverage, pipeline, stuck and weekly
// figures read, in the order the regency groups them, so that each is a scan of this narrow
// index instead of the wide rows; and the stuck members' index gains the period's day, so
// that counting them reads the index alone. (At a million members, with the planner's
// statistics: the regency's member figures from about 12 s of work to about 1 s.)
constexpr const char* kSchemaV10 = R"sql(
ALTER TABLE office_members ADD COLUMN pregnancy_due TEXT NOT NULL DEFAULT '';
ALTER TABLE office_members ADD COLUMN queue_rank INTEGER NOT NULL DEFAULT 1;
UPDATE office_members SET queue_rank = 0
    WHERE nik = '' OR birth_date > CAST(CAST(substr(received_day, 1, 4) AS INTEGER) - 1 AS TEXT)
                                   || substr(received_day, 5);
CREATE INDEX IF NOT EXISTS office_members_rank_queue
    ON office_members (state, queue_rank, received_at, member_id);
CREATE INDEX IF NOT EXISTS office_members_mothers_infants
    ON office_members (kecamatan_code, village_code, state, received_day, pregnancy_due,
                       birth_date) WHERE queue_rank = 0;
CREATE INDEX IF NOT EXISTS office_members_figures
    ON office_members (kecamatan_code, state, received_day, received_at, state_at, verified_at,
                       paid_at, card_at, device_id);
DROP INDEX IF EXISTS office_members_stuck;
CREATE INDEX IF NOT EXISTS office_members_stuck
    ON office_members (state, state_at, received_day, member_id);
)sql";

constexpr const char* kSchemaSteps[] = {kSchemaV1, kSchemaV2,        kSchemaV3,
                                        kSchemaV4, kSchemaV5.data(), kSchemaV6,
                                        kSchemaV7, kSchemaV8,        kSchemaV9,
                                        kSchemaV10};
static_assert(std::size(kSchemaSteps) == kHubSchemaVersion);

constexpr HubSql kRecordVersion{"record_version",
                                "INSERT INTO hub_schema_version (version, applied_at) VALUES (?, ?)"};
constexpr HubSql kCurrentVersion{"schema_version", kReadSchemaVersion, 1};

}  // namespace

Error schemaTooNew(std::int64_t found) {
    const std::string versions = std::to_string(found) + " > " + std::to_string(kHubSchemaVersion);
    return Error{"hub_schema_newer",
                 "Basis data pekon-hub ini dibuat oleh versi yang lebih baru (skema " + versions +
                     "); tidak diubah. Pakai pekon-hub yang lebih baru.",
                 "This pekon-hub database was written by a newer version (schema " + versions +
                     "); it was left untouched. Use a newer pekon-hub."};
}

Status migrateSchema(std::int64_t current, const SqlDialect& dialect,
                     const std::function<Status(const SchemaStep&)>& apply) {
    if (current > kHubSchemaVersion) return schemaTooNew(current);
    for (std::int64_t version = current + 1; version <= kHubSchemaVersion; ++version) {
        const char* sql = kSchemaSteps[version - 1];
        if (auto s = apply(SchemaStep{version, render(sql, dialect)}); !s) return s;
    }
    return {};
}

Status migrateHub(HubDb& db, UnixSeconds now) {
    return db.transaction(TxMode::schema, [&](HubTx& tx) -> Status {
        if (auto s = tx.exec(kSchemaVersionTable, "create the schema version table"); !s) return s;
        auto current = tx.run(kCurrentVersion, {}, "read the schema version");
        if (!current) return current.error();
        return migrateSchema(current->integer(0, 0), db.dialect(), [&](const SchemaStep& step) {
            if (auto s = tx.exec(step.sql, "migrate the hub schema"); !s) return s;
            auto recorded = tx.run(kRecordVersion, {step.version, now}, "record the schema version");
            return recorded ? Status() : Status(recorded.error());
        });
    });
}

}  // namespace pekon::hub
