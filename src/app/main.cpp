// `pekon`: with a command, the command line (the same core and store code paths the touch
// app uses); with none, the touch app.
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "app/commands.hpp"
#include "app/gui.hpp"
#include "core/number.hpp"
#include "platform/paths.hpp"

using namespace pekon;
using namespace pekon::cli;

namespace {

// "1280x800" -> width and height (each 320..7680).
std::optional<std::pair<int, int>> parseSize(std::string_view text) {
    const size_t x = text.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    auto width = parseNumberIn(text.substr(0, x), 320, 7680);
    auto height = parseNumberIn(text.substr(x + 1), 320, 7680);
    if (!width || !height) return std::nullopt;
    return std::pair{*width, *height};
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> words(argv + 1, argv + argc);
    // A first word that is an option (or nothing at all) opens the app.
    const bool gui = words.empty() || (words.front().rfind("--", 0) == 0 &&
                                       words.front() != "--help" && words.front() != "--version");
    const std::string command = gui || words.empty() ? "" : words.front();
    if (!gui) words.erase(words.begin());

    const Args args = parseArgs(
        words,
        {"db", "lang", "format", "birth-date", "sex", "json", "village", "limit", "csv", "size",
         "scale", "screenshot", "formats", "name", "ca-file", "nik", "receipt", "kk", "category",
         "rating", "text", "phone", "user"},
        {"help", "version", "demo", "fullscreen", "complaint"});
    const std::string lang_text = args.option("lang").value_or("id");
    const std::optional<Lang> parsed_lang = parseLang(lang_text);
    const bool lang_ok = parsed_lang.has_value();
    const Lang lang = parsed_lang.value_or(Lang::id);
    const std::string format_text = args.option("format").value_or("text");
    const Format format = format_text == "json" ? Format::json : Format::text;
    const bool demo = args.flag("demo");
    const std::string default_db =
        demo ? platform::parentDirectory(platform::defaultDatabasePath()) + "/demo.db"
             : platform::defaultDatabasePath();
    CliEnv env(std::cout, std::cerr, lang, format, args.option("db").value_or(default_db));
    // A sealed device's personal data opens only with a user's PIN (issue 16): `--user NAME`,
    // the PIN from PEKON_PIN or the first line of standard input, never from the command line.
    if (auto user = args.option("user")) env.signInAs(*user);

    // `pekon nik` answers in JSON whatever it is given, so it checks its own arguments.
    if (command == "nik") return runNik(env, args);
    if (!lang_ok) return env.usage("--lang " + lang_text);
    if (format_text != "text" && format_text != "json") return env.usage("--format " + format_text);
    if (gui) {
        if (!args.problem.empty()) return env.usage(args.problem);
        if (!args.positional.empty()) return env.usage(args.positional.front());
        GuiOptions options;
        options.db_path = args.option("db").value_or(default_db);
        options.lang = lang;
        options.demo = demo;
        if (auto dir = args.option("screenshot")) {
            // Screenshots show demo data unless a database is named.
            options.screenshot_dir = *dir;
            if (!args.option("db")) {
                options.demo = true;
                options.db_path =
                    platform::parentDirectory(platform::defaultDatabasePath()) + "/demo.db";
            }
        }
        options.fullscreen = args.flag("fullscreen");
        options.ca_file = args.option("ca-file").value_or("");
        if (auto size = args.option("size")) {
            auto parsed = parseSize(*size);
            if (!parsed) return env.usage("--size " + *size);
            std::tie(options.width, options.height) = *parsed;
        }
        if (auto scale = args.option("scale")) {
            auto parsed = parseNumberIn(*scale, 0.5f, 4.0f);
            if (!parsed) return env.usage("--scale " + *scale);
            options.scale = *parsed;
        }
        return runGui(options);
    }
    if (command == "--version" || args.flag("version")) {
        std::cout << "pekon " << PEKON_VERSION << "\n";
        return kExitOk;
    }
    if (command == "household") return runHousehold(env, args);
    if (command == "search") return runSearch(env, args);
    if (command == "export") return runExport(env, args);
    if (command == "outbox") return runOutbox(env, args);
    if (command == "check") return runCheck(env, args);
    if (command == "scan") return runScan(env, args);
    if (command == "enrol") return runEnrol(env, args);
    if (command == "sync") return runSync(env, args);
    if (command == "status") return runStatus(env, args);
    if (command == "complaint") return runComplaint(env, args);
    if (command == "help" || command == "--help" || args.flag("help")) {
        (void)env.assets();
        std::cout << env.text("cli.usage") << "\n";
        return kExitOk;
    }
    return env.usage(command);
}
