#include "core/auth.hpp"

#include "core/text.hpp"

namespace pekon {

std::string_view roleCode(Role role) {
    return role == Role::supervisor ? "supervisor" : "volunteer";
}

std::optional<Role> parseRole(std::string_view text) {
    if (text == "supervisor") return Role::supervisor;
    if (text == "volunteer") return Role::volunteer;
    return std::nullopt;
}

Status checkNewPin(std::string_view pin) {
    if (pin.size() != kPinLength)
        return Error{"pin_length", "PIN harus 6 angka.", "The PIN must be 6 digits."};
    if (!isAllDigits(pin))
        return Error{"pin_not_digits", "PIN hanya boleh berisi angka.",
                     "The PIN may contain digits only."};
    bool same = true, up = true, down = true;
    for (size_t i = 1; i < pin.size(); ++i) {
        same = same && pin[i] == pin[0];
        up = up && pin[i] == pin[i - 1] + 1;
        down = down && pin[i] == pin[i - 1] - 1;
    }
    if (same || up || down)
        return Error{"pin_too_simple", "PIN terlalu mudah ditebak; pilih angka lain.",
                     "The PIN is too easy to guess; choose other digits."};
    return {};
}

bool isLocked(const LoginState& state, UnixSeconds now) {
    return state.locked_until > now;
}

LoginState afterFailure(LoginState state, UnixSeconds now) {
    if (state.locked_until != 0 && state.locked_until <= now)
        state = {};  // an old lock has run out
    ++state.failed_attempts;
    if (state.failed_attempts >= kMaxPinFailures) {
        state.locked_until = now + kLockoutSeconds;
        state.failed_attempts = 0;
    }
    return state;
}

Error lockedError(const LoginState& state, UnixSeconds now) {
    const UnixSeconds left = state.locked_until > now ? state.locked_until - now : 0;
    const std::string minutes = std::to_string((left + 59) / 60);
    return Error{"user_locked", "Terlalu banyak PIN salah. Coba lagi dalam " + minutes + " menit.",
                 "Too many wrong PINs. Try again in " + minutes + " minute(s)."};
}

}  // namespace pekon
