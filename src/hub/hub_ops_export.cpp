#include <algorithm>
#include <array>
#include <memory>

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

constexpr int kPageRows = 2000;

// One state's members after the cursor (received_at, member_id), oldest first, with what the
// form needs: their household's address and KK number, and their kiosk entry (whose data
// carries the latest first-level facility the status imports named).
constexpr HubSql kExportPage{
    "export_page",
    "SELECT m.member_id, m.received_at, m.nik, h.kk_number, m.name, m.birth_date, m.sex, "
    "m.relation, h.address, h.rt, h.rw, m.village_code, m.kecamatan_code, m.class, m.segment, "
    "m.phone, h.phone, k.data FROM office_members m "
    "LEFT JOIN office_households h ON h.household_id = m.household_id "
    "LEFT JOIN kiosk_entries k ON k.nik = m.nik AND k.birth_date = m.birth_date "
    "WHERE m.state = ? AND (m.received_at, m.member_id) > (?, ?) "
    "AND (CAST(? AS TEXT) = '' OR m.kecamatan_code = ?) "
    "AND (CAST(? AS TEXT) = '' OR m.village_code = ?) "
    "AND (CAST(? AS TEXT) = '' OR m.device_id = ?) "
    "AND (CAST(? AS TEXT) = '' OR m.received_day >= ?) "
    "AND (CAST(? AS TEXT) = '' OR m.received_day <= ?) "
    "AND (CAST(? AS TEXT) = '' OR m.segment = ?) "
    "AND (CAST(? AS TEXT) = '' OR (CAST(? AS TEXT) = 'any' AND m.check_count > 0) OR "
    "(CAST(? AS TEXT) = 'none' AND m.check_count = 0) OR "
    "(',' || m.checks || ',') LIKE ? ESCAPE '\\') "
    "ORDER BY m.received_at, m.member_id LIMIT ?",
    18};
enum Col {
    kMemberId,
    kReceivedAt,
    kNik,
    kKk,
    kName,
    kBirth,
    kSex,
    kRelation,
    kAddress,
    kRt,
    kRw,
    kVillage,
    kKecamatan,
    kClass,
    kSegment,
    kPhone,
    kHouseholdPhone,
    kKioskData,
    kColumnCount
};

Error badFilter() {
    return Error{"bad_filter", "Saringan tidak dikenal.", "The filter is not one the hub knows."};
}

Status checkFilter(const QueueFilter& filter) {
    if (filter.check.empty() || filter.check == "any" || filter.check == "none") return {};
    const auto codes = checkCodes();
    if (std::find(codes.begin(), codes.end(), filter.check) == codes.end()) return badFilter();
    return {};
}

std::string likeChecks(const std::string& check) {
    std::string out = "%,";
    for (char c : check) {
        if (c == '_' || c == '%' || c == '\\') out += '\\';
        out += c;
    }
    return out + ",%";
}

std::vector<SqlParam> pageParams(const QueueFilter& f, OfficeState state, std::int64_t after_at,
                                 const std::string& after_id) {
    const std::string like = f.check.empty() ? std::string() : likeChecks(f.check);
    return {std::string(officeStateCode(state)),
            after_at,
            after_id,
            f.kecamatan,
            f.kecamatan,
            f.village,
            f.village,
            f.device_id,
            f.device_id,
            f.from_day,
            f.from_day,
            f.to_day,
            f.to_day,
            f.segment,
            f.segment,
            f.check,
            f.check,
            f.check,
            like,
            std::int64_t{kPageRows}};
}

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
    if (phone.rfind("+62", 0) == 0) return "0" + phone.substr(3);
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

// The texts of one row of the form, which the cells borrow.
struct FormRow {
    std::array<std::string, std::size(kColumns)> text;
    std::array<ExportCell, std::size(kColumns)> cells;
};

void fillRow(FormRow& out, const RowSet& page, int i, const RegionTable& regions) {
    auto& t = out.text;
    auto& c = out.cells;
    auto textAt = [&](size_t column, std::string value) {
        t[column] = std::move(value);
        c[column] = std::string_view(t[column]);
    };
    textAt(0, page.text(i, kNik));
    textAt(1, page.text(i, kKk));
    textAt(2, page.text(i, kName));
    const std::string birth = page.text(i, kBirth);
    if (auto date = parseIsoDate(birth))
        c[3] = *date;
    else
        textAt(3, birth);
    textAt(4, std::string(sexLetter(page.text(i, kSex))));
    textAt(5, std::string(relationWords(page.text(i, kRelation))));
    textAt(6, page.text(i, kAddress));
    textAt(7, page.text(i, kRt));
    textAt(8, page.text(i, kRw));
    const std::string village = page.text(i, kVillage);
    const std::string kecamatan = page.text(i, kKecamatan);
    const std::string regency = village.substr(0, std::min<size_t>(village.size(), 5));
    textAt(9, village);
    const Village* desa = regions.village(village);
    textAt(10, desa ? desa->name : village);
    textAt(11, regionName(regions.district(kecamatan), kecamatan));
    textAt(12, regionName(regions.regency(regency), regency));
    if (page.isNull(i, kClass))
        c[13] = std::monostate{};
    else
        c[13] = page.integer(i, kClass);
    textAt(14, page.text(i, kSegment));
    std::string phone = page.text(i, kPhone);
    if (phone.empty()) phone = page.text(i, kHouseholdPhone);
    textAt(15, nationalPhone(std::move(phone)));
    textAt(16, faskesOf(page.text(i, kKioskData)));
}

Json filterJson(const QueueFilter& f, const std::vector<OfficeState>& states) {
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
    for (OfficeState s : states) codes.push_back(officeStateCode(s));
    filter["states"] = codes;
    return filter;
}

Result<std::unique_ptr<ExportWriter>> openWriter(ExportFormat format, const std::string& path) {
    return format == ExportFormat::csv ? openCsvExport(path) : openXlsxExport(path);
}

}  // namespace

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
    if (auto s = checkFilter(filter); !s) return s.error();
    const std::vector<OfficeState> states =
        filter.states.empty() ? std::vector<OfficeState>{OfficeState::verified} : filter.states;
    auto writer = openWriter(format, path);
    if (!writer) return writer.error();
    ExportWriter& out = **writer;
    if (auto s = out.header(kColumns); !s) return s.error();
    ExportSummary summary;
    FormRow row;
    for (OfficeState state : states) {
        std::int64_t after_at = -1;
        std::string after_id;
        for (;;) {
            // One page, read on its own: nothing is held while it is written.
            auto page = inTx<RowSet>(db, TxMode::autocommit, [&](HubTx& tx) {
                return tx.run(kExportPage, pageParams(filter, state, after_at, after_id),
                              "read a page of the export");
            });
            if (!page) return page.error();
            for (int i = 0; i < page->count(); ++i) {
                fillRow(row, *page, i, regions);
                if (auto s = out.row(row.cells); !s) return s.error();
            }
            summary.rows += page->count();
            if (page->count() < kPageRows) break;
            after_at = page->integer(page->count() - 1, kReceivedAt);
            after_id = page->text(page->count() - 1, kMemberId);
        }
    }
    auto bytes = out.finish();
    if (!bytes) return bytes.error();
    summary.bytes = *bytes;
    Json detail = {{"format", exportFormatCode(format)}, {"rows", summary.rows}};
    detail["filter"] = filterJson(filter, states);
    AuditEntry entry;
    entry.at = now;
    entry.staff_id = staff_id;
    entry.username = username;
    entry.action = "export";
    entry.target = std::string(exportFormatCode(format));
    entry.detail = dumpJson(detail);
    if (auto s = appendAudit(db, entry); !s) return s.error();
    return summary;
}

}  // namespace pekon::hub
