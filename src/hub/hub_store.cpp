#include "hub/hub_store.hpp"

#include "hub/hub_db_postgres.hpp"
#include "hub/hub_db_sqlite.hpp"
#include "hub/hub_ops.hpp"
#include "hub/hub_schema.hpp"
#include "platform/clock.hpp"

namespace pekon::hub {

namespace {

// The one store: each call is an operation of hub_ops over the backend.
class TxHubStore final : public HubStore {
  public:
    explicit TxHubStore(std::unique_ptr<HubDb> db) : db_(std::move(db)) {}

    bool concurrent() const override { return db_->concurrent(); }
    HubDb& db() override { return *db_; }
    Result<NewToken> createToken(const std::string& label, UnixSeconds now,
                                 std::int64_t ttl_seconds, const std::string& kiosk_area) override {
        return hub::createToken(*db_, label, now, ttl_seconds, kiosk_area);
    }
    Result<Enrolment> enrol(const std::string& token, const std::string& name,
                            UnixSeconds now) override {
        return hub::enrol(*db_, token, name, now);
    }
    Result<std::optional<Device>> device(const std::string& id) override {
        return findDevice(*db_, id);
    }
    Result<std::vector<Device>> devices() override { return listDevices(*db_); }
    Status revoke(const std::string& id, UnixSeconds now) override {
        return revokeDevice(*db_, id, now);
    }
    Result<PushAnswer> push(const std::string& device_id, const std::vector<WireEvent>& events,
                            UnixSeconds now) override {
        return hub::push(*db_, device_id, events, now);
    }
    Result<std::vector<Change>> changes(const std::string& device_id, std::int64_t since,
                                        int limit) override {
        return changesFor(*db_, device_id, since, limit);
    }
    Result<std::int64_t> eventCount() override { return countEvents(*db_); }
    Result<vault::BoxKeys> sealKeys() override {
        auto secret = sealSecret(*db_);
        if (!secret) return secret.error();
        auto raw = vault::fromBase64(*secret);
        if (!raw) return Error{"seal_key_invalid", "Kunci segel pekon-hub rusak.",
                               "The pekon-hub sealing key is damaged."};
        return vault::boxKeysFromSecret(*raw);
    }
    Result<std::vector<TimeFlagCount>> timeFlagCounts() override { return countTimeFlags(*db_); }
    Result<StatusImportSummary> importStatuses(const std::vector<StatusRow>& rows,
                                               UnixSeconds now) override {
        return hub::importStatuses(*db_, rows, now);
    }

  private:
    std::unique_ptr<HubDb> db_;
};

Result<std::unique_ptr<HubDb>> openDb(const std::string& db_url, const HubStoreOptions& options) {
    if (db_url.starts_with("postgresql://") || db_url.starts_with("postgres://"))
        return openPostgresHubDb(db_url, options.connections);
    const std::string path = db_url.starts_with("sqlite:") ? db_url.substr(7) : db_url;
    if (path.empty())
        return Error{"bad_db_url", "Basis data belum disebut: sqlite:BERKAS atau postgresql://...",
                     "No database given: sqlite:PATH or postgresql://..."};
    return openSqliteHubDb(path);
}

}  // namespace

Result<std::unique_ptr<HubStore>> openHubStore(const std::string& db_url,
                                               const HubStoreOptions& options) {
    if (auto s = initCrypto(); !s) return s.error();
    auto db = openDb(db_url, options);
    if (!db) return db.error();
    if (auto s = migrateHub(**db, platform::nowSeconds()); !s) return s.error();
    (*db)->refreshPlannerStats();
    return std::unique_ptr<HubStore>(std::make_unique<TxHubStore>(std::move(db.value())));
}

}  // namespace pekon::hub
