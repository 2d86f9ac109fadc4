// The knowledge graph: one vertex per real-world entity across all documents,
// plus one vertex per source document, with typed relation edges carrying
// their evidence. Boost.Graph holds it underneath (graph_impl.h, private to
// this library); callers see only this interface and plain ids.
//
// Contract:
// - Entities merge on (type, canonical name) and on aliases: an entity whose
//   name or alias equals the name or alias of an existing vertex of the same
//   type is that vertex.
// - Regions are tied to the gazetteer: a Region vertex carries its code and
//   level, and LOCATED_IN edges up the division hierarchy (柯城区 -> 衢州市 ->
//   浙江省) are added whether or not a document states them.
// - Adding a document whose content hash is already present changes nothing.
// - Ids are dense (0..num_vertices()-1, 0..num_edges()-1) and stable across
//   Save/Load.
#ifndef POLICYKG_GRAPH_GRAPH_H_
#define POLICYKG_GRAPH_GRAPH_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/types.h"

namespace policykg {

class Gazetteer;

using VertexId = uint32_t;
using EdgeId = uint32_t;

enum class VertexKind { kEntity, kSource };
enum class EdgeKind {
  kRelation,   // a typed relation (RelationType), from documents or the gazetteer
  kMentions,   // source document -> entity it mentions
  kCoMention,  // two entities in one sentence (undirected; for network pictures)
};
std::string_view ToString(VertexKind k);  // "entity", "source"
std::string_view ToString(EdgeKind k);    // "relation", "mentions", "co_mention"

// A read-only run of values the graph owns (C++17 has no std::span). Like
// every string_view the graph hands out, it stays valid, showing the values
// as they were, for as long as the graph lives: the graph never frees or
// moves what it has written, a list that grows gets new storage.
template <typename T>
class ListView {
 public:
  using value_type = T;
  using size_type = size_t;
  using const_iterator = const T*;
  using iterator = const T*;
  using const_reference = const T&;
  using reference = const T&;

  ListView() = default;
  ListView(const T* data, size_t size) : data_(data), size_(size) {}
  const T* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  const T& operator[](size_t i) const { return data_[i]; }
  const T& front() const { return data_[0]; }
  const T& back() const { return data_[size_ - 1]; }
  friend bool operator==(ListView a, ListView b) {
    if (a.size_ != b.size_) return false;
    for (size_t i = 0; i < a.size_; ++i) {
      if (!(a.data_[i] == b.data_[i])) return false;
    }
    return true;
  }
  friend bool operator!=(ListView a, ListView b) { return !(a == b); }

 private:
  const T* data_ = nullptr;
  size_t size_ = 0;
};

// Strings in the props below point into storage the graph owns (each
// distinct document name and sentence is kept once); copy them to keep them
// beyond the graph's life.
struct Evidence {
  std::string_view doc;       // source document's base name
  Span span;                  // code points into that document
  std::string_view sentence;  // the text of the span
  bool operator==(const Evidence& o) const { return doc == o.doc && span == o.span && sentence == o.sentence; }
};

// What a source-document vertex records of its document.
struct SourceProps {
  std::string doc, path, title, number, issuer, date, content_hash, encoding;
  int64_t chars = 0;
};

struct VertexProps {
  VertexKind kind = VertexKind::kEntity;
  EntityType type = EntityType::kRegion;  // entities
  std::string_view id;                    // stable key: "Institute:浙江大学", "Source:<doc>"
  std::string_view name;                  // canonical name (sources: the doc name)
  ListView<std::string_view> aliases;     // every other form seen
  ListView<std::string_view> documents;   // docs that mention it
  ListView<Evidence> mentions;            // where (sentence empty: offsets only)
  std::string_view region_code;           // Region: administrative code
  std::string_view region_level;          // Region: "province", "prefecture", "county", "town"
  std::string_view jurisdiction;          // Agency, and sources: the region it belongs to
  // Sources (kind == kSource): the document's metadata, owned by the graph;
  // null for entities, which so stay small.
  const SourceProps* source = nullptr;
};

struct EdgeProps {
  EdgeKind kind = EdgeKind::kRelation;
  RelationType rel = RelationType::kLocatedIn;  // kRelation only
  bool from_gazetteer = false;                  // implied by the division hierarchy
  double weight = 1.0;                          // number of supporting mentions
  ListView<std::string_view> documents;         // supporting docs (empty: gazetteer)
  ListView<Evidence> evidence;                  // supporting sentences
};

// One edge as seen from a vertex.
struct Incident {
  EdgeId edge;
  VertexId other;
  bool outgoing;  // true if the vertex is the edge's source
};

struct BuildOptions {
  bool co_mentions = false;  // also add kCoMention edges
};

class Graph {
 public:
  static std::unique_ptr<Graph> Create(const BuildOptions& options = {});
  // Fails with Corrupt for a truncated, damaged or foreign file, never a
  // partial graph.
  static Result<std::unique_ptr<Graph>> Load(const std::string& path);
  virtual ~Graph() = default;

  Status Save(const std::string& path) const;

  // Merges one document. Returns false (and changes nothing) when a document
  // with the same content hash is already in the graph.
  virtual bool AddExtraction(const Extraction& x, const Gazetteer& gazetteer) = 0;

  virtual size_t num_vertices() const = 0;
  virtual size_t num_edges() const = 0;
  virtual const VertexProps& vertex(VertexId v) const = 0;
  virtual const EdgeProps& edge(EdgeId e) const = 0;
  virtual VertexId source(EdgeId e) const = 0;
  virtual VertexId target(EdgeId e) const = 0;

  // Entity by exact canonical name or alias, optionally of one type.
  virtual std::vector<VertexId> FindByName(std::string_view name,
                                           std::optional<EntityType> type = std::nullopt) const = 0;
  // The source-document vertex of a doc name.
  virtual std::optional<VertexId> FindSource(std::string_view doc) const = 0;
  virtual bool HasContentHash(std::string_view hash) const = 0;

  // Every edge touching v, both directions.
  virtual void ForEachIncident(VertexId v, const std::function<void(const Incident&)>& fn) const = 0;

  // The options the graph was built with (saved with it).
  virtual const BuildOptions& options() const = 0;
  // Number of source-document vertices.
  virtual size_t num_sources() const = 0;

 protected:
  // The file image that Save writes (format in graph/graph_file.h).
  virtual std::string Serialize() const = 0;
};

}  // namespace policykg

#endif  // POLICYKG_GRAPH_GRAPH_H_
