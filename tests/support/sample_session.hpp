#pragma once

#include "core/session.hpp"

namespace pekon::test {

// A valid socialization session's plan in Negeri Ratu, on the fixtures' day.
inline SessionPlan sampleSessionPlan(const std::string& facilitator) {
    SessionPlan plan;
    plan.village_code = "18.06.01.2016";
    plan.place = "Balai Pekon";
    plan.date = "2026-11-18";
    plan.time = "09:00";
    plan.method = "penyuluhan";
    plan.topic = "benefits";
    plan.facilitators = {facilitator};
    return plan;
}

}  // namespace pekon::test
