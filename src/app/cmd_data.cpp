// `pekon export`, `pekon outbox`, `pekon search`, `pekon check`: reading the device's data.
#include <ostream>

#include "app/cli_format.hpp"
#include "app/commands.hpp"
#include "core/text.hpp"
#include "platform/paths.hpp"
#include "store/event_log.hpp"
#include "store/export.hpp"
#include "store/households.hpp"
#include "store/verify.hpp"

namespace pekon::cli {

namespace {

// Assets (for texts) and the store, or the exit code of the failure.
Result<Store*> openAll(CliEnv& env) {
    auto assets = env.assets();
    if (!assets) return assets.error();
    return env.existingStore();
}

}  // namespace

int runExport(CliEnv& env, const Args& args) {
    const auto dir = args.option("csv");
    if (!args.problem.empty() || !dir || !args.positional.empty())
        return env.usage(args.problem.empty() ? "export --csv DIR" : args.problem);
    auto store = openAll(env);
    if (!store) return env.fail(store.error());
    if (auto s = platform::ensureDirectory(*dir); !s) return env.fail(s.error());
    auto counts = exportCsv(**store, *dir);
    if (!counts) return env.fail(counts.error());
    if (env.format() == Format::json) {
        env.out() << dumpJson(OrderedJson{{"households", counts->households},
                                          {"members", counts->members},
                                          {"events", counts->events}})
                  << "\n";
    } else {
        env.out() << env.text("export.done", {{"households", std::to_string(counts->households)},
                                              {"members", std::to_string(counts->members)},
                                              {"events", std::to_string(counts->events)},
                                              {"dir", *dir}})
                  << "\n";
    }
    return kExitOk;
}

int runOutbox(CliEnv& env, const Args& args) {
    if (!args.problem.empty() || !args.positional.empty())
        return env.usage(args.problem.empty() ? "outbox" : args.problem);
    auto store = openAll(env);
    if (!store) return env.fail(store.error());
    auto counts = outboxCounts(**store);
    if (!counts) return env.fail(counts.error());
    auto rejected = listEvents(**store, 0, 1000, SyncState::rejected);
    if (!rejected) return env.fail(rejected.error());
    if (env.format() == Format::json) {
        OrderedJson list = OrderedJson::array();
        for (const Event& e : *rejected)
            list.push_back({{"seq", e.seq},
                            {"id", e.id},
                            {"type", e.type},
                            {"code", e.hub_code},
                            {"message", e.hub_message}});
        env.out() << dumpJson(OrderedJson{{"pending", counts->pending},
                                          {"accepted", counts->accepted},
                                          {"duplicate", counts->duplicate},
                                          {"rejected", counts->rejected},
                                          {"rejected_events", list}},
                              2)
                  << "\n";
        return kExitOk;
    }
    Table table({env.text("outbox.state"), env.text("outbox.count")});
    table.add({env.text("sync.pending"), std::to_string(counts->pending)});
    table.add({env.text("sync.accepted"), std::to_string(counts->accepted)});
    table.add({env.text("sync.duplicate"), std::to_string(counts->duplicate)});
    table.add({env.text("sync.rejected"), std::to_string(counts->rejected)});
    table.print(env.out());
    for (const Event& e : *rejected)
        env.out() << "  #" << e.seq << " " << e.type << ": " << e.hub_message << " [" << e.hub_code
                  << "]\n";
    return kExitOk;
}

int runSearch(CliEnv& env, const Args& args) {
    if (!args.problem.empty() || args.positional.size() != 1)
        return env.usage(args.problem.empty() ? "search NIK|KK|NAME" : args.problem);
    auto store = openAll(env);
    if (!store) return env.fail(store.error());
    auto hits = searchMembers(**store, args.positional[0]);
    if (!hits) return env.fail(hits.error());
    const RegionTable& regions = (*env.assets())->regions;
    if (env.format() == Format::json) {
        OrderedJson out = OrderedJson::array();
        for (const MemberHit& h : *hits)
            out.push_back({{"member_id", h.member_id},
                           {"household_id", h.household_id},
                           {"nik", h.nik},
                           {"name", h.name},
                           {"village_code", h.village_code},
                           {"status", statusCode(h.status)}});
        env.out() << dumpJson(out, 2) << "\n";
        return kExitOk;
    }
    if (hits->empty()) {
        env.out() << env.text("search.none") << "\n";
        return kExitOk;
    }
    Table table({env.text("label.nik"), env.text("label.name"), env.text("label.village"),
                 env.text("label.status"), env.text("label.household_id")});
    for (const MemberHit& h : *hits)
        table.add({maskDigits(h.nik), h.name, villageName(regions, h.village_code),
                   env.text("status." + std::string(statusCode(h.status))), h.household_id});
    table.print(env.out());
    return kExitOk;
}

int runCheck(CliEnv& env, const Args& args) {
    if (!args.problem.empty() || !args.positional.empty())
        return env.usage(args.problem.empty() ? "check" : args.problem);
    auto store = openAll(env);
    if (!store) return env.fail(store.error());
    // In text the damage was said when the store opened (CliEnv::store).
    if (const auto& damage = (*store)->damage())
        return env.format() == Format::json ? env.fail(*damage) : kExitFailed;
    auto report = integrityCheck(**store, /*full=*/true);
    if (!report) return env.fail(report.error());
    if (*report != "ok")
        return env.fail(Error{"db_damaged", "Pemeriksaan integritas gagal: " + *report,
                              "The integrity check failed: " + *report});
    if (auto s = verifyProjections(**store); !s) return env.fail(s.error());
    if (env.format() == Format::json)
        env.out() << dumpJson(OrderedJson{{"intact", true}}) << "\n";
    else
        env.out() << env.text("check.ok") << "\n";
    return kExitOk;
}

}  // namespace pekon::cli
