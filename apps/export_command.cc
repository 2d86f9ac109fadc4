#include "apps/commands.h"

namespace policykg {

// Placeholder until this subcommand is written.
void AddExportCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("export", "(not yet available)");
  cmd->callback([exit_code]() { *exit_code = kExitFailure; });
}

}  // namespace policykg
