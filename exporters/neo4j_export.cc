#include "exporters/neo4j_export.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "base/progress.h"
#include "exporters/neo4j_cypher.h"

namespace policykg {
namespace {

std::string StatementFor(const Neo4jRowGroup& g) {
  return g.relationship ? Neo4jRelationshipStatement(g.type, g.from_label, g.to_label)
                        : Neo4jNodeStatement(g.label);
}

std::string RowsParameter(const std::vector<std::string>& rows, size_t begin, size_t end) {
  size_t bytes = 16;
  for (size_t i = begin; i < end; ++i) bytes += rows[i].size() + 1;
  std::string p;
  p.reserve(bytes);
  p += "{\"rows\":[";
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) p += ',';
    p += rows[i];
  }
  p += "]}";
  return p;
}

size_t Batches(size_t rows, size_t batch_size) { return (rows + batch_size - 1) / batch_size; }

// Cuts the groups' rows into transactions of at most batch_size rows and
// hands each to `run`; a transaction spanning two groups has one statement
// per group.
template <typename Run>
Status ForEachBatch(const std::vector<Neo4jRowGroup>& groups, size_t batch_size, Run&& run) {
  std::vector<Neo4jStatement> batch;
  size_t in_batch = 0;
  for (const Neo4jRowGroup& g : groups) {
    const std::string text = StatementFor(g);
    size_t next = 0;
    while (next < g.rows.size()) {
      const size_t take = std::min(batch_size - in_batch, g.rows.size() - next);
      batch.push_back(Neo4jStatement{text, RowsParameter(g.rows, next, next + take)});
      next += take;
      in_batch += take;
      if (in_batch == batch_size) {
        POLICYKG_RETURN_IF_ERROR(run(batch));
        batch.clear();
        in_batch = 0;
      }
    }
  }
  if (!batch.empty()) return run(batch);
  return Status::OK();
}

}  // namespace

Result<Neo4jExportStats> ExportToNeo4j(const Neo4jRows& rows, Neo4jSink& sink,
                                       const Neo4jExportOptions& options) {
  if (options.batch_size == 0) return Status::InvalidArgument("--batch-size must be at least 1");
  Neo4jExportStats stats;
  stats.nodes = rows.num_nodes();
  stats.relationships = rows.num_relationships();
  const std::vector<std::string> labels = Neo4jNodeLabels();
  const size_t total = labels.size() + Batches(stats.nodes, options.batch_size) +
                       Batches(stats.relationships, options.batch_size);
  ProgressBar bar("neo4j", total, options.progress && StderrIsTerminal());

  auto run = [&](const std::vector<Neo4jStatement>& batch) -> Status {
    POLICYKG_RETURN_IF_ERROR(sink.RunTransaction(batch));
    ++stats.transactions;
    stats.statements += batch.size();
    bar.Advance();
    return Status::OK();
  };

  for (const std::string& label : labels) {
    Neo4jStatement s{Neo4jConstraintStatement(label, sink.version()), "{}", /*ok_if_exists=*/true};
    POLICYKG_RETURN_IF_ERROR(run({s}));
  }
  // Nodes before relationships: a relationship's MATCH needs both ends.
  POLICYKG_RETURN_IF_ERROR(ForEachBatch(rows.node_groups, options.batch_size, run));
  POLICYKG_RETURN_IF_ERROR(ForEachBatch(rows.relationship_groups, options.batch_size, run));
  return stats;
}

Result<std::unique_ptr<Neo4jDryRunWriter>> Neo4jDryRunWriter::Open(const std::string& path,
                                                                   Neo4jVersion version) {
  std::unique_ptr<Neo4jDryRunWriter> w(new Neo4jDryRunWriter(path, version));
  w->out_.open(path + ".tmp", std::ios::binary | std::ios::trunc);
  if (!w->out_) return Status::IoError(path + ": cannot create");
  return w;
}

Status Neo4jDryRunWriter::RunTransaction(const std::vector<Neo4jStatement>& statements) {
  ++transactions_;
  for (const Neo4jStatement& s : statements) {
    rapidjson::StringBuffer text;
    rapidjson::Writer<rapidjson::StringBuffer> w(text);
    w.String(s.text.data(), static_cast<rapidjson::SizeType>(s.text.size()));
    out_ << "{\"transaction\":" << transactions_ << ",\"statement\":" << text.GetString()
         << ",\"parameters\":" << s.parameters << "}\n";
  }
  if (!out_) return Status::IoError(path_ + ": write failed");
  return Status::OK();
}

Status Neo4jDryRunWriter::Close() {
  out_.close();
  if (!out_) return Status::IoError(path_ + ": write failed");
  if (std::rename((path_ + ".tmp").c_str(), path_.c_str()) != 0) {
    return Status::IoError(path_ + ": cannot rename");
  }
  return Status::OK();
}

}  // namespace policykg
