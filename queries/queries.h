// The query verbs of `policykg query GRAPH VERB ...`, answered from a loaded
// Graph. Each verb returns plain data (vertex and edge ids with what the verb
// computed); queries/render.h turns that into a table or JSON.
//
// Names: a verb that takes an entity accepts its canonical name, any alias,
// or its id ("Region:东湖区"). An unknown name fails with NotFound and a
// "did you mean" list (by edit distance over names and aliases); a name that
// several entities share fails with InvalidArgument listing their ids.
#ifndef POLICYKG_QUERIES_QUERIES_H_
#define POLICYKG_QUERIES_QUERIES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/algorithms.h"
#include "graph/graph.h"

namespace policykg {

// The one entity a user-given name means.
Result<VertexId> ResolveEntity(const Graph& g, std::string_view name,
                               std::optional<EntityType> type = std::nullopt);

// find TEXT: entities whose name or an alias contains TEXT (ASCII case
// folded): exact matches first, then prefixes, then the rest, shorter first.
std::vector<VertexId> Find(const Graph& g, std::string_view text, std::optional<EntityType> type,
                           size_t limit);

// show NAME: the entity and every typed relation touching it.
struct Card {
  VertexId vertex = 0;
  std::vector<Incident> relations;  // kRelation edges, strongest first
  size_t co_mentions = 0;           // number of co-mention edges
};
Result<Card> Show(const Graph& g, std::string_view name);

// neighbors NAME [--rel TYPE] [--type TYPE] [--depth N]: entities within
// depth hops over typed relations (only `rel` when given); `type` filters
// what is listed, not what is walked through.
struct NeighborOptions {
  std::optional<RelationType> rel;
  std::optional<EntityType> type;
  int depth = 1;
  bool co_mentions = false;  // also walk co-mention edges
};
Result<std::vector<Reached>> Neighbors(const Graph& g, std::string_view name, const NeighborOptions& options);

// path A B: a shortest chain of typed relations between two entities.
// NotFound when they are not connected.
Result<Path> FindPath(const Graph& g, std::string_view from, std::string_view to, bool co_mentions = false);

// in-region REGION [--type TYPE]: everything located in the region or in any
// region inside it (LOCATED_IN, PART_OF and the division hierarchy), and
// agencies whose jurisdiction is one of those regions. The region itself is
// not listed.
Result<std::vector<Reached>> InRegion(const Graph& g, std::string_view region, std::optional<EntityType> type);

// top --by degree|betweenness|pagerank [--type TYPE] [--limit N].
struct Scored {
  VertexId vertex = 0;
  double score = 0;
};
std::optional<Centrality> ParseCentrality(std::string_view s);
std::vector<Scored> Top(const Graph& g, Centrality by, std::optional<EntityType> type, size_t limit,
                        bool co_mentions = false);

// communities: groups of closely linked entities (Louvain over typed
// relations, and co-mentions when asked), largest first; groups smaller than
// min_size are left out.
struct Community {
  uint32_t id = 0;
  std::vector<VertexId> members;  // most connected first
};
std::vector<Community> FindCommunities(const Graph& g, size_t min_size, size_t limit, bool co_mentions = false);

// stats: counts over the whole graph.
struct Stats {
  size_t entities = 0;
  size_t relations = 0;  // typed relation edges
  size_t documents = 0;
  size_t components = 0;  // connected components of the entity graph (typed relations)
  size_t from_gazetteer = 0;
  size_t co_mentions = 0;
  size_t mentions = 0;
  std::map<std::string, size_t> by_type;
  std::map<std::string, size_t> by_relation;
};
Stats ComputeStats(const Graph& g);

}  // namespace policykg

#endif  // POLICYKG_QUERIES_QUERIES_H_
