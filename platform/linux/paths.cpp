#include "platform/paths.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace pekon::platform {

namespace {

bool isDirectory(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string executableDir() {
    std::vector<char> buf(4096);
    const ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
    if (n <= 0) return ".";
    return parentDirectory(std::string(buf.data(), static_cast<size_t>(n)));
}

}  // namespace

std::string parentDirectory(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string defaultDatabasePath() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    std::string base;
    if (xdg && *xdg == '/') {
        base = xdg;
    } else {
        const char* home = std::getenv("HOME");
        base = std::string(home && *home ? home : ".") + "/.local/share";
    }
    return base + "/pekon/pekon.db";
}

Result<std::string> findAssetsDir() {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("PEKON_ASSETS"); env && *env) candidates.push_back(env);
    const std::string exe = executableDir();
    candidates.push_back(exe + "/assets");
    candidates.push_back(exe + "/../share/pekon/assets");
    candidates.push_back(PEKON_SOURCE_ASSETS);
    std::string tried;
    for (const std::string& dir : candidates) {
        if (isDirectory(dir + "/regions")) return dir;
        tried += (tried.empty() ? "" : ", ") + dir;
    }
    return Error{"assets_missing", "Folder aset Pekon tidak ditemukan (dicari di: " + tried + ").",
                 "Pekon's assets folder was not found (looked in: " + tried + ")."};
}

Status ensureDirectory(const std::string& path) {
    if (path.empty() || isDirectory(path)) return {};
    const std::string parent = parentDirectory(path);
    if (parent != path && parent != "." && parent != "/") {
        if (auto s = ensureDirectory(parent); !s) return s;
    }
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
        const std::string why = std::strerror(errno);
        return Error{"directory_create_failed",
                     "Folder tidak bisa dibuat: " + path + " (" + why + ")",
                     "Cannot create the folder " + path + " (" + why + ")"};
    }
    return {};
}

}  // namespace pekon::platform

namespace pekon::platform {

std::vector<std::string> photoFolders() {
    std::vector<std::string> folders;
    std::error_code ec;
    auto add = [&](const std::filesystem::path& p) {
        if (std::filesystem::is_directory(p, ec)) folders.push_back(p.string());
    };
    const char* home = std::getenv("HOME");
    if (home && *home) {
        for (const char* name : {"Pictures", "Gambar", "Downloads", "Unduhan", "DCIM"})
            add(std::filesystem::path(home) / name);
    }
    const char* user = std::getenv("USER");
    if (user && *user) {
        for (const char* root : {"/media/", "/run/media/"}) {
            std::filesystem::directory_iterator it(std::string(root) + user, ec), end;
            for (; !ec && it != end; it.increment(ec)) add(it->path());
        }
    }
    return folders;
}

}  // namespace pekon::platform
