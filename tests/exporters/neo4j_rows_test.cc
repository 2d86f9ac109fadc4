#include "exporters/neo4j_rows.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "tests/exporters/neo4j_test_graph.h"

namespace policykg {
namespace {

rapidjson::Document Parse(const std::string& row) {
  rapidjson::Document d;
  d.Parse(row.c_str());
  EXPECT_FALSE(d.HasParseError()) << row;
  return d;
}

TEST(Neo4jRows, NodesGroupedByLabelWithTheirProperties) {
  Neo4jTestGraph g;
  g.AddEntity(EntityType::kAgency, "甲县科学技术局", {"甲县科技局"}, {"a.txt", "b.txt"});
  g.AddEntity(EntityType::kRegion, "甲县");
  g.AddSource("a.txt", "关于某事的答复");
  const Neo4jRows rows = CollectNeo4jRows(g);
  ASSERT_EQ(rows.node_groups.size(), 3u);
  EXPECT_EQ(rows.num_nodes(), 3u);
  const Neo4jRowGroup& agency = rows.node_groups[0];
  EXPECT_EQ(agency.label, "Agency");
  ASSERT_EQ(agency.rows.size(), 1u);
  const auto d = Parse(agency.rows[0]);
  EXPECT_STREQ(d["id"].GetString(), "Agency:甲县科学技术局");
  EXPECT_STREQ(d["props"]["name"].GetString(), "甲县科学技术局");
  EXPECT_STREQ(d["props"]["aliases"][0].GetString(), "甲县科技局");
  EXPECT_EQ(d["props"]["documents"].Size(), 2u);
  EXPECT_EQ(d["props"]["mentions"].GetUint(), 2u);
  const auto s = Parse(rows.node_groups[2].rows[0]);
  EXPECT_EQ(rows.node_groups[2].label, "Source");
  EXPECT_STREQ(s["props"]["title"].GetString(), "关于某事的答复");
  EXPECT_STREQ(s["props"]["hash"].GetString(), "hash-a.txt");
}

TEST(Neo4jRows, ParallelEdgesMergeAndMentionsStartAtTheSource) {
  Neo4jTestGraph g;
  const VertexId inst = g.AddEntity(EntityType::kInstitute, "乙市研究院");
  const VertexId region = g.AddEntity(EntityType::kRegion, "乙市");
  const VertexId src = g.AddSource("a.txt", "");
  g.AddRelation(inst, region, RelationType::kLocatedIn, "a.txt", "乙市研究院位于乙市。");
  g.AddRelation(inst, region, RelationType::kLocatedIn, "b.txt", "乙市研究院在乙市。");
  EdgeProps mention;
  mention.kind = EdgeKind::kMentions;
  g.AddEdge(inst, src, mention);  // stored backwards: still exported Source -> entity
  EdgeProps co;
  co.kind = EdgeKind::kCoMention;
  g.AddEdge(inst, region, co);
  const Neo4jRows rows = CollectNeo4jRows(g);
  ASSERT_EQ(rows.relationship_groups.size(), 2u);
  EXPECT_EQ(rows.num_relationships(), 2u);
  const Neo4jRowGroup& located = rows.relationship_groups[0];
  EXPECT_EQ(located.type, "LOCATED_IN");
  EXPECT_EQ(located.from_label, "Institute");
  EXPECT_EQ(located.to_label, "Region");
  const auto d = Parse(located.rows[0]);
  EXPECT_EQ(d["props"]["documents"].Size(), 2u);
  EXPECT_EQ(d["props"]["evidence"].Size(), 2u);
  EXPECT_DOUBLE_EQ(d["props"]["weight"].GetDouble(), 2.0);
  const Neo4jRowGroup& mentions = rows.relationship_groups[1];
  EXPECT_EQ(mentions.type, "MENTIONS");
  EXPECT_EQ(mentions.from_label, "Source");
  EXPECT_STREQ(Parse(mentions.rows[0])["from"].GetString(), "Source:a.txt");
  // Each row's ends, as in the row, for the lookup of internal ids.
  ASSERT_EQ(mentions.ends.size(), mentions.rows.size());
  EXPECT_EQ(mentions.ends[0].first, "Source:a.txt");
  EXPECT_EQ(mentions.ends[0].second, Parse(mentions.rows[0])["to"].GetString());
  ASSERT_EQ(located.ends.size(), 1u);
  EXPECT_EQ(located.ends[0].first, d["from"].GetString());
  EXPECT_EQ(located.ends[0].second, d["to"].GetString());
}

TEST(Neo4jRows, HostileNamesStayData) {
  Neo4jTestGraph g;
  const std::string evil = "x'}) DETACH DELETE n // `{$rows}` \"\\";
  g.AddEntity(EntityType::kEnterprise, evil);
  const Neo4jRows rows = CollectNeo4jRows(g);
  const auto d = Parse(rows.node_groups[0].rows[0]);
  EXPECT_EQ(std::string(d["props"]["name"].GetString()), evil);
}

}  // namespace
}  // namespace policykg
