#include "apps/commands.h"

namespace policykg {

// Placeholder until the Neo4j exporter is written.
void AddExportNeo4jCommand(CLI::App& export_cmd, int* exit_code) {
  CLI::App* cmd = export_cmd.add_subcommand("neo4j", "(not yet available)");
  cmd->callback([exit_code]() { *exit_code = kExitFailure; });
}

}  // namespace policykg
