#include "support/fixtures.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace pekon::test {

const Assets& assets() {
    static const Assets loaded = [] {
        auto a = loadAssets(PEKON_SOURCE_ASSETS);
        if (!a) throw std::runtime_error("test assets: " + a.error().message_en);
        return std::move(a.value());
    }();
    return loaded;
}

namespace {
struct TempRoot {
    std::string path;
    TempRoot() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "pekon-test-XXXXXX").string();
        if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        path = tmpl;
    }
    ~TempRoot() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};
}  // namespace

std::string tempDir() {
    static TempRoot root;
    static int counter = 0;
    const std::string dir = root.path + "/" + std::to_string(++counter);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string tempPath(const std::string& name) {
    return tempDir() + "/" + name;
}

std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

}  // namespace pekon::test
