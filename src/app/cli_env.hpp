#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "app/cli_args.hpp"
#include "codec/assets.hpp"
#include "core/clock_check.hpp"
#include "core/error.hpp"
#include "platform/clock.hpp"
#include "store/store.hpp"

namespace pekon::cli {

enum class Format { text, json };

// Exit codes of the command line.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // invalid input, refused, or a storage failure
inline constexpr int kExitUsage = 2;   // the command line itself is wrong

// What every command shares: language, output format, the assets, the database. Assets and
// database are loaded on first use, so `pekon nik` never touches a database.
class CliEnv {
  public:
    CliEnv(std::ostream& out, std::ostream& err, Lang lang, Format format, std::string db_path);

    Lang lang() const { return lang_; }
    Format format() const { return format_; }
    std::ostream& out() { return out_; }

    Result<const Assets*> assets();
    // For commands that write: opens (creating the folder 0700 and the file 0600) and migrates.
    Result<Store*> store();
    // For commands that only read: a missing database is `no_database`, and nothing (file,
    // -wal/-shm, folder) is created. In text format, why saving is off (a read-only file,
    // folder or filesystem) is said on stderr.
    Result<Store*> existingStore();

    std::string text(std::string_view key) const;
    std::string text(std::string_view key,
                     const std::vector<std::pair<std::string, std::string>>& args) const;

    // Prints "pekon: <message> [code]" on stderr in the chosen language; returns kExitFailed.
    // With --format json, prints {"error":{"code","message"}} on stdout instead (one line).
    int fail(const Error& error);
    // The usage text on stderr, or with --format json an error with code "usage" on stdout;
    // returns kExitUsage.
    int usage(const std::string& detail);

    // The device clock judged with what the database knows (store/clock_state) once it is
    // open; before that, against this build's date only (core/clock_check).
    ClockVerdict clock() const;
    // "Today" for every check: the local date of the best time the device knows
    // (clock().best_now), never of an implausible clock.
    Date today() const;
    // When the clock is wrong, says so on stderr in plain words with how to fix it.
    void warnIfClockWrong();

    // actor "cli" (or the signed-in user's id), the device clock, today()
    WriteContext writeContext() const;

    // Signs in as the user of that name when the database is opened (their PIN from
    // PEKON_PIN, else the first line of standard input), so the data key opens a sealed
    // device's personal data for this command; a wrong PIN counts towards the lock-out.
    void signInAs(std::string user_name) { sign_in_as_ = std::move(user_name); }

  private:
    Result<Store*> openStore(Store::OpenMode mode);
    Status signIn(Store& store);
    void printJsonError(std::string_view code, const std::string& message);

    std::ostream& out_;
    std::ostream& err_;
    Lang lang_;
    Format format_;
    std::string db_path_;
    std::string sign_in_as_;
    std::string actor_ = "cli";
    std::optional<Assets> assets_;
    std::unique_ptr<Store> store_;
};

// The current Unix time and the local calendar date.
using platform::localToday;
using platform::nowSeconds;

}  // namespace pekon::cli
