// `pekon enrol URI [--name NAME]` and `pekon sync`: the device's link to pekon-hub.
#include <ostream>

#include "app/commands.hpp"
#include "codec/json.hpp"
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
    if (!summary) return env.fail(summary.error());
    env.out() << dumpJson(OrderedJson{{"pushed", summary->pushed},
                                      {"accepted", summary->accepted},
                                      {"duplicates", summary->duplicates},
                                      {"rejected", summary->rejected},
                                      {"pulled", summary->pulled}})
              << "\n";
    return kExitOk;
}

}  // namespace pekon::cli
