#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "sqlite/sqlite.hpp"

namespace pekon::sql {

// Why the existing database at `path` cannot be written, or nothing when it can:
// `db_readonly_filesystem` (the storage is mounted read-only, as worn SD cards and eMMC do),
// `db_readonly_file` (the file has no write permission) or `db_readonly_folder` (its folder
// cannot be written, so SQLite cannot keep its -wal and -shm files there). A file or folder
// with no write bit at all counts as read-only even for root, who could write it anyway:
// somebody marked it so, and Pekon does not override that.
std::optional<Error> whyReadOnly(const std::string& path);

// `no_database`: a command that only reads was pointed at a path with no database.
Error noDatabaseError(const std::string& path);

// A private copy of a database and its -wal, in a new 0700 folder under $TMPDIR (or /tmp),
// removed when this is destroyed. For the one case SQLite cannot read in place: a -wal
// without its -shm in a folder where the -shm cannot be made.
class ScratchCopy {
  public:
    static Result<std::unique_ptr<ScratchCopy>> make(const std::string& path);
    ~ScratchCopy();
    ScratchCopy(const ScratchCopy&) = delete;
    ScratchCopy& operator=(const ScratchCopy&) = delete;
    const std::string& path() const { return path_; }

  private:
    ScratchCopy() = default;
    std::string dir_;
    std::string path_;
};

// Opens an existing database that cannot be written, reading everything it holds (the -wal
// too) and creating, changing or removing no file next to it:
// - no -wal (or an empty one): SQLite's `immutable` open, which needs no -wal or -shm;
// - a -wal and its -shm: a plain read-only open, which uses them as they are;
// - a -wal without its -shm where the folder cannot be written: a ScratchCopy, kept in
//   `scratch` for as long as the connection lives.
Result<Connection> openReadOnly(const std::string& path, std::unique_ptr<ScratchCopy>& scratch);

}  // namespace pekon::sql
