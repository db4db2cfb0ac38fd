// kiosk_bench: "check my card status" over a 1,000,000-entry card-status table, the slow
// keyed hash included, against issue 6's target (<= 50 ms end to end): by NIK and KK number
// (issue 12) and by receipt and birth date, beside a plain reference (the same indexed lookup
// keyed by a fast hash, BLAKE2b); and the cost of an offline brute force of one NIK's KK
// numbers.
//   kiosk_bench [--entries N] [--lookups N] [--dir DIR]
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench_stats.hpp"
#include "store/internal/database.hpp"
#include "store/kiosk_status.hpp"

using namespace pekon;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "kiosk_bench: %s\n", what.c_str());
    std::exit(1);
}

double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

// A person of Kecamatan Kota Agung (18.06.01) for running index i: NIK, KK number, birth
// date and the id of their registration receipt.
struct Person {
    std::string nik, kk;
    Date birth;
    std::string receipt;
};
Person person(int i) {
    const int day = 1 + i % 28, month = 1 + (i / 28) % 12, year = 1950 + (i / 336) % 70;
    char nik[32], kk[32], receipt[40];
    std::snprintf(nik, sizeof nik, "180601%02d%02d%02d%04d", day % 100, month % 100, year % 100,
                  1 + (i / 23520) % 9999);
    std::snprintf(kk, sizeof kk, "180601%02d%02d%02d%04d", 1 + i % 27, 1 + (i / 7) % 12,
                  10 + i % 16, 1 + i % 40);
    std::snprintf(receipt, sizeof receipt, "0193%04x-0000-7000-8000-%012x", i % 65536, i);
    return {nik, kk, Date{year, month, day}, receipt};
}

// The plain reference: the same row found by a fast hash of the same message.
std::string plainKey(const std::string& message) {
    unsigned char out[16];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), nullptr, 0);
    char hex[33];
    sodium_bin2hex(hex, sizeof hex, out, sizeof out);
    return hex;
}

bool plainFound(Store& store, const std::string& lookup) {
    auto stmt = connection(store).cached("SELECT status FROM kiosk_status WHERE lookup = ?");
    if (!stmt) die(stmt.error().message_en);
    (*stmt)->bind(1, lookup);
    const int rc = (*stmt)->step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) die("plain lookup");
    return rc == SQLITE_ROW;
}

}  // namespace

int main(int argc, char** argv) {
    long entries = 1'000'000;
    int lookups = 40;
    std::string dir;
    readOptions(argc, argv, "kiosk_bench [--entries N] [--lookups N] [--dir DIR]",
                [&](const std::string& a, auto value) {
                    if (a == "--entries")
                        entries = std::max(1000L, std::stol(value()));
                    else if (a == "--lookups")
                        lookups = std::max(4, std::stoi(value()));
                    else if (a == "--dir")
                        dir = value();
                    else
                        return false;
                    return true;
                });
    if (sodium_init() < 0) die("libsodium");
    if (dir.empty()) dir = (fs::temp_directory_path() / "pekon_kiosk_bench").string();
    fs::create_directories(dir);
    const std::string path = dir + "/kiosk.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    auto store = Store::open(path);
    if (!store) die(store.error().message_en);
    KioskKey key;
    randombytes_buf(key.bytes.data(), key.bytes.size());

    // The table: `lookups` real people (three rows each) among random keys (computing a million real keys would
    // take hours of Argon2id; a random key is what any other person's row looks like).
    const auto t_fill = Clock::now();
    std::vector<KioskEntry> batch;
    auto flush = [&] {
        if (auto s = upsertKioskEntries(**store, batch); !s) die(s.error().message_en);
        batch.clear();
    };
    std::mt19937_64 rng(42);
    for (long i = 0; i < entries - 3L * lookups; ++i) {
        char hex[33];
        std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(rng()),
                      static_cast<unsigned long long>(rng()));
        batch.push_back({hex, "verified", 3, "Puskesmas Kota Agung", "", "*********1234",
                         "B*** S******", "2026-11-20T00:00:00Z"});
        if (batch.size() == 20000) flush();
    }
    // Each person three times: by NIK and KK, by receipt and birth date, and the plain
    // reference (a fast hash of NIK and KK).
    for (int i = 0; i < lookups; ++i) {
        const Person p = person(i);
        auto by_kk = kkLookupKey(key, p.nik, p.kk);
        auto by_receipt = receiptLookupKey(key, p.receipt, p.birth);
        if (!by_kk || !by_receipt) die("the slow keyed hash");
        for (const std::string& lookup : {*by_kk, *by_receipt, plainKey(p.nik + "|" + p.kk)})
            batch.push_back({lookup, "paid", 3, "Puskesmas Kota Agung", "2026-12-06",
                             "*********7890", "S*** A*****", "2026-11-22T08:00:00Z"});
    }
    flush();
    std::printf("kiosk_bench: %ld entries written in %.1f s\n", entries,
                ms(Clock::now() - t_fill) / 1000);

    std::vector<double> hash_ms, found_ms, missing_ms, receipt_ms, plain_ms;
    for (int i = 0; i < lookups; ++i) {
        const Person p = person(i);
        auto t0 = Clock::now();
        auto lookup = kkLookupKey(key, p.nik, p.kk);
        hash_ms.push_back(ms(Clock::now() - t0));
        t0 = Clock::now();
        auto found = findKioskEntryByKk(**store, key, p.nik, p.kk);
        found_ms.push_back(ms(Clock::now() - t0));
        if (!found || !found->has_value()) die("a stored person was not found");
        const Person other = person(100000 + i);
        t0 = Clock::now();
        auto missing = findKioskEntryByKk(**store, key, other.nik, other.kk);
        missing_ms.push_back(ms(Clock::now() - t0));
        if (!missing || missing->has_value()) die("a person who is not there was found");
        t0 = Clock::now();
        auto by_receipt = findKioskEntryByReceipt(**store, key, p.receipt, p.birth);
        receipt_ms.push_back(ms(Clock::now() - t0));
        if (!by_receipt || !by_receipt->has_value()) die("a stored receipt was not found");
        t0 = Clock::now();
        const bool plain = plainFound(**store, plainKey(p.nik + "|" + p.kk));
        plain_ms.push_back(ms(Clock::now() - t0));
        if (!plain) die("the plain reference was not found");
    }
    const double hash = percentile(hash_ms, 0.5);
    const double plain = percentile(plain_ms, 0.5);
    std::printf("\n%-46s %10s %10s %9s   %s\n", "lookup", "median", "p95", "x plain",
                "target");
    auto row = [&](const char* what, const std::vector<double>& v, const char* target) {
        std::printf("%-46s %7.2f ms %7.2f ms %8.0fx   %s\n", what, percentile(v, 0.5),
                    percentile(v, 0.95), percentile(v, 0.5) / plain, target);
    };
    row("KK hash alone (Argon2id t=2 m=32 MiB)", hash_ms, "");
    row("by NIK and KK, found, end to end", found_ms, "<= 50 ms");
    row("by NIK and KK, not found, end to end", missing_ms, "<= 50 ms");
    row("by receipt and birth date (t=2 m=16 MiB), found", receipt_ms, "<= 50 ms");
    row("plain reference (BLAKE2b + the same index)", plain_ms, "");

    // Given a NIK (a KTP photocopy) and a stolen kiosk with its key, the KK number is
    // PPKKCC DDMMYY SSSS: the region taken as the NIK's kecamatan (one guess), an issue date
    // and a serial. Serials count the KKs a kecamatan issued that day, so they are small.
    struct Space {
        const char* what;
        double guesses;
    };
    const Space spaces[] = {
        {"issue 1970-2026 (20,820 days) x serial 0001-9999", 20820.0 * 9999},
        {"issue in the last 15 years x serial 0001-0100", 5479.0 * 100},
        {"issue in the last 15 years x serial 0001-0030", 5479.0 * 30},
    };
    std::printf("\nguessing one NIK's KK number with the table and the key, %.1f ms a guess:\n",
                hash);
    for (const Space& sp : spaces) {
        const double core_days = sp.guesses * hash / 1000 / 86400;
        std::printf("  %-50s %.2e guesses = %8.2f core-days (all of them; half on average)\n",
                    sp.what, sp.guesses, core_days);
    }
    std::printf("  by NIK and birth date (before issue 12): 1-2 guesses\n");
    std::printf("  without the key: not possible (the HMAC key is 256 bits)\n");
    return 0;
}
