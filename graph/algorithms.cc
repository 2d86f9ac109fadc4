#include "graph/algorithms.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <vector>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/property_map/property_map.hpp>

#include "graph/graph_impl.h"

namespace policykg {

namespace {

bool AcceptsKind(const EdgeFilter& f, EdgeKind kind, RelationType rel) {
  switch (kind) {
    case EdgeKind::kRelation:
      return f.relations && (f.rels.empty() || std::find(f.rels.begin(), f.rels.end(), rel) != f.rels.end());
    case EdgeKind::kCoMention: return f.co_mentions;
    case EdgeKind::kMentions: return f.mentions;
  }
  return false;
}

}  // namespace

bool EdgeFilter::Accepts(const EdgeProps& e) const { return AcceptsKind(*this, e.kind, e.rel); }

namespace {

const GraphImpl& Impl(const Graph& g) {
  // Create and Load make GraphImpl, the only implementation (see header).
  return static_cast<const GraphImpl&>(g);
}

// Edge and vertex predicates for boost::filtered_graph: the filter's edges
// between vertices the filter admits.
// Only kMentions edges touch source vertices, so the edge kind alone decides
// whether both ends are admitted too.
struct EdgeAllowed {
  const GraphImpl* g = nullptr;
  const EdgeFilter* filter = nullptr;
  bool operator()(const BoostEdge& e) const {
    const EdgeSlot& slot = g->boost_graph()[e];
    return AcceptsKind(*filter, slot.kind, slot.rel);
  }
};
struct VertexAllowed {
  const GraphImpl* g = nullptr;
  const EdgeFilter* filter = nullptr;
  bool operator()(BoostVertex v) const { return filter->AcceptsVertex(g->vertex(static_cast<VertexId>(v))); }
};
using View = boost::filtered_graph<BoostGraph, EdgeAllowed, VertexAllowed>;

View MakeView(const GraphImpl& g, const EdgeFilter& filter) {
  return View(g.boost_graph(), EdgeAllowed{&g, &filter}, VertexAllowed{&g, &filter});
}

// Traversal state of one thread, sized to the graph once and reset after each
// search by undoing only what the search touched: a small neighbourhood query
// on a big graph then costs the size of the neighbourhood, not of the graph,
// and allocates nothing.
struct Scratch {
  std::vector<int32_t> slot;                    // vertex -> index in the result, -1 unseen
  std::vector<boost::default_color_type> color;  // Boost's BFS colours
  std::vector<VertexId> touched;

  void Fit(size_t n) {
    if (slot.size() < n) {
      slot.resize(n, -1);
      color.resize(n, boost::white_color);
    }
  }
  void Reset() {
    for (VertexId v : touched) {
      slot[v] = -1;
      color[v] = boost::white_color;
    }
    touched.clear();
  }
};

Scratch& ThreadScratch(size_t n) {
  thread_local Scratch s;
  s.Fit(n);
  return s;
}

// A breadth-first visitor that records each vertex's distance, parent and
// edge, in discovery order.
class RecordingVisitor : public boost::default_bfs_visitor {
 public:
  RecordingVisitor(const GraphImpl* g, std::vector<Reached>* out, Scratch* scratch)
      : g_(g), out_(out), scratch_(scratch) {}
  template <typename E, typename G>
  void tree_edge(E e, const G& view) const {
    const auto from = static_cast<VertexId>(boost::source(e, view));
    const auto to = static_cast<VertexId>(boost::target(e, view));
    const Reached& parent = (*out_)[static_cast<size_t>(scratch_->slot[from])];
    scratch_->slot[to] = static_cast<int32_t>(out_->size());
    scratch_->touched.push_back(to);
    out_->push_back(Reached{to, parent.distance + 1, from, g_->boost_graph()[e].id});
  }

 private:
  const GraphImpl* g_;
  std::vector<Reached>* out_;
  Scratch* scratch_;
};

// Stops a breadth-first search from leaving vertices at the depth limit: an
// out-edge of such a vertex is filtered away, so the search ends there.
struct WithinDepth {
  EdgeAllowed allowed;
  const std::vector<Reached>* reached = nullptr;
  const Scratch* scratch = nullptr;
  int max_depth = 0;
  bool operator()(const BoostEdge& e) const {
    // In an undirected adjacency list an out-edge's source is the vertex
    // being expanded; the depth test comes first as it is the cheaper one.
    const int32_t at = scratch->slot[boost::source(e, allowed.g->boost_graph())];
    return at >= 0 && (*reached)[static_cast<size_t>(at)].distance < max_depth && allowed(e);
  }
};

// Runs Boost's breadth-first visit from `start` over `view`, recording into
// `out` (which holds the start), then resets the scratch.
template <typename View>
void Visit(const GraphImpl& g, const View& view, VertexId start, std::vector<Reached>* out, Scratch& scratch) {
  scratch.slot[start] = 0;
  scratch.touched.push_back(start);
  boost::queue<BoostVertex> q;
  boost::breadth_first_visit(view, start, q, RecordingVisitor(&g, out, &scratch),
                             boost::make_iterator_property_map(scratch.color.begin(),
                                                               boost::get(boost::vertex_index, g.boost_graph())));
  scratch.Reset();
}

}  // namespace

std::vector<Reached> Neighborhood(const Graph& graph, VertexId start, int max_depth, const EdgeFilter& filter) {
  const GraphImpl& g = Impl(graph);
  std::vector<Reached> out{Reached{start, 0, start, 0}};
  if (max_depth <= 0) return out;
  Scratch& scratch = ThreadScratch(g.num_vertices());
  const WithinDepth pred{EdgeAllowed{&g, &filter}, &out, &scratch, max_depth};
  const boost::filtered_graph<BoostGraph, WithinDepth, VertexAllowed> view(g.boost_graph(), pred,
                                                                           VertexAllowed{&g, &filter});
  Visit(g, view, start, &out, scratch);
  return out;
}

namespace {

// One side of a bidirectional breadth-first search.
struct Side {
  std::vector<int32_t> dist;  // -1: not reached
  std::vector<VertexId> parent;
  std::vector<EdgeId> via;
  std::vector<VertexId> frontier;
  std::vector<VertexId> touched;

  void Fit(size_t n) {
    if (dist.size() < n) {
      dist.resize(n, -1);
      parent.resize(n, 0);
      via.resize(n, 0);
    }
  }
  void Start(VertexId v) {
    dist[v] = 0;
    parent[v] = v;
    touched.push_back(v);
    frontier = {v};
  }
  void Reset() {
    for (VertexId v : touched) dist[v] = -1;
    touched.clear();
    frontier.clear();
  }
};

}  // namespace

std::optional<Path> ShortestPath(const Graph& graph, VertexId from, VertexId to, const EdgeFilter& filter) {
  const GraphImpl& g = Impl(graph);
  if (from == to) return Path{{from}, {}};
  // Bidirectional breadth-first search over the filtered Boost graph: both
  // ends grow a level at a time, the smaller frontier first, and the search
  // stops at the level where they meet. On a graph of a million vertices it
  // touches thousands where a one-sided search touches most of the graph.
  thread_local Side fwd, bwd;
  const size_t n = g.num_vertices();
  fwd.Fit(n);
  bwd.Fit(n);
  fwd.Start(from);
  bwd.Start(to);
  const View view = MakeView(g, filter);
  VertexId meet = 0;
  int32_t best = -1;
  while (best < 0 && !fwd.frontier.empty() && !bwd.frontier.empty()) {
    const bool forward = fwd.frontier.size() <= bwd.frontier.size();
    Side& side = forward ? fwd : bwd;
    const Side& other = forward ? bwd : fwd;
    std::vector<VertexId> next;
    for (VertexId u : side.frontier) {
      for (const auto e : boost::make_iterator_range(boost::out_edges(u, view))) {
        const auto w = static_cast<VertexId>(boost::target(e, view));
        if (side.dist[w] >= 0) continue;
        side.dist[w] = side.dist[u] + 1;
        side.parent[w] = u;
        side.via[w] = g.boost_graph()[e].id;
        side.touched.push_back(w);
        next.push_back(w);
        if (other.dist[w] >= 0 && (best < 0 || side.dist[w] + other.dist[w] < best)) {
          best = side.dist[w] + other.dist[w];
          meet = w;
        }
      }
    }
    side.frontier = std::move(next);
  }
  std::optional<Path> path;
  if (best >= 0) {
    path.emplace();
    for (VertexId v = meet; v != from; v = fwd.parent[v]) {
      path->nodes.push_back(v);
      path->edges.push_back(fwd.via[v]);
    }
    path->nodes.push_back(from);
    std::reverse(path->nodes.begin(), path->nodes.end());
    std::reverse(path->edges.begin(), path->edges.end());
    for (VertexId v = meet; v != to; v = bwd.parent[v]) {
      path->edges.push_back(bwd.via[v]);
      path->nodes.push_back(bwd.parent[v]);
    }
  }
  fwd.Reset();
  bwd.Reset();
  return path;
}

namespace {

// Admits a LOCATED_IN or PART_OF edge only when walked from its target to its
// source: from the container to what it contains.
struct IntoContainer {
  const GraphImpl* g = nullptr;
  bool operator()(const BoostEdge& e) const {
    const EdgeSlot& slot = g->boost_graph()[e];
    if (slot.kind != EdgeKind::kRelation) return false;
    if (slot.rel != RelationType::kLocatedIn && slot.rel != RelationType::kPartOf) return false;
    return g->target(slot.id) == static_cast<VertexId>(boost::source(e, g->boost_graph()));
  }
};

}  // namespace

std::vector<Reached> Contained(const Graph& graph, VertexId container) {
  const GraphImpl& g = Impl(graph);
  std::vector<Reached> out{Reached{container, 0, container, 0}};
  Scratch& scratch = ThreadScratch(g.num_vertices());
  const boost::filtered_graph<BoostGraph, IntoContainer> view(g.boost_graph(), IntoContainer{&g});
  Visit(g, view, container, &out, scratch);
  return out;
}

std::vector<double> Centralities(const Graph& graph, Centrality c, const EdgeFilter& filter) {
  const GraphImpl& g = Impl(graph);
  const View view = MakeView(g, filter);
  std::vector<double> score(g.num_vertices(), 0.0);
  const auto score_map = boost::make_iterator_property_map(score.begin(), boost::get(boost::vertex_index, view));
  switch (c) {
    case Centrality::kDegree:
      for (const auto v : boost::make_iterator_range(boost::vertices(view))) {
        score[v] = static_cast<double>(boost::out_degree(v, view));
      }
      break;
    case Centrality::kBetweenness:
      boost::brandes_betweenness_centrality(view, boost::centrality_map(score_map));
      break;
    case Centrality::kPageRank:
      boost::graph::page_rank(view, score_map);
      break;
  }
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    if (!filter.AcceptsVertex(g.vertex(v))) score[v] = 0.0;
  }
  return score;
}

std::vector<uint32_t> Components(const Graph& graph, const EdgeFilter& filter, uint32_t* count) {
  const GraphImpl& g = Impl(graph);
  const View view = MakeView(g, filter);
  std::vector<uint32_t> component(g.num_vertices(), kNoComponent);
  const int n = boost::connected_components(
      view, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, view)));
  if (count) *count = static_cast<uint32_t>(n);
  return component;
}

namespace {

// A compact weighted undirected graph for community detection: one entry per
// neighbour with the summed weight of all edges between the two, plus the
// weight of edges inside a node (after aggregation).
struct WeightedGraph {
  std::vector<std::vector<std::pair<uint32_t, double>>> adj;
  std::vector<double> inner;
};

// One Louvain level: move each node to the neighbouring community with the
// best modularity gain until no move helps. Returns dense community ids and
// whether anything moved.
std::vector<uint32_t> LocalMoving(const WeightedGraph& wg, bool* moved) {
  const size_t n = wg.adj.size();
  std::vector<double> k(n, 0.0);
  double m2 = 0;
  for (size_t i = 0; i < n; ++i) {
    k[i] = 2 * wg.inner[i];
    for (const auto& [j, w] : wg.adj[i]) k[i] += w;
    m2 += k[i];
  }
  std::vector<uint32_t> comm(n);
  std::iota(comm.begin(), comm.end(), 0u);
  std::vector<double> tot = k;
  *moved = false;
  if (m2 == 0) return comm;
  std::vector<double> to_comm(n, 0.0);
  std::vector<uint32_t> touched;
  constexpr int kMaxPasses = 20;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    bool any = false;
    for (uint32_t i = 0; i < n; ++i) {
      const uint32_t own = comm[i];
      tot[own] -= k[i];
      touched.clear();
      for (const auto& [j, w] : wg.adj[i]) {
        if (to_comm[comm[j]] == 0) touched.push_back(comm[j]);
        to_comm[comm[j]] += w;
      }
      uint32_t best = own;
      double best_gain = to_comm[own] - tot[own] * k[i] / m2;
      for (uint32_t c : touched) {
        const double gain = to_comm[c] - tot[c] * k[i] / m2;
        if (gain > best_gain + 1e-12 || (gain > best_gain - 1e-12 && c < best && best != own)) {
          best = c;
          best_gain = gain;
        }
      }
      for (uint32_t c : touched) to_comm[c] = 0;
      tot[best] += k[i];
      if (best != own) {
        comm[i] = best;
        any = true;
      }
    }
    if (!any) break;
    *moved = true;
  }
  // Dense renumbering in order of first appearance.
  std::vector<uint32_t> dense(n, kNoComponent);
  uint32_t next = 0;
  for (uint32_t& c : comm) {
    if (dense[c] == kNoComponent) dense[c] = next++;
    c = dense[c];
  }
  return comm;
}

WeightedGraph Aggregate(const WeightedGraph& wg, const std::vector<uint32_t>& comm) {
  const uint32_t n = comm.empty() ? 0 : *std::max_element(comm.begin(), comm.end()) + 1;
  WeightedGraph out;
  out.adj.resize(n);
  out.inner.assign(n, 0.0);
  std::vector<std::unordered_map<uint32_t, double>> acc(n);
  for (size_t i = 0; i < wg.adj.size(); ++i) {
    out.inner[comm[i]] += wg.inner[i];
    for (const auto& [j, w] : wg.adj[i]) {
      if (comm[i] == comm[j]) {
        out.inner[comm[i]] += w / 2;  // each inner edge is seen from both ends
      } else {
        acc[comm[i]][comm[j]] += w;
      }
    }
  }
  for (uint32_t c = 0; c < n; ++c) {
    out.adj[c].assign(acc[c].begin(), acc[c].end());
    std::sort(out.adj[c].begin(), out.adj[c].end());
  }
  return out;
}

}  // namespace

std::vector<uint32_t> Communities(const Graph& graph, const EdgeFilter& filter, uint32_t* count) {
  const GraphImpl& g = Impl(graph);
  const View view = MakeView(g, filter);
  // The filtered graph as a compact weighted graph over the admitted vertices.
  std::vector<uint32_t> node_of(g.num_vertices(), kNoComponent);
  std::vector<VertexId> vertex_of;
  for (const auto v : boost::make_iterator_range(boost::vertices(view))) {
    node_of[v] = static_cast<uint32_t>(vertex_of.size());
    vertex_of.push_back(static_cast<VertexId>(v));
  }
  WeightedGraph wg;
  wg.adj.resize(vertex_of.size());
  wg.inner.assign(vertex_of.size(), 0.0);
  for (uint32_t i = 0; i < vertex_of.size(); ++i) {
    std::unordered_map<uint32_t, double> acc;
    for (const auto e : boost::make_iterator_range(boost::out_edges(vertex_of[i], view))) {
      acc[node_of[boost::target(e, view)]] += g.edge(g.boost_graph()[e].id).weight;
    }
    wg.adj[i].assign(acc.begin(), acc.end());
    std::sort(wg.adj[i].begin(), wg.adj[i].end());
  }
  // Louvain: local moving, then the communities become nodes, until stable.
  std::vector<uint32_t> label(vertex_of.size());
  std::iota(label.begin(), label.end(), 0u);
  constexpr int kMaxLevels = 10;
  for (int level = 0; level < kMaxLevels; ++level) {
    bool moved = false;
    const std::vector<uint32_t> comm = LocalMoving(wg, &moved);
    if (!moved) break;
    for (uint32_t& l : label) l = comm[l];
    wg = Aggregate(wg, comm);
  }
  // Renumber by size, largest first (ties: first vertex id).
  const uint32_t n = label.empty() ? 0 : *std::max_element(label.begin(), label.end()) + 1;
  std::vector<std::pair<size_t, uint32_t>> order(n, {0, 0});
  for (uint32_t c = 0; c < n; ++c) order[c].second = c;
  for (uint32_t l : label) ++order[l].first;
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<uint32_t> renumber(n);
  for (uint32_t i = 0; i < n; ++i) renumber[order[i].second] = i;
  std::vector<uint32_t> out(g.num_vertices(), kNoComponent);
  for (uint32_t i = 0; i < vertex_of.size(); ++i) out[vertex_of[i]] = renumber[label[i]];
  if (count) *count = n;
  return out;
}

}  // namespace policykg
