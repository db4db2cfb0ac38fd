// `pekon nik NIK [--birth-date YYYY-MM-DD] [--sex M|F]`: one JSON object, whatever the input.
#include <ostream>

#include "app/commands.hpp"
#include "codec/json.hpp"
#include "core/nik.hpp"

namespace pekon::cli {

namespace {

OrderedJson regionJson(const std::optional<Region>& region) {
    if (!region) return nullptr;
    return OrderedJson{{"code", region->code}, {"name", region->name}};
}

int invalid(CliEnv& env, const OrderedJson& nik, const Error& error) {
    const OrderedJson out = {
        {"nik", nik},
        {"valid", false},
        {"error", {{"code", error.code}, {"message", error.message(env.lang())}}}};
    env.out() << dumpJson(out) << "\n";
    return kExitFailed;
}

Error usageError(const std::string& detail) {
    return Error{"usage",
                 "Cara pakai: pekon nik NIK [--birth-date TTTT-BB-HH] [--sex L|P] (" + detail + ")",
                 "Usage: pekon nik NIK [--birth-date YYYY-MM-DD] [--sex M|F] (" + detail + ")"};
}

}  // namespace

int runNik(CliEnv& env, const Args& args) {
    const OrderedJson nik =
        args.positional.empty() ? OrderedJson(nullptr) : OrderedJson(args.positional[0]);
    if (!args.problem.empty()) return invalid(env, nik, usageError(args.problem));
    if (args.positional.size() != 1)
        return invalid(env, nik, usageError(args.positional.empty() ? "NIK?" : args.positional[1]));

    NikCheck check;
    if (auto text = args.option("birth-date")) {
        auto date = parseIsoDate(*text);
        if (!date) return invalid(env, nik, date.error());
        check.birth_date = *date;
    }
    if (auto text = args.option("sex")) {
        const std::optional<Sex> sex = parseSex(*text);
        if (!sex)
            return invalid(
                env, nik,
                Error{"sex_invalid", "Jenis kelamin harus L (laki-laki) atau P (perempuan).",
                      "Sex must be M (male) or F (female)."});
        check.sex = sex;
    }
    auto assets = env.assets();
    if (!assets) return invalid(env, nik, assets.error());

    auto info = parseNik(args.positional[0], (*assets)->regions, env.today(), check);
    if (!info) return invalid(env, nik, info.error());
    OrderedJson warnings = OrderedJson::array();
    for (const Warning& w : info->warnings)
        warnings.push_back({{"code", w.code}, {"message", w.message(env.lang())}});
    const OrderedJson out = {{"nik", info->digits},
                             {"valid", true},
                             {"province", regionJson(info->region.province)},
                             {"regency", regionJson(info->region.regency)},
                             {"district", regionJson(info->region.district)},
                             {"birth_date", formatIsoDate(info->birth_date)},
                             {"sex", sexCode(info->sex)},
                             {"serial", info->serial},
                             {"warnings", warnings}};
    env.out() << dumpJson(out) << "\n";
    return kExitOk;
}

}  // namespace pekon::cli
