#pragma once

// A Pekon UI with no window: an ImGui context whose font atlas is built in memory, a fixed
// display size, and synthetic touches and keys through ImGuiIO. Failures throw (a Catch test
// reports them; the wizard child process of the kill test dies of them).
#include <imgui.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "support/fixtures.hpp"
#include "ui/app_shell.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/theme.hpp"

namespace pekon::test {

class Headless {
  public:
    explicit Headless(Store& store, Lang lang = Lang::id, UnixSeconds start = 1'795'000'000)
        : now_(start), context_(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
        auto fonts = ui::loadFonts(1.0f);
        if (!fonts) throw std::runtime_error(fonts.error().message_en);
        ui::applyTheme(1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
        ui_ = std::make_unique<ui::UiContext>(assets(), store, lang, 1.0f, [this] { return now_; });
        ui_->fonts = *fonts;
        // The tests play days (2026-11-19 by default) that may be before this build's date;
        // the clock-warning tests set their own.
        ui_->build_time = 0;
        shell_ = std::make_unique<ui::AppShell>(*ui_);
    }
    ~Headless() {
        shell_.reset();
        ImGui::DestroyContext(context_);
    }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    void frame() {
        ImGui::NewFrame();
        shell_->frame();
        ImGui::Render();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }

    // Taps the widget recorded under `id`, scrolled into view first.
    void tap(const std::string& id) {
        // Bring it to the middle of its (scrolling) window first, as a finger would.
        ui_->scrollTo(id);
        frames(2);
        auto rect = ui_->find(id);
        if (!rect)
            throw std::runtime_error("widget " + id + " is not on screen " +
                                     std::string(shell_->top().name()));
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos =
            ImVec2((rect->first.x + rect->second.x) / 2, (rect->first.y + rect->second.y) / 2);
        io.MouseDown[0] = true;
        shell_->noteInput();
        frame();
        io.MouseDown[0] = false;
        frame();
        io.MousePos = ImVec2(-1, -1);
        frame();
    }
    // Taps the on-screen keys for each character ("key.1", "key.a", "key.space").
    void typeKeys(const std::string& text) {
        for (char c : text) {
            if (c == ' ')
                tap("key.space");
            else
                tap(std::string("key.") +
                    static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        }
    }

    // Taps a field, types `text` on the on-screen keys and closes the keys with Done.
    void typeInto(const std::string& field, const std::string& text) {
        tap(field);
        typeKeys(text);
        tap("key.done");
    }

    // Signs `user` in and shows Home, as after a login.
    void home(const User& user) {
        shell_->navigator().signIn(user);
        shell_->show(std::make_unique<ui::HomeScreen>());
        frame();
    }

    std::string_view screen() const { return shell_->top().name(); }
    ui::UiContext& ui() { return *ui_; }
    ui::AppShell& shell() { return *shell_; }
    void advance(UnixSeconds seconds) { now_ += seconds; }

  private:
    UnixSeconds now_;
    ImGuiContext* context_;
    std::unique_ptr<ui::UiContext> ui_;
    std::unique_ptr<ui::AppShell> shell_;
};

}  // namespace pekon::test
