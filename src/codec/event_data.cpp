#include "codec/event_data.hpp"

#include "codec/json.hpp"
#include "codec/json_writer.hpp"

namespace pekon {

namespace {

Error dataError(const std::string& field) {
    return Error{"event_data_invalid", "Data peristiwa rusak: kolom " + field + ".",
                 "Broken event data: field " + field + "."};
}

bool getString(const Json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

}  // namespace

std::string householdRegisteredData(const Household& h) {
    JsonObjectWriter w;
    w.field("household_id", h.id)
        .field("kk_number", h.kk_number)
        .field("village_code", h.village_code)
        .field("address", h.address)
        .field("rt", h.rt)
        .field("rw", h.rw);
    if (!h.phone.empty()) w.field("phone", h.phone);
    const DocumentsSeen& d = h.documents;
    if (d.ktp || d.kk || d.birth_certificate || !d.pbi_basis.empty()) {
        JsonObjectWriter docs;
        docs.field("ktp", d.ktp).field("kk", d.kk).field("birth_certificate", d.birth_certificate);
        if (!d.pbi_basis.empty()) docs.field("pbi_basis", d.pbi_basis);
        w.raw("documents", std::move(docs).finish());
    }
    const ConsentRecord& c = h.consent;
    if (!c.text_version.empty()) {
        JsonObjectWriter consent;
        consent.field("text_version", c.text_version)
            .field("citizen_agreed", c.citizen_agreed)
            .field("volunteer_attested", c.volunteer_attested);
        w.raw("consent", std::move(consent).finish());
    }
    return std::move(w).finish();
}

std::string feedbackSubmittedData(const Feedback& f) {
    JsonObjectWriter w;
    w.field("category", feedbackCategoryCode(f.category))
        .field("rating", static_cast<std::int64_t>(f.rating))
        .field("text", f.text);
    if (!f.phone.empty()) w.field("phone", f.phone);
    if (f.complaint) w.field("complaint", true);
    return std::move(w).finish();
}

std::string memberRegisteredData(const Member& m) {
    JsonObjectWriter w;
    w.field("member_id", m.id)
        .field("household_id", m.household_id)
        .field("nik", m.nik)
        .field("name", m.name)
        .field("birth_date", formatIsoDate(m.birth_date))
        .field("sex", sexCode(m.sex))
        .field("relation", relationCode(m.relation))
        .field("segment", segmentCode(m.segment))
        .field("class", static_cast<std::int64_t>(m.care_class));
    if (!m.occupation.empty()) w.field("occupation", m.occupation);
    if (!m.existing_card.empty()) w.field("existing_card", m.existing_card);
    if (!m.phone.empty()) w.field("phone", m.phone);
    if (!m.nik_mismatch_reason.empty()) w.field("nik_mismatch_reason", m.nik_mismatch_reason);
    if (m.nik.empty()) w.field("nik_pending", true);  // a baby without a NIK yet
    if (!m.pregnancy_due.empty()) w.field("pregnancy_due", m.pregnancy_due);
    return std::move(w).finish();
}

Result<Household> parseHouseholdRegistered(std::string_view data) {
    auto j = parseJson(data);
    if (!j || !j->is_object()) return dataError("$");
    Household h;
    for (auto [key, target] : {std::pair{"household_id", &h.id},
                               {"kk_number", &h.kk_number},
                               {"village_code", &h.village_code},
                               {"address", &h.address},
                               {"rt", &h.rt},
                               {"rw", &h.rw}}) {
        if (!getString(*j, key, *target)) return dataError(key);
    }
    if (j->contains("phone") && !getString(*j, "phone", h.phone)) return dataError("phone");
    return h;
}

Result<Member> parseMemberRegistered(std::string_view data) {
    auto j = parseJson(data);
    if (!j || !j->is_object()) return dataError("$");
    Member m;
    std::string birth, sex, relation, segment;
    for (auto [key, target] : {std::pair{"member_id", &m.id},
                               {"household_id", &m.household_id},
                               {"nik", &m.nik},
                               {"name", &m.name},
                               {"birth_date", &birth},
                               {"sex", &sex},
                               {"relation", &relation},
                               {"segment", &segment}}) {
        if (!getString(*j, key, *target)) return dataError(key);
    }
    auto date = parseIsoDate(birth);
    if (!date) return dataError("birth_date");
    m.birth_date = *date;
    const auto parsed_sex = parseSex(sex);
    const auto parsed_relation = parseRelation(relation);
    const auto parsed_segment = parseSegment(segment);
    if (!parsed_sex) return dataError("sex");
    if (!parsed_relation) return dataError("relation");
    if (!parsed_segment) return dataError("segment");
    m.sex = *parsed_sex;
    m.relation = *parsed_relation;
    m.segment = *parsed_segment;
    auto cls = j->find("class");
    if (cls == j->end() || !cls->is_number_integer()) return dataError("class");
    const std::int64_t care_class = cls->get<std::int64_t>();
    if (care_class < 1 || care_class > 3) return dataError("class");
    m.care_class = static_cast<int>(care_class);
    for (auto [key, target] : {std::pair{"occupation", &m.occupation},
                               {"existing_card", &m.existing_card},
                               {"phone", &m.phone},
                               {"nik_mismatch_reason", &m.nik_mismatch_reason},
                               {"pregnancy_due", &m.pregnancy_due}}) {
        if (j->contains(key) && !getString(*j, key, *target)) return dataError(key);
    }
    return m;
}

std::string memberCorrectedData(const MemberChange& c) {
    JsonObjectWriter w;
    w.field("member_id", c.member_id);
    for (auto [key, value] : {std::pair{"nik", &c.nik},
                              {"name", &c.name},
                              {"birth_date", &c.birth_date},
                              {"sex", &c.sex},
                              {"relation", &c.relation},
                              {"segment", &c.segment}}) {
        if (*value) w.field(key, **value);
    }
    if (c.care_class) w.field("class", static_cast<std::int64_t>(*c.care_class));
    return std::move(w).finish();
}

Result<MemberChange> parseMemberCorrected(std::string_view data) {
    auto j = parseJson(data);
    if (!j || !j->is_object()) return dataError("$");
    MemberChange c;
    if (!getString(*j, "member_id", c.member_id)) return dataError("member_id");
    for (auto [key, target] : {std::pair{"nik", &c.nik},
                               {"name", &c.name},
                               {"birth_date", &c.birth_date},
                               {"sex", &c.sex},
                               {"relation", &c.relation},
                               {"segment", &c.segment}}) {
        if (!j->contains(key)) continue;
        std::string value;
        if (!getString(*j, key, value)) return dataError(key);
        *target = value;
    }
    if (auto cls = j->find("class"); cls != j->end()) {
        if (!cls->is_number_integer() || cls->get<std::int64_t>() < 1 ||
            cls->get<std::int64_t>() > 3)
            return dataError("class");
        c.care_class = static_cast<int>(cls->get<std::int64_t>());
    }
    return c;
}

}  // namespace pekon
