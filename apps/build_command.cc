#include "apps/commands.h"

namespace policykg {

// Placeholder until this subcommand is written.
void AddBuildCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("build", "(not yet available)");
  cmd->callback([exit_code]() { *exit_code = kExitFailure; });
}

}  // namespace policykg
