#include "queries/render.h"

#include <cstdio>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "base/utf8.h"

namespace policykg {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void KeyStr(Writer& w, const char* k, std::string_view s) {
  w.Key(k);
  Str(w, s);
}

std::string Done(rapidjson::StringBuffer& buf) { return std::string(buf.GetString(), buf.GetSize()) + "\n"; }

void NameType(Writer& w, const VertexProps& p) {
  KeyStr(w, "name", p.name);
  KeyStr(w, "type", p.kind == VertexKind::kSource ? "Source" : ToString(p.type));
}

std::string TypeName(const VertexProps& p) {
  return std::string(p.kind == VertexKind::kSource ? "Source" : ToString(p.type));
}

std::string Number(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, d == static_cast<double>(static_cast<long long>(d)) ? "%.0f" : "%.4g", d);
  return buf;
}

std::string Join(ListView<std::string_view> v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) (out += i ? sep : "") += v[i];
  return out;
}

// An aligned text table.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : rows_{std::move(header)} {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string Render() const {
    std::vector<size_t> width;
    for (const auto& r : rows_) {
      width.resize(std::max(width.size(), r.size()), 0);
      for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], DisplayWidth(r[i]));
    }
    std::string out;
    for (size_t n = 0; n < rows_.size(); ++n) {
      const auto& r = rows_[n];
      std::string line;
      for (size_t i = 0; i < r.size(); ++i) {
        line += r[i];
        if (i + 1 < r.size()) line += std::string(width[i] - DisplayWidth(r[i]) + 2, ' ');
      }
      out += line + "\n";
    }
    if (rows_.size() == 1) out += "(none)\n";
    return out;
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

// The edge that reached a vertex, as "RELATION <- parent" or "RELATION -> parent".
std::string Via(const Graph& g, const Reached& r) {
  const EdgeProps& e = g.edge(r.via);
  const bool vertex_is_source = g.source(r.via) == r.vertex;
  return EdgeLabel(e) + (vertex_is_source ? " -> " : " <- ") + std::string(g.vertex(r.parent).name);
}

std::string RenderReached(const Graph& g, const std::vector<Reached>& found, Format f) {
  if (f == Format::kJson) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartArray();
    for (const Reached& r : found) {
      w.StartObject();
      NameType(w, g.vertex(r.vertex));
      KeyStr(w, "id", g.vertex(r.vertex).id);
      w.Key("distance");
      w.Int(r.distance);
      KeyStr(w, "relation", EdgeLabel(g.edge(r.via)));
      KeyStr(w, "direction", g.source(r.via) == r.vertex ? "out" : "in");
      KeyStr(w, "via", g.vertex(r.parent).name);
      w.EndObject();
    }
    w.EndArray();
    return Done(buf);
  }
  Table t({"NAME", "TYPE", "DISTANCE", "VIA"});
  for (const Reached& r : found) {
    t.Add({std::string(g.vertex(r.vertex).name), TypeName(g.vertex(r.vertex)), std::to_string(r.distance), Via(g, r)});
  }
  return t.Render();
}

}  // namespace

std::string EdgeLabel(const EdgeProps& e) {
  switch (e.kind) {
    case EdgeKind::kRelation: return std::string(ToString(e.rel));
    case EdgeKind::kCoMention: return "CO_MENTION";
    case EdgeKind::kMentions: return "MENTIONS";
  }
  return "?";
}

size_t DisplayWidth(std::string_view utf8) {
  size_t w = 0;
  for (char32_t c : Utf8ToU32(utf8)) {
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    w += wide ? 2 : 1;
  }
  return w;
}

std::string RenderFind(const Graph& g, const std::vector<VertexId>& found, Format f) {
  if (f == Format::kJson) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartArray();
    for (VertexId v : found) {
      const VertexProps& p = g.vertex(v);
      w.StartObject();
      NameType(w, p);
      KeyStr(w, "id", p.id);
      w.Key("aliases");
      w.StartArray();
      for (std::string_view a : p.aliases) Str(w, a);
      w.EndArray();
      w.Key("documents");
      w.Uint64(p.documents.size());
      w.EndObject();
    }
    w.EndArray();
    return Done(buf);
  }
  Table t({"NAME", "TYPE", "DOCS", "ALIASES"});
  for (VertexId v : found) {
    const VertexProps& p = g.vertex(v);
    t.Add({std::string(p.name), TypeName(p), std::to_string(p.documents.size()), Join(p.aliases, "、")});
  }
  return t.Render();
}

std::string RenderCard(const Graph& g, const Card& card, Format f) {
  const VertexProps& p = g.vertex(card.vertex);
  if (f == Format::kJson) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    NameType(w, p);
    KeyStr(w, "id", p.id);
    w.Key("aliases");
    w.StartArray();
    for (std::string_view a : p.aliases) Str(w, a);
    w.EndArray();
    w.Key("documents");
    w.StartArray();
    for (std::string_view d : p.documents) Str(w, d);
    w.EndArray();
    w.Key("mentions");
    w.Uint64(p.mentions.size());
    if (!p.region_code.empty()) KeyStr(w, "region_code", p.region_code);
    if (!p.region_level.empty()) KeyStr(w, "region_level", p.region_level);
    if (!p.jurisdiction.empty()) KeyStr(w, "jurisdiction", p.jurisdiction);
    w.Key("relations");
    w.StartArray();
    for (const Incident& i : card.relations) {
      const EdgeProps& e = g.edge(i.edge);
      w.StartObject();
      KeyStr(w, "relation", EdgeLabel(e));
      KeyStr(w, "direction", i.outgoing ? "out" : "in");
      NameType(w, g.vertex(i.other));
      w.Key("weight");
      w.Double(e.weight);
      w.Key("from_gazetteer");
      w.Bool(e.from_gazetteer);
      w.Key("documents");
      w.StartArray();
      for (std::string_view d : e.documents) Str(w, d);
      w.EndArray();
      w.Key("evidence");
      w.StartArray();
      for (const Evidence& ev : e.evidence) {
        w.StartObject();
        KeyStr(w, "doc", ev.doc);
        w.Key("start");
        w.Int(ev.span.start);
        w.Key("end");
        w.Int(ev.span.end);
        KeyStr(w, "sentence", ev.sentence);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.Key("co_mentions");
    w.Uint64(card.co_mentions);
    w.EndObject();
    return Done(buf);
  }
  std::string out = std::string(p.name) + "  (" + TypeName(p) + ")\n";
  out += "  id:           " + std::string(p.id) + "\n";
  if (!p.aliases.empty()) out += "  aliases:      " + Join(p.aliases, "、") + "\n";
  if (!p.region_code.empty()) out += "  region:       " + std::string(p.region_code) + " (" + std::string(p.region_level) + ")\n";
  if (!p.jurisdiction.empty()) out += "  jurisdiction: " + std::string(p.jurisdiction) + "\n";
  out += "  documents:    " + std::to_string(p.documents.size()) +
         (p.documents.empty() ? "" : " (" + Join(p.documents, ", ") + ")") + "\n";
  out += "  mentions:     " + std::to_string(p.mentions.size()) + "\n";
  if (card.co_mentions) out += "  co-mentioned: with " + std::to_string(card.co_mentions) + " entities\n";
  out += "relations (" + std::to_string(card.relations.size()) + "):\n";
  for (const Incident& i : card.relations) {
    const EdgeProps& e = g.edge(i.edge);
    const VertexProps& o = g.vertex(i.other);
    out += std::string("  ") + (i.outgoing ? "-[" : "<-[") + EdgeLabel(e) + (i.outgoing ? "]-> " : "]- ") +
           std::string(o.name) + " (" + TypeName(o) + ")";
    if (e.weight > 1) out += "  x" + Number(e.weight);
    if (e.from_gazetteer) out += "  [gazetteer]";
    out += "\n";
    for (const Evidence& ev : e.evidence) out += "      " + std::string(ev.doc) + ": " + std::string(ev.sentence) + "\n";
  }
  return out;
}

std::string RenderNeighbors(const Graph& g, const std::vector<Reached>& found, Format f) {
  return RenderReached(g, found, f);
}

std::string RenderInRegion(const Graph& g, const std::vector<Reached>& found, Format f) {
  return RenderReached(g, found, f);
}

std::string RenderPath(const Graph& g, const Path& path, Format f) {
  if (f == Format::kJson) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    w.Key("nodes");
    w.StartArray();
    for (VertexId v : path.nodes) {
      w.StartObject();
      NameType(w, g.vertex(v));
      KeyStr(w, "id", g.vertex(v).id);
      w.EndObject();
    }
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    for (EdgeId id : path.edges) {
      const EdgeProps& e = g.edge(id);
      w.StartObject();
      KeyStr(w, "from", g.vertex(g.source(id)).name);
      KeyStr(w, "to", g.vertex(g.target(id)).name);
      KeyStr(w, "relation", EdgeLabel(e));
      w.Key("weight");
      w.Double(e.weight);
      w.Key("from_gazetteer");
      w.Bool(e.from_gazetteer);
      if (!e.evidence.empty()) {
        KeyStr(w, "doc", e.evidence.front().doc);
        KeyStr(w, "sentence", e.evidence.front().sentence);
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return Done(buf);
  }
  std::string out;
  for (size_t i = 0; i < path.nodes.size(); ++i) {
    const VertexProps& p = g.vertex(path.nodes[i]);
    out += std::string(p.name) + " (" + TypeName(p) + ")\n";
    if (i >= path.edges.size()) break;
    const EdgeId id = path.edges[i];
    const EdgeProps& e = g.edge(id);
    const bool forward = g.source(id) == path.nodes[i];
    out += std::string("  ") + (forward ? "-[" : "<-[") + EdgeLabel(e) + (forward ? "]->" : "]-");
    if (e.from_gazetteer) out += "  [gazetteer]";
    if (!e.evidence.empty()) out += "  " + std::string(e.evidence.front().doc) + ": " + std::string(e.evidence.front().sentence);
    out += "\n";
  }
  return out;
}

std::string RenderTop(const Graph& g, const std::vector<Scored>& top, Format f) {
  if (f == Format::kJson) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartArray();
    for (const Scored& s : top) {
      w.StartObject();
      NameType(w, g.vertex(s.vertex));
      KeyStr(w, "id", g.vertex(s.vertex).id);
      w.Key("score");
      w.Double(s.score);
      w.EndObject();
    }
    w.EndArray();
    return Done(buf);
  }
  Table t({"RANK", "NAME", "TYPE", "SCORE"});
  for (size_t i = 0; i < top.size(); ++i) {
    const VertexProps& p = g.vertex(top[i].vertex);
    t.Add({std::to_string(i + 1), std::string(p.name), TypeName(p), Number(top[i].score)});
  }
  return t.Render();
}

std::string RenderCommunities(const Graph& g, const std::vector<Community>& groups, Format f) {
  if (f == Format::kJson) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartArray();
    for (const Community& c : groups) {
      for (VertexId v : c.members) {
        w.StartObject();
        NameType(w, g.vertex(v));
        KeyStr(w, "id", g.vertex(v).id);
        w.Key("community");
        w.Uint(c.id);
        w.Key("size");
        w.Uint64(c.members.size());
        w.EndObject();
      }
    }
    w.EndArray();
    return Done(buf);
  }
  std::string out;
  for (const Community& c : groups) {
    out += "community " + std::to_string(c.id) + " (" + std::to_string(c.members.size()) + "):\n";
    for (VertexId v : c.members) out += "  " + std::string(g.vertex(v).name) + " (" + TypeName(g.vertex(v)) + ")\n";
  }
  if (groups.empty()) out = "(none)\n";
  return out;
}

std::string RenderStats(const Stats& s, Format f) {
  if (f == Format::kJson) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    const std::pair<const char*, size_t> counts[] = {
        {"entities", s.entities},          {"relations", s.relations},     {"documents", s.documents},
        {"components", s.components},      {"from_gazetteer", s.from_gazetteer},
        {"co_mentions", s.co_mentions},    {"mentions", s.mentions}};
    for (const auto& [k, n] : counts) {
      w.Key(k);
      w.Uint64(n);
    }
    for (const auto& [key, m] : {std::pair{"by_type", &s.by_type}, std::pair{"by_relation", &s.by_relation}}) {
      w.Key(key);
      w.StartObject();
      for (const auto& [k, n] : *m) {
        Str(w, k);
        w.Uint64(n);
      }
      w.EndObject();
    }
    w.EndObject();
    return Done(buf);
  }
  std::string out;
  out += "documents   " + std::to_string(s.documents) + "\n";
  out += "entities    " + std::to_string(s.entities) + "\n";
  for (const auto& [k, n] : s.by_type) out += "  " + k + std::string(12 - std::min<size_t>(12, k.size()), ' ') + std::to_string(n) + "\n";
  out += "relations   " + std::to_string(s.relations) + " (" + std::to_string(s.from_gazetteer) + " from the gazetteer)\n";
  for (const auto& [k, n] : s.by_relation) out += "  " + k + std::string(17 - std::min<size_t>(17, k.size()), ' ') + std::to_string(n) + "\n";
  out += "co-mentions " + std::to_string(s.co_mentions) + "\n";
  out += "components  " + std::to_string(s.components) + "\n";
  return out;
}

}  // namespace policykg
