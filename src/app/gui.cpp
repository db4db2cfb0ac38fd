// The touch app's window: SDL2 + OpenGL 3, Dear ImGui's SDL2/OpenGL3 backends, and a frame
// loop that sleeps while nothing happens.
#include "app/gui.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <iostream>

#include "app/cli_env.hpp"
#include "app/demo_data.hpp"
#include "app/gui_devices.hpp"
#include "app/screenshots.hpp"
#include "platform/paths.hpp"
#include "sync/worker.hpp"
#include "ui/app_shell.hpp"
#include "ui/theme.hpp"

namespace pekon::cli {

namespace {

int fail(Lang lang, const Error& e) {
    std::cerr << "pekon: " << e.message(lang) << " [" << e.code << "]\n";
    return kExitFailed;
}

// The scale of a screen of `dpi` dots per inch against a 96-dpi desktop, within 1..3.
float scaleFor(float dpi) {
    return std::clamp(dpi > 0 ? dpi / 96.0f : 1.0f, 1.0f, 3.0f);
}

bool isInput(const SDL_Event& e) {
    switch (e.type) {
        case SDL_MOUSEMOTION:
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
        case SDL_MOUSEWHEEL:
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
        case SDL_FINGERMOTION:
        case SDL_KEYDOWN:
        case SDL_TEXTINPUT:
            return true;
        default:
            return false;
    }
}

// Typed text and Enter/Tab go through the shell's wedge-scanner detector first. Returns true
// when the event was taken (text is handed to ImGui by the shell once known to be typing).
bool routeKeys(ui::AppShell& shell, const SDL_Event& e) {
    if (e.type == SDL_TEXTINPUT) {
        shell.keyText(e.text.text, e.text.timestamp);
        return true;
    }
    if (e.type == SDL_KEYDOWN && !e.key.repeat &&
        (e.key.keysym.sym == SDLK_RETURN || e.key.keysym.sym == SDLK_KP_ENTER ||
         e.key.keysym.sym == SDLK_TAB))
        return !shell.keyTerminator(e.key.timestamp);
    // Any other key (Backspace, arrows): held characters were typing and must come first.
    if (e.type == SDL_KEYDOWN && shell.holdingKeys()) shell.flushKeys();
    return false;
}

}  // namespace

int runGui(const GuiOptions& options) {
    auto dir = platform::findAssetsDir();
    if (!dir) return fail(options.lang, dir.error());
    auto assets = loadAssets(*dir);
    if (!assets) return fail(options.lang, assets.error());
    if (auto s = platform::ensureDirectory(platform::parentDirectory(options.db_path)); !s)
        return fail(options.lang, s.error());
    auto store = Store::open(options.db_path);
    if (!store) return fail(options.lang, store.error());
    if (options.demo) {
        if (auto s = seedDemo(**store, *assets, nowSeconds(), localToday()); !s)
            return fail(options.lang, s.error());
    }

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0)
        return fail(options.lang, Error{"display_unavailable",
                                        std::string("Layar tidak tersedia: ") + SDL_GetError(),
                                        std::string("No display is available: ") + SDL_GetError()});
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (options.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Window* window = SDL_CreateWindow("Pekon", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          options.width, options.height, flags);
    SDL_GLContext gl = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!window || !gl) {
        const Error e{"display_unavailable",
                      std::string("Jendela tidak bisa dibuka: ") + SDL_GetError(),
                      std::string("Cannot open a window: ") + SDL_GetError()};
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
        return fail(options.lang, e);
    }
    SDL_GL_MakeCurrent(window, gl);
    SDL_GL_SetSwapInterval(1);

    float dpi = 0;
    SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(window), &dpi, nullptr, nullptr);
    const float scale = options.scale > 0 ? options.scale : scaleFor(dpi);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no layout file: nothing of the session is written to disk
    io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
    auto fonts = ui::loadFonts(scale);
    if (!fonts) {
        ImGui::DestroyContext();
        SDL_GL_DeleteContext(gl);
        SDL_DestroyWindow(window);
        SDL_Quit();
        return fail(options.lang, fonts.error());
    }
    ui::applyTheme(scale);
    ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init("#version 130");

    int code = kExitOk;
    {
        // Sync runs on its own thread with its own connection; stopped (a transfer under way
        // aborted, nothing unanswered marked) after the screens are gone.
        sync::WorkerConfig sync_config;
        sync_config.db_path = (*store)->path();
        sync_config.automatic = options.screenshot_dir.empty();
        sync_config.client.ca_file = options.ca_file;
        sync::SyncWorker worker(sync_config);
        worker.start();
        ui::UiContext ui(*assets, **store, options.lang, scale, [] { return nowSeconds(); });
        ui.fonts = *fonts;
        ui.sync = &worker;
        GuiDevices devices;
        ui.devices = devices.devices();
        ui::AppShell shell(ui);
        if (!options.screenshot_dir.empty()) {
            auto made = platform::ensureDirectory(options.screenshot_dir);
            auto written = made ? takeScreenshots(shell, window, options.screenshot_dir)
                                : Result<int>(made.error());
            if (!written)
                code = fail(options.lang, written.error());
            else
                std::cout << *written << " screenshots in " << options.screenshot_dir << "\n";
        }
        bool running = options.screenshot_dir.empty();
        bool fullscreen = options.fullscreen;  // a kiosk always is
        int busy_frames = 3;  // frames still to draw after the last event (widgets settle)
        while (running) {
            SDL_Event event;
            // Idle: sleep until an event, waking once a second for the idle-logout clock, or
            // sooner while keys are held by the wedge-scanner detector.
            if (ui.animating) busy_frames = std::max(busy_frames, 1);
            const int wait_ms = shell.holdingKeys() ? 10 : 1000;
            const bool got = busy_frames > 0 ? SDL_PollEvent(&event) != 0
                                             : SDL_WaitEventTimeout(&event, wait_ms) != 0;
            if (got) {
                do {
                    if (!routeKeys(shell, event)) ImGui_ImplSDL2_ProcessEvent(&event);
                    if (event.type == SDL_QUIT) running = false;
                    if (isInput(event)) shell.noteInput();
                } while (SDL_PollEvent(&event));
                busy_frames = 3;
            }
            shell.tick(SDL_GetTicks());
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplSDL2_NewFrame();
            ImGui::NewFrame();
            shell.frame();
            ImGui::Render();
            if (const bool want = options.fullscreen || ui.kiosk.active; want != fullscreen) {
                SDL_SetWindowFullscreen(window, want ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
                fullscreen = want;
            }
            glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
                       static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
            glClearColor(0.945f, 0.957f, 0.953f, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            SDL_GL_SwapWindow(window);
            if (busy_frames > 0) --busy_frames;
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return code;
}

}  // namespace pekon::cli
