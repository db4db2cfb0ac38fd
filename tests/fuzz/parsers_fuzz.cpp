// libFuzzer target over Pekon's text parsers: NIK, KK, BPJS card, phone, the household JSON
// import (+ validation) and CSV.
//
// Input layout: the first byte selects the parser (byte % 6, so the ASCII digits '0'..'5'
// used by the seed corpus map to 0..5), the rest is the text handed to it:
//   0 NIK        text, or "nik|YYYY-MM-DD|S" to exercise the birth date / sex cross-check
//   1 KK number
//   2 BPJS/KIS card number
//   3 phone number
//   4 household JSON import, then validateHousehold() on every parsed household
//   5 CSV
//   'P' (0x50, checked before the modulo) the scan payload parser
//   'Q' (0x51, checked before the modulo) the population CSV (the dashboard's figures)
//   'T' (0x54, checked before the modulo) a complaint's ticket number, the office's answer
//       and its complaint rules (days and holidays, the text split at '|')
//
// Besides the sanitizers, the target checks invariants that must hold for every input and
// traps (__builtin_trap) when one breaks, so libFuzzer records the input as a crash.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "codec/assets.hpp"
#include "codec/household_json.hpp"
#include "core/csv.hpp"
#include "core/date.hpp"
#include "core/enrolment.hpp"
#include "core/household.hpp"
#include "core/kk_number.hpp"
#include "core/nik.hpp"
#include "core/phone.hpp"
#include "core/complaint.hpp"
#include "core/population.hpp"
#include "core/scan_payload.hpp"
#include "core/sex.hpp"
#include "core/text.hpp"
#include "fuzz_check.hpp"

#ifndef PEKON_SOURCE_ASSETS
#error "PEKON_SOURCE_ASSETS must be defined (the assets folder of the source tree)"
#endif

namespace {

using namespace pekon;

constexpr Date kToday{2026, 11, 22};

const RegionTable& regions() {
    static const RegionTable table = [] {
        auto loaded = loadRegions(PEKON_SOURCE_ASSETS);
        if (!loaded) {
            std::fprintf(stderr, "pekon_parsers_fuzz: cannot load regions from %s: %s\n",
                         PEKON_SOURCE_ASSETS, loaded.error().message_en.c_str());
            std::abort();
        }
        return std::move(loaded.value());
    }();
    return table;
}

bool oneOf(const std::string& code, std::initializer_list<std::string_view> codes) {
    for (std::string_view c : codes) {
        if (code == c) return true;
    }
    return false;
}

// Every Error (and Warning) carries a code and both messages.
void checkError(const Error& e) {
    PEKON_CHECK(!e.code.empty());
    PEKON_CHECK(!e.message_id.empty());
    PEKON_CHECK(!e.message_en.empty());
}

void checkFieldErrors(const FieldErrors& list) {
    for (const FieldError& fe : list) {
        PEKON_CHECK(!fe.field.empty());
        checkError(fe.error);
    }
}

bool isDigits(std::string_view s, size_t n) {
    return s.size() == n && isAllDigits(s);
}

void checkRegionOfIssue(const RegionOfIssue& region, std::string_view digits) {
    PEKON_CHECK(region.province.code == digits.substr(0, 2));
    PEKON_CHECK(regions().province(region.province.code) != nullptr);
    if (region.district) PEKON_CHECK(region.regency.has_value());
}

// ---- NIK -----------------------------------------------------------------------------------

void checkNikOk(const NikInfo& info, std::string_view text, const NikCheck& check) {
    PEKON_CHECK(isDigits(info.digits, 16));
    PEKON_CHECK(info.digits == compactNumber(text));
    PEKON_CHECK(isValidDate(info.birth_date.year, info.birth_date.month, info.birth_date.day));
    PEKON_CHECK(info.serial == info.digits.substr(12, 4));
    PEKON_CHECK(info.serial != "0000");
    checkRegionOfIssue(info.region, info.digits);
    for (const Warning& w : info.warnings) {
        checkError(w);
        PEKON_CHECK(oneOf(w.code, {"nik_regency_unknown", "nik_district_unknown"}));
    }
    // The digits encode the date: DD (+40 for women) MM YY.
    const int raw_day = (info.digits[6] - '0') * 10 + (info.digits[7] - '0');
    const int month = (info.digits[8] - '0') * 10 + (info.digits[9] - '0');
    const int yy = (info.digits[10] - '0') * 10 + (info.digits[11] - '0');
    PEKON_CHECK(info.birth_date.month == month);
    PEKON_CHECK(info.birth_date.year % 100 == yy);
    PEKON_CHECK(info.birth_date.day == (info.sex == Sex::female ? raw_day - 40 : raw_day));
    if (check.birth_date) PEKON_CHECK(*check.birth_date == info.birth_date);
    if (check.sex) PEKON_CHECK(*check.sex == info.sex);
    if (!check.birth_date) PEKON_CHECK(info.birth_date <= kToday);

    // Re-parsing the canonical digits with the decoded date and sex as the cross-check
    // must agree with the first parse.
    auto again = parseNik(info.digits, regions(), kToday, NikCheck{info.birth_date, info.sex});
    PEKON_CHECK(again.ok());
    PEKON_CHECK(again->digits == info.digits);
    PEKON_CHECK(again->birth_date == info.birth_date);
    PEKON_CHECK(again->sex == info.sex);
}

void fuzzNik(std::string_view text) {
    NikCheck check;
    std::string_view nik_text = text;
    // "nik|YYYY-MM-DD|S": cross-check against an entered birth date and sex, like the form.
    if (const size_t bar = text.find('|'); bar != std::string_view::npos) {
        nik_text = text.substr(0, bar);
        std::string_view rest = text.substr(bar + 1);
        const size_t bar2 = rest.find('|');
        if (auto d = parseIsoDate(rest.substr(0, bar2)); d) check.birth_date = *d;
        if (bar2 != std::string_view::npos) {
            check.sex = parseSex(rest.substr(bar2 + 1));
        }
    }
    auto nik = parseNik(nik_text, regions(), kToday, check);
    if (nik) {
        checkNikOk(*nik, nik_text, check);
    } else {
        checkError(nik.error());
        PEKON_CHECK(oneOf(nik.error().code,
                          {"nik_empty", "nik_not_digits", "nik_length", "nik_province_unknown",
                           "nik_month_invalid", "nik_day_invalid", "nik_date_invalid",
                           "nik_serial_invalid", "nik_birth_date_mismatch", "nik_sex_mismatch"}));
    }
}

// ---- KK and card --------------------------------------------------------------------------

void fuzzKk(std::string_view text) {
    auto kk = parseKkNumber(text, regions(), kToday);
    if (!kk) {
        checkError(kk.error());
        PEKON_CHECK(
            oneOf(kk.error().code, {"kk_empty", "kk_not_digits", "kk_length", "kk_province_unknown",
                                    "kk_date_invalid", "kk_serial_invalid"}));
        return;
    }
    PEKON_CHECK(isDigits(kk->digits, 16));
    PEKON_CHECK(kk->digits == compactNumber(text));
    const Date& d = kk->issue_date;
    PEKON_CHECK(isValidDate(d.year, d.month, d.day));
    PEKON_CHECK(d <= kToday);
    PEKON_CHECK(d.day == (kk->digits[6] - '0') * 10 + (kk->digits[7] - '0'));
    PEKON_CHECK(d.month == (kk->digits[8] - '0') * 10 + (kk->digits[9] - '0'));
    PEKON_CHECK(d.year % 100 == (kk->digits[10] - '0') * 10 + (kk->digits[11] - '0'));
    PEKON_CHECK(kk->serial == kk->digits.substr(12, 4));
    PEKON_CHECK(kk->serial != "0000");
    checkRegionOfIssue(kk->region, kk->digits);
    for (const Warning& w : kk->warnings) {
        checkError(w);
        PEKON_CHECK(oneOf(w.code, {"kk_regency_unknown", "kk_district_unknown"}));
    }
    // Parsing is idempotent on the canonical digits.
    auto again = parseKkNumber(kk->digits, regions(), kToday);
    PEKON_CHECK(again.ok() && again->digits == kk->digits && again->issue_date == kk->issue_date);
}

void fuzzCard(std::string_view text) {
    auto card = parseCardNumber(text);
    if (!card) {
        checkError(card.error());
        PEKON_CHECK(oneOf(card.error().code, {"card_empty", "card_not_digits", "card_length"}));
        return;
    }
    PEKON_CHECK(isDigits(*card, 13));
    PEKON_CHECK(*card == compactNumber(text));
    auto again = parseCardNumber(*card);
    PEKON_CHECK(again.ok() && *again == *card);
}

// ---- phone --------------------------------------------------------------------------------

void checkNormalPhone(const std::string& phone) {
    PEKON_CHECK(phone.rfind("+628", 0) == 0);
    PEKON_CHECK(phone.size() >= 3 + 9 && phone.size() <= 3 + 12);
    PEKON_CHECK(isAllDigits(std::string_view(phone).substr(1)));
    auto again = normalizePhone(phone);
    PEKON_CHECK(again.ok());
    PEKON_CHECK(*again == phone);
}

void fuzzPhone(std::string_view text) {
    auto phone = normalizePhone(text);
    if (!phone) {
        checkError(phone.error());
        PEKON_CHECK(oneOf(phone.error().code,
                          {"phone_empty", "phone_invalid_chars", "phone_prefix", "phone_length"}));
        return;
    }
    checkNormalPhone(*phone);
}

// ---- household JSON import + validation -----------------------------------------------------

void checkValidation(const HouseholdInput& in, const HouseholdValidation& v) {
    checkFieldErrors(v.errors);
    checkFieldErrors(v.warnings);
    if (!v.ok()) return;

    const Household& h = v.household;
    PEKON_CHECK(isDigits(h.kk_number, 16));
    PEKON_CHECK(parseKkNumber(h.kk_number, regions(), kToday).ok());
    PEKON_CHECK(regions().village(h.village_code) != nullptr);
    PEKON_CHECK(!h.address.empty() && h.address.size() <= kMaxAddressBytes);
    PEKON_CHECK(isValidUtf8(h.address));
    for (const std::string* rtrw : {&h.rt, &h.rw}) {
        PEKON_CHECK(rtrw->empty() || (isDigits(*rtrw, 3) && *rtrw != "000"));
    }
    if (!h.phone.empty()) checkNormalPhone(h.phone);

    PEKON_CHECK(!in.members.empty() && in.members.size() <= kMaxMembers);
    PEKON_CHECK(v.members.size() == in.members.size());
    std::set<std::string> niks;
    int heads = 0;
    for (const Member& m : v.members) {
        PEKON_CHECK(isDigits(m.nik, 16));
        PEKON_CHECK(niks.insert(m.nik).second);
        PEKON_CHECK(!m.name.empty() && m.name.size() <= kMaxNameBytes);
        PEKON_CHECK(isValidUtf8(m.name));
        PEKON_CHECK(isValidDate(m.birth_date.year, m.birth_date.month, m.birth_date.day));
        PEKON_CHECK(m.birth_date <= kToday && m.birth_date.year >= 1900);
        PEKON_CHECK(m.care_class >= 1 && m.care_class <= 3);
        PEKON_CHECK(classAllowed(m.segment, m.care_class));
        if (m.relation == Relation::head) ++heads;
        // The stored NIK agrees with the stored birth date and sex.
        auto nik = parseNik(m.nik, regions(), kToday, NikCheck{m.birth_date, m.sex});
        PEKON_CHECK(nik.ok());
    }
    PEKON_CHECK(heads == 1);
}

void fuzzHouseholdJson(std::string_view text) {
    auto imported = parseHouseholdImport(text);
    if (!imported) {
        checkError(imported.error());
        PEKON_CHECK(oneOf(imported.error().code, {"json_invalid", "import_shape_invalid"}));
        return;
    }
    PEKON_CHECK(!imported->empty());
    for (const HouseholdInput& in : *imported) {
        const HouseholdValidation v = validateHousehold(in, regions(), kToday);
        checkValidation(in, v);
    }
}

// ---- CSV ----------------------------------------------------------------------------------

void fuzzCsv(std::string_view text) {
    auto rows = parseCsv(text);
    if (!rows) {
        checkError(rows.error());
        PEKON_CHECK(rows.error().code == "csv_unterminated_quote");
        return;
    }
    // Writing the rows back with csvLine() and reading them again gives the same rows
    // (including a row of one empty field, and a first field starting with a BOM).
    std::string written;
    for (const CsvRow& row : *rows) {
        PEKON_CHECK(!row.empty());
        written += csvLine(row);
    }
    auto again = parseCsv(written);
    PEKON_CHECK(again.ok());
    PEKON_CHECK(*again == *rows);
}

// Scanned payloads: never throws; unknown exactly when there is a problem; numbers valid;
// the text kept for display is valid UTF-8 and bounded.
void fuzzPayload(std::string_view text) {
    const ScanPayload p = parsePayload(text, regions(), kToday);
    PEKON_CHECK((p.kind == PayloadKind::unknown) == p.problem.has_value());
    if (p.problem) checkError(*p.problem);
    for (const Warning& w : p.warnings) checkError(w);
    PEKON_CHECK(isValidUtf8(p.raw));
    PEKON_CHECK(p.raw.size() <= 503);
    if (p.kind == PayloadKind::nik) PEKON_CHECK(parseNik(p.nik, regions(), kToday).ok());
    if (p.kind == PayloadKind::kk) PEKON_CHECK(parseKkNumber(p.kk_number, regions(), kToday).ok());
    if (p.kind == PayloadKind::card) PEKON_CHECK(parseCardNumber(p.card_number).ok());
}

// Population figures: a row or a problem for every line after the header; every kept figure
// in range, every code once.
void fuzzPopulation(std::string_view text) {
    auto file = parsePopulationCsv(text);
    if (!file) {
        checkError(file.error());
        return;
    }
    std::set<std::string> codes;
    for (const PopulationRow& row : file->rows) {
        PEKON_CHECK(row.population >= 0 && row.population <= kMaxPopulation);
        PEKON_CHECK(codes.insert(row.code).second);
        PEKON_CHECK(row.line >= 2);
    }
    for (const auto& [line, problem] : file->problems) {
        PEKON_CHECK(line >= 2);
        checkError(problem);
    }
}

// Complaints: a ticket number parses to its canonical form, which parses to itself and is what
// ticketNumber could give; an answer is refused or kept within bounds with no run of 9 digits;
// the rules are in range with their holidays sorted and distinct.
void fuzzComplaint(std::string_view text) {
    auto ticket = parseTicketNumber(text);
    if (ticket) {
        PEKON_CHECK(ticket->size() == 17 && ticket->rfind("PK-", 0) == 0);
        PEKON_CHECK(parseTicketNumber(*ticket).value() == *ticket);
    } else {
        checkError(ticket.error());
    }
    auto answer = checkTicketAnswer(text);
    if (answer) {
        PEKON_CHECK(!answer->empty() && answer->size() <= kTicketAnswerMax);
        PEKON_CHECK(isValidUtf8(*answer));
        size_t run = 0;
        for (char c : *answer) {
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            PEKON_CHECK(run < 9);
        }
    } else {
        checkError(answer.error());
    }
    const size_t a = text.find('|');
    const size_t b = a == std::string_view::npos ? a : text.find('|', a + 1);
    if (b == std::string_view::npos) return;
    auto rules = parseComplaintRules(text.substr(0, a), text.substr(a + 1, b - a - 1),
                                     text.substr(b + 1));
    if (!rules) {
        checkError(rules.error());
        return;
    }
    PEKON_CHECK(rules->response_days >= 1 && rules->resolution_days >= rules->response_days &&
                rules->resolution_days <= kComplaintDaysMax);
    for (size_t i = 1; i < rules->holidays.size(); ++i)
        PEKON_CHECK(rules->holidays[i - 1] < rules->holidays[i]);
    const Date due = addWorkingDays(kToday, rules->response_days, rules->holidays);
    PEKON_CHECK(kToday < due);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)regions();  // load once, before the first input, so it is not charged to one
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] == 'P') {
        fuzzPayload(text);
        return 0;
    }
    if (data[0] == 'Q') {
        fuzzPopulation(text);
        return 0;
    }
    if (data[0] == 'T') {
        fuzzComplaint(text);
        return 0;
    }
    switch (data[0] % 6) {
        case 0:
            fuzzNik(text);
            break;
        case 1:
            fuzzKk(text);
            break;
        case 2:
            fuzzCard(text);
            break;
        case 3:
            fuzzPhone(text);
            break;
        case 4:
            fuzzHouseholdJson(text);
            break;
        case 5:
            fuzzCsv(text);
            break;
    }
    return 0;
}
