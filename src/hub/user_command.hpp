#pragma once

#include <functional>
#include <cstdio>
#include <iosfwd>
#include <string>
#include <vector>

#include "hub/hub_store.hpp"

// `pekon-hub user ...`: the office console's staff accounts from the command line.
//   user add --username U --name "Full Name" --role admin|verifier|viewer
//   user list
//   user passwd U | user unlock U | user disable U | user enable U
//   user role U --role admin|verifier|viewer
// A password is read from standard input (one line; without echo on a terminal), never from
// the command line. What is done is audited as the command line's (no staff account).
namespace pekon::hub {

struct UserCommand {
    std::vector<std::string> words;                      // "user", the verb, the username
    std::function<std::string(const std::string&)> option;  // "" when absent
    bool password_option = false;  // --password was given (refused: argv is not secret)
};

// The exit code: 0 done, 1 failed (the error on `err`), 2 not understood (`usage` is called
// with what was not understood, and its answer returned).
int runUserCommand(HubStore& store, const UserCommand& command, std::FILE* in,
                   std::ostream& out, std::ostream& err,
                   const std::function<int(const std::string&)>& usage);

}  // namespace pekon::hub
