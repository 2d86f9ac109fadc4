// Graphviz: the DOT text of a selection, and SVG made from it by running the
// `dot` or `sfdp` program.
//
// Contract:
// - DOT: a digraph; node ids "n<vertex id>"; every entity type has its colour
//   and shape (exporters/properties.cc), edges their relation's colour and
//   style, undirected relations no arrowhead. Labels use the font
//   "Noto Sans CJK SC" so Chinese renders. A cluster subgraph "cluster_legend"
//   holds one node "legend", a table of the types (colour swatches) and
//   relations (coloured arrows) present.
// - SVG: the layout program runs as a child process on a temporary copy of
//   the DOT text; its exit status is checked and its stderr quoted in the
//   error. A missing program fails with NotFound saying how to install it.
//   The SVG is written atomically.
#ifndef POLICYKG_EXPORTERS_GRAPHVIZ_H_
#define POLICYKG_EXPORTERS_GRAPHVIZ_H_

#include <string>

#include "base/status.h"
#include "graph/graph.h"
#include "queries/selection.h"

namespace policykg {

std::string ToDot(const Graph& graph, const Selection& selection, const std::string& title = "");

// "dot" for small graphs (layered, readable), "sfdp" above this many vertices:
// dot lays hubs' neighbours out in one rank and many components side by side,
// which makes pictures of real networks a few screens wide, and its layout
// time grows too fast for big ones.
constexpr size_t kSfdpThreshold = 50;
std::string ChooseLayoutProgram(size_t num_vertices);

// Runs `program -Tsvg` on the DOT text and writes the SVG to out_path.
// `program` is looked up on PATH unless it contains a '/'.
Status RenderSvg(const std::string& dot_text, const std::string& program,
                 const std::string& out_path);

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_GRAPHVIZ_H_
