#pragma once

#include <memory>
#include <vector>

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

    const Screen& top() const { return *stack_.back(); }
    Navigator& navigator() { return nav_; }
    UiContext& ui() { return ui_; }
    // Replaces the whole stack (tests, screenshots).
    void show(std::unique_ptr<Screen> screen);

private:
    void apply(Navigator::Pending pending);
    UiContext& ui_;
    Navigator nav_;
    std::vector<std::unique_ptr<Screen>> stack_;
    UnixSeconds last_input_;
};

// The first screen: first-run set-up when the device has no user, else login.
std::unique_ptr<Screen> startScreen(UiContext& ui);

}  // namespace pekon::ui
