#include "ui/screen_table.hpp"

#include "ui/screens/first_run_screen.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/household_screen.hpp"
#include "ui/screens/households_screen.hpp"
#include "ui/screens/kiosk_complaint_screen.hpp"
#include "ui/screens/kiosk_exit_screen.hpp"
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

namespace pekon::ui {

namespace {

// One overload per route: the screen it opens, with the route's parameters.
struct Table {
    UiContext& ui;
    Navigator& nav;

    std::unique_ptr<Screen> operator()(route::Login&) { return std::make_unique<LoginScreen>(); }
    std::unique_ptr<Screen> operator()(route::FirstRun&) {
        return std::make_unique<FirstRunScreen>();
    }
    std::unique_ptr<Screen> operator()(route::Home&) { return std::make_unique<HomeScreen>(); }
    std::unique_ptr<Screen> operator()(route::Households& r) {
        return std::make_unique<HouseholdsScreen>(std::move(r.query));
    }
    std::unique_ptr<Screen> operator()(route::Household& r) {
        return std::make_unique<HouseholdScreen>(std::move(r.id));
    }
    std::unique_ptr<Screen> operator()(route::MemberEdit& r) {
        return std::make_unique<MemberEditScreen>(r.member);
    }
    std::unique_ptr<Screen> operator()(route::Wizard& r) {
        if (r.draft) return std::make_unique<WizardScreen>(std::move(*r.draft));
        return std::make_unique<WizardScreen>();
    }
    std::unique_ptr<Screen> operator()(route::Receipt& r) {
        return std::make_unique<ReceiptScreen>(std::move(r.household_id), r.members);
    }
    std::unique_ptr<Screen> operator()(route::Scanner&) {
        return std::make_unique<ScannerScreen>();
    }
    std::unique_ptr<Screen> operator()(route::PhotoImport& r) {
        return std::make_unique<PhotoImportScreen>(r.formats);
    }
    std::unique_ptr<Screen> operator()(route::ScanResult& r) {
        return std::make_unique<ScanResultScreen>(std::move(r.payload));
    }
    std::unique_ptr<Screen> operator()(route::Settings&) {
        return std::make_unique<SettingsScreen>();
    }
    std::unique_ptr<Screen> operator()(route::Sync&) { return std::make_unique<SyncScreen>(); }
    std::unique_ptr<Screen> operator()(route::Sessions&) {
        return std::make_unique<SessionsScreen>();
    }
    std::unique_ptr<Screen> operator()(route::SessionPlan&) {
        return std::make_unique<SessionPlanScreen>();
    }
    std::unique_ptr<Screen> operator()(route::Session& r) {
        return std::make_unique<SessionScreen>(std::move(r.id));
    }
    std::unique_ptr<Screen> operator()(route::SessionSummary& r) {
        return std::make_unique<SessionSummaryScreen>(std::move(r.id));
    }
    std::unique_ptr<Screen> operator()(route::Materials& r) {
        return std::make_unique<MaterialsScreen>(r.topic);
    }
    std::unique_ptr<Screen> operator()(route::Quiz& r) {
        return std::make_unique<QuizScreen>(std::move(r.session_id), r.phase);
    }
    std::unique_ptr<Screen> operator()(route::KioskHome&) {
        return std::make_unique<KioskHomeScreen>();
    }
    std::unique_ptr<Screen> operator()(route::KioskStatus& r) {
        auto screen = std::make_unique<KioskStatusScreen>();
        if (r.scanned) screen->onScan(ui, nav, *r.scanned);
        return screen;
    }
    std::unique_ptr<Screen> operator()(route::KioskPremiums&) {
        return std::make_unique<KioskPremiumsScreen>();
    }
    std::unique_ptr<Screen> operator()(route::KioskFeedback&) {
        return std::make_unique<KioskFeedbackScreen>();
    }
    std::unique_ptr<Screen> operator()(route::KioskComplaint& r) {
        return std::make_unique<KioskComplaintScreen>(std::move(r.ticket));
    }
    std::unique_ptr<Screen> operator()(route::KioskExit&) {
        return std::make_unique<KioskExitScreen>();
    }
};

}  // namespace

std::unique_ptr<Screen> makeScreen(UiContext& ui, Navigator& nav, Route route) {
    return std::visit(Table{ui, nav}, route);
}

}  // namespace pekon::ui
