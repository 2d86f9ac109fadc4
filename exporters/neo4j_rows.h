// The graph as rows for the Neo4j exporter: nodes grouped by label,
// relationships grouped by (type, from label, to label), each row already
// serialized as a JSON object, so batches are built by concatenation.
//
// Node row:         {"id": "...", "props": {"id", "name", "aliases", ...}}
// Relationship row: {"from": "...", "to": "...", "props": {"documents", "evidence", "weight", ...}}
// Node ids are unique across labels (they start with the label).
//
// Relationships with the same (type, from, to) are merged into one row (their
// documents and evidence united, weights added), so MERGE in Neo4j sees each
// relationship once and a re-run writes identical values.
#ifndef POLICYKG_EXPORTERS_NEO4J_ROWS_H_
#define POLICYKG_EXPORTERS_NEO4J_ROWS_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace policykg {

class Graph;

struct Neo4jRowGroup {
  bool relationship = false;
  std::string label;       // nodes: the label
  std::string type;        // relationships: the type
  std::string from_label;  // relationships: label of the start node
  std::string to_label;    // relationships: label of the end node
  std::vector<std::string> rows;  // JSON objects
  // Relationships: the (from, to) node ids of each row, as in the row.
  std::vector<std::pair<std::string, std::string>> ends;
};

struct Neo4jRows {
  std::vector<Neo4jRowGroup> node_groups;          // in label order
  std::vector<Neo4jRowGroup> relationship_groups;  // in (type, from, to) order
  size_t num_nodes() const;
  size_t num_relationships() const;
};

// Converts the graph. Co-mention edges (a drawing aid) are not exported.
Neo4jRows CollectNeo4jRows(const Graph& graph);

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_NEO4J_ROWS_H_
