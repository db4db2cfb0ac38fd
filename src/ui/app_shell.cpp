#include "ui/app_shell.hpp"

#include "core/auth.hpp"
#include "ui/screens/first_run_screen.hpp"
#include "ui/screens/login_screen.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

std::unique_ptr<Screen> startScreen(UiContext& ui) {
    auto users = listUsers(ui.store());
    if (users && users->empty()) return std::make_unique<FirstRunScreen>();
    return std::make_unique<LoginScreen>();
}

AppShell::AppShell(UiContext& ui) : ui_(ui), last_input_(ui.now()) { stack_.push_back(startScreen(ui)); }

void AppShell::show(std::unique_ptr<Screen> screen) {
    stack_.clear();
    stack_.push_back(std::move(screen));
    ui_.unfocus();
}

void AppShell::apply(Navigator::Pending p) {
    switch (p.op) {
        case Navigator::Op::none: return;
        case Navigator::Op::push: stack_.push_back(std::move(p.screen)); break;
        case Navigator::Op::replace: stack_.back() = std::move(p.screen); break;
        case Navigator::Op::reset: show(std::move(p.screen)); break;
        case Navigator::Op::pop:
            if (stack_.size() > 1) stack_.pop_back();
            break;
    }
    ui_.unfocus();
}

void AppShell::frame() {
    ui_.beginFrame();
    // Ten minutes without a touch ends the session: back to login, nothing personal on screen.
    if (nav_.user() && idleExpired(last_input_, ui_.now())) {
        nav_.signOut();
        show(std::make_unique<LoginScreen>());
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, vp->WorkSize.y - entryPanelHeight(ui_)));
    ImGui::Begin("##screen", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    const std::string_view name = stack_.back()->name();
    ImGui::PushID(name.data(), name.data() + name.size());
    stack_.back()->draw(ui_, nav_);
    ImGui::PopID();
    ImGui::End();
    entryPanel(ui_);
    apply(nav_.takePending());
}

}  // namespace pekon::ui
