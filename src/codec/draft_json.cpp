#include "codec/draft_json.hpp"

#include "codec/json.hpp"

namespace pekon {

namespace {

Error invalid() {
    return Error{"draft_invalid", "Draf rusak dan tidak bisa dibuka.", "The draft is damaged and cannot be opened."};
}

std::string text(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool flag(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

std::string draftToJson(const HouseholdDraft& d) {
    const HouseholdInput& h = d.household;
    Json members = Json::array();
    for (const MemberInput& m : h.members) {
        members.push_back({{"nik", m.nik},
                           {"name", m.name},
                           {"birth_date", m.birth_date},
                           {"sex", m.sex},
                           {"relation", m.relation},
                           {"segment", m.segment},
                           {"class", m.care_class},
                           {"occupation", m.occupation},
                           {"existing_card", m.existing_card},
                           {"phone", m.phone},
                           {"nik_mismatch_reason", m.nik_mismatch_reason},
                           {"no_nik", m.no_nik},
                           {"pregnancy_due", m.pregnancy_due}});
    }
    const Json j = {{"id", d.id},
                    {"step", stepCode(d.step)},
                    {"district_code", d.district_code},
                    {"kk_number", h.kk_number},
                    {"village_code", h.village_code},
                    {"address", h.address},
                    {"rt", h.rt},
                    {"rw", h.rw},
                    {"phone", h.phone},
                    {"members", members},
                    {"documents",
                     {{"ktp", h.documents.ktp},
                      {"kk", h.documents.kk},
                      {"birth_certificate", h.documents.birth_certificate},
                      {"pbi_basis", h.documents.pbi_basis}}},
                    {"consent",
                     {{"text_version", h.consent.text_version},
                      {"citizen_agreed", h.consent.citizen_agreed},
                      {"volunteer_attested", h.consent.volunteer_attested}}}};
    return dumpJson(j);
}

Result<HouseholdDraft> draftFromJson(std::string_view json) {
    auto j = parseJson(json);
    if (!j || !j->is_object()) return invalid();
    HouseholdDraft d;
    d.id = text(*j, "id");
    auto step = parseStep(text(*j, "step"));
    if (!step) return invalid();
    d.step = *step;
    d.district_code = text(*j, "district_code");
    HouseholdInput& h = d.household;
    h.kk_number = text(*j, "kk_number");
    h.village_code = text(*j, "village_code");
    h.address = text(*j, "address");
    h.rt = text(*j, "rt");
    h.rw = text(*j, "rw");
    h.phone = text(*j, "phone");
    auto members = j->find("members");
    if (members == j->end() || !members->is_array()) return invalid();
    for (const Json& m : *members) {
        if (!m.is_object()) return invalid();
        h.members.push_back({text(m, "nik"), text(m, "name"), text(m, "birth_date"), text(m, "sex"),
                             text(m, "relation"), text(m, "segment"), text(m, "class"), text(m, "occupation"),
                             text(m, "existing_card"), text(m, "phone"), text(m, "nik_mismatch_reason"),
                             flag(m, "no_nik"), text(m, "pregnancy_due")});
    }
    if (auto docs = j->find("documents"); docs != j->end() && docs->is_object()) {
        h.documents = {flag(*docs, "ktp"), flag(*docs, "kk"), flag(*docs, "birth_certificate"),
                       text(*docs, "pbi_basis")};
    }
    if (auto c = j->find("consent"); c != j->end() && c->is_object()) {
        h.consent = {text(*c, "text_version"), flag(*c, "citizen_agreed"), flag(*c, "volunteer_attested")};
    }
    return d;
}

}  // namespace pekon
