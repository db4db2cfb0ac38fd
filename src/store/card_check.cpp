#include "store/card_check.hpp"

#include "proto/signature.hpp"
#include "store/settings.hpp"
#include "store/outbox.hpp"

namespace pekon {

namespace {

Error notSetUp() {
    return Error{"kiosk_not_set_up",
                 "Perangkat ini belum punya tabel status kartu (belum disiapkan sebagai kios).",
                 "This device has no card-status table yet (it is not set up as a kiosk)."};
}

Result<std::optional<KioskKey>> kioskKey(Store& store) {
    auto text = readSetting(store, kSettingKioskKey);
    if (!text) return text.error();
    if (!text->has_value()) return std::optional<KioskKey>{};
    auto secret = sync::decodeSecret(**text);
    if (!secret) return std::optional<KioskKey>{};  // a damaged key is no key
    KioskKey key;
    key.bytes = secret->bytes;
    return std::optional<KioskKey>{key};
}

}  // namespace

Result<bool> isKioskDevice(Store& store) {
    auto key = kioskKey(store);
    if (!key) return key.error();
    return key->has_value();
}

namespace {

template <class Find>
Result<std::optional<KioskEntry>> checkWith(Store& store, Find&& find) {
    auto key = kioskKey(store);
    if (!key) return key.error();
    if (!key->has_value()) return notSetUp();
    Result<std::optional<KioskEntry>> entry = find(**key);
    if (!entry) return entry.error();
    // The table is as fresh as the last sync that completed; an entry dated later than that
    // (pulled by a sync that failed afterwards) keeps its own date.
    if (entry->has_value()) {
        auto synced = lastSyncSuccess(store);
        auto own = parseRfc3339((*entry)->as_of);
        if (synced && (!own || *synced > *own)) (*entry)->as_of = formatRfc3339(*synced);
    }
    return entry;
}

}  // namespace

Result<std::optional<KioskEntry>> checkCardStatusByKk(Store& store, std::string_view nik,
                                                      std::string_view kk_number) {
    return checkWith(store, [&](const KioskKey& key) {
        return findKioskEntryByKk(store, key, nik, kk_number);
    });
}

Result<std::optional<KioskEntry>> checkCardStatusByReceipt(Store& store,
                                                           std::string_view receipt_id,
                                                           const Date& birth) {
    return checkWith(store, [&](const KioskKey& key) {
        return findKioskEntryByReceipt(store, key, receipt_id, birth);
    });
}

}  // namespace pekon
