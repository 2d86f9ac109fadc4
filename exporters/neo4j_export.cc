#include "exporters/neo4j_export.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
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

// Runs transactions on `width` threads (inline when width is 1). The first
// failure stops the rest: batches still queued are dropped, and Submit and
// Drain return that failure.
class TransactionPool {
 public:
  using Run = std::function<Status(const std::vector<Neo4jStatement>&)>;

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
  Status Submit(std::vector<Neo4jStatement> batch) {
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
      std::vector<Neo4jStatement> batch;
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
  std::deque<std::vector<Neo4jStatement>> queue_;
  size_t pending_ = 0;
  bool closed_ = false;
  Status failure_;
};

// One phase (nodes, or relationships): every batch of the groups through a
// pool, and back only when all have committed; `seconds` gets its wall time.
Status RunPhase(const std::vector<Neo4jRowGroup>& groups, const Neo4jExportOptions& options,
                const TransactionPool::Run& run, double* seconds) {
  const auto start = std::chrono::steady_clock::now();
  TransactionPool pool(options.in_flight, run);
  POLICYKG_RETURN_IF_ERROR(ForEachBatch(groups, options.batch_size, [&](const std::vector<Neo4jStatement>& b) {
    return pool.Submit(b);
  }));
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

  std::mutex stats_mu;
  auto run = [&](const std::vector<Neo4jStatement>& batch) -> Status {
    POLICYKG_RETURN_IF_ERROR(sink.RunTransaction(batch, nullptr));
    const std::lock_guard<std::mutex> lock(stats_mu);
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
  POLICYKG_RETURN_IF_ERROR(RunPhase(rows.node_groups, options, run, &stats.node_seconds));
  if (resample) {
    // Without fresh index statistics 3.1 ran the first relationship batch
    // after a fast node load for minutes (a plan filtering scanned nodes),
    // then seconds once sampling caught up. Best effort: a server that
    // refuses the procedure (permissions, Aura) still gets the data.
    (void)run({Neo4jStatement{Neo4jResampleStatement()}});
  }
  POLICYKG_RETURN_IF_ERROR(RunPhase(rows.relationship_groups, options, run, &stats.relationship_seconds));
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
