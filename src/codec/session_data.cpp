#include "codec/session_data.hpp"

#include "codec/json.hpp"

namespace pekon {

std::string sessionHeldData(const std::string& session_id, const SessionPlan& plan,
                            UnixSeconds started_at) {
    const OrderedJson j = {{"session_id", session_id},
                           {"village_code", plan.village_code},
                           {"method", plan.method},
                           {"topic", plan.topic},
                           {"started_at", formatRfc3339(started_at)},
                           {"facilitators", plan.facilitators},
                           {"place", plan.place},
                           {"planned_for", plan.date + "T" + plan.time},
                           {"partners", plan.partners}};
    return dumpJson(j);
}

std::string sessionAttendedData(const std::string& session_id, const std::string& attendee_id,
                                const AttendeeInput& attendee) {
    OrderedJson j = {{"session_id", session_id},
                     {"attendee", attendeeKey(attendee)},
                     {"attendee_id", attendee_id}};
    if (!attendee.household_id.empty()) j["household_id"] = attendee.household_id;
    return dumpJson(j);
}

std::string sessionLeadData(const std::string& lead_id, const std::string& session_id,
                            const std::string& attendee_id) {
    const OrderedJson j = {
        {"lead_id", lead_id}, {"session_id", session_id}, {"attendee_id", attendee_id}};
    return dumpJson(j);
}

std::string leadRegisteredData(const std::string& lead_id, const std::string& household_id) {
    const OrderedJson j = {{"lead_id", lead_id}, {"household_id", household_id}};
    return dumpJson(j);
}

std::string quizAnsweredData(const std::string& session_id, const std::string& attendee_id,
                             const std::string& quiz_key, QuizPhase phase, const QuizScore& score) {
    const OrderedJson j = {{"session_id", session_id}, {"attendee_id", attendee_id},
                           {"quiz", quiz_key},         {"phase", quizPhaseCode(phase)},
                           {"score", score.score},     {"max_score", score.max_score}};
    return dumpJson(j);
}

std::string textListJson(const std::vector<std::string>& items) {
    return dumpJson(Json(items));
}

std::vector<std::string> textListFromJson(std::string_view json) {
    std::vector<std::string> out;
    auto j = parseJson(json);
    if (!j || !j->is_array()) return out;
    for (const Json& item : *j) {
        if (item.is_string()) out.push_back(item.get<std::string>());
    }
    return out;
}

std::string answersJson(const std::vector<std::optional<int>>& answers) {
    Json j = Json::array();
    for (const std::optional<int>& a : answers) j.push_back(a ? Json(*a) : Json(nullptr));
    return dumpJson(j);
}

}  // namespace pekon
