#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "core/scan_payload.hpp"
#include "store/users.hpp"
#include "ui/route.hpp"
#include "ui/ui_context.hpp"

namespace pekon::ui {

class Navigator;

// What the shell draws above a screen's content: nothing, the signed-out bar (title and
// language: login, first run, the kiosk's start and exit), the volunteer bar (Back, title,
// language, the user and Logout), or the kiosk bar (a large Home, title, language).
struct Chrome {
    enum class Bar { none, signed_out, volunteer, kiosk };
    Bar bar = Bar::none;
    std::string title_key;  // i18n key of the title
    bool back = false;      // volunteer bar: Back closes this screen
};

// One screen: a view-model of its own (plain members) whose content is drawn each frame under
// the bar the shell draws from chrome(); it changes data only through core/store intents (in
// handlers of taps, never merely because a frame is drawn) and moves between screens only by
// naming a route to the Navigator.
class Screen {
  public:
    virtual ~Screen() = default;
    virtual std::string_view name() const = 0;  // stable, for tests and screenshots
    virtual Chrome chrome() const { return {}; }
    // The screen was opened (pushed, or put in place of others), before its first frame: the
    // place for a write that opening it implies (the wizard saves a new draft), never drawing.
    virtual void onOpen(UiContext& /*ui*/, Navigator& /*nav*/) {}
    virtual void drawContent(UiContext& ui, Navigator& nav) = 0;
    // A code was scanned (camera, wedge scanner, photo) while this screen is on top. Returns
    // whether the screen used it; if not, the shell's hooks and then a result screen get it.
    virtual bool onScan(UiContext& /*ui*/, Navigator& /*nav*/, const ScanPayload& /*payload*/) {
        return false;
    }
};

// Screen changes asked for (by route; the shell builds the screen) during a frame, applied after it; and the signed-in user.
class Navigator {
  public:
    void push(Route route) { pending_ = {Op::push, std::move(route)}; }
    void replace(Route route) { pending_ = {Op::replace, std::move(route)}; }
    void resetTo(Route route) { pending_ = {Op::reset, std::move(route)}; }
    void pop() { pending_ = {Op::pop, std::nullopt}; }
    // Hands a scanned payload to the screen on top once this frame's change is applied (the
    // scanner overlay pops itself and delivers to the form below it).
    void deliverScan(ScanPayload payload) { scan_ = std::move(payload); }
    std::optional<ScanPayload> takeScan() { return std::exchange(scan_, std::nullopt); }

    const std::optional<User>& user() const { return user_; }
    void signIn(User user) { user_ = std::move(user); }
    void signOut() { user_.reset(); }

    enum class Op { none, push, replace, reset, pop };
    struct Pending {
        Op op = Op::none;
        std::optional<Route> route;
    };
    Pending takePending() { return std::exchange(pending_, Pending{}); }

  private:
    Pending pending_;
    std::optional<ScanPayload> scan_;
    std::optional<User> user_;
};

}  // namespace pekon::ui
