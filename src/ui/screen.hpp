#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "core/scan_payload.hpp"
#include "store/users.hpp"
#include "ui/ui_context.hpp"

namespace pekon::ui {

class Navigator;

// One screen: a view-model of its own (plain members) drawn each frame; it changes data only
// through core/store intents and moves between screens only through the Navigator.
class Screen {
  public:
    virtual ~Screen() = default;
    virtual std::string_view name() const = 0;  // stable, for tests and screenshots
    virtual void draw(UiContext& ui, Navigator& nav) = 0;
    // A code was scanned (camera, wedge scanner, photo) while this screen is on top. Returns
    // whether the screen used it; if not, the shell's hooks and then a result screen get it.
    virtual bool onScan(UiContext& /*ui*/, Navigator& /*nav*/, const ScanPayload& /*payload*/) {
        return false;
    }
};

// Screen changes asked for during a frame, applied after it; and the signed-in user.
class Navigator {
  public:
    void push(std::unique_ptr<Screen> screen) { pending_ = {Op::push, std::move(screen)}; }
    void replace(std::unique_ptr<Screen> screen) { pending_ = {Op::replace, std::move(screen)}; }
    void resetTo(std::unique_ptr<Screen> screen) { pending_ = {Op::reset, std::move(screen)}; }
    void pop() { pending_ = {Op::pop, nullptr}; }
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
        std::unique_ptr<Screen> screen;
    };
    Pending takePending() { return std::exchange(pending_, Pending{}); }

  private:
    Pending pending_;
    std::optional<ScanPayload> scan_;
    std::optional<User> user_;
};

}  // namespace pekon::ui
