#include "exporters/neo4j_export.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "base/progress.h"
#include "exporters/neo4j_cypher.h"

namespace policykg {
namespace {

// {"rows": [...]} from `n` rows, the i-th being row(i).
template <typename Row>
std::string RowsParameter(size_t n, Row&& row) {
  size_t bytes = 16;
  for (size_t i = 0; i < n; ++i) bytes += row(i).size() + 1;
  std::string p;
  p.reserve(bytes);
  p += "{\"rows\":[";
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) p += ',';
    p += row(i);
  }
  p += "]}";
  return p;
}

std::string RowsParameter(const std::vector<std::string>& rows, size_t begin, size_t end) {
  return RowsParameter(end - begin, [&](size_t i) -> const std::string& { return rows[begin + i]; });
}

std::string RowsParameter(const std::vector<std::string>& rows, const std::vector<size_t>& which) {
  return RowsParameter(which.size(), [&](size_t i) -> const std::string& { return rows[which[i]]; });
}

size_t Batches(size_t rows, size_t batch_size) { return (rows + batch_size - 1) / batch_size; }

// The graph's node id -> the server's internal id of that node, as JSON text
// (an integer before 5.x, an elementId string from 5.x). Written by node
// batches on several threads, read once they have all committed.
class NodeIdMap {
 public:
  void Put(std::string id, std::string nid) {
    const std::lock_guard<std::mutex> lock(mu_);
    ids_[std::move(id)] = std::move(nid);
  }
  // Empty if unknown.
  std::string Find(const std::string& id) const {
    const std::lock_guard<std::mutex> lock(mu_);
    const auto it = ids_.find(id);
    return it == ids_.end() ? std::string() : it->second;
  }

 private:
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::string> ids_;
};

bool DecodeJsonString(const std::string& json, std::string* out) {
  rapidjson::Document d;
  if (d.Parse(json.data(), json.size()).HasParseError() || !d.IsString()) return false;
  out->assign(d.GetString(), d.GetStringLength());
  return true;
}

// An internal id goes back to the server inside a row: only an integer
// (id()) or a string (elementId()) will do.
bool IsNodeIdJson(const std::string& json) {
  if (json.empty()) return false;
  const char c = json[0];
  return c == '"' || c == '-' || (c >= '0' && c <= '9');
}

// Takes the (id, nid) rows that node statements returned.
void RecordNodeIds(const std::vector<Neo4jResult>& results, NodeIdMap& ids) {
  for (const Neo4jResult& r : results) {
    const int id_col = r.Column(kNeo4jIdColumn);
    const int nid_col = r.Column(kNeo4jNodeIdColumn);
    if (id_col < 0 || nid_col < 0) continue;
    const size_t width = static_cast<size_t>(std::max(id_col, nid_col)) + 1;
    for (const std::vector<std::string>& row : r.rows) {
      std::string id;
      if (row.size() < width || !IsNodeIdJson(row[nid_col]) || !DecodeJsonString(row[id_col], &id)) continue;
      ids.Put(std::move(id), row[nid_col]);
    }
  }
}

// One transaction's statements, with what is needed to redo a relationship
// statement by internal ids whose ends did not all match.
struct Batch {
  struct ByNodeId {
    size_t statement;             // index in `statements`
    const Neo4jRowGroup* group;   // whose rows it sends
    std::vector<size_t> rows;     // which
  };
  std::vector<Neo4jStatement> statements;
  std::vector<ByNodeId> by_node_id;
  size_t rows = 0;
};

void AddNodeRows(const Neo4jRowGroup& g, size_t begin, size_t end, bool return_ids, const Neo4jVersion& version,
                 Batch* batch) {
  const std::string text = return_ids ? Neo4jNodeStatementReturningIds(g.label, version) : Neo4jNodeStatement(g.label);
  batch->statements.push_back(Neo4jStatement{text, RowsParameter(g.rows, begin, end)});
}

// The row with the two internal ids in front: {"a": A, "b": B, "from": ...}.
std::string WithNodeIds(const std::string& row, const std::string& a, const std::string& b) {
  std::string out;
  out.reserve(row.size() + a.size() + b.size() + 12);
  out += "{\"a\":";
  out += a;
  out += ",\"b\":";
  out += b;
  out += ',';
  out.append(row, 1, std::string::npos);
  return out;
}

// Rows whose two ends have known internal ids go into a statement matching by
// them; the others (node phase skipped, a node missing from the results)
// into today's statement matching by property.
void AddRelationshipRows(const Neo4jRowGroup& g, size_t begin, size_t end, const NodeIdMap& ids,
                         const Neo4jVersion& version, Batch* batch) {
  std::vector<std::string> by_id;
  std::vector<size_t> by_id_rows, by_property_rows;
  for (size_t i = begin; i < end; ++i) {
    const std::string a = ids.Find(g.ends[i].first);
    const std::string b = a.empty() ? std::string() : ids.Find(g.ends[i].second);
    if (b.empty()) {
      by_property_rows.push_back(i);
      continue;
    }
    by_id.push_back(WithNodeIds(g.rows[i], a, b));
    by_id_rows.push_back(i);
  }
  if (!by_id.empty()) {
    batch->by_node_id.push_back(Batch::ByNodeId{batch->statements.size(), &g, std::move(by_id_rows)});
    batch->statements.push_back(Neo4jStatement{Neo4jRelationshipByNodeIdStatement(g.type, version),
                                               RowsParameter(by_id, 0, by_id.size())});
  }
  if (!by_property_rows.empty()) {
    batch->statements.push_back(Neo4jStatement{Neo4jRelationshipStatement(g.type, g.from_label, g.to_label),
                                               RowsParameter(g.rows, by_property_rows)});
  }
}

// The rows a statement by internal ids linked; 0 if the result says nothing.
size_t Linked(const std::vector<Neo4jResult>& results, size_t statement) {
  if (statement >= results.size()) return 0;
  const Neo4jResult& r = results[statement];
  const int col = r.Column(kNeo4jLinkedColumn);
  if (col < 0 || r.rows.size() != 1 || r.rows[0].size() <= static_cast<size_t>(col)) return 0;
  return static_cast<size_t>(std::strtoull(r.rows[0][col].c_str(), nullptr, 10));
}

// The statements by internal ids that linked fewer rows than they sent (a
// stale id, or an answer without the count), redone by property: MERGE
// leaves the rows already linked as they are.
std::vector<Neo4jStatement> RedoByProperty(const Batch& batch, const std::vector<Neo4jResult>& results,
                                           size_t* rows) {
  std::vector<Neo4jStatement> redo;
  for (const Batch::ByNodeId& s : batch.by_node_id) {
    if (Linked(results, s.statement) >= s.rows.size()) continue;
    const Neo4jRowGroup& g = *s.group;
    redo.push_back(Neo4jStatement{Neo4jRelationshipStatement(g.type, g.from_label, g.to_label),
                                  RowsParameter(g.rows, s.rows)});
    *rows += s.rows.size();
  }
  return redo;
}

// Cuts the groups' rows into transactions of at most batch_size rows and
// hands each to `run`; `add` puts the statements for rows [begin, end) of a
// group into the batch (so a transaction spanning two groups has a statement
// per group at least).
template <typename Add, typename Run>
Status ForEachBatch(const std::vector<Neo4jRowGroup>& groups, size_t batch_size, Add&& add, Run&& run) {
  Batch batch;
  for (const Neo4jRowGroup& g : groups) {
    size_t next = 0;
    while (next < g.rows.size()) {
      const size_t take = std::min(batch_size - batch.rows, g.rows.size() - next);
      add(g, next, next + take, &batch);
      next += take;
      batch.rows += take;
      if (batch.rows == batch_size) {
        POLICYKG_RETURN_IF_ERROR(run(std::move(batch)));
        batch = Batch{};
      }
    }
  }
  if (!batch.statements.empty()) return run(std::move(batch));
  return Status::OK();
}

// Runs transactions on `width` threads (inline when width is 1). The first
// failure stops the rest: batches still queued are dropped, and Submit and
// Drain return that failure.
class TransactionPool {
 public:
  using Run = std::function<Status(const Batch&)>;

  TransactionPool(size_t width, Run run) : run_(std::move(run)) {
    for (size_t i = 0; width > 1 && i < width; ++i) workers_.emplace_back([this] { Work(); });
  }
  ~TransactionPool() {
    Drain();
    {
      const std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }
  TransactionPool(const TransactionPool&) = delete;
  TransactionPool& operator=(const TransactionPool&) = delete;

  // Queues a batch, waiting while every worker already has one queued.
  Status Submit(Batch batch) {
    if (workers_.empty()) return run_(batch);
    std::unique_lock<std::mutex> lock(mu_);
    space_.wait(lock, [&] { return queue_.size() < workers_.size() || !failure_.ok(); });
    if (!failure_.ok()) return failure_;
    queue_.push_back(std::move(batch));
    ++pending_;
    ready_.notify_one();
    return Status::OK();
  }

  // Waits until every queued batch has run (or been dropped after a failure).
  Status Drain() {
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [&] { return pending_ == 0; });
    return failure_;
  }

 private:
  void Work() {
    for (;;) {
      Batch batch;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ready_.wait(lock, [&] { return closed_ || !queue_.empty(); });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
        space_.notify_one();
        if (!failure_.ok()) {
          Finish(lock);
          continue;
        }
      }
      const Status st = run_(batch);
      std::unique_lock<std::mutex> lock(mu_);
      if (!st.ok() && failure_.ok()) failure_ = st;
      Finish(lock);
    }
  }
  void Finish(std::unique_lock<std::mutex>&) {
    if (--pending_ == 0) idle_.notify_all();
    space_.notify_all();
  }

  const Run run_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable ready_, space_, idle_;
  std::deque<Batch> queue_;
  size_t pending_ = 0;
  bool closed_ = false;
  Status failure_;
};

// One phase (nodes, or relationships): every batch of the groups through a
// pool, and back only when all have committed; `seconds` gets its wall time.
template <typename Add>
Status RunPhase(const std::vector<Neo4jRowGroup>& groups, const Neo4jExportOptions& options, Add&& add,
                const TransactionPool::Run& run, double* seconds) {
  const auto start = std::chrono::steady_clock::now();
  TransactionPool pool(options.in_flight, run);
  POLICYKG_RETURN_IF_ERROR(
      ForEachBatch(groups, options.batch_size, add, [&](Batch b) { return pool.Submit(std::move(b)); }));
  const Status st = pool.Drain();
  *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return st;
}

}  // namespace

Result<Neo4jExportStats> ExportToNeo4j(const Neo4jRows& rows, Neo4jSink& sink,
                                       const Neo4jExportOptions& options) {
  if (options.batch_size == 0) return Status::InvalidArgument("--batch-size must be at least 1");
  if (options.in_flight == 0) return Status::InvalidArgument("--parallel must be at least 1");
  Neo4jExportStats stats;
  stats.nodes = rows.num_nodes();
  stats.relationships = rows.num_relationships();
  const std::vector<std::string> labels = Neo4jNodeLabels();
  const bool resample = stats.nodes > 0 && stats.relationships > 0;
  const size_t total = labels.size() + Batches(stats.nodes, options.batch_size) + (resample ? 1 : 0) +
                       Batches(stats.relationships, options.batch_size);
  ProgressBar bar("neo4j", total, options.progress && StderrIsTerminal());

  const Neo4jVersion version = sink.version();
  std::mutex stats_mu;
  // One transaction; `counted` transactions advance the bar (redos do not).
  auto commit = [&](const std::vector<Neo4jStatement>& statements, std::vector<Neo4jResult>* results,
                    bool counted) -> Status {
    POLICYKG_RETURN_IF_ERROR(sink.RunTransaction(statements, results));
    const std::lock_guard<std::mutex> lock(stats_mu);
    ++stats.transactions;
    stats.statements += statements.size();
    if (counted) bar.Advance();
    return Status::OK();
  };
  auto run = [&](const std::vector<Neo4jStatement>& statements) { return commit(statements, nullptr, true); };

  for (const std::string& label : labels) {
    Neo4jStatement s{Neo4jConstraintStatement(label, version), "{}", /*ok_if_exists=*/true};
    POLICYKG_RETURN_IF_ERROR(run({s}));
  }

  // Nodes before relationships: a relationship's MATCH needs both ends. A
  // sink that returns results hands back each node's internal id, so that
  // relationships find their ends by id instead of two index seeks per row.
  const bool return_ids = sink.ReturnsResults();
  NodeIdMap node_ids;
  auto add_nodes = [&](const Neo4jRowGroup& g, size_t begin, size_t end, Batch* b) {
    AddNodeRows(g, begin, end, return_ids, version, b);
  };
  auto run_nodes = [&](const Batch& b) -> Status {
    std::vector<Neo4jResult> results;
    POLICYKG_RETURN_IF_ERROR(commit(b.statements, &results, true));
    RecordNodeIds(results, node_ids);
    return Status::OK();
  };
  POLICYKG_RETURN_IF_ERROR(RunPhase(rows.node_groups, options, add_nodes, run_nodes, &stats.node_seconds));
  if (resample) {
    // Without fresh index statistics 3.1 ran the first relationship batch
    // after a fast node load for minutes (a plan filtering scanned nodes),
    // then seconds once sampling caught up. Best effort: a server that
    // refuses the procedure (permissions, Aura) still gets the data.
    (void)run({Neo4jStatement{Neo4jResampleStatement()}});
  }

  auto add_relationships = [&](const Neo4jRowGroup& g, size_t begin, size_t end, Batch* b) {
    AddRelationshipRows(g, begin, end, node_ids, version, b);
  };
  auto run_relationships = [&](const Batch& b) -> Status {
    std::vector<Neo4jResult> results;
    POLICYKG_RETURN_IF_ERROR(commit(b.statements, b.by_node_id.empty() ? nullptr : &results, true));
    size_t sent = 0, redone = 0;
    for (const Batch::ByNodeId& s : b.by_node_id) sent += s.rows.size();
    const std::vector<Neo4jStatement> redo = RedoByProperty(b, results, &redone);
    {
      const std::lock_guard<std::mutex> lock(stats_mu);
      stats.relationships_by_node_id += sent;
      stats.relationships_redone += redone;
    }
    if (redo.empty()) return Status::OK();
    return commit(redo, nullptr, false);
  };
  POLICYKG_RETURN_IF_ERROR(RunPhase(rows.relationship_groups, options, add_relationships, run_relationships,
                                    &stats.relationship_seconds));
  return stats;
}

Result<std::unique_ptr<Neo4jDryRunWriter>> Neo4jDryRunWriter::Open(const std::string& path,
                                                                   Neo4jVersion version) {
  std::unique_ptr<Neo4jDryRunWriter> w(new Neo4jDryRunWriter(path, version));
  w->out_.open(path + ".tmp", std::ios::binary | std::ios::trunc);
  if (!w->out_) return Status::IoError(path + ": cannot create");
  return w;
}

Status Neo4jDryRunWriter::RunTransaction(const std::vector<Neo4jStatement>& statements,
                                         std::vector<Neo4jResult>* results) {
  if (results != nullptr) results->clear();
  const std::lock_guard<std::mutex> lock(mu_);
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
