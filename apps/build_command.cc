// policykg build PATH... -o GRAPH [--co-mentions] [-j N]
// policykg build --update GRAPH PATH... [-j N]
//
// PATHs are documents (files or directories, extracted in parallel) and JSON
// Lines files written by `policykg extract` (names ending .jsonl), so that
// extraction can run sharded elsewhere and the merge happens here, once.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "apps/commands.h"
#include "apps/input_files.h"
#include "base/file.h"
#include "extract/batch.h"
#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "extract/jsonl.h"
#include "graph/graph.h"

namespace policykg {
namespace {

struct BuildArgs {
  std::vector<std::string> paths;
  std::string output;
  std::string update;
  bool co_mentions = false;
  int jobs = 0;
};

struct Tally {
  size_t added = 0;
  size_t present = 0;  // already in the graph (same content hash)
  size_t failed = 0;
};

bool IsJsonLines(const std::string& path) {
  return path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0;
}

void AddJsonLines(const std::string& path, Graph& graph, Tally& tally) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "policykg build: " << path << ": cannot open\n";
    ++tally.failed;
    return;
  }
  const Status s = ReadJsonLines(in, path, [&](Extraction&& x) {
    (graph.AddExtraction(x, Gazetteer::Embedded()) ? tally.added : tally.present)++;
    return Status::OK();
  });
  if (!s.ok()) {
    // Documents before the bad line are in; say so rather than pretend.
    std::cerr << "policykg build: " << s.message() << " (documents before this line were added)\n";
    ++tally.failed;
  }
}

// Documents already in the graph are not read again by the extractor.
std::vector<std::string> NewDocuments(const std::vector<std::string>& files, const Graph& graph, Tally& tally) {
  if (graph.num_sources() == 0) return files;
  std::vector<std::string> fresh;
  for (const std::string& f : files) {
    if (f != "-") {
      const Result<std::string> bytes = ReadFile(f);
      if (bytes.ok() && graph.HasContentHash(ContentHash(*bytes))) {
        ++tally.present;
        continue;
      }
    }
    fresh.push_back(f);  // unreadable files fail in the extractor, with its message
  }
  return fresh;
}

void AddDocuments(const std::vector<std::string>& files, int jobs, Graph& graph, Tally& tally) {
  if (files.empty()) return;
  auto extractor = Extractor::Create();
  if (!extractor.ok()) {
    std::cerr << "policykg build: " << extractor.status().message() << "\n";
    tally.failed += files.size();
    return;
  }
  BatchOptions batch;
  batch.jobs = jobs;
  ExtractBatch(**extractor, files, batch, [&](size_t, Result<Extraction>&& r) {
    if (!r.ok()) {
      std::cerr << "policykg build: " << r.status().message() << "\n";
      ++tally.failed;
      return;
    }
    (graph.AddExtraction(*r, (*extractor)->gazetteer()) ? tally.added : tally.present)++;
  });
}

int RunBuild(const BuildArgs& args) {
  if (args.output.empty() == args.update.empty()) {
    std::cerr << "policykg build: give exactly one of -o GRAPH (new graph) or --update GRAPH\n";
    return kExitUsage;
  }
  auto files = ExpandInputs(args.paths);
  if (!files.ok()) {
    std::cerr << "policykg build: " << files.status().message() << "\n";
    return kExitFailure;
  }
  std::unique_ptr<Graph> graph;
  const std::string& out = args.update.empty() ? args.output : args.update;
  if (!args.update.empty()) {
    auto loaded = Graph::Load(args.update);
    if (!loaded.ok()) {
      std::cerr << "policykg build: " << loaded.status().message() << "\n";
      return kExitFailure;
    }
    graph = std::move(loaded).value();
    if (args.co_mentions && !graph->options().co_mentions) {
      std::cerr << "policykg build: note: " << args.update
                << " was built without --co-mentions; new documents follow the graph's setting\n";
    }
  } else {
    BuildOptions options;
    options.co_mentions = args.co_mentions;
    graph = Graph::Create(options);
  }

  Tally tally;
  std::vector<std::string> documents;
  for (const std::string& f : *files) {
    if (IsJsonLines(f)) {
      AddJsonLines(f, *graph, tally);
    } else {
      documents.push_back(f);
    }
  }
  AddDocuments(NewDocuments(documents, *graph, tally), args.jobs, *graph, tally);

  const Status saved = graph->Save(out);
  if (!saved.ok()) {
    std::cerr << "policykg build: " << saved.message() << "\n";
    return kExitFailure;
  }
  std::cout << out << ": " << tally.added << " documents added, " << tally.present << " already present";
  if (tally.failed) std::cout << ", " << tally.failed << " failed";
  std::cout << "; " << graph->num_sources() << " documents, " << graph->num_vertices() - graph->num_sources()
            << " entities, " << graph->num_edges() << " edges\n";
  return tally.failed ? kExitPartial : kExitOk;
}

}  // namespace

void AddBuildCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<BuildArgs>();
  CLI::App* cmd = app.add_subcommand("build", "Merge documents and extraction JSON Lines into one graph file");
  cmd->add_option("paths", args->paths, "Documents, directories (recursive) and .jsonl files from `extract`")
      ->required();
  auto* output = cmd->add_option("-o,--output", args->output, "Graph file to create");
  auto* update = cmd->add_option("--update", args->update, "Existing graph file to add new documents to");
  output->excludes(update);
  cmd->add_flag("--co-mentions", args->co_mentions, "Also link entities mentioned in one sentence (weighted)");
  cmd->add_option("-j,--jobs", args->jobs, "Parallel extraction workers (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->callback([args, exit_code]() { *exit_code = RunBuild(*args); });
}

}  // namespace policykg
