// The Cypher the Neo4j exporter sends, for each server generation. Every text
// here is built only from the fixed set of labels (entity types + "Source")
// and relationship types (relation types + MENTIONS); values always travel as
// parameters ($rows), never inside the text.
#ifndef POLICYKG_EXPORTERS_NEO4J_CYPHER_H_
#define POLICYKG_EXPORTERS_NEO4J_CYPHER_H_

#include <string>
#include <string_view>
#include <vector>

namespace policykg {

// A server's version as reported by discovery ("3.1.1", "4.4.12", "5.26.0",
// and calendar versions such as "2025.01.0", which are 5.x-compatible).
struct Neo4jVersion {
  int major = 5;
  int minor = 0;

  // Fails (returns false) on text that does not start with "N.N".
  static bool Parse(std::string_view text, Neo4jVersion* out);
  std::string ToString() const;
  // 5.x syntax (FOR ... REQUIRE) applies to 5.x and calendar versions.
  bool AtLeast5() const { return major >= 5; }
};

// The label of source-document nodes.
inline constexpr std::string_view kNeo4jSourceLabel = "Source";
// The relationship type from a source document to an entity it mentions.
inline constexpr std::string_view kNeo4jMentionsType = "MENTIONS";

// Every node label the exporter can write: the entity types, then "Source".
std::vector<std::string> Neo4jNodeLabels();
// Every relationship type: the relation types, then "MENTIONS".
std::vector<std::string> Neo4jRelationshipTypes();

// The uniqueness constraint on `id` for one label, in the server's syntax:
//   3.x, 4.0: CREATE CONSTRAINT ON (n:L) ASSERT n.id IS UNIQUE
//   4.1-4.4:  CREATE CONSTRAINT name IF NOT EXISTS ON (n:L) ASSERT n.id IS UNIQUE
//   5.x+:     CREATE CONSTRAINT name IF NOT EXISTS FOR (n:L) REQUIRE n.id IS UNIQUE
std::string Neo4jConstraintStatement(std::string_view label, const Neo4jVersion& version);

// Upserts nodes of one label. Parameter: rows = [{id, props}].
std::string Neo4jNodeStatement(std::string_view label);

// The columns of the statements below.
inline constexpr std::string_view kNeo4jIdColumn = "id";        // the row's `id`
inline constexpr std::string_view kNeo4jNodeIdColumn = "nid";   // the node's internal id
inline constexpr std::string_view kNeo4jLinkedColumn = "linked";  // rows linked

// Upserts nodes of one label as Neo4jNodeStatement does, and returns each
// row's id with the node's internal id: id(n) (3.x, 4.x, an integer), or
// elementId(n) on 5.x, where id() is deprecated (a string).
// Parameter: rows = [{id, props}]. Columns: id, nid.
std::string Neo4jNodeStatementReturningIds(std::string_view label, const Neo4jVersion& version);

// Upserts relationships of one type between nodes of two labels (both ends
// must exist; labels and index hints make the server seek the constraints'
// indexes whatever its statistics say).
// Parameter: rows = [{from, to, props}].
std::string Neo4jRelationshipStatement(std::string_view type, std::string_view from_label,
                                       std::string_view to_label);

// Upserts relationships of one type between nodes found by the internal ids
// that Neo4jNodeStatementReturningIds returned (a seek by id instead of two
// index seeks per row). Each end must also still carry the expected `id`:
// internal ids are reused after deletes, and a stale one then matches no
// node rather than a wrong one. No labels: with them 3.1 plans a scan of the
// label's index instead of the seek by id.
// Parameter: rows = [{a, b, from, to, props}] (a, b: internal ids of the
// from and to nodes). Column: linked, the number of rows whose ends matched.
std::string Neo4jRelationshipByNodeIdStatement(std::string_view type, const Neo4jVersion& version);

// Asks the server to resample the indexes that changed a lot, so that the
// relationship statements are planned with the node counts just written
// (3.x to 5.x). No parameters.
std::string Neo4jResampleStatement();

// Every statement text the exporter can send to a server of `version`
// (constraints, node upserts, relationship upserts for every label pair, then
// the node upserts returning ids and the relationship upserts by id), one
// line each. Used by the Cypher lint test and `--print-cypher`.
std::vector<std::string> AllNeo4jStatements(const Neo4jVersion& version);

// True if s is a plain identifier that needs no quoting (letters, digits,
// underscore; not starting with a digit). The statement builders check every
// label and type against it: a name outside the fixed set is a bug.
bool IsPlainCypherIdentifier(std::string_view s);

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_NEO4J_CYPHER_H_
