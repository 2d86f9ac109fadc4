#include "exporters/neo4j_rows.h"

#include <map>
#include <set>
#include <tuple>
#include <utility>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "exporters/neo4j_cypher.h"
#include "graph/graph.h"

namespace policykg {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void KeyStr(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  Str(w, value);
}

// Empty strings are left out: Neo4j has no use for them and `n += props`
// then leaves nothing stale behind that a later build could not overwrite.
void KeyStrIfAny(Writer& w, const char* key, std::string_view value) {
  if (!value.empty()) KeyStr(w, key, value);
}

template <typename List>  // of std::string or std::string_view
void KeyList(Writer& w, const char* key, const List& values) {
  w.Key(key);
  w.StartArray();
  for (std::string_view v : values) Str(w, v);
  w.EndArray();
}

std::string LabelOf(const VertexProps& v) {
  if (v.kind == VertexKind::kSource) return std::string(kNeo4jSourceLabel);
  return std::string(ToString(v.type));
}

std::string NodeRow(const VertexProps& v) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  KeyStr(w, "id", v.id);
  w.Key("props");
  w.StartObject();
  KeyStr(w, "id", v.id);
  if (v.kind == VertexKind::kSource) {
    const SourceProps& s = *v.source;
    KeyStr(w, "name", s.title.empty() ? s.doc : s.title);
    KeyStr(w, "doc", s.doc);
    KeyStrIfAny(w, "title", s.title);
    KeyStrIfAny(w, "number", s.number);
    KeyStrIfAny(w, "issuer", s.issuer);
    KeyStrIfAny(w, "date", s.date);
    KeyStrIfAny(w, "hash", s.content_hash);
    KeyStrIfAny(w, "encoding", s.encoding);
    KeyStrIfAny(w, "jurisdiction", v.jurisdiction);
    w.Key("chars");
    w.Int64(s.chars);
  } else {
    KeyStr(w, "name", v.name);
    KeyStr(w, "type", std::string(ToString(v.type)));
    KeyList(w, "aliases", v.aliases);
    KeyList(w, "documents", v.documents);
    w.Key("mentions");
    w.Uint64(v.mentions.size());
    KeyStrIfAny(w, "region_code", v.region_code);
    KeyStrIfAny(w, "region_level", v.region_level);
    KeyStrIfAny(w, "jurisdiction", v.jurisdiction);
  }
  w.EndObject();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

// Keeps first-seen order while dropping repeats.
class OrderedSet {
 public:
  void Add(std::string_view s) {
    if (!s.empty() && seen_.emplace(s).second) items_.emplace_back(s);
  }
  const std::vector<std::string>& items() const { return items_; }

 private:
  std::set<std::string> seen_;
  std::vector<std::string> items_;
};

struct RelAgg {
  OrderedSet documents;
  OrderedSet evidence;
  double weight = 0;
  bool from_gazetteer = false;
};

using GroupKey = std::tuple<std::string, std::string, std::string>;  // type, from, to label
using PairKey = std::pair<std::string, std::string>;                 // from id, to id

std::string RelationshipRow(const PairKey& ends, const RelAgg& agg) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  KeyStr(w, "from", ends.first);
  KeyStr(w, "to", ends.second);
  w.Key("props");
  w.StartObject();
  KeyList(w, "documents", agg.documents.items());
  KeyList(w, "evidence", agg.evidence.items());
  w.Key("weight");
  w.Double(agg.weight);
  w.Key("from_gazetteer");
  w.Bool(agg.from_gazetteer);
  w.EndObject();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace

size_t Neo4jRows::num_nodes() const {
  size_t n = 0;
  for (const Neo4jRowGroup& g : node_groups) n += g.rows.size();
  return n;
}

size_t Neo4jRows::num_relationships() const {
  size_t n = 0;
  for (const Neo4jRowGroup& g : relationship_groups) n += g.rows.size();
  return n;
}

Neo4jRows CollectNeo4jRows(const Graph& graph) {
  std::map<std::string, Neo4jRowGroup> nodes;  // by label
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    const VertexProps& props = graph.vertex(v);
    const std::string label = LabelOf(props);
    Neo4jRowGroup& group = nodes[label];
    group.label = label;
    group.rows.push_back(NodeRow(props));
  }

  std::map<GroupKey, std::map<PairKey, RelAgg>> rels;
  for (EdgeId e = 0; e < graph.num_edges(); ++e) {
    const EdgeProps& edge = graph.edge(e);
    if (edge.kind == EdgeKind::kCoMention) continue;
    const VertexProps* from = &graph.vertex(graph.source(e));
    const VertexProps* to = &graph.vertex(graph.target(e));
    std::string type;
    if (edge.kind == EdgeKind::kMentions) {
      type = std::string(kNeo4jMentionsType);
      if (to->kind == VertexKind::kSource) std::swap(from, to);  // always Source -> entity
    } else {
      type = std::string(ToString(edge.rel));
    }
    RelAgg& agg = rels[GroupKey{type, LabelOf(*from), LabelOf(*to)}][PairKey{std::string(from->id), std::string(to->id)}];
    for (std::string_view d : edge.documents) agg.documents.Add(d);
    for (const Evidence& ev : edge.evidence) {
      agg.documents.Add(ev.doc);
      agg.evidence.Add(ev.sentence);
    }
    agg.weight += edge.weight;
    agg.from_gazetteer = agg.from_gazetteer || edge.from_gazetteer;
  }

  Neo4jRows out;
  for (auto& [label, group] : nodes) out.node_groups.push_back(std::move(group));
  for (const auto& [key, pairs] : rels) {
    Neo4jRowGroup group;
    group.relationship = true;
    std::tie(group.type, group.from_label, group.to_label) = key;
    group.rows.reserve(pairs.size());
    group.ends.reserve(pairs.size());
    for (const auto& [ends, agg] : pairs) {
      group.rows.push_back(RelationshipRow(ends, agg));
      group.ends.push_back(ends);
    }
    out.relationship_groups.push_back(std::move(group));
  }
  return out;
}

}  // namespace policykg
