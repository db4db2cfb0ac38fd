#include "store/internal/read_only.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace pekon::sql {

namespace {

std::string folderOf(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// No write bit at all (honoured even by root), or access(2) says no.
bool cannotWrite(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    if ((st.st_mode & 0222) == 0) return true;
    return ::access(path.c_str(), W_OK) != 0;
}

bool onReadOnlyFilesystem(const std::string& path) {
    struct statvfs vfs {};
    if (::statvfs(path.c_str(), &vfs) != 0) return false;
    return (vfs.f_flag & ST_RDONLY) != 0 || (::access(path.c_str(), W_OK) != 0 && errno == EROFS);
}

// The size of `path`, or -1 when there is no such file.
long long fileSize(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : -1;
}

Status copyFile(const std::string& from, const std::string& to) {
    const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    const int out = in < 0 ? -1 : ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    bool ok = in >= 0 && out >= 0;
    char buffer[1 << 16];
    while (ok) {
        const ssize_t n = ::read(in, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ok = n == 0;
            break;
        }
        for (ssize_t done = 0; ok && done < n;) {
            const ssize_t w = ::write(out, buffer + done, static_cast<size_t>(n - done));
            if (w < 0 && errno == EINTR) continue;
            ok = w > 0;
            done += w > 0 ? w : 0;
        }
    }
    const std::string why = std::strerror(errno);
    if (in >= 0) ::close(in);
    if (out >= 0 && ::close(out) != 0) ok = false;
    if (ok) return {};
    return Error{"db_copy_failed",
                 "Salinan sementara basis data untuk dibaca tidak bisa dibuat (" + why + ").",
                 "A temporary copy of the database for reading could not be made (" + why + ")."};
}

}  // namespace

std::optional<Error> whyReadOnly(const std::string& path) {
    const std::string folder = folderOf(path);
    const bool present = fileSize(path) >= 0;
    if (onReadOnlyFilesystem(present ? path : folder))
        return Error{"db_readonly_filesystem",
                     "Penyimpanan perangkat terpasang hanya-baca (kartu memori atau eMMC yang aus "
                     "sering begini), jadi menyimpan dimatikan; data tetap bisa dilihat. Salin "
                     "basis data ke penyimpanan lain dan hubungi petugas TI.",
                     "The device's storage is mounted read-only (worn memory cards and eMMC do "
                     "this), so saving is off; the data can still be viewed. Copy the database to "
                     "other storage and call IT support."};
    if (present && cannotWrite(path))
        return Error{
            "db_readonly_file",
            "Berkas basis data " + path +
                " tidak boleh ditulis (izinnya hanya-baca), jadi menyimpan dimatikan; "
                "data tetap bisa dilihat. Beri izin tulis pada berkas itu untuk menyimpan.",
            "The database file " + path +
                " has no write permission (it is read-only), so saving is off; the data "
                "can still be viewed. Give the file write permission to save."};
    if (cannotWrite(folder))
        return Error{"db_readonly_folder",
                     "Folder basis data " + folder +
                         " tidak boleh ditulis, padahal SQLite perlu membuat berkas jurnalnya "
                         "di sana, jadi menyimpan dimatikan; data tetap bisa dilihat. Beri izin "
                         "tulis pada folder itu untuk menyimpan.",
                     "The database's folder " + folder +
                         " cannot be written, and SQLite must keep its journal files there, so "
                         "saving is off; the data can still be viewed. Give the folder write "
                         "permission to save."};
    return std::nullopt;
}

Error noDatabaseError(const std::string& path) {
    return Error{"no_database",
                 "Tidak ada basis data Pekon di " + path +
                     "; tidak ada yang dibuat. Periksa --db, atau simpan data dulu.",
                 "There is no Pekon database at " + path +
                     "; nothing was created. Check --db, or save something first."};
}

Result<std::unique_ptr<ScratchCopy>> ScratchCopy::make(const std::string& path) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/pekon-read-XXXXXX";
    if (!::mkdtemp(pattern.data())) {
        const std::string why = std::strerror(errno);
        return Error{
            "db_copy_failed",
            "Salinan sementara basis data untuk dibaca tidak bisa dibuat (" + why + ").",
            "A temporary copy of the database for reading could not be made (" + why + ")."};
    }
    std::unique_ptr<ScratchCopy> copy(new ScratchCopy());
    copy->dir_ = pattern;
    copy->path_ = pattern + "/pekon.db";
    for (const char* suffix : {"", "-wal"}) {
        if (auto s = copyFile(path + suffix, copy->path_ + suffix); !s) return s.error();
    }
    return copy;
}

ScratchCopy::~ScratchCopy() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((path_ + suffix).c_str());
    ::rmdir(dir_.c_str());
}

Result<Connection> openReadOnly(const std::string& path, std::unique_ptr<ScratchCopy>& scratch) {
    if (fileSize(path + "-wal") <= 0) return Connection::open(path, true, /*immutable=*/true);
    const std::string folder = folderOf(path);
    // The -shm is there, or SQLite can make it (only the file is read-only, not its folder).
    if (fileSize(path + "-shm") >= 0 || (!cannotWrite(folder) && !onReadOnlyFilesystem(folder)))
        return Connection::open(path, /*read_only=*/true);
    auto copy = ScratchCopy::make(path);
    if (!copy) return copy.error();
    scratch = std::move(copy.value());
    return Connection::open(scratch->path(), /*read_only=*/true);
}

}  // namespace pekon::sql
