// `pekon complaint send` and `pekon complaint status`: the kiosk's feedback form and its
// "check a complaint", through the real binary.
#include <catch2/catch.hpp>
#include <string>

#include "app/run_cli.hpp"
#include "codec/json.hpp"
#include "core/complaint.hpp"
#include "store/event_log.hpp"
#include "support/fixtures.hpp"

using namespace pekon;
using namespace pekon::test;

TEST_CASE("cli complaint: a complaint gets its ticket, the kiosk reads where it stands",
          "[complaint_cli]") {
    const std::string db = emptyDb();
    const CliRun sent = runCli({"complaint", "send", "--db", db, "--category", "faskes_service",
                                "--rating", "4", "--complaint", "--text", "Obat habis",
                                "--phone", "0812 3456 7890"});
    const Json answer = singleJson(sent);
    REQUIRE(sent.exit_code == 0);
    const std::string ticket = answer["ticket"].get<std::string>();
    REQUIRE(parseTicketNumber(ticket));
    CHECK(sent.out.find("+62812") == std::string::npos);  // the phone is not echoed

    const CliRun praise = runCli({"complaint", "send", "--db", db, "--category", "other",
                                  "--rating", "5"});
    CHECK(singleJson(praise)["ticket"].is_null());

    // Typed loosely.
    std::string loose = ticket.substr(3);
    for (char& c : loose) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const Json open = singleJson(runCli({"complaint", "status", loose, "--db", db}));
    CHECK(open["found"] == true);
    CHECK(open["ticket"] == ticket);
    CHECK(open["state"] == "open");
    CHECK(open["answer"] == "");
    const Json other = singleJson(runCli({"complaint", "status", ticketNumber("x"), "--db", db}));
    CHECK(other["found"] == false);

    // Typed errors in both languages, exit 1; usage errors exit 2; nothing saved by them.
    const CliRun wrong = runCli({"complaint", "status", "PK-0000-0000-0001", "--db", db});
    CHECK(wrong.exit_code == 1);
    CHECK(wrong.err.find("ticket_check") != std::string::npos);
    const CliRun wrong_en =
        runCli({"complaint", "status", "PK-!", "--db", db, "--lang", "en"});
    CHECK(wrong_en.exit_code == 1);
    CHECK(wrong_en.err.find("letters and digits") != std::string::npos);
    const CliRun bad_phone = runCli({"complaint", "send", "--db", db, "--category", "card",
                                     "--rating", "1", "--phone", "12"});
    CHECK(bad_phone.exit_code == 1);
    for (const std::vector<std::string>& usage :
         {std::vector<std::string>{"complaint", "send", "--db", db, "--rating", "1"},
          {"complaint", "send", "--db", db, "--category", "card", "--rating", "6"},
          {"complaint", "send", "--db", db, "--category", "food", "--rating", "1"},
          {"complaint", "status", "--db", db},
          {"complaint", "--db", db}}) {
        const CliRun run = runCli(usage);
        INFO(run.describe());
        CHECK(run.exit_code == 2);
    }
    auto store = Store::open(db);
    REQUIRE(store);
    CHECK(listEvents(**store, 0, 10).value().size() == 2);
}
