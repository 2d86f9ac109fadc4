// policykg export neo4j GRAPH --url http://HOST:7474 [--database neo4j]
//     [--user neo4j] [--batch-size N] [--parallel N]
//     [--dry-run FILE [--target-version V]] [--retries N] [--timeout SECONDS]
// The password comes from NEO4J_PASSWORD, or a prompt with echo off when
// standard input is a terminal; never from the command line.
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "apps/commands.h"
#include "exporters/neo4j_client.h"
#include "exporters/neo4j_cypher.h"
#include "exporters/neo4j_export.h"
#include "exporters/neo4j_rows.h"
#include "graph/graph.h"

namespace policykg {
namespace {

double PerSecond(size_t items, double seconds) { return seconds > 0 ? static_cast<double>(items) / seconds : 0; }

struct Neo4jArgs {
  std::string graph;
  std::string url;
  std::string database = "neo4j";
  std::string user = "neo4j";
  size_t batch_size = 5000;
  size_t parallel = 2;
  std::string dry_run;
  std::string target_version = "5.0";
  int retries = 8;
  double timeout_seconds = 120;
  std::string print_cypher;
};

// Reads a line from the terminal with echo off; restores the terminal.
std::optional<std::string> PromptPassword(const std::string& user) {
  if (!isatty(STDIN_FILENO)) return std::nullopt;
  std::cerr << "Neo4j password for " << user << ": " << std::flush;
  termios old_term{};
  const bool have_term = tcgetattr(STDIN_FILENO, &old_term) == 0;
  if (have_term) {
    termios quiet = old_term;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (have_term) tcsetattr(STDIN_FILENO, TCSAFLUSH, &old_term);
  std::cerr << "\n";
  if (line.empty()) return std::nullopt;
  return line;
}

std::optional<std::string> Password(const std::string& user) {
  if (const char* env = std::getenv("NEO4J_PASSWORD"); env != nullptr) return std::string(env);
  return PromptPassword(user);
}

int Fail(const Status& st) {
  std::cerr << "policykg export neo4j: " << st.message() << "\n";
  return st.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFailure;
}

int PrintCypher(const std::string& version_text) {
  Neo4jVersion version;
  if (!Neo4jVersion::Parse(version_text, &version) && !Neo4jVersion::Parse(version_text + ".0", &version)) {
    return Fail(Status::InvalidArgument("--print-cypher wants a server version such as 3.1, 4.4 or 5"));
  }
  for (const std::string& s : AllNeo4jStatements(version)) std::cout << s << "\n";
  return kExitOk;
}

int RunExportNeo4j(const Neo4jArgs& args) {
  if (!args.print_cypher.empty()) return PrintCypher(args.print_cypher);
  if (args.graph.empty()) return Fail(Status::InvalidArgument("GRAPH is required"));
  if (args.dry_run.empty() && args.url.empty()) {
    return Fail(Status::InvalidArgument("--url is required (or --dry-run FILE)"));
  }
  if (args.batch_size == 0) return Fail(Status::InvalidArgument("--batch-size must be at least 1"));
  if (args.parallel == 0) return Fail(Status::InvalidArgument("--parallel must be at least 1"));

  auto graph = Graph::Load(args.graph);
  if (!graph.ok()) return Fail(graph.status());
  const Neo4jRows rows = CollectNeo4jRows(**graph);
  Neo4jExportOptions options;
  options.batch_size = args.batch_size;
  options.in_flight = args.parallel;
  const auto start = std::chrono::steady_clock::now();

  if (!args.dry_run.empty()) {
    Neo4jVersion version;
    if (!Neo4jVersion::Parse(args.target_version, &version) &&
        !Neo4jVersion::Parse(args.target_version + ".0", &version)) {
      return Fail(Status::InvalidArgument("--target-version wants a version such as 3.1, 4.4 or 5"));
    }
    options.in_flight = 1;  // the file lists transactions in a fixed order
    auto writer = Neo4jDryRunWriter::Open(args.dry_run, version);
    if (!writer.ok()) return Fail(writer.status());
    auto stats = ExportToNeo4j(rows, **writer, options);
    if (!stats.ok()) return Fail(stats.status());
    if (const Status st = (*writer)->Close(); !st.ok()) return Fail(st);
    std::cout << "neo4j: wrote " << stats->statements << " statements in " << stats->transactions
              << " transactions (" << stats->nodes << " nodes, " << stats->relationships
              << " relationships, Neo4j " << version.ToString() << " syntax) to " << args.dry_run << "\n";
    return kExitOk;
  }

  Neo4jClientOptions client_options;
  client_options.url = args.url;
  client_options.database = args.database;
  client_options.user = args.user;
  client_options.password = Password(args.user);
  client_options.retry.max_attempts = std::max(1, args.retries);
  client_options.request_timeout =
      std::chrono::milliseconds(static_cast<int64_t>(std::max(0.1, args.timeout_seconds) * 1000));
  client_options.log = [](const std::string& line) { std::cerr << line << "\n"; };
  auto client = Neo4jClient::Connect(client_options);
  if (!client.ok()) return Fail(client.status());
  auto stats = ExportToNeo4j(rows, **client, options);
  if (!stats.ok()) {
    std::cerr << "policykg export neo4j: " << stats.status().message()
              << "\n(what was committed stays; running the export again completes it)\n";
    return kExitFailure;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("neo4j: exported %zu nodes and %zu relationships to Neo4j %s (%s) in %.2f s: "
              "%zu transactions, %d retries\n",
              stats->nodes, stats->relationships, (*client)->version().ToString().c_str(),
              std::string(ToString((*client)->protocol())).c_str(), seconds, stats->transactions,
              (*client)->retries());
  std::printf("neo4j: nodes in %.2f s (%.0f/s), relationships in %.2f s (%.0f/s; %zu matched by node id, "
              "%zu redone by property)\n",
              stats->node_seconds, PerSecond(stats->nodes, stats->node_seconds), stats->relationship_seconds,
              PerSecond(stats->relationships, stats->relationship_seconds), stats->relationships_by_node_id,
              stats->relationships_redone);
  return kExitOk;
}

}  // namespace

void AddExportNeo4jCommand(CLI::App& export_cmd, int* exit_code) {
  auto args = std::make_shared<Neo4jArgs>();
  CLI::App* cmd = export_cmd.add_subcommand(
      "neo4j", "Load the graph into Neo4j over its HTTP API (password: NEO4J_PASSWORD or a prompt)");
  cmd->add_option("graph", args->graph, "Graph file written by `policykg build`");
  cmd->add_option("--url", args->url, "Neo4j HTTP address, e.g. http://localhost:7474 or https://xxxx.databases.neo4j.io");
  cmd->add_option("--database", args->database, "Database name (4.x and later)")->capture_default_str();
  cmd->add_option("--user", args->user, "User name")->capture_default_str();
  cmd->add_option("--batch-size", args->batch_size, "Rows per transaction")->capture_default_str();
  cmd->add_option("--parallel", args->parallel, "Transactions in flight at once")->capture_default_str();
  cmd->add_option("--dry-run", args->dry_run, "Write every statement with its parameters (JSON Lines) to FILE instead of sending");
  cmd->add_option("--target-version", args->target_version, "Server version whose syntax --dry-run uses")->capture_default_str();
  cmd->add_option("--retries", args->retries, "Attempts per transaction on transient failures")->capture_default_str();
  cmd->add_option("--timeout", args->timeout_seconds, "Seconds to wait for one HTTP answer")->capture_default_str();
  // For the Cypher lint test: every statement text for a server version.
  cmd->add_option("--print-cypher", args->print_cypher)->group("");
  cmd->callback([args, exit_code]() { *exit_code = RunExportNeo4j(*args); });
}

}  // namespace policykg
