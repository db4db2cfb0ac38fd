#include "core/session.hpp"

#include <algorithm>
#include <set>

#include "core/code_lookup.hpp"
#include "core/nik.hpp"
#include "core/number.hpp"
#include "core/text.hpp"

namespace pekon {

namespace {

template <size_t N>
bool oneOf(const std::string_view (&codes)[N], std::string_view code) {
    return std::find(std::begin(codes), std::end(codes), code) != std::end(codes);
}

bool validTime(std::string_view t) {
    return t.size() == 5 && t[2] == ':' && parseNumberIn<unsigned>(t.substr(0, 2), 0, 23) &&
           parseNumberIn<unsigned>(t.substr(3, 2), 0, 59);
}

}  // namespace

std::string_view sessionStateCode(SessionState state) {
    switch (state) {
        case SessionState::planned:
            return "planned";
        case SessionState::held:
            return "held";
        case SessionState::closed:
            return "closed";
    }
    return "planned";
}

std::optional<SessionState> parseSessionState(std::string_view text) {
    constexpr SessionState kAll[] = {SessionState::planned, SessionState::held,
                                     SessionState::closed};
    return findByCode(text, kAll, sessionStateCode);
}

std::string_view quizPhaseCode(QuizPhase phase) {
    return phase == QuizPhase::pre ? "pre" : "post";
}

std::optional<QuizPhase> parseQuizPhase(std::string_view text) {
    constexpr QuizPhase kAll[] = {QuizPhase::pre, QuizPhase::post};
    return findByCode(text, kAll, quizPhaseCode);
}

FieldErrors validateSessionPlan(const SessionPlan& plan, const RegionTable& regions,
                                const std::vector<MaterialTopic>& topics) {
    FieldErrors errors;
    auto add = [&](const char* field, const char* code, const char* id, const char* en) {
        errors.push_back({field, {code, id, en}});
    };
    if (plan.village_code.empty())
        add("village_code", "session_village_missing", "Pilih pekon tempat sesi.",
            "Choose the pekon of the session.");
    else if (!regions.village(plan.village_code))
        add("village_code", "session_village_unknown", "Pekon ini tidak dikenal.",
            "This pekon is not known.");
    const std::string_view place = trim(plan.place);
    if (place.empty())
        add("place", "session_place_missing", "Isi tempat sesi (mis. balai pekon).",
            "Enter the place of the session (e.g. the village hall).");
    else if (place.size() > kMaxPlaceBytes || !isValidUtf8(place))
        add("place", "session_place_too_long", "Tempat terlalu panjang (maks. 100 karakter).",
            "The place is too long (at most 100 characters).");
    if (plan.date.empty())
        add("date", "session_date_missing", "Pilih tanggal sesi.", "Choose the session's date.");
    else if (!parseIsoDate(plan.date))
        add("date", "session_date_invalid", "Tanggal sesi tidak valid.",
            "The session's date is not valid.");
    if (plan.time.empty())
        add("time", "session_time_missing", "Pilih jam sesi.", "Choose the session's time.");
    else if (!validTime(plan.time))
        add("time", "session_time_invalid", "Jam sesi tidak valid (JJ:MM).",
            "The session's time is not valid (HH:MM).");
    if (plan.method.empty())
        add("method", "session_method_missing", "Pilih cara sosialisasi.",
            "Choose the outreach method.");
    else if (!oneOf(kSessionMethods, plan.method))
        add("method", "session_method_unknown", "Cara sosialisasi tidak dikenal.",
            "Unknown outreach method.");
    if (plan.topic.empty())
        add("topic", "session_topic_missing", "Pilih topik materi.", "Choose the topic.");
    else if (std::none_of(topics.begin(), topics.end(),
                          [&](const MaterialTopic& t) { return t.key == plan.topic; }))
        add("topic", "session_topic_unknown", "Topik materi tidak dikenal.", "Unknown topic.");
    if (plan.facilitators.empty())
        add("facilitators", "session_facilitator_missing", "Sebutkan minimal satu fasilitator.",
            "Name at least one facilitator.");
    else if (plan.facilitators.size() > kMaxFacilitators)
        add("facilitators", "session_facilitators_too_many", "Paling banyak 10 fasilitator.",
            "At most 10 facilitators.");
    for (const std::string& f : plan.facilitators) {
        const std::string_view name = trim(f);
        if (name.empty() || name.size() > kMaxPersonNameBytes || !isValidUtf8(name)) {
            add("facilitators", "session_facilitator_invalid",
                "Nama fasilitator kosong atau terlalu panjang.",
                "A facilitator's name is empty or too long.");
            break;
        }
    }
    std::set<std::string> seen;
    for (const std::string& p : plan.partners) {
        if (!oneOf(kSessionPartners, p) || !seen.insert(p).second) {
            add("partners", "session_partner_invalid",
                "Mitra tidak dikenal atau tercantum dua kali.",
                "A partner is unknown or listed twice.");
            break;
        }
    }
    return errors;
}

Result<AttendeeInput> validateAttendee(const AttendeeInput& input, const RegionTable& regions,
                                       const Date& today) {
    AttendeeInput out;
    out.name = std::string(trim(input.name));
    out.household_id = std::string(trim(input.household_id));
    const std::string nik = compactNumber(input.nik);
    if (nik.empty() && out.name.empty())
        return Error{"attendee_empty", "Pindai KTP/KIS atau ketik nama peserta.",
                     "Scan a KTP/KIS card or type the attendee's name."};
    if (out.name.size() > kMaxPersonNameBytes || !isValidUtf8(out.name))
        return Error{"attendee_name_too_long", "Nama peserta terlalu panjang (maks. 80 karakter).",
                     "The attendee's name is too long (at most 80 characters)."};
    if (!nik.empty()) {
        auto parsed = parseNik(nik, regions, today);
        if (!parsed) return parsed.error();
        out.nik = parsed->digits;
    }
    return out;
}

const std::string& attendeeKey(const AttendeeInput& attendee) {
    return attendee.nik.empty() ? attendee.name : attendee.nik;
}

int householdsReached(const std::vector<AttendeeInput>& attendees) {
    std::set<std::string> known;
    int unknown = 0;
    for (const AttendeeInput& a : attendees) {
        if (a.household_id.empty())
            ++unknown;
        else
            known.insert(a.household_id);
    }
    return static_cast<int>(known.size()) + unknown;
}

Error sessionNotFound() {
    return {"session_not_found", "Sesi tidak ditemukan.", "The session was not found."};
}
Error sessionNotHeld() {
    return {"session_not_held", "Sesi belum dimulai atau sudah ditutup.",
            "The session has not started or is already closed."};
}
Error sessionAlreadyHeld() {
    return {"session_already_held", "Sesi ini sudah dimulai.", "This session has already started."};
}
Error attendeeDuplicate() {
    return {"attendee_duplicate",
            "NIK ini sudah tercatat hadir di sesi ini; tidak dihitung dua kali.",
            "This NIK is already recorded at this session; it is not counted twice."};
}
Error quizAlreadyTaken() {
    return {"quiz_already_taken", "Peserta ini sudah mengerjakan kuis tahap ini.",
            "This attendee has already taken this quiz phase."};
}
Error attendeeNotFound() {
    return {"attendee_not_found", "Peserta tidak ditemukan di sesi ini.",
            "The attendee is not part of this session."};
}

}  // namespace pekon
