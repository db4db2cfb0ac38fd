#include "ui/app_shell.hpp"

#include <chrono>

#include "core/auth.hpp"
#include "core/text.hpp"
#include "store/users.hpp"
#include "sync/worker.hpp"
#include "ui/header.hpp"
#include "ui/kiosk_header.hpp"
#include "ui/screen_table.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

constexpr double kToastSeconds = 2.0;
constexpr double kFlashSeconds = 0.3;

// "NIK ************0003": what was read, masked, for the confirmation message.
std::string scanSummary(UiContext& ui, const ScanPayload& p) {
    const std::string kind = ui.t("scan.kind." + std::string(payloadKindCode(p.kind)));
    if (!p.nik.empty()) return kind + " " + maskDigits(p.nik);
    if (!p.kk_number.empty()) return kind + " " + maskDigits(p.kk_number);
    if (!p.card_number.empty()) return kind + " " + maskDigits(p.card_number);
    return kind;
}

}  // namespace

Route startRoute(UiContext& ui) {
    // A kiosk stays a kiosk through a restart or a power cut.
    if (kioskModeSaved(ui.store())) {
        ui.kiosk.active = true;
        return route::KioskHome{};
    }
    auto users = listUsers(ui.store());
    if (users && users->empty()) return route::FirstRun{};
    return route::Login{};
}

AppShell::AppShell(UiContext& ui) : ui_(ui), last_input_(ui.now()) {
    stack_.push_back(makeScreen(ui, nav_, startRoute(ui)));
    stack_.back()->onOpen(ui, nav_);
    // The office's enrolment QR, scanned anywhere once signed in, links the device to the
    // hub and shows the Sync screen.
    setScanHook(PayloadKind::enrol, [](UiContext& ui, Navigator& nav, const ScanPayload& p) {
        if (!ui.sync || !nav.user()) return false;
        ui.sync->enrol(p.raw);
        nav.push(route::Sync{});
        return true;
    });
}

void AppShell::show(std::unique_ptr<Screen> screen) {
    stack_.clear();
    stack_.push_back(std::move(screen));
    ui_.unfocus();
    stack_.back()->onOpen(ui_, nav_);
}

void AppShell::show(Route route) { show(makeScreen(ui_, nav_, std::move(route))); }

void AppShell::apply(Navigator::Pending p) {
    switch (p.op) {
        case Navigator::Op::none:
            return;
        case Navigator::Op::push:
            stack_.push_back(makeScreen(ui_, nav_, std::move(*p.route)));
            stack_.back()->onOpen(ui_, nav_);
            break;
        case Navigator::Op::replace:
            stack_.back() = makeScreen(ui_, nav_, std::move(*p.route));
            stack_.back()->onOpen(ui_, nav_);
            break;
        case Navigator::Op::reset:
            show(std::move(*p.route));
            break;
        case Navigator::Op::pop:
            if (stack_.size() > 1) stack_.pop_back();
            break;
    }
    ui_.unfocus();
}

void AppShell::route(const ScanPayload& payload) {
    noteInput();
    const double now = ImGui::GetTime();
    if (stack_.back()->onScan(ui_, nav_, payload)) {
        toast_ = ui_.t("scan.used", {{"what", scanSummary(ui_, payload)}});
        toast_until_ = now + kToastSeconds;
        flash_until_ = now + kFlashSeconds;
        if (ui_.devices.beep) ui_.devices.beep();
        return;
    }
    if (auto hook = hooks_.find(payload.kind);
        hook != hooks_.end() && hook->second(ui_, nav_, payload))
        return;
    // Signed out, there is no one to show it to (the login screen uses no scans).
    if (!nav_.user()) return;
    if (ui_.devices.beep) ui_.devices.beep();
    flash_until_ = now + kFlashSeconds;
    nav_.push(route::ScanResult{payload});
}

void AppShell::keyText(std::string_view utf8, std::int64_t ms) {
    const WedgeResult r = wedge_.onText(utf8, ms);
    if (!r.typed.empty()) ImGui::GetIO().AddInputCharactersUTF8(r.typed.c_str());
}

bool AppShell::keyTerminator(std::int64_t ms) {
    WedgeResult r = wedge_.onTerminator(ms);
    if (!r.typed.empty()) ImGui::GetIO().AddInputCharactersUTF8(r.typed.c_str());
    if (r.scan) scanned(ui_.parseScan(*r.scan));
    return r.terminator;
}

void AppShell::tick(std::int64_t ms) {
    const WedgeResult r = wedge_.onTick(ms);
    if (!r.typed.empty()) ImGui::GetIO().AddInputCharactersUTF8(r.typed.c_str());
}

void AppShell::flushKeys() {
    const WedgeResult r = wedge_.flush();
    if (!r.typed.empty()) ImGui::GetIO().AddInputCharactersUTF8(r.typed.c_str());
}

void AppShell::drawFeedback() {
    const double now = ImGui::GetTime();
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    if (now < flash_until_) {
        // A green frame around the screen: the code was read.
        ui_.animating = true;
        const float w = ui_.px(10);
        draw->AddRect(
            ImVec2(vp->WorkPos.x + w / 2, vp->WorkPos.y + w / 2),
            ImVec2(vp->WorkPos.x + vp->WorkSize.x - w / 2, vp->WorkPos.y + vp->WorkSize.y - w / 2),
            IM_COL32(46, 160, 67, 255), 0, 0, w);
    }
    if (now < toast_until_ && !toast_.empty()) {
        ui_.animating = true;
        const ImVec2 size = ImGui::CalcTextSize(toast_.c_str());
        const float pad = ui_.px(16);
        const ImVec2 a(vp->WorkPos.x + (vp->WorkSize.x - size.x) / 2 - pad,
                       vp->WorkPos.y + ui_.px(90));
        const ImVec2 b(a.x + size.x + 2 * pad, a.y + size.y + 2 * pad);
        draw->AddRectFilled(a, b, IM_COL32(33, 37, 41, 235), ui_.px(12));
        draw->AddText(ImVec2(a.x + pad, a.y + pad), IM_COL32(255, 255, 255, 255), toast_.c_str());
    } else if (now >= toast_until_) {
        toast_.clear();
    }
}

void AppShell::resetKiosk() {
    ui_.kiosk.citizen.clear();
    toast_.clear();
    show(route::KioskHome{});
}

void AppShell::drawChrome(const Chrome& chrome) {
    switch (chrome.bar) {
        case Chrome::Bar::none:
            return;
        case Chrome::Bar::signed_out:
            signedOutHeader(ui_, ui_.t(chrome.title_key));
            return;
        case Chrome::Bar::volunteer:
            header(ui_, nav_, ui_.t(chrome.title_key), chrome.back);
            return;
        case Chrome::Bar::kiosk:
            kioskHeader(ui_, nav_, ui_.t(chrome.title_key));
            return;
    }
}

void AppShell::frame() {
    ui_.beginFrame();
    // A kiosk left alone for a minute goes back to its start screen and forgets the citizen.
    if (ui_.kiosk.active && ui_.now() - last_input_ >= kKioskIdleSeconds &&
        (stack_.size() > 1 || stack_.back()->name() != "kiosk.home" || !ui_.kiosk.citizen.empty()))
        resetKiosk();
    // Ten minutes without a touch ends the session: back to login, nothing personal on screen.
    if (nav_.user() && idleExpired(last_input_, ui_.now())) {
        nav_.signOut();
        show(route::Login{});
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, vp->WorkSize.y - entryPanelHeight(ui_)));
    ImGui::Begin("##screen", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    Screen& screen = *stack_.back();
    const std::string_view name = screen.name();
    ImGui::PushID(name.data(), name.data() + name.size());
    drawChrome(screen.chrome());
    screen.drawContent(ui_, nav_);
    ImGui::PopID();
    ImGui::End();
    entryPanel(ui_);
    drawFeedback();
    apply(nav_.takePending());
    // A scan goes to the screen that is on top now (the overlay has closed itself).
    if (auto scan = nav_.takeScan()) {
        route(*scan);
        apply(nav_.takePending());
    }
    // Nobody signed in (a sign-out, the idle logout, a kiosk): the data key is wiped, and the
    // personal data on the device stays sealed until the next sign-in (issue 16). Signed in:
    // once a second, what was written before the hub's key arrived is sealed for it.
    if (!nav_.user()) {
        lockData(ui_.store());
    } else if (const auto now = std::chrono::steady_clock::now();
               now - last_seal_check_ >= std::chrono::seconds(1)) {
        last_seal_check_ = now;
        // A failure is tried again the next second; sealed events are sent at once.
        auto sealed = sealForHubWhenKnown(ui_.store());
        if (sealed && *sealed > 0 && ui_.sync) ui_.sync->syncNow();
    }
}

}  // namespace pekon::ui
