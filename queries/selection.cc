#include "queries/selection.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "base/utf8.h"

namespace policykg {
namespace {

constexpr size_t kMaxSuggestions = 5;

// Levenshtein distance over code points.
size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      const size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// How far `candidate` is from `query`, or nothing when it is not close enough
// to suggest. Containment counts as close whatever the length difference:
// someone typing 大学 wants to see the universities.
std::optional<size_t> Closeness(const std::u32string& query, const std::u32string& candidate) {
  const size_t d = EditDistance(query, candidate);
  const size_t limit = std::max<size_t>(1, query.size() / 2);
  if (d <= limit) return d;
  const bool contains = candidate.find(query) != std::u32string::npos ||
                        (!candidate.empty() && query.find(candidate) != std::u32string::npos);
  if (contains) return d;
  return std::nullopt;
}

// "did you mean A, B (alias of C)?" over entity names and aliases.
std::string Suggestions(const Graph& graph, std::string_view focus) {
  const std::u32string query = Utf8ToU32(focus);
  // (distance, display) pairs; the set drops duplicates and keeps them ordered.
  std::set<std::pair<size_t, std::string>> found;
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    const VertexProps& p = graph.vertex(v);
    if (p.kind != VertexKind::kEntity) continue;
    if (auto d = Closeness(query, Utf8ToU32(p.name))) found.emplace(*d, p.name);
    for (const std::string& alias : p.aliases) {
      if (auto d = Closeness(query, Utf8ToU32(alias))) {
        found.emplace(*d, alias + " (" + p.name + ")");
      }
    }
  }
  std::string out;
  std::set<std::string> shown;
  for (const auto& [distance, display] : found) {
    if (shown.size() == kMaxSuggestions) break;
    if (!shown.insert(display).second) continue;
    out += out.empty() ? "did you mean " : ", ";
    out += display;
  }
  return out.empty() ? "no similar name in the graph" : out + "?";
}

bool TypePasses(const SelectionOptions& o, EntityType t) {
  return o.types.empty() || std::find(o.types.begin(), o.types.end(), t) != o.types.end();
}

bool VertexPasses(const Graph& g, const SelectionOptions& o, VertexId v) {
  const VertexProps& p = g.vertex(v);
  return p.kind == VertexKind::kEntity && TypePasses(o, p.type);
}

// Whether an edge may join two selected entities (its ends are checked apart).
bool EdgePasses(const Graph& g, const SelectionOptions& o, EdgeId e) {
  const EdgeProps& p = g.edge(e);
  switch (p.kind) {
    case EdgeKind::kRelation:
      return o.relations.empty() ||
             std::find(o.relations.begin(), o.relations.end(), p.rel) != o.relations.end();
    case EdgeKind::kCoMention:
      return o.co_mentions;
    case EdgeKind::kMentions:
      return false;  // source vertices are added after the entities
  }
  return false;
}

Result<std::vector<VertexId>> FocusRoots(const Graph& g, const SelectionOptions& o) {
  const std::vector<VertexId> named = g.FindByName(*o.focus);
  if (named.empty()) {
    return Status::NotFound("no entity named '" + *o.focus + "'; " + Suggestions(g, *o.focus));
  }
  std::vector<VertexId> roots;
  for (VertexId v : named) {
    if (VertexPasses(g, o, v)) roots.push_back(v);
  }
  if (roots.empty()) {
    return Status::InvalidArgument("'" + *o.focus + "' is of type " +
                                   std::string(ToString(g.vertex(named.front()).type)) +
                                   ", which the --type filter leaves out");
  }
  return roots;
}

// Breadth-first from the roots over passing edges, both directions.
std::vector<bool> Reachable(const Graph& g, const SelectionOptions& o,
                            const std::vector<VertexId>& roots) {
  std::vector<bool> in(g.num_vertices(), false);
  std::deque<std::pair<VertexId, int>> queue;
  for (VertexId r : roots) {
    in[r] = true;
    queue.emplace_back(r, 0);
  }
  while (!queue.empty()) {
    const auto [v, steps] = queue.front();
    queue.pop_front();
    if (steps >= o.depth) continue;
    g.ForEachIncident(v, [&](const Incident& inc) {
      if (in[inc.other] || !EdgePasses(g, o, inc.edge) || !VertexPasses(g, o, inc.other)) return;
      in[inc.other] = true;
      queue.emplace_back(inc.other, steps + 1);
    });
  }
  return in;
}

}  // namespace

std::string DescribeSelection(const SelectionOptions& o) {
  std::string out;
  auto add = [&out](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (o.focus) add("focus " + *o.focus + ", depth " + std::to_string(o.depth));
  if (!o.types.empty()) {
    std::string t;
    for (EntityType type : o.types) t += (t.empty() ? "" : ",") + std::string(ToString(type));
    add("types " + t);
  }
  if (!o.relations.empty()) {
    std::string r;
    for (RelationType rel : o.relations) r += (r.empty() ? "" : ",") + std::string(ToString(rel));
    add("relations " + r);
  }
  if (!o.co_mentions) add("no co-mention edges");
  return out.empty() ? "the whole graph" : out;
}

Result<Selection> SelectSubgraph(const Graph& g, const SelectionOptions& o) {
  if (o.depth < 0) return Status::InvalidArgument("depth must be 0 or more");
  std::vector<bool> in(g.num_vertices(), false);
  if (o.focus) {
    Result<std::vector<VertexId>> roots = FocusRoots(g, o);
    if (!roots.ok()) return roots.status();
    in = Reachable(g, o, *roots);
  } else {
    for (VertexId v = 0; v < g.num_vertices(); ++v) in[v] = VertexPasses(g, o, v);
  }

  Selection s;
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    if (in[v]) s.vertices.push_back(v);
  }
  if (s.vertices.empty()) {
    return Status::InvalidArgument("the selection is empty (" + DescribeSelection(o) +
                                   "): nothing to export");
  }
  for (EdgeId e = 0; e < g.num_edges(); ++e) {
    if (in[g.source(e)] && in[g.target(e)] && EdgePasses(g, o, e)) s.edges.push_back(e);
  }
  if (!o.sources) return s;

  // Source vertices join through their MENTIONS edges to selected entities.
  std::vector<bool> entity = in;
  for (EdgeId e = 0; e < g.num_edges(); ++e) {
    if (g.edge(e).kind != EdgeKind::kMentions) continue;
    const VertexId from = g.source(e), to = g.target(e);
    const VertexId doc = g.vertex(from).kind == VertexKind::kSource ? from : to;
    const VertexId other = doc == from ? to : from;
    if (!entity[other]) continue;
    in[doc] = true;
    s.edges.push_back(e);
  }
  s.vertices.clear();
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    if (in[v]) s.vertices.push_back(v);
  }
  std::sort(s.edges.begin(), s.edges.end());
  return s;
}

}  // namespace policykg
