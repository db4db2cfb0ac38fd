#include "store/export.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/csv.hpp"
#include "store/internal/database.hpp"
#include "proto/sealed_export.hpp"

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

// Writes `content` to dir/name whole or not at all: a fresh file of our own (never a leftover
// with wider permissions, never a link), 0600, synced, then renamed into place.
Status writeWhole(const std::string& path, const std::string& content) {
    const std::string temp = path + ".part";
    ::unlink(temp.c_str());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return writeError(temp);
    ::fchmod(fd, 0600);
    FILE* file = ::fdopen(fd, "w");
    if (!file) {
        ::close(fd);
        return writeError(temp);
    }
    bool ok = std::fwrite(content.data(), 1, content.size(), file) == content.size();
    ok = ok && std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
    if (std::fclose(file) != 0) ok = false;
    if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
        Error e = writeError(path);
        ::unlink(temp.c_str());
        return e;
    }
    return {};
}

// The rows of `sql` under `header`, as CSV text.
Result<std::int64_t> exportQuery(sql::Connection& db, const CsvRow& header, const char* sql,
                                 std::string& out) {
    auto stmt = db.prepare(sql);
    if (!stmt) return stmt.error();
    out = csvLine(header);
    std::int64_t rows = 0;
    int rc;
    CsvRow row(header.size());
    while ((rc = stmt->step()) == SQLITE_ROW) {
        for (size_t i = 0; i < header.size(); ++i)
            row[i] = spreadsheetSafe(stmt->text(static_cast<int>(i)));
        out += csvLine(row);
        ++rows;
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "export");
    return rows;
}

}  // namespace

Result<ExportCounts> exportCsv(Store& store, const std::string& dir) {
    if (auto s = requireDataOpen(store); !s) return s.error();
    // A sealed device writes nothing personal in the clear, exports included: each file is
    // sealed for the office (the hub's key), which opens it with `pekon-hub open-export`.
    std::string hub_key;
    if (deviceSealed(store)) {
        if (auto s = loadKeyring(store); !s) return s.error();
        hub_key = keyring(store).hub_public;
        if (hub_key.empty())
            return Error{"export_needs_hub",
                         "Ekspor dari perangkat yang diamankan disegel untuk kantor: daftarkan "
                         "perangkat ke pekon-hub dulu.",
                         "An export from a sealed device is sealed for the office: enrol the "
                         "device with pekon-hub first."};
    }
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
         "SELECT id, pk_open(kk_number), village_code, pk_open(address), pk_open(rt), pk_open(rw), "
         "pk_open(phone), registered_at, registered_by FROM households ORDER BY event_seq",
         &counts.households},
        {"members.csv",
         {"member_id", "household_id", "nik", "name", "birth_date", "sex", "relation", "segment",
          "class", "status", "status_at", "card_number"},
         "SELECT m.id, h.id, pk_open(m.nik), pk_open(m.name), pk_open(m.birth_date), m.sex, "
         "m.relation, m.segment, m.class, m.status, m.status_at, pk_open(m.card_number) FROM "
         "members m "
         "JOIN households h ON h.key = m.household_key ORDER BY m.event_seq",
         &counts.members},
        {"events.csv",
         {"seq", "event_id", "type", "at", "actor", "origin", "sync_state", "hub_code",
          "hub_message", "data"},
         "SELECT e.seq, e.id, e.type, e.at, e.actor, e.origin, e.sync_state, e.hub_code, "
         "e.hub_message, json_patch(e.data, COALESCE(pk_open(NULLIF(s.for_device, '')), '{}')) "
         "FROM events e LEFT JOIN event_seals s ON s.seq = e.seq ORDER BY e.seq",
         &counts.events},
    };
    for (const auto& f : kFiles) {
        std::string csv;
        auto rows = exportQuery(db, f.header, f.sql, csv);
        if (!rows) return rows.error();
        *f.count = *rows;
        std::string path = dir + "/" + f.file;
        if (!hub_key.empty()) {  // sealed for the office (issue 16)
            auto sealed = sealExport(hub_key, csv);
            sodium_memzero(csv.data(), csv.size());
            if (!sealed) return sealed.error();
            csv = std::move(*sealed);
            path += ".sealed";
        }
        if (auto s = writeWhole(path, csv); !s) return s.error();
    }
    return counts;
}

}  // namespace pekon
