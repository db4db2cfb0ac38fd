#pragma once

#include <imgui.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "codec/assets.hpp"
#include "core/clock_check.hpp"
#include "core/date.hpp"
#include "core/scan_payload.hpp"
#include "store/clock_state.hpp"
#include "store/store.hpp"
#include "ui/devices.hpp"
#include "ui/kiosk_state.hpp"

namespace pekon::sync {
class SyncWorker;
}

namespace pekon::ui {

struct Fonts {
    ImFont* body = nullptr;   // 20 px at scale 1
    ImFont* large = nullptr;  // 26 px
    ImFont* title = nullptr;  // 34 px, bold
};

// The one field that the on-screen keypad or keyboard is typing into.
enum class EntryKind { digits, text };
struct TextEntry {
    std::string id;  // the field's probe id
    std::string* target = nullptr;
    EntryKind kind = EntryKind::text;
    size_t max_length = 0;
};

// Everything a screen needs, passed in (no globals): reference data, the store, the clock,
// the language, the scale, and the texts. Also records where each named widget was drawn
// (the probe), so tests and the screenshot tool can tap widgets by name.
class UiContext {
  public:
    using Clock = std::function<UnixSeconds()>;
    UiContext(const Assets& assets, Store& store, Lang lang, float scale, Clock clock);

    const Assets& assets() const { return assets_; }
    Store& store() { return store_; }
    // Why saving is off (a read-only file, folder or filesystem, or a damaged database), for
    // the banner on Home; empty while saving works. Writes answer with this same error.
    const std::optional<Error>& savingOff() const { return store_.readOnly(); }
    Lang lang() const { return lang_; }
    void setLang(Lang lang) { lang_ = lang; }
    float scale() const { return scale_; }
    float px(float at_scale_1) const { return at_scale_1 * scale_; }
    UnixSeconds now() const { return clock_(); }
    // The device clock judged against what the device knows (store/clock_state: the hub
    // offset of the last sync, the latest record, this build's date), kept until forgetClock.
    ClockVerdict clock() const;
    // "Today" for every check (not in the future, the NIK's century, KK issue dates): the WIB
    // (UTC+7) date of the best time the device knows, never of an implausible clock.
    Date today() const { return wibDate(clock().best_now); }
    // What the database says of the clock is read once and kept until this (a sync ended, or
    // Home's periodic refresh); the verdict itself is recomputed at each call.
    void forgetClock() { stored_clock_.reset(); }
    // This build's date (core/build_time) for clock(); a test that plays an earlier day sets
    // its own.
    UnixSeconds build_time;

    Fonts fonts;

    // Texts by i18n key. A key missing in the current language is remembered.
    std::string t(std::string_view key);
    std::string t(std::string_view key,
                  const std::vector<std::pair<std::string, std::string>>& args);
    std::string errorText(const Error& e) const { return e.message(lang_); }
    const std::set<std::string>& missingKeys() const { return missing_; }

    // Probe: call right after drawing a widget to record its rectangle under `id`.
    void probe(const std::string& id);
    std::optional<std::pair<ImVec2, ImVec2>> find(const std::string& id) const;
    const std::map<std::string, std::pair<ImVec2, ImVec2>>& probes() const { return probes_; }
    void beginFrame() {
        probes_.clear();
        animating = false;
    }
    // Scrolls the widget `id` into view when it is next drawn (a focused field above the
    // keypad; a test reaching a widget further down).
    void scrollTo(std::string id) { scroll_to_ = std::move(id); }

    // The field being typed into, if any.
    TextEntry entry;
    void focus(TextEntry e) {
        scroll_to_ = e.id;
        entry = std::move(e);
    }
    void unfocus() { entry = {}; }
    bool focused(const std::string& id) const { return entry.target && entry.id == id; }

    // The window's devices (camera, preview texture, beep); empty in plain headless tests.
    Devices devices;
    // The background sync with pekon-hub (src/sync/worker); none in plain headless tests.
    sync::SyncWorker* sync = nullptr;
    // Kiosk mode and the personal data of the citizen using it (ui/kiosk_state).
    KioskState kiosk;
    // Set by a screen during a frame when it needs the next frame soon (a live camera
    // preview, a fading message) rather than sleeping until input.
    bool animating = false;

    // Parses scanned text (a camera code, a wedge burst, a photo) with today's date.
    ScanPayload parseScan(std::string_view text) const {
        return parsePayload(text, assets_.regions, today());
    }

  private:
    const Assets& assets_;
    Store& store_;
    Lang lang_;
    float scale_;
    Clock clock_;
    mutable std::optional<ClockInputs> stored_clock_;  // store/clock_state's storedClock
    std::set<std::string> missing_;
    std::map<std::string, std::pair<ImVec2, ImVec2>> probes_;
    std::string scroll_to_;
};

}  // namespace pekon::ui
