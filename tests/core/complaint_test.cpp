#include "core/complaint.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace pekon;

namespace {
Date d(const char* iso) { return parseIsoDate(iso).value(); }
}  // namespace

TEST_CASE("complaint: a ticket number comes from the event id and checks itself",
          "[unit][complaint]") {
    const std::string number = ticketNumber("3f1c6a2e-9b7d-4c1e-8f00-1a2b3c4d5e6f");
    CHECK(number == ticketNumber("3f1c6a2e-9b7d-4c1e-8f00-1a2b3c4d5e6f"));
    REQUIRE(number.size() == 17);  // PK- and three groups of four
    CHECK(number.rfind("PK-", 0) == 0);
    CHECK(number[7] == '-');
    CHECK(number[12] == '-');
    CHECK(parseTicketNumber(number).value() == number);

    // Typed loosely: lower case, no dashes, no prefix, O for 0 and l for 1.
    std::string loose;
    for (char c : number.substr(3)) {
        if (c == '-') continue;
        char t = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (c == '0') t = 'o';
        if (c == '1') t = 'l';
        loose.push_back(t);
    }
    CHECK(parseTicketNumber("  " + loose + " ").value() == number);
    CHECK(parseTicketNumber(ticketUri(number).substr(17)).value() == number);

    // Every one-character change of a data character is caught by the check.
    const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    int caught = 0, tried = 0;
    for (size_t i = 3; i < number.size(); ++i) {
        if (number[i] == '-') continue;
        for (char c : alphabet) {
            if (c == number[i]) continue;
            std::string wrong = number;
            wrong[i] = c;
            ++tried;
            auto parsed = parseTicketNumber(wrong);
            if (!parsed && parsed.error().code == "ticket_check") ++caught;
        }
    }
    CHECK(caught == tried);

    // 50,000 events give 50,000 numbers.
    std::set<std::string> seen;
    for (int i = 0; i < 50000; ++i) seen.insert(ticketNumber("event-" + std::to_string(i)));
    CHECK(seen.size() == 50000);
}

TEST_CASE("complaint: malformed ticket numbers are typed errors in both languages",
          "[unit][complaint]") {
    const std::pair<std::string, const char*> cases[] = {
        {"", "ticket_empty"},
        {"PK-", "ticket_empty"},
        {"PK-7QX2-M9KD", "ticket_length"},
        {"PK-7QX2-M9KD-4T8R-0000", "ticket_length"},
        {"PK-7QX2-M9KD-4T8U", "ticket_chars"},
        {"PK-7QX2/M9KD-4T8R", "ticket_chars"},
        {"PK-\xff\xfe", "ticket_chars"},
        {std::string(5000, 'A'), "ticket_length"},
    };
    for (const auto& [text, code] : cases) {
        auto parsed = parseTicketNumber(text);
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().code == code);
        CHECK_FALSE(parsed.error().message_id.empty());
        CHECK_FALSE(parsed.error().message_en.empty());
    }
}

TEST_CASE("complaint: which feedback is a complaint, and how a ticket moves", "[unit][complaint]") {
    CHECK(isComplaint(1, false));
    CHECK(isComplaint(2, false));
    CHECK_FALSE(isComplaint(3, false));
    CHECK_FALSE(isComplaint(5, false));
    CHECK(isComplaint(5, true));

    using S = TicketState;
    CHECK(canMoveTicket(S::open, S::in_progress));
    CHECK(canMoveTicket(S::open, S::answered));
    CHECK(canMoveTicket(S::in_progress, S::answered));
    CHECK(canMoveTicket(S::answered, S::answered));  // a revised answer
    CHECK(canMoveTicket(S::answered, S::closed));
    CHECK_FALSE(canMoveTicket(S::open, S::closed));
    CHECK_FALSE(canMoveTicket(S::in_progress, S::open));
    CHECK_FALSE(canMoveTicket(S::closed, S::answered));
    CHECK_FALSE(canMoveTicket(S::closed, S::in_progress));
    for (S s : kTicketStates) CHECK(parseTicketState(ticketStateCode(s)) == s);
    CHECK_FALSE(parseTicketState("reopened"));
}

TEST_CASE("complaint: the answer shows at every kiosk, so it carries no personal data",
          "[unit][complaint]") {
    CHECK(checkTicketAnswer("  Antrean di Puskesmas sudah ditambah loket.\nTerima kasih. ").value() ==
          "Antrean di Puskesmas sudah ditambah loket.\nTerima kasih.");
    CHECK(checkTicketAnswer("Kartu dicetak 12 Desember 2026, ambil di loket 3.").ok());
    CHECK(checkTicketAnswer(" \n ").error().code == "ticket_answer_empty");
    CHECK(checkTicketAnswer(std::string(1001, 'a')).error().code == "ticket_answer_long");
    CHECK(checkTicketAnswer("a\x01").error().code == "ticket_answer_chars");
    CHECK(checkTicketAnswer("bad \xc3").error().code == "ticket_answer_chars");
    CHECK(checkTicketAnswer("NIK 1806015708900001 sudah aktif").error().code ==
          "ticket_answer_personal");
    CHECK(checkTicketAnswer("Hubungi 081234567").error().code == "ticket_answer_personal");
    CHECK(checkTicketAnswer("Hubungi 08123456").ok());  // 8 digits: not a number of anyone
}

TEST_CASE("complaint: working-day clocks skip weekends and the office's holidays",
          "[unit][complaint]") {
    const std::vector<Date> none;
    // Monday 2026-12-07 + 5 working days = Monday 2026-12-14.
    CHECK(addWorkingDays(d("2026-12-07"), 5, none) == d("2026-12-14"));
    // Friday + 1 = Monday.
    CHECK(addWorkingDays(d("2026-12-11"), 1, none) == d("2026-12-14"));
    // Saturday + 1 = Monday.
    CHECK(addWorkingDays(d("2026-12-12"), 1, none) == d("2026-12-14"));
    // Christmas (Friday 2026-12-25) and New Year (Friday 2027-01-01) as holidays.
    const std::vector<Date> holidays{d("2026-12-25"), d("2027-01-01")};
    CHECK(addWorkingDays(d("2026-12-21"), 5, holidays) == d("2026-12-29"));
    CHECK(addWorkingDays(d("2026-12-21"), 10, holidays) == d("2027-01-06"));
    CHECK(workingDaysBetween(d("2026-12-21"), d("2026-12-29"), holidays) == 5);
    CHECK(workingDaysBetween(d("2026-12-29"), d("2026-12-21"), holidays) == 0);
    CHECK_FALSE(isWorkingDay(d("2026-12-25"), holidays));
    CHECK_FALSE(isWorkingDay(d("2026-12-26"), none));
    CHECK(isWorkingDay(d("2026-12-28"), none));

    // A ticket opened Monday 12-07: response due 12-14.
    auto running = ticketClock(d("2026-12-07"), 5, std::nullopt, d("2026-12-10"), none);
    CHECK(running.state == DeadlineState::running);
    CHECK(running.due == d("2026-12-14"));
    CHECK(running.days == 2);  // Friday and Monday left
    auto last_day = ticketClock(d("2026-12-07"), 5, std::nullopt, d("2026-12-14"), none);
    CHECK(last_day.state == DeadlineState::running);
    CHECK(last_day.days == 0);
    auto overdue = ticketClock(d("2026-12-07"), 5, std::nullopt, d("2026-12-16"), none);
    CHECK(overdue.state == DeadlineState::overdue);
    CHECK(overdue.days == 2);
    CHECK(ticketClock(d("2026-12-07"), 5, d("2026-12-14"), d("2026-12-20"), none).state ==
          DeadlineState::met);
    auto late = ticketClock(d("2026-12-07"), 5, d("2026-12-15"), d("2026-12-20"), none);
    CHECK(late.state == DeadlineState::late);
    CHECK(late.days == 1);

    // overdueBefore agrees with ticketClock for every opening day of a span.
    const Date today = d("2027-01-05");
    for (int days : {1, 5, 10}) {
        const Date cut = overdueBefore(today, days, holidays);
        for (Date o = d("2026-11-20"); o <= today; o = addDays(o, 1)) {
            const bool over =
                ticketClock(o, days, std::nullopt, today, holidays).state == DeadlineState::overdue;
            CHECK(over == (o < cut));
        }
    }
}

TEST_CASE("complaint: the office's rules from its settings", "[unit][complaint]") {
    auto rules = parseComplaintRules(" 5", "10 ", "2027-01-01, 2026-12-25\n2026-12-25;");
    REQUIRE(rules);
    CHECK(rules->response_days == 5);
    CHECK(rules->resolution_days == 10);
    REQUIRE(rules->holidays.size() == 2);
    CHECK(formatHolidays(rules->holidays) == "2026-12-25, 2027-01-01");
    CHECK(parseComplaintRules("5", "10", "").value().holidays.empty());
    CHECK(parseComplaintRules("0", "10", "").error().code == "complaint_days");
    CHECK(parseComplaintRules("5", "4", "").error().code == "complaint_days");
    CHECK(parseComplaintRules("5", "61", "").error().code == "complaint_days");
    CHECK(parseComplaintRules("x", "10", "").error().code == "complaint_days");
    auto bad = parseComplaintRules("5", "10", "2026-12-25, 2026-02-30");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == "complaint_holiday");
    CHECK(bad.error().message_en.find("2026-02-30") != std::string::npos);
}
