#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/population.hpp"
#include "core/result.hpp"
#include "hub/dashboard_figures.hpp"
#include "hub/hub_tx.hpp"
#include "hub/office_tickets.hpp"

// What the office console's dashboard reads (hub_ops_dashboard): the members by area and
// state, the pipeline's times, the members stuck in a step, the work per week, the
// corrections and the kiosks' ratings, for a period and an area; and the population the
// coverage is measured against (area_population, hub schema step 7).
namespace pekon::hub {

struct DashboardFilter {
    std::string kecamatan;  // "18.06.01": its pekon; "": the regency's kecamatan
    std::string from_day;   // YYYY-MM-DD of the hub's receipt of the registration, or ""
    std::string to_day;     // inclusive, or ""
    int stuck_days = 14;    // a member waiting in a step longer than this is stuck (1..365)
};

struct AreaCounts {
    std::string code;  // a kecamatan or a village
    StateCounts counts{};
    std::optional<std::int64_t> population;
};

struct StuckMember {
    std::string member_id;
    OfficeState state = OfficeState::fresh;
    std::int64_t since = 0;  // state_at
    std::string village_code;
};

// Registrations in a week (weekOf) for an area or a device.
struct WeekCount {
    std::int64_t week = 0;
    std::string key;
    std::int64_t count = 0;
};

struct RatingCount {
    std::string category;
    std::string area;   // the kiosk's area, "" when the device is not a kiosk
    std::string month;  // YYYY-MM of the device's time
    std::int64_t count = 0;
    std::int64_t rating_sum = 0;
};

// Socialization (outreach sessions): per area (kecamatan, or pekon inside one) and method, the
// sessions held, the attendance and the households reached.
struct SessionCount {
    std::string area;
    std::string method;
    std::int64_t sessions = 0;
    std::int64_t attendance = 0;
    std::int64_t households = 0;  // distinct households of the attendees who named one
    std::int64_t leads = 0;       // attendees who wanted to register (session.lead)
    std::int64_t leads_registered = 0;  // ... whose household was registered (lead.registered)
};
// The pre/post quiz of the attendees who answered both, summed: the gain is
// post_score / post_max - pre_score / pre_max.
struct QuizGain {
    std::string key;  // a topic, or a session id
    std::string topic, village_code, started_at, method;  // a session's (empty for a topic)
    std::int64_t pairs = 0;
    std::int64_t pre_score = 0, pre_max = 0, post_score = 0, post_max = 0;
};
inline constexpr int kSessionsListed = 20;

// Mothers and newborns per pekon, on the dashboard's day: pregnant women (an expected month
// of delivery this month or later) and infants (under one), and how many of each are not yet
// covered (registered, not rejected, not yet paid: hub/queue_priority, office_state).
struct MotherInfantCount {
    std::string village_code;
    std::int64_t pregnant = 0, pregnant_uncovered = 0;
    std::int64_t infants = 0, infants_uncovered = 0;
};

inline constexpr int kStuckListed = 50;  // stuck members listed at most (all are counted)
inline constexpr int kWeeksShown = 8;

struct Dashboard {
    std::vector<AreaCounts> areas;  // by code
    AreaCounts total;               // the regency (code 18.06...) or the kecamatan
    // Days from the registration's receipt to each step, over the members that reached it.
    DayHistogram to_verified, to_paid, to_card;
    std::int64_t cards_after_payment = 0;  // members with both a payment and a card date
    std::int64_t cards_within_14 = 0;      // ... the card within 14 days of the payment
    std::int64_t stuck_count = 0;
    std::vector<StuckMember> stuck;        // the longest waiting first
    std::int64_t first_week = 0, last_week = 0;  // the weeks shown, inclusive
    std::vector<WeekCount> weekly_by_area, weekly_by_device;
    std::int64_t corrections_asked = 0;    // correction requests decided
    DayHistogram correction_return;        // days until the volunteer's (latest) correction
    std::vector<RatingCount> ratings;
    std::vector<SessionCount> sessions;    // by area and method
    std::vector<QuizGain> gain_by_topic;   // by topic
    std::vector<QuizGain> gain_by_session; // the latest kSessionsListed sessions with a quiz
    std::vector<MotherInfantCount> mothers_infants;  // per pekon with any, by code
    // The complaints received in the period by state, and those past a deadline now (filled by
    // the console beside readDashboard: office_tickets.hpp ticketCounts).
    TicketCounts tickets;
};

// The members' states a member can be stuck in (waiting on the office, the volunteer, the
// payment or the card).
bool canBeStuck(OfficeState state);
// Registered, not rejected, and not yet paid (so not covered by JKN).
bool isUncovered(OfficeState state);

// One read transaction. `regency_code` and its population (from the assets) give the total's
// code and population when the filter names no kecamatan.
Result<Dashboard> readDashboard(HubDb& db, const DashboardFilter& filter, UnixSeconds now,
                                const std::string& regency_code,
                                std::optional<std::int64_t> regency_population);

// Replaces the figures of the rows' codes (others are kept), in one transaction.
Status importPopulation(HubDb& db, const std::vector<PopulationRow>& rows, UnixSeconds now);
Result<std::map<std::string, std::int64_t>> areaPopulation(HubDb& db);

}  // namespace pekon::hub
