#include "core/status_import.hpp"

#include "core/csv.hpp"
#include "core/number.hpp"
#include "core/text.hpp"

namespace pekon {

namespace {

const std::vector<std::string> kHeader = {"nik",   "birth_date", "status", "card_number",
                                          "class", "faskes",     "date"};

Error rowError(const char* code, const std::string& id, const std::string& en) {
    return Error{code, id, en};
}

}  // namespace

std::string_view statusChangeType(MemberStatus status) {
    switch (status) {
        case MemberStatus::verified:
            return "registration.verified";
        case MemberStatus::needs_correction:
            return "registration.correction_requested";
        case MemberStatus::rejected:
            return "registration.rejected";
        case MemberStatus::payment_pending:
            return "payment.pending";
        case MemberStatus::paid:
            return "payment.confirmed";
        case MemberStatus::card_issued:
            return "card.issued";
        case MemberStatus::card_delivered:
            return "card.delivered";
        default:
            return "";
    }
}

std::optional<MemberStatus> statusOfChangeType(std::string_view type) {
    for (MemberStatus s : kAllStatuses)
        if (!statusChangeType(s).empty() && statusChangeType(s) == type) return s;
    return std::nullopt;
}

Result<StatusImport> parseStatusCsv(std::string_view text) {
    auto rows = parseCsv(text);
    if (!rows) return rows.error();
    if (rows->empty() || (*rows)[0] != kHeader) {
        return Error{"status_csv_header",
                     "Baris pertama harus: nik,birth_date,status,card_number,class,faskes,date",
                     "The first line must be: nik,birth_date,status,card_number,class,faskes,date"};
    }
    StatusImport out;
    for (size_t i = 1; i < rows->size(); ++i) {
        const CsvRow& r = (*rows)[i];
        const int line = static_cast<int>(i) + 1;
        auto bad = [&](const char* code, const std::string& id, const std::string& en) {
            out.problems.push_back({line, rowError(code, id, en)});
        };
        if (r.size() != kHeader.size()) {
            bad("status_csv_columns", "Harus 7 kolom.", "Must have 7 columns.");
            continue;
        }
        StatusRow row;
        row.line = line;
        row.nik = std::string(trim(r[0]));
        if (row.nik.size() != 16 || !isAllDigits(row.nik)) {
            bad("nik_invalid", "NIK harus 16 angka.", "The NIK must be 16 digits.");
            continue;
        }
        auto birth = parseIsoDate(trim(r[1]));
        if (!birth) {
            bad("birth_date_invalid", "Tanggal lahir bukan TTTT-BB-HH.",
                "The birth date is not YYYY-MM-DD.");
            continue;
        }
        row.birth_date = *birth;
        const auto status = parseStatus(trim(r[2]));
        if (status) row.status = *status;
        // A correction is asked for in the office console, with its reason, never from BPJS.
        if (!status || statusChangeType(row.status).empty() ||
            row.status == MemberStatus::needs_correction) {
            bad("status_invalid",
                "Status harus verified, rejected, payment_pending, paid, card_issued atau "
                "card_delivered.",
                "The status must be verified, rejected, payment_pending, paid, card_issued or "
                "card_delivered.");
            continue;
        }
        row.card_number = std::string(trim(r[3]));
        if (!row.card_number.empty() &&
            (row.card_number.size() != 13 || !isAllDigits(row.card_number))) {
            bad("card_number_invalid", "Nomor kartu harus 13 angka.",
                "The card number must be 13 digits.");
            continue;
        }
        if (row.status == MemberStatus::card_issued && row.card_number.empty()) {
            bad("card_number_missing", "Kartu terbit tanpa nomor kartu.",
                "A card issued without its card number.");
            continue;
        }
        const std::string_view cls = trim(r[4]);
        if (!cls.empty()) {
            const auto care_class = cls.size() == 1 ? parseNumberIn(cls, 1, 3) : std::nullopt;
            if (!care_class) {
                bad("class_invalid", "Kelas harus 1, 2 atau 3.", "The class must be 1, 2 or 3.");
                continue;
            }
            row.care_class = *care_class;
        }
        row.faskes = std::string(trim(r[5]));
        auto date = parseIsoDate(trim(r[6]));
        if (!date) {
            bad("date_invalid", "Tanggal keputusan bukan TTTT-BB-HH.",
                "The decision date is not YYYY-MM-DD.");
            continue;
        }
        row.date = *date;
        out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace pekon
