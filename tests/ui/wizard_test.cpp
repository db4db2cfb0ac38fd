#include <catch2/catch.hpp>

#include "store/drafts.hpp"
#include "store/event_log.hpp"
#include "store/households.hpp"
#include "store/users.hpp"
#include "support/ui_walk.hpp"
#include "ui/headless.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/receipt_screen.hpp"
#include "ui/screens/wizard_screen.hpp"

using namespace pekon;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;

void tapTimes(test::Headless& app, const std::string& id, int times) {
    for (int i = 0; i < times; ++i) app.tap(id);
}

// Sets the member form's birth date from the picker's first value, 1990-01-01.
void pickBirth(test::Headless& app, int year, int month, int day) {
    app.tap("wizard.member.birth.day.plus");  // 1990-01-01 appears
    const int years = year - 1990;
    tapTimes(app,
             years < 0 ? "wizard.member.birth.year.minus10" : "wizard.member.birth.year.plus10",
             std::abs(years) / 10);
    tapTimes(app, years < 0 ? "wizard.member.birth.year.minus" : "wizard.member.birth.year.plus",
             std::abs(years) % 10);
    tapTimes(app, "wizard.member.birth.month.plus", month - 1);
    tapTimes(app, "wizard.member.birth.day.plus", day - 1);
}

}  // namespace

TEST_CASE("ui wizard: a household registered by tapping through every step") {
    const std::string path = test::tempPath("wizard.db");
    auto store = Store::open(path);
    REQUIRE(store.ok());
    auto user = createUser(**store, "Rina Marlina", Role::supervisor, "428195", "", kNow);
    REQUIRE(user.ok());
    test::Headless app(**store);
    app.home(*user);
    app.frames(2);
    app.tap("home.register");
    REQUIRE(app.screen() == "wizard");

    // (a) location
    app.tap("wizard.next");
    CHECK(app.screen() == "wizard");  // nothing chosen: it stays, with the errors
    app.tap("wizard.district.18.06.01");
    app.typeInto("wizard.village_filter", "negeri");
    app.tap("wizard.village.18.06.01.2016");
    app.typeInto("wizard.address", "jl merdeka 12");
    app.typeInto("wizard.rt", "2");
    app.typeInto("wizard.rw", "1");
    app.tap("wizard.next");
    // (b) KK
    app.typeInto("wizard.kk", "1806011203150007");
    app.tap("wizard.next");
    // (c) members: the head...
    app.tap("wizard.member.add");
    app.typeInto("wizard.member.nik", "1806011505800001");
    app.typeInto("wizard.member.name", "budi santoso");
    pickBirth(app, 1980, 5, 15);
    app.tap("wizard.member.sex.M");
    app.tap("wizard.member.occupation.farmer");  // suggests PBPU
    app.tap("wizard.member.done");
    // ...and his wife, whose NIK says the 22nd while her KTP says the 21st: confirmed, with a
    // reason.
    app.tap("wizard.member.add");
    app.typeInto("wizard.member.nik", "1806016208850002");
    app.typeInto("wizard.member.name", "siti aminah");
    pickBirth(app, 1985, 8, 21);
    app.tap("wizard.member.sex.F");
    app.tap("wizard.member.relation.spouse");
    app.tap("wizard.member.occupation.housewife");
    app.tap("wizard.member.mismatch.old_ktp");
    app.tap("wizard.member.done");
    app.tap("wizard.next");
    {
        const auto& w = dynamic_cast<const ui::WizardScreen&>(app.shell().top());
        FieldErrors warnings;
        const FieldErrors errors =
            validateStep(w.draft(), WizardStep::members, test::regions(), test::kToday, warnings);
        std::string text;
        for (const FieldError& e : errors) text += e.field + ":" + e.error.code + " ";
        INFO(text);
        REQUIRE(w.draft().step == WizardStep::classes);
    }
    // (d) classes
    app.tap("wizard.class.0.3");
    app.tap("wizard.class.1.3");
    app.tap("wizard.next");
    // (e) documents, (f) consent
    app.tap("wizard.doc.ktp");
    app.tap("wizard.doc.kk");
    app.tap("wizard.next");
    app.tap("wizard.next");
    CHECK(app.screen() == "wizard");  // consent is required
    app.tap("wizard.consent.citizen");
    app.tap("wizard.consent.volunteer");
    app.tap("wizard.next");
    // (g) review and save
    app.tap("wizard.next");
    REQUIRE(app.screen() == "receipt");
    const auto& receipt = dynamic_cast<const ui::ReceiptScreen&>(app.shell().top());
    CHECK(receipt.uri().rfind("pekon://receipt?v=1&id=", 0) == 0);
    CHECK(receipt.uri().find("members=2") != std::string::npos);
    CHECK(app.ui().find("receipt.qr"));
    CHECK(app.ui().missingKeys().empty());

    auto households = listHouseholds(**store);
    REQUIRE(households.ok());
    REQUIRE(households->size() == 1);
    auto detail = findHousehold(**store, (*households)[0].household.id);
    REQUIRE(detail.ok());
    const HouseholdDetail& d = **detail;
    CHECK(d.summary.household.kk_number == "1806011203150007");
    CHECK(d.summary.household.village_code == "18.06.01.2016");
    CHECK(d.summary.household.address == "Jl Merdeka 12");
    CHECK(d.summary.household.rt == "002");
    REQUIRE(d.members.size() == 2);
    CHECK(d.members[0].member.name == "Budi Santoso");
    CHECK(d.members[0].member.birth_date == Date{1980, 5, 15});
    CHECK(d.members[0].member.segment == Segment::pbpu);
    CHECK(d.members[1].member.birth_date == Date{1985, 8, 21});
    CHECK(d.members[1].member.relation == Relation::spouse);
    auto events = readEvents(**store, 0, 10);  // as the device reads them: personal part opened
    REQUIRE(events.ok());
    REQUIRE(events->size() == 3);
    CHECK((*events)[0].data.find(
              "\"consent\":{\"text_version\":\"pdp-2026-1\",\"citizen_agreed\":true") !=
          std::string::npos);
    CHECK((*events)[0].data.find("\"documents\":{\"ktp\":true,\"kk\":true") != std::string::npos);
    CHECK((*events)[1].data.find("\"occupation\":\"farmer\"") != std::string::npos);
    CHECK((*events)[2].data.find("\"nik_mismatch_reason\":\"old_ktp\"") != std::string::npos);
    CHECK((*events)[1].actor == user->id);
    // The draft went with the save.
    CHECK(listDrafts(**store, user->id)->empty());
}

TEST_CASE("ui wizard: every step is kept as a draft and offered back") {
    const std::string path = test::tempPath("draft.db");
    auto store = Store::open(path);
    REQUIRE(store.ok());
    auto user = createUser(**store, "Rina Marlina", Role::supervisor, "428195", "", kNow);
    REQUIRE(user.ok());
    {
        test::Headless app(**store);
        app.home(*user);
        test::walkToMembersStep(app, "1806202003180011",
                                {"18.06.20", "", "18.06.20.2001", "dusun sukamaju", "", ""});
    }  // the app is gone (as after a crash); the draft is in the database
    auto drafts = listDrafts(**store, user->id);
    REQUIRE(drafts.ok());
    REQUIRE(drafts->size() == 1);
    CHECK((*drafts)[0].step == WizardStep::members);
    CHECK((*drafts)[0].household.kk_number == "1806202003180011");
    CHECK((*drafts)[0].household.address == "Dusun Sukamaju");

    test::Headless again(**store);
    again.home(*user);
    again.tap("home.draft");
    REQUIRE(again.screen() == "wizard");
    const auto& wizard = dynamic_cast<const ui::WizardScreen&>(again.shell().top());
    CHECK(wizard.draft().step == WizardStep::members);
    CHECK(wizard.draft().household.village_code == "18.06.20.2001");
}

// A new device's supervisor at the members step of a new household.
struct AtMembersStep {
    std::unique_ptr<Store> store;
    std::unique_ptr<test::Headless> headless;
    explicit AtMembersStep(const std::string& file) {
        auto opened = Store::open(test::tempPath(file));
        REQUIRE(opened.ok());
        store = std::move(opened.value());
        auto user = createUser(*store, "Rina Marlina", Role::supervisor, "428195", "", kNow);
        REQUIRE(user.ok());
        headless = std::make_unique<test::Headless>(*store);
        headless->home(*user);
        test::walkToMembersStep(*headless);
    }
};

TEST_CASE("ui wizard: a pregnant mother and a newborn without a NIK, by tapping") {
    AtMembersStep at("wizard_mothers.db");
    test::Headless& app = *at.headless;
    auto& store = at.store;
    const Date today = app.ui().today();
    const std::string due = dueMonthChoices(today)[3];

    // The mother: aged 10-55, so the form asks; the month is one large button.
    app.tap("wizard.member.add");
    app.typeInto("wizard.member.nik", "1806016208850002");
    app.typeInto("wizard.member.name", "siti aminah");
    pickBirth(app, 1985, 8, 22);
    CHECK_FALSE(app.ui().find("wizard.member.pregnancy." + due));  // not before the sex
    app.tap("wizard.member.sex.F");
    app.tap("wizard.member.relation.head");
    app.tap("wizard.member.segment.PBPU");
    app.tap("wizard.member.pregnancy." + due);
    app.tap("wizard.member.done");

    // The baby, a month old, without a NIK: the box hides the NIK field.
    const Date born = fromDays(toDays(today) - 30);
    app.tap("wizard.member.add");
    app.tap("wizard.member.no_nik");
    CHECK_FALSE(app.ui().find("wizard.member.nik"));
    app.typeInto("wizard.member.name", "bayi siti");
    pickBirth(app, born.year, born.month, born.day);
    app.tap("wizard.member.sex.M");
    CHECK_FALSE(app.ui().find("wizard.member.pregnancy." + due));  // a boy is never asked
    app.tap("wizard.member.relation.child");
    app.tap("wizard.member.segment.PBPU");
    app.tap("wizard.member.done");
    app.tap("wizard.next");
    test::requireStep(app, WizardStep::classes);
    app.tap("wizard.class.0.3");
    app.tap("wizard.class.1.3");
    app.tap("wizard.next");
    app.tap("wizard.doc.kk");
    app.tap("wizard.next");
    app.tap("wizard.consent.citizen");
    app.tap("wizard.consent.volunteer");
    app.tap("wizard.next");
    app.tap("wizard.next");
    REQUIRE(app.screen() == "receipt");
    CHECK(app.ui().missingKeys().empty());

    auto events = readEvents(*store, 0, 10);
    REQUIRE(events.ok());
    REQUIRE(events->size() == 3);
    CHECK((*events)[1].data.find("\"pregnancy_due\":\"" + due + "\"") != std::string::npos);
    CHECK((*events)[1].data.find("nik_pending") == std::string::npos);
    CHECK((*events)[2].data.find("\"nik\":\"\"") != std::string::npos);
    CHECK((*events)[2].data.find("\"nik_pending\":true") != std::string::npos);
    CHECK((*events)[2].data.find("pregnancy_due") == std::string::npos);
}

TEST_CASE("ui wizard: no NIK is refused for anyone but a baby under one") {
    AtMembersStep at("wizard_no_nik.db");
    test::Headless& app = *at.headless;
    app.tap("wizard.member.add");
    app.tap("wizard.member.no_nik");
    app.typeInto("wizard.member.name", "budi santoso");
    pickBirth(app, 1980, 5, 15);
    app.tap("wizard.member.sex.M");
    app.tap("wizard.member.relation.head");
    app.tap("wizard.member.segment.PBPU");
    app.tap("wizard.member.done");
    app.tap("wizard.next");
    CHECK(test::wizardOf(app).draft().step == WizardStep::members);
    FieldErrors warnings;
    const FieldErrors errors = validateStep(test::wizardOf(app).draft(), WizardStep::members,
                                            test::regions(), app.ui().today(), warnings);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "members[0].nik");
    CHECK(errors[0].error.code == "nik_pending_not_infant");
    // Editing it again shows why where the NIK would be, and unticking brings the field back.
    app.tap("wizard.member.edit.0");
    CHECK_FALSE(app.ui().find("wizard.member.nik"));
    app.tap("wizard.member.no_nik");
    CHECK(app.ui().find("wizard.member.nik"));
    CHECK(app.ui().missingKeys().empty());
}
