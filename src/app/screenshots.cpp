#include "app/screenshots.hpp"

#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <stb_image_write.h>
#include <stdlib.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <functional>
#include <system_error>
#include <vector>

#include "app/demo_data.hpp"
#include "proto/ids.hpp"
#include "proto/signature.hpp"
#include "scan/qr_encode.hpp"
#include "store/clock_state.hpp"
#include "store/households.hpp"
#include "store/outbox.hpp"
#include "store/sessions.hpp"
#include "store/users.hpp"
#include "sync/worker.hpp"
#include "ui/screens/first_run_screen.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/household_screen.hpp"
#include "ui/screens/households_screen.hpp"
#include "ui/screens/kiosk_exit_screen.hpp"
#include "ui/screens/kiosk_complaint_screen.hpp"
#include "ui/screens/kiosk_feedback_screen.hpp"
#include "ui/screens/kiosk_home_screen.hpp"
#include "ui/screens/kiosk_premiums_screen.hpp"
#include "ui/screens/kiosk_status_screen.hpp"
#include "ui/screens/login_screen.hpp"
#include "ui/screens/materials_screen.hpp"
#include "ui/screens/photo_import_screen.hpp"
#include "ui/screens/quiz_screen.hpp"
#include "ui/screens/receipt_screen.hpp"
#include "ui/screens/scan_result_screen.hpp"
#include "ui/screens/scanner_screen.hpp"
#include "ui/screens/session_plan_screen.hpp"
#include "ui/screens/session_screen.hpp"
#include "ui/screens/session_summary_screen.hpp"
#include "ui/screens/sessions_screen.hpp"
#include "ui/screens/settings_screen.hpp"
#include "ui/screens/sync_screen.hpp"
#include "ui/screens/wizard_screen.hpp"

namespace pekon::cli {

namespace {

void renderFrame(ui::AppShell& shell, SDL_Window* window) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    shell.frame();
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x), static_cast<int>(io.DisplaySize.y));
    glClearColor(0.945f, 0.957f, 0.953f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    (void)window;
}

Status writePng(SDL_Window* window, const std::string& path) {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window, &w, &h);
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows start at the bottom; PNG's at the top.
    const int stride = w * 4;
    if (!stbi_write_png(path.c_str(), w, h, 4,
                        pixels.data() + static_cast<size_t>((h - 1) * stride), -stride))
        return Error{"screenshot_failed", "Tangkapan layar tidak bisa ditulis: " + path,
                     "Cannot write the screenshot " + path};
    return {};
}

// A demo draft: one household of three, at `step`.
HouseholdDraft demoDraft(WizardStep step) {
    HouseholdDraft d;
    d.step = step;
    d.district_code = "18.06.01";
    HouseholdInput& h = d.household;
    h.village_code = "18.06.01.2016";
    h.address = "Jl. Merdeka No. 12";
    h.rt = "2";
    h.rw = "1";
    h.kk_number = "1806011203150007";
    h.members = {
        {"1806011505800021", "Budi Santoso", "1980-05-15", "M", "head", "PBPU", "3", "farmer"},
        {"1806016208850022", "Siti Aminah", "1985-08-22", "F", "spouse", "PBPU", "3", "housewife"},
        {"1806010101100023", "Ahmad Rizki", "2010-01-01", "M", "child", "PBI-APBN", "3",
         "student"},
        // A month old, without a NIK yet (issue 15: mothers and newborns).
        {"", "Bayi Siti", formatIsoDate(dateOf(std::time(nullptr) - 30 * 86400)), "F", "child",
         "PBPU", "3"}};
    h.members.back().no_nik = true;
    h.documents = {true, true, false, "dtks"};
    h.consent = {"pdp-2026-1", true, false};
    return d;
}

// The KTP-style code of a demo person, as a photo "import photo" can list.
// The demo household's family card (Negeri Ratu, issued 12 March 2015).
constexpr const char* kDemoKkNumber = "1806011203150007";
constexpr const char* kDemoKtpCode =
    "nik=1806014501870003;nama=SITI AMINAH;tgl_lahir=1987-01-05;jk=P";

// A folder (removed when this goes) holding one photo of a QR code, for the photo list.
class DemoPhotoFolder {
  public:
    DemoPhotoFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "pekon-photos-XXXXXX");
        if (!::mkdtemp(pattern.data())) return;
        dir_ = pattern;
        auto qr = encodeQr(kDemoKtpCode);
        if (!qr) return;
        constexpr int kModule = 8;
        const int side = qr->size * kModule;
        std::vector<unsigned char> pixels(static_cast<size_t>(side) * static_cast<size_t>(side));
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x)
                pixels[static_cast<size_t>(y * side + x)] =
                    qr->dark(x / kModule, y / kModule) ? 30 : 235;
        stbi_write_png((dir_ + "/IMG_20261122_0930.png").c_str(), side, side, 1, pixels.data(),
                       side);
    }
    ~DemoPhotoFolder() {
        std::error_code ec;
        if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
    }
    DemoPhotoFolder(const DemoPhotoFolder&) = delete;
    DemoPhotoFolder& operator=(const DemoPhotoFolder&) = delete;
    const std::string& dir() const { return dir_; }

  private:
    std::string dir_;
};

// Restores the window's devices when the screenshots are done.
struct DevicesBack {
    ui::UiContext& ui;
    ui::Devices saved;
    ~DevicesBack() { ui.devices = std::move(saved); }
};

// The citizen kiosk, nobody signed in. The answers are the view-model's (a demo entry, as a
// lookup would leave it), so taking pictures writes nothing to the device's database.
Status kioskShots(ui::AppShell& shell, SDL_Window* window, const std::string& prefix,
                  int& written) {
    ui::UiContext& ui = shell.ui();
    KioskEntry entry;
    entry.status = "paid";
    entry.care_class = 3;
    entry.faskes = "Puskesmas Kota Agung";
    entry.card_eta = formatIsoDate(addDays(ui.today(), 9));
    entry.name_masked = maskName("Siti Aminah");
    entry.as_of = formatRfc3339(ui.now() - 3 * 3600);
    const ScanPayload ktp = ui.parseScan(kDemoKtpCode);
    // The NIK from the demo KTP, the KK number as from the family card's code.
    auto fill = [&ui, &ktp](std::optional<std::optional<KioskEntry>> answer) {
        ui.kiosk.citizen.clear();
        ui.kiosk.citizen.nik = ktp.nik;
        ui.kiosk.citizen.kk_number = kDemoKkNumber;
        if (!answer) return;
        ui.kiosk.citizen.checked = true;
        ui.kiosk.citizen.checked_for = ui.kiosk.citizen.nik + "|" + ui.kiosk.citizen.kk_number;
        ui.kiosk.citizen.found = std::move(*answer);
    };
    const std::vector<std::pair<std::string, std::function<std::unique_ptr<ui::Screen>()>>>
        screens = {
            {"kiosk-home", [] { return std::make_unique<ui::KioskHomeScreen>(); }},
            {"kiosk-status",
             [&] {
                 fill(std::nullopt);
                 return std::make_unique<ui::KioskStatusScreen>();
             }},
            {"kiosk-status-found",
             [&] {
                 fill(entry);
                 return std::make_unique<ui::KioskStatusScreen>();
             }},
            {"kiosk-status-not_found",
             [&] {
                 fill(std::optional<KioskEntry>());
                 return std::make_unique<ui::KioskStatusScreen>();
             }},
            {"kiosk-premiums", [] { return std::make_unique<ui::KioskPremiumsScreen>(); }},
            {"kiosk-feedback", [] { return std::make_unique<ui::KioskFeedbackScreen>(); }},
            {"kiosk-complaint", [] { return std::make_unique<ui::KioskComplaintScreen>(); }},
            {"kiosk-exit", [] { return std::make_unique<ui::KioskExitScreen>(); }},
        };
    shell.navigator().signOut();
    ui.kiosk.active = true;
    for (auto& [name, make] : screens) {
        shell.noteInput();  // not the idle reset's moment
        shell.show(make());
        for (int i = 0; i < 3; ++i) renderFrame(shell, window);
        if (auto s = writePng(window, prefix + name + ".png"); !s) return s;
        ++written;
    }
    ui.kiosk = ui::KioskState{};
    return {};
}

// Signs the demo's supervisor in for the screens that show personal data: the data key is
// opened (once; the shell wipes it whenever a shot had nobody signed in), then the navigator
// has the user, as after the login screen.
void signInForShots(ui::AppShell& shell, const User& user) {
    Store& store = shell.ui().store();
    if (!dataOpen(store)) (void)login(store, user.id, kDemoSupervisorPin, shell.ui().now());
    shell.navigator().signIn(user);
}

// Home and Sync under a device clock two hours behind the hub, then the offset put back.
Status clockShots(ui::AppShell& shell, SDL_Window* window, const std::string& prefix,
                  int& written) {
    Store& store = shell.ui().store();
    const UnixSeconds now = shell.ui().now();
    if (auto s = saveHubOffset(store, 7200, now); !s) return s.error();
    auto users = listUsers(store);
    for (const char* name : {"home-clock", "sync-clock"}) {
        if (users && !users->empty()) signInForShots(shell, users->front());
        shell.ui().forgetClock();
        if (std::string(name) == "home-clock")
            shell.show(std::make_unique<ui::HomeScreen>());
        else
            shell.show(std::make_unique<ui::SyncScreen>());
        for (int i = 0; i < 3; ++i) renderFrame(shell, window);
        if (auto s = writePng(window, prefix + name + ".png"); !s) return s.error();
        ++written;
    }
    if (auto s = saveHubOffset(store, 0, now); !s) return s.error();
    shell.ui().forgetClock();
    return {};
}

}  // namespace

Result<int> takeScreenshots(ui::AppShell& shell, SDL_Window* window, const std::string& dir) {
    auto users = listUsers(shell.ui().store());
    if (!users) return users.error();
    // The same pictures on every machine: no camera (the overlay says so, and no one's face
    // lands in the documentation), no beep, and one demo photo to import.
    DevicesBack restore{shell.ui(), shell.ui().devices};
    DemoPhotoFolder photos;
    shell.ui().devices = {};
    shell.ui().devices.photo_folders = [dir = photos.dir()] {
        return dir.empty() ? std::vector<std::string>{} : std::vector<std::string>{dir};
    };
    const ScanPayload ktp = shell.ui().parseScan(kDemoKtpCode);
    const ScanPayload unknown = shell.ui().parseScan("WIFI:S:Balai Pekon;T:WPA;P:rahasia;;");
    int written = 0;
    for (Lang lang : {Lang::id, Lang::en}) {
        shell.ui().setLang(lang);
        const std::string prefix = dir + "/" + (lang == Lang::id ? "id" : "en") + "-";
        std::vector<std::pair<std::string, std::function<std::unique_ptr<ui::Screen>()>>> screens =
            {
                {"first_run", [] { return std::make_unique<ui::FirstRunScreen>(); }},
                {"login", [] { return std::make_unique<ui::LoginScreen>(); }},
                {"home", [] { return std::make_unique<ui::HomeScreen>(); }},
                {"households", [] { return std::make_unique<ui::HouseholdsScreen>(); }},
                {"receipt",
                 [] {
                     return std::make_unique<ui::ReceiptScreen>(
                         "0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9e", 3);
                 }},
            };
        auto listed = listHouseholds(shell.ui().store(), {}, 1);
        if (listed && !listed->empty()) {
            const std::string id = (*listed)[0].household.id;
            screens.push_back(
                {"household", [id] { return std::make_unique<ui::HouseholdScreen>(id); }});
            if (auto d = findHousehold(shell.ui().store(), id); d && *d && !(**d).members.empty()) {
                const MemberRecord member = (**d).members.front();
                screens.push_back({"member_edit", [member] {
                                       return std::make_unique<ui::MemberEditScreen>(member);
                                   }});
            }
        }
        for (WizardStep step : kAllSteps) {
            screens.push_back({"wizard-" + std::string(stepCode(step)), [step] {
                                   return std::make_unique<ui::WizardScreen>(demoDraft(step));
                               }});
        }
        screens.push_back({"wizard-member", [] {
                               auto w = std::make_unique<ui::WizardScreen>(
                                   demoDraft(WizardStep::members));
                               w->openMemberEditor(1);
                               return w;
                           }});
        screens.push_back({"wizard-member-newborn", [] {
                               auto w = std::make_unique<ui::WizardScreen>(
                                   demoDraft(WizardStep::members));
                               w->openMemberEditor(3);
                               return w;
                           }});
        screens.push_back({"scanner", [] { return std::make_unique<ui::ScannerScreen>(); }});
        screens.push_back(
            {"photo_import",
             [] { return std::make_unique<ui::PhotoImportScreen>(scan::kAllSymbologies); }});
        screens.push_back(
            {"scan_result-nik", [ktp] { return std::make_unique<ui::ScanResultScreen>(ktp); }});
        screens.push_back({"scan_result-unknown",
                           [unknown] { return std::make_unique<ui::ScanResultScreen>(unknown); }});
        screens.push_back({"settings", [] { return std::make_unique<ui::SettingsScreen>(); }});
        // Outreach sessions (the demo holds one planned and one under way).
        screens.push_back({"sessions", [] { return std::make_unique<ui::SessionsScreen>(); }});
        screens.push_back(
            {"session_plan", [] { return std::make_unique<ui::SessionPlanScreen>(); }});
        screens.push_back(
            {"materials", [] { return std::make_unique<ui::MaterialsScreen>("benefits"); }});
        if (auto sessions = listSessions(shell.ui().store()); sessions) {
            for (const SessionRecord& s : *sessions) {
                const std::string id = s.id;
                if (s.state == SessionState::planned) {
                    screens.push_back({"session-planned",
                                       [id] { return std::make_unique<ui::SessionScreen>(id); }});
                    continue;
                }
                screens.push_back(
                    {"session", [id] { return std::make_unique<ui::SessionScreen>(id); }});
                screens.push_back({"quiz", [id] {
                                       auto q =
                                           std::make_unique<ui::QuizScreen>(id, QuizPhase::post);
                                       q->openAttendee(7);
                                       return q;
                                   }});
                screens.push_back({"session_summary", [id] {
                                       return std::make_unique<ui::SessionSummaryScreen>(id);
                                   }});
            }
        }
        for (auto& [name, make] : screens) {
            if (!users->empty()) signInForShots(shell, users->front());
            shell.show(make());
            for (int i = 0; i < 3; ++i) renderFrame(shell, window);
            if (auto s = writePng(window, prefix + name + ".png"); !s) return s.error();
            ++written;
        }
        if (auto s = kioskShots(shell, window, prefix, written); !s) return s.error();
        // Sync, as the worker really sees it: not linked; then linked to an office hub that
        // cannot be reached right now (nothing listens on the address), after a real attempt.
        if (sync::SyncWorker* worker = shell.ui().sync) {
            Store& store = shell.ui().store();
            if (auto s = forgetHubLink(store); !s) return s.error();
            worker->reload();
            worker->waitFor([](const sync::WorkerState& w) { return w.started && !w.enrolled; },
                            std::chrono::seconds(10));
            shell.show(std::make_unique<ui::SyncScreen>());
            for (int i = 0; i < 3; ++i) renderFrame(shell, window);
            if (auto s = writePng(window, prefix + "sync.png"); !s) return s.error();
            if (auto s = saveHubLink(store, {"http://127.0.0.1:9", newUuid(),
                                             sync::encodeSecret(sync::newDeviceSecret())});
                !s)
                return s.error();
            worker->reload();
            worker->waitFor([](const sync::WorkerState& w) { return w.enrolled; },
                            std::chrono::seconds(10));
            const int failures = worker->state().failures;
            worker->syncNow();
            worker->waitFor(
                [&](const sync::WorkerState& w) { return w.failures > failures && !w.running; },
                std::chrono::seconds(30));
            shell.show(std::make_unique<ui::SyncScreen>());
            for (int i = 0; i < 3; ++i) renderFrame(shell, window);
            if (auto s = writePng(window, prefix + "sync-offline.png"); !s) return s.error();
            written += 2;
            // A tablet whose clock runs two hours behind the office's hub (the offset the last
            // sync measured): Home and Sync say so and how to fix it. Then the right clock.
            if (auto s = clockShots(shell, window, prefix, written); !s) return s.error();
        }
    }
    return written;
}

}  // namespace pekon::cli
