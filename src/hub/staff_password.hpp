#pragma once

#include <string_view>

#include "core/result.hpp"

// The rules a staff account's username and password follow (pure: no hashing here; that is
// hub_ops_staff's, with libsodium).
namespace pekon::hub {

inline constexpr size_t kMinUsername = 3;
inline constexpr size_t kMaxUsername = 32;
inline constexpr size_t kMinPassword = 10;   // characters (UTF-8 code points)
inline constexpr size_t kMaxPassword = 256;  // bytes: what is hashed stays bounded

// 3..32 characters of a-z 0-9 . _ - : `username_invalid`.
Status checkUsername(std::string_view username);

// At least kMinPassword characters, at most kMaxPassword bytes, valid UTF-8 without control
// characters, not all of one kind (lower-case letters, upper-case letters, digits, others) and
// not the username (in any case): `password_weak`.
Status checkPassword(std::string_view password, std::string_view username);

}  // namespace pekon::hub
