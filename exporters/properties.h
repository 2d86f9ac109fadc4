// Internal to exporters/: the one list of vertex and edge properties that the
// file formats write, with their value types, and the colour and shape of each
// entity type. GraphML keys, CSV headers, Cytoscape data fields and the DOT
// and HTML styles all come from here, so the formats cannot drift apart.
#ifndef POLICYKG_EXPORTERS_PROPERTIES_H_
#define POLICYKG_EXPORTERS_PROPERTIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"

namespace policykg {

enum class PropType { kString, kStringList, kInt, kLong, kDouble, kBool };

// Which vertices a property belongs to.
enum class PropScope { kAll, kEntity, kSource };

struct PropDef {
  std::string_view key;
  PropType type;
  PropScope scope = PropScope::kAll;
};

struct Property {
  const PropDef* def = nullptr;
  std::string text;               // scalars, in their canonical text form
  std::vector<std::string> list;  // kStringList
  bool empty() const { return text.empty() && list.empty(); }
};

// In declaration order; keys are unique within each list.
const std::vector<PropDef>& VertexPropDefs();
const std::vector<PropDef>& EdgePropDefs();

// Every property of the vertex's scope, in VertexPropDefs() order (empty
// values included, so callers can write fixed columns).
std::vector<Property> VertexProperties(const Graph& g, VertexId v);
std::vector<Property> EdgeProperties(const Graph& g, EdgeId e);

// The label a picture shows: the name, or a source document's title or file.
std::string VertexLabel(const VertexProps& p);
// "Region", ..., or "Source" for source documents.
std::string VertexTypeName(const VertexProps& p);
// "LOCATED_IN", ..., "MENTIONS", "CO_MENTION".
std::string EdgeTypeName(const EdgeProps& p);
// True for edges without direction (COOPERATES_WITH, co-mentions).
bool IsUndirected(const EdgeProps& p);
// "n12", "e7": element ids in GraphML, DOT and Cytoscape.
std::string NodeId(VertexId v);
std::string EdgeIdString(EdgeId e);

// Lists are written joined with ';' where a format has no list type (GraphML
// strings, neo4j-admin arrays). An item's own ASCII ';' becomes the full-width
// '；' so that splitting on ';' gives the items back.
constexpr char kListSeparator = ';';
std::string JoinList(const std::vector<std::string>& items);

struct TypeStyle {
  std::string_view type;        // "Region", ..., "Source"
  std::string_view colour;      // "#4e79a7"
  std::string_view dot_shape;   // Graphviz node shape
  std::string_view cy_shape;    // Cytoscape.js node shape
};
// Entity types in kAllEntityTypes order, then Source.
const std::vector<TypeStyle>& TypeStyles();
const TypeStyle& StyleOf(std::string_view type_name);

struct RelationStyle {
  std::string_view type;    // "LOCATED_IN", ..., "MENTIONS", "CO_MENTION"
  std::string_view colour;
  std::string_view dot_style;  // "solid", "dashed", "dotted", "bold"
  bool undirected;
};
const std::vector<RelationStyle>& RelationStyles();
const RelationStyle& RelationStyleOf(std::string_view type_name);

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_PROPERTIES_H_
