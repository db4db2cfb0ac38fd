// store_bench: the store's figures the README quotes, against the foundation issue's targets.
//   store_bench [--runs N] [--lookup-members N] [--quick] [--dir DIR]
// Each figure is the median over N runs (default 5), each run on a fresh database file.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "bare_reference.hpp"
#include "bench_stats.hpp"
#include "codec/assets.hpp"
#include "store/event_log.hpp"
#include "store/households.hpp"
#include "store/store.hpp"
#include "support/sample_households.hpp"

using namespace pekon;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    int runs = 5;
    std::int64_t lookup_members = 1'000'000;
    int single_ops = 1000;
    std::int64_t batch_events = 200'000;
    std::string dir;
    std::string only;  // "single", "import" or "lookup": run just that part
};

double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double median(std::vector<double> v) {
    return percentile(std::move(v), 0.5);
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "store_bench: %s\n", what.c_str());
    std::exit(1);
}

std::unique_ptr<Store> freshStore(const Options& o, const std::string& name) {
    const std::string path = o.dir + "/" + name;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    auto store = Store::open(path);
    if (!store) die(store.error().message_en);
    return std::move(store.value());
}

const WriteContext kCtx{"bench", 1795000000, Date{2026, 11, 22}};
std::int64_t kBatch = 1000;  // households per transaction

// Imports `households` households of 4 members in batches of 1000 households (5000 events)
// per transaction; returns events per second.
double importHouseholds(Store& store, const RegionTable& regions, std::int64_t households) {
    std::int64_t events = 0;
    const auto start = Clock::now();
    for (std::int64_t h = 0; h < households; h += kBatch) {
        std::vector<HouseholdInput> batch;
        for (std::int64_t i = h; i < std::min(households, h + kBatch); ++i)
            batch.push_back(test::sampleHousehold(i, i * 4, 4));
        const RegisterOutcome r = registerHouseholds(store, batch, regions, kCtx);
        if (!r.ok()) die("import: " + r.errors[0].field + " " + r.errors[0].error.message_en);
        events += static_cast<std::int64_t>(batch.size()) * 5;
    }
    return static_cast<double>(events) /
           std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    readOptions(
        argc, argv,
        "store_bench [--runs N] [--lookup-members N] [--quick] [--dir DIR] [--only "
        "single|import|lookup] [--batch N]",
        [&](const std::string& a, auto value) {
            if (a == "--runs")
                o.runs = std::max(1, std::atoi(value().c_str()));
            else if (a == "--lookup-members")
                o.lookup_members = std::max<std::int64_t>(1000, std::atoll(value().c_str()));
            else if (a == "--dir")
                o.dir = value();
            else if (a == "--only")
                o.only = value();
            else if (a == "--batch")
                kBatch = std::max<std::int64_t>(1, std::atoll(value().c_str()));
            else if (a == "--quick")
                o.runs = 1, o.lookup_members = 4000, o.single_ops = 50, o.batch_events = 5000;
            else
                return false;
            return true;
        });
    if (o.dir.empty())
        o.dir =
            std::filesystem::temp_directory_path() / ("pekon-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(o.dir);
    auto assets = loadAssets(PEKON_SOURCE_ASSETS);
    if (!assets) die(assets.error().message_en);
    const RegionTable& regions = assets->regions;

    std::vector<double> single_median, single_p99, household_p99, import_rate, lookup_p99,
        lookup_median, bare_rate;
    for (int run = 0; run < o.runs; ++run) {
        // 1. Durable single registration: add one member to a household, 1000 times, on a
        //    database already holding 10,000 members. Each call is one fsync'd transaction.
        if (o.only.empty() || o.only == "single") {
            auto store = freshStore(o, "single.db");
            importHouseholds(*store, regions, 2500);
            auto targets = listHouseholds(*store, {}, o.single_ops);
            if (!targets || static_cast<int>(targets->size()) < o.single_ops) die("no households");
            std::vector<double> t;
            for (int i = 0; i < o.single_ops; ++i) {
                // One newborn in each of `single_ops` households of four.
                const test::SampleNik n = test::sampleNik(500'000 + i);
                const MemberInput m{n.nik, "Anak Baru", n.birth_date, n.sex, "child", "PBPU", "3"};
                const auto start = Clock::now();
                auto id = addMember(*store, (*targets)[static_cast<size_t>(i)].household.id, m,
                                    regions, kCtx);
                t.push_back(ms(Clock::now() - start));
                if (!id) die("addMember: " + id.error().message_en);
            }
            single_median.push_back(median(t));
            single_p99.push_back(percentile(t, 0.99));
            // A whole household of four (five events) in one transaction, for reference.
            std::vector<double> th;
            for (int i = 0; i < o.single_ops / 4; ++i) {
                const std::int64_t h = 100'000 + i;
                const auto start = Clock::now();
                const RegisterOutcome r =
                    registerHouseholds(*store, {test::sampleHousehold(h, h * 4, 4)}, regions, kCtx);
                th.push_back(ms(Clock::now() - start));
                if (!r.ok()) die("household: " + r.errors[0].error.message_en);
            }
            household_p99.push_back(percentile(th, 0.99));
        }
        // 2. Batched import: validated households, 5000 events per transaction.
        if (o.only.empty() || o.only == "import") {
            auto store = freshStore(o, "batch.db");
            import_rate.push_back(importHouseholds(*store, regions, o.batch_events / 5));
            // The reference: the events it wrote, inserted straight into a bare SQLite file in
            // transactions of the same size.
            auto written = listEvents(*store, 0, static_cast<int>(o.batch_events) + 1, SyncState::pending);
            if (!written) die(written.error().message_en);
            bench::BareRows rows{"events", {"id", "seq", "type", "at", "actor", "data"}, {}};
            for (const Event& e : *written)
                rows.rows.push_back({e.id, std::to_string(e.seq), e.type, std::to_string(e.at),
                                     e.actor, e.data});
            bare_rate.push_back(bench::bareSqliteRate(o.dir + "/bare.db", rows,
                                                      static_cast<size_t>(kBatch * 5)));
        }
        // 3. NIK lookup among N members: 100,000 lookups of random registered NIKs.
        if (o.only.empty() || o.only == "lookup") {
            auto store = freshStore(o, "lookup.db");
            importHouseholds(*store, regions, o.lookup_members / 4);
            std::mt19937_64 rng(42 + run);
            std::uniform_int_distribution<std::int64_t> pick(0, o.lookup_members - 1);
            std::vector<double> t;
            const int lookups = o.lookup_members >= 100'000 ? 100'000 : 2'000;
            for (int i = 0; i < lookups; ++i) {
                const std::string nik = test::sampleNik(pick(rng)).nik;
                const auto start = Clock::now();
                auto hit = findMemberByNik(*store, nik);
                t.push_back(ms(Clock::now() - start));
                if (!hit || !*hit) die("lookup missed a registered NIK");
            }
            lookup_median.push_back(median(t));
            lookup_p99.push_back(percentile(t, 0.99));
        }
    }
    std::filesystem::remove_all(o.dir);

    auto verdict = [](bool ok) { return ok ? "met" : "MISSED"; };
    std::printf(
        "Pekon store benchmark: %d run(s), medians across runs; %lld members for lookups\n\n",
        o.runs, static_cast<long long>(o.lookup_members));
    std::printf("| %-52s | %-16s | %-14s | %-6s |\n", "measure", "target", "measured", "");
    std::printf("|%s|%s|%s|%s|\n", std::string(54, '-').c_str(), std::string(18, '-').c_str(),
                std::string(16, '-').c_str(), std::string(8, '-').c_str());
    if (!single_p99.empty()) {
        const double s_med = median(single_median), s_p99 = median(single_p99),
                     h_p99 = median(household_p99);
        std::printf("| %-52s | %-16s | %11.3f ms | %-6s |\n", "durable single registration, median",
                    "", s_med, "");
        std::printf("| %-52s | %-16s | %11.3f ms | %-6s |\n", "durable single registration, p99",
                    "<= 2 ms", s_p99, verdict(s_p99 <= 2.0));
        std::printf("| %-52s | %-16s | %11.3f ms | %-6s |\n",
                    "durable household of 4 (5 events), p99", "", h_p99, "");
    }
    if (!import_rate.empty()) {
        const double rate = median(import_rate);
        const std::string label =
            "batched import, validated, " + std::to_string(kBatch * 5) + " events/transaction";
        std::printf("| %-52s | %-16s | %9.0f ev/s | %-6s |\n", label.c_str(), ">= 150000 ev/s",
                    rate, verdict(rate >= 150000));
        const double bare = median(bare_rate);
        std::printf("| %-52s | %-16s | %9.0f ev/s | %-6s |\n",
                    "reference: the same rows into a bare SQLite table", "", bare, "");
        char ratio[32];
        std::snprintf(ratio, sizeof ratio, "%.2f", rate / bare);
        std::printf("| %-52s | %-16s | %14s | %-6s |\n", "ratio: batched import / reference", "",
                    ratio, "");
    }
    if (!lookup_p99.empty()) {
        const double l_med = median(lookup_median), l_p99 = median(lookup_p99);
        std::printf("| %-52s | %-16s | %11.4f ms | %-6s |\n", "member lookup by NIK, median", "",
                    l_med, "");
        std::printf("| %-52s | %-16s | %11.4f ms | %-6s |\n", "member lookup by NIK, p99",
                    "<= 0.05 ms", l_p99, verdict(l_p99 <= 0.05));
    }
    return 0;
}
