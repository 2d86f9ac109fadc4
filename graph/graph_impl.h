// GraphImpl: the Boost.Graph model behind graph/graph.h. Private to this
// library (graph_file.cc and algorithms.cc use it; nothing outside graph/).
//
// Topology lives in a boost::adjacency_list whose vertex bundle is the public
// VertexProps (vertex descriptors are the dense VertexIds) and whose edge
// bundle is the edge's dense id; the EdgeProps live in edges_, indexed by id,
// so edge ids stay dense and stable and algorithms get an edge index for free.
// The adjacency is undirected: every question asked of the graph (neighbours,
// paths, components, centrality) walks edges both ways; an edge's direction
// is kept in its EdgeRecord.
#ifndef POLICYKG_GRAPH_GRAPH_IMPL_H_
#define POLICYKG_GRAPH_GRAPH_IMPL_H_

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <unordered_set>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "extract/gazetteer.h"
#include "graph/graph.h"

namespace policykg {

// The Boost edge bundle: the dense id, plus the kind and relation so that
// traversal filters decide without touching the (larger, colder) EdgeRecord.
struct EdgeSlot {
  EdgeId id = 0;
  EdgeKind kind = EdgeKind::kRelation;
  RelationType rel = RelationType::kLocatedIn;
};
// Edges in a vector (the last vecS), not a list: no allocation per edge, and
// the loader can reserve every container up front. Edge descriptors hold a
// pointer into that vector, so none is kept across an insertion.
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, VertexProps, EdgeSlot,
                                         boost::no_property, boost::vecS>;
using BoostVertex = BoostGraph::vertex_descriptor;
using BoostEdge = BoostGraph::edge_descriptor;

struct EdgeRecord {
  VertexId source = 0;
  VertexId target = 0;
  EdgeProps props;
};

class GraphImpl final : public Graph {
 public:
  explicit GraphImpl(const BuildOptions& options) : options_(options) {}

  bool AddExtraction(const Extraction& x, const Gazetteer& gazetteer) override;

  size_t num_vertices() const override { return boost::num_vertices(g_); }
  size_t num_edges() const override { return edges_.size(); }
  const VertexProps& vertex(VertexId v) const override { return g_[v]; }
  const EdgeProps& edge(EdgeId e) const override { return edges_[e].props; }
  VertexId source(EdgeId e) const override { return edges_[e].source; }
  VertexId target(EdgeId e) const override { return edges_[e].target; }
  std::vector<VertexId> FindByName(std::string_view name,
                                   std::optional<EntityType> type) const override;
  std::optional<VertexId> FindSource(std::string_view doc) const override;
  bool HasContentHash(std::string_view hash) const override;
  void ForEachIncident(VertexId v, const std::function<void(const Incident&)>& fn) const override;
  const BuildOptions& options() const override { return options_; }
  size_t num_sources() const override { return num_sources_; }

  const BoostGraph& boost_graph() const { return g_; }

  // Used by the loader: size the graph, fill vertices, append edges without
  // merging, then index. The loader checks ids before calling.
  void PrepareLoad(size_t vertices) { g_ = BoostGraph(vertices); }
  VertexProps& mutable_vertex(VertexId v) { return g_[v]; }
  // All edges at once, with every adjacency list sized before it is filled.
  void LoadEdges(std::vector<EdgeRecord> edges);
  VertexId AppendVertex(VertexProps props);
  EdgeId AppendEdge(VertexId s, VertexId t, EdgeProps props);
  void RebuildIndexes();

 protected:
  std::string Serialize() const override;

 private:
  struct DocScope;  // per-document state of one AddExtraction (graph_impl.cc)
  // Name and alias index of one entity type. Several vertices may share a
  // name (regions of one name in two provinces) or an alias (市科技局).
  struct NameIndex {
    std::unordered_map<std::string, std::vector<VertexId>> names;
    std::unordered_map<std::string, std::vector<VertexId>> aliases;
  };

  VertexId AddSource(const DocumentInfo& d);
  VertexId MergeEntity(const Entity& e, DocScope& scope, const Gazetteer& gazetteer);
  VertexId MergeRegion(const Entity& e, int division, DocScope& scope, const Gazetteer& gazetteer);
  VertexId EnsureDivision(int division, const Gazetteer& gazetteer);
  void LinkHierarchy(VertexId v, int division, const Gazetteer& gazetteer);
  std::optional<VertexId> FindMergeTarget(EntityType type, const std::string& name,
                                          const std::vector<std::string>& aliases) const;
  VertexId NewEntity(EntityType type, const std::string& name);
  void AddNames(VertexId v, const std::string& name, const std::vector<std::string>& aliases);
  void AddAlias(VertexId v, const std::string& alias);
  void Rename(VertexId v, const std::string& name);
  void SetJurisdiction(VertexId v, const Extraction& x, DocScope& scope, const Gazetteer& gazetteer);
  void AddCoMentions(const Extraction& x, DocScope& scope);

  // The edge s->t of this kind (and relation), if any; symmetric kinds are
  // looked up in both directions.
  std::optional<EdgeId> FindEdge(VertexId s, VertexId t, EdgeKind kind, RelationType rel) const;
  // The edge, and whether it was created now.
  std::pair<EdgeId, bool> EnsureEdge(VertexId s, VertexId t, EdgeKind kind, RelationType rel);
  static void AddSupport(EdgeProps& e, const std::string& doc, const Span& span,
                         const std::string& sentence);
  void IndexEntity(VertexId v);

  BuildOptions options_;
  BoostGraph g_;
  std::vector<EdgeRecord> edges_;
  std::array<NameIndex, std::size(kAllEntityTypes)> index_;
  std::unordered_map<std::string, VertexId> region_by_code_;
  std::unordered_map<std::string, VertexId> sources_;  // doc -> (first) vertex of that name
  size_t num_sources_ = 0;
  std::unordered_set<std::string> hashes_;             // content hashes (or "doc:" keys)
};

}  // namespace policykg

#endif  // POLICYKG_GRAPH_GRAPH_IMPL_H_
