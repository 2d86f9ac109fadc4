#include "queries/selection.h"

#include <algorithm>
#include <deque>

#include "queries/suggest.h"

namespace policykg {
namespace {

constexpr size_t kMaxSuggestions = 5;

// "did you mean A, b (B)?": names, and aliases with their entity's name,
// from the queries library's suggester.
std::string Suggestions(const Graph& graph, std::string_view focus) {
  std::string out;
  for (const Suggestion& s : Suggest(graph, focus, kMaxSuggestions)) {
    const std::string name(graph.vertex(s.vertex).name);
    out += out.empty() ? "did you mean " : ", ";
    out += s.form == name ? name : s.form + " (" + name + ")";
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
