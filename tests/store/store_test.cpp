#include "store/store.hpp"

#include <catch2/catch.hpp>

#include "core/uuid.hpp"
#include "store/households.hpp"
#include "store/internal/database.hpp"
#include "store/verify.hpp"
#include "store/event_log.hpp"
#include "support/fixtures.hpp"
#include "support/sample_household.hpp"
#include "support/sample_households.hpp"

using namespace pekon;

namespace {

const WriteContext kCtx{"volunteer-1", 1795000000, test::kToday};  // 2026-11-18T...

std::unique_ptr<Store> openFresh(const std::string& name = "store.db") {
    auto store = Store::open(test::tempPath(name));
    REQUIRE(store.ok());
    return std::move(store.value());
}

std::int64_t scalar(Store& s, const std::string& sql) {
    return *connection(s).queryInt(sql);
}

}  // namespace

TEST_CASE("store: registering a household appends events and projections in one go") {
    auto store = openFresh();
    auto r = registerHouseholds(*store, {test::sample::household()}, test::regions(), kCtx);
    REQUIRE(r.ok());
    REQUIRE(r.households.size() == 1);
    const RegisteredHousehold& reg = r.households[0];
    CHECK(isUuid(reg.household_id));
    CHECK(reg.household_id[14] == '7');  // time-ordered v7 entity ids
    REQUIRE(reg.member_ids.size() == 3);

    auto events = listEvents(*store, 0, 100);
    REQUIRE(events.ok());
    REQUIRE(events->size() == 4);
    CHECK((*events)[0].type == "household.registered");
    for (size_t i = 0; i < events->size(); ++i) {
        const Event& e = (*events)[i];
        CHECK(e.seq == static_cast<std::int64_t>(i) + 1);
        CHECK(isUuid(e.id));
        CHECK(e.id[14] == '4');  // protocol event ids are v4
        CHECK(e.actor == "volunteer-1");
        CHECK(e.at == kCtx.now);
        CHECK(e.sync_state == SyncState::pending);
        if (i > 0) {
            CHECK(e.type == "member.registered");
            CHECK(e.data.find(reg.member_ids[i - 1]) != std::string::npos);
        }
    }
    CHECK(scalar(*store, "SELECT COUNT(*) FROM households") == 1);
    CHECK(scalar(*store, "SELECT COUNT(*) FROM members") == 3);
    CHECK(scalar(*store, "SELECT COUNT(*) FROM member_status_history") == 3);

    auto counts = outboxCounts(*store);
    REQUIRE(counts.ok());
    CHECK(counts->pending == 4);
    CHECK(counts->accepted + counts->duplicate + counts->rejected == 0);
    CHECK(verifyProjections(*store).ok());
}

TEST_CASE("store: a household read back with its members and their status") {
    auto store = openFresh();
    auto r = registerHouseholds(*store, {test::sample::household()}, test::regions(), kCtx);
    REQUIRE(r.ok());
    auto detail = findHousehold(*store, r.households[0].household_id);
    REQUIRE(detail.ok());
    REQUIRE(detail->has_value());
    const HouseholdDetail& d = **detail;
    CHECK(d.summary.household.kk_number == test::sample::kKk);
    CHECK(d.summary.household.rt == "002");
    CHECK(d.summary.head_name == "Budi Santoso");
    CHECK(d.summary.member_count == 3);
    CHECK(d.summary.registered_at == kCtx.now);
    REQUIRE(d.members.size() == 3);
    CHECK(d.members[0].member.name == "Budi Santoso");
    CHECK(d.members[1].member.sex == Sex::female);
    CHECK(d.members[2].member.segment == Segment::pbi_apbn);
    for (const MemberRecord& m : d.members) {
        CHECK(m.status == MemberStatus::queued);
        REQUIRE(m.history.size() == 1);
        CHECK(m.history[0].at == kCtx.now);
    }
    auto missing = findHousehold(*store, "00000000-0000-4000-8000-000000000000");
    REQUIRE(missing.ok());
    CHECK_FALSE(missing->has_value());
}

TEST_CASE("store: a batch is written whole or not at all") {
    auto store = openFresh();
    std::vector<HouseholdInput> batch{test::sampleHousehold(1, 10, 3),
                                      test::sampleHousehold(2, 20, 2),
                                      test::sampleHousehold(3, 30, 4)};
    batch[2].members[1].nik = "1806019999990001";  // month 99
    auto r = registerHouseholds(*store, batch, test::regions(), kCtx);
    REQUIRE_FALSE(r.ok());
    CHECK(r.households.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].field == "households[2].members[1].nik");
    CHECK(r.errors[0].error.code == "nik_month_invalid");
    CHECK(scalar(*store, "SELECT COUNT(*) FROM events") == 0);
    CHECK(scalar(*store, "SELECT COUNT(*) FROM households") == 0);

    batch[2].members[1] = test::sampleHousehold(3, 998, 2).members[1];
    auto ok = registerHouseholds(*store, batch, test::regions(), kCtx);
    REQUIRE(ok.ok());
    CHECK(scalar(*store, "SELECT COUNT(*) FROM events") == 3 + 3 + 2 + 4);
}

TEST_CASE("store: a NIK or KK already on the device, or twice in a batch, is refused") {
    auto store = openFresh();
    REQUIRE(registerHouseholds(*store, {test::sample::household()}, test::regions(), kCtx).ok());

    auto again = registerHouseholds(*store, {test::sample::household()}, test::regions(), kCtx);
    REQUIRE_FALSE(again.ok());
    std::vector<std::string> codes;
    for (const FieldError& e : again.errors) codes.push_back(e.field + ":" + e.error.code);
    CHECK(codes == std::vector<std::string>{"kk_number:kk_already_registered",
                                            "members[0].nik:nik_already_registered",
                                            "members[1].nik:nik_already_registered",
                                            "members[2].nik:nik_already_registered"});
    // Messages never repeat the personal numbers.
    for (const FieldError& e : again.errors) {
        CHECK(e.error.message_id.find("1806") == std::string::npos);
        CHECK(e.error.message_en.find("1806") == std::string::npos);
    }

    HouseholdInput a = test::sampleHousehold(50, 500, 2), b = test::sampleHousehold(51, 600, 2);
    b.members[1].nik = a.members[0].nik;
    b.members[1].birth_date = a.members[0].birth_date;
    b.members[1].sex = a.members[0].sex;
    b.kk_number = a.kk_number;
    auto dup = registerHouseholds(*store, {a, b}, test::regions(), kCtx);
    REQUIRE_FALSE(dup.ok());
    codes.clear();
    for (const FieldError& e : dup.errors) codes.push_back(e.field + ":" + e.error.code);
    CHECK(codes == std::vector<std::string>{"households[1].kk_number:kk_duplicate_in_batch",
                                            "households[1].members[1].nik:nik_duplicate_in_batch"});
    CHECK(scalar(*store, "SELECT COUNT(*) FROM households") == 1);
}

TEST_CASE("store: adding one member to a registered household") {
    auto store = openFresh();
    auto r = registerHouseholds(*store, {test::sample::household()}, test::regions(), kCtx);
    REQUIRE(r.ok());
    const std::string hid = r.households[0].household_id;
    const MemberInput baby{
        "1806015503250004", "Putri Kecil", "2025-03-15", "F", "child", "PBPU", "3"};
    auto id = addMember(*store, hid, baby, test::regions(), kCtx);
    REQUIRE(id.ok());
    auto d = findHousehold(*store, hid);
    REQUIRE((**d).members.size() == 4);
    CHECK((**d).members[3].member.id == *id);
    CHECK(scalar(*store, "SELECT COUNT(*) FROM events") == 5);

    FieldErrors errors;
    auto twice = addMember(*store, hid, baby, test::regions(), kCtx, &errors);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == "nik_already_registered");

    const MemberInput second_head{
        "1806010202900005", "Kepala Dua", "1990-02-02", "M", "head", "PBPU", "3"};
    auto head = addMember(*store, hid, second_head, test::regions(), kCtx);
    REQUIRE_FALSE(head.ok());
    CHECK(head.error().code == "household_many_heads");

    auto nowhere = addMember(*store, "no-such-household", second_head, test::regions(), kCtx);
    REQUIRE_FALSE(nowhere.ok());
    CHECK(nowhere.error().code == "household_not_found");
    CHECK(verifyProjections(*store).ok());
}

TEST_CASE("store: queries by village, NIK, KK and name") {
    auto store = openFresh();
    REQUIRE(registerHouseholds(*store, {test::sample::household()}, test::regions(), kCtx).ok());
    std::vector<HouseholdInput> more;
    for (int i = 0; i < 12; ++i) more.push_back(test::sampleHousehold(i, 100 + i * 5, i % 5 + 1));
    REQUIRE(registerHouseholds(*store, more, test::regions(), kCtx).ok());

    auto village = listHouseholds(*store, "18.06.01.2016");
    REQUIRE(village.ok());
    // budi + sample households 0 and 6 (the samples rotate over six villages)
    CHECK(village->size() == 3);
    for (const HouseholdSummary& h : *village) CHECK(h.household.village_code == "18.06.01.2016");
    auto all = listHouseholds(*store);
    REQUIRE(all.ok());
    CHECK(all->size() == 13);
    auto page = listHouseholds(*store, {}, 5, 10);
    REQUIRE(page.ok());
    CHECK(page->size() == 3);

    auto by_nik = searchMembers(*store, test::sample::kSpouseNik);
    REQUIRE(by_nik.ok());
    REQUIRE(by_nik->size() == 1);
    CHECK((*by_nik)[0].name == "Siti Aminah");
    auto by_kk = searchMembers(*store, " 1806011203150007 ");
    REQUIRE(by_kk.ok());
    CHECK(by_kk->size() == 3);
    auto by_name = searchMembers(*store, "SITI");
    REQUIRE(by_name.ok());
    REQUIRE_FALSE(by_name->empty());
    for (const MemberHit& h : *by_name) CHECK(h.name.rfind("Siti", 0) == 0);
    auto by_word = searchMembers(*store, "amin");
    REQUIRE(by_word.ok());
    bool found = false;
    for (const MemberHit& h : *by_word) found = found || h.name == "Siti Aminah";
    CHECK(found);
    auto none = searchMembers(*store, "zzz");
    REQUIRE(none.ok());
    CHECK(none->empty());
    auto wildcard = searchMembers(*store, "%");
    REQUIRE(wildcard.ok());
    CHECK(wildcard->empty());  // LIKE wildcards are escaped

    auto hit = findMemberByNik(*store, test::sample::kHeadNik);
    REQUIRE(hit.ok());
    REQUIRE(hit->has_value());
    CHECK((**hit).name == "Budi Santoso");
    CHECK((**hit).village_code == "18.06.01.2016");
    auto miss = findMemberByNik(*store, "1806011505800099");
    REQUIRE(miss.ok());
    CHECK_FALSE(miss->has_value());
}

TEST_CASE("store: the event log is append-only and immutable, projections are checked against it") {
    auto store = openFresh();
    REQUIRE(registerHouseholds(*store, {test::sample::household()}, test::regions(), kCtx).ok());
    auto& db = connection(*store);
    CHECK_FALSE(db.exec("DELETE FROM events WHERE seq = 1", "t").ok());
    CHECK_FALSE(db.exec("UPDATE events SET data = '{}' WHERE seq = 2", "t").ok());
    CHECK_FALSE(db.exec("UPDATE events SET type = 'x' WHERE seq = 2", "t").ok());
    // The sync state is the one thing the outbox may change.
    CHECK(db.exec("UPDATE events SET sync_state = 'accepted' WHERE seq = 1", "t").ok());
    CHECK(outboxCounts(*store)->accepted == 1);
    CHECK(verifyProjections(*store).ok());

    SECTION("a projection changed behind the log's back is caught") {
        REQUIRE(
            db.exec("UPDATE members SET name = 'Orang Lain' WHERE relation = 'spouse'", "tamper")
                .ok());
        auto v = verifyProjections(*store);
        REQUIRE_FALSE(v.ok());
        CHECK(v.error().code == "projection_mismatch");
    }
    SECTION("a projection row with no event is caught") {
        REQUIRE(db.exec("DELETE FROM member_status_history WHERE member_key = (SELECT MAX(key) "
                        "FROM members)",
                        "t")
                    .ok());
        REQUIRE(db.exec("DELETE FROM members WHERE key = (SELECT MAX(key) FROM members)", "tamper")
                    .ok());
        auto v = verifyProjections(*store);
        REQUIRE_FALSE(v.ok());
        CHECK(v.error().code == "projection_mismatch");
    }
}

TEST_CASE("store: a lookup leaves no read transaction open for the next writer") {
    const std::string path = test::tempPath("two.db");
    auto a = Store::open(path);
    auto b = Store::open(path);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(registerHouseholds(**a, {test::sample::household()}, test::regions(), kCtx).ok());
    auto hit = findMemberByNik(**a, test::sample::kHeadNik);  // stops at its row
    REQUIRE(hit.ok());
    REQUIRE(hit->has_value());
    // Another connection writes; the first must see it and still be able to write after it.
    REQUIRE(
        registerHouseholds(**b, {test::sampleHousehold(5, 50, 2)}, test::regions(), kCtx).ok());
    auto seen = listHouseholds(**a);
    REQUIRE(seen.ok());
    CHECK(seen->size() == 2);
    CHECK(registerHouseholds(**a, {test::sampleHousehold(6, 60, 1)}, test::regions(), kCtx).ok());
}

TEST_CASE("store: addMember keeps a household within 30 members") {
    auto store = openFresh();
    auto r = registerHouseholds(*store, {test::sampleHousehold(1, 0, 1)}, test::regions(), kCtx);
    REQUIRE(r.ok());
    const std::string hid = r.households[0].household_id;
    for (int i = 1; i < 30; ++i) {
        const test::SampleNik n = test::sampleNik(1000 + i);
        REQUIRE(addMember(*store, hid, {n.nik, "Anak", n.birth_date, n.sex, "child", "PBPU", "3"},
                                test::regions(), kCtx)
                    .ok());
    }
    const test::SampleNik n = test::sampleNik(2000);
    FieldErrors errors;
    auto full = addMember(*store, hid, {n.nik, "Anak", n.birth_date, n.sex, "child", "PBPU", "3"},
                                 test::regions(), kCtx, &errors);
    REQUIRE_FALSE(full.ok());
    CHECK(full.error().code == "household_too_many_members");
    CHECK(scalar(*store, "SELECT COUNT(*) FROM members") == 30);
}

TEST_CASE("store: name search finds names with letters beyond ASCII") {
    auto store = openFresh();
    HouseholdInput h = test::sample::household();
    h.members[1].name = "Andréa Siti";
    REQUIRE(registerHouseholds(*store, {h}, test::regions(), kCtx).ok());
    auto hits = searchMembers(*store, "andr");
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 1);
    CHECK((*hits)[0].name == "Andréa Siti");
    auto accented = searchMembers(*store, "andré");
    REQUIRE(accented.ok());
    CHECK(accented->size() == 1);
}

TEST_CASE("store: a correction appends member.corrected with only what changed") {
    auto store = openFresh();
    auto r = registerHouseholds(*store, {test::sample::household()}, test::regions(), kCtx);
    REQUIRE(r.ok());
    const std::string siti = r.households[0].member_ids[1];
    MemberInput fixed = test::sample::spouse();
    fixed.name = "Siti Aminah Lubis";
    fixed.care_class = "2";

    auto same = correctMember(*store, siti, test::sample::spouse(), test::regions(), kCtx);
    REQUIRE_FALSE(same.ok());
    CHECK(same.error().code == "nothing_changed");

    // The office had rejected her: the correction queues her again.
    REQUIRE(connection(*store)
                .exec("UPDATE members SET status = 'rejected' WHERE id = '" + siti + "'", "t")
                .ok());
    WriteContext later = kCtx;
    later.now += 3600;
    auto changed = correctMember(*store, siti, fixed, test::regions(), later);
    REQUIRE(changed.ok());
    CHECK(*changed == std::vector<std::string>{"name", "class"});
    auto events = listEvents(*store, 0, 100);
    REQUIRE(events.ok());
    REQUIRE(events->size() == 5);
    CHECK(events->back().type == "member.corrected");
    CHECK(events->back().data ==
          "{\"member_id\":\"" + siti + "\",\"name\":\"Siti Aminah Lubis\",\"class\":2}");
    auto d = findHousehold(*store, r.households[0].household_id);
    REQUIRE(d.ok());
    const MemberRecord& m = (**d).members[1];
    CHECK(m.member.name == "Siti Aminah Lubis");
    CHECK(m.member.care_class == 2);
    CHECK(m.status == MemberStatus::queued);
    CHECK(m.history.back().at == later.now);
    auto verified = verifyProjections(*store);
    INFO((verified ? std::string() : verified.error().message_en));
    CHECK(verified.ok());
    auto found = searchMembers(*store, "siti aminah l");
    REQUIRE(found.ok());
    CHECK(found->size() == 1);

    MemberInput taken = fixed;
    taken.nik = test::sample::kHeadNik;  // Budi's
    taken.birth_date = "1980-05-15";
    taken.sex = "M";
    auto dup = correctMember(*store, siti, taken, test::regions(), kCtx);
    REQUIRE_FALSE(dup.ok());
    CHECK(dup.error().code == "nik_already_registered");
    MemberInput head = fixed;
    head.relation = "head";
    auto heads = correctMember(*store, siti, head, test::regions(), kCtx);
    REQUIRE_FALSE(heads.ok());
    CHECK(heads.error().code == "household_many_heads");
    CHECK(correctMember(*store, "nobody", fixed, test::regions(), kCtx).error().code ==
          "member_not_found");
}
