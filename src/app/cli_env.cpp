#include "app/cli_env.hpp"

#include <sodium.h>

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <ostream>

#include "codec/json.hpp"
#include "core/build_time.hpp"
#include "core/clock_text.hpp"
#include "platform/paths.hpp"
#include "store/clock_state.hpp"
#include "store/users.hpp"

namespace pekon::cli {

CliEnv::CliEnv(std::ostream& out, std::ostream& err, Lang lang, Format format, std::string db_path)
    : out_(out), err_(err), lang_(lang), format_(format), db_path_(std::move(db_path)) {}

Result<const Assets*> CliEnv::assets() {
    if (!assets_) {
        auto dir = platform::findAssetsDir();
        if (!dir) return dir.error();
        auto loaded = loadAssets(*dir);
        if (!loaded) return loaded.error();
        assets_ = std::move(loaded.value());
    }
    return &*assets_;
}

Result<Store*> CliEnv::openStore(Store::OpenMode mode) {
    if (!store_) {
        if (mode == Store::OpenMode::create) {
            if (auto s = platform::ensureDirectory(platform::parentDirectory(db_path_)); !s)
                return s.error();
        }
        auto opened = Store::open(db_path_, mode);
        if (!opened) return opened.error();
        store_ = std::move(opened.value());
        if (store_->damage()) err_ << "pekon: " << store_->damage()->message(lang_) << "\n";
        if (!sign_in_as_.empty())
            if (auto s = signIn(*store_); !s) {
                store_.reset();
                return s.error();
            }
    }
    return store_.get();
}

Status CliEnv::signIn(Store& store) {
    auto users = listUsers(store);
    if (!users) return users.error();
    const User* found = nullptr;
    for (const User& u : *users)
        if (u.name == sign_in_as_) found = &u;
    if (!found)
        return Error{"user_not_found", "Pengguna tidak ditemukan.", "The user was not found."};
    std::string pin;
    if (const char* env = std::getenv("PEKON_PIN")) {
        pin = env;
    } else {
        std::getline(std::cin, pin);
    }
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == '\n')) pin.pop_back();
    auto user = login(store, found->id, pin, nowSeconds());
    sodium_memzero(pin.data(), pin.size());
    if (!user) return user.error();
    actor_ = user->id;
    return {};
}

Result<Store*> CliEnv::store() {
    return openStore(Store::OpenMode::create);
}

Result<Store*> CliEnv::existingStore() {
    const bool first = !store_;
    auto store = openStore(Store::OpenMode::existing);
    if (store && first && format_ == Format::text && (*store)->readOnly() && !(*store)->damage())
        err_ << "pekon: " << (*store)->readOnly()->message(lang_) << "\n";
    return store;
}

std::string CliEnv::text(std::string_view key) const {
    return assets_ ? assets_->catalog.text(key, lang_) : std::string(key);
}

std::string CliEnv::text(std::string_view key,
                         const std::vector<std::pair<std::string, std::string>>& args) const {
    return assets_ ? assets_->catalog.text(key, lang_, args) : std::string(key);
}

void CliEnv::printJsonError(std::string_view code, const std::string& message) {
    out_ << dumpJson(OrderedJson{{"error", {{"code", std::string(code)}, {"message", message}}}}) << "\n";
}

int CliEnv::fail(const Error& error) {
    if (format_ == Format::json) {
        printJsonError(error.code, error.message(lang_));
        return kExitFailed;
    }
    err_ << "pekon: " << error.message(lang_) << " [" << error.code << "]\n";
    return kExitFailed;
}

int CliEnv::usage(const std::string& detail) {
    (void)assets();
    const std::string problem = text("cli.usage_error", {{"detail", detail}});
    if (format_ == Format::json) {
        printJsonError("usage", problem);
        return kExitUsage;
    }
    err_ << "pekon: " << problem << "\n" << text("cli.usage") << "\n";
    return kExitUsage;
}

ClockVerdict CliEnv::clock() const {
    const UnixSeconds now = nowSeconds();
    if (store_) return deviceClock(*store_, now);
    return checkClock(ClockInputs{now, std::nullopt, std::nullopt, std::nullopt, buildTime()});
}

Date CliEnv::today() const {
    return platform::localDateOf(clock().best_now);
}

void CliEnv::warnIfClockWrong() {
    const ClockVerdict verdict = clock();
    if (verdict.state == ClockState::ok) return;
    auto loaded = assets();
    if (!loaded) return;
    for (const std::string& line : clockWarning((*loaded)->catalog, lang_, verdict, nowSeconds()))
        err_ << "pekon: " << line << "\n";
}

WriteContext CliEnv::writeContext() const {
    return WriteContext{actor_, nowSeconds(), today()};
}

}  // namespace pekon::cli
