#pragma once

// For the office console's HTTP tests: pekon-hub `serve` as a real process on loopback with
// its stdout and stderr kept in a file (to prove nothing personal reaches them), and a small
// browser over cpp-httplib that keeps cookies, sends forms with their CSRF token and the
// Origin a browser would, and reads back pages. Free of Catch: failures throw.
#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "hub/hub_store.hpp"
#include "hub/office_staff.hpp"
#include "support/fixtures.hpp"
#include "support/running_hub.hpp"

namespace pekon::test {

inline std::int64_t webNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// pekon-hub serve on 127.0.0.1 and a port the kernel picks; everything it prints in `log()`.
class LoggedHub {
  public:
    explicit LoggedHub(const std::string& db, std::vector<std::string> extra = {}) {
        log_path_ = tempPath("hub.log");
        std::vector<std::string> args{"serve", "--listen", "127.0.0.1:0", "--db",
                                      hubDbArgument(db)};
        for (auto& a : extra) args.push_back(std::move(a));
        pid_ = ::fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            const int fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            ::dup2(fd, STDOUT_FILENO);
            ::dup2(fd, STDERR_FILENO);
            std::vector<char*> argv{const_cast<char*>(PEKON_HUB)};
            for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execv(PEKON_HUB, argv.data());
            ::_exit(127);
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (std::chrono::steady_clock::now() < deadline) {
            const std::string text = log();
            const auto at = text.find("listening on 127.0.0.1:");
            if (at != std::string::npos && text.find('\n', at) != std::string::npos) {
                port_ = std::stoi(text.substr(at + 23));
                return;
            }
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                throw std::runtime_error("pekon-hub exited: " + text);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        throw std::runtime_error("pekon-hub did not start");
    }
    ~LoggedHub() {
        if (pid_ > 0) stop();
    }
    LoggedHub(const LoggedHub&) = delete;
    LoggedHub& operator=(const LoggedHub&) = delete;

    int port() const { return port_; }
    std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::string log() const {
        std::ifstream in(log_path_, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
    int stop() {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

  private:
    std::string log_path_;
    pid_t pid_ = -1;
    int port_ = 0;
};

// A staff account made straight in the store (as `pekon-hub user add` does).
inline void addStaffMember(const std::string& db, const std::string& username,
                           const std::string& display_name, hub::StaffRole role,
                           const std::string& password) {
    auto store = hub::openHubStore(db);
    if (!store) throw std::runtime_error(store.error().message_en);
    auto added =
        hub::addStaff((*store)->db(), username, display_name, role, password, "", webNow());
    if (!added) throw std::runtime_error(added.error().message_en);
}

// The console tests' team: one account of each role, made by addTeam (or one by one with
// addStaffMember) and signed in with by Browser(hub, who).
struct StaffLogin {
    const char* username;
    const char* display_name;
    hub::StaffRole role;
    const char* password;
};
inline constexpr StaffLogin kAdmin{"admin", "Ani Admin", hub::StaffRole::admin, "admin-pass-2026"};
inline constexpr StaffLogin kVerifier{"verifier", "Vera Verifikator", hub::StaffRole::verifier,
                                      "verifier-pass-2026"};
inline constexpr StaffLogin kViewer{"viewer", "Vino Viewer", hub::StaffRole::viewer,
                                    "viewer-pass-2026"};

inline void addStaffMember(const std::string& db, const StaffLogin& who) {
    addStaffMember(db, who.username, who.display_name, who.role, who.password);
}

// kAdmin, kVerifier and kViewer in the store `db`.
inline void addTeam(const std::string& db) {
    for (const StaffLogin& who : {kAdmin, kVerifier, kViewer}) addStaffMember(db, who);
}

// The value of the first `name="NAME" value="..."` of a page (a hidden field), "" if none.
inline std::string fieldValue(const std::string& html, const std::string& name) {
    const std::string marker = "name=\"" + name + "\" value=\"";
    const auto at = html.find(marker);
    if (at == std::string::npos) return "";
    const auto start = at + marker.size();
    return html.substr(start, html.find('"', start) - start);
}

struct Page {
    int status = 0;
    std::string body;
    httplib::Headers headers;
    std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? "" : it->second;
    }
    std::vector<std::string> cookiesSet() const {
        std::vector<std::string> out;
        auto range = headers.equal_range("Set-Cookie");
        for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
        return out;
    }
    std::string location() const { return header("Location"); }
};

class Browser {
  public:
    explicit Browser(const LoggedHub& hub) : hub_(hub), client_("127.0.0.1", hub.port()) {
        client_.set_decompress(false);
        client_.set_read_timeout(60, 0);
    }
    // Signed in as `who` through the form; throws when the console refuses. Open a page of
    // the session (get) before posting: its CSRF token is the session's.
    Browser(const LoggedHub& hub, const StaffLogin& who) : Browser(hub) {
        const Page answer = signIn(who);
        if (answer.status != 303)
            throw std::runtime_error(std::string("signing in as ") + who.username + " answered " +
                                     std::to_string(answer.status));
    }

    std::map<std::string, std::string> cookies;  // name -> value
    std::string origin_override;                 // sent as Origin instead of the hub's own
    bool send_origin = true;
    httplib::Headers extra;  // more headers for every request

    Page get(const std::string& target) { return keep(client_.Get(target, headers())); }

    // A url-encoded POST; `csrf` added from the last page seen unless the fields have one.
    Page post(const std::string& path, httplib::Params fields, bool with_csrf = true) {
        if (with_csrf && !fields.count("csrf")) fields.emplace("csrf", csrf);
        std::string body;
        for (const auto& [name, value] : fields) {
            if (!body.empty()) body += '&';
            body += httplib::detail::encode_query_param(name) + "=" +
                    httplib::detail::encode_query_param(value);
        }
        return postRaw(path, body, "application/x-www-form-urlencoded");
    }
    Page postRaw(const std::string& path, const std::string& body, const std::string& type) {
        return keep(client_.Post(path, headers(), body, type));
    }

    // Signs in through the form; the final answer (303 on success).
    Page signIn(const std::string& username, const std::string& password) {
        get("/office/sign-in");
        return post("/office/sign-in", {{"username", username}, {"password", password}});
    }
    Page signIn(const StaffLogin& who) { return signIn(who.username, who.password); }

    std::string csrf;  // the CSRF field of the last page that had one

  private:
    httplib::Headers headers() const {
        httplib::Headers h = extra;
        std::string jar;
        for (const auto& [name, value] : cookies)
            jar += (jar.empty() ? "" : "; ") + name + "=" + value;
        if (!jar.empty()) h.emplace("Cookie", jar);
        if (send_origin)
            h.emplace("Origin", origin_override.empty() ? hub_.origin() : origin_override);
        return h;
    }
    Page keep(const httplib::Result& res) {
        if (!res) throw std::runtime_error("no answer from pekon-hub");
        Page page{res->status, res->body, res->headers};
        for (const std::string& set : page.cookiesSet()) {
            const auto eq = set.find('=');
            const auto end = set.find(';');
            const std::string name = set.substr(0, eq);
            const std::string value = set.substr(eq + 1, end - eq - 1);
            if (set.find("Max-Age=0") != std::string::npos || value.empty())
                cookies.erase(name);
            else
                cookies[name] = value;
        }
        if (const std::string token = fieldValue(page.body, "csrf"); !token.empty()) csrf = token;
        return page;
    }

    const LoggedHub& hub_;
    httplib::Client client_;
};

}  // namespace pekon::test
