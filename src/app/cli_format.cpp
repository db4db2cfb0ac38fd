#include "app/cli_format.hpp"

#include <algorithm>
#include <ostream>

#include "core/status_reason.hpp"

namespace pekon::cli {

namespace {

size_t displayWidth(const std::string& text) {
    size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

// The office's last word on a member it sent back, or null: {"state": needs_correction |
// rejected | correction_sent, "decision", "reason" (as the office sent it), "note"}.
OrderedJson officeRequestJson(const MemberRecord& r) {
    const OfficeRequest request = r.officeRequest();
    if (request == OfficeRequest::none) return nullptr;
    return {{"state", officeRequestCode(request)},
            {"decision", r.office_decision},
            {"reason", r.office_reason},
            {"note", r.office_note}};
}

// "The office asks for a correction: The name is not spelled as on the KTP", or "".
std::string officeRequestLine(const CliEnv& env, const MemberRecord& r) {
    const auto keys = officeRequestKeys(r.status, r.office_decision, r.office_reason);
    return keys ? env.text(keys->line, {{"reason", env.text(keys->reason)}}) : "";
}

OrderedJson memberJson(const MemberRecord& r) {
    const Member& m = r.member;
    OrderedJson history = OrderedJson::array();
    for (const StatusStep& s : r.history)
        history.push_back({{"status", statusCode(s.status)}, {"at", formatRfc3339(s.at)}});
    const std::optional<Date> eta = cardEta(r.status, r.history);
    return {{"member_id", m.id},
            {"nik", m.nik},
            {"name", m.name},
            {"birth_date", formatIsoDate(m.birth_date)},
            {"sex", sexCode(m.sex)},
            {"relation", relationCode(m.relation)},
            {"segment", segmentCode(m.segment)},
            {"class", m.care_class},
            {"status", statusCode(r.status)},
            {"status_history", history},
            {"card_eta", eta ? OrderedJson(formatIsoDate(*eta)) : OrderedJson(nullptr)},
            {"card_number", r.card_number},
            {"faskes", r.faskes},
            {"duplicate_of",
             r.duplicate_of.empty() ? OrderedJson(nullptr) : OrderedJson(r.duplicate_of)},
            {"office_request", officeRequestJson(r)}};
}

// "Lunas (kartu ± 2026-12-06)": the status, with the card ETA while one is due.
std::string statusText(const CliEnv& env, const MemberRecord& r) {
    std::string text = env.text("status." + std::string(statusCode(r.status)));
    if (auto eta = cardEta(r.status, r.history))
        text.append(" ").append(env.text("status.card_eta", {{"date", formatIsoDate(*eta)}}));
    return text;
}

}  // namespace

void Table::print(std::ostream& out) const {
    std::vector<size_t> width;
    for (const auto& row : rows_) {
        width.resize(std::max(width.size(), row.size()));
        for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], displayWidth(row[i]));
    }
    for (const auto& row : rows_) {
        for (size_t i = 0; i < row.size(); ++i) {
            out << row[i];
            if (i + 1 < row.size()) out << std::string(width[i] - displayWidth(row[i]) + 2, ' ');
        }
        out << "\n";
    }
}

std::string villageName(const RegionTable& regions, const std::string& code) {
    const Village* v = regions.village(code);
    if (!v) return code;
    const Region* d = regions.district(v->district_code);
    return d ? v->name + ", " + d->name : v->name;
}

OrderedJson summaryJson(const HouseholdSummary& h, const RegionTable& regions) {
    return {{"household_id", h.household.id},
            {"kk_number", h.household.kk_number},
            {"village_code", h.household.village_code},
            {"village", villageName(regions, h.household.village_code)},
            {"address", h.household.address},
            {"rt", h.household.rt},
            {"rw", h.household.rw},
            {"phone", h.household.phone},
            {"head_name", h.head_name},
            {"member_count", h.member_count},
            {"registered_at", formatRfc3339(h.registered_at)}};
}

void printHousehold(CliEnv& env, const HouseholdDetail& detail, const Assets& assets) {
    std::vector<PremiumTable::Person> people;
    for (const MemberRecord& r : detail.members)
        people.push_back({r.member.segment, r.member.care_class});
    auto premium = assets.premiums.householdMonthly(people, env.today());

    if (env.format() == Format::json) {
        OrderedJson out = summaryJson(detail.summary, assets.regions);
        OrderedJson members = OrderedJson::array();
        for (const MemberRecord& r : detail.members) members.push_back(memberJson(r));
        out["members"] = members;
        if (!premium) out["monthly_premium_error"] = premium.error().message(env.lang());
        if (premium)
            out["monthly_premium"] = {{"total", premium->premium},
                                      {"government_pays", premium->government_pays},
                                      {"household_pays", premium->participant_pays},
                                      {"payroll_members", premium->payroll_members}};
        env.out() << dumpJson(out, 2) << "\n";
        return;
    }
    const Household& h = detail.summary.household;
    std::ostream& out = env.out();
    out << env.text("label.household_id") << ": " << h.id << "\n"
        << env.text("label.kk_number") << ": " << h.kk_number << "\n"
        << env.text("label.village") << ": " << villageName(assets.regions, h.village_code) << "\n"
        << env.text("label.address") << ": " << h.address;
    if (!h.rt.empty()) out << ", RT " << h.rt;
    if (!h.rw.empty()) out << " RW " << h.rw;
    out << "\n";
    if (!h.phone.empty()) out << env.text("label.phone") << ": " << h.phone << "\n";
    out << env.text("label.registered") << ": " << formatRfc3339(detail.summary.registered_at)
        << "\n\n";

    Table table({env.text("label.nik"), env.text("label.name"), env.text("label.birth_date"),
                 env.text("label.sex"), env.text("label.relation"), env.text("label.segment"),
                 env.text("label.class"), env.text("label.status")});
    for (const MemberRecord& r : detail.members) {
        const Member& m = r.member;
        table.add({m.nik, m.name, formatIsoDate(m.birth_date),
                   env.text(std::string("sex.") + std::string(sexCode(m.sex))),
                   env.text("relation." + std::string(relationCode(m.relation))),
                   std::string(segmentCode(m.segment)), std::string(careClassRoman(m.care_class)),
                   statusText(env, r)});
    }
    table.print(out);
    // What the office sent back, member by member, with its note.
    bool first = true;
    for (const MemberRecord& r : detail.members) {
        const std::string line = officeRequestLine(env, r);
        if (line.empty()) continue;
        out << (first ? "\n" : "") << r.member.name << ": " << line << "\n";
        if (!r.office_note.empty())
            out << "  " << env.text("household.office_note", {{"note", r.office_note}}) << "\n";
        first = false;
    }
    if (!premium) out << "\n" << premium.error().message(env.lang()) << "\n";
    if (premium) {
        out << "\n"
            << env.text("household.premium",
                        {{"total", formatRupiah(premium->premium)},
                         {"government", formatRupiah(premium->government_pays)},
                         {"household", formatRupiah(premium->participant_pays)}})
            << "\n";
        if (premium->payroll_members > 0)
            out << env.text("household.payroll",
                            {{"count", std::to_string(premium->payroll_members)}})
                << "\n";
    }
}

}  // namespace pekon::cli
