// Sub-graph selection for the exporters: which vertices and edges of a graph a
// file export writes. Every export format takes the same selection, so
// `--focus 浙江大学 --depth 2 --type Institute --rel COOPERATES_WITH` means the
// same picture in GraphML, DOT, CSV, JSON and HTML.
//
// Contract:
// - Entity vertices pass when their type is among `types` (empty: all types).
// - Edges between entities pass when they are relations of a type among
//   `relations` (empty: all types), or co-mention edges while `co_mentions`
//   is set.
// - Without a focus, the selection is every passing entity and every passing
//   edge between them. With a focus, it is the entities reachable from the
//   focus in at most `depth` steps over passing edges, walked in both
//   directions, and the passing edges among them.
// - With `sources` set, a source-document vertex is added when it mentions a
//   selected entity, together with its MENTIONS edges to selected entities.
// - The focus is a canonical name or an alias; all entities so named are
//   roots. An unknown focus fails with NotFound whose message offers the
//   closest names ("did you mean ..."). An empty result fails with
//   InvalidArgument naming the filters, so no caller writes an empty file.
// - Vertex and edge ids come out sorted ascending, without duplicates.
#ifndef POLICYKG_QUERIES_SELECTION_H_
#define POLICYKG_QUERIES_SELECTION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/types.h"
#include "graph/graph.h"

namespace policykg {

struct SelectionOptions {
  std::optional<std::string> focus;     // name or alias of the centre entity
  int depth = 1;                        // steps from the focus (with focus only)
  std::vector<EntityType> types;        // empty: every entity type
  std::vector<RelationType> relations;  // empty: every relation type
  bool co_mentions = true;              // keep co-mention edges
  bool sources = false;                 // add source-document vertices
};

struct Selection {
  std::vector<VertexId> vertices;  // ascending
  std::vector<EdgeId> edges;       // ascending; both ends are in `vertices`
};

Result<Selection> SelectSubgraph(const Graph& graph, const SelectionOptions& options);

// A one-line description of the filters, for messages: "focus 浙江大学, depth
// 2, types Institute,Region".
std::string DescribeSelection(const SelectionOptions& options);

}  // namespace policykg

#endif  // POLICYKG_QUERIES_SELECTION_H_
