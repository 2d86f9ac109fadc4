// The HTML network view: ONE self-contained page that works offline. It holds
// Cytoscape.js (read at export time from the file the build found, its MIT
// licence kept as a comment), the page's own template, CSS and script
// (exporters/html_view/, embedded in the binary at build time) and the
// selection as Cytoscape JSON in a <script type="application/json"> block
// with every '<' escaped, so no name can close the element.
//
// The page draws the network with a cose layout computed in the browser,
// colours and shapes by type with a legend, offers zoom and pan, a search box
// (name or alias: selects and centres the entity), a card on click (type,
// aliases, documents, evidence sentences, relations) and a checkbox per type
// that hides or shows its nodes. It exposes window.cy for scripting.
#ifndef POLICYKG_EXPORTERS_HTML_VIEW_H_
#define POLICYKG_EXPORTERS_HTML_VIEW_H_

#include <cstddef>
#include <string>

#include "base/status.h"
#include "graph/graph.h"
#include "queries/selection.h"

namespace policykg {

struct HtmlViewOptions {
  std::string title = "policykg";
  // cytoscape.min.js to inline. Empty: $POLICYKG_CYTOSCAPE_JS if set, else
  // the path found at build time (node_modules/cytoscape/dist/).
  std::string cytoscape_js;
  size_t max_evidence = 30;  // evidence sentences per element in the page
};

// The file that ToHtmlView would read for these options.
std::string CytoscapeJsPath(const std::string& requested);

// Fails with NotFound (naming the path and how to get the file) when
// Cytoscape.js is missing.
Result<std::string> ToHtmlView(const Graph& graph, const Selection& selection,
                               const HtmlViewOptions& options);

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_HTML_VIEW_H_
