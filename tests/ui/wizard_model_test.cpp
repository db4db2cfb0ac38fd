// The wizard's actions without ImGui: what opening, Next, Back, the members and scans do to
// the draft and the database.
#include <catch2/catch.hpp>

#include "store/drafts.hpp"
#include "store/households.hpp"
#include "store/users.hpp"
#include "support/fixtures.hpp"
#include "support/sample_households.hpp"
#include "ui/wizard_model.hpp"

using namespace pekon;
using ui::WizardModel;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;

struct Fixture {
    explicit Fixture(const std::string& name) : store(openStore(name)) {
        auto u = createUser(*store, "Rina Marlina", Role::supervisor, "428195", "", kNow);
        REQUIRE(u.ok());
        user = *u;
    }
    static std::unique_ptr<Store> openStore(const std::string& name) {
        auto s = Store::open(test::tempPath(name));
        REQUIRE(s.ok());
        return std::move(s.value());
    }
    ui::WizardEnv env() { return {*store, test::regions(), user.id, kNow, test::kToday}; }
    std::vector<HouseholdDraft> drafts() {
        auto d = listDrafts(*store, user.id);
        REQUIRE(d.ok());
        return *d;
    }
    std::unique_ptr<Store> store;
    User user;
};

void fillLocation(HouseholdDraft& d) {
    d.district_code = "18.06.01";
    d.household.village_code = "18.06.01.2016";
    d.household.address = "Jl Merdeka 12";
    d.household.rt = "2";
    d.household.rw = "1";
}

}  // namespace

TEST_CASE("ui wizard model: opening saves a new draft once, a resumed one is kept", "[unit]") {
    Fixture f("wizard-model-open.db");
    WizardModel fresh;
    fresh.open(f.env());
    auto drafts = f.drafts();
    REQUIRE(drafts.size() == 1);
    CHECK_FALSE(fresh.draft().id.empty());
    CHECK(drafts[0].id == fresh.draft().id);
    CHECK(fresh.draft().household.consent.text_version == "pdp-2026-1");

    WizardModel resumed(drafts[0]);
    resumed.open(f.env());
    CHECK(f.drafts().size() == 1);
    CHECK(resumed.draft().id == drafts[0].id);

    // Nobody signed in: nothing is written.
    Fixture g("wizard-model-nobody.db");
    ui::WizardEnv nobody = g.env();
    nobody.user_id.clear();
    WizardModel anonymous;
    anonymous.open(nobody);
    CHECK(anonymous.draft().id.empty());
    CHECK(g.drafts().empty());
}

TEST_CASE("ui wizard model: Next checks the step, moves on and saves; Back goes back", "[unit]") {
    Fixture f("wizard-model-steps.db");
    WizardModel w;
    w.open(f.env());

    // Nothing chosen: Next stays, with the errors of the step.
    CHECK(w.next(f.env()) == WizardModel::Move::stayed);
    CHECK(w.draft().step == WizardStep::location);
    CHECK(w.triedNext());
    CHECK(w.problem("district_code").has_value());
    CHECK(f.drafts()[0].step == WizardStep::location);

    fillLocation(w.draft());
    CHECK(w.next(f.env()) == WizardModel::Move::moved);
    CHECK(w.draft().step == WizardStep::kk);
    CHECK_FALSE(w.triedNext());
    CHECK_FALSE(w.problem("district_code"));
    CHECK(f.drafts()[0].step == WizardStep::kk);  // saved with the step

    CHECK(w.back(f.env()) == WizardModel::Move::moved);
    CHECK(w.draft().step == WizardStep::location);
    CHECK(f.drafts()[0].step == WizardStep::kk);  // saved as it was before stepping back
    CHECK(w.back(f.env()) == WizardModel::Move::closed);  // Close on the first step
    CHECK(f.drafts().size() == 1);                          // the draft stays to resume
}

TEST_CASE("ui wizard model: members added, kept, undone and removed", "[unit]") {
    Fixture f("wizard-model-members.db");
    HouseholdDraft d;
    fillLocation(d);
    d.step = WizardStep::members;
    d.household.kk_number = "1806011203150007";
    WizardModel w(d);
    w.open(f.env());

    MemberInput& head = w.addMember();
    CHECK(head.relation == "head");
    REQUIRE(w.editing() == std::optional<size_t>(0));
    head.name = "Budi Santoso";
    head.segment = "PBPU";
    w.doneMember(f.env());
    CHECK_FALSE(w.editing());
    REQUIRE(f.drafts()[0].household.members.size() == 1);

    // A second member starts as a child in the head's segment; Cancel drops it.
    MemberInput& child = w.addMember();
    CHECK(child.relation == "child");
    CHECK(child.segment == "PBPU");
    w.cancelMember(f.env());
    CHECK(w.draft().household.members.size() == 1);

    // Editing and cancelling puts the member back as it was.
    w.editMember(0);
    w.draft().household.members[0].name = "Someone Else";
    w.cancelMember(f.env());
    CHECK(w.draft().household.members[0].name == "Budi Santoso");

    w.removeMember(f.env(), 0);
    CHECK(w.draft().household.members.empty());
    CHECK(f.drafts()[0].household.members.empty());
}

TEST_CASE("ui wizard model: a scanned KK number fills the KK step and is saved", "[unit]") {
    Fixture f("wizard-model-scan.db");
    HouseholdDraft d;
    fillLocation(d);
    d.step = WizardStep::kk;
    WizardModel w(d);
    w.open(f.env());
    ScanPayload kk;
    kk.kind = PayloadKind::kk;
    kk.kk_number = "1806011203150007";
    CHECK(w.scanned(f.env(), kk));
    CHECK(w.draft().household.kk_number == "1806011203150007");
    CHECK(f.drafts()[0].household.kk_number == "1806011203150007");
    ScanPayload nothing;
    CHECK_FALSE(w.scanned(f.env(), nothing));
}

TEST_CASE("ui wizard model: Next on the review registers the household", "[unit]") {
    Fixture f("wizard-model-finish.db");
    HouseholdDraft d;
    d.step = WizardStep::review;
    d.district_code = "18.06.01";
    d.household = test::sampleHousehold(1, 100, 3);
    // What the documents and consent steps record (the third member is PBI: DTKS seen).
    d.household.documents = {true, true, false, "dtks"};
    d.household.consent = {"pdp-2026-1", true, true};
    WizardModel w(d);
    w.open(f.env());
    const auto moved = w.next(f.env());
    for (const FieldError& e : w.errors()) UNSCOPED_INFO(e.field << ": " << e.error.code);
    REQUIRE(moved == WizardModel::Move::finished);
    CHECK_FALSE(w.registered().empty());
    auto n = countHouseholds(*f.store);
    REQUIRE(n.ok());
    CHECK(*n == 1);
    CHECK(f.drafts().empty());  // the draft became the household
}
