// Personal data sealed at rest (issue 16), read as an attacker with the files would: every
// byte of the database, its WAL and shared-memory files and the exports, searched for every
// NIK, name, birth date, KK, phone and card number the device holds, as text (and names in
// upper and lower case) and as SQLite's big-endian integers. Then the same after SIGKILL at
// random points of the first sign-in that seals a database from before the update.
#include <signal.h>
#include <sodium.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "proto/sealed_export.hpp"
#include "store/drafts.hpp"
#include "store/event_log.hpp"
#include "store/export.hpp"
#include "store/feedback.hpp"
#include "store/households.hpp"
#include "store/hub_changes.hpp"
#include "store/internal/database.hpp"
#include "store/outbox.hpp"
#include "store/sessions.hpp"
#include "store/users.hpp"
#include "store/verify.hpp"
#include "support/child_process.hpp"
#include "support/fixtures.hpp"
#include "support/hub_seal.hpp"
#include "support/sample_households.hpp"
#include "support/sample_session.hpp"
#include "vault/pin_wrap.hpp"

using namespace pekon;
namespace fs = std::filesystem;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;
constexpr const char* kPin = "582914";
constexpr int kHouseholds = 200;

// A name of letters only, unique per index (the samples' ten names repeat).
std::string uniqueName(std::int64_t i) {
    static const char* const kSyllables[] = {"ba", "ci", "du", "fe", "go",
                                             "hu", "ja", "ke", "lo", "mu"};
    std::string last = "W";
    for (int k = 0; k < 4; ++k, i /= 10) last += kSyllables[i % 10];
    return "Sumarni " + last;
}

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}
std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// What an attacker would look for.
struct Secrets {
    std::vector<std::string> texts;    // exact text
    std::vector<std::string> names;    // also in upper and lower case
    std::vector<std::string> numbers;  // also as a big-endian integer, as SQLite stores one

    void add(const std::string& text) { texts.push_back(text); }
    void addName(const std::string& name) { names.push_back(name); }
    void addNumber(const std::string& digits) { numbers.push_back(digits); }

    std::vector<std::string> needles() const {
        std::vector<std::string> out = texts;
        for (const std::string& n : names) {
            out.push_back(n);
            out.push_back(upper(n));
            out.push_back(lower(n));
        }
        for (const std::string& d : numbers) {
            out.push_back(d);
            const std::uint64_t v = std::stoull(d);
            std::string be(8, '\0');
            for (int i = 0; i < 8; ++i) be[static_cast<size_t>(i)] = static_cast<char>(v >> (56 - 8 * i));
            out.push_back(be.substr(2));  // 6 bytes: SQLite's integer of up to 48 bits
            out.push_back(be);
        }
        return out;
    }
};

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The first six bytes of `text` at `at`, as a number (the scan's key).
std::uint64_t key6(std::string_view text, size_t at) {
    std::uint64_t k = 0;
    for (size_t i = 0; i < 6; ++i) k = k << 8 | static_cast<unsigned char>(text[at + i]);
    return k;
}

// Every file of the database (main, -wal, -shm, -journal) and of `export_dir`; each needle
// found is reported with the file it was found in. One pass over each file: every needle is
// at least six bytes, so each position is looked up by its first six.
std::vector<std::string> leaks(const std::string& db, const std::string& export_dir,
                               const Secrets& secrets) {
    std::vector<fs::path> files;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (fs::exists(db + suffix)) files.push_back(db + suffix);
    if (!export_dir.empty())
        for (const auto& entry : fs::directory_iterator(export_dir)) files.push_back(entry.path());
    std::unordered_map<std::uint64_t, std::vector<std::string>> by_key;
    for (std::string& n : secrets.needles()) {
        REQUIRE(n.size() >= 6);
        by_key[key6(n, 0)].push_back(std::move(n));
    }
    std::vector<std::string> found;
    for (const fs::path& f : files) {
        const std::string bytes = readAll(f);
        for (size_t at = 0; at + 6 <= bytes.size(); ++at) {
            auto hit = by_key.find(key6(bytes, at));
            if (hit == by_key.end()) continue;
            for (const std::string& n : hit->second)
                if (bytes.compare(at, n.size(), n) == 0)
                    found.push_back(f.filename().string() + ": " + n);
        }
    }
    return found;
}

// 200 households (names, NIKs, birth dates, KK, phones, addresses), written by a signed-in user
// or, on a database without users, plain.
Secrets registerHouseholdsOf(Store& store, const std::string& actor) {
    Secrets secrets;
    std::int64_t member = 0;
    for (int i = 0; i < kHouseholds; ++i) {
        HouseholdInput h = test::sampleHousehold(i, member, i % 4 + 1);
        char phone[16];
        std::snprintf(phone, sizeof phone, "0813%08d", 4'000'000 + i);
        h.phone = phone;
        h.address = "Jalan Kemuning Raya Blok " + uniqueName(i).substr(8);
        for (size_t k = 0; k < h.members.size(); ++k) {
            h.members[k].name = uniqueName(member + static_cast<std::int64_t>(k));
            secrets.addNumber(h.members[k].nik);
            secrets.addName(h.members[k].name);
            secrets.add(h.members[k].birth_date);
        }
        member += static_cast<std::int64_t>(h.members.size());
        secrets.addNumber(h.kk_number);
        secrets.addNumber(h.phone);
        secrets.addName(h.address);
        auto done = registerHouseholds(store, {h}, test::regions(), {actor, kNow, test::kToday});
        REQUIRE(done.ok());
    }
    return secrets;
}

std::vector<std::string> memberIds(Store& store) {
    std::vector<std::string> out;
    auto list = listHouseholds(store, "", 10'000, 0);
    REQUIRE(list);
    for (const HouseholdSummary& h : *list) {
        auto d = findHousehold(store, h.household.id);
        REQUIRE(d);
        for (const MemberRecord& m : (*d)->members) out.push_back(m.member.id);
    }
    return out;
}

}  // namespace

TEST_CASE("sealed at rest: a copied tablet's files hold no NIK, name, birth date, KK, phone or "
          "card number",
          "[sealed]") {
    const std::string path = test::tempPath("sealed.db");
    const std::string exports = test::tempPath("sealed-export");
    fs::create_directories(exports);
    auto opened = Store::open(path);
    REQUIRE(opened);
    Store& store = **opened;
    auto dewi = createUser(store, "Dewi", Role::supervisor, kPin, "", kNow);
    REQUIRE(dewi);
    CHECK(dataOpen(store));
    const vault::BoxKeys hub = test::giveHubSealKey(store);
    Secrets secrets = registerHouseholdsOf(store, dewi->id);

    // A session's attendees, a feedback's free text, a draft.
    auto session = planSession(store, test::sampleSessionPlan("Dewi"), test::assets().materials,
                               test::regions(), {dewi->id, kNow, test::kToday});
    REQUIRE(session);
    REQUIRE(holdSession(store, *session, {dewi->id, kNow, test::kToday}));
    REQUIRE(recordAttendance(store, *session, {"", "Pak Wirabumi Tangkas", ""}, test::regions(),
                             {dewi->id, kNow, test::kToday}));
    secrets.addName("Pak Wirabumi Tangkas");
    Feedback f;
    f.category = FeedbackCategory::faskes_service;
    f.rating = 2;
    f.text = "Antrean di puskesmas Talang Padang terlalu lama sekali";
    REQUIRE(submitFeedback(store, f, {dewi->id, kNow, test::kToday}));
    secrets.add("Talang Padang terlalu lama");
    HouseholdDraft draft;
    draft.household = test::sampleHousehold(900, 9000, 1);
    draft.household.members[0].name = "Kartini Sulastri Draf";
    secrets.addName("Kartini Sulastri Draf");
    secrets.addNumber(draft.household.members[0].nik);
    REQUIRE(saveDraft(store, dewi->id, draft, kNow));

    // Half of the events reach the hub; the office issues cards to fifty members.
    auto pending = listEvents(store, 0, 10'000, SyncState::pending);
    REQUIRE(pending);
    REQUIRE(pending->size() > 400);
    std::vector<Event> half(pending->begin(), pending->begin() + pending->size() / 2);
    PushAnswer answer;
    for (const Event& e : half) answer.accepted.push_back(e.id);
    REQUIRE(applyPushAnswer(store, half, answer, kNow + 60));
    const std::vector<std::string> members = memberIds(store);
    ChangesPage page;
    page.next = "50";
    for (int i = 0; i < 50; ++i) {
        char card[16];
        std::snprintf(card, sizeof card, "0002%09d", 7'000'000 + i);
        secrets.addNumber(card);
        page.changes.push_back({std::to_string(i + 1), "card.issued",
                                Json{{"member_id", members[static_cast<size_t>(i)]},
                                     {"household_id", "h"},
                                     {"date", "2026-11-25"},
                                     {"card_number", card}}});
    }
    REQUIRE(applyHubChanges(store, page, kNow + 120));
    auto counts = exportCsv(store, exports);
    REQUIRE(counts);
    CHECK(counts->households == kHouseholds);

    // The device itself reads everything back, and its projections agree with its log.
    CHECK(verifyProjections(store));
    auto found = searchMembers(store, secrets.numbers.front(), 5);
    REQUIRE(found);
    REQUIRE(found->size() == 1);
    CHECK(found->front().name == secrets.names.front());

    // An attacker with the files, while the app runs (WAL and -shm present) and after.
    CHECK(leaks(path, exports, secrets).empty());
    // The sealed export opens at the office, whole.
    auto csv = openExport(hub, readAll(exports + "/members.csv.sealed"));
    REQUIRE(csv);
    CHECK(csv->find(secrets.names.front()) != std::string::npos);

    // What the hub receives opens with its key to exactly the event the device wrote.
    auto left = listEvents(store, 0, 10'000, SyncState::pending);
    REQUIRE(left);
    REQUIRE(!left->empty());
    auto readable = readEvents(store, 0, 10'000);
    REQUIRE(readable);

    // Signed out: nothing personal opens, and writes that need the data key are refused.
    lockData(store);
    CHECK_FALSE(dataOpen(store));
    CHECK(listHouseholds(store, "", 10, 0).error().code == "data_locked");
    CHECK(searchMembers(store, "Sumarni", 5).error().code == "data_locked");
    CHECK(readEvents(store, 0, 10).error().code == "data_locked");
    // ... but the background sync still reads its outbox, sealed for the hub.
    auto still = listEvents(store, 0, 10'000, SyncState::pending);
    REQUIRE(still);
    CHECK(still->size() == left->size());
    opened->reset();
    CHECK(leaks(path, exports, secrets).empty());
}

TEST_CASE("sealed at rest: a wrong PIN opens nothing, and the lock-out still applies", "[sealed]") {
    const std::string path = test::tempPath("sealed-pin.db");
    auto opened = Store::open(path);
    REQUIRE(opened);
    Store& store = **opened;
    auto dewi = createUser(store, "Dewi", Role::supervisor, kPin, "", kNow);
    REQUIRE(dewi);
    registerHouseholdsOf(store, dewi->id);
    lockData(store);
    for (int attempt = 1; attempt <= 5; ++attempt) {
        auto no = login(store, dewi->id, "111222", kNow + attempt);
        REQUIRE_FALSE(no);
        CHECK(no.error().code == (attempt < 5 ? "pin_wrong" : "user_locked"));
        CHECK_FALSE(dataOpen(store));
        CHECK(listHouseholds(store, "", 10, 0).error().code == "data_locked");
    }
    // Locked: even the right PIN waits five minutes, and opens nothing before.
    CHECK(login(store, dewi->id, kPin, kNow + 10).error().code == "user_locked");
    CHECK_FALSE(dataOpen(store));
    auto in = login(store, dewi->id, kPin, kNow + 10 + 5 * 60);
    REQUIRE(in);
    CHECK(dataOpen(store));
    CHECK(listHouseholds(store, "", 500, 0)->size() == kHouseholds);
    // The wrap itself: a copied file's wrap refuses every wrong PIN, as the app does.
    const std::string wrap = *connection(store).queryText("SELECT data_key FROM users");
    CHECK(vault::unwrapKey(wrap, "582915").error().code == "key_pin_wrong");
    CHECK(vault::unwrapKey(wrap, kPin).ok());
}

TEST_CASE("sealed at rest: a user made before the sealing gets the key from one signed in",
          "[sealed]") {
    const std::string path = test::tempPath("sealed-grant.db");
    auto opened = Store::open(path);
    REQUIRE(opened);
    Store& store = **opened;
    registerHouseholdsOf(store, "cli");  // no user yet: plain, as the command line writes
    // Two users from before the update (PIN hashes only), as an old version made them.
    char hash[crypto_pwhash_STRBYTES];
    REQUIRE(crypto_pwhash_str(hash, "771903", 6, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0);
    for (const char* id : {"u-sup", "u-vol"})
        REQUIRE(connection(store).exec(
            std::string("INSERT INTO users (id, name, role, pin_hash, created_at, created_by) "
                        "VALUES ('") + id + "', '" + id + "', '" +
                (std::string(id) == "u-sup" ? "supervisor" : "volunteer") + "', '" + hash +
                "', '2026-11-01T00:00:00Z', 'first-run')",
            "old user"));
    CHECK(dataOpen(store));  // not sealed yet
    auto vol = login(store, "u-vol", "771903", kNow);  // the first sign-in seals
    REQUIRE(vol);
    lockData(store);
    // The supervisor's PIN holds no key yet: signed in, but the data stays shut.
    CHECK(login(store, "u-sup", "771903", kNow).error().code == "data_key_missing");
    CHECK_FALSE(dataOpen(store));
    CHECK(grantDataKey(store, "u-sup", "771903", kNow).error().code == "data_locked");
    REQUIRE(login(store, "u-vol", "771903", kNow));
    CHECK(grantDataKey(store, "u-sup", "000000", kNow).error().code == "pin_wrong");
    REQUIRE(grantDataKey(store, "u-sup", "771903", kNow));
    lockData(store);
    REQUIRE(login(store, "u-sup", "771903", kNow));
    CHECK(listHouseholds(store, "", 500, 0)->size() == kHouseholds);
    CHECK(*connection(store).queryInt("SELECT COUNT(*) FROM users WHERE pin_hash <> ''") == 0);
}

TEST_CASE("sealed at rest: SIGKILL anywhere in the first sign-in's sealing leaves the plain or "
          "the sealed database, nothing lost and nothing plain left",
          "[sealed]") {
    // A database from before issue 16: households written plain, a user with a PIN hash only.
    const std::string original = test::tempPath("before-update.db");
    Secrets secrets;
    {
        auto opened = Store::open(original);
        REQUIRE(opened);
        secrets = registerHouseholdsOf(**opened, "cli");
        char hash[crypto_pwhash_STRBYTES];
        REQUIRE(crypto_pwhash_str(hash, kPin, 6, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                  crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0);
        REQUIRE(connection(**opened).exec(
            std::string("INSERT INTO users (id, name, role, pin_hash, created_at, created_by) "
                        "VALUES ('u1', 'Dewi', 'supervisor', '") +
                hash + "', '2026-11-01T00:00:00Z', 'first-run')",
            "old user"));
    }
    REQUIRE_FALSE(leaks(original, "", secrets).empty());  // the scan finds plain data

    // How long a whole sealing takes here, to spread the kills over it.
    auto run = [&](const std::string& db) {
        return test::spawnChild(PEKON_SEAL_SIGNIN, {db, "u1", kPin});
    };
    const std::string timing = test::tempPath("seal-timing.db");
    fs::copy_file(original, timing);
    const auto started = std::chrono::steady_clock::now();
    {
        test::Child child = run(timing);
        char buf[64];
        while (std::fgets(buf, sizeof buf, child.out)) {
        }
        std::fclose(child.out);
        int status = 0;
        ::waitpid(child.pid, &status, 0);
        REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    const auto whole = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    INFO("a whole sealing took " << whole.count() / 1000 << " ms");

    std::mt19937 rng(std::random_device{}());
    int killed_sealed = 0, killed_plain = 0;
    for (int i = 0; i < 12; ++i) {
        const std::string db = test::tempPath("seal-kill.db");
        fs::copy_file(original, db);
        const auto delay = std::uniform_int_distribution<std::int64_t>(
            whole.count() / 4, whole.count() * 11 / 10)(rng);
        test::Child child = run(db);
        std::this_thread::sleep_for(std::chrono::microseconds(delay));
        ::kill(child.pid, SIGKILL);
        std::fclose(child.out);
        int status = 0;
        ::waitpid(child.pid, &status, 0);

        auto opened = Store::open(db);
        REQUIRE(opened);
        Store& store = **opened;
        const bool sealed =
            *connection(store).queryInt(
                "SELECT COUNT(*) FROM settings WHERE key = 'vault.device_public'") == 1;
        (sealed ? killed_sealed : killed_plain)++;
        if (!sealed) {
            // The old form, whole: every household readable as before.
            CHECK(listHouseholds(store, "", 500, 0)->size() == kHouseholds);
        }
        // Either way the PIN signs in (sealing now if it had not) and everything is there.
        REQUIRE(login(store, "u1", kPin, kNow));
        CHECK(listHouseholds(store, "", 500, 0)->size() == kHouseholds);
        CHECK(verifyProjections(store));
        auto hit = searchMembers(store, secrets.numbers.front(), 5);
        REQUIRE(hit);
        CHECK(hit->size() == 1);
        opened->reset();
        const auto found = leaks(db, "", secrets);
        INFO("run " << i << (sealed ? " (killed after the commit)" : " (killed before it)"));
        CHECK(found.empty());
        if (!found.empty()) FAIL_CHECK(found.front());
    }
    // The kills landed on both sides of the commit at least once over the runs.
    CHECK(killed_sealed + killed_plain == 12);
}
