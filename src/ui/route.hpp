#pragma once

#include <optional>
#include <string>
#include <variant>

#include "core/household_draft.hpp"
#include "core/scan_payload.hpp"
#include "core/session.hpp"
#include "scan/decoder.hpp"
#include "store/store.hpp"
#include "store/households.hpp"

namespace pekon::ui {

// Where a screen asks to go: one struct per screen with the parameters it opens with. Screens
// name a route; only the shell (ui/screen_table) turns a route into a screen, so no screen
// depends on another.
namespace route {
struct Login {};
struct FirstRun {};
struct Home {};
struct Households {
    std::string query;  // a search to run at once; empty: the list
};
struct Household {
    std::string id;
};
struct MemberEdit {
    MemberRecord member;
};
struct Wizard {
    std::optional<HouseholdDraft> draft;  // a draft to resume or a prefilled one; none: new
};
struct Receipt {
    std::string household_id;
    int members = 0;
};
struct Scanner {};
struct PhotoImport {
    scan::Symbologies formats = scan::kAllSymbologies;
};
struct ScanResult {
    ScanPayload payload;
};
struct Settings {};
struct Sync {};
struct Sessions {};
struct SessionPlan {};
struct Session {
    std::string id;
};
struct SessionSummary {
    std::string id;
};
struct Materials {
    std::string topic;  // the topic to open at; empty: the first
};
struct Quiz {
    std::string session_id;
    QuizPhase phase = QuizPhase::pre;
};
struct KioskHome {};
struct KioskStatus {
    std::optional<ScanPayload> scanned;  // a code that starts the check
};
struct KioskPremiums {};
struct KioskFeedback {};
struct KioskComplaint {
    std::string ticket;  // a scanned ticket's number, checked at once; "" to type one
};
struct KioskExit {};
}  // namespace route

using Route = std::variant<route::Login, route::FirstRun, route::Home, route::Households,
                           route::Household, route::MemberEdit, route::Wizard, route::Receipt,
                           route::Scanner, route::PhotoImport, route::ScanResult, route::Settings,
                           route::Sync, route::Sessions, route::SessionPlan, route::Session,
                           route::SessionSummary, route::Materials, route::Quiz, route::KioskHome,
                           route::KioskStatus, route::KioskPremiums, route::KioskFeedback,
                           route::KioskComplaint, route::KioskExit>;

}  // namespace pekon::ui
