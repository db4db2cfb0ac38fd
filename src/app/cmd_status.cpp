// `pekon status (--nik NIK | --receipt ID) --birth-date YYYY-MM-DD`: the kiosk's "check my card
// status" from the card-status table on this device (store/kiosk_status), offline; by NIK, or
// by the id of the registration receipt (pekon://receipt?id=...).
#include <ostream>

#include "app/commands.hpp"
#include "codec/json.hpp"
#include "core/nik.hpp"
#include "sync/kiosk_check.hpp"

namespace pekon::cli {

int runStatus(CliEnv& env, const Args& args) {
    if (!args.problem.empty()) return env.usage(args.problem);
    const auto nik_text = args.option("nik");
    const auto receipt = args.option("receipt");  // the id of a registration receipt
    const auto birth_text = args.option("birth-date");
    if (args.positional.size() != 0 || nik_text.has_value() == receipt.has_value() || !birth_text)
        return env.usage("status (--nik NIK | --receipt ID) --birth-date YYYY-MM-DD");
    std::string subject;
    if (nik_text) {
        auto assets = env.assets();
        if (!assets) return env.fail(assets.error());
        auto nik = parseNik(*nik_text, (*assets)->regions, env.writeContext().today);
        if (!nik) return env.fail(nik.error());
        subject = nik->digits;
    } else {
        if (receipt->empty())
            return env.fail(Error{"receipt_id_empty", "Nomor tanda terima kosong.",
                                  "The receipt id is empty."});
        subject = *receipt;
    }
    auto birth = parseIsoDate(*birth_text);
    if (!birth) return env.fail(birth.error());
    auto store = env.existingStore();
    if (!store) return env.fail(store.error());
    auto entry = sync::checkCardStatus(**store, subject, *birth);
    if (!entry) return env.fail(entry.error());
    if (!entry->has_value()) {
        env.out() << dumpJson(OrderedJson{{"found", false}}) << "\n";
        return kExitOk;
    }
    const KioskEntry& e = **entry;
    env.out() << dumpJson(OrderedJson{
                     {"found", true},
                     {"status", e.status},
                     {"class", e.care_class ? OrderedJson(*e.care_class) : OrderedJson(nullptr)},
                     {"faskes", e.faskes.empty() ? OrderedJson(nullptr) : OrderedJson(e.faskes)},
                     {"card_eta",
                      e.card_eta.empty() ? OrderedJson(nullptr) : OrderedJson(e.card_eta)},
                     {"card_number_masked", e.card_number_masked},
                     {"name_masked", e.name_masked},
                     {"as_of", e.as_of}})
              << "\n";
    return kExitOk;
}

}  // namespace pekon::cli
