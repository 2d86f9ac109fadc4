#include "exporters/neo4j_cypher.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace policykg {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(Neo4jVersion, ParsesReleaseAndCalendarVersions) {
  Neo4jVersion v;
  ASSERT_TRUE(Neo4jVersion::Parse("3.1.1", &v));
  EXPECT_EQ(v.major, 3);
  EXPECT_EQ(v.minor, 1);
  EXPECT_FALSE(v.AtLeast5());
  ASSERT_TRUE(Neo4jVersion::Parse("2025.01.0", &v));
  EXPECT_TRUE(v.AtLeast5());
  EXPECT_FALSE(Neo4jVersion::Parse("", &v));
  EXPECT_FALSE(Neo4jVersion::Parse("five", &v));
  EXPECT_FALSE(Neo4jVersion::Parse("5", &v));
}

TEST(Neo4jCypher, ConstraintSyntaxFollowsServerGeneration) {
  EXPECT_EQ(Neo4jConstraintStatement("Agency", Neo4jVersion{3, 1}),
            "CREATE CONSTRAINT ON (n:Agency) ASSERT n.id IS UNIQUE");
  EXPECT_EQ(Neo4jConstraintStatement("Agency", Neo4jVersion{4, 0}),
            "CREATE CONSTRAINT ON (n:Agency) ASSERT n.id IS UNIQUE");
  EXPECT_EQ(Neo4jConstraintStatement("Agency", Neo4jVersion{4, 4}),
            "CREATE CONSTRAINT policykg_agency_id IF NOT EXISTS ON (n:Agency) ASSERT n.id IS UNIQUE");
  EXPECT_EQ(Neo4jConstraintStatement("Agency", Neo4jVersion{5, 26}),
            "CREATE CONSTRAINT policykg_agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE");
  EXPECT_EQ(Neo4jConstraintStatement("Source", Neo4jVersion{2025, 1}),
            "CREATE CONSTRAINT policykg_source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE");
}

TEST(Neo4jCypher, DataStatementsTakeValuesOnlyAsParameters) {
  EXPECT_EQ(Neo4jNodeStatement("Region"),
            "UNWIND $rows AS row MERGE (n:Region {id: row.id}) SET n += row.props");
  EXPECT_EQ(Neo4jRelationshipStatement("LOCATED_IN", "Institute", "Region"),
            "UNWIND $rows AS row MATCH (a:Institute {id: row.from}) USING INDEX a:Institute(id) "
            "MATCH (b:Region {id: row.to}) USING INDEX b:Region(id) "
            "MERGE (a)-[r:LOCATED_IN]->(b) SET r += row.props");
}

TEST(Neo4jCypher, NodeStatementsReturnInternalIds) {
  EXPECT_EQ(Neo4jNodeStatementReturningIds("Region", Neo4jVersion{3, 1}),
            "UNWIND $rows AS row MERGE (n:Region {id: row.id}) SET n += row.props "
            "RETURN row.id AS id, id(n) AS nid");
  EXPECT_EQ(Neo4jNodeStatementReturningIds("Region", Neo4jVersion{4, 4}),
            "UNWIND $rows AS row MERGE (n:Region {id: row.id}) SET n += row.props "
            "RETURN row.id AS id, id(n) AS nid");
  // id() is deprecated on 5.x.
  EXPECT_EQ(Neo4jNodeStatementReturningIds("Source", Neo4jVersion{5, 26}),
            "UNWIND $rows AS row MERGE (n:Source {id: row.id}) SET n += row.props "
            "RETURN row.id AS id, elementId(n) AS nid");
  EXPECT_EQ(Neo4jNodeStatementReturningIds("Source", Neo4jVersion{2025, 1}),
            Neo4jNodeStatementReturningIds("Source", Neo4jVersion{5, 0}));
}

TEST(Neo4jCypher, RelationshipsByInternalIdCheckTheIdPropertyToo) {
  // The guard against stale internal ids: each end must still carry the
  // row's id, else the row matches nothing (and is counted out of `linked`).
  EXPECT_EQ(Neo4jRelationshipByNodeIdStatement("LOCATED_IN", Neo4jVersion{3, 1}),
            "UNWIND $rows AS row MATCH (a) WHERE id(a) = row.a AND a.id = row.from "
            "MATCH (b) WHERE id(b) = row.b AND b.id = row.to "
            "MERGE (a)-[r:LOCATED_IN]->(b) SET r += row.props RETURN count(*) AS linked");
  EXPECT_EQ(Neo4jRelationshipByNodeIdStatement("MENTIONS", Neo4jVersion{5, 26}),
            "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a AND a.id = row.from "
            "MATCH (b) WHERE elementId(b) = row.b AND b.id = row.to "
            "MERGE (a)-[r:MENTIONS]->(b) SET r += row.props RETURN count(*) AS linked");
  for (const Neo4jVersion v : {Neo4jVersion{3, 1}, Neo4jVersion{4, 4}, Neo4jVersion{5, 0}}) {
    const std::string s = Neo4jRelationshipByNodeIdStatement("COOPERATES_WITH", v);
    EXPECT_THAT(s, HasSubstr("a.id = row.from"));
    EXPECT_THAT(s, HasSubstr("b.id = row.to"));
    EXPECT_THAT(s, HasSubstr("MERGE (a)-[r:COOPERATES_WITH]->(b)"));  // never CREATE: no duplicates
    EXPECT_THAT(s, Not(HasSubstr("CREATE")));
  }
  EXPECT_THROW(Neo4jRelationshipByNodeIdStatement("X]->(b) //", Neo4jVersion{5, 0}), std::logic_error);
  EXPECT_THROW(Neo4jNodeStatementReturningIds("Region`)", Neo4jVersion{5, 0}), std::logic_error);
}

TEST(Neo4jCypher, RefusesIdentifiersOutsideTheFixedSet) {
  EXPECT_THROW(Neo4jNodeStatement("Region`) DETACH DELETE n //"), std::logic_error);
  EXPECT_THROW(Neo4jRelationshipStatement("X]->(b) //", "Region", "Region"), std::logic_error);
  EXPECT_FALSE(IsPlainCypherIdentifier("9Lives"));
  EXPECT_FALSE(IsPlainCypherIdentifier("名字"));
  EXPECT_TRUE(IsPlainCypherIdentifier("COOPERATES_WITH"));
}

TEST(Neo4jCypher, AllStatementsCoverEveryLabelAndType) {
  const auto all = AllNeo4jStatements(Neo4jVersion{5, 0});
  const auto labels = Neo4jNodeLabels();
  const auto types = Neo4jRelationshipTypes();
  EXPECT_EQ(labels.size(), 8u);
  EXPECT_EQ(types.size(), 6u);
  // constraints + node upserts + resampling + 5 relation types x 7 x 7 + MENTIONS x 7
  // + node upserts returning ids + relationship upserts by id, one per type
  EXPECT_EQ(all.size(), 8u + 8u + 1u + 5u * 49u + 7u + 8u + 6u);
  EXPECT_EQ(all[16], "CALL db.resampleOutdatedIndexes()");
  EXPECT_THAT(all[8u + 8u + 1u + 5u * 49u + 7u], HasSubstr("elementId(n)"));
  EXPECT_THAT(all.back(), HasSubstr("elementId(a) = row.a"));
  for (const std::string& s : all) {
    EXPECT_THAT(s, Not(HasSubstr("\n")));
    EXPECT_THAT(s, Not(HasSubstr("'")));  // no literals at all
  }
  const auto old = AllNeo4jStatements(Neo4jVersion{3, 1});
  EXPECT_THAT(old[0], HasSubstr("ASSERT"));
}

}  // namespace
}  // namespace policykg
