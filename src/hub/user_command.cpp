#include "hub/user_command.hpp"

#include <termios.h>
#include <unistd.h>

#include <ostream>

#include "codec/json.hpp"
#include "hub/hub_ops_staff.hpp"
#include "hub/staff_password.hpp"
#include "platform/clock.hpp"

namespace pekon::hub {

namespace {

constexpr int kOk = 0, kFailed = 1;

int fail(std::ostream& err, const Error& e) {
    err << "pekon-hub: " << e.message_en << " [" << e.code << "]\n";
    return kFailed;
}

// Echo off on a terminal for as long as this lives.
class NoEcho {
  public:
    explicit NoEcho(int fd) : fd_(fd) {
        if (!::isatty(fd_) || ::tcgetattr(fd_, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = ::tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
    }
    ~NoEcho() {
        if (active_) ::tcsetattr(fd_, TCSAFLUSH, &saved_);
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;
    bool active() const { return active_; }

  private:
    int fd_;
    termios saved_{};
    bool active_ = false;
};

// One line of `in` (its end and a trailing CR dropped), read no further than one byte past
// the longest password allowed (checkPassword then refuses it).
Result<std::string> readPassword(std::FILE* in, std::ostream& err) {
    std::string line;
    {
        NoEcho quiet(::fileno(in));
        if (quiet.active()) err << "Kata sandi / Password: " << std::flush;
        for (int c; line.size() <= kMaxPassword && (c = std::fgetc(in)) != EOF && c != '\n';)
            line.push_back(static_cast<char>(c));
        if (quiet.active()) err << "\n";
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty())
        return Error{"password_missing",
                     "Kata sandi dibaca dari masukan standar (satu baris), dan kosong.",
                     "The password is read from standard input (one line), and it was empty."};
    return line;
}

OrderedJson accountJson(const StaffAccount& a) {
    return OrderedJson{
        {"id", a.id},
        {"username", a.username},
        {"name", a.display_name},
        {"role", std::string(staffRoleCode(a.role))},
        {"created_at", a.created_at},
        {"disabled", a.disabled_at.has_value()},
        {"failed_sign_ins", a.failed_sign_ins},
        {"locked_until", a.locked_until ? OrderedJson(*a.locked_until) : OrderedJson(nullptr)}};
}

Result<StaffAccount> accountNamed(HubDb& db, const std::string& username) {
    auto found = findStaffByName(db, username);
    if (!found) return found.error();
    if (!*found) return unknownStaff();
    return **found;
}

}  // namespace

int runUserCommand(HubStore& store, const UserCommand& command, std::FILE* in,
                   std::ostream& out, std::ostream& err,
                   const std::function<int(const std::string&)>& usage) {
    const std::vector<std::string>& words = command.words;
    if (words.size() < 2) return usage("user");
    if (command.password_option)
        return usage("--password (the password is read from standard input, never from the "
                     "command line)");
    const std::string& verb = words[1];
    HubDb& db = store.db();
    const UnixSeconds now = platform::nowSeconds();

    if (verb == "list" && words.size() == 2) {
        auto staff = listStaff(db);
        if (!staff) return fail(err, staff.error());
        for (const StaffAccount& a : *staff) out << dumpJson(accountJson(a)) << "\n";
        return kOk;
    }
    std::string username = words.size() == 3 ? words[2] : command.option("username");
    if (username.empty() || words.size() > 3) return usage("user " + verb + " USERNAME");

    if (verb == "add") {
        const std::string name = command.option("name");
        auto role = parseStaffRole(command.option("role"));
        if (name.empty()) return usage("--name");
        if (!role) return usage("--role admin|verifier|viewer");
        auto password = readPassword(in, err);
        if (!password) return fail(err, password.error());
        auto added = addStaff(db, username, name, *role, *password, "", now);
        if (!added) return fail(err, added.error());
        out << dumpJson(accountJson(*added)) << "\n";
        return kOk;
    }
    if (verb != "passwd" && verb != "unlock" && verb != "disable" && verb != "enable" &&
        verb != "role")
        return usage("user " + verb);
    std::optional<StaffRole> role;
    if (verb == "role" && !(role = parseStaffRole(command.option("role"))))
        return usage("--role admin|verifier|viewer");
    auto account = accountNamed(db, username);
    if (!account) return fail(err, account.error());
    Status done;
    if (verb == "passwd") {
        auto password = readPassword(in, err);
        if (!password) return fail(err, password.error());
        done = setStaffPassword(db, account->id, *password, "", now);
    } else if (verb == "unlock") {
        done = unlockStaff(db, account->id, "", now);
    } else if (verb == "role") {
        done = setStaffRole(db, account->id, *role, "", now);
    } else {
        done = setStaffDisabled(db, account->id, verb == "disable", "", now);
    }
    if (!done) return fail(err, done.error());
    return kOk;
}

}  // namespace pekon::hub
