#include "exporters/cytoscape_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <set>
#include <unordered_map>

#include "exporters/properties.h"

namespace policykg {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void Key(Writer& w, std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }

void WriteScalar(Writer& w, const Property& p) {
  switch (p.def->type) {
    case PropType::kInt:
    case PropType::kLong: w.Int64(std::stoll(p.text)); break;
    case PropType::kDouble: w.Double(std::stod(p.text)); break;
    case PropType::kBool: w.Bool(p.text == "true"); break;
    default: Str(w, p.text);
  }
}

// [{"doc","sentence"}], each sentence once, at most `max` (0: all).
void WriteEvidence(Writer& w, ListView<Evidence> evidence, size_t max) {
  w.StartArray();
  std::set<std::pair<std::string, std::string>> seen;
  for (const Evidence& ev : evidence) {
    if (max != 0 && seen.size() == max) break;
    if (ev.sentence.empty() || !seen.emplace(ev.doc, ev.sentence).second) continue;
    w.StartObject();
    Key(w, "doc");
    Str(w, ev.doc);
    Key(w, "sentence");
    Str(w, ev.sentence);
    w.EndObject();
  }
  w.EndArray();
}

// The properties except "evidence", which the caller writes with its documents.
void WriteProperties(Writer& w, const std::vector<Property>& props) {
  for (const Property& p : props) {
    if (p.empty() || p.def->key == "evidence") continue;
    Key(w, p.def->key);
    if (p.def->type != PropType::kStringList) {
      WriteScalar(w, p);
      continue;
    }
    w.StartArray();
    for (const std::string& item : p.list) Str(w, item);
    w.EndArray();
  }
}

void WriteStyles(Writer& w, const std::string& title) {
  Key(w, "policykg");
  w.StartObject();
  Key(w, "title");
  Str(w, title);
  Key(w, "types");
  w.StartArray();
  for (const TypeStyle& s : TypeStyles()) {
    w.StartObject();
    Key(w, "type");
    Str(w, s.type);
    Key(w, "colour");
    Str(w, s.colour);
    Key(w, "shape");
    Str(w, s.cy_shape);
    w.EndObject();
  }
  w.EndArray();
  Key(w, "relations");
  w.StartArray();
  for (const RelationStyle& s : RelationStyles()) {
    w.StartObject();
    Key(w, "type");
    Str(w, s.type);
    Key(w, "colour");
    Str(w, s.colour);
    Key(w, "style");
    Str(w, s.dot_style == "dotted" ? "dotted" : s.dot_style == "dashed" ? "dashed" : "solid");
    Key(w, "undirected");
    w.Bool(s.undirected);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::string EscapeLessThan(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else out += c;
  }
  return out;
}

}  // namespace

std::string ToCytoscapeJson(const Graph& g, const Selection& s, const CytoscapeJsonOptions& o) {
  std::unordered_map<VertexId, int64_t> degree;
  for (EdgeId e : s.edges) {
    ++degree[g.source(e)];
    ++degree[g.target(e)];
  }
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  if (o.with_styles) WriteStyles(w, o.title);
  Key(w, "elements");
  w.StartObject();
  Key(w, "nodes");
  w.StartArray();
  for (VertexId v : s.vertices) {
    w.StartObject();
    Key(w, "data");
    w.StartObject();
    Key(w, "id");
    Str(w, NodeId(v));
    Key(w, "degree");
    w.Int64(degree[v]);
    WriteProperties(w, VertexProperties(g, v));
    if (g.vertex(v).kind == VertexKind::kEntity) {
      Key(w, "evidence");
      WriteEvidence(w, g.vertex(v).mentions, o.max_evidence);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  Key(w, "edges");
  w.StartArray();
  for (EdgeId e : s.edges) {
    w.StartObject();
    Key(w, "data");
    w.StartObject();
    Key(w, "id");
    Str(w, EdgeIdString(e));
    Key(w, "source");
    Str(w, NodeId(g.source(e)));
    Key(w, "target");
    Str(w, NodeId(g.target(e)));
    WriteProperties(w, EdgeProperties(g, e));
    Key(w, "evidence");
    WriteEvidence(w, g.edge(e).evidence, o.max_evidence);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  std::string json(buffer.GetString(), buffer.GetSize());
  return o.html_safe ? EscapeLessThan(json) : json;
}

}  // namespace policykg
