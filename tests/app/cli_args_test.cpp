// The command line's split (app/cli_args, CLI11 underneath) without starting a process: the
// rules the CLI tests rely on, each on its own.
#include "app/cli_args.hpp"

#include <catch2/catch.hpp>

using namespace pekon::cli;

namespace {

Args split(const std::vector<std::string>& words) {
    return parseArgs(words, {"db", "csv", "sex", "limit"}, {"help", "demo"});
}

}  // namespace

TEST_CASE("cli args: options anywhere, in both spellings, the last one counting") {
    const Args a = split({"list", "--db", "x.db", "--limit=5", "more", "--demo", "--db", "y.db"});
    CHECK(a.problem.empty());
    CHECK(a.positional == std::vector<std::string>{"list", "more"});
    CHECK(a.option("db") == "y.db");
    CHECK(a.option("limit") == "5");
    CHECK(a.flag("demo"));
    CHECK_FALSE(a.flag("help"));
    CHECK_FALSE(a.option("csv"));
}

TEST_CASE("cli args: words that are not options stay positional") {
    const Args a = split({"-123", "-abc", "-", "a=b", "--", "--db", "--frobnicate", "--"});
    CHECK(a.problem.empty());
    CHECK(a.positional ==
          std::vector<std::string>{"-123", "-abc", "-", "a=b", "--db", "--frobnicate", "--"});
    CHECK_FALSE(a.option("db"));
    // A value may start with one dash.
    CHECK(split({"--limit", "-1"}).option("limit") == "-1");
}

TEST_CASE("cli args: an empty value is a value") {
    const Args a = split({"nik", "--sex="});
    CHECK(a.problem.empty());
    CHECK(a.option("sex") == "");
    CHECK(split({"--sex", ""}).option("sex") == "");
}

TEST_CASE("cli args: the first wrong option is the problem") {
    CHECK(split({"x", "--frobnicate"}).problem == "--frobnicate");
    CHECK(split({"--frobnicate=1", "x"}).problem == "--frobnicate");
    CHECK(split({"x", "--csv"}).problem == "--csv");             // no value at the end
    CHECK(split({"--csv", "--db", "x.db"}).problem == "--csv");  // a value is never "--..."
    CHECK(split({"--csv", "--"}).problem == "--csv");
    CHECK(split({"--help=1"}).problem == "--help");  // a switch takes no value
    CHECK(split({"--help="}).problem == "--help");
    CHECK(split({"--bogus", "--csv"}).problem == "--bogus");
    CHECK(split({"--csv", "--db", "--bogus"}).problem == "--csv");
    CHECK(split({"--\xFF"}).problem == "--\xFF");
    const std::string long_name = "--" + std::string(10 * 1024, 'o');
    CHECK(split({"x", long_name}).problem == long_name);
}
