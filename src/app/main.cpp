// The `pekon` command line: the same core and store code paths the touch app uses.
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "platform/paths.hpp"

using namespace pekon;
using namespace pekon::cli;

int main(int argc, char** argv) {
    std::vector<std::string> words(argv + 1, argv + argc);
    const std::string command = words.empty() ? "" : words.front();
    if (!words.empty()) words.erase(words.begin());

    const Args args = parseArgs(
        words, {"db", "lang", "format", "birth-date", "sex", "json", "village", "limit", "csv"},
        {"help", "version"});
    Lang lang = Lang::id;
    const std::string lang_text = args.option("lang").value_or("id");
    const bool lang_ok = parseLang(lang_text, lang);
    const std::string format_text = args.option("format").value_or("text");
    const Format format = format_text == "json" ? Format::json : Format::text;
    CliEnv env(std::cout, std::cerr, lang, format,
               args.option("db").value_or(platform::defaultDatabasePath()));

    // `pekon nik` answers in JSON whatever it is given, so it checks its own arguments.
    if (command == "nik") return runNik(env, args);
    if (!lang_ok) return env.usage("--lang " + lang_text);
    if (format_text != "text" && format_text != "json") return env.usage("--format " + format_text);
    if (command == "--version" || args.flag("version")) {
        std::cout << "pekon " << PEKON_VERSION << "\n";
        return kExitOk;
    }
    if (command == "household") return runHousehold(env, args);
    if (command == "search") return runSearch(env, args);
    if (command == "export") return runExport(env, args);
    if (command == "outbox") return runOutbox(env, args);
    if (command == "check") return runCheck(env, args);
    if (command == "help" || command == "--help" || args.flag("help")) {
        (void)env.assets();
        std::cout << env.text("cli.usage") << "\n";
        return kExitOk;
    }
    return env.usage(command.empty() ? "?" : command);
}
