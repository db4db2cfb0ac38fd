#include "platform/clock.hpp"

#include <ctime>

namespace pekon::platform {

UnixSeconds nowSeconds() {
    return static_cast<UnixSeconds>(std::time(nullptr));
}

Date localToday() {
    return localDateOf(nowSeconds());
}

Date localDateOf(UnixSeconds seconds) {
    const auto t = static_cast<std::time_t>(seconds);
    std::tm local{};
    localtime_r(&t, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace pekon::platform
