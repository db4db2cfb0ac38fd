// The citizen kiosk, headless: entering it, card-status lookups (found, not found, wrong
// KK number, never by NIK and birth date, rate limited), the idle reset, feedback, and that nothing else of the app can
// be reached without a supervisor's PIN.
#include <catch2/catch.hpp>
#include <random>

#include "core/complaint.hpp"
#include "core/receipt.hpp"
#include "core/scan_payload.hpp"
#include "store/hub_changes.hpp"
#include "proto/signature.hpp"
#include "store/event_log.hpp"
#include "store/outbox.hpp"
#include "store/settings.hpp"
#include "store/users.hpp"
#include "support/sample_households.hpp"
#include "sync/worker.hpp"
#include "ui/headless.hpp"
#include "ui/screens/kiosk_complaint_screen.hpp"
#include "ui/screens/kiosk_feedback_screen.hpp"
#include "ui/screens/kiosk_home_screen.hpp"
#include "ui/screens/kiosk_premiums_screen.hpp"
#include "ui/screens/kiosk_status_screen.hpp"

using namespace pekon;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;
const char* kPin = "428195";
const char* kReceiptId = "0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9e";
const char* kKk = "1806011203150007";       // the citizen's family card
const char* kOtherKk = "1806011203150008";  // a valid KK number that is not theirs

struct Kiosk {
    std::unique_ptr<Store> store;
    User supervisor;
    test::SampleNik citizen = test::sampleNik(7);   // in the table, card issued
    test::SampleNik stranger = test::sampleNik(8);  // not in the table
};

Kiosk kioskStore(const std::string& name) {
    Kiosk k;
    auto store = Store::open(test::tempPath(name));
    REQUIRE(store);
    k.store = std::move(store.value());
    k.supervisor = createUser(*k.store, "Dewi Lestari", Role::supervisor, kPin, "", kNow).value();
    REQUIRE(createUser(*k.store, "Rudi Hartono", Role::volunteer, "135790", k.supervisor.id, kNow));
    KioskKey key;
    key.bytes.fill(0x5a);
    sync::DeviceSecret secret;
    secret.bytes = key.bytes;
    REQUIRE(writeSetting(*k.store, kSettingKioskKey, sync::encodeSecret(secret)));
    REQUIRE(writeSetting(*k.store, kSettingLastSuccess, std::to_string(kNow - 7200)));
    KioskEntry e;
    e.lookup = kkLookupKey(key, k.citizen.nik, kKk).value();
    e.status = "card_issued";
    e.care_class = 3;
    e.faskes = "Puskesmas Kota Agung";
    e.card_number_masked = "*********4321";
    e.name_masked = "S*** A*****";
    e.as_of = "2026-11-17T02:00:00Z";  // pulled before the last sync completed
    // The same person by their household's registration receipt, as the hub sends it.
    KioskEntry by_receipt = e;
    by_receipt.lookup =
        receiptLookupKey(key, kReceiptId, parseIsoDate(k.citizen.birth_date).value()).value();
    REQUIRE(upsertKioskEntries(*k.store, {e, by_receipt}));
    return k;
}

// Signs the supervisor in, opens Settings and starts kiosk mode, as a supervisor would.
void enterKiosk(test::Headless& app, const User& supervisor) {
    app.home(supervisor);
    app.tap("home.settings");
    REQUIRE(app.screen() == "settings");
    app.tap("settings.kiosk_start");
    REQUIRE(app.screen() == "kiosk.home");
}

// Sets the date picker `id` to "YYYY-MM-DD" by its buttons (it starts at 1980-01-01).
void pickDate(test::Headless& app, const std::string& id, const std::string& iso) {
    const Date d = parseIsoDate(iso).value();
    app.tap(id + ".day.plus");  // the first touch picks 1 January 1980
    int year = 1980;
    while (d.year - year >= 10) app.tap(id + ".year.plus10"), year += 10;
    while (year - d.year >= 10) app.tap(id + ".year.minus10"), year -= 10;
    while (year < d.year) app.tap(id + ".year.plus"), ++year;
    while (year > d.year) app.tap(id + ".year.minus"), --year;
    for (int m = 1; m < d.month; ++m) app.tap(id + ".month.plus");
    for (int day = 1; day < d.day; ++day) app.tap(id + ".day.plus");
}

// Types the NIK and the KK number on the status screen's keypad and checks.
void lookUp(test::Headless& app, const std::string& nik, const std::string& kk) {
    REQUIRE(app.screen() == "kiosk.status");
    app.ui().kiosk.citizen.clear();  // a fresh form (the fields are the citizen's data)
    app.frame();
    app.tap("kiosk.nik");
    app.typeKeys(nik);
    app.tap("kiosk.kk");
    app.typeKeys(kk);
    REQUIRE(app.ui().kiosk.citizen.kk_number == kk);
    app.tap("kiosk.check_now");
}

const ui::KioskStatusScreen& statusScreen(test::Headless& app) {
    return dynamic_cast<const ui::KioskStatusScreen&>(app.shell().top());
}

}  // namespace

TEST_CASE("kiosk: a supervisor starts it and it survives a restart", "[kiosk]") {
    Kiosk k = kioskStore("kiosk_enter.db");
    {
        test::Headless app(*k.store);
        enterKiosk(app, k.supervisor);
        CHECK_FALSE(app.shell().navigator().user());  // nobody is signed in at a kiosk
        CHECK(app.ui().kiosk.active);
    }
    test::Headless again(*k.store);  // a power cut: the device comes back as a kiosk
    again.frames(2);
    CHECK(again.screen() == "kiosk.home");
    CHECK(again.ui().kiosk.active);
    CHECK(again.ui().missingKeys().empty());
}

TEST_CASE("kiosk: a volunteer cannot start kiosk mode", "[kiosk]") {
    Kiosk k = kioskStore("kiosk_volunteer.db");
    test::Headless app(*k.store);
    User volunteer;
    const std::vector<User> users = listUsers(*k.store).value();
    for (const User& u : users)
        if (u.role == Role::volunteer) volunteer = u;
    app.home(volunteer);
    app.tap("home.settings");
    app.frames(2);
    CHECK_FALSE(app.ui().find("settings.kiosk_start"));
}

TEST_CASE("kiosk: Settings warns a supervisor when the office has not enrolled a kiosk",
          "[kiosk]") {
    Kiosk k = kioskStore("kiosk_warn.db");
    {
        test::Headless app(*k.store);
        app.home(k.supervisor);
        app.tap("home.settings");
        app.ui().scrollTo("settings.kiosk_start");  // the end of the screen
        app.frames(3);
        REQUIRE(app.ui().find("settings.kiosk_start"));
        CHECK_FALSE(app.ui().find("settings.kiosk_no_table"));  // this one has the key
    }
    REQUIRE(deleteSetting(*k.store, kSettingKioskKey));
    test::Headless app(*k.store);
    app.home(k.supervisor);
    app.tap("home.settings");
    app.ui().scrollTo("settings.kiosk_start");
    app.frames(3);
    CHECK(app.ui().find("settings.kiosk_no_table"));
    CHECK(app.ui().find("settings.kiosk_start"));  // premiums and feedback still work
    CHECK(app.ui().missingKeys().empty());
}

TEST_CASE("kiosk: card status found, not found, wrong KK number, never by NIK and birth date",
          "[kiosk]") {
    Kiosk k = kioskStore("kiosk_lookup.db");
    for (Lang lang : {Lang::id, Lang::en}) {
        test::Headless app(*k.store, lang, kNow);
        enterKiosk(app, k.supervisor);
        app.tap("kiosk.check");
        // The form asks for the KK number, not the birth date (which the NIK holds).
        app.frames(2);
        CHECK(app.ui().find("kiosk.kk"));
        CHECK_FALSE(app.ui().find("kiosk.birth.day.plus"));
        lookUp(app, k.citizen.nik, kKk);
        app.frames(2);
        REQUIRE(app.ui().kiosk.citizen.found);
        CHECK(app.ui().find("kiosk.found"));
        const KioskEntry& e = *app.ui().kiosk.citizen.found;
        CHECK(e.status == "card_issued");
        CHECK(e.name_masked == "S*** A*****");
        CHECK(e.card_number_masked == "*********4321");
        CHECK(e.as_of == formatRfc3339(kNow - 7200));  // as of the last completed sync

        lookUp(app, k.stranger.nik, kKk);
        app.frames(2);
        CHECK(app.ui().kiosk.citizen.checked);
        CHECK_FALSE(app.ui().kiosk.citizen.found);
        CHECK(app.ui().find("kiosk.not_found"));

        // The right NIK with another KK number is simply not found.
        lookUp(app, k.citizen.nik, kOtherKk);
        app.frames(2);
        CHECK(app.ui().kiosk.citizen.checked);
        CHECK_FALSE(app.ui().kiosk.citizen.found);
        CHECK(app.ui().find("kiosk.not_found"));

        // A NIK alone (with the birth date it holds) shows nothing, and costs no attempt.
        const int failures = app.ui().kiosk.limiter.failures();
        app.ui().kiosk.citizen.clear();
        app.frame();
        app.tap("kiosk.nik");
        app.typeKeys(k.citizen.nik);
        app.ui().kiosk.citizen.birth_date = k.citizen.birth_date;
        app.tap("kiosk.check_now");
        app.frames(2);
        CHECK_FALSE(app.ui().kiosk.citizen.checked);
        CHECK_FALSE(app.ui().kiosk.citizen.found);
        CHECK(statusScreen(app).problem() == app.ui().t("kiosk.kk_needed"));
        CHECK(app.ui().find("kiosk.problem"));
        // A NIK or a KK number that cannot be one is explained, and costs no attempt.
        lookUp(app, "1234", kKk);
        CHECK_FALSE(statusScreen(app).problem().empty());
        lookUp(app, k.citizen.nik, "1806013213150007");  // no 32nd day
        CHECK_FALSE(statusScreen(app).problem().empty());
        CHECK_FALSE(app.ui().kiosk.citizen.checked);
        CHECK(app.ui().kiosk.limiter.failures() == failures);
        CHECK(app.ui().missingKeys().empty());
    }
}

TEST_CASE("kiosk: a scanned KTP fills the NIK, a scanned KK the KK number", "[kiosk]") {
    Kiosk k = kioskStore("kiosk_scan.db");
    test::Headless app(*k.store);
    enterKiosk(app, k.supervisor);
    // A bare NIK (a KTP's barcode): the KK number is still the citizen's to give.
    app.shell().scanned(app.ui().parseScan(k.citizen.nik));
    app.frames(2);
    REQUIRE(app.screen() == "kiosk.status");
    CHECK(app.ui().kiosk.citizen.nik == k.citizen.nik);
    CHECK(app.ui().kiosk.citizen.kk_number.empty());
    // The family card's code fills the KK number beside it; then the citizen is found.
    app.shell().scanned(app.ui().parseScan(std::string("no_kk=") + kKk));
    app.frames(2);
    CHECK(app.ui().kiosk.citizen.nik == k.citizen.nik);
    CHECK(app.ui().kiosk.citizen.kk_number == kKk);
    app.tap("kiosk.check_now");
    CHECK(app.ui().kiosk.citizen.found);
    app.tap("kiosk.to_home");
    CHECK(app.ui().kiosk.citizen.empty());
    // A KK code first, at the start screen, opens the check with the KK number.
    app.shell().scanned(app.ui().parseScan(std::string("no_kk=") + kKk));
    app.frames(2);
    REQUIRE(app.screen() == "kiosk.status");
    CHECK(app.ui().kiosk.citizen.kk_number == kKk);
    app.tap("kiosk.to_home");
    // A code that carries the birth date too: the birth date is no second factor, nothing is
    // shown without the KK number.
    app.shell().scanned(app.ui().parseScan("{\"nik\":\"" + k.citizen.nik + "\",\"tgl_lahir\":\"" +
                                           k.citizen.birth_date + "\"}"));
    app.frames(2);
    REQUIRE(app.screen() == "kiosk.status");
    CHECK(app.ui().kiosk.citizen.birth_date.empty());
    app.tap("kiosk.check_now");
    CHECK_FALSE(app.ui().kiosk.citizen.found);
    CHECK(statusScreen(app).problem() == app.ui().t("kiosk.kk_needed"));
    app.tap("kiosk.to_home");

    // A registration receipt holds no NIK: its id and the birth date find the citizen.
    REQUIRE(app.screen() == "kiosk.home");
    app.shell().scanned(app.ui().parseScan(receiptUri(kReceiptId, Date{2026, 11, 2}, 4)));
    app.frames(2);
    REQUIRE(app.screen() == "kiosk.status");
    CHECK(app.ui().find("kiosk.notice"));
    CHECK(app.ui().kiosk.citizen.nik.empty());
    CHECK(app.ui().kiosk.citizen.receipt_id == kReceiptId);
    CHECK_FALSE(app.ui().find("kiosk.kk"));  // the receipt path asks for the birth date
    pickDate(app, "kiosk.birth", k.citizen.birth_date);
    app.tap("kiosk.check_now");
    REQUIRE(app.ui().kiosk.citizen.found);
    CHECK(app.ui().kiosk.citizen.found->name_masked == "S*** A*****");
    // Another member's birth date on the same receipt is not found.
    app.tap("kiosk.again");
    app.tap("kiosk.birth.day.plus");
    app.tap("kiosk.check_now");
    CHECK(app.ui().kiosk.citizen.checked);
    CHECK_FALSE(app.ui().kiosk.citizen.found);
    CHECK(app.ui().missingKeys().empty());
    app.tap("kiosk.done");
    CHECK(app.ui().kiosk.citizen.empty());
}

TEST_CASE("kiosk: five failed lookups cost a minute, and a found one resets", "[kiosk]") {
    Kiosk k = kioskStore("kiosk_limit.db");
    test::Headless app(*k.store);
    enterKiosk(app, k.supervisor);
    app.tap("kiosk.check");
    for (int i = 0; i < LookupLimiter::kMaxFailures; ++i) {
        lookUp(app, test::sampleNik(100 + i).nik, kKk);
        CHECK_FALSE(app.ui().kiosk.citizen.found);
    }
    app.frames(2);
    CHECK(app.ui().find("kiosk.limited"));
    // Even the right inputs are not tried during the cool-down.
    lookUp(app, k.citizen.nik, kKk);
    CHECK_FALSE(app.ui().kiosk.citizen.checked);
    CHECK_FALSE(app.ui().kiosk.citizen.found);
    // Going back to the start screen, or waiting there idle, does not refill the attempts.
    app.tap("kiosk.to_home");
    app.advance(30);
    app.frames(2);
    app.tap("kiosk.check");
    CHECK_FALSE(app.ui().kiosk.limiter.allowed(app.ui().now()));
    app.advance(31);
    lookUp(app, k.citizen.nik, kKk);
    CHECK(app.ui().kiosk.citizen.found);
    CHECK(app.ui().kiosk.limiter.failures() == 0);
}

TEST_CASE("kiosk: a minute untouched returns to the start and forgets the citizen", "[kiosk]") {
    Kiosk k = kioskStore("kiosk_idle.db");
    test::Headless app(*k.store);
    enterKiosk(app, k.supervisor);
    app.tap("kiosk.check");
    lookUp(app, k.citizen.nik, kKk);
    REQUIRE(app.ui().kiosk.citizen.found);
    REQUIRE(app.ui().find("kiosk.found"));

    app.advance(59);
    app.frames(2);
    CHECK(app.screen() == "kiosk.status");  // not yet
    app.advance(2);
    app.frames(2);
    CHECK(app.screen() == "kiosk.home");
    CHECK(app.ui().kiosk.citizen.empty());
    CHECK_FALSE(app.ui().find("kiosk.found"));
    CHECK(app.ui().kiosk.active);

    // The same for feedback being written.
    app.tap("kiosk.feedback");
    app.tap("kiosk.feedback_text");
    app.typeKeys("antrean lama");
    CHECK_FALSE(app.ui().kiosk.citizen.feedback_text.empty());
    REQUIRE(app.ui().entry.target);  // the keyboard is up
    app.advance(61);
    app.frames(2);
    CHECK(app.screen() == "kiosk.home");
    CHECK(app.ui().kiosk.citizen.empty());
    CHECK_FALSE(app.ui().entry.target);
    CHECK(listEvents(*k.store, 0, 10)->empty());  // nothing was sent
}

TEST_CASE("kiosk: feedback is queued as feedback.submitted", "[kiosk]") {
    Kiosk k = kioskStore("kiosk_feedback.db");
    test::Headless app(*k.store);
    enterKiosk(app, k.supervisor);
    app.tap("kiosk.feedback");
    REQUIRE(app.screen() == "kiosk.feedback");
    // Nothing chosen: a clear message, nothing queued.
    app.tap("kiosk.feedback_send");
    auto& screen = dynamic_cast<const ui::KioskFeedbackScreen&>(app.shell().top());
    CHECK_FALSE(screen.problem().empty());
    app.tap("kiosk.category.faskes_service");
    app.tap("kiosk.rating.2");
    app.tap("kiosk.feedback_text");
    app.typeKeys("antrean lama");
    app.tap("kiosk.feedback_phone");
    app.typeKeys("081234567890");
    app.tap("kiosk.feedback_send");
    CHECK(screen.sent());
    CHECK(app.ui().kiosk.citizen.empty());  // sent, and gone from memory
    // Nobody is signed in at a kiosk: the citizen's text and phone are sealed at rest; the
    // supervisor's PIN opens them here to check what was written.
    CHECK(readEvents(*k.store, 0, 10).error().code == "data_locked");
    CHECK(listEvents(*k.store, 0, 10).value().front().data.find("Antrean") == std::string::npos);
    REQUIRE(login(*k.store, k.supervisor.id, kPin, kNow));
    auto events = readEvents(*k.store, 0, 10).value();
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "feedback.submitted");
    CHECK(events[0].actor == "kiosk");
    CHECK(events[0].data.find("\"faskes_service\"") != std::string::npos);
    CHECK(events[0].data.find("\"rating\":2") != std::string::npos);
    INFO(events[0].data);
    // (The on-screen keyboard capitalises words, as for names.)
    CHECK(events[0].data.find("\"text\":\"Antrean Lama\"") != std::string::npos);
    CHECK(events[0].data.find("+6281234567890") != std::string::npos);
    app.tap("kiosk.done");
    CHECK(app.screen() == "kiosk.home");
}

TEST_CASE("kiosk: a complaint gets a ticket, and its answer is read by the number at the kiosk",
          "[kiosk]") {
    Kiosk k = kioskStore("kiosk_complaint.db");
    test::Headless app(*k.store);
    enterKiosk(app, k.supervisor);
    app.tap("kiosk.feedback");
    app.tap("kiosk.kind.complaint");
    app.tap("kiosk.category.card");
    app.tap("kiosk.rating.4");  // a complaint by the citizen's word, whatever the rating
    app.tap("kiosk.feedback_send");
    auto& sent = dynamic_cast<const ui::KioskFeedbackScreen&>(app.shell().top());
    REQUIRE(sent.sent());
    auto events = listEvents(*k.store, 0, 10).value();
    REQUIRE(events.size() == 1);
    CHECK(events[0].data.find("\"complaint\":true") != std::string::npos);
    const std::string ticket = sent.ticket();
    CHECK(ticket == ticketNumber(events[0].id));
    app.frame();
    CHECK(app.ui().find("kiosk.ticket_number"));
    CHECK(app.ui().find("kiosk.ticket_qr"));
    app.tap("kiosk.done");
    REQUIRE(app.screen() == "kiosk.home");

    // Praise gets no ticket.
    app.tap("kiosk.feedback");
    app.tap("kiosk.category.other");
    app.tap("kiosk.rating.5");
    app.tap("kiosk.feedback_send");
    CHECK(dynamic_cast<const ui::KioskFeedbackScreen&>(app.shell().top()).ticket().empty());
    app.frame();
    CHECK_FALSE(app.ui().find("kiosk.ticket_number"));
    app.tap("kiosk.done");

    // Typed loosely at the kiosk: received, waiting.
    app.tap("kiosk.ticket_check");
    REQUIRE(app.screen() == "kiosk.complaint");
    auto& screen = dynamic_cast<const ui::KioskComplaintScreen&>(app.shell().top());
    std::string loose;
    for (char c : ticket.substr(3))
        if (c != '-') loose.push_back(c);
    app.typeInto("kiosk.ticket_field", loose);
    app.tap("kiosk.ticket_check_button");
    REQUIRE(screen.checked());
    REQUIRE(screen.found());
    CHECK(screen.found()->state == TicketState::open);
    CHECK(app.ui().kiosk.citizen.ticket == ticket);
    app.frame();
    CHECK(app.ui().find("kiosk.ticket_state.open"));

    // A wrong character is caught as such.
    app.ui().kiosk.citizen.ticket = ticket.substr(0, 16) + (ticket[16] == '0' ? "1" : "0");
    app.tap("kiosk.ticket_check_button");
    CHECK_FALSE(screen.checked());
    CHECK(screen.problem() == parseTicketNumber(app.ui().kiosk.citizen.ticket).error().message_id);

    // The office answers; the kiosk pulls it; the citizen scans the ticket's QR on the home
    // screen and reads the answer.
    ChangesPage page;
    page.next = "9";
    HubChange answer;
    answer.cursor = "9";
    answer.type = "complaint.status";
    answer.data = Json{{"ticket", ticket}, {"state", "answered"},
                       {"answer", "Kartu sudah dicetak, ambil di puskesmas."}, {"date", "2026-12-09"}};
    page.changes = {answer};
    REQUIRE(applyHubChanges(*k.store, page, kNow));
    app.tap("kiosk.to_home");
    REQUIRE(app.screen() == "kiosk.home");
    app.shell().scanned(app.ui().parseScan(ticketUri(ticket)));
    app.frames(2);
    REQUIRE(app.screen() == "kiosk.complaint");
    auto& scanned = dynamic_cast<const ui::KioskComplaintScreen&>(app.shell().top());
    REQUIRE(scanned.found());
    CHECK(scanned.found()->state == TicketState::answered);
    CHECK(app.ui().find("kiosk.ticket_answer"));
    CHECK(app.ui().find("kiosk.ticket_state.answered"));

    // A number this kiosk has no word on.
    app.ui().kiosk.citizen.ticket = ticketNumber("someone-else");
    app.tap("kiosk.ticket_check_button");
    CHECK(scanned.checked());
    CHECK_FALSE(scanned.found());
    app.frame();
    CHECK(app.ui().find("kiosk.ticket_unknown"));
}

TEST_CASE("kiosk: classes and premiums show the schedule in force", "[kiosk]") {
    Kiosk k = kioskStore("kiosk_premiums.db");
    for (Lang lang : {Lang::id, Lang::en}) {
        test::Headless app(*k.store, lang);
        enterKiosk(app, k.supervisor);
        app.tap("kiosk.premiums");
        REQUIRE(app.screen() == "kiosk.premiums");
        app.frames(2);
        for (const char* row : {"kiosk.premium.1", "kiosk.premium.2", "kiosk.premium.3"})
            CHECK(app.ui().find(row));
        CHECK(app.ui().find("kiosk.how_to_pay"));
        CHECK(app.ui().missingKeys().empty());
    }
}

TEST_CASE("kiosk: no other screen is reachable without a supervisor PIN", "[kiosk]") {
    Kiosk k = kioskStore("kiosk_locked.db");
    test::Headless app(*k.store);
    enterKiosk(app, k.supervisor);
    // Codes that open screens elsewhere in the app do nothing here.
    app.shell().scanned(app.ui().parseScan("pekon://enrol?hub=http%3A%2F%2F127.0.0.1%3A1&token=x"));
    app.frames(2);
    app.shell().scanned(app.ui().parseScan("pekon://receipt?id=abc&date=2026-11-20&members=3"));
    app.frames(2);
    CHECK(app.screen().substr(0, 6) == "kiosk.");

    // Six hundred random touches on whatever is on screen, as a curious visitor would.
    std::mt19937 random(20261123);
    for (int i = 0; i < 600; ++i) {
        std::vector<std::string> ids;
        for (const auto& [id, rect] : app.ui().probes()) ids.push_back(id);
        REQUIRE_FALSE(ids.empty());
        const std::string id = ids[random() % ids.size()];
        INFO("touch " << i << " on " << id << " at " << app.screen());
        app.tap(id);
        REQUIRE(app.screen().substr(0, 6) == "kiosk.");
        REQUIRE_FALSE(app.shell().navigator().user());
    }

    // A volunteer's PIN does not open it, nor a wrong PIN; the supervisor's does. (Random
    // keypad touches above may have locked the supervisor for five minutes: let that pass.)
    app.advance(600);
    app.shell().show(std::make_unique<ui::KioskHomeScreen>());
    app.frame();
    app.tap("kiosk.staff");
    REQUIRE(app.screen() == "kiosk.exit");
    CHECK_FALSE(app.ui().find("kiosk.exit.user." + listUsers(*k.store)->back().id));
    app.tap("kiosk.exit.user." + k.supervisor.id);
    app.typeKeys("000000");
    CHECK(app.screen() == "kiosk.exit");
    app.typeKeys(kPin);
    app.frames(2);
    CHECK(app.screen() == "home");
    REQUIRE(app.shell().navigator().user());
    CHECK(app.shell().navigator().user()->id == k.supervisor.id);
    CHECK_FALSE(app.ui().kiosk.active);
    CHECK_FALSE(readSetting(*k.store, ui::kSettingKioskMode)->has_value());
}
