// Graph algorithms over a Graph, answered in plain ids: Boost.Graph runs
// underneath (breadth-first search, Brandes betweenness, PageRank, connected
// components) and nothing of Boost leaks out. queries/ composes the verbs
// users see from these.
//
// Every function takes a Graph made by Graph::Create or Graph::Load. Edges are
// walked both ways (a relation links its two ends whatever its direction)
// unless a function says otherwise; source-document vertices take part only
// when the filter admits kMentions edges.
#ifndef POLICYKG_GRAPH_ALGORITHMS_H_
#define POLICYKG_GRAPH_ALGORITHMS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/graph.h"

namespace policykg {

// Which edges an algorithm may walk.
struct EdgeFilter {
  bool relations = true;            // typed relations (kRelation)
  bool co_mentions = false;         // kCoMention
  bool mentions = false;            // kMentions (brings source vertices in)
  std::vector<RelationType> rels;   // non-empty: only these relation types

  bool Accepts(const EdgeProps& e) const;
  bool AcceptsVertex(const VertexProps& v) const { return mentions || v.kind == VertexKind::kEntity; }
};

// A vertex found by a traversal.
struct Reached {
  VertexId vertex = 0;
  int distance = 0;   // hops from the start
  VertexId parent = 0;  // previous vertex on one shortest path (the start: itself)
  EdgeId via = 0;       // the edge from parent (meaningless for the start)
};

// The start (distance 0) and every vertex within max_depth hops, in
// breadth-first order. Touches only what it reaches, so it costs the size of
// the neighbourhood, not of the graph.
std::vector<Reached> Neighborhood(const Graph& g, VertexId start, int max_depth, const EdgeFilter& filter);

struct Path {
  std::vector<VertexId> nodes;  // from ... to
  std::vector<EdgeId> edges;    // edges[i] joins nodes[i] and nodes[i+1]
};
// A path with the fewest hops, or nullopt when the two are not connected.
std::optional<Path> ShortestPath(const Graph& g, VertexId from, VertexId to, const EdgeFilter& filter);

// What lies inside `container`: vertices with a LOCATED_IN or PART_OF edge
// into it or into anything already inside, transitively (柯城区 -> 衢州市 ->
// 浙江省 puts 柯城区 and everything in it inside 浙江省). Edges are followed
// against their direction only. The container itself comes first, distance 0.
std::vector<Reached> Contained(const Graph& g, VertexId container);

enum class Centrality { kDegree, kBetweenness, kPageRank };
// One score per vertex id (0 for vertices the filter leaves out). Degree
// counts accepted edges; betweenness is Brandes' (unnormalised, undirected);
// PageRank uses damping 0.85 and 20 iterations.
std::vector<double> Centralities(const Graph& g, Centrality c, const EdgeFilter& filter);

// Connected components: a component id per vertex id (kNoComponent for
// vertices the filter leaves out), and their number.
inline constexpr uint32_t kNoComponent = UINT32_MAX;
std::vector<uint32_t> Components(const Graph& g, const EdgeFilter& filter, uint32_t* count);

// Groups of closely linked vertices: Louvain modularity optimisation over the
// edge weights (deterministic: fixed visiting order). A group id per vertex
// id, numbered by size, largest first (kNoComponent for vertices the filter
// leaves out; an isolated vertex is a group of its own); *count is the number
// of groups.
std::vector<uint32_t> Communities(const Graph& g, const EdgeFilter& filter, uint32_t* count);

}  // namespace policykg

#endif  // POLICYKG_GRAPH_ALGORITHMS_H_
