#include <unistd.h>

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_map>

#include "codec/json.hpp"
#include "hub/export_csv.hpp"
#include "hub/export_xlsx.hpp"
#include "hub/office_export.hpp"
#include "hub/office_staff.hpp"

namespace pekon::hub {

namespace {

constexpr std::string_view kColumns[] = {"NIK",
                                         "No. KK",
                                         "Nama Lengkap",
                                         "Tanggal Lahir",
                                         "Jenis Kelamin",
                                         "Hubungan Keluarga",
                                         "Alamat",
                                         "RT",
                                         "RW",
                                         "Kode Desa",
                                         "Desa/Kelurahan",
                                         "Kecamatan",
                                         "Kabupaten/Kota",
                                         "Kelas",
                                         "Segmen",
                                         "No. HP",
                                         "Faskes Tingkat I"};

// The relation codes of core/enrolment in the words of BPJS's form.
constexpr std::pair<std::string_view, std::string_view> kRelationWords[] = {
    {"head", "Kepala Keluarga"}, {"spouse", "Suami/Istri"},
    {"child", "Anak"},           {"child_in_law", "Menantu"},
    {"grandchild", "Cucu"},      {"parent", "Orang Tua"},
    {"parent_in_law", "Mertua"}, {"other_relative", "Famili Lain"},
    {"helper", "Pembantu"},      {"other", "Lainnya"}};

constexpr int kPageRows = 500;  // queuePage's most

// What the form needs beyond a queue row: the household's KK number and address, the phones,
// the kecamatan, and the person's kiosk entry (whose data carries the latest first-level
// facility the status imports named).
constexpr HubSql kFormDetails{
    "export_form_details",
    "SELECT m.member_id, h.kk_number, h.address, h.rt, h.rw, m.kecamatan_code, m.phone, "
    "h.phone, k.data FROM office_members m "
    "LEFT JOIN office_households h ON h.household_id = m.household_id "
    "LEFT JOIN kiosk_entries k ON k.nik = m.nik AND k.birth_date = m.birth_date "
    "WHERE m.member_id {in ?}",
    9};

struct FormDetails {
    std::string kk, address, rt, rw, kecamatan, phone, faskes;
};

std::string_view relationWords(std::string_view code) {
    for (const auto& [c, words] : kRelationWords)
        if (c == code) return words;
    return code;
}

std::string_view sexLetter(std::string_view sex) {
    if (sex == "M") return "L";
    if (sex == "F") return "P";
    return sex;
}

// A phone in the national form: "+62812..." -> "0812..."; others as they are.
std::string nationalPhone(std::string phone) {
    if (phone.rfind("+62", 0) == 0) phone.replace(0, 3, "0");
    return phone;
}

std::string regionName(const Region* region, const std::string& code) {
    return region ? region->name : code;
}

std::string faskesOf(const std::string& kiosk_data) {
    if (kiosk_data.empty()) return "";
    auto data = parseJson(kiosk_data);
    if (!data || !data->is_object()) return "";
    auto it = data->find("faskes");
    return it != data->end() && it->is_string() ? it->get<std::string>() : "";
}

// The details of a page's members, by member id.
Result<std::unordered_map<std::string, FormDetails>> detailsOf(HubDb& db,
                                                               const std::vector<MemberRow>& rows) {
    std::unordered_map<std::string, FormDetails> out;
    if (rows.empty()) return out;
    std::vector<std::string> ids;
    ids.reserve(rows.size());
    for (const MemberRow& r : rows) ids.push_back(r.member_id);
    auto found = inTx<RowSet>(db, TxMode::autocommit, [&](HubTx& tx) {
        return tx.run(kFormDetails, {std::move(ids)}, "read the export's details");
    });
    if (!found) return found.error();
    for (int i = 0; i < found->count(); ++i) {
        std::string phone = found->text(i, 6);
        if (phone.empty()) phone = found->text(i, 7);
        out.emplace(found->text(i, 0),
                    FormDetails{found->text(i, 1), found->text(i, 2), found->text(i, 3),
                                found->text(i, 4), found->text(i, 5),
                                nationalPhone(std::move(phone)), faskesOf(found->text(i, 8))});
    }
    return out;
}

// The texts of one row of the form, which the cells borrow.
struct FormRow {
    std::array<std::string, std::size(kColumns)> text;
    std::array<ExportCell, std::size(kColumns)> cells;
};

void fillRow(FormRow& out, const MemberRow& m, const FormDetails& d, const RegionTable& regions) {
    auto& c = out.cells;
    auto textAt = [&](size_t column, std::string value) {
        out.text[column] = std::move(value);
        c[column] = std::string_view(out.text[column]);
    };
    textAt(0, m.nik);
    textAt(1, d.kk);
    textAt(2, m.name);
    if (auto date = parseIsoDate(m.birth_date))
        c[3] = *date;
    else
        textAt(3, m.birth_date);
    textAt(4, std::string(sexLetter(m.sex)));
    textAt(5, std::string(relationWords(m.relation)));
    textAt(6, d.address);
    textAt(7, d.rt);
    textAt(8, d.rw);
    const std::string& village = m.village_code;
    const std::string regency = village.substr(0, std::min<size_t>(village.size(), 5));
    textAt(9, village);
    const Village* desa = regions.village(village);
    textAt(10, desa ? desa->name : village);
    textAt(11, regionName(regions.district(d.kecamatan), d.kecamatan));
    textAt(12, regionName(regions.regency(regency), regency));
    if (m.klass)
        c[13] = std::int64_t{*m.klass};
    else
        c[13] = std::monostate{};
    textAt(14, m.segment);
    textAt(15, d.phone);
    textAt(16, d.faskes);
}

Json filterJson(const QueueFilter& f) {
    Json filter = Json::object();
    auto put = [&](const char* key, const std::string& value) {
        if (!value.empty()) filter[key] = value;
    };
    put("kecamatan", f.kecamatan);
    put("village", f.village);
    put("device_id", f.device_id);
    put("from_day", f.from_day);
    put("to_day", f.to_day);
    put("segment", f.segment);
    put("check", f.check);
    Json codes = Json::array();
    for (OfficeState s : f.states) codes.push_back(officeStateCode(s));
    filter["states"] = codes;
    return filter;
}

Result<std::unique_ptr<ExportWriter>> openWriter(ExportFormat format, const std::string& path) {
    return format == ExportFormat::csv ? openCsvExport(path) : openXlsxExport(path);
}

}  // namespace

std::string_view exportContentType(ExportFormat format) {
    return format == ExportFormat::xlsx
               ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
               : "text/csv; charset=utf-8";
}

std::string_view exportFormatCode(ExportFormat format) {
    return format == ExportFormat::csv ? "csv" : "xlsx";
}

std::optional<ExportFormat> parseExportFormat(std::string_view code) {
    if (code == "csv") return ExportFormat::csv;
    if (code == "xlsx") return ExportFormat::xlsx;
    return std::nullopt;
}

std::span<const std::string_view> exportColumns() {
    return kColumns;
}

Result<ExportSummary> exportMembers(HubDb& db, const RegionTable& regions,
                                    const QueueFilter& filter, ExportFormat format,
                                    const std::string& path, std::int64_t staff_id,
                                    const std::string& username, UnixSeconds now) {
    QueueFilter chosen = filter;
    if (chosen.states.empty()) chosen.states = {OfficeState::verified};
    // One state after the other, each a single index range of the queue (a page over several
    // states reads a page of each to merge them). The filter is checked (queuePage's
    // `bad_filter`) before a file is made.
    std::vector<OfficeState> states;
    for (OfficeState state : chosen.states)
        if (std::find(states.begin(), states.end(), state) == states.end()) states.push_back(state);
    QueueFilter one = chosen;
    one.states = {states.front()};
    auto first = queuePage(db, one, "", kPageRows);
    if (!first) return first.error();
    auto writer = openWriter(format, path);
    if (!writer) return writer.error();
    ExportWriter& out = **writer;
    if (auto s = out.header(kColumns); !s) return s.error();
    ExportSummary summary;
    FormRow row;
    const FormDetails none;
    QueuePage page = std::move(first.value());
    for (size_t next_state = 1;;) {
        // Each page read on its own: nothing is held while it is written.
        auto details = detailsOf(db, page.rows);
        if (!details) return details.error();
        for (const MemberRow& m : page.rows) {
            auto d = details->find(m.member_id);
            fillRow(row, m, d == details->end() ? none : d->second, regions);
            if (auto s = out.row(row.cells); !s) return s.error();
        }
        summary.rows += static_cast<std::int64_t>(page.rows.size());
        if (page.next.empty()) {
            if (next_state == states.size()) break;
            one.states = {states[next_state++]};
        }
        auto next = queuePage(db, one, page.next, kPageRows);
        if (!next) return next.error();
        page = std::move(next.value());
    }
    auto bytes = out.finish();
    if (!bytes) return bytes.error();
    summary.bytes = *bytes;
    Json detail = {{"format", exportFormatCode(format)}, {"rows", summary.rows}};
    detail["filter"] = filterJson(chosen);
    AuditEntry entry;
    entry.at = now;
    entry.staff_id = staff_id;
    entry.username = username;
    entry.action = "export";
    entry.target = std::string(exportFormatCode(format));
    entry.detail = dumpJson(detail);
    if (auto s = appendAudit(db, entry); !s) {
        ::unlink(path.c_str());  // an export not in the audit log is not handed out
        return s.error();
    }
    return summary;
}

}  // namespace pekon::hub
