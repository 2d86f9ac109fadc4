// Exports the graph's rows to a Neo4j sink (a server or a dry-run file):
// first one uniqueness constraint on `id` per label (each its own
// transaction), then node batches, then relationship batches. A batch is at
// most `batch_size` rows, one transaction, one UNWIND ... MERGE statement per
// label (or relationship type and end labels) it touches. Every statement
// MERGEs, so re-running after any failure converges to the same graph.
//
// With a sink that returns results (a server), node statements return each
// node's internal id, and relationship rows whose two ends' ids are known
// match them by id (checking the `id` property too) instead of by property
// through the indexes; the other rows match by property. A statement by id
// that links fewer rows than it sent is redone by property in one more
// transaction. A dry run writes only the property-matching statements.
#ifndef POLICYKG_EXPORTERS_NEO4J_EXPORT_H_
#define POLICYKG_EXPORTERS_NEO4J_EXPORT_H_

#include <cstddef>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/status.h"
#include "exporters/neo4j_client.h"
#include "exporters/neo4j_rows.h"

namespace policykg {

struct Neo4jExportOptions {
  size_t batch_size = 5000;  // rows per transaction; 1 = one row per statement
  bool progress = true;      // a bar of transactions, on a terminal only
  // Transactions in flight at once, each from its own thread (the sink must
  // then be thread-safe; Neo4jClient is). More keep a many-core server busy;
  // relationship batches sharing a node may then deadlock, which servers
  // report as a transient error that the client retries. 1 keeps the order
  // of transactions fixed (dry runs, tests).
  size_t in_flight = 1;
};

struct Neo4jExportStats {
  size_t nodes = 0;
  size_t relationships = 0;
  size_t transactions = 0;  // including the schema ones
  size_t statements = 0;
  // Wall time of each phase, from its first batch until all have committed.
  double node_seconds = 0;
  double relationship_seconds = 0;
  // Relationship rows sent matching their ends by internal node id (the
  // rest by `id` property), and of those, rows redone by property because a
  // statement linked fewer than it sent (a stale internal id).
  size_t relationships_by_node_id = 0;
  size_t relationships_redone = 0;
};

// Stops at the first transaction that fails for good (after the sink's own
// retries) and returns its Status; what was committed before stays, and a
// re-run completes it. Relationships start only after every node batch has
// committed, whatever `in_flight` is, and after a request to resample the
// indexes (whose failure is ignored).
Result<Neo4jExportStats> ExportToNeo4j(const Neo4jRows& rows, Neo4jSink& sink,
                                       const Neo4jExportOptions& options);

// A sink that writes every statement with its parameters as JSON Lines,
// {"transaction": N, "statement": "...", "parameters": {...}}, instead of
// sending it. The file appears (atomically) on Close().
class Neo4jDryRunWriter : public Neo4jSink {
 public:
  static Result<std::unique_ptr<Neo4jDryRunWriter>> Open(const std::string& path, Neo4jVersion version);
  Neo4jVersion version() const override { return version_; }
  // Nothing runs, so no internal ids: relationships match their ends by
  // property, as they would with the node phase skipped.
  bool ReturnsResults() const override { return false; }
  Status RunTransaction(const std::vector<Neo4jStatement>& statements,
                        std::vector<Neo4jResult>* results) override;
  Status Close();

 private:
  Neo4jDryRunWriter(std::string path, Neo4jVersion version) : path_(std::move(path)), version_(version) {}
  std::string path_;
  Neo4jVersion version_;
  std::mutex mu_;  // transactions may come from several threads
  std::ofstream out_;
  size_t transactions_ = 0;
};

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_NEO4J_EXPORT_H_
