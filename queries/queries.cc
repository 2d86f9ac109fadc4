#include "queries/queries.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "base/utf8.h"
#include "queries/suggest.h"

namespace policykg {
namespace {

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string Describe(const Graph& g, VertexId v) {
  const VertexProps& p = g.vertex(v);
  return std::string(p.name) + " (" + std::string(ToString(p.type)) + ")";
}

// "Type:name" or "Type:name@code": the entity with that id.
std::optional<VertexId> FindById(const Graph& g, std::string_view id) {
  const size_t colon = id.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto type = ParseEntityType(id.substr(0, colon));
  if (!type) return std::nullopt;
  std::string_view name = id.substr(colon + 1);
  name = name.substr(0, name.find('@'));
  for (VertexId v : g.FindByName(name, type)) {
    if (g.vertex(v).id == id) return v;
  }
  return std::nullopt;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

size_t Degree(const Graph& g, VertexId v, const EdgeFilter& f) {
  size_t n = 0;
  g.ForEachIncident(v, [&](const Incident& i) { n += f.Accepts(g.edge(i.edge)) ? 1 : 0; });
  return n;
}

EdgeFilter Relations(bool co_mentions) {
  EdgeFilter f;
  f.co_mentions = co_mentions;
  return f;
}

}  // namespace

Result<VertexId> ResolveEntity(const Graph& g, std::string_view name, std::optional<EntityType> type) {
  std::vector<VertexId> found = g.FindByName(name, type);
  if (found.empty()) {
    if (const auto v = FindById(g, name)) return *v;
  }
  if (found.size() == 1) return found.front();
  if (found.size() > 1) {
    // A canonical name beats an alias that happens to match another entity.
    std::vector<VertexId> exact;
    for (VertexId v : found) {
      if (g.vertex(v).name == name) exact.push_back(v);
    }
    if (exact.size() == 1) return exact.front();
    std::string msg = Quote(name) + " names " + std::to_string(found.size()) + " entities; give one of their ids:";
    for (VertexId v : found) {
      const VertexProps& p = g.vertex(v);
      msg += " " + std::string(p.id);
      if (!p.region_code.empty()) msg += " (" + std::string(p.region_code) + ")";
    }
    return Status::InvalidArgument(msg);
  }
  std::string msg = "no entity named " + Quote(name);
  const std::vector<Suggestion> suggestions = Suggest(g, name);
  if (!suggestions.empty()) {
    msg += "; did you mean:";
    for (size_t i = 0; i < suggestions.size(); ++i) {
      msg += (i ? ", " : " ") + Describe(g, suggestions[i].vertex);
      if (suggestions[i].form != g.vertex(suggestions[i].vertex).name) msg += " [" + suggestions[i].form + "]";
    }
    msg += "?";
  }
  return Status::NotFound(msg);
}

std::vector<VertexId> Find(const Graph& g, std::string_view text, std::optional<EntityType> type, size_t limit) {
  const std::string needle = AsciiLower(text);
  struct Hit {
    int rank;  // 0 exact, 1 prefix, 2 inside
    size_t length;
    VertexId vertex;
  };
  std::vector<Hit> hits;
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    const VertexProps& p = g.vertex(v);
    if (p.kind != VertexKind::kEntity || (type && p.type != *type)) continue;
    int best = 3;
    const auto match = [&](std::string_view form) {
      const std::string f = AsciiLower(form);
      const size_t at = f.find(needle);
      if (at == std::string::npos) return;
      best = std::min(best, f.size() == needle.size() ? 0 : at == 0 ? 1 : 2);
    };
    match(p.name);
    for (std::string_view a : p.aliases) match(a);
    if (best < 3) hits.push_back(Hit{best, CodePointCount(p.name), v});
  }
  std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.length != b.length) return a.length < b.length;
    return g.vertex(a.vertex).name < g.vertex(b.vertex).name;
  });
  std::vector<VertexId> out;
  for (const Hit& h : hits) {
    if (out.size() >= limit) break;
    out.push_back(h.vertex);
  }
  return out;
}

Result<Card> Show(const Graph& g, std::string_view name) {
  const Result<VertexId> v = ResolveEntity(g, name);
  if (!v.ok()) return v.status();
  Card card;
  card.vertex = *v;
  g.ForEachIncident(*v, [&](const Incident& i) {
    const EdgeProps& e = g.edge(i.edge);
    if (e.kind == EdgeKind::kRelation) card.relations.push_back(i);
    if (e.kind == EdgeKind::kCoMention) ++card.co_mentions;
  });
  std::stable_sort(card.relations.begin(), card.relations.end(), [&](const Incident& a, const Incident& b) {
    const EdgeProps &x = g.edge(a.edge), &y = g.edge(b.edge);
    if (x.rel != y.rel) return x.rel < y.rel;
    if (x.weight != y.weight) return x.weight > y.weight;
    return g.vertex(a.other).name < g.vertex(b.other).name;
  });
  return card;
}

Result<std::vector<Reached>> Neighbors(const Graph& g, std::string_view name, const NeighborOptions& options) {
  const Result<VertexId> v = ResolveEntity(g, name);
  if (!v.ok()) return v.status();
  if (options.depth < 1) return Status::InvalidArgument("--depth must be at least 1");
  EdgeFilter f = Relations(options.co_mentions);
  if (options.rel) f.rels = {*options.rel};
  std::vector<Reached> all = Neighborhood(g, *v, options.depth, f);
  std::vector<Reached> out;
  for (const Reached& r : all) {
    if (r.distance == 0) continue;
    if (options.type && g.vertex(r.vertex).type != *options.type) continue;
    out.push_back(r);
  }
  std::stable_sort(out.begin(), out.end(), [&](const Reached& a, const Reached& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    const VertexProps &x = g.vertex(a.vertex), &y = g.vertex(b.vertex);
    if (x.type != y.type) return x.type < y.type;
    return x.name < y.name;
  });
  return out;
}

Result<Path> FindPath(const Graph& g, std::string_view from, std::string_view to, bool co_mentions) {
  const Result<VertexId> a = ResolveEntity(g, from);
  if (!a.ok()) return a.status();
  const Result<VertexId> b = ResolveEntity(g, to);
  if (!b.ok()) return b.status();
  std::optional<Path> p = ShortestPath(g, *a, *b, Relations(co_mentions));
  if (!p) return Status::NotFound(Describe(g, *a) + " and " + Describe(g, *b) + " are not connected");
  return *p;
}

Result<std::vector<Reached>> InRegion(const Graph& g, std::string_view region, std::optional<EntityType> type) {
  Result<VertexId> r = ResolveEntity(g, region, EntityType::kRegion);
  if (!r.ok()) {
    // The name may belong to something else: say what it is.
    const Result<VertexId> any = ResolveEntity(g, region);
    if (any.ok()) return Status::InvalidArgument(Describe(g, *any) + " is not a Region");
    return r.status();
  }
  std::vector<Reached> inside = Contained(g, *r);
  std::unordered_set<VertexId> seen;
  std::unordered_set<std::string_view> region_names;
  for (const Reached& x : inside) {
    seen.insert(x.vertex);
    const VertexProps& p = g.vertex(x.vertex);
    if (p.type == EntityType::kRegion) region_names.insert(p.name);
  }
  // Agencies answer for a region by jurisdiction even when no edge says so.
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    const VertexProps& p = g.vertex(v);
    if (p.kind != VertexKind::kEntity || p.jurisdiction.empty() || seen.count(v)) continue;
    if (!region_names.count(p.jurisdiction)) continue;
    const VertexId parent = g.FindByName(p.jurisdiction, EntityType::kRegion).empty()
                                ? *r
                                : g.FindByName(p.jurisdiction, EntityType::kRegion).front();
    inside.push_back(Reached{v, 1, parent, 0});
    seen.insert(v);
  }
  std::vector<Reached> out;
  for (const Reached& x : inside) {
    if (x.distance == 0) continue;
    if (type && g.vertex(x.vertex).type != *type) continue;
    out.push_back(x);
  }
  std::stable_sort(out.begin(), out.end(), [&](const Reached& a, const Reached& b) {
    const VertexProps &x = g.vertex(a.vertex), &y = g.vertex(b.vertex);
    if (x.type != y.type) return x.type < y.type;
    return x.name < y.name;
  });
  return out;
}

std::optional<Centrality> ParseCentrality(std::string_view s) {
  if (s == "degree") return Centrality::kDegree;
  if (s == "betweenness") return Centrality::kBetweenness;
  if (s == "pagerank") return Centrality::kPageRank;
  return std::nullopt;
}

std::vector<Scored> Top(const Graph& g, Centrality by, std::optional<EntityType> type, size_t limit,
                        bool co_mentions) {
  const std::vector<double> score = Centralities(g, by, Relations(co_mentions));
  std::vector<Scored> all;
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    const VertexProps& p = g.vertex(v);
    if (p.kind != VertexKind::kEntity || (type && p.type != *type)) continue;
    all.push_back(Scored{v, score[v]});
  }
  const size_t n = std::min(limit, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                    [&](const Scored& a, const Scored& b) {
                      if (a.score != b.score) return a.score > b.score;
                      return g.vertex(a.vertex).name < g.vertex(b.vertex).name;
                    });
  all.resize(n);
  return all;
}

std::vector<Community> FindCommunities(const Graph& g, size_t min_size, size_t limit, bool co_mentions) {
  const EdgeFilter f = Relations(co_mentions);
  uint32_t count = 0;
  const std::vector<uint32_t> label = Communities(g, f, &count);
  std::vector<Community> groups(count);
  for (uint32_t i = 0; i < count; ++i) groups[i].id = i;
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    if (label[v] != kNoComponent) groups[label[v]].members.push_back(v);
  }
  std::vector<Community> out;
  for (Community& c : groups) {
    if (out.size() >= limit) break;
    if (c.members.size() < std::max<size_t>(min_size, 1)) continue;  // sorted by size: the rest are smaller
    std::vector<std::pair<size_t, VertexId>> by_degree;
    for (VertexId v : c.members) by_degree.emplace_back(Degree(g, v, f), v);
    std::stable_sort(by_degree.begin(), by_degree.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < by_degree.size(); ++i) c.members[i] = by_degree[i].second;
    out.push_back(std::move(c));
  }
  return out;
}

Stats ComputeStats(const Graph& g) {
  Stats s;
  for (EntityType t : kAllEntityTypes) s.by_type[std::string(ToString(t))] = 0;
  for (RelationType t : kAllRelationTypes) s.by_relation[std::string(ToString(t))] = 0;
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    const VertexProps& p = g.vertex(v);
    if (p.kind == VertexKind::kSource) {
      ++s.documents;
      continue;
    }
    ++s.entities;
    ++s.by_type[std::string(ToString(p.type))];
  }
  for (EdgeId e = 0; e < g.num_edges(); ++e) {
    const EdgeProps& p = g.edge(e);
    switch (p.kind) {
      case EdgeKind::kRelation:
        ++s.relations;
        ++s.by_relation[std::string(ToString(p.rel))];
        if (p.from_gazetteer) ++s.from_gazetteer;
        break;
      case EdgeKind::kCoMention: ++s.co_mentions; break;
      case EdgeKind::kMentions: ++s.mentions; break;
    }
  }
  uint32_t components = 0;
  Components(g, EdgeFilter{}, &components);
  s.components = components;
  return s;
}

}  // namespace policykg
