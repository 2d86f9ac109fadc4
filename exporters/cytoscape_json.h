// Cytoscape.js elements JSON: {"elements":{"nodes":[{"data":{...}}],
// "edges":[{"data":{...}}]}}, loadable with cy.add(json.elements) or
// cy.json(json), and by Cytoscape desktop's "Cytoscape.js JSON" import.
//
// Contract: node data carries id ("n<vertex id>"), label, kind, type, key,
// degree (within the selection) and every other property of
// exporters/properties.h with its JSON type (lists as arrays; evidence as
// [{"doc","sentence"}]); empty strings and lists are left out. Edge data
// carries id ("e<edge id>"), source, target and the edge properties.
#ifndef POLICYKG_EXPORTERS_CYTOSCAPE_JSON_H_
#define POLICYKG_EXPORTERS_CYTOSCAPE_JSON_H_

#include <cstddef>
#include <string>

#include "graph/graph.h"
#include "queries/selection.h"

namespace policykg {

struct CytoscapeJsonOptions {
  // At most this many evidence sentences per element (0: all). The HTML view
  // caps them to keep the page small.
  size_t max_evidence = 0;
  // Adds {"policykg":{"title","types":[...],"relations":[...]}}: the colours
  // and shapes of exporters/properties.cc, for the HTML view.
  bool with_styles = false;
  std::string title;
  // Writes every '<' as \u003c so that the text can sit inside an HTML
  // <script> element without a "</script>" or "<!--" breaking out.
  bool html_safe = false;
};

std::string ToCytoscapeJson(const Graph& graph, const Selection& selection,
                            const CytoscapeJsonOptions& options = {});

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_CYTOSCAPE_JSON_H_
