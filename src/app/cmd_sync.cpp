// `pekon enrol URI [--name NAME]` and `pekon sync`: the device's link to pekon-hub.
#include <ostream>

#include "app/commands.hpp"
#include "codec/json.hpp"
#include "store/clock_state.hpp"
#include "store/outbox.hpp"
#include "sync/client.hpp"

namespace pekon::cli {

int runEnrol(CliEnv& env, const Args& args) {
    if (!args.problem.empty()) return env.usage(args.problem);
    if (args.positional.size() != 1) return env.usage("enrol URI");
    auto store = env.store();
    if (!store) return env.fail(store.error());
    if (auto s =
            sync::enrolDevice(**store, args.positional[0], args.option("name").value_or("pekon"));
        !s)
        return env.fail(s.error());
    env.warnIfClockWrong();  // the enrolment measured the hub's clock
    OrderedJson out{{"enrolled", true}};
    // A kiosk says which area's card statuses it will hold (never its key).
    auto link = readHubLink(**store);
    if (!link) return env.fail(link.error());
    if (link->has_value() && !(*link)->kiosk_area.empty()) out["kiosk_area"] = (*link)->kiosk_area;
    env.out() << dumpJson(out) << "\n";
    return kExitOk;
}

int runSync(CliEnv& env, const Args& args) {
    if (!args.problem.empty()) return env.usage(args.problem);
    if (!args.positional.empty()) return env.usage(args.positional.front());
    auto store = env.store();
    if (!store) return env.fail(store.error());
    sync::ClientOptions options;
    if (auto ca = args.option("ca-file")) options.ca_file = *ca;
    auto summary = sync::syncOnce(**store, nowSeconds(), options);
    // Whatever the outcome, a wrong clock is said in plain words (the run measured it).
    env.warnIfClockWrong();
    if (!summary) return env.fail(summary.error());
    OrderedJson out{{"pushed", summary->pushed},
                    {"accepted", summary->accepted},
                    {"duplicates", summary->duplicates},
                    {"rejected", summary->rejected},
                    {"pulled", summary->pulled}};
    // hub time - device time, as this run measured it (docs/sync-protocol.md, "Times").
    if (auto offset = readHubOffset(**store)) out["clock_offset"] = *offset;
    env.out() << dumpJson(out) << "\n";
    return kExitOk;
}

}  // namespace pekon::cli
