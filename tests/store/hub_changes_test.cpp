#include "store/hub_changes.hpp"

#include <catch2/catch.hpp>

#include "core/status_reason.hpp"
#include "proto/push_body.hpp"
#include "store/event_log.hpp"
#include "store/households.hpp"
#include "store/internal/database.hpp"
#include "store/kiosk_status.hpp"
#include "store/outbox.hpp"
#include "store/settings.hpp"
#include "store/verify.hpp"
#include "support/fixtures.hpp"
#include "support/sample_household.hpp"
#include "support/sample_households.hpp"

using namespace pekon;

namespace {

const WriteContext kCtx{"volunteer-1", 1795000000, test::kToday};  // 2026-11-18

struct Registered {
    std::unique_ptr<Store> store;
    std::vector<std::string> members;
    std::string household;
};

Registered registerOne(const std::string& name) {
    auto store = Store::open(test::tempPath(name));
    REQUIRE(store);
    auto r = registerHouseholds(**store, {test::sampleHousehold(1, 1, 2)}, test::regions(), kCtx);
    REQUIRE(r.ok());
    return {std::move(*store), r.households[0].member_ids, r.households[0].household_id};
}

// The hub accepts everything pending.
void pushAll(Store& store, UnixSeconds now) {
    auto pending = listEvents(store, 0, 1000, SyncState::pending);
    REQUIRE(pending);
    PushAnswer answer;
    for (const Event& e : *pending) answer.accepted.push_back(e.id);
    REQUIRE(applyPushAnswer(store, *pending, answer, now));
}

HubChange statusChange(const std::string& type, const std::string& member, const char* date,
                       Json extra = Json::object()) {
    Json data = {{"member_id", member}, {"household_id", "h"}, {"date", date}};
    data.update(extra);
    return {"0", type, data};
}

MemberRecord member(Store& store, const std::string& household, size_t i) {
    auto d = findHousehold(store, household);
    REQUIRE(d);
    REQUIRE(d->has_value());
    return (*d)->members.at(i);
}

}  // namespace

TEST_CASE("pulled changes: the hub's answer syncs members, office decisions move them on",
          "[hub_changes]") {
    auto [store, members, household] = registerOne("pull.db");
    CHECK(member(*store, household, 0).status == MemberStatus::queued);

    pushAll(*store, kCtx.now + 60);
    CHECK(member(*store, household, 0).status == MemberStatus::synced);
    CHECK(member(*store, household, 1).status == MemberStatus::synced);

    auto cursor = readChangesCursor(*store);
    REQUIRE(cursor);
    CHECK(cursor->empty());

    ChangesPage page;
    page.next = "7";
    page.changes = {
        statusChange("registration.verified", members[0], "2026-11-20"),
        // Paid straight from synced: the office may skip steps the device never saw.
        statusChange("payment.confirmed", members[1], "2026-11-21",
                     {{"faskes", "Puskesmas Kota Agung"}}),
        statusChange("card.issued", members[0], "2026-11-25",
                     {{"card_number", "0001234567890"}, {"faskes", "Puskesmas Pulau Panggung"}}),
        // Late news for a step already passed: kept as an event, the status stays.
        statusChange("registration.verified", members[0], "2026-11-19"),
        // Someone this device never registered.
        statusChange("card.delivered", "0190aaaa-0000-7000-8000-000000000000", "2026-11-26"),
        {"1", "registration.duplicate_suspected",
         Json{{"member_id", members[1]},
              {"household_id", household},
              {"other_member_id", "m2"},
              {"other_household_id", "0190bbbb-0000-7000-8000-000000000000"}}},
        // A change type from a newer hub: kept, nothing else happens.
        {"2", "kiosk.table_row", Json{{"x", 1}}},
    };
    auto applied = applyHubChanges(*store, page, kCtx.now + 3600);
    REQUIRE(applied);
    CHECK(applied->applied == 4);
    CHECK(applied->kept == 3);
    CHECK(readChangesCursor(*store).value() == "7");

    const MemberRecord first = member(*store, household, 0);
    CHECK(first.status == MemberStatus::card_issued);
    CHECK(first.card_number == "0001234567890");
    CHECK(first.faskes == "Puskesmas Pulau Panggung");
    REQUIRE(first.history.size() == 4);  // queued, synced, verified, card_issued
    CHECK(first.history[2].status == MemberStatus::verified);
    CHECK(first.history[3].status == MemberStatus::card_issued);
    // Dated by the office's decision, never before the previous step.
    CHECK(first.history[3].at == toDays(Date{2026, 11, 25}) * 86400);
    CHECK(first.history[2].at > first.history[1].at);

    const MemberRecord second = member(*store, household, 1);
    CHECK(second.status == MemberStatus::paid);
    CHECK(second.faskes == "Puskesmas Kota Agung");
    CHECK(second.duplicate_of == "0190bbbb-0000-7000-8000-000000000000");
    REQUIRE(cardEta(second.status, second.history));
    CHECK(*cardEta(second.status, second.history) == Date{2026, 12, 5});

    // Changes are kept as events of the hub: never in the outbox, the log still replays.
    auto counts = outboxCounts(*store);
    REQUIRE(counts);
    CHECK(counts->pending == 0);
    CHECK(counts->accepted == 3);  // the household and its two members
    CHECK(connection(*store).queryInt("SELECT COUNT(*) FROM events WHERE origin = 'hub'").value() ==
          7);
    CHECK(verifyProjections(*store));
    CHECK(listEvents(*store, 0, 100, SyncState::pending)->empty());
}

TEST_CASE("pulled changes: a page is applied whole or not at all", "[hub_changes]") {
    auto [store, members, household] = registerOne("pull-atomic.db");
    pushAll(*store, kCtx.now + 60);
    // A database that cannot take the write (read-only from here on) applies nothing, and
    // the cursor stays where it was, so the same page is pulled again.
    REQUIRE(connection(*store).exec("PRAGMA query_only = ON", "t"));
    ChangesPage page;
    page.next = "3";
    page.changes = {statusChange("registration.verified", members[0], "2026-11-20")};
    CHECK_FALSE(applyHubChanges(*store, page, kCtx.now + 3600));
    REQUIRE(connection(*store).exec("PRAGMA query_only = OFF", "t"));
    CHECK(readChangesCursor(*store).value().empty());
    CHECK(member(*store, household, 0).status == MemberStatus::synced);
    REQUIRE(applyHubChanges(*store, page, kCtx.now + 3600));
    CHECK(member(*store, household, 0).status == MemberStatus::verified);
}

TEST_CASE("pulled changes: a rejection is corrected, re-sent and then verified", "[hub_changes]") {
    auto [store, members, household] = registerOne("pull-reject.db");
    pushAll(*store, kCtx.now + 60);
    ChangesPage page;
    page.next = "1";
    page.changes = {statusChange("registration.rejected", members[0], "2026-11-19")};
    REQUIRE(applyHubChanges(*store, page, kCtx.now + 3600));
    CHECK(member(*store, household, 0).status == MemberStatus::rejected);

    // The volunteer corrects the name: queued again, then synced when the hub takes it.
    MemberRecord m = member(*store, household, 0);
    MemberInput input = test::sampleHousehold(1, 1, 2).members[0];
    input.name = input.name + " Putra";
    WriteContext later = kCtx;
    later.now += 7200;
    REQUIRE(correctMember(*store, m.member.id, input, test::regions(), later));
    CHECK(member(*store, household, 0).status == MemberStatus::queued);
    pushAll(*store, later.now + 60);
    CHECK(member(*store, household, 0).status == MemberStatus::synced);

    page.next = "2";
    page.changes = {statusChange("registration.verified", members[0], "2026-11-22")};
    REQUIRE(applyHubChanges(*store, page, later.now + 3600));
    CHECK(member(*store, household, 0).status == MemberStatus::verified);
    CHECK(verifyProjections(*store));
}

TEST_CASE("pulled changes: a correction request shows with its reason, the correction goes "
          "back as member.corrected, and the office's verification clears it",
          "[hub_changes][correction]") {
    auto [store, members, household] = registerOne("pull-correction.db");
    pushAll(*store, kCtx.now + 60);
    const std::string note = "Nama di KTP: Ahmad Riski (dengan s), bukan Ahmad Rizki.";
    ChangesPage page;
    page.next = "1";
    page.changes = {statusChange("registration.correction_requested", members[1], "2026-11-19",
                                 {{"reason", "name_spelling"}, {"note", note}})};
    auto applied = applyHubChanges(*store, page, kCtx.now + 3600);
    REQUIRE(applied);
    CHECK(applied->applied == 1);
    MemberRecord m = member(*store, household, 1);
    CHECK(m.status == MemberStatus::needs_correction);
    CHECK(m.officeRequest() == OfficeRequest::needs_correction);
    CHECK(m.office_decision == "needs_correction");
    CHECK(m.office_reason == "name_spelling");
    CHECK(m.office_note == note);
    REQUIRE(m.history.size() == 3);  // queued, synced, needs_correction
    CHECK(m.history[2].status == MemberStatus::needs_correction);
    CHECK(m.history[2].at == toDays(Date{2026, 11, 19}) * 86400);
    // The other member is untouched; the household is one the volunteer must come back to.
    CHECK(member(*store, household, 0).officeRequest() == OfficeRequest::none);
    CHECK(countHouseholds(*store, {}, true).value() == 1);
    auto listed = listHouseholds(*store, {}, 10, 0, true);
    REQUIRE(listed);
    REQUIRE(listed->size() == 1);
    CHECK(listed->at(0).household.id == household);
    CHECK(listed->at(0).needs_correction == 1);
    CHECK(listed->at(0).least_status == MemberStatus::synced);
    CHECK(countHouseholds(*store, "18.06.01.9999", true).value() == 0);
    // Kept as an event of the hub, never pushed.
    CHECK(connection(*store)
              .queryInt("SELECT COUNT(*) FROM events WHERE origin = 'hub' AND type = "
                        "'registration.correction_requested'")
              .value() == 1);
    CHECK(listEvents(*store, 0, 100, SyncState::pending)->empty());

    // The same change pulled again (a cut-off pull repeated): nothing moves twice.
    page.next = "2";
    auto again = applyHubChanges(*store, page, kCtx.now + 3700);
    REQUIRE(again);
    CHECK(again->applied == 0);
    CHECK(again->kept == 1);
    CHECK(member(*store, household, 1).history.size() == 3);
    CHECK(member(*store, household, 1).office_note == note);

    // The volunteer corrects the name: queued again, "correction sent", and the correction is
    // what the next push carries.
    MemberInput input = test::sampleHousehold(1, 1, 2).members[1];
    input.name = "Ahmad Riski";
    WriteContext later = kCtx;
    later.now += 7200;
    REQUIRE(correctMember(*store, m.member.id, input, test::regions(), later));
    m = member(*store, household, 1);
    CHECK(m.status == MemberStatus::queued);
    CHECK(m.officeRequest() == OfficeRequest::correction_sent);
    CHECK(m.office_reason == "name_spelling");
    CHECK(countHouseholds(*store, {}, true).value() == 0);
    auto pending = listEvents(*store, 0, 100, SyncState::pending);
    REQUIRE(pending);
    REQUIRE(pending->size() == 1);
    auto wire = parsePushRequest(pushBody(*pending));
    REQUIRE(wire);
    REQUIRE(wire->size() == 1);
    CHECK(wire->at(0).type == "member.corrected");
    CHECK(wire->at(0).data["member_id"] == members[1]);
    CHECK(wire->at(0).data["name"] == "Ahmad Riski");
    pushAll(*store, later.now + 60);
    m = member(*store, household, 1);
    CHECK(m.status == MemberStatus::synced);
    CHECK(m.officeRequest() == OfficeRequest::correction_sent);

    // The office verifies the corrected registration: the request is gone.
    page.next = "3";
    page.changes = {statusChange("registration.verified", members[1], "2026-11-22")};
    REQUIRE(applyHubChanges(*store, page, later.now + 3600));
    m = member(*store, household, 1);
    CHECK(m.status == MemberStatus::verified);
    CHECK(m.officeRequest() == OfficeRequest::none);
    CHECK(m.office_decision.empty());
    CHECK(m.office_reason.empty());
    CHECK(m.office_note.empty());
    CHECK(verifyProjections(*store));
}

TEST_CASE("pulled changes: an unknown reason is kept and shown as other; a rejection keeps its "
          "reason and note; a late request changes nothing",
          "[hub_changes][correction]") {
    auto [store, members, household] = registerOne("pull-reasons.db");
    pushAll(*store, kCtx.now + 60);
    ChangesPage page;
    page.next = "1";
    page.changes = {
        statusChange("registration.correction_requested", members[0], "2026-11-19",
                     {{"reason", "photo_blurred"}, {"note", std::string(700, 'n')}}),
        statusChange("registration.rejected", members[1], "2026-11-19",
                     {{"reason", "not_resident"}, {"note", "Pindah ke Bandar Lampung."}}),
    };
    auto applied = applyHubChanges(*store, page, kCtx.now + 3600);
    REQUIRE(applied);
    CHECK(applied->applied == 2);
    MemberRecord first = member(*store, household, 0);
    CHECK(first.status == MemberStatus::needs_correction);
    CHECK(first.office_reason == "photo_blurred");  // kept as sent ...
    CHECK(shownReasonCode(first.status, first.office_reason) == "other");  // ... shown as other
    CHECK(first.office_note.size() == kOfficeNoteMaxBytes);
    MemberRecord second = member(*store, household, 1);
    CHECK(second.status == MemberStatus::rejected);
    CHECK(second.officeRequest() == OfficeRequest::rejected);
    CHECK(second.office_reason == "not_resident");
    CHECK(second.office_note == "Pindah ke Bandar Lampung.");

    // The office says it again in other words, then changes its mind about the first member.
    page.next = "2";
    page.changes = {
        statusChange("registration.rejected", members[1], "2026-11-20",
                     {{"reason", "not_resident"}, {"note", "Sudah pindah sejak 2025."}}),
        statusChange("registration.rejected", members[0], "2026-11-20",
                     {{"reason", "duplicate"}, {"note", ""}}),
    };
    applied = applyHubChanges(*store, page, kCtx.now + 3700);
    REQUIRE(applied);
    CHECK(applied->applied == 2);
    CHECK(member(*store, household, 1).office_note == "Sudah pindah sejak 2025.");
    CHECK(member(*store, household, 1).history.size() == 3);  // no second step
    first = member(*store, household, 0);
    CHECK(first.status == MemberStatus::rejected);
    CHECK(first.office_decision == "rejected");
    CHECK(first.office_reason == "duplicate");
    CHECK(first.office_note.empty());
    CHECK(countHouseholds(*store, {}, true).value() == 0);

    // A card is issued to the first member; a correction request arriving late moves nothing
    // and shows nothing.
    page.next = "3";
    page.changes = {
        statusChange("card.issued", members[0], "2026-11-25", {{"card_number", "0001234567890"}}),
        statusChange("registration.correction_requested", members[0], "2026-11-21",
                     {{"reason", "birth_date"}, {"note", "x"}}),
        // Data of the wrong shape: no reason, a note that is no string.
        statusChange("registration.correction_requested", "0190aaaa-0000-7000-8000-000000000000",
                     "2026-11-21", {{"note", 12}}),
    };
    applied = applyHubChanges(*store, page, kCtx.now + 3800);
    REQUIRE(applied);
    CHECK(applied->applied == 1);
    CHECK(applied->kept == 2);
    first = member(*store, household, 0);
    CHECK(first.status == MemberStatus::card_issued);
    CHECK(first.officeRequest() == OfficeRequest::none);
    CHECK(first.office_decision.empty());
    CHECK(verifyProjections(*store));
}

namespace {

constexpr const char* kKioskNik = test::sample::kSpouseNik;
constexpr const char* kKioskKk = test::sample::kKk;
const Date kKioskBirth{1985, 8, 22};
// 32 bytes of 7, as a kiosk keeps the district's key (base64).
const char* kSevens = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";

KioskKey sevens() {
    KioskKey key;
    key.bytes.fill(7);
    return key;
}

// A kiosk.status as a hub of issue 12 or later sends it: `lookup` a copy of `kk_lookup`.
HubChange kioskChange(const std::string& cursor, const std::string& lookup,
                      const std::string& status) {
    KioskEntry e;
    e.lookup = lookup;
    e.kk_lookup = lookup;
    e.status = status;
    e.care_class = 3;
    e.faskes = "Puskesmas Kota Agung";
    e.card_eta = status == "paid" ? "2026-12-15" : "";
    e.name_masked = "S*** A*****";
    e.as_of = "2026-12-01T00:00:00Z";
    return {cursor, "kiosk.status", kioskEntryJson(e)};
}

std::int64_t kioskRows(Store& store) {
    return connection(store).queryInt("SELECT COUNT(*) FROM kiosk_status").value();
}

}  // namespace

TEST_CASE("pulled changes: kiosk.status rows fill a kiosk's table, the same however often sent",
          "[hub_changes]") {
    auto store = Store::open(test::tempPath("pull-kiosk.db"));
    REQUIRE(store);
    REQUIRE(writeSetting(**store, kSettingKioskKey, kSevens));
    const std::string lookup = kkLookupKey(sevens(), kKioskNik, kKioskKk).value();
    const std::string other = kkLookupKey(sevens(), test::sample::kHeadNik, kKioskKk).value();

    ChangesPage page;
    page.next = "3";
    page.changes = {
        kioskChange("1", lookup, "verified"),
        kioskChange("2", other, "verified"),
        // A newer decision later in the same page: the last one stands.
        kioskChange("3", lookup, "paid"),
        // Not an entry (a lookup that is no hash): recorded, nothing else.
        {"4", "kiosk.status", Json{{"lookup", "1806016208850002"}, {"status", "paid"}}}};
    auto applied = applyHubChanges(**store, page, kCtx.now);
    REQUIRE(applied);
    CHECK(applied->applied == 3);
    CHECK(applied->kept == 1);
    CHECK(kioskRows(**store) == 2);
    auto found = findKioskEntryByKk(**store, sevens(), kKioskNik, kKioskKk);
    REQUIRE(found);
    REQUIRE(found->has_value());
    CHECK((*found)->status == "paid");
    CHECK((*found)->card_eta == "2026-12-15");
    CHECK((*found)->care_class == 3);
    CHECK((*found)->name_masked == "S*** A*****");

    // The same page again (a pull cut off after the hub answered): the same table.
    REQUIRE(applyHubChanges(**store, page, kCtx.now + 60));
    CHECK(kioskRows(**store) == 2);
    CHECK(findKioskEntryByKk(**store, sevens(), kKioskNik, kKioskKk).value()->status == "paid");
    CHECK(readChangesCursor(**store).value() == "3");
    // Kept as the hub's events like every change; never pushed.
    CHECK(outboxCounts(**store)->pending == 0);
}

TEST_CASE("pulled changes: a kiosk.status with a receipt lookup is found by the receipt too",
          "[hub_changes]") {
    auto store = Store::open(test::tempPath("pull-kiosk-receipt.db"));
    REQUIRE(store);
    REQUIRE(writeSetting(**store, kSettingKioskKey, kSevens));
    const char* household = "0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9e";
    HubChange change = kioskChange("1", kkLookupKey(sevens(), kKioskNik, kKioskKk).value(), "paid");
    change.data["receipt_lookup"] = receiptLookupKey(sevens(), household, kKioskBirth).value();
    ChangesPage page;
    page.next = "1";
    page.changes = {change};
    REQUIRE(applyHubChanges(**store, page, kCtx.now));
    CHECK(kioskRows(**store) == 2);
    auto by_receipt = findKioskEntryByReceipt(**store, sevens(), household, kKioskBirth);
    REQUIRE(by_receipt);
    REQUIRE(by_receipt->has_value());
    CHECK((*by_receipt)->status == "paid");
    CHECK((*by_receipt)->name_masked == "S*** A*****");
    CHECK(findKioskEntryByReceipt(**store, sevens(), household, {1985, 8, 23}).value() == std::nullopt);

    // A receipt lookup that is no hash refuses the whole entry.
    change.data["receipt_lookup"] = household;
    page.changes = {HubChange{"2", "kiosk.status", change.data}};
    page.next = "2";
    auto applied = applyHubChanges(**store, page, kCtx.now);
    REQUIRE(applied);
    CHECK(applied->kept == 1);
    CHECK(kioskRows(**store) == 2);
}

TEST_CASE("pulled changes: kiosk.status on a device that is not a kiosk is only recorded",
          "[hub_changes]") {
    auto store = Store::open(test::tempPath("pull-not-kiosk.db"));
    REQUIRE(store);
    ChangesPage page;
    page.next = "1";
    page.changes = {
        kioskChange("1", kkLookupKey(sevens(), kKioskNik, kKioskKk).value(), "verified")};
    auto applied = applyHubChanges(**store, page, kCtx.now);
    REQUIRE(applied);
    CHECK(applied->applied == 0);
    CHECK(applied->kept == 1);
    CHECK(kioskRows(**store) == 0);
    CHECK(readChangesCursor(**store).value() == "1");
}

TEST_CASE("pulled changes: a kiosk.status from a hub older than issue 12 gives only its receipt "
          "row, and the log keeps no lookup by NIK and birth date",
          "[hub_changes]") {
    auto store = Store::open(test::tempPath("pull-kiosk-legacy.db"));
    REQUIRE(store);
    REQUIRE(writeSetting(**store, kSettingKioskKey, kSevens));
    const char* household = "0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9e";
    // What such a hub sent: `lookup` by NIK and birth date, no kk_lookup.
    const std::string by_birth =
        slowKeyedHash(sevens(), std::string(kKioskNik) + "|1985-08-22").value();
    HubChange legacy = kioskChange("1", by_birth, "paid");
    legacy.data.erase("kk_lookup");
    legacy.data["receipt_lookup"] = receiptLookupKey(sevens(), household, kKioskBirth).value();
    ChangesPage page;
    page.next = "1";
    page.changes = {legacy};
    auto applied = applyHubChanges(**store, page, kCtx.now);
    REQUIRE(applied);
    CHECK(applied->applied == 1);
    CHECK(kioskRows(**store) == 1);
    CHECK(findKioskEntryByReceipt(**store, sevens(), household, kKioskBirth).value()->status ==
          "paid");
    // The NIK in the receipt's place finds nothing: there is no row by NIK and birth date.
    CHECK(findKioskEntryByReceipt(**store, sevens(), kKioskNik, kKioskBirth).value() ==
          std::nullopt);
    CHECK(connection(**store)
              .queryInt("SELECT COUNT(*) FROM events WHERE instr(data, '" + by_birth + "') > 0")
              .value() == 0);

    // Such data without a receipt lookup gives nothing at all.
    legacy.data.erase("receipt_lookup");
    page.changes = {HubChange{"2", "kiosk.status", legacy.data}};
    page.next = "2";
    applied = applyHubChanges(**store, page, kCtx.now);
    REQUIRE(applied);
    CHECK(applied->kept == 1);
    CHECK(kioskRows(**store) == 1);
}
