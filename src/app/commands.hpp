#pragma once

#include "app/cli_args.hpp"
#include "app/cli_env.hpp"

namespace pekon::cli {

// Each command gets the words after its name; returns the process exit code.
int runNik(CliEnv& env, const Args& args);
int runHousehold(CliEnv& env, const Args& args);
int runSearch(CliEnv& env, const Args& args);
int runExport(CliEnv& env, const Args& args);
int runOutbox(CliEnv& env, const Args& args);
int runCheck(CliEnv& env, const Args& args);
int runScan(CliEnv& env, const Args& args);
int runEnrol(CliEnv& env, const Args& args);
int runSync(CliEnv& env, const Args& args);
int runStatus(CliEnv& env, const Args& args);
int runComplaint(CliEnv& env, const Args& args);

}  // namespace pekon::cli
