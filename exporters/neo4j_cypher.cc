#include "exporters/neo4j_cypher.h"

#include <cctype>
#include <cstdlib>
#include <stdexcept>

#include "extract/types.h"

namespace policykg {
namespace {

// Labels and types come from enums; anything else reaching here is a bug, so
// it throws rather than returning a Status.
std::string_view CheckedIdentifier(std::string_view s) {
  if (!IsPlainCypherIdentifier(s)) {
    throw std::logic_error("neo4j: not a plain Cypher identifier: " + std::string(s));
  }
  return s;
}

std::string ConstraintName(std::string_view label) {
  std::string name = "policykg_";
  for (const char c : label) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name + "_id";
}

}  // namespace

bool Neo4jVersion::Parse(std::string_view text, Neo4jVersion* out) {
  const std::string s(text);
  char* end = nullptr;
  const long major = std::strtol(s.c_str(), &end, 10);
  if (end == s.c_str() || *end != '.') return false;
  const char* minor_start = end + 1;
  const long minor = std::strtol(minor_start, &end, 10);
  if (end == minor_start || major < 1 || minor < 0) return false;
  out->major = static_cast<int>(major);
  out->minor = static_cast<int>(minor);
  return true;
}

std::string Neo4jVersion::ToString() const {
  return std::to_string(major) + "." + std::to_string(minor);
}

bool IsPlainCypherIdentifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (const char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '_') || u >= 0x80) return false;
  }
  return true;
}

std::vector<std::string> Neo4jNodeLabels() {
  std::vector<std::string> labels;
  for (const EntityType t : kAllEntityTypes) labels.emplace_back(ToString(t));
  labels.emplace_back(kNeo4jSourceLabel);
  return labels;
}

std::vector<std::string> Neo4jRelationshipTypes() {
  std::vector<std::string> types;
  for (const RelationType t : kAllRelationTypes) types.emplace_back(ToString(t));
  types.emplace_back(kNeo4jMentionsType);
  return types;
}

std::string Neo4jConstraintStatement(std::string_view label, const Neo4jVersion& version) {
  const std::string l(CheckedIdentifier(label));
  if (version.AtLeast5()) {
    return "CREATE CONSTRAINT " + ConstraintName(l) + " IF NOT EXISTS FOR (n:" + l +
           ") REQUIRE n.id IS UNIQUE";
  }
  if (version.major == 4 && version.minor >= 1) {
    return "CREATE CONSTRAINT " + ConstraintName(l) + " IF NOT EXISTS ON (n:" + l +
           ") ASSERT n.id IS UNIQUE";
  }
  // 3.x and 4.0 have no IF NOT EXISTS; re-creating an identical constraint
  // is a no-op on 3.x and an "equivalent rule" error on 4.0, which the
  // exporter accepts.
  return "CREATE CONSTRAINT ON (n:" + l + ") ASSERT n.id IS UNIQUE";
}

std::string Neo4jNodeStatement(std::string_view label) {
  return "UNWIND $rows AS row MERGE (n:" + std::string(CheckedIdentifier(label)) +
         " {id: row.id}) SET n += row.props";
}

std::string Neo4jNodeStatementReturningIds(std::string_view label, const Neo4jVersion& version) {
  const char* const id_function = version.AtLeast5() ? "elementId" : "id";
  return Neo4jNodeStatement(label) + " RETURN row.id AS " + std::string(kNeo4jIdColumn) + ", " +
         id_function + "(n) AS " + std::string(kNeo4jNodeIdColumn);
}

std::string Neo4jRelationshipStatement(std::string_view type, std::string_view from_label,
                                       std::string_view to_label) {
  const std::string from(CheckedIdentifier(from_label));
  const std::string to(CheckedIdentifier(to_label));
  // The hints pin the plan to the constraints' indexes. Without them a plan
  // made from statistics sampled before the nodes arrived can scan a whole
  // label per row (seen on 3.1: minutes for the first batch, then
  // re-planned).
  return "UNWIND $rows AS row MATCH (a:" + from + " {id: row.from}) USING INDEX a:" + from +
         "(id) MATCH (b:" + to + " {id: row.to}) USING INDEX b:" + to + "(id) MERGE (a)-[r:" +
         std::string(CheckedIdentifier(type)) + "]->(b) SET r += row.props";
}

std::string Neo4jRelationshipByNodeIdStatement(std::string_view type, const Neo4jVersion& version) {
  const std::string f = version.AtLeast5() ? "elementId" : "id";
  return "UNWIND $rows AS row MATCH (a) WHERE " + f + "(a) = row.a AND a.id = row.from MATCH (b) WHERE " + f +
         "(b) = row.b AND b.id = row.to MERGE (a)-[r:" + std::string(CheckedIdentifier(type)) +
         "]->(b) SET r += row.props RETURN count(*) AS " + std::string(kNeo4jLinkedColumn);
}

std::string Neo4jResampleStatement() { return "CALL db.resampleOutdatedIndexes()"; }

std::vector<std::string> AllNeo4jStatements(const Neo4jVersion& version) {
  std::vector<std::string> out;
  const std::vector<std::string> labels = Neo4jNodeLabels();
  for (const std::string& l : labels) out.push_back(Neo4jConstraintStatement(l, version));
  for (const std::string& l : labels) out.push_back(Neo4jNodeStatement(l));
  out.push_back(Neo4jResampleStatement());
  std::vector<std::string> entity_labels(labels.begin(), labels.end() - 1);
  for (const RelationType t : kAllRelationTypes) {
    for (const std::string& from : entity_labels) {
      for (const std::string& to : entity_labels) {
        out.push_back(Neo4jRelationshipStatement(ToString(t), from, to));
      }
    }
  }
  for (const std::string& to : entity_labels) {
    out.push_back(Neo4jRelationshipStatement(kNeo4jMentionsType, kNeo4jSourceLabel, to));
  }
  for (const std::string& l : labels) out.push_back(Neo4jNodeStatementReturningIds(l, version));
  for (const std::string& t : Neo4jRelationshipTypes()) {
    out.push_back(Neo4jRelationshipByNodeIdStatement(t, version));
  }
  return out;
}

}  // namespace policykg
