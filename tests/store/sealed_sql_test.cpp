// SQL stays inside the store: no public store header, and nothing in src/ui, src/app or
// src/sync, includes SQLite or the store's internal headers (issue 13, part 4).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// The #include lines of `text` that reach SQLite: <sqlite3.h>, the SQLite wrapper
// (src/sqlite, or store/sqlite.hpp where it used to be), or anything under store/internal/.
std::vector<std::string> sqlIncludes(const std::string& text) {
    std::vector<std::string> found;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        const auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line.compare(start, 1, "#") != 0) continue;
        if (line.find("include", start) == std::string::npos) continue;
        if (line.find("sqlite3.h") != std::string::npos ||
            line.find("sqlite/sqlite.hpp") != std::string::npos ||
            line.find("store/sqlite.hpp") != std::string::npos ||
            line.find("store/internal/") != std::string::npos)
            found.push_back(line);
    }
    return found;
}

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool isSource(const fs::path& path) {
    const std::string ext = path.extension().string();
    return ext == ".hpp" || ext == ".cpp" || ext == ".h";
}

// "path: line" for every file under `dir` (headers only if `headers_only`) that includes
// SQLite, skipping `except` (a folder inside `dir`).
std::vector<std::string> offenders(const fs::path& dir, bool headers_only,
                                   const fs::path& except = {}) {
    std::vector<std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file() || !isSource(entry.path())) continue;
        if (headers_only && entry.path().extension() == ".cpp") continue;
        if (!except.empty()) {
            const auto rel = entry.path().lexically_relative(except);
            if (!rel.empty() && *rel.begin() != "..") continue;
        }
        for (const std::string& line : sqlIncludes(readAll(entry.path())))
            out.push_back(entry.path().lexically_relative(dir).string() + ": " + line);
    }
    return out;
}

const fs::path kSrc = fs::path(PEKON_SOURCE_DIR) / "src";

}  // namespace

TEST_CASE("sealed SQL: the include check finds what reaches SQLite", "[store][sealed]") {
    CHECK(sqlIncludes("#include <sqlite3.h>\n").size() == 1);
    CHECK(sqlIncludes("#include \"store/sqlite.hpp\"\n").size() == 1);
    CHECK(sqlIncludes("#include \"sqlite/sqlite.hpp\"\n").size() == 1);
    CHECK(sqlIncludes("  #  include \"store/internal/database.hpp\"\n").size() == 1);
    CHECK(sqlIncludes("#include \"store/store.hpp\"\n#include \"store/households.hpp\"\n"
                      "// store/internal/ is private\n")
              .empty());
}

TEST_CASE("sealed SQL: public store headers show no SQLite", "[store][sealed]") {
    REQUIRE(fs::is_directory(kSrc / "store" / "internal"));
    const auto found = offenders(kSrc / "store", /*headers_only=*/true, kSrc / "store" / "internal");
    INFO(Catch::Detail::stringify(found));
    CHECK(found.empty());
}

TEST_CASE("sealed SQL: the UI, the app and the sync client reach the store only by its API",
          "[store][sealed]") {
    for (const char* folder : {"ui", "app", "sync"}) {
        INFO(folder);
        REQUIRE(fs::is_directory(kSrc / folder));
        const auto found = offenders(kSrc / folder, /*headers_only=*/false);
        INFO(Catch::Detail::stringify(found));
        CHECK(found.empty());
    }
}
