#include "exporters/file_export.h"

#include "base/file.h"
#include "exporters/csv.h"
#include "exporters/cytoscape_json.h"
#include "exporters/graphml.h"
#include "exporters/graphviz.h"
#include "exporters/html_view.h"

namespace policykg {
namespace {

std::string Counts(const Selection& s) {
  return std::to_string(s.vertices.size()) + " nodes, " + std::to_string(s.edges.size()) + " edges";
}

Result<std::vector<std::string>> Written(Status st, const std::string& what) {
  if (!st.ok()) return st;
  return std::vector<std::string>{what};
}

}  // namespace

std::string_view ToString(FileFormat f) {
  switch (f) {
    case FileFormat::kGraphml: return "graphml";
    case FileFormat::kDot: return "dot";
    case FileFormat::kSvg: return "svg";
    case FileFormat::kCsv: return "csv";
    case FileFormat::kJson: return "json";
    case FileFormat::kHtml: return "html";
  }
  return "?";
}

std::optional<FileFormat> ParseFileFormat(std::string_view name) {
  for (FileFormat f : kAllFileFormats) {
    if (ToString(f) == name) return f;
  }
  return std::nullopt;
}

bool IsPicture(FileFormat f) {
  return f == FileFormat::kDot || f == FileFormat::kSvg || f == FileFormat::kHtml;
}

Result<std::vector<std::string>> ExportToFile(const Graph& g, const Selection& s, FileFormat format,
                                              const FileExportOptions& o) {
  const std::string summary = o.output + " (" + Counts(s) + ")";
  switch (format) {
    case FileFormat::kGraphml:
      return Written(WriteFileAtomic(o.output, ToGraphml(g, s)), summary);
    case FileFormat::kDot:
      return Written(WriteFileAtomic(o.output, ToDot(g, s, o.title)), summary);
    case FileFormat::kJson:
      return Written(WriteFileAtomic(o.output, ToCytoscapeJson(g, s) + "\n"), summary);
    case FileFormat::kSvg: {
      const std::string program = o.layout.empty() ? ChooseLayoutProgram(s.vertices.size()) : o.layout;
      return Written(RenderSvg(ToDot(g, s, o.title), program, o.output),
                     summary + ", laid out by " + program);
    }
    case FileFormat::kHtml: {
      HtmlViewOptions html;
      if (!o.title.empty()) html.title = o.title;
      html.cytoscape_js = o.cytoscape_js;
      Result<std::string> page = ToHtmlView(g, s, html);
      if (!page.ok()) return page.status();
      return Written(WriteFileAtomic(o.output, *page), summary);
    }
    case FileFormat::kCsv: {
      const std::vector<CsvFile> files = ToImportCsv(g, s);
      POLICYKG_RETURN_IF_ERROR(WriteCsvDirectory(files, o.output));
      std::vector<std::string> lines;
      for (const CsvFile& f : files) {
        lines.push_back(o.output + "/" + f.name + " (" + std::to_string(f.rows) + " rows)");
      }
      lines.push_back("import into Neo4j 5: " + ImportCommand(files, o.output, 5));
      lines.push_back("import into Neo4j 3.x/4.x: " + ImportCommand(files, o.output, 4));
      return lines;
    }
  }
  return Status::InvalidArgument("unknown format");
}

}  // namespace policykg
