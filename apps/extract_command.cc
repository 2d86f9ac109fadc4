// policykg extract PATH... [-o FILE] [-j N]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "apps/commands.h"
#include "apps/input_files.h"
#include "extract/batch.h"
#include "extract/extractor.h"
#include "extract/jsonl.h"

namespace policykg {
namespace {

struct ExtractArgs {
  std::vector<std::string> paths;
  std::string output = "-";
  int jobs = 0;
  bool no_t2s = false;
};

int RunExtract(const ExtractArgs& args) {
  auto files = ExpandInputs(args.paths);
  if (!files.ok()) {
    std::cerr << "policykg extract: " << files.status().message() << "\n";
    return kExitFailure;
  }
  ExtractOptions options;
  options.traditional_to_simplified = !args.no_t2s;
  auto extractor = Extractor::Create(options);
  if (!extractor.ok()) {
    std::cerr << "policykg extract: " << extractor.status().message() << "\n";
    return kExitFailure;
  }
  std::ofstream file_out;
  std::ostream* out = &std::cout;
  const std::string tmp = args.output + ".tmp";
  if (args.output != "-") {
    file_out.open(tmp, std::ios::binary | std::ios::trunc);
    if (!file_out) {
      std::cerr << "policykg extract: " << args.output << ": cannot create\n";
      return kExitFailure;
    }
    out = &file_out;
  }
  BatchOptions batch;
  batch.jobs = args.jobs;
  std::string buf;
  const BatchSummary summary =
      ExtractBatch(**extractor, *files, batch, [&](size_t, Result<Extraction>&& r) {
        if (!r.ok()) {
          std::cerr << "policykg extract: " << r.status().message() << "\n";
          return;
        }
        buf.clear();
        AppendJsonLines(*r, &buf);
        out->write(buf.data(), static_cast<std::streamsize>(buf.size()));
      });
  out->flush();
  if (!*out) {
    std::cerr << "policykg extract: " << args.output << ": write failed\n";
    return kExitFailure;
  }
  if (args.output != "-") {
    file_out.close();
    if (std::rename(tmp.c_str(), args.output.c_str()) != 0) {
      std::cerr << "policykg extract: " << args.output << ": cannot rename\n";
      return kExitFailure;
    }
  }
  if (summary.failed > 0) {
    std::cerr << "policykg extract: " << summary.failed << " of " << files->size() << " files failed\n";
    return kExitPartial;
  }
  return kExitOk;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "Extract entities and relations from documents as JSON Lines");
  cmd->add_option("paths", args->paths, "Files, directories (recursive) or - for stdin")->required();
  cmd->add_option("-o,--output", args->output, "Output file (default: stdout)");
  cmd->add_option("-j,--jobs", args->jobs, "Parallel workers (default: all cores)")->check(CLI::NonNegativeNumber);
  cmd->add_flag("--no-t2s", args->no_t2s, "Do not map Traditional characters to Simplified for matching");
  cmd->callback([args, exit_code]() { *exit_code = RunExtract(*args); });
}

}  // namespace policykg
