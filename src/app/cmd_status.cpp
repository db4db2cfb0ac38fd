// `pekon status --nik NIK --kk KK` or `pekon status --receipt ID --birth-date YYYY-MM-DD`:
// the kiosk's "check my card status" from the card-status table on this device
// (store/kiosk_status), offline; by NIK and the family card's (KK) number, or by the id of the
// registration receipt (pekon://receipt?id=...) and the birth date. Never by NIK and birth
// date: a NIK holds the birth date (issue 12).
#include <ostream>

#include "app/commands.hpp"
#include "codec/json.hpp"
#include "core/kk_number.hpp"
#include "core/nik.hpp"
#include "core/uuid.hpp"
#include "store/card_check.hpp"

namespace pekon::cli {

int runStatus(CliEnv& env, const Args& args) {
    if (!args.problem.empty()) return env.usage(args.problem);
    const auto nik_text = args.option("nik");
    const auto kk_text = args.option("kk");
    const auto receipt = args.option("receipt");  // the id of a registration receipt
    const auto birth_text = args.option("birth-date");
    const bool by_kk = nik_text && kk_text && !receipt && !birth_text;
    const bool by_receipt = receipt && birth_text && !nik_text && !kk_text;
    if (args.positional.size() != 0 || !(by_kk || by_receipt))
        return env.usage("status (--nik NIK --kk KK | --receipt ID --birth-date YYYY-MM-DD)");
    std::string first, second;  // NIK and KK number, or receipt id and birth date
    std::optional<Date> birth;
    if (by_kk) {
        auto assets = env.assets();
        if (!assets) return env.fail(assets.error());
        const Date today = env.writeContext().today;
        auto nik = parseNik(*nik_text, (*assets)->regions, today);
        if (!nik) return env.fail(nik.error());
        auto kk = parseKkNumber(*kk_text, (*assets)->regions, today);
        if (!kk) return env.fail(kk.error());
        first = nik->digits;
        second = kk->digits;
    } else {
        if (!isUuid(*receipt))
            return env.fail(Error{"receipt_id_invalid", "Nomor tanda terima tidak dikenali.",
                                  "The receipt id is not one Pekon issues."});
        auto parsed = parseIsoDate(*birth_text);
        if (!parsed) return env.fail(parsed.error());
        birth = *parsed;
    }
    auto store = env.existingStore();
    if (!store) return env.fail(store.error());
    auto entry = by_kk ? checkCardStatusByKk(**store, first, second)
                       : checkCardStatusByReceipt(**store, *receipt, *birth);
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
