#include "queries/queries.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include "queries/render.h"
#include "queries/suggest.h"
#include "tests/graph/graph_fixtures.h"

namespace policykg {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;
using testing_fixtures::Doc;
using testing_fixtures::TestGazetteer;

constexpr auto kRegion = EntityType::kRegion;
constexpr auto kAgency = EntityType::kAgency;
constexpr auto kInstitute = EntityType::kInstitute;
constexpr auto kEnterprise = EntityType::kEnterprise;
constexpr auto kProgram = EntityType::kProgram;
constexpr auto kLocatedIn = RelationType::kLocatedIn;
constexpr auto kPartOf = RelationType::kPartOf;
constexpr auto kCooperates = RelationType::kCooperatesWith;
constexpr auto kResponsible = RelationType::kResponsibleFor;

// A university with institutes in two cities of the made-up test gazetteer
// (青川市 and 白石市 in 云州省), the bureau of one city and its programme.
std::unique_ptr<Graph> Sample() {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt")
                       .Jurisdiction("青川市", "9101")
                       .Ent(kRegion, "青川市")
                       .Ent(kRegion, "西山区")
                       .Ent(kInstitute, "湖光大学", {"湖大"})
                       .Ent(kInstitute, "湖光大学青川研究院")
                       .Ent(kAgency, "青川市科学技术局", {"市科技局"})
                       .Ent(kProgram, "星火计划")
                       .Ent(kEnterprise, "青禾科技股份有限公司")
                       .Rel(kPartOf, kInstitute, "湖光大学青川研究院", kInstitute, "湖光大学", {0, 20},
                            "湖光大学青川研究院是湖光大学的分支。")
                       .Rel(kLocatedIn, kInstitute, "湖光大学青川研究院", kRegion, "西山区")
                       .Rel(kResponsible, kAgency, "青川市科学技术局", kProgram, "星火计划", {30, 50},
                            "星火计划由市科技局负责。")
                       .Rel(kCooperates, kEnterprise, "青禾科技股份有限公司", kInstitute, "湖光大学青川研究院"),
                   TestGazetteer());
  g->AddExtraction(Doc("b.txt")
                       .Jurisdiction("白石市", "9102")
                       .Ent(kRegion, "白石市")
                       .Ent(kInstitute, "湖大")
                       .Ent(kInstitute, "湖光大学白石研究院")
                       .Rel(kPartOf, kInstitute, "湖光大学白石研究院", kInstitute, "湖大")
                       .Rel(kLocatedIn, kInstitute, "湖光大学白石研究院", kRegion, "白石市"),
                   TestGazetteer());
  g->AddExtraction(Doc("c.txt").Ent(kEnterprise, "红石公司").Ent(kEnterprise, "蓝海公司")
                       .Rel(kCooperates, kEnterprise, "红石公司", kEnterprise, "蓝海公司"),
                   TestGazetteer());
  return g;
}

std::vector<std::string> Names(const Graph& g, const std::vector<Reached>& r) {
  std::vector<std::string> out;
  for (const Reached& x : r) out.emplace_back(g.vertex(x.vertex).name);
  return out;
}

rapidjson::Document Json(const std::string& s) {
  rapidjson::Document d;
  d.Parse(s.c_str());
  EXPECT_FALSE(d.HasParseError()) << s;
  return d;
}

TEST(Queries, ResolvesNamesAliasesAndIds) {
  const auto g = Sample();
  const auto v = ResolveEntity(*g, "湖光大学");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*ResolveEntity(*g, "湖大"), *v);
  EXPECT_EQ(*ResolveEntity(*g, "Institute:湖光大学"), *v);
}

TEST(Queries, UnknownNameSuggestsCloseNamesAndAliases) {
  const auto g = Sample();
  const auto r = ResolveEntity(*g, "湖光大雪");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_THAT(r.status().message(), HasSubstr("did you mean: 湖光大学 (Institute)"));
  const auto none = ResolveEntity(*g, "完全无关的名字");
  EXPECT_THAT(none.status().message(), ::testing::Not(HasSubstr("did you mean")));
}

TEST(Queries, SuggestRanksByEditDistance) {
  EXPECT_EQ(EditDistance(U"湖光大学", U"湖光大雪"), 1u);
  EXPECT_EQ(EditDistance(U"", U"abc"), 3u);
  EXPECT_EQ(EditDistance(U"kitten", U"sitting"), 3u);
  const auto g = Sample();
  const auto s = Suggest(*g, "湖光大学白石研究所");
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(g->vertex(s[0].vertex).name, "湖光大学白石研究院");
  EXPECT_EQ(s[0].distance, 1u);
}

TEST(Queries, SharedNameAsksForAnId) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Jurisdiction("白石市", "9102").Ent(kRegion, "东湖区"), TestGazetteer());
  g->AddExtraction(Doc("b.txt").Jurisdiction("青川市", "9101").Ent(kRegion, "东湖区"), TestGazetteer());
  const auto r = ResolveEntity(*g, "东湖区");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("Region:东湖区"));
  EXPECT_THAT(r.status().message(), HasSubstr("910102"));
  const std::string second(g->vertex(g->FindByName("东湖区")[1]).id);
  ASSERT_TRUE(ResolveEntity(*g, second).ok());
  EXPECT_EQ(g->vertex(*ResolveEntity(*g, second)).region_code, "910102");
}

TEST(Queries, FindRanksExactThenPrefixThenInside) {
  const auto g = Sample();
  std::vector<std::string> names;
  for (VertexId v : Find(*g, "湖光大学", std::nullopt, 10)) names.emplace_back(g->vertex(v).name);
  EXPECT_THAT(names, ElementsAre("湖光大学", "湖光大学白石研究院", "湖光大学青川研究院"));
  EXPECT_EQ(Find(*g, "湖光大学", std::nullopt, 1).size(), 1u);
  EXPECT_EQ(Find(*g, "青川", kRegion, 10).size(), 1u);
  EXPECT_TRUE(Find(*g, "不存在", std::nullopt, 10).empty());
  // Aliases are searched too.
  ASSERT_EQ(Find(*g, "市科技局", std::nullopt, 10).size(), 1u);
}

TEST(Queries, ShowListsRelationsWithEvidence) {
  const auto g = Sample();
  const auto card = Show(*g, "市科技局");
  ASSERT_TRUE(card.ok());
  EXPECT_EQ(g->vertex(card->vertex).name, "青川市科学技术局");
  ASSERT_EQ(card->relations.size(), 1u);
  const auto json = Json(RenderCard(*g, *card, Format::kJson));
  EXPECT_STREQ(json["name"].GetString(), "青川市科学技术局");
  EXPECT_STREQ(json["type"].GetString(), "Agency");
  EXPECT_STREQ(json["jurisdiction"].GetString(), "青川市");
  EXPECT_STREQ(json["relations"][0]["relation"].GetString(), "RESPONSIBLE_FOR");
  EXPECT_STREQ(json["relations"][0]["direction"].GetString(), "out");
  EXPECT_STREQ(json["relations"][0]["name"].GetString(), "星火计划");
  EXPECT_STREQ(json["relations"][0]["evidence"][0]["sentence"].GetString(), "星火计划由市科技局负责。");
  const std::string table = RenderCard(*g, *card, Format::kTable);
  EXPECT_THAT(table, HasSubstr("-[RESPONSIBLE_FOR]-> 星火计划 (Program)"));
  EXPECT_THAT(table, HasSubstr("a.txt: 星火计划由市科技局负责。"));
}

TEST(Queries, NeighborsReachBothCitiesOfTheUniversity) {
  const auto g = Sample();
  NeighborOptions o;
  o.depth = 2;
  o.type = kRegion;
  const auto r = Neighbors(*g, "湖光大学", o);
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(Names(*g, *r), UnorderedElementsAre("西山区", "白石市"));
  o.depth = 3;
  EXPECT_THAT(Names(*g, *Neighbors(*g, "湖光大学", o)), UnorderedElementsAre("西山区", "白石市", "青川市", "云州省"));
  const auto json = Json(RenderNeighbors(*g, *Neighbors(*g, "湖光大学", o), Format::kJson));
  ASSERT_TRUE(json.IsArray());
  EXPECT_TRUE(json[0].HasMember("name") && json[0].HasMember("type") && json[0].HasMember("distance"));
  EXPECT_EQ(json[0]["distance"].GetInt(), 2);
}

TEST(Queries, NeighborsByRelationAndDepth) {
  const auto g = Sample();
  NeighborOptions o;
  o.rel = kPartOf;
  EXPECT_THAT(Names(*g, *Neighbors(*g, "湖光大学", o)), UnorderedElementsAre("湖光大学白石研究院", "湖光大学青川研究院"));
  o.depth = 0;
  EXPECT_EQ(Neighbors(*g, "湖光大学", o).status().code(), Status::Code::kInvalidArgument);
}

TEST(Queries, PathGivesNodesAndRelations) {
  const auto g = Sample();
  const auto p = FindPath(*g, "青禾科技股份有限公司", "白石市");
  ASSERT_TRUE(p.ok());
  std::vector<std::string> names;
  for (VertexId v : p->nodes) names.emplace_back(g->vertex(v).name);
  EXPECT_THAT(names, ElementsAre("青禾科技股份有限公司", "湖光大学青川研究院", "湖光大学", "湖光大学白石研究院", "白石市"));
  const auto json = Json(RenderPath(*g, *p, Format::kJson));
  ASSERT_EQ(json["nodes"].Size(), 5u);
  ASSERT_EQ(json["edges"].Size(), 4u);
  EXPECT_STREQ(json["edges"][1]["relation"].GetString(), "PART_OF");
  EXPECT_STREQ(json["edges"][1]["from"].GetString(), "湖光大学青川研究院");
  EXPECT_STREQ(json["edges"][1]["to"].GetString(), "湖光大学");
  const auto none = FindPath(*g, "红石公司", "湖光大学");
  EXPECT_EQ(none.status().code(), Status::Code::kNotFound);
  EXPECT_THAT(none.status().message(), HasSubstr("not connected"));
}

TEST(Queries, InRegionIsTransitiveThroughTheHierarchy) {
  const auto g = Sample();
  // 西山区 is in 青川市 by the gazetteer; the institute is in 西山区 by the text.
  const auto in_city = InRegion(*g, "青川市", std::nullopt);
  ASSERT_TRUE(in_city.ok());
  EXPECT_THAT(Names(*g, *in_city), UnorderedElementsAre("西山区", "湖光大学青川研究院", "青川市科学技术局"));
  EXPECT_THAT(Names(*g, *InRegion(*g, "云州省", kInstitute)),
              UnorderedElementsAre("湖光大学青川研究院", "湖光大学白石研究院"));
  EXPECT_THAT(Names(*g, *InRegion(*g, "白石市", kInstitute)), ElementsAre("湖光大学白石研究院"));
  EXPECT_EQ(InRegion(*g, "湖光大学", std::nullopt).status().code(), Status::Code::kInvalidArgument);
}

TEST(Queries, TopByDegreeAndTheOtherMeasures) {
  const auto g = Sample();
  const auto top = Top(*g, Centrality::kDegree, std::nullopt, 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(g->vertex(top[0].vertex).name, "湖光大学青川研究院");
  EXPECT_EQ(top[0].score, 3.0);
  const auto institutes = Top(*g, Centrality::kBetweenness, kInstitute, 10);
  for (const Scored& s : institutes) EXPECT_EQ(g->vertex(s.vertex).type, kInstitute);
  EXPECT_EQ(g->vertex(institutes[0].vertex).name, "湖光大学青川研究院");
  const auto json = Json(RenderTop(*g, Top(*g, Centrality::kPageRank, std::nullopt, 3), Format::kJson));
  ASSERT_EQ(json.Size(), 3u);
  EXPECT_TRUE(json[0].HasMember("score") && json[0].HasMember("name") && json[0].HasMember("type"));
  EXPECT_GE(json[0]["score"].GetDouble(), json[1]["score"].GetDouble());
  EXPECT_EQ(ParseCentrality("pagerank"), Centrality::kPageRank);
  EXPECT_FALSE(ParseCentrality("closeness").has_value());
}

TEST(Queries, CommunitiesLeaveOutSmallGroups) {
  const auto g = Sample();
  const auto groups = FindCommunities(*g, 2, 100);
  ASSERT_GE(groups.size(), 2u);
  for (size_t i = 1; i < groups.size(); ++i) EXPECT_LE(groups[i].members.size(), groups[i - 1].members.size());
  bool pair_found = false;
  for (const Community& c : groups) {
    EXPECT_GE(c.members.size(), 2u);
    std::vector<std::string> names;
    for (VertexId v : c.members) names.emplace_back(g->vertex(v).name);
    if (std::find(names.begin(), names.end(), "红石公司") != names.end()) {
      EXPECT_THAT(names, UnorderedElementsAre("红石公司", "蓝海公司"));
      pair_found = true;
    }
  }
  EXPECT_TRUE(pair_found);
  const auto json = Json(RenderCommunities(*g, groups, Format::kJson));
  EXPECT_TRUE(json[0].HasMember("community") && json[0].HasMember("name") && json[0].HasMember("type"));
}

TEST(Queries, StatsCountEverything) {
  const auto g = Sample();
  const Stats s = ComputeStats(*g);
  EXPECT_EQ(s.documents, 3u);
  EXPECT_EQ(s.by_type.at("Institute"), 3u);
  // 青川市, 西山区, 白石市 and 云州省 (from the gazetteer only).
  EXPECT_EQ(s.by_type.at("Region"), 4u);
  EXPECT_EQ(s.by_relation.at("PART_OF"), 2u);
  // 2 stated, plus 西山区 -> 青川市 -> 云州省 and 白石市 -> 云州省.
  EXPECT_EQ(s.by_relation.at("LOCATED_IN"), 5u);
  EXPECT_EQ(s.from_gazetteer, 3u);
  EXPECT_EQ(s.entities, g->num_vertices() - 3);
  // The university's world, the pair of companies, the bureau with its programme.
  EXPECT_EQ(s.components, 3u);
  const auto json = Json(RenderStats(s, Format::kJson));
  for (const char* k : {"entities", "relations", "documents", "components", "by_type", "by_relation"}) {
    EXPECT_TRUE(json.HasMember(k)) << k;
  }
  EXPECT_EQ(json["by_type"]["Institute"].GetUint(), 3u);
}

TEST(Render, TablesAlignWideCharacters) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("湖光"), 4u);
  const auto g = Sample();
  const std::string t = RenderFind(*g, Find(*g, "湖光大学", std::nullopt, 10), Format::kTable);
  std::vector<size_t> type_column;
  size_t start = 0;
  for (size_t end; (end = t.find('\n', start)) != std::string::npos; start = end + 1) {
    const std::string line = t.substr(start, end - start);
    const size_t at = line.find(start == 0 ? "TYPE" : "Institute");
    ASSERT_NE(at, std::string::npos) << line;
    type_column.push_back(DisplayWidth(line.substr(0, at)));
  }
  ASSERT_EQ(type_column.size(), 4u);
  for (size_t c : type_column) EXPECT_EQ(c, type_column[0]);
}

}  // namespace
}  // namespace policykg
