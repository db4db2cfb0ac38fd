// pekon-hub: the district office's server for Pekon devices (sync protocol version 1).
//   pekon-hub serve --listen 127.0.0.1:8080 --db DB [--threads N] [--behind-tls]
//   pekon-hub token create --db DB --hub-url URL [--label TEXT] [--ttl 24h] [--qr FILE.png]
//                          [--kiosk AREA]
//   pekon-hub device list --db DB | pekon-hub device revoke ID --db DB
//   pekon-hub status import --db DB FILE.csv
//   pekon-hub population import --db DB FILE.csv
//   pekon-hub stats --db DB
//   pekon-hub user add|list|passwd|unlock|disable|enable|role ... --db DB (hub/user_command.hpp)
// DB: sqlite:PATH (or a bare PATH), or postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

#include "codec/assets.hpp"
#include "codec/json.hpp"
#include "core/kiosk_area.hpp"
#include "core/number.hpp"
#include "hub/dashboard.hpp"
#include "hub/hub_ops.hpp"
#include "hub/hub_server.hpp"
#include "hub/hub_store.hpp"
#include "hub/user_command.hpp"
#include "hub/web/http_fields.hpp"
#include "hub/office_read.hpp"
#include "hub/office_staff.hpp"
#include "platform/clock.hpp"
#include "platform/paths.hpp"
#include "proto/sealed_export.hpp"
#include "scan/qr_encode.hpp"

using namespace pekon;

namespace {

constexpr int kOk = 0, kFailed = 1, kUsage = 2;

const char* kUsageText =
    "usage:\n"
    "  pekon-hub serve --listen HOST:PORT --db DB [--threads N] [--behind-tls]\n"
    "                  (the office console is at /office/; --behind-tls when a proxy serves\n"
    "                   it over HTTPS: Secure cookies, https origins)\n"
    "  pekon-hub token create --db DB --hub-url URL [--label TEXT] [--ttl 24h] [--qr FILE.png]\n"
    "                         [--kiosk AREA]   (a citizen kiosk for a kecamatan 18.06.01 or the\n"
    "                                           regency 18.06)\n"
    "  pekon-hub device list --db DB\n"
    "  pekon-hub device revoke ID --db DB\n"
    "  pekon-hub status import --db DB FILE.csv   "
    "(nik,birth_date,status,card_number,class,faskes,date)\n"
    "  pekon-hub population import --db DB FILE.csv   (code,population: per kecamatan or pekon,\n"
    "                                              the dashboard's coverage is taken against it)\n"
    "  pekon-hub stats --db DB\n"
    "  pekon-hub user add --db DB --username U --name \"FULL NAME\" --role admin|verifier|viewer\n"
    "  pekon-hub user list --db DB\n"
    "  pekon-hub user passwd|unlock|disable|enable U --db DB\n"
    "  pekon-hub user role U --role admin|verifier|viewer --db DB\n"
    "  (user add and user passwd read the password from standard input, one line)\n"
    "  pekon-hub rebuild --db DB   (the office's read models, again from the event log)\n"
    "  pekon-hub open-export FILE --db DB   (a sealed device export, as CSV on stdout)\n"
    "DB is sqlite:PATH (or a bare PATH) or a PostgreSQL URL,\n"
    "  postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=...] (also postgres://);\n"
    "  the schema is created or migrated when the hub opens it.\n";

int usage(const std::string& detail) {
    std::cerr << "pekon-hub: cannot understand: " << detail << "\n" << kUsageText;
    return kUsage;
}

int fail(const Error& e) {
    std::cerr << "pekon-hub: " << e.message_en << " [" << e.code << "]\n";
    return kFailed;
}

// "24h", "30m", "7d", "90s", "3600": 1 to 999999 of the unit, in seconds.
std::optional<std::int64_t> parseTtl(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::int64_t unit = 1;
    bool suffixed = true;
    switch (text.back()) {
        case 'm':
            unit = 60;
            break;
        case 'h':
            unit = 3600;
            break;
        case 'd':
            unit = 86400;
            break;
        case 's':
            break;
        default:
            suffixed = false;
    }
    if (suffixed) text.remove_suffix(1);
    auto count = parseNumberIn<std::int64_t>(text, 1, 999999);
    if (!count) return std::nullopt;
    return *count * unit;
}

// The command line, split by CLI11: the words (command, verb, ID, FILE) and the options.
struct HubLine {
    std::vector<std::string> words;
    std::map<std::string, std::string> options;
    std::string missing_value;  // the last word, an option without its value
    bool help = false;
    bool behind_tls = false;
};

HubLine splitLine(const std::vector<std::string>& args) {
    CLI::App app{"pekon-hub", "pekon-hub"};
    app.set_help_flag();  // --help is below, to stdout with the usage text
    app.allow_extras();
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    std::map<std::string, CLI::Option*> by_name;
    for (const char* name : {"db", "listen", "threads", "hub-url", "label", "ttl", "qr", "kiosk",
                             "username", "name", "role", "password"})
        by_name[name] = app.add_option(std::string("--") + name);
    const CLI::Option* help = app.add_flag("--help");
    const CLI::Option* behind_tls = app.add_flag("--behind-tls");
    app.add_flag("--password-stdin");  // what `user add` and `user passwd` always do
    HubLine line;
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError&) {
        // The only failure: the last word is an option that wants a value.
        line.missing_value = args.back();
        return line;
    }
    line.help = help->count() > 0;
    line.behind_tls = behind_tls->count() > 0;
    for (const auto& [name, opt] : by_name)
        if (opt->count() > 0) line.options[name] = opt->results().back();
    // An unknown option takes the word after it, as the hub always did, and is ignored.
    const std::vector<std::string> rest = app.remaining();
    for (size_t i = 0; i < rest.size(); ++i) {
        if (rest[i].rfind("--", 0) != 0) {
            line.words.push_back(rest[i]);
        } else if (i + 1 < rest.size()) {
            ++i;
        } else if (rest[i] == args.back()) {
            line.missing_value = rest[i];
        }
    }
    return line;
}

// `--kiosk AREA`: well formed, and a regency or kecamatan of the region tables when Pekon's
// assets are found (without them, well formed is all that can be checked, and stderr says so).
Result<std::string> kioskArea(const std::string& text) {
    auto well_formed = parseKioskArea(text, nullptr);
    if (!well_formed) return well_formed;
    auto dir = platform::findAssetsDir();
    auto regions = dir ? loadRegions(*dir) : Result<RegionTable>(dir.error());
    if (!regions) {
        std::cerr << "pekon-hub: the kiosk area is not checked against the region tables ("
                  << regions.error().message_en << ")\n";
        return well_formed;
    }
    return parseKioskArea(text, &*regions);
}

bool writeQrPng(const std::string& text, const std::string& path) {
    auto qr = encodeQr(text);
    if (!qr) return false;
    constexpr int kScale = 8;
    const int side = qr->size * kScale;
    std::vector<unsigned char> pixels(static_cast<size_t>(side) * static_cast<size_t>(side));
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            pixels[static_cast<size_t>(y * side + x)] = qr->dark(x / kScale, y / kScale) ? 0 : 255;
    return stbi_write_png(path.c_str(), side, side, 1, pixels.data(), side) != 0;
}

}  // namespace

int main(int argc, char** argv) {
    const HubLine line = splitLine(std::vector<std::string>(argv + 1, argv + argc));
    if (!line.missing_value.empty()) return usage(line.missing_value);
    if (line.help) {
        std::cout << kUsageText;
        return kOk;
    }
    const std::vector<std::string>& words = line.words;
    const std::map<std::string, std::string>& options = line.options;
    if (words.empty()) return usage("no command");
    auto option = [&](const std::string& name) {
        auto it = options.find(name);
        return it == options.end() ? std::string() : it->second;
    };
    const std::string db = option("db");
    if (db.empty() || db == "sqlite:") return usage("--db");

    if (words[0] == "serve" && words.size() == 1) {
        hub::ServeOptions o;
        o.db_url = db;
        const std::string listen = option("listen").empty() ? "127.0.0.1:8080" : option("listen");
        const size_t colon = listen.rfind(':');
        if (colon == std::string::npos) return usage("--listen " + listen);
        o.host = listen.substr(0, colon);
        const auto port = parseNumberIn(std::string_view(listen).substr(colon + 1), 0, 65535);
        const auto threads = option("threads").empty() ? std::optional<int>(o.threads)
                                                       : parseNumberIn(option("threads"), 1, 256);
        if (!port || !threads) return usage("--listen/--threads");
        o.port = *port;
        o.threads = *threads;
        o.behind_tls = line.behind_tls;
        if (auto s = hub::serve(o); !s) return fail(s.error());
        return kOk;
    }

    auto store = hub::openHubStore(db);
    if (!store) return fail(store.error());
    if (words[0] == "token" && words.size() == 2 && words[1] == "create") {
        const std::string hub_url = option("hub-url");
        if (hub_url.empty()) return usage("--hub-url");
        std::int64_t ttl = 24 * 3600;
        if (!option("ttl").empty()) {
            auto parsed = parseTtl(option("ttl"));
            if (!parsed) return usage("--ttl " + option("ttl"));
            ttl = *parsed;
        }
        std::string kiosk;
        if (options.count("kiosk")) {
            auto area = kioskArea(option("kiosk"));
            if (!area) return fail(area.error());
            kiosk = *area;
        }
        auto token = (*store)->createToken(option("label"), platform::nowSeconds(), ttl, kiosk);
        if (!token) return fail(token.error());
        const std::string uri = "pekon://enrol?hub=" + hub::web::percentEncode(hub_url) +
                                "&token=" + hub::web::percentEncode(token->token);
        std::cout << token->token << "\n" << uri << "\n";
        if (!option("qr").empty() && !writeQrPng(uri, option("qr")))
            return fail(Error{"qr_failed", "Berkas QR tidak bisa ditulis.",
                              "The QR file could not be written."});
        return kOk;
    }
    if (words[0] == "device" && words.size() == 2 && words[1] == "list") {
        auto devices = (*store)->devices();
        if (!devices) return fail(devices.error());
        for (const auto& d : *devices) {
            std::cout << dumpJson(OrderedJson{
                             {"device_id", d.id},
                             {"name", d.name},
                             {"enrolled_at", d.enrolled_at},
                             {"revoked", d.revoked_at.has_value()},
                             {"kiosk_area", d.kiosk_area.empty() ? OrderedJson(nullptr)
                                                                 : OrderedJson(d.kiosk_area)}})
                      << "\n";
        }
        return kOk;
    }
    if (words[0] == "device" && words.size() == 3 && words[1] == "revoke") {
        if (auto s = (*store)->revoke(words[2], platform::nowSeconds()); !s) return fail(s.error());
        return kOk;
    }
    if (words[0] == "status" && words.size() == 3 && words[1] == "import") {
        std::ifstream in(words[2], std::ios::binary);
        if (!in)
            return fail(
                Error{"file_unreadable", "Berkas tidak bisa dibaca.", "The file cannot be read."});
        std::ostringstream text;
        text << in.rdbuf();
        auto parsed = parseStatusCsv(text.str());
        if (!parsed) return fail(parsed.error());
        for (const auto& [line, problem] : parsed->problems)
            std::cerr << words[2] << ":" << line << ": " << problem.message_en << " ["
                      << problem.code << "]\n";
        auto summary = (*store)->importStatuses(parsed->rows, platform::nowSeconds());
        if (!summary) return fail(summary.error());
        // The kiosks' table follows before the command ends (with whatever else was queued).
        auto kiosks = hub::drainKioskQueue((*store)->db(), platform::nowSeconds());
        if (!kiosks) return fail(kiosks.error());
        if (kiosks->dropped)
            std::cerr << kiosks->dropped << " rows not applied to the kiosks' table: their "
                      << "kiosk lookups failed [kiosk_lookup_failed]\n";
        // A running pekon-hub drains the same queue: what this command applied itself
        // (kiosk_entries, kiosk_changes) can be less than it queued; kiosk_queue_empty says
        // the kiosks' table has followed all the same.
        std::cout << dumpJson(OrderedJson{{"imported", summary->imported},
                                          {"bad_rows", parsed->problems.size()},
                                          {"changes", summary->changes},
                                          {"unmatched", summary->unmatched},
                                          {"kiosk_queued", summary->kiosk_queued},
                                          {"kiosk_entries", kiosks->entries},
                                          {"kiosk_changes", kiosks->changes},
                                          {"kiosk_queue_empty", !kiosks->more}})
                  << "\n";
        return parsed->problems.empty() ? kOk : kFailed;
    }
    if (words[0] == "population" && words.size() == 3 && words[1] == "import") {
        auto text = readFile(words[2]);
        if (!text) return fail(text.error());
        auto parsed = parsePopulationCsv(*text);
        if (!parsed) return fail(parsed.error());
        for (const auto& [line, problem] : parsed->problems)
            std::cerr << words[2] << ":" << line << ": " << problem.message_en << " ["
                      << problem.code << "]\n";
        if (auto s = hub::importPopulation((*store)->db(), parsed->rows, platform::nowSeconds());
            !s)
            return fail(s.error());
        std::cout << dumpJson(OrderedJson{{"imported", parsed->rows.size()},
                                          {"bad_rows", parsed->problems.size()}})
                  << "\n";
        return parsed->problems.empty() ? kOk : kFailed;
    }
    if (words[0] == "user") {
        const hub::UserCommand user{words, option, options.count("password") > 0};
        return hub::runUserCommand(**store, user, stdin, std::cout, std::cerr, usage);
    }
    if (words[0] == "open-export" && words.size() == 2) {
        // A sealed device's export (issue 16), given back as CSV on stdout; audited (the
        // file holds personal data), never logged.
        std::ifstream in(words[1], std::ios::binary);
        if (!in)
            return fail(Error{"export_unreadable", "Berkas ekspor tidak bisa dibaca.",
                              "The export file cannot be read."});
        std::ostringstream text;
        text << in.rdbuf();
        if (text.str().size() > (std::size_t{256} << 20))
            return fail(Error{"export_too_large", "Berkas ekspor lebih dari 256 MiB.",
                              "The export file is over 256 MiB."});
        auto keys = (*store)->sealKeys();
        if (!keys) return fail(keys.error());
        auto csv = openExport(*keys, text.str());
        if (!csv) return fail(csv.error());
        hub::AuditEntry audit;
        audit.at = platform::nowSeconds();
        audit.username = "cli";
        audit.action = "open_export";
        audit.detail = dumpJson(OrderedJson{{"bytes", csv->size()}});
        if (auto s = hub::appendAudit((*store)->db(), audit); !s) return fail(s.error());
        std::cout << *csv;
        return kOk;
    }
    if (words[0] == "rebuild" && words.size() == 1) {
        const UnixSeconds started = platform::nowSeconds();
        auto summary = hub::rebuildReadModels((*store)->db(), started);
        if (!summary) return fail(summary.error());
        const OrderedJson result{{"events", summary->events},
                                 {"members", summary->members},
                                 {"decisions", summary->decisions},
                                 {"seconds", platform::nowSeconds() - started}};
        hub::AuditEntry audit;
        audit.at = platform::nowSeconds();
        audit.username = "cli";
        audit.action = "rebuild";
        audit.detail = dumpJson(result);
        if (auto s = hub::appendAudit((*store)->db(), audit); !s) return fail(s.error());
        std::cout << dumpJson(result) << "\n";
        return kOk;
    }
    if (words[0] == "stats" && words.size() == 1) {
        auto events = (*store)->eventCount();
        auto devices = (*store)->devices();
        auto flags = (*store)->timeFlagCounts();
        if (!events) return fail(events.error());
        if (!devices) return fail(devices.error());
        if (!flags) return fail(flags.error());
        // Events whose device time is doubtful (docs/sync-protocol.md, "Times"), by flag.
        OrderedJson by_flag = OrderedJson::object();
        std::int64_t flagged = 0;
        for (const hub::TimeFlagCount& f : *flags) {
            by_flag[f.flag] = f.events;
            flagged += f.events;
        }
        std::cout << dumpJson(OrderedJson{{"events", *events},
                                          {"devices", devices->size()},
                                          {"time_flagged", flagged},
                                          {"time_flags", by_flag}})
                  << "\n";
        return kOk;
    }
    return usage(words[0]);
}
