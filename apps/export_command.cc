#include "apps/commands.h"

namespace policykg {

// Placeholder until the file exporters are written.
void AddExportCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("export", "Export the graph");
  AddExportNeo4jCommand(*cmd, exit_code);
}

}  // namespace policykg
