#include "core/session.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "support/fixtures.hpp"

using namespace pekon;

namespace {

SessionPlan goodPlan() {
    SessionPlan p;
    p.village_code = "18.06.01.2016";
    p.place = "  Balai Pekon Negeri Ratu ";
    p.date = "2026-11-25";
    p.time = "09:30";
    p.method = "penyuluhan";
    p.topic = "what_is_jkn";
    p.facilitators = {"Rina Marlina"};
    p.partners = {"village_head", "puskesmas"};
    return p;
}

std::set<std::string> codes(const FieldErrors& errors) {
    std::set<std::string> out;
    for (const FieldError& e : errors) out.insert(e.field + ":" + e.error.code);
    return out;
}

}  // namespace

TEST_CASE("session plan: a complete plan is valid") {
    CHECK(validateSessionPlan(goodPlan(), test::regions(), test::assets().materials).empty());
    SessionPlan p = goodPlan();
    p.partners.clear();  // partners are optional
    CHECK(validateSessionPlan(p, test::regions(), test::assets().materials).empty());
    for (std::string_view m : kSessionMethods) {
        p.method = std::string(m);
        CHECK(validateSessionPlan(p, test::regions(), test::assets().materials).empty());
    }
}

TEST_CASE("session plan: every missing or wrong field has its own bilingual error") {
    const SessionPlan empty;
    const FieldErrors errors =
        validateSessionPlan(empty, test::regions(), test::assets().materials);
    CHECK(codes(errors) ==
          std::set<std::string>{"village_code:session_village_missing",
                                "place:session_place_missing", "date:session_date_missing",
                                "time:session_time_missing", "method:session_method_missing",
                                "topic:session_topic_missing",
                                "facilitators:session_facilitator_missing"});
    for (const FieldError& e : errors) {
        CHECK_FALSE(e.error.message_id.empty());
        CHECK_FALSE(e.error.message_en.empty());
        CHECK(e.error.message_id != e.error.message_en);
    }

    SessionPlan p = goodPlan();
    p.village_code = "18.06.01.9999";
    p.place = std::string(101, 'x');
    p.date = "2026-02-30";
    p.time = "24:00";
    p.method = "radio";
    p.topic = "astrology";
    p.facilitators = {"Rina", "   "};
    p.partners = {"kader", "kader"};
    CHECK(codes(validateSessionPlan(p, test::regions(), test::assets().materials)) ==
          std::set<std::string>{
              "village_code:session_village_unknown", "place:session_place_too_long",
              "date:session_date_invalid", "time:session_time_invalid",
              "method:session_method_unknown", "topic:session_topic_unknown",
              "facilitators:session_facilitator_invalid", "partners:session_partner_invalid"});
    p = goodPlan();
    p.partners = {"bank"};
    CHECK(codes(validateSessionPlan(p, test::regions(), test::assets().materials)) ==
          std::set<std::string>{"partners:session_partner_invalid"});
    p = goodPlan();
    p.time = "9:30";
    CHECK(codes(validateSessionPlan(p, test::regions(), test::assets().materials)) ==
          std::set<std::string>{"time:session_time_invalid"});
    p.time = "23:59";
    CHECK(validateSessionPlan(p, test::regions(), test::assets().materials).empty());
}

TEST_CASE("session attendee: a NIK that parses or a name; trimmed") {
    auto a = validateAttendee({" 1806011505800001 ", "  Budi Santoso ", ""}, test::regions(),
                              test::kToday);
    REQUIRE(a.ok());
    CHECK(a->nik == "1806011505800001");
    CHECK(a->name == "Budi Santoso");
    CHECK(attendeeKey(*a) == "1806011505800001");
    auto named = validateAttendee({"", "Ibu Sari", ""}, test::regions(), test::kToday);
    REQUIRE(named.ok());
    CHECK(attendeeKey(*named) == "Ibu Sari");

    auto none = validateAttendee({"", "   ", ""}, test::regions(), test::kToday);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == "attendee_empty");
    auto bad = validateAttendee({"1806011505800", "Budi", ""}, test::regions(), test::kToday);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "nik_length");
    auto long_name =
        validateAttendee({"", std::string(81, 'a'), ""}, test::regions(), test::kToday);
    REQUIRE_FALSE(long_name.ok());
    CHECK(long_name.error().code == "attendee_name_too_long");
}

TEST_CASE("session households reached: known households count once, unknown ones each") {
    CHECK(householdsReached({}) == 0);
    CHECK(householdsReached({{"", "A", "h1"}, {"", "B", "h1"}, {"", "C", "h2"}}) == 2);
    CHECK(householdsReached({{"", "A", "h1"}, {"", "B", ""}, {"", "C", ""}}) == 3);
}

TEST_CASE("session codes: states and quiz phases round-trip") {
    for (SessionState s : {SessionState::planned, SessionState::held, SessionState::closed}) {
        CHECK(parseSessionState(sessionStateCode(s)) == s);
    }
    CHECK_FALSE(parseSessionState("open"));
    CHECK(parseQuizPhase("pre") == QuizPhase::pre);
    CHECK(parseQuizPhase("post") == QuizPhase::post);
    CHECK_FALSE(parseQuizPhase("middle"));
}
