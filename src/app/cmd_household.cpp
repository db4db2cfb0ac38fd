// `pekon household add|list|show|correct`.
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli_format.hpp"
#include "app/commands.hpp"
#include "codec/household_json.hpp"
#include "codec/json.hpp"
#include "core/enrolment.hpp"
#include "core/number.hpp"
#include "core/sex.hpp"
#include "core/text.hpp"
#include "store/households.hpp"

namespace pekon::cli {

namespace {

Result<std::string> readInput(const std::string& path) {
    return path == "-" ? readStream(std::cin, "stdin") : readFile(path);
}

OrderedJson fieldErrorsJson(const FieldErrors& list, Lang lang) {
    OrderedJson out = OrderedJson::array();
    for (const FieldError& e : list)
        out.push_back(
            {{"field", e.field}, {"code", e.error.code}, {"message", e.error.message(lang)}});
    return out;
}

void printFieldErrors(CliEnv& env, std::ostream& to, const FieldErrors& list,
                      std::string_view key) {
    for (const FieldError& e : list) {
        to << "  " << env.text(key) << " " << (e.field.empty() ? "-" : e.field) << ": "
           << e.error.message(env.lang()) << " [" << e.error.code << "]\n";
    }
}

int add(CliEnv& env, const Args& args) {
    const auto path = args.option("json");
    if (!path || args.positional.size() != 1) return env.usage("household add --json FILE");
    auto assets = env.assets();
    if (!assets) return env.fail(assets.error());
    auto text = readInput(*path);
    if (!text) return env.fail(text.error());
    auto inputs = parseHouseholdImport(*text);
    if (!inputs) return env.fail(inputs.error());
    auto store = env.store();
    if (!store) return env.fail(store.error());
    env.warnIfClockWrong();  // records written under a wrong clock carry its time

    const RegisterOutcome outcome =
        registerHouseholds(**store, *inputs, (*assets)->regions, env.writeContext());
    if (env.format() == Format::json) {
        OrderedJson saved = OrderedJson::array();
        for (const RegisteredHousehold& h : outcome.households)
            saved.push_back({{"household_id", h.household_id}, {"member_ids", h.member_ids}});
        OrderedJson out = {{"saved", saved},
                           {"warnings", fieldErrorsJson(outcome.warnings, env.lang())}};
        if (!outcome.ok()) out["errors"] = fieldErrorsJson(outcome.errors, env.lang());
        env.out() << dumpJson(out, 2) << "\n";
        return outcome.ok() ? kExitOk : kExitFailed;
    }
    if (!outcome.ok()) {
        std::cerr << env.text("household.not_saved") << "\n";
        printFieldErrors(env, std::cerr, outcome.errors, "label.error");
        printFieldErrors(env, std::cerr, outcome.warnings, "label.warning");
        return kExitFailed;
    }
    size_t members = 0;
    for (const RegisteredHousehold& h : outcome.households) members += h.member_ids.size();
    env.out() << env.text("household.saved",
                          {{"households", std::to_string(outcome.households.size())},
                           {"members", std::to_string(members)}})
              << "\n";
    for (const RegisteredHousehold& h : outcome.households)
        env.out() << "  " << h.household_id << "\n";
    printFieldErrors(env, env.out(), outcome.warnings, "label.warning");
    return kExitOk;
}

int list(CliEnv& env, const Args& args) {
    if (args.positional.size() != 1)
        return env.usage("household list [--village CODE] [--limit N]");
    int limit = 1000;
    if (auto l = args.option("limit")) {
        auto parsed = parseNumberIn(*l, 0, 999999);
        if (!parsed) return env.usage("--limit " + *l);
        limit = *parsed;
    }
    auto assets = env.assets();
    if (!assets) return env.fail(assets.error());
    auto store = env.existingStore();
    if (!store) return env.fail(store.error());
    auto rows = listHouseholds(**store, args.option("village").value_or(""), limit);
    if (!rows) return env.fail(rows.error());
    const RegionTable& regions = (*assets)->regions;
    if (env.format() == Format::json) {
        OrderedJson out = OrderedJson::array();
        for (const HouseholdSummary& h : *rows) out.push_back(summaryJson(h, regions));
        env.out() << dumpJson(out, 2) << "\n";
        return kExitOk;
    }
    if (rows->empty()) {
        env.out() << env.text("household.none") << "\n";
        return kExitOk;
    }
    Table table({env.text("label.household_id"), env.text("label.village"),
                 env.text("label.kk_number"), env.text("label.head"), env.text("label.members"),
                 env.text("label.registered")});
    for (const HouseholdSummary& h : *rows) {
        table.add({h.household.id, villageName(regions, h.household.village_code),
                   maskDigits(h.household.kk_number), h.head_name, std::to_string(h.member_count),
                   formatIsoDate(dateOf(h.registered_at))});
    }
    table.print(env.out());
    return kExitOk;
}

int show(CliEnv& env, const Args& args) {
    if (args.positional.size() != 2) return env.usage("household show ID");
    auto assets = env.assets();
    if (!assets) return env.fail(assets.error());
    auto store = env.existingStore();
    if (!store) return env.fail(store.error());
    auto detail = findHousehold(**store, args.positional[1]);
    if (!detail) return env.fail(detail.error());
    if (!*detail)
        return env.fail(Error{"household_not_found",
                              "Keluarga " + args.positional[1] + " tidak ditemukan.",
                              "Household " + args.positional[1] + " was not found."});
    printHousehold(env, **detail, **assets);
    return kExitOk;
}

// The member as the form would hold it (what correctMember validates again).
MemberInput inputOf(const Member& m) {
    MemberInput in;
    in.nik = m.nik;
    in.name = m.name;
    in.birth_date = formatIsoDate(m.birth_date);
    in.sex = std::string(sexCode(m.sex));
    in.relation = std::string(relationCode(m.relation));
    in.segment = std::string(segmentCode(m.segment));
    in.care_class = std::to_string(m.care_class);
    in.occupation = m.occupation;
    in.existing_card = m.existing_card;
    in.phone = m.phone;
    in.nik_mismatch_reason = m.nik_mismatch_reason;
    return in;
}

// `household correct HOUSEHOLD_ID MEMBER_ID --name NAME`: the correction the office asks for
// most (the name's spelling), as the touch app's household screen makes it: one
// member.corrected event, the member queued again.
int correct(CliEnv& env, const Args& args) {
    const auto name = args.option("name");
    if (args.positional.size() != 3 || !name)
        return env.usage("household correct HOUSEHOLD_ID MEMBER_ID --name NAME");
    auto assets = env.assets();
    if (!assets) return env.fail(assets.error());
    auto store = env.existingStore();
    if (!store) return env.fail(store.error());
    auto detail = findHousehold(**store, args.positional[1]);
    if (!detail) return env.fail(detail.error());
    const MemberRecord* record = nullptr;
    if (*detail)
        for (const MemberRecord& m : (*detail)->members)
            if (m.member.id == args.positional[2]) record = &m;
    if (!record)
        return env.fail(Error{"member_not_found", "Anggota tidak ditemukan.",
                              "The member was not found."});
    MemberInput input = inputOf(record->member);
    input.name = *name;
    FieldErrors errors;
    auto changed =
        correctMember(**store, record->member.id, input, (*assets)->regions, env.writeContext(),
                      &errors);
    if (!changed) {
        printFieldErrors(env, std::cerr, errors, "label.error");
        return env.fail(changed.error());
    }
    env.out() << dumpJson(OrderedJson{{"corrected", *changed}}) << "\n";
    return kExitOk;
}

}  // namespace

int runHousehold(CliEnv& env, const Args& args) {
    const std::string verb = args.positional.empty() ? "" : args.positional[0];
    if (!args.problem.empty()) return env.usage(args.problem);
    if (verb == "add") return add(env, args);
    if (verb == "list") return list(env, args);
    if (verb == "show") return show(env, args);
    if (verb == "correct") return correct(env, args);
    return env.usage("household add|list|show|correct");
}

}  // namespace pekon::cli
