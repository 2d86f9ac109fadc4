// GraphML (http://graphml.graphdrawing.org) for Gephi, yEd, Cytoscape and
// Boost's read_graphml.
//
// Contract: UTF-8, well-formed XML. Every property is declared as a <key> for
// its domain (node or edge) with attr.type string, int, long or double.
// Yes/no properties are int 0 or 1: Boost's read_graphml rejects "true" for a
// boolean key and Java readers (Gephi, Cytoscape) take "1" as false, so an
// int is the form every reader gets right. Node ids are "n<vertex id>", edge ids "e<edge id>". The graph is
// directed (edgedefault="directed"); edges without direction carry
// undirected=true. List-valued properties (aliases, documents, evidence) are
// strings joined with ';' (an item's own ';' becomes the full-width '；').
// Empty values are left out.
#ifndef POLICYKG_EXPORTERS_GRAPHML_H_
#define POLICYKG_EXPORTERS_GRAPHML_H_

#include <string>

#include "graph/graph.h"
#include "queries/selection.h"

namespace policykg {

std::string ToGraphml(const Graph& graph, const Selection& selection);

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_GRAPHML_H_
