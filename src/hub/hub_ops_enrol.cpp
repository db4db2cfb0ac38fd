#include <sodium.h>

#include "hub/hub_ops.hpp"
#include "proto/ids.hpp"

namespace pekon::hub {

namespace {

constexpr HubSql kInsertToken{"insert_token",
                              "INSERT INTO tokens (token_hash, label, created_at, expires_at, "
                              "kiosk_area) VALUES (?, ?, ?, ?, ?)"};
// Spends the token only if it is unused and in time: one statement (the row is locked), so two
// devices racing with the same token cannot both win.
constexpr HubSql kSpendToken{"spend_token",
                             "UPDATE tokens SET used_at = ?, device_id = ? WHERE token_hash = ? "
                             "AND used_at IS NULL AND expires_at > ?"};
constexpr HubSql kTokenArea{"token_area", "SELECT kiosk_area FROM tokens WHERE token_hash = ?", 1};
constexpr HubSql kAddDevice{
    "add_device",
    "INSERT INTO devices (id, name, secret, enrolled_at, kiosk_area) VALUES (?, ?, ?, ?, ?)"};
constexpr HubSql kDevice{"device",
                         "SELECT id, name, secret, enrolled_at, revoked_at, kiosk_area FROM "
                         "devices WHERE id = ?",
                         6};
constexpr HubSql kDevices{"devices",
                          "SELECT id, name, secret, enrolled_at, revoked_at, kiosk_area FROM "
                          "devices ORDER BY enrolled_at, id",
                          6};
constexpr HubSql kRevoke{
    "revoke", "UPDATE devices SET revoked_at = COALESCE(revoked_at, CAST(? AS BIGINT)) WHERE id = ?"};

Result<Device> readDevice(const RowSet& rows, int i) {
    Device d;
    d.id = rows.text(i, 0);
    d.name = rows.text(i, 1);
    auto secret = sync::decodeSecret(rows.text(i, 2));
    if (!secret) return secret.error();
    d.secret = *secret;
    d.enrolled_at = rows.integer(i, 3);
    if (!rows.isNull(i, 4)) d.revoked_at = rows.integer(i, 4);
    d.kiosk_area = rows.text(i, 5);
    return d;
}

}  // namespace

Status initCrypto() {
    if (sodium_init() < 0)
        return Error{"crypto_unavailable", "Pustaka kriptografi gagal dimulai.",
                     "The crypto library failed to start."};
    return {};
}

std::string randomUrlToken(size_t bytes) {
    std::vector<unsigned char> random(bytes);
    randombytes_buf(random.data(), random.size());
    std::string text(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                     '\0');
    sodium_bin2base64(text.data(), text.size(), random.data(), random.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(random.data(), random.size());
    text.resize(text.find('\0'));
    return text;
}

std::string newEnrolToken() { return randomUrlToken(24); }

std::string tokenHash(const std::string& token) {
    return sync::sha256Hex(token);
}

Error badToken() {
    return Error{"bad_token", "Token pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa.",
                 "The enrolment token is unknown, used or expired."};
}

Error unknownDevice() {
    return Error{"unknown_device", "Perangkat tidak dikenal.", "Unknown device."};
}

Result<NewToken> createToken(HubDb& db, const std::string& label, UnixSeconds now,
                             std::int64_t ttl_seconds, const std::string& kiosk_area) {
    return inTx<NewToken>(db, TxMode::autocommit, [&](HubTx& tx) -> Result<NewToken> {
        NewToken t{newEnrolToken(), now + ttl_seconds};
        auto done = tx.run(kInsertToken,
                           {tokenHash(t.token), label, now, t.expires_at, textOrNull(kiosk_area)},
                           "create a token");
        if (!done) return done.error();
        return t;
    });
}

Result<Enrolment> enrol(HubDb& db, const std::string& token, const std::string& name,
                        UnixSeconds now) {
    // The write lock: a kiosk's table is queued here, and a status import running at the same
    // time must either see the new kiosk or have committed its entries first.
    return inTx<Enrolment>(db, TxMode::write, [&](HubTx& tx) -> Result<Enrolment> {
        Enrolment e{newUuid(), sync::newDeviceSecret(), std::nullopt};
        const std::string hash = tokenHash(token);
        auto spent = tx.run(kSpendToken, {now, e.device_id, hash, now}, "spend a token");
        if (!spent) return spent.error();
        if (spent->affected() != 1) return badToken();
        auto token_area = tx.run(kTokenArea, {hash}, "read a token");
        if (!token_area) return token_area.error();
        const std::string area = token_area->count() == 1 ? token_area->text(0, 0) : "";
        auto added = tx.run(kAddDevice,
                            {e.device_id, name, sync::encodeSecret(e.secret), now, textOrNull(area)},
                            "add a device");
        if (!added) return added.error();
        if (area.empty()) return e;
        auto key = kioskKey(tx);
        if (!key) return key.error();
        e.kiosk = KioskGrant{area, {}};
        e.kiosk->key.bytes = key->bytes;
        // The kiosk starts with the whole table of its area.
        if (auto s = sendKioskTable(tx, e.device_id, area, now); !s) return s.error();
        return e;
    });
}

Result<std::optional<Device>> findDevice(HubDb& db, const std::string& id) {
    using Found = std::optional<Device>;
    return inTx<Found>(db, TxMode::autocommit, [&](HubTx& tx) -> Result<Found> {
        auto rows = tx.run(kDevice, {id}, "read a device");
        if (!rows) return rows.error();
        if (rows->count() == 0) return Found();
        auto d = readDevice(*rows, 0);
        if (!d) return d.error();
        return Found(std::move(d.value()));
    });
}

Result<std::vector<Device>> listDevices(HubDb& db) {
    using List = std::vector<Device>;
    return inTx<List>(db, TxMode::autocommit, [&](HubTx& tx) -> Result<List> {
        auto rows = tx.run(kDevices, {}, "list devices");
        if (!rows) return rows.error();
        List out;
        for (int i = 0; i < rows->count(); ++i) {
            auto d = readDevice(*rows, i);
            if (!d) return d.error();
            out.push_back(std::move(d.value()));
        }
        return out;
    });
}

Status revokeDevice(HubDb& db, const std::string& id, UnixSeconds now) {
    return db.transaction(TxMode::autocommit, [&](HubTx& tx) -> Status {
        auto done = tx.run(kRevoke, {now, id}, "revoke a device");
        if (!done) return done.error();
        if (done->affected() != 1) return unknownDevice();
        return {};
    });
}

}  // namespace pekon::hub
