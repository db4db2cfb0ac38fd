#include "codec/scan_payload_json.hpp"

namespace pekon {

namespace {

OrderedJson errorJson(const Error& error, Lang lang) {
    return {{"code", error.code}, {"message", error.message(lang)}};
}

}  // namespace

OrderedJson scanPayloadJson(const ScanPayload& payload, Lang lang) {
    OrderedJson out = {{"kind", payloadKindCode(payload.kind)}};
    if (!payload.nik.empty()) out["nik"] = payload.nik;
    if (!payload.kk_number.empty()) out["kk_number"] = payload.kk_number;
    if (!payload.card_number.empty()) out["card_number"] = payload.card_number;
    if (!payload.name.empty()) out["name"] = payload.name;
    if (payload.birth_date) out["birth_date"] = formatIsoDate(*payload.birth_date);
    if (payload.sex) out["sex"] = sexCode(*payload.sex);
    if (!payload.params.empty()) {
        OrderedJson params = OrderedJson::object();
        for (const auto& [key, value] : payload.params) params[key] = value;
        out["params"] = params;
    }
    if (!payload.warnings.empty()) {
        OrderedJson warnings = OrderedJson::array();
        for (const Warning& w : payload.warnings) warnings.push_back(errorJson(w, lang));
        out["warnings"] = warnings;
    }
    if (payload.problem) out["problem"] = errorJson(*payload.problem, lang);
    out["raw"] = payload.raw;
    return out;
}

}  // namespace pekon
