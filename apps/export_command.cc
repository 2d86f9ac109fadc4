// `policykg export FORMAT GRAPH -o OUT [--focus NAME --depth N] [--type T...]
// [--rel R...]`: one subcommand per file format, all sharing the sub-graph
// selection (queries/selection.h); `export neo4j` is registered by
// export_neo4j_command.cc.
#include <iostream>
#include <memory>

#include "apps/commands.h"
#include "base/file.h"
#include "exporters/file_export.h"
#include "graph/graph.h"
#include "queries/selection.h"

namespace policykg {
namespace {

struct FileExportArgs {
  std::string graph;
  std::string output;
  std::string focus;
  int depth = 1;
  std::vector<std::string> types;
  std::vector<std::string> relations;
  std::optional<bool> sources;  // unset: the format's default
  std::string title;
  std::string layout;
  std::string cytoscape_js;
};

constexpr std::string_view kCoMention = "CO_MENTION";

// Turns --type/--rel words into options; false (with a message) for a word
// that names nothing.
bool ParseFilters(const FileExportArgs& a, SelectionOptions* o) {
  for (const std::string& t : a.types) {
    const auto type = ParseEntityType(t);
    if (!type) {
      std::cerr << "policykg export: unknown --type '" << t
                << "' (Region, Agency, Institute, Enterprise, Program, Platform, Document)\n";
      return false;
    }
    o->types.push_back(*type);
  }
  if (a.relations.empty()) return true;
  o->co_mentions = false;  // an explicit list keeps only what it names
  for (const std::string& r : a.relations) {
    if (r == kCoMention || r == "co_mention") {
      o->co_mentions = true;
      continue;
    }
    const auto rel = ParseRelationType(r);
    if (!rel) {
      std::cerr << "policykg export: unknown --rel '" << r
                << "' (LOCATED_IN, PART_OF, COOPERATES_WITH, RESPONSIBLE_FOR, ISSUED, CO_MENTION)\n";
      return false;
    }
    o->relations.push_back(*rel);
  }
  return true;
}

int RunFileExport(FileFormat format, const FileExportArgs& a) {
  SelectionOptions selection;
  if (!ParseFilters(a, &selection)) return kExitUsage;
  if (!a.focus.empty()) selection.focus = a.focus;
  selection.depth = a.depth;
  selection.sources = a.sources.value_or(!IsPicture(format));

  Result<std::unique_ptr<Graph>> graph = Graph::Load(a.graph);
  if (!graph.ok()) {
    std::cerr << "policykg export: " << graph.status().message() << "\n";  // names the file
    return kExitFailure;
  }
  const Result<Selection> selected = SelectSubgraph(**graph, selection);
  if (!selected.ok()) {
    std::cerr << "policykg export: " << selected.status().message() << "\n";
    return kExitFailure;
  }

  FileExportOptions options;
  options.output = a.output;
  options.title = a.title;
  if (options.title.empty()) {
    options.title = "policykg: " + BaseName(a.graph) + (a.focus.empty() ? "" : " — " + a.focus);
  }
  options.layout = a.layout;
  options.cytoscape_js = a.cytoscape_js;
  const Result<std::vector<std::string>> written = ExportToFile(**graph, *selected, format, options);
  if (!written.ok()) {
    std::cerr << "policykg export " << ToString(format) << ": "
              << written.status().WithContext(a.output).message() << "\n";
    return kExitFailure;
  }
  for (const std::string& line : *written) std::cout << line << "\n";
  return kExitOk;
}

void AddFileExport(CLI::App& export_cmd, FileFormat format, const std::string& help, int* exit_code) {
  auto args = std::make_shared<FileExportArgs>();
  CLI::App* cmd = export_cmd.add_subcommand(std::string(ToString(format)), help);
  cmd->add_option("graph", args->graph, "Graph file written by `policykg build`")->required();
  cmd->add_option("-o,--output", args->output,
                  format == FileFormat::kCsv ? "Output directory" : "Output file")
      ->required();
  cmd->add_option("--focus", args->focus, "Only the neighbourhood of this entity (name or alias)");
  cmd->add_option("--depth", args->depth, "Steps from the focus entity (default 1)")
      ->check(CLI::NonNegativeNumber);
  // One value per occurrence (repeat the flag or separate with commas), so a
  // list never swallows the graph argument that follows it.
  cmd->add_option("--type", args->types, "Only these entity types (repeatable, or comma-separated)")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all()
      ->delimiter(',');
  cmd->add_option("--rel", args->relations,
                  "Only these relation types (repeatable, or comma-separated; CO_MENTION for "
                  "co-mention edges)")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all()
      ->delimiter(',');
  cmd->add_flag_function(
      "--sources,!--no-sources",
      [args](int64_t n) { args->sources = n > 0; },
      "Add the source documents mentioning the selected entities (default: on for graphml, "
      "csv, json; off for dot, svg, html)");
  if (format == FileFormat::kDot || format == FileFormat::kSvg || format == FileFormat::kHtml) {
    cmd->add_option("--title", args->title, "Title shown in the picture");
  }
  if (format == FileFormat::kSvg) {
    cmd->add_option("--layout", args->layout,
                    "Graphviz layout program (default: dot up to 150 nodes, sfdp above)")
        ->check(CLI::IsMember({"dot", "sfdp", "neato", "fdp"}));
  }
  if (format == FileFormat::kHtml) {
    cmd->add_option("--cytoscape-js", args->cytoscape_js,
                    "cytoscape.min.js to inline (default: $POLICYKG_CYTOSCAPE_JS, else the "
                    "build's node_modules copy)");
  }
  cmd->callback([format, args, exit_code]() { *exit_code = RunFileExport(format, *args); });
}

}  // namespace

void AddExportCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("export", "Export the graph (or a selected part of it)");
  cmd->require_subcommand(1);
  AddFileExport(*cmd, FileFormat::kGraphml, "GraphML for Gephi, yEd, Cytoscape", exit_code);
  AddFileExport(*cmd, FileFormat::kDot, "Graphviz DOT", exit_code);
  AddFileExport(*cmd, FileFormat::kSvg, "SVG picture laid out by Graphviz", exit_code);
  AddFileExport(*cmd, FileFormat::kCsv, "CSV files for neo4j-admin database import", exit_code);
  AddFileExport(*cmd, FileFormat::kJson, "Cytoscape.js elements JSON", exit_code);
  AddFileExport(*cmd, FileFormat::kHtml, "Self-contained HTML network view (works offline)",
                exit_code);
  AddExportNeo4jCommand(*cmd, exit_code);
}

}  // namespace policykg
