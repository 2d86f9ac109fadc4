// The CLI's subcommands. Each Add* registers one subcommand on the app; its
// callback calls the libraries, prints the outcome and stores the exit code.
#ifndef POLICYKG_APPS_COMMANDS_H_
#define POLICYKG_APPS_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace policykg {

void AddExtractCommand(CLI::App& app, int* exit_code);  // extract_command.cc
void AddBuildCommand(CLI::App& app, int* exit_code);    // build_command.cc
void AddQueryCommand(CLI::App& app, int* exit_code);    // query_command.cc
void AddExportCommand(CLI::App& app, int* exit_code);   // export_command.cc
// `export neo4j`, registered by AddExportCommand on its subcommand.
void AddExportNeo4jCommand(CLI::App& export_cmd, int* exit_code);  // export_neo4j_command.cc

// Exit codes shared by all subcommands.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;     // the run could not go on
constexpr int kExitPartial = 2;     // some inputs failed, the rest were done
constexpr int kExitUsage = 64;      // bad arguments

}  // namespace policykg

#endif  // POLICYKG_APPS_COMMANDS_H_
