#include "hub/member_checks.hpp"

#include <algorithm>
#include <set>

#include "codec/json.hpp"
#include "codec/json_writer.hpp"
#include "core/kk_number.hpp"
#include "core/nik.hpp"
#include "core/text.hpp"

namespace pekon::hub {

namespace {

bool allDigits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "180601..." -> "18.06.01": the kecamatan of a NIK's or KK's first six digits.
std::string kecamatanOf(std::string_view number) {
    if (number.size() < 6 || !allDigits(number.substr(0, 6))) return {};
    return std::string(number.substr(0, 2)) + "." + std::string(number.substr(2, 2)) + "." +
           std::string(number.substr(4, 2));
}

// "18.06.01.2016" -> "18.06.01".
std::string kecamatanOfVillage(std::string_view village) {
    return village.size() >= 8 ? std::string(village.substr(0, 8)) : std::string();
}

int twoDigits(std::string_view s, size_t pos) { return (s[pos] - '0') * 10 + (s[pos + 1] - '0'); }

// A finding's detail, written straight into its string (no JSON document: the push computes
// a few findings per member). The bytes are what nlohmann's dump() of the same object gives:
// keys in sorted order (each caller passes them so), no spaces, the same escapes.
class Detail {
  public:
    Detail& text(std::string_view key, std::string_view value) {
        name(key);
        string(value);
        return *this;
    }
    Detail& number(std::string_view key, std::int64_t value) {
        name(key);
        out_ += std::to_string(value);
        return *this;
    }
    Detail& texts(std::string_view key, const std::vector<std::string_view>& values) {
        name(key);
        out_ += '[';
        for (size_t i = 0; i < values.size(); ++i) {
            if (i) out_ += ',';
            string(values[i]);
        }
        out_ += ']';
        return *this;
    }
    std::string done() const { return out_ + '}'; }

  private:
    void string(std::string_view value) {
        // \b and \f are the two escapes appendJsonString spells differently (as \u00XX).
        if (value.find_first_of("\b\f") == std::string_view::npos)
            appendJsonString(out_, value);
        else
            out_ += Json(std::string(value)).dump();
    }
    void name(std::string_view key) {
        if (out_.size() > 1) out_ += ',';
        out_ += '"';
        out_ += key;
        out_ += "\":";
    }
    std::string out_ = "{";
};

void add(std::vector<CheckFinding>& out, std::string_view code, const Detail& what) {
    out.push_back({std::string(code), what.done()});
}

// What a NIK's DDMMYY says against the member's birth date and sex (digits only; the
// structure itself is nik_structure's).
void nikAgainstPerson(const CheckedMember& m, std::vector<CheckFinding>& out) {
    if (m.nik.size() != 16 || !allDigits(m.nik)) return;
    auto birth = parseIsoDate(m.birth_date);
    const int raw_day = twoDigits(m.nik, 6);
    const bool female = raw_day > 40;
    const int day = female ? raw_day - 40 : raw_day;
    auto reason = [&] { return Detail().text("reason", m.nik_mismatch_reason); };
    if (birth && (day != birth->day || twoDigits(m.nik, 8) != birth->month ||
                  twoDigits(m.nik, 10) != birth->year % 100))
        add(out, "nik_birth_date", reason());
    if ((m.sex == "F") != female && (m.sex == "F" || m.sex == "M"))
        add(out, "nik_sex", reason());
}

void nikStructure(const CheckedMember& m, const MemberContext& c, std::vector<CheckFinding>& out) {
    if (!c.regions) return;
    // A fixed "today" (it only decides the century of the NIK's year, which the birth-date
    // check compares by its last two digits): the result does not depend on the clock.
    auto nik = parseNik(m.nik, *c.regions, Date{2099, 12, 31});
    if (!nik) add(out, "nik_structure", Detail().text("error", nik.error().code));
}

void nikRegion(const CheckedMember& m, const MemberContext& c, std::vector<CheckFinding>& out) {
    if (!c.household) return;
    const std::string nik_kec = kecamatanOf(m.nik);
    const std::string kec = kecamatanOfVillage(c.household->village_code);
    if (!nik_kec.empty() && !kec.empty() && nik_kec != kec)
        add(out, "nik_region", Detail().text("kecamatan", kec).text("nik_kecamatan", nik_kec));
}

void nikElsewhere(const CheckedMember& m, const MemberContext& c, std::vector<CheckFinding>& out) {
    if (m.nik.empty()) return;
    std::vector<std::string_view> members;
    std::set<std::string_view> households, devices;
    for (const CheckedMember& o : c.same_nik) {
        if (o.member_id == m.member_id || o.nik != m.nik) continue;
        if (o.household_id == m.household_id && o.device_id == m.device_id) continue;
        members.push_back(o.member_id);
        if (o.household_id != m.household_id) households.insert(o.household_id);
        if (o.device_id != m.device_id) devices.insert(o.device_id);
    }
    if (members.empty()) return;
    std::sort(members.begin(), members.end());
    add(out, "nik_elsewhere",
        Detail()
            .number("devices", static_cast<std::int64_t>(devices.size()))
            .number("households", static_cast<std::int64_t>(households.size()))
            .texts("members", members));
}

void kkChecks(const CheckedHousehold& h, const RegionTable* regions,
              std::vector<CheckFinding>& out) {
    const std::string kec = kecamatanOfVillage(h.village_code);
    if (regions) {
        auto today = parseIsoDate(h.received_day);
        auto kk = parseKkNumber(h.kk_number, *regions, today ? *today : Date{2100, 1, 1});
        if (!kk) {
            const bool date = kk.error().code == "kk_date_invalid";
            add(out, date ? "kk_date" : "kk_region", Detail().text("error", kk.error().code));
            if (!date) return;
        }
    } else if (h.kk_number.size() != 16 || !allDigits(h.kk_number)) {
        add(out, "kk_region", Detail().text("error", "kk_length"));
        return;
    }
    const std::string kk_kec = kecamatanOf(h.kk_number);
    if (!kk_kec.empty() && !kec.empty() && kk_kec != kec)
        add(out, "kk_region", Detail().text("kecamatan", kec).text("kk_kecamatan", kk_kec));
}

std::optional<Date> birthOf(const CheckedMember& m) {
    auto d = parseIsoDate(m.birth_date);
    if (!d) return std::nullopt;
    return *d;
}

// Whole years from `older` to `younger` (negative when `younger` was born first).
int yearsBetween(const Date& older, const Date& younger) {
    return younger >= older ? ageOn(older, younger) : -ageOn(younger, older);
}

void relationAge(const CheckedMember& m, const MemberContext& c, std::vector<CheckFinding>& out) {
    if (!c.household) return;
    std::vector<const CheckedMember*> heads;
    for (const CheckedMember& o : c.household_members)
        if (o.relation == "head") heads.push_back(&o);
    if (heads.size() != 1) {
        if (m.relation == "head" || heads.empty())
            add(out, "relation_age",
                Detail().number("heads", static_cast<std::int64_t>(heads.size())));
        return;
    }
    auto head = birthOf(*heads.front());
    auto self = birthOf(m);
    if (!head || !self || heads.front()->member_id == m.member_id) return;
    const int years = yearsBetween(*head, *self);  // > 0: the member is younger than the head
    bool odd = false;
    if (m.relation == "child" || m.relation == "child_in_law") odd = years < 12;
    if (m.relation == "grandchild") odd = years < 24;
    if (m.relation == "parent" || m.relation == "parent_in_law") odd = years > -12;
    if (odd) add(out, "relation_age", Detail().text("relation", m.relation).number("years", years));
}

void pbiBasis(const CheckedMember& m, const MemberContext& c, std::vector<CheckFinding>& out) {
    if (m.segment != "PBI-APBN" && m.segment != "PBI-APBD") return;
    if (!c.household) return;
    std::string basis;
    auto documents = parseJson(c.household->documents);
    if (documents && documents->is_object()) {
        auto it = documents->find("pbi_basis");
        if (it != documents->end() && it->is_string()) basis = it->get<std::string>();
    }
    if (basis != "dtks" && basis != "sktm") add(out, "pbi_basis", Detail().text("pbi_basis", basis));
}

size_t codeRank(std::string_view code) {
    const auto codes = checkCodes();
    return static_cast<size_t>(std::find(codes.begin(), codes.end(), code) - codes.begin());
}

}  // namespace

std::vector<CheckFinding> checkMember(const CheckedMember& member, const MemberContext& context) {
    std::vector<CheckFinding> out;
    if (member.nik.empty()) {
        // A baby registered without a NIK yet: nothing to check it against until the NIK
        // arrives by correction; it cannot be verified before (decide refuses it).
        add(out, "nik_pending", Detail());
    } else {
        nikStructure(member, context, out);
        nikRegion(member, context, out);
        nikAgainstPerson(member, out);
        nikElsewhere(member, context, out);
    }
    if (context.household_findings)
        out.insert(out.end(), context.household_findings->begin(),
                   context.household_findings->end());
    else if (context.household)
        kkChecks(*context.household, context.regions, out);
    relationAge(member, context, out);
    pbiBasis(member, context, out);
    if (!member.existing_card.empty()) add(out, "prior_card", Detail());
    std::stable_sort(out.begin(), out.end(), [](const CheckFinding& a, const CheckFinding& b) {
        return codeRank(a.code) < codeRank(b.code);
    });
    return out;
}

std::vector<CheckFinding> checkHousehold(const CheckedHousehold& household,
                                         const RegionTable* regions) {
    std::vector<CheckFinding> out;
    kkChecks(household, regions, out);
    return out;
}

StampedCode memberState(const StateFacts& facts) {
    StampedCode out{"new", facts.received_at};
    // Statuses before the office's own pipeline (draft, queued, synced) say nothing here.
    std::optional<StampedCode> status;
    if (facts.status && parseOfficeState(facts.status->code) &&
        !awaitsDecision(*parseOfficeState(facts.status->code)))
        status = facts.status;
    if (facts.decision && (!status || facts.decision->at > status->at))
        out = *facts.decision;
    else if (status)
        out = *status;
    if ((out.code == "needs_correction" || out.code == "rejected") && facts.corrected_at > out.at)
        out = StampedCode{"corrected", facts.corrected_at};
    return out;
}

std::string checkList(const std::vector<CheckFinding>& findings) {
    std::string out;
    for (const CheckFinding& f : findings) {
        if (!out.empty()) out += ',';
        out += f.code;
    }
    return out;
}

}  // namespace pekon::hub
