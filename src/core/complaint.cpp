#include "core/complaint.hpp"

#include <algorithm>
#include <cstdint>

#include "core/text.hpp"

namespace pekon {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford
constexpr int kDataChars = 11;                                                 // 55 bits

// FNV-1a over the bytes, then splitmix64's finaliser to spread every input bit over the word.
// Not a secret: the event ids are random (UUID v4), this only makes them short.
std::uint64_t mixOf(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

// Odd weights: any one wrong character changes the sum.
char checkOf(std::string_view data) {
    unsigned sum = 0;
    for (size_t i = 0; i < data.size(); ++i)
        sum += static_cast<unsigned>(kAlphabet.find(data[i])) * static_cast<unsigned>(2 * i + 1);
    return kAlphabet[sum % 32];
}

std::string grouped(std::string_view chars) {
    std::string out(kTicketPrefix);
    for (size_t i = 0; i < chars.size(); ++i) {
        if (i > 0 && i % 4 == 0) out.push_back('-');
        out.push_back(chars[i]);
    }
    return out;
}

// The Crockford symbol a typed character stands for; 0 when none.
char symbolOf(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') return '0';
    if (c == 'I' || c == 'L') return '1';
    return kAlphabet.find(c) == std::string_view::npos ? 0 : c;
}

Error ticketError(const char* code, std::string id, std::string en) {
    return Error{code, std::move(id), std::move(en)};
}

size_t longestDigitRun(std::string_view text) {
    size_t run = 0, longest = 0;
    for (char c : text) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

int weekday(const Date& day) {  // 0 Monday .. 6 Sunday; 1970-01-01 was a Thursday
    const std::int64_t d = toDays(day);
    return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

Result<int> parseDays(std::string_view text) {
    const std::string_view t = trim(text);
    if (t.empty() || t.size() > 2) return Error{};
    int n = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return Error{};
        n = n * 10 + (c - '0');
    }
    if (n < 1 || n > kComplaintDaysMax) return Error{};
    return n;
}

}  // namespace

std::string ticketNumber(std::string_view event_id) {
    std::uint64_t bits = mixOf(event_id);
    std::string data;
    for (int i = 0; i < kDataChars; ++i) {
        data.push_back(kAlphabet[bits & 31]);
        bits >>= 5;
    }
    return grouped(data + checkOf(data));
}

Result<std::string> parseTicketNumber(std::string_view typed) {
    std::string_view t = trim(typed);
    if (t.size() > 64)
        return ticketError("ticket_length", "Nomor tiket terlalu panjang.",
                           "The ticket number is too long.");
    if (t.size() >= 2 && (t[0] == 'P' || t[0] == 'p') && (t[1] == 'K' || t[1] == 'k'))
        t.remove_prefix(2);
    std::string chars;
    for (char c : t) {
        if (c == '-' || c == ' ') continue;
        const char s = symbolOf(c);
        if (!s)
            return ticketError("ticket_chars",
                               "Nomor tiket hanya berisi huruf dan angka, seperti PK-7QX2-M9KD-4T8R.",
                               "A ticket number has only letters and digits, like "
                               "PK-7QX2-M9KD-4T8R.");
        chars.push_back(s);
    }
    if (chars.empty())
        return ticketError("ticket_empty", "Masukkan nomor tiket.", "Enter the ticket number.");
    if (chars.size() != kDataChars + 1)
        return ticketError("ticket_length", "Nomor tiket berisi 12 huruf dan angka setelah PK-.",
                           "A ticket number has 12 letters and digits after PK-.");
    if (checkOf(std::string_view(chars).substr(0, kDataChars)) != chars.back())
        return ticketError("ticket_check", "Nomor tiket tidak cocok. Periksa lagi setiap hurufnya.",
                           "The ticket number does not check out. Look at each character again.");
    return grouped(chars);
}

std::string ticketUri(std::string_view number) {
    return "pekon://ticket?n=" + std::string(number);
}

bool isComplaint(int rating, bool flagged) {
    return flagged || (rating >= 1 && rating <= kComplaintRatingMax);
}

// --- States -----------------------------------------------------------------------------------

std::string_view ticketStateCode(TicketState state) {
    switch (state) {
        case TicketState::open:
            return "open";
        case TicketState::in_progress:
            return "in_progress";
        case TicketState::answered:
            return "answered";
        case TicketState::closed:
            return "closed";
    }
    return "open";
}

std::optional<TicketState> parseTicketState(std::string_view code) {
    for (TicketState s : kTicketStates)
        if (ticketStateCode(s) == code) return s;
    return std::nullopt;
}

bool canMoveTicket(TicketState from, TicketState to) {
    switch (from) {
        case TicketState::open:
            return to == TicketState::in_progress || to == TicketState::answered;
        case TicketState::in_progress:
            return to == TicketState::answered;
        case TicketState::answered:
            return to == TicketState::answered || to == TicketState::closed;
        case TicketState::closed:
            return false;
    }
    return false;
}

Result<std::string> checkTicketAnswer(std::string_view text) {
    const std::string_view t = trim(text);
    if (t.empty())
        return ticketError("ticket_answer_empty", "Tulis jawaban untuk warga.",
                           "Write the answer for the citizen.");
    if (t.size() > kTicketAnswerMax)
        return ticketError(
            "ticket_answer_long",
            "Jawaban paling panjang " + std::to_string(kTicketAnswerMax) + " byte.",
            "The answer is at most " + std::to_string(kTicketAnswerMax) + " bytes.");
    if (!isValidUtf8(t) || hasControlChars(t, true))
        return ticketError("ticket_answer_chars", "Jawaban berisi karakter yang tidak bisa dipakai.",
                           "The answer has characters that cannot be used.");
    if (longestDigitRun(t) >= 9)
        return ticketError("ticket_answer_personal",
                           "Jawaban tampil di semua kios: jangan tulis NIK, nomor KK, nomor kartu "
                           "atau nomor telepon.",
                           "The answer shows at every kiosk: do not write a NIK, KK, card or "
                           "phone number.");
    return std::string(t);
}

// --- Clocks -------------------------------------------------------------------------------------

Result<ComplaintRules> parseComplaintRules(std::string_view response_days,
                                           std::string_view resolution_days,
                                           std::string_view holidays) {
    ComplaintRules rules;
    auto response = parseDays(response_days);
    auto resolution = parseDays(resolution_days);
    if (!response || !resolution || *resolution < *response)
        return ticketError("complaint_days",
                           "Batas waktu 1 sampai " + std::to_string(kComplaintDaysMax) +
                               " hari kerja, dan penyelesaian tidak lebih cepat dari tanggapan.",
                           "Deadlines are 1 to " + std::to_string(kComplaintDaysMax) +
                               " working days, and the resolution no sooner than the response.");
    rules.response_days = *response;
    rules.resolution_days = *resolution;
    std::string word;
    auto take = [&]() -> Status {
        if (word.empty()) return {};
        auto day = parseIsoDate(word);
        if (!day) {
            const std::string shown = isValidUtf8(word) && word.size() <= 20 ? word : "?";
            return ticketError("complaint_holiday",
                               "Hari libur bukan tanggal (TTTT-BB-HH): " + shown + ".",
                               "A holiday is not a date (YYYY-MM-DD): " + shown + ".");
        }
        rules.holidays.push_back(*day);
        word.clear();
        return {};
    };
    for (char c : holidays) {
        if (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ';') {
            if (auto s = take(); !s) return s.error();
        } else {
            word.push_back(c);
            if (word.size() > 64) word.resize(64);
        }
    }
    if (auto s = take(); !s) return s.error();
    std::sort(rules.holidays.begin(), rules.holidays.end());
    rules.holidays.erase(std::unique(rules.holidays.begin(), rules.holidays.end()),
                         rules.holidays.end());
    return rules;
}

std::string formatHolidays(const std::vector<Date>& holidays) {
    std::string out;
    for (const Date& d : holidays) {
        if (!out.empty()) out += ", ";
        out += formatIsoDate(d);
    }
    return out;
}

bool isWorkingDay(const Date& day, const std::vector<Date>& holidays) {
    return weekday(day) < 5 && !std::binary_search(holidays.begin(), holidays.end(), day);
}

Date addWorkingDays(const Date& from, int n, const std::vector<Date>& holidays) {
    Date day = from;
    while (n > 0) {
        day = addDays(day, 1);
        if (isWorkingDay(day, holidays)) --n;
    }
    return day;
}

int workingDaysBetween(const Date& from, const Date& to, const std::vector<Date>& holidays) {
    int n = 0;
    for (Date day = addDays(from, 1); day <= to; day = addDays(day, 1))
        if (isWorkingDay(day, holidays)) ++n;
    return n;
}

Date overdueBefore(const Date& today, int days, const std::vector<Date>& holidays) {
    // Walk back from today while the deadline of a ticket opened on the day before has not
    // passed; addWorkingDays grows with its start, so the first that has passed ends the walk.
    Date first = today;
    while (true) {
        const Date before = addDays(first, -1);
        if (addWorkingDays(before, days, holidays) < today) return first;
        first = before;
    }
}

TicketClock ticketClock(const Date& opened, int days, std::optional<Date> done, const Date& today,
                        const std::vector<Date>& holidays) {
    TicketClock clock;
    clock.due = addWorkingDays(opened, days, holidays);
    if (done) {
        clock.state = *done <= clock.due ? DeadlineState::met : DeadlineState::late;
        clock.days = clock.state == DeadlineState::late ? workingDaysBetween(clock.due, *done, holidays)
                                                     : 0;
        return clock;
    }
    if (today <= clock.due) {
        clock.state = DeadlineState::running;
        clock.days = workingDaysBetween(today, clock.due, holidays);
    } else {
        clock.state = DeadlineState::overdue;
        clock.days = std::max(1, workingDaysBetween(clock.due, today, holidays));
    }
    return clock;
}

std::string_view deadlineStateCode(DeadlineState state) {
    switch (state) {
        case DeadlineState::running:
            return "running";
        case DeadlineState::overdue:
            return "overdue";
        case DeadlineState::met:
            return "met";
        case DeadlineState::late:
            return "late";
    }
    return "running";
}

}  // namespace pekon
