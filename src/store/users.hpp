#pragma once

#include <string>
#include <vector>

#include "core/auth.hpp"
#include "core/result.hpp"
#include "store/store.hpp"

namespace pekon {

// A person who may use this device.
struct User {
    std::string id;
    std::string name;
    Role role = Role::volunteer;
    UnixSeconds created_at = 0;
};

// All users, supervisors first, then by name.
Result<std::vector<User>> listUsers(Store& store);

// Creates a user with a PIN (checkNewPin), stored as an Argon2id hash. The first user of a
// device must be a supervisor (`first_user_supervisor`); later ones are created by a
// supervisor (`created_by` is their id). Error codes also: name_*, pin_*, user_name_taken.
Result<User> createUser(Store& store, const std::string& name, Role role, const std::string& pin,
                        const std::string& created_by, UnixSeconds now);

// Checks a PIN. Five wrong PINs in a row lock the user for five minutes (`user_locked`);
// a wrong one is `pin_wrong` with the attempts left; an unknown id `user_not_found`.
Result<User> login(Store& store, const std::string& user_id, const std::string& pin,
                   UnixSeconds now);

}  // namespace pekon
