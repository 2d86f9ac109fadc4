// Query answers for people (aligned text tables, CJK counted double width) and
// for machines (JSON). JSON shapes:
//   find, neighbors, in-region, top, communities: a list of objects, each with
//     at least "name" and "type" ("distance" for neighbors and in-region,
//     "score" for top, "community" and "size" for communities);
//   show:  one object, the entity card, with "relations" and their "evidence";
//   path:  {"nodes":[{name,type}...],"edges":[{from,to,relation,...}...]};
//   stats: {"entities","relations","documents","components","by_type":{..},
//          "by_relation":{..},...}.
#ifndef POLICYKG_QUERIES_RENDER_H_
#define POLICYKG_QUERIES_RENDER_H_

#include <string>
#include <vector>

#include "graph/graph.h"
#include "queries/queries.h"

namespace policykg {

enum class Format { kTable, kJson };

std::string RenderFind(const Graph& g, const std::vector<VertexId>& found, Format f);
std::string RenderCard(const Graph& g, const Card& card, Format f);
std::string RenderNeighbors(const Graph& g, const std::vector<Reached>& found, Format f);
std::string RenderPath(const Graph& g, const Path& path, Format f);
std::string RenderInRegion(const Graph& g, const std::vector<Reached>& found, Format f);
std::string RenderTop(const Graph& g, const std::vector<Scored>& top, Format f);
std::string RenderCommunities(const Graph& g, const std::vector<Community>& groups, Format f);
std::string RenderStats(const Stats& s, Format f);

// The label of an edge: its relation type, or CO_MENTION / MENTIONS.
std::string EdgeLabel(const EdgeProps& e);
// Columns in a terminal: 2 for wide (CJK) characters, 1 otherwise.
size_t DisplayWidth(std::string_view utf8);

}  // namespace policykg

#endif  // POLICYKG_QUERIES_RENDER_H_
