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

struct Evidence {
  std::string doc;       // source document's base name
  Span span;             // code points into that document
  std::string sentence;  // the text of the span
};

struct VertexProps {
  VertexKind kind = VertexKind::kEntity;
  std::string id;  // stable key: "Institute:浙江大学", "Source:<doc>"
  // Entities ---------------------------------------------------------------
  EntityType type = EntityType::kRegion;
  std::string name;                    // canonical name
  std::vector<std::string> aliases;    // every other form seen
  std::vector<std::string> documents;  // docs that mention it
  std::vector<Evidence> mentions;      // where (sentence empty: offsets only)
  std::string region_code;             // Region: administrative code
  std::string region_level;            // Region: "province", "prefecture", "county", "town"
  std::string jurisdiction;            // Agency: the region it belongs to
  // Sources (kind == kSource) -------------------------------------------------
  std::string doc, path, title, number, issuer, date, content_hash, encoding;
  int64_t chars = 0;
};

struct EdgeProps {
  EdgeKind kind = EdgeKind::kRelation;
  RelationType rel = RelationType::kLocatedIn;  // kRelation only
  std::vector<std::string> documents;           // supporting docs (empty: gazetteer)
  std::vector<Evidence> evidence;               // supporting sentences
  bool from_gazetteer = false;                  // implied by the division hierarchy
  double weight = 1.0;                          // number of supporting mentions
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
