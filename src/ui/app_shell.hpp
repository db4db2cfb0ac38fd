#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/wedge.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// The app without a window: the stack of screens, the session and its idle logout. The SDL
// shell and the headless tests both drive it one frame at a time.
class AppShell {
  public:
    explicit AppShell(UiContext& ui);

    // Builds one ImGui frame's widgets (between ImGui::NewFrame and ImGui::Render).
    void frame();
    // Call when the user touched or typed: it keeps the session alive.
    void noteInput() { last_input_ = ui_.now(); }

    // Keyboard input from the window with a monotonic time in ms, through the wedge-scanner
    // detector: a scanner's burst becomes a scan; typing reaches ImGui a moment later.
    void keyText(std::string_view utf8, std::int64_t ms);
    bool keyTerminator(std::int64_t ms);  // Enter/Tab: true when ImGui should get the key
    void tick(std::int64_t ms);           // call each frame; releases held typing
    void flushKeys();                     // another key came: held typing goes to ImGui first
    bool holdingKeys() const { return wedge_.holding(); }

    // Where a scan goes when the screen on top does not use it: a hook per payload kind
    // (kiosk, session attendance, device enrolment), else a screen showing what was read.
    using ScanHook = std::function<bool(UiContext&, Navigator&, const ScanPayload&)>;
    void setScanHook(PayloadKind kind, ScanHook hook) { hooks_[kind] = std::move(hook); }
    // A scanned payload from outside a frame (tests; the wedge uses this too).
    void scanned(ScanPayload payload) { nav_.deliverScan(std::move(payload)); }

    const Screen& top() const { return *stack_.back(); }
    const std::string& toast() const { return toast_; }
    Navigator& navigator() { return nav_; }
    UiContext& ui() { return ui_; }
    // Replaces the whole stack (tests, screenshots).
    void show(std::unique_ptr<Screen> screen);
    void show(Route route);

  private:
    void resetKiosk();
    void apply(Navigator::Pending pending);
    void route(const ScanPayload& payload);
    void drawFeedback();
    // The bar above the screen's content, as the screen declares it: drawn here, once.
    void drawChrome(const Chrome& chrome);
    WedgeDetector wedge_;
    std::map<PayloadKind, ScanHook> hooks_;
    std::string toast_;
    double toast_until_ = 0;
    double flash_until_ = 0;
    UiContext& ui_;
    Navigator nav_;
    std::vector<std::unique_ptr<Screen>> stack_;
    UnixSeconds last_input_;
    // When the hub's sealing key was last looked for (real time: the UI's clock may stand).
    std::chrono::steady_clock::time_point last_seal_check_{};
};

// The first screen: the kiosk's start when the device is a kiosk, first-run set-up when it has
// no user, else login.
Route startRoute(UiContext& ui);

}  // namespace pekon::ui
