#include "codec/household_json.hpp"

#include <set>

#include "codec/json.hpp"

namespace pekon {

namespace {

Error shapeError(const std::string& where, const std::string& what_id, const std::string& what_en) {
    return Error{"import_shape_invalid", "Format impor salah di " + where + ": " + what_id,
                 "Wrong import format at " + where + ": " + what_en};
}

struct FieldSpec {
    const char* key;
    std::string* target;
};

// Copies the listed text fields of `object` and refuses any other key.
Status readFields(const Json& object, const std::string& where, const std::set<std::string>& extra,
                  std::initializer_list<FieldSpec> fields) {
    if (!object.is_object())
        return shapeError(where, "harus objek JSON.", "must be a JSON object.");
    for (const auto& [key, value] : object.items()) {
        bool known = extra.count(key) > 0;
        for (const FieldSpec& f : fields) known = known || key == f.key;
        if (!known) return shapeError(where + "." + key, "kolom tidak dikenal.", "unknown field.");
    }
    for (const FieldSpec& f : fields) {
        if (!readText(object, f.key, *f.target))
            return shapeError(where + "." + f.key, "harus teks atau angka.",
                              "must be text or a number.");
    }
    return {};
}

Result<HouseholdInput> readHousehold(const Json& object, const std::string& where) {
    HouseholdInput h;
    if (auto s = readFields(object, where, {"members"},
                            {{"kk_number", &h.kk_number},
                             {"village_code", &h.village_code},
                             {"address", &h.address},
                             {"rt", &h.rt},
                             {"rw", &h.rw},
                             {"phone", &h.phone}});
        !s)
        return s.error();
    auto members = object.find("members");
    if (members == object.end() || !members->is_array())
        return shapeError(where + ".members", "harus daftar (array) anggota.",
                          "must be an array of members.");
    for (size_t i = 0; i < members->size(); ++i) {
        MemberInput m;
        const std::string at = where + ".members[" + std::to_string(i) + "]";
        if (auto s = readFields((*members)[i], at, {},
                                {{"nik", &m.nik},
                                 {"name", &m.name},
                                 {"birth_date", &m.birth_date},
                                 {"sex", &m.sex},
                                 {"relation", &m.relation},
                                 {"segment", &m.segment},
                                 {"class", &m.care_class},
                                 {"pregnancy_due", &m.pregnancy_due}});
            !s)
            return s.error();
        h.members.push_back(std::move(m));
    }
    return h;
}

}  // namespace

Result<std::vector<HouseholdInput>> parseHouseholdImport(std::string_view json_text) {
    auto doc = parseJson(json_text);
    if (!doc) return doc.error();
    std::vector<HouseholdInput> out;
    if (doc->is_object()) {
        auto h = readHousehold(*doc, "$");
        if (!h) return h.error();
        out.push_back(std::move(h.value()));
        return out;
    }
    if (!doc->is_array() || doc->empty())
        return shapeError("$", "harus satu objek keluarga atau daftar keluarga.",
                          "must be one household object or a non-empty array of them.");
    for (size_t i = 0; i < doc->size(); ++i) {
        auto h = readHousehold((*doc)[i], "$[" + std::to_string(i) + "]");
        if (!h) return h.error();
        out.push_back(std::move(h.value()));
    }
    return out;
}

}  // namespace pekon
