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
    bool holds_data_key = false;  // their PIN opens the device's data key (issue 16)
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
//
// Personal data sealed at rest (issue 16): the device's data key is wrapped for each user by
// their PIN (vault/pin_wrap), and a PIN is checked by unwrapping it, so no cheaper PIN hash is
// stored beside it. A right PIN leaves the key with this Store until lockData. The first
// user of a device creates the key; a database from before issue 16 is sealed at its first
// sign-in (store/internal/device_sealing). A user created before the sealing whose PIN holds
// no key yet gets `data_key_missing` until a signed-in user grants it (grantDataKey).
Result<User> login(Store& store, const std::string& user_id, const std::string& pin,
                   UnixSeconds now);

// Forgets the data key (sign-out, idle logout): personal data stays sealed until a sign-in.
void lockData(Store& store);
// Whether personal data can be read and written now: a device not sealed yet, or one whose
// data key a signed-in user holds.
bool dataOpen(Store& store);
// While the data key is held: when the hub's sealing key has arrived since this Store last
// looked (an enrolment, or a pull, by the background sync's own connection), seals for it the
// personal part of the events written before, so the sync can send them. Cheap when there is
// nothing to do: the app calls it once a second while someone is signed in. Returns how many
// events it sealed (the app then asks the sync to run).
Result<int> sealForHubWhenKnown(Store& store);

// While a user is signed in (the data key is held), gives it to another user of the device
// who types their PIN on this screen: it is checked (with its lock-out) and the key wrapped
// for it. `data_locked` without the key.
Status grantDataKey(Store& store, const std::string& user_id, const std::string& pin,
                    UnixSeconds now);

}  // namespace pekon
