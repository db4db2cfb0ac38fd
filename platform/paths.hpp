#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"

namespace pekon::platform {

// $XDG_DATA_HOME/pekon/pekon.db, else ~/.local/share/pekon/pekon.db.
std::string defaultDatabasePath();

// The assets folder: $PEKON_ASSETS if set, else <dir of the executable>/assets,
// <dir>/../share/pekon/assets, and last the source tree this binary was built from.
// Error `assets_missing` naming where it looked.
Result<std::string> findAssetsDir();

// Creates `path` and its parents as needed, new folders readable by the owner only (0700).
Status ensureDirectory(const std::string& path);

// The folder part of a file path ("." for a bare name).
std::string parentDirectory(const std::string& path);

// Where a user's photos are, for "import photo": Pictures/Gambar, Downloads/Unduhan and DCIM
// under $HOME, and removable media mounted under /media/$USER and /run/media/$USER. Only
// folders that exist.
std::vector<std::string> photoFolders();

}  // namespace pekon::platform
