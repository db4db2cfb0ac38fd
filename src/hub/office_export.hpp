#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/regions.hpp"
#include "core/result.hpp"
#include "hub/hub_tx.hpp"
#include "hub/office_read.hpp"

// Verified members for submission to BPJS, as the fields of its registration form for
// residents registered by a local government: NIK, KK number, name, birth date, sex, relation,
// address, RT/RW, desa, kecamatan, kabupaten, class, segment, phone, first-level facility.
// Written page by page (the store is not held while the file is written) to a file, which the
// console then streams to the browser; memory stays flat whatever the row count. Cells that a
// spreadsheet would read as a formula (=, +, -, @, tab, CR at the start) are neutralised.
namespace pekon::hub {

enum class ExportFormat { csv, xlsx };

struct ExportSummary {
    std::int64_t rows = 0;
    std::int64_t bytes = 0;
};

std::string_view exportFormatCode(ExportFormat format);  // "csv", "xlsx"
// The HTTP Content-Type of a file in the format.
std::string_view exportContentType(ExportFormat format);
std::optional<ExportFormat> parseExportFormat(std::string_view code);

// The columns, in order (the form's words, in Indonesian): NIK, No. KK, Nama Lengkap, Tanggal
// Lahir, Jenis Kelamin (L/P), Hubungan Keluarga, Alamat, RT, RW, Kode Desa, Desa/Kelurahan,
// Kecamatan, Kabupaten/Kota, Kelas, Segmen, No. HP, Faskes Tingkat I. The names of the
// regions come from `regions` (the code where the table lacks one); the phone is the member's,
// else the household's, a +62 number in its national form (0...); the facility is the latest
// the status imports named for the person (their kiosk entry's), empty when none did.
std::span<const std::string_view> exportColumns();

// `filter` as the queue's, through queuePage itself (its states default to verified for an
// export), state after state in the order given, each oldest registration first; read page by page
// (no transaction is held while the file is written). The file at `path` is created 0600 (replaced
// if there), and removed when the export fails. Audited `export` (target the format; detail the
// filter and the row count), by `staff_id`/`username`, once the file is complete. Errors:
// queuePage's (`bad_filter`), `export_write`, the store's.
Result<ExportSummary> exportMembers(HubDb& db, const RegionTable& regions,
                                    const QueueFilter& filter, ExportFormat format,
                                    const std::string& path, std::int64_t staff_id,
                                    const std::string& username, UnixSeconds now);

// What a spreadsheet must show as text: the cell with a leading apostrophe (CSV) when it
// starts with = + - @ TAB or CR; unchanged otherwise.
std::string neutraliseFormula(const std::string& cell);

}  // namespace pekon::hub
