// GraphImpl: the Boost.Graph model behind graph/graph.h. Private to this
// library (graph_file.cc and algorithms.cc use it; nothing outside graph/).
//
// Topology lives in a boost::adjacency_list whose vertex bundle is the public
// VertexProps (vertex descriptors are the dense VertexIds) and whose edge
// bundle is the edge's dense id; the EdgeProps live in edges_, indexed by id,
// so edge ids stay dense and stable and algorithms get an edge index for free.
// Every string and list the props show lives in the graph's Arena: a loaded
// graph is a few large blocks, not tens of millions of small allocations.
// The adjacency is undirected: every question asked of the graph (neighbours,
// paths, components, centrality) walks edges both ways; an edge's direction
// is kept in its EdgeRecord.
#ifndef POLICYKG_GRAPH_GRAPH_IMPL_H_
#define POLICYKG_GRAPH_GRAPH_IMPL_H_

#include <algorithm>
#include <array>
#include <cstdlib>
#include <deque>
#include <memory>
#include <string>
#include <type_traits>
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

// Storage that never moves or shrinks until the graph is destroyed, so the
// string_views and ListViews handed out stay valid. Holds trivially copyable
// values only (bytes, string_views, Evidence): nothing to destroy.
class Arena {
 public:
  // A block of bytes, not zeroed (every byte is written before use). Large
  // blocks are fresh pages advised to be huge pages (see AdviseHugePages).
  struct Release {
    size_t mapped = 0;  // length of an mmap'd block; 0: malloc'd
    void operator()(char* p) const;
  };
  using Block = std::unique_ptr<char, Release>;
  static Block NewBlock(size_t bytes);

  std::string_view Copy(std::string_view s);
  template <typename T>
  T* Allocate(size_t n) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    return reinterpret_cast<T*>(Raw(n * sizeof(T), alignof(T)));
  }
  // A list's storage holds Capacity(size) elements (a power of two): lists
  // grow in place until full, then move to storage twice the size. Loaded
  // lists are laid out the same way, so appending never overwrites what an
  // older view of the list shows.
  static size_t Capacity(size_t n) {
    size_t c = 1;
    while (c < n) c <<= 1;
    return n == 0 ? 0 : c;
  }
  template <typename T>
  ListView<T> NewList(size_t n, T** data) {
    *data = n ? Allocate<T>(Capacity(n)) : nullptr;
    return ListView<T>(*data, n);
  }
  template <typename T>
  void Append(ListView<T>& list, const T& value) {
    const size_t n = list.size();
    // Arena memory is ours to write; ListView only hands it out read-only.
    T* data = const_cast<T*>(list.data());
    if ((n & (n - 1)) == 0) {  // 0 or a power of two: full
      T* grown = Allocate<T>(n ? 2 * n : 1);
      std::copy(list.begin(), list.end(), grown);
      data = grown;
    }
    data[n] = value;
    list = ListView<T>(data, n + 1);
  }
  // The list without its element i, in new storage (older views keep theirs).
  template <typename T>
  void Erase(ListView<T>& list, size_t i) {
    T* data;
    ListView<T> out = NewList<T>(list.size() - 1, &data);
    std::copy(list.begin(), list.begin() + i, data);
    std::copy(list.begin() + i + 1, list.end(), data + i);
    list = out;
  }
  // Takes ownership of a block already filled (a loaded file's mapping).
  void Adopt(Block block) { blocks_.push_back(std::move(block)); }
  // Takes over everything another arena holds.
  void Absorb(Arena&& other) {
    for (Block& b : other.blocks_) blocks_.push_back(std::move(b));
    other.blocks_.clear();
    other.next_ = nullptr;
    other.left_ = 0;
  }

 private:
  char* Raw(size_t bytes, size_t align);
  std::vector<Block> blocks_;
  size_t chunk_ = size_t{1} << 20;  // next chunk's size: grows with the arena
  char* next_ = nullptr;
  size_t left_ = 0;
};

// Asks the kernel to back [p, p + bytes) with transparent huge pages (the
// usual THP mode is "madvise": only regions that ask get them). Called on
// large regions before they are first written: loading a graph of millions of
// edges then takes thousands of page faults instead of millions, which on a
// virtual machine is most of the load time. A no-op where unsupported.
void AdviseHugePages(const void* p, size_t bytes);

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

  // Used by the loader: size the graph, fill vertices, add edges without
  // merging, link them, then index. The loader checks ids before calling and
  // keeps every string and list it sets in arena().
  void PrepareLoad(size_t vertices, size_t edges);
  VertexProps& mutable_vertex(VertexId v) { return g_[v]; }
  void AddLoadedEdge(const EdgeRecord& e) { edges_.push_back(e); }
  // The adjacency of every loaded edge at once, each list sized before it is filled.
  void LinkLoadedEdges();
  Arena& arena() { return arena_; }
  // A source vertex's record (the props point at it).
  const SourceProps* NewSourceProps(SourceProps s);
  VertexId AppendVertex(VertexProps props);
  EdgeId AppendEdge(VertexId s, VertexId t, EdgeProps props);
  void RebuildIndexes();

 protected:
  std::string Serialize() const override;

 private:
  struct DocScope;  // per-document state of one AddExtraction (graph_impl.cc)
  // Name and alias index of one entity type. Several vertices may share a
  // name (regions of one name in two provinces) or an alias (市科技局).
  // Keys are views of the arena copies of the names.
  struct NameIndex {
    std::unordered_map<std::string_view, std::vector<VertexId>> names;
    std::unordered_map<std::string_view, std::vector<VertexId>> aliases;
  };

  VertexId AddSource(const DocumentInfo& d);
  VertexId MergeEntity(const Entity& e, DocScope& scope, const Gazetteer& gazetteer);
  VertexId MergeRegion(const Entity& e, int division, DocScope& scope, const Gazetteer& gazetteer);
  VertexId EnsureDivision(int division, const Gazetteer& gazetteer);
  void LinkHierarchy(VertexId v, int division, const Gazetteer& gazetteer);
  std::optional<VertexId> FindMergeTarget(EntityType type, std::string_view name,
                                          const std::vector<std::string>& aliases) const;
  VertexId NewEntity(EntityType type, std::string_view name);
  void AddNames(VertexId v, std::string_view name, const std::vector<std::string>& aliases);
  void AddAlias(VertexId v, std::string_view alias);
  void Rename(VertexId v, std::string_view name);
  void SetJurisdiction(VertexId v, const Extraction& x, DocScope& scope, const Gazetteer& gazetteer);
  void AddCoMentions(const Extraction& x, DocScope& scope);

  // The edge s->t of this kind (and relation), if any; symmetric kinds are
  // looked up in both directions.
  std::optional<EdgeId> FindEdge(VertexId s, VertexId t, EdgeKind kind, RelationType rel) const;
  // The edge, and whether it was created now.
  std::pair<EdgeId, bool> EnsureEdge(VertexId s, VertexId t, EdgeKind kind, RelationType rel);
  void AddDocument(ListView<std::string_view>& docs, std::string_view doc);
  void AddSupport(EdgeProps& e, std::string_view doc, const Span& span, std::string_view sentence);
  void IndexEntity(VertexId v);

  BuildOptions options_;
  Arena arena_;  // before everything that views it, so destroyed after it
  std::deque<SourceProps> source_props_;  // a deque: VertexProps::source stays valid
  BoostGraph g_;
  std::vector<EdgeRecord> edges_;
  std::array<NameIndex, std::size(kAllEntityTypes)> index_;
  std::unordered_map<std::string_view, VertexId> region_by_code_;
  std::unordered_map<std::string_view, VertexId> sources_;  // doc -> (first) vertex of that name
  size_t num_sources_ = 0;
  std::unordered_set<std::string> hashes_;             // content hashes (or "doc:" keys)
};

}  // namespace policykg

#endif  // POLICYKG_GRAPH_GRAPH_IMPL_H_
