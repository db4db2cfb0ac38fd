#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"

namespace pekon {

// Who may use the app on this device.
enum class Role { supervisor, volunteer };
std::string_view roleCode(Role role);  // "supervisor", "volunteer"
std::optional<Role> parseRole(std::string_view text);

inline constexpr int kPinLength = 6;
inline constexpr int kMaxPinFailures = 5;
inline constexpr UnixSeconds kLockoutSeconds = 5 * 60;
inline constexpr UnixSeconds kIdleLogoutSeconds = 10 * 60;

// A new PIN: exactly six digits, not all the same and not a straight run (123456, 654321).
// Error codes: pin_length, pin_not_digits, pin_too_simple.
Status checkNewPin(std::string_view pin);

// A user's standing at the login screen.
struct LoginState {
    int failed_attempts = 0;
    UnixSeconds locked_until = 0;  // 0: not locked
};

bool isLocked(const LoginState& state, UnixSeconds now);
// After a wrong PIN: the fifth failure in a row locks the user for five minutes.
LoginState afterFailure(LoginState state, UnixSeconds now);
// After the right PIN: counters cleared.
inline LoginState afterSuccess() {
    return {};
}
// The error shown while locked (`user_locked`), with the minutes left.
Error lockedError(const LoginState& state, UnixSeconds now);

// Auto-logout: true once `kIdleLogoutSeconds` have passed since the last input.
inline bool idleExpired(UnixSeconds last_input, UnixSeconds now) {
    return now - last_input >= kIdleLogoutSeconds;
}

}  // namespace pekon
