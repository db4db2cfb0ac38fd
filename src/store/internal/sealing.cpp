#include "store/internal/sealing.hpp"

#include <sqlite3.h>

#include <array>

#include "codec/json.hpp"
#include "store/internal/database.hpp"
#include "store/settings.hpp"
#include "vault/field_seal.hpp"
#include "vault/sealed_box.hpp"

namespace pekon {

namespace {

// The personal fields of the events a device writes and receives (codec/event_data,
// codec/session_data): NIK, name, birth date, address, phone, KK and card numbers, a session's
// attendee (a NIK or a name) and free text.
constexpr std::array<std::string_view, 12> kPersonalKeys = {
    "nik",   "name",    "birth_date", "kk_number",     "address",  "rt",
    "rw",    "phone",   "attendee",   "existing_card", "card_number", "text"};

void pkOpen(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    const std::string_view value(text ? text : "", static_cast<size_t>(sqlite3_value_bytes(argv[0])));
    if (!vault::isSealedField(value)) {
        sqlite3_result_text(ctx, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
        return;
    }
    const auto* keys = static_cast<const Keyring*>(sqlite3_user_data(ctx));
    if (!keys->data_key) {
        sqlite3_result_error(ctx, "data_locked", -1);
        return;
    }
    auto plain = vault::openField(*keys->data_key, value);
    if (!plain) {
        sqlite3_result_error(ctx, "field_damaged", -1);
        return;
    }
    sqlite3_result_text(ctx, plain->data(), static_cast<int>(plain->size()), SQLITE_TRANSIENT);
}

std::string rawOf(const std::optional<std::string>& base64) {
    if (!base64) return {};
    auto raw = vault::fromBase64(*base64);
    return raw && raw->size() == 32 ? *raw : std::string();
}

}  // namespace

Keyring& keyring(Store& store) {
    return store.database().keys;
}

bool deviceSealed(Store& store) {
    if (!keyring(store).sealed()) (void)loadKeyring(store);  // a failed read: as it was
    return keyring(store).sealed();
}

Status loadKeyring(Store& store) {
    Keyring& keys = keyring(store);
    auto device = readSetting(store, kSettingDevicePublic);
    if (!device) return device.error();
    auto hub = readSetting(store, kSettingHubSealKey);
    if (!hub) return hub.error();
    keys.device_public = rawOf(*device);
    std::string hub_public = rawOf(*hub);
    if (hub_public != keys.hub_public) keys.pending_sealed_for_hub = false;
    keys.hub_public = std::move(hub_public);
    return {};
}

Status registerSealFunctions(sql::Connection& db, Keyring* keys) {
    const int rc = sqlite3_create_function(db.handle(), "pk_open", 1,
                                           SQLITE_UTF8 | SQLITE_DETERMINISTIC, keys, pkOpen,
                                           nullptr, nullptr);
    if (rc != SQLITE_OK) return sql::sqliteError(db.handle(), rc, "register pk_open");
    return {};
}

Error dataLockedError() {
    return Error{"data_locked",
                 "Data pribadi di perangkat ini terkunci: masuk dengan PIN untuk membukanya.",
                 "The personal data on this device is locked: sign in with a PIN to open it."};
}

Status requireDataOpen(Store& store) {
    if (deviceSealed(store) && !keyring(store).open()) return dataLockedError();
    return {};
}

Result<std::string> sealText(Store& store, std::string_view plain) {
    const Keyring& keys = keyring(store);
    if (keys.data_key) return vault::sealField(*keys.data_key, plain);
    if (deviceSealed(store)) return vault::sealFieldTo(keys.device_public, plain);
    return std::string(plain);
}

Result<std::vector<std::string>> sealTexts(Store& store,
                                           std::initializer_list<std::string_view> plain) {
    std::vector<std::string> out;
    out.reserve(plain.size());
    for (std::string_view text : plain) {
        auto sealed = sealText(store, text);
        if (!sealed) return sealed.error();
        out.push_back(std::move(*sealed));
    }
    return out;
}

Result<std::string> blindText(Store& store, std::string_view purpose, std::string_view value) {
    const Keyring& keys = keyring(store);
    if (value.empty()) return std::string();
    if (keys.data_key) return vault::blindIndex(*keys.data_key, purpose, value);
    if (deviceSealed(store)) return dataLockedError();
    return std::string(value);
}

bool isPersonalKey(std::string_view key) {
    for (std::string_view k : kPersonalKeys)
        if (k == key) return true;
    return false;
}

SplitData splitPersonal(const std::string& data) {
    // In the writer's order (nested objects too), so the clear part reads as it was written.
    const OrderedJson parsed = OrderedJson::parse(data, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_object()) return {data, ""};
    OrderedJson clear = OrderedJson::object(), personal = OrderedJson::object();
    for (auto it = parsed.begin(); it != parsed.end(); ++it)
        (isPersonalKey(it.key()) ? personal : clear)[it.key()] = it.value();
    if (personal.empty()) return {data, ""};
    return {dumpJson(clear), dumpJson(personal)};
}

Status sealEventPart(Store& store, std::int64_t seq, const std::string& personal, bool for_hub) {
    const Keyring& keys = keyring(store);
    // The hub's key may have come with an enrolment on another connection (the sync worker's).
    if (for_hub && keys.hub_public.empty())
        if (auto s = loadKeyring(store); !s) return s;
    std::optional<std::string> hub;
    if (for_hub && !keys.hub_public.empty()) {
        auto box = vault::sealTo(keys.hub_public, personal);
        if (!box) return box.error();
        hub = *box;
    }
    auto mine = sealText(store, personal);
    if (!mine) return mine.error();
    auto stmt = connection(store).cached(
        "INSERT INTO event_seals (seq, for_hub, for_device) VALUES (?, ?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, seq);
    if (hub)
        (*stmt)->bind(2, *hub);
    else if (for_hub)
        (*stmt)->bindNull(2);  // the hub's key is not known yet: sealed for it later
    else
        (*stmt)->bind(2, "");  // nothing to send: already at the hub, or from it
    (*stmt)->bind(3, *mine);
    return (*stmt)->run("seal an event's personal part");
}

}  // namespace pekon
