#include "core/household.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/kk_number.hpp"
#include "core/nik.hpp"
#include "core/number.hpp"
#include "core/occupation.hpp"
#include "core/phone.hpp"
#include "core/text.hpp"

namespace pekon {

namespace {

void add(FieldErrors& into, const std::string& field, Error error) {
    into.push_back(FieldError{field, std::move(error)});
}

// Free text (names, addresses): valid UTF-8, no control characters, within `max` bytes.
std::optional<Error> checkText(std::string_view text, size_t max, const char* what_id,
                               const char* what_en, const std::string& code) {
    if (text.empty())
        return Error{code + "_empty", std::string(what_id) + " belum diisi.",
                     std::string("The ") + what_en + " is empty."};
    if (!isValidUtf8(text) || hasControlChars(text))
        return Error{code + "_invalid_chars",
                     std::string(what_id) + " berisi karakter yang tidak sah.",
                     std::string("The ") + what_en + " contains invalid characters."};
    if (text.size() > max) {
        const std::string n = std::to_string(max);
        return Error{code + "_too_long",
                     std::string(what_id) + " terlalu panjang (maks. " + n + " byte).",
                     std::string("The ") + what_en + " is too long (at most " + n + " bytes)."};
    }
    return std::nullopt;
}

// RT/RW: empty, or 1-3 digits with a value 1..999, normalised to three digits.
std::string checkRtRw(std::string_view raw, const char* name, FieldErrors& errors) {
    const std::string_view text = trim(raw);
    if (text.empty()) return {};
    const int value =
        text.size() <= 3 ? static_cast<int>(parseNumber<unsigned>(text).value_or(0)) : 0;
    if (value < 1) {
        add(errors, name,
            {std::string(name) + "_invalid",
             std::string(name == std::string("rt") ? "RT" : "RW") + " harus angka 1-999.",
             std::string(name == std::string("rt") ? "RT" : "RW") +
                 " must be a number from 1 to 999."});
        return {};
    }
    std::string out = std::to_string(value);
    return std::string(3 - out.size(), '0') + out;
}

// The NIK against the birth date and sex; a mismatch the volunteer confirmed with a reason
// is a warning.
void validateNik(const MemberInput& in, const RegionTable& regions, const Date& today,
                 std::optional<Date> birth, std::optional<Sex> sex, const std::string& prefix,
                 Member& m, FieldErrors& errors, FieldErrors& warnings) {
    auto nik = parseNik(in.nik, regions, today, NikCheck{birth, sex});
    const bool mismatch = !nik && (nik.error().code == "nik_birth_date_mismatch" || nik.error().code == "nik_sex_mismatch");
    const std::string reason = normaliseName(in.nik_mismatch_reason);
    if (mismatch && !reason.empty()) {
        // Confirmed by the volunteer: a warning, and the NIK as it is.
        add(warnings, prefix + "nik", nik.error());
        m.nik_mismatch_reason = reason;
        nik = parseNik(in.nik, regions, today, NikCheck{birth, std::nullopt});
        if (!nik) nik = parseNik(in.nik, regions, today, {});
    }
    if (!nik) {
        add(errors, prefix + "nik", nik.error());
    } else {
        m.nik = nik->digits;
        for (const Warning& w : nik->warnings) add(warnings, prefix + "nik", w);
    }
}

// A pregnancy: a woman aged 10-55 and an expected month from this month to nine ahead.
void checkPregnancy(const MemberInput& in, std::optional<Date> birth, std::optional<Sex> sex,
                    const Date& today, const std::string& prefix, Member& m,
                    FieldErrors& errors) {
    const std::string due(trim(in.pregnancy_due));
    if (due.empty()) return;
    if (sex && *sex != Sex::female) {
        add(errors, prefix + "pregnancy_due",
            {"pregnancy_not_female", "Hanya perempuan yang dapat ditandai hamil.",
             "Only a woman can be marked pregnant."});
        return;
    }
    if (birth) {
        const int age = ageInYears(*birth, today);
        if (age < kPregnancyMinAge || age > kPregnancyMaxAge) {
            add(errors, prefix + "pregnancy_due",
                {"pregnancy_age", "Tanda hamil hanya untuk perempuan berusia 10-55 tahun.",
                 "Only a woman aged 10-55 can be marked pregnant."});
            return;
        }
    }
    const auto months = dueMonthChoices(today);
    if (std::find(months.begin(), months.end(), due) == months.end()) {
        add(errors, prefix + "pregnancy_due",
            {"pregnancy_due_invalid",
             "Perkiraan bulan persalinan harus bulan ini sampai sembilan bulan ke depan (TTTT-BB).",
             "The expected month of delivery must be this month to nine months ahead (YYYY-MM)."});
        return;
    }
    m.pregnancy_due = due;
}

}  // namespace

int ageInYears(const Date& birth, const Date& day) {
    int age = day.year - birth.year;
    if (day.month < birth.month || (day.month == birth.month && day.day < birth.day)) --age;
    return age;
}

std::vector<std::string> dueMonthChoices(const Date& today) {
    std::vector<std::string> out;
    int year = today.year, month = today.month;
    for (int i = 0; i <= kPregnancyMonthsAhead; ++i) {
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02d", year, month);
        out.emplace_back(text);
        if (++month > 12) {
            month = 1;
            ++year;
        }
    }
    return out;
}

std::string normaliseName(std::string_view name) {
    std::string out;
    for (char c : trim(name)) {
        if (c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

Result<std::string> checkPersonName(std::string_view raw) {
    std::string name = normaliseName(raw);
    if (auto e = checkText(name, kMaxNameBytes, "Nama", "name", "name")) return *e;
    for (char c : name) {
        if (isAsciiDigit(c) ||
            std::string_view("<>{}[]|\\\"@#$%^&*_=+;:?!/~`").find(c) != std::string_view::npos)
            return Error{
                "name_invalid_chars",
                "Nama hanya boleh berisi huruf, spasi, titik, koma, tanda hubung dan apostrof.",
                "A name may contain only letters, spaces, dots, commas, dashes and apostrophes."};
    }
    return name;
}

Member validateMember(const MemberInput& in, const RegionTable& regions, const Date& today,
                      const std::string& prefix, FieldErrors& errors, FieldErrors& warnings) {
    Member m;
    if (auto name = checkPersonName(in.name); !name)
        add(errors, prefix + "name", name.error());
    else
        m.name = std::move(name.value());

    std::optional<Date> birth;
    if (trim(in.birth_date).empty()) {
        add(errors, prefix + "birth_date",
            {"birth_date_empty", "Tanggal lahir belum diisi.", "The birth date is empty."});
    } else if (auto d = parseIsoDate(trim(in.birth_date)); !d) {
        add(errors, prefix + "birth_date", d.error());
    } else if (*d > today) {
        add(errors, prefix + "birth_date",
            {"birth_date_future", "Tanggal lahir tidak boleh di masa depan.",
             "The birth date cannot be in the future."});
    } else if (d->year < 1900) {
        add(errors, prefix + "birth_date",
            {"birth_date_too_early", "Tanggal lahir sebelum tahun 1900 tidak wajar.",
             "A birth date before 1900 is not plausible."});
    } else {
        birth = *d;
        m.birth_date = *d;
    }

    const std::optional<Sex> sex = parseSex(trim(in.sex));
    if (sex) {
        m.sex = *sex;
    } else {
        add(errors, prefix + "sex",
            {"sex_invalid", "Jenis kelamin harus L (laki-laki) atau P (perempuan).",
             "Sex must be M (male) or F (female)."});
    }

    if (in.no_nik) {
        // A baby without a NIK yet: the NIK comes later by correction.
        if (birth && ageInYears(*birth, today) >= 1)
            add(errors, prefix + "nik",
                {"nik_pending_not_infant",
                 "Hanya bayi di bawah satu tahun yang boleh didaftarkan tanpa NIK.",
                 "Only a baby under one year old may be registered without a NIK."});
    } else {
        validateNik(in, regions, today, birth, sex, prefix, m, errors, warnings);
    }
    checkPregnancy(in, birth, sex, today, prefix, m, errors);

    if (!trim(in.occupation).empty()) {
        if (auto o = parseOccupation(trim(in.occupation)))
            m.occupation = std::string(occupationCode(*o));
        else add(errors, prefix + "occupation", {"occupation_invalid", "Pekerjaan tidak dikenal.", "Unknown occupation."});
    }
    if (!trim(in.existing_card).empty()) {
        if (auto card = parseCardNumber(in.existing_card); !card) add(errors, prefix + "existing_card", card.error());
        else m.existing_card = *card;
    }
    if (!trim(in.phone).empty()) {
        if (auto phone = normalizePhone(in.phone); !phone) add(errors, prefix + "phone", phone.error());
        else m.phone = *phone;
    }

    if (auto relation = parseRelation(in.relation))
        m.relation = *relation;
    else
        add(errors, prefix + "relation",
            {"relation_invalid", "Hubungan keluarga tidak dikenal.", "Unknown family relation."});
    const auto segment = parseSegment(in.segment);
    const bool segment_ok = segment.has_value();
    if (segment) m.segment = *segment;
    if (!segment_ok)
        add(errors, prefix + "segment",
            {"segment_invalid", "Segmen harus PBI-APBN, PBI-APBD, PPU, PBPU atau BP.",
             "The segment must be PBI-APBN, PBI-APBD, PPU, PBPU or BP."});
    const auto care_class = parseCareClass(in.care_class);
    if (care_class) m.care_class = *care_class;
    if (!care_class) {
        add(errors, prefix + "class",
            {"class_invalid", "Kelas harus I, II atau III.", "The class must be I, II or III."});
    } else if (segment_ok && !classAllowed(m.segment, m.care_class)) {
        add(errors, prefix + "class",
            isPbi(m.segment) ? Error{"class_not_allowed", "Peserta PBI hanya di kelas III.",
                                     "PBI members are in class III only."}
                             : Error{"class_not_allowed", "Peserta PPU hanya di kelas I atau II.",
                                     "PPU members are in class I or II only."});
    }
    return m;
}

HouseholdValidation validateHousehold(const HouseholdInput& in, const RegionTable& regions,
                                      const Date& today) {
    HouseholdValidation v;
    Household& h = v.household;

    if (auto kk = parseKkNumber(in.kk_number, regions, today); !kk) {
        add(v.errors, "kk_number", kk.error());
    } else {
        h.kk_number = kk->digits;
        for (const Warning& w : kk->warnings) add(v.warnings, "kk_number", w);
    }

    h.village_code = std::string(trim(in.village_code));
    if (!regions.village(h.village_code))
        add(v.errors, "village_code",
            {"village_unknown", "Pekon/kelurahan tidak ditemukan di Kabupaten Tanggamus.",
             "The village is not one of Kabupaten Tanggamus."});

    h.address = normaliseName(in.address);
    if (auto e = checkText(h.address, kMaxAddressBytes, "Alamat", "address", "address"))
        add(v.errors, "address", *e);
    h.rt = checkRtRw(in.rt, "rt", v.errors);
    h.rw = checkRtRw(in.rw, "rw", v.errors);

    if (!trim(in.phone).empty()) {
        if (auto phone = normalizePhone(in.phone); !phone)
            add(v.errors, "phone", phone.error());
        else
            h.phone = *phone;
    }

    h.documents = in.documents;
    h.consent = in.consent;
    if (!h.documents.pbi_basis.empty() && h.documents.pbi_basis != "dtks" && h.documents.pbi_basis != "sktm" &&
        h.documents.pbi_basis != "none")
        add(v.errors, "documents.pbi_basis", {"pbi_basis_invalid", "Dasar PBI harus DTKS, SKTM atau tidak ada.",
                                              "The PBI basis must be DTKS, SKTM or none."});

    if (in.members.empty())
        add(v.errors, "members",
            {"household_no_members", "Keluarga harus punya minimal satu anggota.",
             "A household needs at least one member."});
    if (in.members.size() > kMaxMembers)
        add(v.errors, "members",
            {"household_too_many_members", "Terlalu banyak anggota (maks. 30).",
             "Too many members (at most 30)."});

    std::set<std::string> niks;
    int heads = 0;
    for (size_t i = 0; i < in.members.size() && i < kMaxMembers; ++i) {
        const std::string prefix = "members[" + std::to_string(i) + "].";
        Member m = validateMember(in.members[i], regions, today, prefix, v.errors, v.warnings);
        if (!m.nik.empty() && !niks.insert(m.nik).second)
            add(v.errors, prefix + "nik",
                {"nik_duplicate_in_household",
                 "NIK ini sudah dipakai anggota lain di keluarga ini.",
                 "This NIK is already used by another member of this household."});
        if (parseRelation(in.members[i].relation) == Relation::head) ++heads;
        v.members.push_back(std::move(m));
    }
    if (!in.members.empty() && heads == 0)
        add(v.errors, "members",
            {"household_no_head", "Keluarga harus punya satu kepala keluarga.",
             "A household needs one head of family."});
    if (heads > 1)
        add(v.errors, "members",
            {"household_many_heads", "Hanya boleh ada satu kepala keluarga.",
             "There can be only one head of family."});
    return v;
}

}  // namespace pekon
