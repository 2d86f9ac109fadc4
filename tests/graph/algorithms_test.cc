#include "graph/algorithms.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "tests/graph/graph_fixtures.h"

namespace policykg {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;
using testing_fixtures::Doc;

constexpr auto kRegion = EntityType::kRegion;
constexpr auto kAgency = EntityType::kAgency;
constexpr auto kInstitute = EntityType::kInstitute;
constexpr auto kEnterprise = EntityType::kEnterprise;
constexpr auto kProgram = EntityType::kProgram;
constexpr auto kLocatedIn = RelationType::kLocatedIn;
constexpr auto kPartOf = RelationType::kPartOf;
constexpr auto kCooperates = RelationType::kCooperatesWith;
constexpr auto kResponsible = RelationType::kResponsibleFor;

const Gazetteer& Gaz() { return Gazetteer::Embedded(); }  // names below are made up

// 雾岭市 <- 湖光大学 <- 湖光大学研究院 -- 青禾公司 ; 雾岭市科学技术局 -> 星火计划
// and, apart, 红石公司 -- 蓝海公司.
std::unique_ptr<Graph> Sample() {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt")
                       .Ent(kRegion, "雾岭市")
                       .Ent(kInstitute, "湖光大学")
                       .Ent(kInstitute, "湖光大学研究院")
                       .Ent(kEnterprise, "青禾公司")
                       .Rel(kLocatedIn, kInstitute, "湖光大学", kRegion, "雾岭市")
                       .Rel(kPartOf, kInstitute, "湖光大学研究院", kInstitute, "湖光大学")
                       .Rel(kCooperates, kEnterprise, "青禾公司", kInstitute, "湖光大学研究院"),
                   Gaz());
  g->AddExtraction(Doc("b.txt")
                       .Ent(kAgency, "雾岭市科学技术局")
                       .Ent(kProgram, "星火计划")
                       .Ent(kRegion, "雾岭市")
                       .Rel(kResponsible, kAgency, "雾岭市科学技术局", kProgram, "星火计划")
                       .Rel(kLocatedIn, kAgency, "雾岭市科学技术局", kRegion, "雾岭市"),
                   Gaz());
  g->AddExtraction(Doc("c.txt")
                       .Ent(kEnterprise, "红石公司")
                       .Ent(kEnterprise, "蓝海公司")
                       .Rel(kCooperates, kEnterprise, "红石公司", kEnterprise, "蓝海公司"),
                   Gaz());
  return g;
}

VertexId V(const Graph& g, const char* name) { return g.FindByName(name).at(0); }

std::map<std::string, int> Names(const Graph& g, const std::vector<Reached>& r) {
  std::map<std::string, int> out;
  for (const Reached& x : r) out[std::string(g.vertex(x.vertex).name)] = x.distance;
  return out;
}

TEST(Algorithms, NeighborhoodStopsAtTheDepthAndWalksBothDirections) {
  const auto g = Sample();
  const auto one = Neighborhood(*g, V(*g, "湖光大学"), 1, EdgeFilter{});
  EXPECT_EQ(one[0].vertex, V(*g, "湖光大学"));
  EXPECT_EQ(one[0].distance, 0);
  EXPECT_EQ(Names(*g, one),
            (std::map<std::string, int>{{"湖光大学", 0}, {"雾岭市", 1}, {"湖光大学研究院", 1}}));
  const auto two = Neighborhood(*g, V(*g, "湖光大学"), 2, EdgeFilter{});
  EXPECT_EQ(Names(*g, two), (std::map<std::string, int>{{"湖光大学", 0},
                                                        {"雾岭市", 1},
                                                        {"湖光大学研究院", 1},
                                                        {"青禾公司", 2},
                                                        {"雾岭市科学技术局", 2}}));
  for (const Reached& r : two) {
    if (r.distance == 0) continue;
    const EdgeId e = r.via;
    EXPECT_TRUE((g->source(e) == r.vertex && g->target(e) == r.parent) ||
                (g->source(e) == r.parent && g->target(e) == r.vertex));
  }
  EXPECT_EQ(Neighborhood(*g, V(*g, "湖光大学"), 0, EdgeFilter{}).size(), 1u);
}

TEST(Algorithms, NeighborhoodFollowsOnlyTheChosenRelations) {
  const auto g = Sample();
  EdgeFilter f;
  f.rels = {kPartOf};
  EXPECT_EQ(Names(*g, Neighborhood(*g, V(*g, "湖光大学"), 3, f)),
            (std::map<std::string, int>{{"湖光大学", 0}, {"湖光大学研究院", 1}}));
}

TEST(Algorithms, SourceVerticesOnlyWithMentionEdges) {
  const auto g = Sample();
  EdgeFilter f;
  EXPECT_EQ(Neighborhood(*g, V(*g, "红石公司"), 1, f).size(), 2u);
  f.mentions = true;
  const auto r = Neighborhood(*g, V(*g, "红石公司"), 1, f);
  EXPECT_EQ(r.size(), 3u);  // + c.txt
  EXPECT_TRUE(Names(*g, r).count("c.txt"));
}

TEST(Algorithms, ShortestPathListsNodesAndTheEdgesBetween) {
  const auto g = Sample();
  const auto p = ShortestPath(*g, V(*g, "青禾公司"), V(*g, "星火计划"), EdgeFilter{});
  ASSERT_TRUE(p.has_value());
  std::vector<std::string> names;
  for (VertexId v : p->nodes) names.emplace_back(g->vertex(v).name);
  EXPECT_THAT(names, ElementsAre("青禾公司", "湖光大学研究院", "湖光大学", "雾岭市", "雾岭市科学技术局", "星火计划"));
  ASSERT_EQ(p->edges.size(), 5u);
  EXPECT_EQ(g->edge(p->edges[0]).rel, kCooperates);
  EXPECT_EQ(g->edge(p->edges[4]).rel, kResponsible);
  for (size_t i = 0; i < p->edges.size(); ++i) {
    const EdgeId e = p->edges[i];
    EXPECT_THAT((std::vector<VertexId>{g->source(e), g->target(e)}),
                UnorderedElementsAre(p->nodes[i], p->nodes[i + 1]));
  }
}

TEST(Algorithms, NoPathBetweenComponentsAndATrivialPathToItself) {
  const auto g = Sample();
  EXPECT_FALSE(ShortestPath(*g, V(*g, "红石公司"), V(*g, "湖光大学"), EdgeFilter{}).has_value());
  const auto self = ShortestPath(*g, V(*g, "红石公司"), V(*g, "红石公司"), EdgeFilter{});
  ASSERT_TRUE(self.has_value());
  EXPECT_EQ(self->nodes.size(), 1u);
  // Through a shared document the two components do connect.
  EdgeFilter with_docs;
  with_docs.mentions = true;
  EXPECT_FALSE(ShortestPath(*g, V(*g, "红石公司"), V(*g, "湖光大学"), with_docs).has_value());
  EXPECT_TRUE(ShortestPath(*g, V(*g, "红石公司"), V(*g, "蓝海公司"), with_docs).has_value());
}

TEST(Algorithms, ContainedFollowsLocatedInAndPartOfAgainstTheirDirection) {
  const auto g = Sample();
  EXPECT_EQ(Names(*g, Contained(*g, V(*g, "雾岭市"))),
            (std::map<std::string, int>{
                {"雾岭市", 0}, {"湖光大学", 1}, {"雾岭市科学技术局", 1}, {"湖光大学研究院", 2}}));
  // Nothing is inside the institute except its own part; the region is not.
  EXPECT_EQ(Names(*g, Contained(*g, V(*g, "湖光大学"))),
            (std::map<std::string, int>{{"湖光大学", 0}, {"湖光大学研究院", 1}}));
}

TEST(Algorithms, DegreeCountsAcceptedEdges) {
  const auto g = Sample();
  const auto d = Centralities(*g, Centrality::kDegree, EdgeFilter{});
  EXPECT_EQ(d[V(*g, "雾岭市")], 2.0);
  EXPECT_EQ(d[V(*g, "湖光大学研究院")], 2.0);
  EXPECT_EQ(d[V(*g, "星火计划")], 1.0);
  EXPECT_EQ(d[*g->FindSource("a.txt")], 0.0);
}

TEST(Algorithms, BetweennessPeaksOnTheBridges) {
  const auto g = Sample();
  const auto b = Centralities(*g, Centrality::kBetweenness, EdgeFilter{});
  // Chain 青禾 - 研究院 - 湖光大学 - 雾岭市 - 科技局 - 星火计划: the middle
  // two carry the most shortest paths.
  EXPECT_GT(b[V(*g, "湖光大学")], b[V(*g, "湖光大学研究院")]);
  EXPECT_GT(b[V(*g, "雾岭市")], b[V(*g, "雾岭市科学技术局")]);
  EXPECT_EQ(b[V(*g, "星火计划")], 0.0);
  EXPECT_EQ(b[V(*g, "红石公司")], 0.0);
}

TEST(Algorithms, PageRankFavoursWellLinkedVertices) {
  const auto g = Sample();
  const auto pr = Centralities(*g, Centrality::kPageRank, EdgeFilter{});
  EXPECT_GT(pr[V(*g, "湖光大学")], pr[V(*g, "青禾公司")]);
  EXPECT_GT(pr[V(*g, "雾岭市")], pr[V(*g, "星火计划")]);
  EXPECT_EQ(pr[*g->FindSource("a.txt")], 0.0);
}

TEST(Algorithms, ComponentsSeparateUnlinkedGroups) {
  const auto g = Sample();
  uint32_t count = 0;
  const auto c = Components(*g, EdgeFilter{}, &count);
  EXPECT_EQ(count, 2u);
  EXPECT_EQ(c[V(*g, "青禾公司")], c[V(*g, "星火计划")]);
  EXPECT_NE(c[V(*g, "青禾公司")], c[V(*g, "红石公司")]);
  EXPECT_EQ(c[V(*g, "红石公司")], c[V(*g, "蓝海公司")]);
  EXPECT_EQ(c[*g->FindSource("a.txt")], kNoComponent);
}

TEST(Algorithms, CommunitiesGroupDenseClusters) {
  // Two triangles joined by one edge form two communities.
  auto g = Graph::Create();
  auto tri = [&](const char* doc, const char* a, const char* b, const char* c) {
    g->AddExtraction(Doc(doc)
                         .Ent(kEnterprise, a)
                         .Ent(kEnterprise, b)
                         .Ent(kEnterprise, c)
                         .Rel(kCooperates, kEnterprise, a, kEnterprise, b)
                         .Rel(kCooperates, kEnterprise, b, kEnterprise, c)
                         .Rel(kCooperates, kEnterprise, a, kEnterprise, c),
                     Gaz());
  };
  tri("a.txt", "甲公司", "乙公司", "丙公司");
  tri("b.txt", "丁公司", "戊公司", "己公司");
  g->AddExtraction(Doc("c.txt").Rel(kCooperates, kEnterprise, "丙公司", kEnterprise, "丁公司"), Gaz());
  uint32_t count = 0;
  const auto c = Communities(*g, EdgeFilter{}, &count);
  EXPECT_EQ(count, 2u);
  EXPECT_EQ(c[V(*g, "甲公司")], c[V(*g, "乙公司")]);
  EXPECT_EQ(c[V(*g, "甲公司")], c[V(*g, "丙公司")]);
  EXPECT_EQ(c[V(*g, "丁公司")], c[V(*g, "己公司")]);
  EXPECT_NE(c[V(*g, "甲公司")], c[V(*g, "丁公司")]);
  EXPECT_EQ(c[*g->FindSource("a.txt")], kNoComponent);
}

}  // namespace
}  // namespace policykg
