// sync_bench: the sync figures the README quotes, against issue 5's targets, over loopback
// with the real pekon-hub.
//   sync_bench [--runs N] [--members N] [--devices N] [--postgres URL] [--dir DIR]
//              [--no-crowd] [--push-cost-only]
// 1. A device database with N member events (households of 4: N/4 household events more)
//    synced to a fresh hub, SQLite and (with --postgres, a cluster URL without a database
//    name) PostgreSQL: seconds and events per second, median of the runs.
// 2. Bytes on the wire per member.registered event in 1000-event gzip batches.
// 3. N devices pushing at once (default 200): errors, and the p50/p99 of a whole sync.
// 4. The push in-process with the office's read models and without them (the reference), and
//    what keeping them costs (--push-cost-only: this alone).
#include <algorithm>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "bare_reference.hpp"
#include "bench_stats.hpp"
#include "codec/assets.hpp"
#include "hub/hub_ops.hpp"
#include "hub/hub_store.hpp"
#include "hub/pg_connection.hpp"
#include "proto/gzip.hpp"
#include "proto/push_body.hpp"
#include "store/event_log.hpp"
#include "store/households.hpp"
#include "store/outbox.hpp"
#include "support/child_process.hpp"
#include "support/running_hub.hpp"
#include "support/sample_households.hpp"
#include "sync/client.hpp"

using namespace pekon;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

struct Options {
    int runs = 3;
    std::int64_t members = 100'000;
    int devices = 200;
    int device_households = 10;  // each simulated device: 10 households, 50 events
    std::string postgres;        // postgresql://user@host:port (no database)
    std::string dir;
    bool crowd = true;  // --no-crowd: leave out the 200 devices at once
    bool push_only = false;  // --push-cost-only: only the in-process push with and without
};

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "sync_bench: %s\n", what.c_str());
    std::exit(1);
}

double seconds(Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

UnixSeconds unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void removeDb(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
}

// A device database of `households` households of 4 members, from household index `first`.
void makeDevice(const std::string& path, const RegionTable& regions, std::int64_t first,
                std::int64_t households) {
    removeDb(path);
    auto store = Store::open(path);
    if (!store) die(store.error().message_en);
    const WriteContext ctx{"bench", unixNow(), Date{2026, 11, 22}};
    for (std::int64_t done = 0; done < households; done += 1000) {
        std::vector<HouseholdInput> batch;
        for (std::int64_t i = done; i < std::min(households, done + 1000); ++i)
            batch.push_back(test::sampleHousehold(first + i, (first + i) * 4, 4));
        const RegisterOutcome r = registerHouseholds(**store, batch, regions, ctx);
        if (!r.ok()) die("sample households refused: " + r.errors.front().error.message_en);
    }
}

// A fresh hub database for one run: a SQLite file, or a new PostgreSQL database.
class HubDb {
  public:
    HubDb(const Options& o, bool postgres, const std::string& name) : o_(o) {
        if (!postgres) {
            path_ = o.dir + "/" + name + ".db";
            removeDb(path_);
            url_ = "sqlite:" + path_;
            return;
        }
        database_ = "pekon_bench_" + name;
        admin("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
        admin("CREATE DATABASE " + database_);
        url_ = o.postgres + "/" + database_;
    }
    ~HubDb() {
        if (!database_.empty()) admin("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
    }
    const std::string& url() const { return url_; }

  private:
    void admin(const std::string& sql) const {
        auto c = hub::pg::Connection::open(o_.postgres + "/postgres");
        if (!c) die(c.error().message_en);
        if (auto r = c->exec(sql.c_str(), "bench database"); !r) die(r.error().message_en);
    }
    const Options& o_;
    std::string url_, path_, database_;
};

// `pekon-hub token create` for `count` devices: their enrolment URIs.
std::vector<std::string> enrolmentUris(const std::string& db, const std::string& hub_url,
                                       int count) {
    std::vector<std::string> uris;
    for (int i = 0; i < count; ++i) uris.push_back(test::newEnrolmentUri(db, hub_url));
    return uris;
}

struct Throughput {
    double seconds = 0;
    std::int64_t events = 0;
};

Throughput syncAll(const Options& o, bool postgres, const std::string& device_template, int run) {
    HubDb db(o, postgres, std::string(postgres ? "pg" : "sqlite") + "_run" + std::to_string(run));
    test::RunningHub hub(db.url());
    const std::string device = o.dir + "/device_run.db";
    removeDb(device);
    fs::copy_file(device_template, device);
    auto store = Store::open(device);
    if (!store) die(store.error().message_en);
    if (auto s = sync::enrolDevice(**store, enrolmentUris(db.url(), hub.url(), 1)[0], "bench"); !s)
        die(s.error().message_en);
    const std::int64_t pending = outboxCounts(**store)->pending;
    const auto t0 = Clock::now();
    auto summary = sync::syncOnce(**store, unixNow());
    const auto t1 = Clock::now();
    if (!summary) die(summary.error().message_en);
    if (summary->accepted != pending || outboxCounts(**store)->pending != 0)
        die("not every event was accepted");
    if (hub.stop() != 0) die("pekon-hub did not stop cleanly");
    return {seconds(t1 - t0), pending};
}

// Bytes of the push body for 1000-event batches of member.registered events only, and for
// the outbox as it comes (households and their members).
struct WireBytes {
    double member_only = 0;
    double mixed = 0;
    double member_json = 0;  // before gzip
};

WireBytes wireBytes(const std::string& device_template) {
    auto store = Store::open(device_template);
    if (!store) die(store.error().message_en);
    auto all = listEvents(**store, 0, 100'000, SyncState::pending);
    if (!all) die(all.error().message_en);
    std::vector<Event> members, mixed;
    for (const Event& e : *all) {
        if (e.type == event_type::member_registered && members.size() < kMaxPushEvents)
            members.push_back(e);
        if (mixed.size() < kMaxPushEvents) mixed.push_back(e);
    }
    const std::string plain = pushBody(members);
    return {static_cast<double>(sync::gzip(plain).size()) / static_cast<double>(members.size()),
            static_cast<double>(sync::gzip(pushBody(mixed)).size()) /
                static_cast<double>(mixed.size()),
            static_cast<double>(plain.size()) / static_cast<double>(members.size())};
}

// The hub store of `db`, opened in-process, and a device enrolled in it.
std::pair<std::unique_ptr<hub::HubStore>, std::string> openWithDevice(const HubDb& db) {
    auto hub = hub::openHubStore(db.url());
    if (!hub) die(hub.error().message_en);
    auto token = (*hub)->createToken("bench", unixNow(), 3600);
    if (!token) die(token.error().message_en);
    auto device = (*hub)->enrol(token->token, "bench", unixNow());
    if (!device) die(device.error().message_en);
    return {std::move(hub.value()), device->device_id};
}

// Where the time of one 1000-event batch goes, each step timed alone (median of 20 batches):
// the device reading and packing it, the hub unpacking and storing it, the device marking it.
struct Phases {
    double read_ms = 0, pack_ms = 0, unpack_ms = 0, store_ms = 0, mark_ms = 0;
};

Phases phases(const Options& o, const std::string& device_template) {
    const std::string device = o.dir + "/device_phases.db";
    removeDb(device);
    fs::copy_file(device_template, device);
    auto store = Store::open(device);
    if (!store) die(store.error().message_en);
    HubDb db(o, false, "phases");
    auto [hub_store, device_id] = openWithDevice(db);
    std::vector<double> read, pack, unpack, put, mark;
    for (int batch = 0; batch < 20; ++batch) {
        auto t0 = Clock::now();
        auto pending = listEvents(**store, 0, static_cast<int>(kMaxPushEvents), SyncState::pending);
        if (!pending) die(pending.error().message_en);
        if (pending->empty()) break;  // a small run: fewer than 20 batches
        auto t1 = Clock::now();
        const std::string body = sync::gzip(pushBody(*pending));
        auto t2 = Clock::now();
        auto plain = sync::gunzipBounded(body, kMaxPushBytes);
        if (!plain) die(plain.error().message_en);
        auto events = parsePushRequest(*plain);
        if (!events) die(events.error().message_en);
        auto t3 = Clock::now();
        auto answer = hub_store->push(device_id, *events, unixNow());
        if (!answer) die(answer.error().message_en);
        auto t4 = Clock::now();
        if (auto s = applyPushAnswer(**store, *pending, *answer, unixNow()); !s)
            die(s.error().message_en);
        auto t5 = Clock::now();
        read.push_back(seconds(t1 - t0) * 1000);
        pack.push_back(seconds(t2 - t1) * 1000);
        unpack.push_back(seconds(t3 - t2) * 1000);
        put.push_back(seconds(t4 - t3) * 1000);
        mark.push_back(seconds(t5 - t4) * 1000);
    }
    return {percentile(read, 0.5), percentile(pack, 0.5), percentile(unpack, 0.5),
            percentile(put, 0.5), percentile(mark, 0.5)};
}

// The push's own cost in-process, with the office's read models kept in its transaction
// (hub::push) and without them (hub::pushWithoutReadModels, the reference), each run on a
// fresh hub: the device's events in 1000-event batches, unpacked before any clock starts.
struct PushCost {
    double with_rate = 0, without_rate = 0;
};

std::vector<std::vector<WireEvent>> pushBatches(const std::string& device_template) {
    auto store = Store::open(device_template);
    if (!store) die(store.error().message_en);
    const std::int64_t count = outboxCounts(**store)->pending;
    auto all = listEvents(**store, 0, static_cast<int>(count) + 1, SyncState::pending);
    if (!all) die(all.error().message_en);
    std::vector<std::vector<WireEvent>> batches;
    for (size_t first = 0; first < all->size(); first += kMaxPushEvents) {
        const std::vector<Event> slice(
            all->begin() + static_cast<std::ptrdiff_t>(first),
            all->begin() + static_cast<std::ptrdiff_t>(std::min(all->size(), first + kMaxPushEvents)));
        auto events = parsePushRequest(pushBody(slice));
        if (!events) die(events.error().message_en);
        batches.push_back(std::move(events.value()));
    }
    return batches;
}

// The bench thread's CPU time (user and system): on a shared machine it varies far less than
// the wall clock, which also counts the waits for the disk and for other processes.
Clock::duration threadCpu() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

// Events per second of one run over a fresh hub, by the wall clock and by CPU time (the
// PostgreSQL server's own work is not in the latter).
struct PushRate {
    double wall = 0, cpu = 0;
};

PushRate pushRate(const Options& o, bool postgres, bool read_models,
                  const std::vector<std::vector<WireEvent>>& batches, int run) {
    HubDb db(o, postgres, std::string(postgres ? "pg" : "sqlite") + "_push_" +
                              (read_models ? "with" : "without") + std::to_string(run));
    auto [hub_store, device_id] = openWithDevice(db);
    std::int64_t events = 0;
    Clock::duration wall{}, cpu{};
    for (const auto& batch : batches) {
        const auto t0 = Clock::now();
        const auto c0 = threadCpu();
        auto answer = read_models
                          ? hub::push(hub_store->db(), device_id, batch, unixNow())
                          : hub::pushWithoutReadModels(hub_store->db(), device_id, batch, unixNow());
        cpu += threadCpu() - c0;
        wall += Clock::now() - t0;
        if (!answer) die(answer.error().message_en);
        if (answer->accepted.size() != batch.size()) die("not every event was accepted");
        events += static_cast<std::int64_t>(batch.size());
    }
    return {static_cast<double>(events) / seconds(wall), static_cast<double>(events) / seconds(cpu)};
}

void printPushCost(const Options& o, const std::vector<bool>& backends,
                   const std::string& device_template) {
    const auto batches = pushBatches(device_template);
    std::printf("\nthe push in-process, with the office's read models and without (the reference), "
                "%zu batches of up to %zu events, alternating on fresh hubs; events per second "
                "of wall clock and of the bench thread's CPU time:\n",
                batches.size(), kMaxPushEvents);
    std::printf("%-12s %-8s %12s %12s %7s %12s %12s %7s\n", "hub", "run", "with", "without",
                "cost", "with cpu", "without cpu", "cost");
    for (bool pg : backends) {
        std::vector<double> with, without, with_cpu, without_cpu;
        const char* name = pg ? "postgresql" : "sqlite";
        for (int run = 1; run <= o.runs; ++run) {
            // Alternating which goes first, so that neither always meets a warmer machine.
            const bool with_first = run % 2 == 1;
            PushRate a = pushRate(o, pg, with_first, batches, run);
            PushRate b = pushRate(o, pg, !with_first, batches, run);
            if (!with_first) std::swap(a, b);
            with.push_back(a.wall);
            without.push_back(b.wall);
            with_cpu.push_back(a.cpu);
            without_cpu.push_back(b.cpu);
            std::printf("%-12s %-8d %12.0f %12.0f %6.0f%% %12.0f %12.0f %6.0f%%\n", name, run,
                        a.wall, b.wall, (b.wall / a.wall - 1) * 100, a.cpu, b.cpu,
                        (b.cpu / a.cpu - 1) * 100);
        }
        const double w = percentile(with, 0.5), wo = percentile(without, 0.5);
        const double wc = percentile(with_cpu, 0.5), woc = percentile(without_cpu, 0.5);
        std::printf("%-12s %-8s %12.0f %12.0f %6.0f%% %12.0f %12.0f %6.0f%%\n", name, "median", w,
                    wo, (wo / w - 1) * 100, wc, woc, (woc / wc - 1) * 100);
    }
    std::printf("(cost: how much longer the push takes with the read models than without)\n");
}

// The rows the hub stores for the device's events (id, device, seq, type, time, canonical
// content, its hash, when received), made before any clock starts.
bench::BareRows hubRows(const std::string& device_template) {
    auto store = Store::open(device_template);
    if (!store) die(store.error().message_en);
    const std::int64_t count = outboxCounts(**store)->pending;
    auto all = listEvents(**store, 0, static_cast<int>(count) + 1, SyncState::pending);
    if (!all) die(all.error().message_en);
    bench::BareRows rows{"events",
                         {"id", "device_id", "seq", "type", "at", "content", "content_hash",
                          "received_at"},
                         {}};
    const std::string now = std::to_string(unixNow());
    for (const WireEvent& e : toWire(*all)) {
        const std::string content = dumpJson(Json{{"id", e.id}, {"seq", e.seq}, {"type", e.type},
                                                  {"at", e.at}, {"actor", e.actor},
                                                  {"data", e.data}});
        rows.rows.push_back({e.id, "bench-device", std::to_string(e.seq), e.type, e.at, content,
                             sync::sha256Hex(content), now});
    }
    return rows;
}

// The same rows into a bare PostgreSQL table (text primary key), 1000 rows a transaction, each
// transaction one INSERT over column arrays: rows per second.
double barePostgresRate(const Options& o, const bench::BareRows& data) {
    HubDb db(o, true, "bare");
    auto c = hub::pg::Connection::open(db.url());
    if (!c) die(c.error().message_en);
    std::string create = "CREATE TABLE events (", arrays;
    for (size_t i = 0; i < data.columns.size(); ++i) {
        create += (i ? ", " : "") + data.columns[i] + " TEXT" + (i ? "" : " PRIMARY KEY");
        arrays += (i ? ", $" : "$") + std::to_string(i + 1) + "::text[]";
    }
    if (auto r = c->exec((create + ")").c_str(), "bare table"); !r) die(r.error().message_en);
    const std::string insert = "INSERT INTO events SELECT * FROM unnest(" + arrays + ")";
    const hub::pg::Statement statement{"bare_insert", insert.c_str()};
    const auto t0 = Clock::now();
    for (size_t first = 0; first < data.rows.size(); first += kMaxPushEvents) {
        std::vector<hub::pg::ArrayLiteral> columns(data.columns.size());
        for (size_t r = first; r < std::min(data.rows.size(), first + kMaxPushEvents); ++r)
            for (size_t i = 0; i < data.columns.size(); ++i) columns[i].add(data.rows[r][i]);
        std::vector<hub::pg::Param> params;
        for (const auto& column : columns) params.push_back(column.done());
        if (auto r = c->exec("BEGIN", "begin"); !r) die(r.error().message_en);
        if (auto r = c->run(statement, params, "bare insert"); !r) die(r.error().message_en);
        if (auto r = hub::pg::commit(*c); !r) die(r.error().message_en);
    }
    return static_cast<double>(data.rows.size()) / seconds(Clock::now() - t0);
}

struct Crowd {
    int errors = 0;
    double p50_ms = 0, p99_ms = 0, max_ms = 0, wall_s = 0;
    std::int64_t events = 0;
};

Crowd crowd(const Options& o, bool postgres, const RegionTable& regions) {
    HubDb db(o, postgres, std::string(postgres ? "pg" : "sqlite") + "_crowd");
    test::RunningHub hub(db.url());
    const auto uris = enrolmentUris(db.url(), hub.url(), o.devices);
    std::vector<std::unique_ptr<Store>> stores;
    for (int d = 0; d < o.devices; ++d) {
        const std::string path = o.dir + "/crowd_" + std::to_string(d) + ".db";
        makeDevice(path, regions, 1'000'000 + static_cast<std::int64_t>(d) * o.device_households,
                   o.device_households);
        auto store = Store::open(path);
        if (!store) die(store.error().message_en);
        if (auto s = sync::enrolDevice(**store, uris[static_cast<size_t>(d)], "crowd"); !s)
            die(s.error().message_en);
        stores.push_back(std::move(store.value()));
    }
    std::vector<double> latency(static_cast<size_t>(o.devices));
    std::vector<int> failed(static_cast<size_t>(o.devices));
    std::barrier start(o.devices + 1);
    std::vector<std::thread> threads;
    for (int d = 0; d < o.devices; ++d) {
        threads.emplace_back([&, d] {
            start.arrive_and_wait();
            const auto t0 = Clock::now();
            sync::ClientOptions options;
            const char* stage = "probe";
            options.on_progress = [&](const sync::SyncProgress& p) {
                stage = p.stage == sync::SyncProgress::Stage::probe  ? "probe"
                        : p.stage == sync::SyncProgress::Stage::push ? "push"
                                                                     : "pull";
            };
            auto r = sync::syncOnce(*stores[static_cast<size_t>(d)], unixNow(), options);
            latency[static_cast<size_t>(d)] = seconds(Clock::now() - t0) * 1000;
            failed[static_cast<size_t>(d)] = r ? 0 : 1;
            if (!r)
                std::fprintf(stderr, "device %d (%s, after %.1f s): %s\n", d, stage,
                             seconds(Clock::now() - t0), r.error().message_en.c_str());
        });
    }
    const auto t0 = Clock::now();
    start.arrive_and_wait();
    for (auto& t : threads) t.join();
    Crowd c;
    c.wall_s = seconds(Clock::now() - t0);
    for (int f : failed) c.errors += f;
    c.p50_ms = percentile(latency, 0.5);
    c.p99_ms = percentile(latency, 0.99);
    c.max_ms = *std::max_element(latency.begin(), latency.end());
    for (auto& s : stores) c.events += outboxCounts(*s)->accepted;
    if (hub.stop() != 0) die("pekon-hub did not stop cleanly");
    return c;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    readOptions(argc, argv,
                "sync_bench [--runs N] [--members N] [--devices N] [--postgres URL] [--dir DIR] "
                "[--no-crowd] [--push-cost-only]",
                [&](const std::string& a, auto value) {
                    if (a == "--runs")
                        o.runs = std::max(1, std::stoi(value()));
                    else if (a == "--members")
                        o.members = std::max<std::int64_t>(4000, std::stoll(value()));
                    else if (a == "--devices")
                        o.devices = std::max(1, std::stoi(value()));
                    else if (a == "--postgres")
                        o.postgres = value();
                    else if (a == "--dir")
                        o.dir = value();
                    else if (a == "--no-crowd")
                        o.crowd = false;
                    else if (a == "--push-cost-only")
                        o.push_only = true;
                    else
                        return false;
                    return true;
                });
    if (o.postgres.empty())
        if (const char* env = std::getenv("PEKON_PG_CLUSTER")) o.postgres = env;
    if (o.dir.empty()) o.dir = (fs::temp_directory_path() / "pekon_sync_bench").string();
    fs::create_directories(o.dir);
    auto assets = loadAssets(PEKON_SOURCE_ASSETS);
    if (!assets) die(assets.error().message_en);

    const std::string device_template = o.dir + "/device_template.db";
    const std::int64_t households = o.members / 4;
    std::printf("sync_bench: %lld households, %lld member events, %d runs, %d devices\n",
                static_cast<long long>(households), static_cast<long long>(households * 4), o.runs,
                o.devices);
    makeDevice(device_template, assets->regions, 0, households);

    std::vector<bool> backends = {false};
    if (!o.postgres.empty()) backends.push_back(true);
    if (o.push_only) {
        printPushCost(o, backends, device_template);
        return 0;
    }
    const bench::BareRows reference_rows = hubRows(device_template);
    std::printf("\n%-12s %-8s %10s %10s %12s %14s %7s\n", "hub", "run", "events", "seconds",
                "events/s", "reference/s", "ratio");
    for (bool pg : backends) {
        std::vector<double> secs, references;
        std::int64_t events = 0;
        for (int run = 1; run <= o.runs; ++run) {
            const Throughput t = syncAll(o, pg, device_template, run);
            // The reference in the same run: the same rows straight into a bare table.
            const double reference =
                pg ? barePostgresRate(o, reference_rows)
                   : bench::bareSqliteRate(o.dir + "/bare.db", reference_rows, kMaxPushEvents);
            secs.push_back(t.seconds);
            references.push_back(reference);
            events = t.events;
            const double rate = static_cast<double>(t.events) / t.seconds;
            std::printf("%-12s %-8d %10lld %10.2f %12.0f %14.0f %7.2f\n",
                        pg ? "postgresql" : "sqlite", run, static_cast<long long>(t.events),
                        t.seconds, rate, reference, rate / reference);
        }
        const double med = percentile(secs, 0.5), ref = percentile(references, 0.5);
        const double rate = static_cast<double>(events) / med;
        std::printf("%-12s %-8s %10lld %10.2f %12.0f %14.0f %7.2f   (target >= 40000 events/s: %s)\n",
                    pg ? "postgresql" : "sqlite", "median", static_cast<long long>(events), med,
                    rate, ref, rate / ref, rate >= 40000 ? "met" : "MISSED");
    }
    if (o.postgres.empty())
        std::printf(
            "(PostgreSQL not measured: give --postgres URL or PEKON_PG_CLUSTER; scripts/bench "
            "starts a cluster)\n");
    std::printf("(reference: the same rows inserted straight into a bare table, %zu rows a "
                "transaction: SQLite WAL with a full sync per commit, one prepared statement; "
                "PostgreSQL one INSERT over column arrays)\n",
                kMaxPushEvents);

    printPushCost(o, backends, device_template);

    const Phases ph = phases(o, device_template);
    std::printf(
        "\none 1000-event batch, step by step (median of up to 20, SQLite hub in-process):\n");
    std::printf(
        "  device reads %.1f ms, packs (JSON + gzip) %.1f ms; hub unpacks %.1f ms, "
        "stores %.1f ms; device marks %.1f ms\n",
        ph.read_ms, ph.pack_ms, ph.unpack_ms, ph.store_ms, ph.mark_ms);

    const WireBytes w = wireBytes(device_template);
    std::printf("\nwire bytes per event, 1000-event gzip batches (target <= 120 B):\n");
    std::printf("  member.registered only: %.1f B gzip (%.0f B JSON)\n", w.member_only,
                w.member_json);
    std::printf("  the outbox as it comes (households + members): %.1f B gzip\n", w.mixed);

    if (!o.crowd) return 0;
    std::printf("\n%d devices syncing at once (%d households, %d events each):\n", o.devices,
                o.device_households, o.device_households * 5);
    std::printf("%-12s %8s %10s %10s %10s %10s\n", "hub", "errors", "p50 ms", "p99 ms", "max ms",
                "wall s");
    for (bool pg : backends) {
        const Crowd c = crowd(o, pg, assets->regions);
        std::printf("%-12s %8d %10.0f %10.0f %10.0f %10.2f   (%lld events stored)\n",
                    pg ? "postgresql" : "sqlite", c.errors, c.p50_ms, c.p99_ms, c.max_ms, c.wall_s,
                    static_cast<long long>(c.events));
    }
    return 0;
}
