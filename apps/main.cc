// policykg: documents -> knowledge graph -> queries and exports.
#include <CLI/CLI.hpp>

#include "apps/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"policykg: a knowledge graph of who does what in Chinese government documents"};
  app.require_subcommand(1);
  int exit_code = policykg::kExitOk;
  policykg::AddExtractCommand(app, &exit_code);
  policykg::AddBuildCommand(app, &exit_code);
  policykg::AddQueryCommand(app, &exit_code);
  policykg::AddExportCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : policykg::kExitUsage;
  }
  return exit_code;
}
