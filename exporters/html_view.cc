#include "exporters/html_view.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "base/file.h"
#include "exporters/cytoscape_json.h"
#include "exporters/html_view_assets.h"
#include "exporters/xml_escape.h"

#ifndef POLICYKG_CYTOSCAPE_JS_DEFAULT
#define POLICYKG_CYTOSCAPE_JS_DEFAULT "node_modules/cytoscape/dist/cytoscape.min.js"
#endif

namespace policykg {
namespace {

// Replaces each @@NAME@@ marker of the template in one pass, so text that is
// put in (names in the data, say) is never itself searched for markers.
Result<std::string> FillTemplate(const std::string& page,
                                 const std::map<std::string, std::string>& values) {
  std::string out;
  size_t pos = 0;
  while (true) {
    const size_t open = page.find("@@", pos);
    if (open == std::string::npos) break;
    const size_t close = page.find("@@", open + 2);
    if (close == std::string::npos) break;
    const std::string name = page.substr(open + 2, close - open - 2);
    const auto it = values.find(name);
    if (it == values.end()) return Status::InvalidArgument("html view template: unknown marker " + name);
    out.append(page, pos, open - pos);
    out += it->second;
    pos = close + 2;
  }
  out.append(page, pos, std::string::npos);
  return out;
}

// Inline scripts end at the first "</script", in any case: written as
// "<\/script", which means the same inside JavaScript strings, regular
// expressions and comments (the only places it can occur).
std::string ScriptSafe(const std::string& js) {
  std::string out;
  out.reserve(js.size());
  for (size_t i = 0; i < js.size(); ++i) {
    if (js[i] == '<' && i + 1 < js.size() && js[i + 1] == '/' && i + 8 <= js.size()) {
      std::string word = js.substr(i + 2, 6);
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (word == "script") {
        out += "<\\/";
        ++i;
        continue;
      }
    }
    out += js[i];
  }
  return out;
}

// Text for inside an HTML comment: "--" may not appear there.
std::string CommentSafe(std::string text) {
  for (size_t p = text.find("--"); p != std::string::npos; p = text.find("--", p)) {
    text.replace(p, 2, "- -");
  }
  return text;
}

// The licence file of the npm package (dist/../LICENSE), if it is there.
std::string LicenceText(const std::string& js_path) {
  const std::filesystem::path licence =
      std::filesystem::path(js_path).parent_path().parent_path() / "LICENSE";
  Result<std::string> text = ReadFile(licence.string());
  if (!text.ok()) return "Cytoscape.js is MIT-licensed; its licence header opens the script below.";
  return *text;
}

}  // namespace

std::string CytoscapeJsPath(const std::string& requested) {
  if (!requested.empty()) return requested;
  const char* env = std::getenv("POLICYKG_CYTOSCAPE_JS");
  if (env != nullptr && *env != '\0') return env;
  return POLICYKG_CYTOSCAPE_JS_DEFAULT;
}

Result<std::string> ToHtmlView(const Graph& g, const Selection& s, const HtmlViewOptions& o) {
  const std::string js_path = CytoscapeJsPath(o.cytoscape_js);
  Result<std::string> cytoscape = ReadFile(js_path);
  if (!cytoscape.ok()) {
    return Status::NotFound("Cytoscape.js not found at " + js_path +
                            " (run `npm install` in the source tree, or point "
                            "POLICYKG_CYTOSCAPE_JS / --cytoscape-js at cytoscape.min.js)");
  }
  CytoscapeJsonOptions json;
  json.max_evidence = o.max_evidence;
  json.with_styles = true;
  json.title = o.title;
  json.html_safe = true;
  const std::map<std::string, std::string> values = {
      {"TITLE", XmlEscape(o.title)},
      {"LICENSE", CommentSafe(LicenceText(js_path))},
      {"STYLE", kHtmlViewCss},
      {"DATA", ToCytoscapeJson(g, s, json)},
      {"CYTOSCAPE", ScriptSafe(*cytoscape)},
      {"VIEW_JS", ScriptSafe(kHtmlViewJs)},
  };
  return FillTemplate(kHtmlViewPage, values);
}

}  // namespace policykg
