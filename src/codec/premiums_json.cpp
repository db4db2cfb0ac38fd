#include "codec/premiums_json.hpp"

#include "codec/json.hpp"

namespace pekon {

namespace {
Error bad(const std::string& where) {
    return Error{"premium_table_invalid", "Berkas iuran rusak di " + where + ".",
                 "The premium file is broken at " + where + "."};
}
}  // namespace

Result<PremiumTable> parsePremiums(std::string_view text) {
    auto doc = parseJson(text);
    if (!doc) return doc.error();
    auto list = doc->find("schedules");
    if (!doc->is_object() || list == doc->end() || !list->is_array()) return bad("schedules");
    std::vector<PremiumSchedule> schedules;
    for (size_t i = 0; i < list->size(); ++i) {
        const Json& s = (*list)[i];
        const std::string at = "schedules[" + std::to_string(i) + "]";
        if (!s.is_object()) return bad(at);
        PremiumSchedule p;
        const Json from = s.value("effective_from", Json());
        auto date =
            from.is_string() ? parseIsoDate(from.get<std::string>()) : Result<Date>(bad(at));
        if (!date) return bad(at + ".effective_from");
        p.effective_from = *date;
        const Json basis = s.value("legal_basis", Json(""));
        if (!basis.is_string()) return bad(at + ".legal_basis");
        p.legal_basis = basis.get<std::string>();
        const Json classes = s.value("class_premium", Json());
        for (const char* roman : {"I", "II", "III"}) {
            const int cls = parseCareClass(roman).value_or(0);
            if (!classes.is_object() || !classes.contains(roman) ||
                !classes[roman].is_number_integer())
                return bad(at + ".class_premium." + roman);
            p.class_premium[cls - 1] = classes[roman].get<Rupiah>();
        }
        const Json subsidies = s.value("government_subsidy", Json::array());
        if (!subsidies.is_array()) return bad(at + ".government_subsidy");
        for (const Json& sub : subsidies) {
            Subsidy x{};
            if (!sub.is_object() || !sub.value("segment", Json()).is_string() ||
                !sub.value("class", Json()).is_string() ||
                !sub.value("amount", Json()).is_number_integer())
                return bad(at + ".government_subsidy");
            const auto segment = parseSegment(sub["segment"].get<std::string>());
            const auto care_class = parseCareClass(sub["class"].get<std::string>());
            if (!segment || !care_class) return bad(at + ".government_subsidy");
            x.segment = *segment;
            x.care_class = *care_class;
            x.amount = sub["amount"].get<Rupiah>();
            p.subsidies.push_back(x);
        }
        const Json payroll = s.value("payroll", Json::object());
        if (!payroll.is_object()) return bad(at + ".payroll");
        const Json percent = payroll.value("percent_of_wage", Json(0));
        const Json cap = payroll.value("wage_cap", Json(0));
        if (!percent.is_number() || !cap.is_number_integer()) return bad(at + ".payroll");
        p.payroll_percent = percent.get<double>();
        p.payroll_wage_cap = cap.get<Rupiah>();
        schedules.push_back(std::move(p));
    }
    return PremiumTable::create(std::move(schedules));
}

}  // namespace pekon
