#include "exporters/graphml.h"

#include "exporters/properties.h"
#include "exporters/xml_escape.h"

namespace policykg {
namespace {

std::string_view GraphmlType(PropType t) {
  switch (t) {
    case PropType::kString:
    case PropType::kStringList: return "string";
    case PropType::kInt: return "int";
    case PropType::kLong: return "long";
    case PropType::kDouble: return "double";
    case PropType::kBool: return "int";  // 0 or 1: see graphml.h
  }
  return "string";
}

// Key ids are prefixed by domain because nodes and edges share names ("type").
void DeclareKeys(const std::vector<PropDef>& defs, std::string_view domain, std::string* out) {
  for (const PropDef& d : defs) {
    *out += "  <key id=\"";
    *out += domain.substr(0, 1);
    *out += "_";
    *out += d.key;
    *out += "\" for=\"";
    *out += domain;
    *out += "\" attr.name=\"";
    *out += d.key;
    *out += "\" attr.type=\"";
    *out += GraphmlType(d.type);
    *out += "\"/>\n";
  }
}

void WriteData(const std::vector<Property>& props, char prefix, std::string* out) {
  for (const Property& p : props) {
    if (p.empty()) continue;
    std::string value = p.def->type == PropType::kStringList ? JoinList(p.list) : p.text;
    if (p.def->type == PropType::kBool) value = p.text == "true" ? "1" : "0";
    *out += "      <data key=\"";
    *out += prefix;
    *out += "_";
    *out += p.def->key;
    *out += "\">";
    *out += XmlEscape(value);
    *out += "</data>\n";
  }
}

}  // namespace

std::string ToGraphml(const Graph& g, const Selection& s) {
  std::string out;
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <!-- policykg knowledge graph. List-valued properties (aliases, documents,\n"
      "       evidence) are joined with ';'; an item's own ';' is written as the\n"
      "       full-width character. -->\n";
  DeclareKeys(VertexPropDefs(), "node", &out);
  DeclareKeys(EdgePropDefs(), "edge", &out);
  out += "  <graph id=\"policykg\" edgedefault=\"directed\">\n";
  for (VertexId v : s.vertices) {
    out += "    <node id=\"" + NodeId(v) + "\">\n";
    WriteData(VertexProperties(g, v), 'n', &out);
    out += "    </node>\n";
  }
  for (EdgeId e : s.edges) {
    out += "    <edge id=\"" + EdgeIdString(e) + "\" source=\"" + NodeId(g.source(e)) +
           "\" target=\"" + NodeId(g.target(e)) + "\">\n";
    WriteData(EdgeProperties(g, e), 'e', &out);
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace policykg
