#include "store/export.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/csv.hpp"
#include "store/internal/database.hpp"

namespace pekon {

namespace {

Error writeError(const std::string& path) {
    const std::string why = std::strerror(errno);
    return Error{"export_write_failed",
                 "Berkas ekspor tidak bisa ditulis: " + path + " (" + why + ")",
                 "Cannot write the export file " + path + " (" + why + ")"};
}

// Office staff open these files in spreadsheets: a cell that would start a formula gets a
// leading apostrophe. Phone numbers ("+628...") and negative numbers stay as they are.
std::string spreadsheetSafe(std::string cell) {
    if (cell.empty()) return cell;
    const char c = cell[0];
    const bool number_follows = cell.size() > 1 && cell[1] >= '0' && cell[1] <= '9';
    if (c == '=' || c == '@' || c == '\t' || c == '\r' ||
        ((c == '+' || c == '-') && !number_follows))
        cell.insert(cell.begin(), '\'');
    return cell;
}

// Runs `sql` and writes its rows under `header` to dir/name.
Result<std::int64_t> exportQuery(sql::Connection& db, const std::string& dir,
                                 const std::string& name, const CsvRow& header, const char* sql) {
    const std::string path = dir + "/" + name;
    const std::string temp = path + ".part";
    // A fresh file of our own: never a leftover with wider permissions, never a link.
    ::unlink(temp.c_str());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return writeError(temp);
    ::fchmod(fd, 0600);
    FILE* file = ::fdopen(fd, "w");
    if (!file) {
        ::close(fd);
        return writeError(temp);
    }
    auto stmt = db.prepare(sql);
    if (!stmt) {
        std::fclose(file);
        ::unlink(temp.c_str());
        return stmt.error();
    }
    bool ok = std::fputs(csvLine(header).c_str(), file) >= 0;
    std::int64_t rows = 0;
    int rc;
    CsvRow row(header.size());
    while (ok && (rc = stmt->step()) == SQLITE_ROW) {
        for (size_t i = 0; i < header.size(); ++i)
            row[i] = spreadsheetSafe(stmt->text(static_cast<int>(i)));
        const std::string line = csvLine(row);
        ok = std::fwrite(line.data(), 1, line.size(), file) == line.size();
        ++rows;
    }
    if (ok && rc != SQLITE_DONE) {
        std::fclose(file);
        ::unlink(temp.c_str());
        return sql::sqliteError(db.handle(), rc, "export " + name);
    }
    ok = ok && std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
    if (std::fclose(file) != 0) ok = false;
    if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
        Error e = writeError(path);
        ::unlink(temp.c_str());
        return e;
    }
    return rows;
}

}  // namespace

Result<ExportCounts> exportCsv(Store& store, const std::string& dir) {
    sql::Connection& db = connection(store);
    // One read transaction, so the three files show the same moment.
    if (auto s = db.exec("BEGIN", "export"); !s) return s.error();
    struct End {
        sql::Connection& db;
        ~End() { (void)db.exec("COMMIT", "export"); }
    } end{db};
    ExportCounts counts;
    const struct {
        const char* file;
        CsvRow header;
        const char* sql;
        std::int64_t* count;
    } kFiles[] = {
        {"households.csv",
         {"household_id", "kk_number", "village_code", "address", "rt", "rw", "phone",
          "registered_at", "registered_by"},
         "SELECT id, kk_number, village_code, address, rt, rw, phone, registered_at, registered_by "
         "FROM households ORDER BY event_seq",
         &counts.households},
        {"members.csv",
         {"member_id", "household_id", "nik", "name", "birth_date", "sex", "relation", "segment",
          "class", "status", "status_at", "card_number"},
         "SELECT m.id, h.id, m.nik, m.name, m.birth_date, m.sex, m.relation, m.segment, m.class, "
         "m.status, m.status_at, m.card_number FROM members m "
         "JOIN households h ON h.key = m.household_key ORDER BY m.event_seq",
         &counts.members},
        {"events.csv",
         {"seq", "event_id", "type", "at", "actor", "origin", "sync_state", "hub_code",
          "hub_message", "data"},
         "SELECT seq, id, type, at, actor, origin, sync_state, hub_code, hub_message, data "
         "FROM events ORDER BY seq",
         &counts.events},
    };
    for (const auto& f : kFiles) {
        auto rows = exportQuery(db, dir, f.file, f.header, f.sql);
        if (!rows) return rows.error();
        *f.count = *rows;
    }
    return counts;
}

}  // namespace pekon
