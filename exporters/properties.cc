#include "exporters/properties.h"

#include <charconv>
#include <set>

namespace policykg {
namespace {

std::string DoubleText(double d) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof(buf), d);
  return std::string(buf, r.ptr);
}

// Sentences of an entity's own mentions, each once, in first-seen order.
std::vector<std::string> MentionSentences(ListView<Evidence> mentions) {
  std::vector<std::string> out;
  std::set<std::string_view> seen;
  for (const Evidence& m : mentions) {
    if (!m.sentence.empty() && seen.insert(m.sentence).second) out.emplace_back(m.sentence);
  }
  return out;
}

std::vector<std::string> EvidenceSentences(ListView<Evidence> evidence) { return MentionSentences(evidence); }

std::vector<std::string> Strings(ListView<std::string_view> list) {
  return std::vector<std::string>(list.begin(), list.end());
}

}  // namespace

const std::vector<PropDef>& VertexPropDefs() {
  static const std::vector<PropDef> defs = {
      {"kind", PropType::kString},
      {"type", PropType::kString},
      {"label", PropType::kString},
      {"key", PropType::kString},
      {"name", PropType::kString, PropScope::kEntity},
      {"aliases", PropType::kStringList, PropScope::kEntity},
      {"documents", PropType::kStringList, PropScope::kEntity},
      {"mentions", PropType::kInt, PropScope::kEntity},
      {"evidence", PropType::kStringList, PropScope::kEntity},
      {"region_code", PropType::kString, PropScope::kEntity},
      {"region_level", PropType::kString, PropScope::kEntity},
      {"jurisdiction", PropType::kString, PropScope::kEntity},
      {"doc", PropType::kString, PropScope::kSource},
      {"path", PropType::kString, PropScope::kSource},
      {"title", PropType::kString, PropScope::kSource},
      {"number", PropType::kString, PropScope::kSource},
      {"issuer", PropType::kString, PropScope::kSource},
      {"date", PropType::kString, PropScope::kSource},
      {"content_hash", PropType::kString, PropScope::kSource},
      {"encoding", PropType::kString, PropScope::kSource},
      {"chars", PropType::kLong, PropScope::kSource},
  };
  return defs;
}

const std::vector<PropDef>& EdgePropDefs() {
  static const std::vector<PropDef> defs = {
      {"kind", PropType::kString},          {"type", PropType::kString},
      {"documents", PropType::kStringList}, {"evidence", PropType::kStringList},
      {"weight", PropType::kDouble},        {"from_gazetteer", PropType::kBool},
      {"undirected", PropType::kBool},
  };
  return defs;
}

std::vector<Property> VertexProperties(const Graph& g, VertexId v) {
  const VertexProps& p = g.vertex(v);
  const bool entity = p.kind == VertexKind::kEntity;
  std::vector<Property> out;
  for (const PropDef& def : VertexPropDefs()) {
    const bool applies = def.scope == PropScope::kAll ||
                         (def.scope == PropScope::kEntity) == entity;
    if (!applies) continue;
    Property prop;
    prop.def = &def;
    const std::string_view k = def.key;
    if (k == "kind") prop.text = std::string(ToString(p.kind));
    else if (k == "type") prop.text = VertexTypeName(p);
    else if (k == "label") prop.text = VertexLabel(p);
    else if (k == "key") prop.text = p.id;
    else if (k == "name") prop.text = p.name;
    else if (k == "aliases") prop.list = Strings(p.aliases);
    else if (k == "documents") prop.list = Strings(p.documents);
    else if (k == "mentions") prop.text = std::to_string(p.mentions.size());
    else if (k == "evidence") prop.list = MentionSentences(p.mentions);
    else if (k == "region_code") prop.text = p.region_code;
    else if (k == "region_level") prop.text = p.region_level;
    else if (k == "jurisdiction") prop.text = p.jurisdiction;
    else if (k == "doc") prop.text = p.source->doc;
    else if (k == "path") prop.text = p.source->path;
    else if (k == "title") prop.text = p.source->title;
    else if (k == "number") prop.text = p.source->number;
    else if (k == "issuer") prop.text = p.source->issuer;
    else if (k == "date") prop.text = p.source->date;
    else if (k == "content_hash") prop.text = p.source->content_hash;
    else if (k == "encoding") prop.text = p.source->encoding;
    else if (k == "chars") prop.text = std::to_string(p.source->chars);
    out.push_back(std::move(prop));
  }
  return out;
}

std::vector<Property> EdgeProperties(const Graph& g, EdgeId e) {
  const EdgeProps& p = g.edge(e);
  std::vector<Property> out;
  for (const PropDef& def : EdgePropDefs()) {
    Property prop;
    prop.def = &def;
    const std::string_view k = def.key;
    if (k == "kind") prop.text = std::string(ToString(p.kind));
    else if (k == "type") prop.text = EdgeTypeName(p);
    else if (k == "documents") prop.list = Strings(p.documents);
    else if (k == "evidence") prop.list = EvidenceSentences(p.evidence);
    else if (k == "weight") prop.text = DoubleText(p.weight);
    else if (k == "from_gazetteer") prop.text = p.from_gazetteer ? "true" : "false";
    else if (k == "undirected") prop.text = IsUndirected(p) ? "true" : "false";
    out.push_back(std::move(prop));
  }
  return out;
}

std::string VertexLabel(const VertexProps& p) {
  if (p.kind == VertexKind::kEntity) return std::string(p.name);
  return p.source->title.empty() ? p.source->doc : p.source->title;
}

std::string VertexTypeName(const VertexProps& p) {
  return p.kind == VertexKind::kEntity ? std::string(ToString(p.type)) : "Source";
}

std::string EdgeTypeName(const EdgeProps& p) {
  switch (p.kind) {
    case EdgeKind::kRelation: return std::string(ToString(p.rel));
    case EdgeKind::kMentions: return "MENTIONS";
    case EdgeKind::kCoMention: return "CO_MENTION";
  }
  return "?";
}

bool IsUndirected(const EdgeProps& p) {
  return p.kind == EdgeKind::kCoMention || (p.kind == EdgeKind::kRelation && IsSymmetric(p.rel));
}

std::string NodeId(VertexId v) { return "n" + std::to_string(v); }
std::string EdgeIdString(EdgeId e) { return "e" + std::to_string(e); }

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += kListSeparator;
    for (char c : items[i]) {
      if (c == kListSeparator) out += "\xEF\xBC\x9B";  // U+FF1B FULLWIDTH SEMICOLON
      else out += c;
    }
  }
  return out;
}

// Tableau 10 colours: distinguishable, and legible under black labels.
const std::vector<TypeStyle>& TypeStyles() {
  static const std::vector<TypeStyle> styles = {
      {"Region", "#4e79a7", "ellipse", "ellipse"},
      {"Agency", "#f28e2b", "box", "round-rectangle"},
      {"Institute", "#59a14f", "hexagon", "hexagon"},
      {"Enterprise", "#e15759", "diamond", "diamond"},
      {"Program", "#b07aa1", "parallelogram", "rhomboid"},
      {"Platform", "#76b7b2", "octagon", "octagon"},
      {"Document", "#edc948", "note", "tag"},
      {"Source", "#bab0ac", "folder", "rectangle"},
  };
  return styles;
}

const TypeStyle& StyleOf(std::string_view type_name) {
  for (const TypeStyle& s : TypeStyles()) {
    if (s.type == type_name) return s;
  }
  return TypeStyles().back();
}

const std::vector<RelationStyle>& RelationStyles() {
  static const std::vector<RelationStyle> styles = {
      {"LOCATED_IN", "#4e79a7", "solid", false},
      {"PART_OF", "#59a14f", "solid", false},
      {"COOPERATES_WITH", "#e15759", "bold", true},
      {"RESPONSIBLE_FOR", "#f28e2b", "solid", false},
      {"ISSUED", "#9c755f", "dashed", false},
      {"MENTIONS", "#bab0ac", "dotted", false},
      {"CO_MENTION", "#d3d3d3", "dashed", true},
  };
  return styles;
}

const RelationStyle& RelationStyleOf(std::string_view type_name) {
  for (const RelationStyle& s : RelationStyles()) {
    if (s.type == type_name) return s;
  }
  return RelationStyles().back();
}

}  // namespace policykg
