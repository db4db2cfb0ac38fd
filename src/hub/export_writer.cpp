#include "hub/export_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "hub/office_export.hpp"

namespace pekon::hub {

bool isFormulaStart(std::string_view cell) {
    if (cell.empty()) return false;
    switch (cell.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
            return true;
        default:
            return false;
    }
}

std::string neutraliseFormula(const std::string& cell) {
    return isFormulaStart(cell) ? "'" + cell : cell;
}

Error exportWriteError(const std::string& path_free_reason) {
    return Error{"export_write", "Berkas ekspor tidak dapat ditulis (" + path_free_reason + ").",
                 "The export file could not be written (" + path_free_reason + ")."};
}

Result<int> createPrivateFile(const std::string& path) {
    const int fd =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return exportWriteError(std::strerror(errno));
    // A file that was already there keeps its mode through O_CREAT: make it private too.
    if (::fchmod(fd, 0600) != 0) {
        const int saved = errno;
        ::close(fd);
        return exportWriteError(std::strerror(saved));
    }
    return fd;
}

}  // namespace pekon::hub
