// Export of a selected sub-graph to a file format: the entry point of
// `policykg export FORMAT` for every format except neo4j (exporters/neo4j*).
// Each format's contract is in its own header: graphml.h, graphviz.h (dot,
// svg), csv.h, cytoscape_json.h (json), html_view.h (html).
#ifndef POLICYKG_EXPORTERS_FILE_EXPORT_H_
#define POLICYKG_EXPORTERS_FILE_EXPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/graph.h"
#include "queries/selection.h"

namespace policykg {

enum class FileFormat { kGraphml, kDot, kSvg, kCsv, kJson, kHtml };
inline constexpr FileFormat kAllFileFormats[] = {FileFormat::kGraphml, FileFormat::kDot,
                                                 FileFormat::kSvg,     FileFormat::kCsv,
                                                 FileFormat::kJson,    FileFormat::kHtml};
std::string_view ToString(FileFormat f);  // "graphml", "dot", ...
std::optional<FileFormat> ParseFileFormat(std::string_view name);
// Pictures (dot, svg, html) leave source-document vertices out unless asked:
// they would crowd the network; data formats keep them.
bool IsPicture(FileFormat f);

struct FileExportOptions {
  std::string output;        // a file; for csv a directory
  std::string title;         // shown by dot, svg and html
  std::string layout;        // svg: "dot", "sfdp", or empty to choose by size
  std::string cytoscape_js;  // html: see HtmlViewOptions::cytoscape_js
};

// Writes the selection and returns lines telling what was written.
Result<std::vector<std::string>> ExportToFile(const Graph& graph, const Selection& selection,
                                              FileFormat format, const FileExportOptions& options);

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_FILE_EXPORT_H_
