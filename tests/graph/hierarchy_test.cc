// Regions and the gazetteer: codes, levels, LOCATED_IN up the division tree,
// and the jurisdiction of agencies.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "graph/graph.h"
#include "tests/graph/graph_fixtures.h"

namespace policykg {
namespace {

using ::testing::ElementsAre;
using testing_fixtures::Doc;
using testing_fixtures::TestGazetteer;

constexpr auto kRegion = EntityType::kRegion;
constexpr auto kAgency = EntityType::kAgency;
constexpr auto kInstitute = EntityType::kInstitute;

// The region a vertex is LOCATED_IN, following relation edges out of it.
std::vector<std::pair<VertexId, const EdgeProps*>> Parents(const Graph& g, VertexId v) {
  std::vector<std::pair<VertexId, const EdgeProps*>> out;
  g.ForEachIncident(v, [&](const Incident& i) {
    const EdgeProps& e = g.edge(i.edge);
    if (i.outgoing && e.kind == EdgeKind::kRelation && e.rel == RelationType::kLocatedIn) {
      out.emplace_back(i.other, &e);
    }
  });
  return out;
}

TEST(Hierarchy, RegionCarriesCodeAndLevelAndIsLinkedUpTheTree) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Jurisdiction("东湖区", "910102").Ent(kRegion, "东湖区"), TestGazetteer());
  const auto found = g->FindByName("东湖区", kRegion);
  ASSERT_EQ(found.size(), 1u);
  const VertexProps& district = g->vertex(found[0]);
  EXPECT_EQ(district.region_code, "910102");
  EXPECT_EQ(district.region_level, "county");
  EXPECT_THAT(district.aliases, ElementsAre("东湖"));

  const auto up = Parents(*g, found[0]);
  ASSERT_EQ(up.size(), 1u);
  EXPECT_EQ(g->vertex(up[0].first).name, "青川市");
  EXPECT_EQ(g->vertex(up[0].first).region_level, "prefecture");
  EXPECT_TRUE(up[0].second->from_gazetteer);
  EXPECT_TRUE(up[0].second->documents.empty());
  // The ancestors no document mentions exist all the same.
  EXPECT_TRUE(g->vertex(up[0].first).documents.empty());
  const auto top = Parents(*g, up[0].first);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(g->vertex(top[0].first).name, "云州省");
  EXPECT_EQ(g->vertex(top[0].first).region_code, "91");
  EXPECT_TRUE(Parents(*g, top[0].first).empty());
}

TEST(Hierarchy, TownsReachTheirProvince) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kRegion, "松木镇"), TestGazetteer());
  std::vector<std::string> chain;
  for (auto v = g->FindByName("松木镇", kRegion); !v.empty();) {
    chain.emplace_back(g->vertex(v[0]).name);
    const auto up = Parents(*g, v[0]);
    v.clear();
    if (!up.empty()) v.push_back(up[0].first);
  }
  EXPECT_THAT(chain, ElementsAre("松木镇", "北岭县", "红岩市", "雾海省"));
}

TEST(Hierarchy, ShortAndFullNamesAreOneRegion) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kRegion, "青川市"), TestGazetteer());
  g->AddExtraction(Doc("b.txt").Ent(kRegion, "青川"), TestGazetteer());
  const auto found = g->FindByName("青川", kRegion);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(g->vertex(found[0]).name, "青川市");
  EXPECT_THAT(g->vertex(found[0]).documents, ElementsAre("a.txt", "b.txt"));
}

TEST(Hierarchy, OneNameInTwoCitiesIsResolvedByTheDocumentsJurisdiction) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Jurisdiction("白石市", "9102").Ent(kRegion, "东湖区"), TestGazetteer());
  g->AddExtraction(Doc("b.txt").Jurisdiction("青川市", "9101").Ent(kRegion, "东湖区"), TestGazetteer());
  const auto found = g->FindByName("东湖区", kRegion);
  ASSERT_EQ(found.size(), 2u);
  std::vector<std::string> codes, parents;
  for (VertexId v : found) {
    codes.emplace_back(g->vertex(v).region_code);
    parents.emplace_back(g->vertex(Parents(*g, v).at(0).first).name);
  }
  EXPECT_THAT(codes, ElementsAre("910202", "910102"));
  EXPECT_THAT(parents, ElementsAre("白石市", "青川市"));
  EXPECT_NE(g->vertex(found[0]).id, g->vertex(found[1]).id);  // ids stay unique
}

TEST(Hierarchy, OneNameInTwoCitiesIsResolvedByTheOtherRegionsMentioned) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kRegion, "白石市").Ent(kRegion, "东湖区"), TestGazetteer());
  const auto found = g->FindByName("东湖区", kRegion);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(g->vertex(found[0]).region_code, "910202");
}

TEST(Hierarchy, UnresolvableNameGetsNoCodeAndNoGuessedParent) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kRegion, "东湖区"), TestGazetteer());
  const auto found = g->FindByName("东湖区", kRegion);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(g->vertex(found[0]).region_code, "");
  EXPECT_TRUE(Parents(*g, found[0]).empty());
}

TEST(Hierarchy, StatedAndImpliedLocatedInAreOneEdge) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt")
                       .Ent(kRegion, "西山区")
                       .Ent(kRegion, "青川市")
                       .Rel(RelationType::kLocatedIn, kRegion, "西山区", kRegion, "青川市", {0, 9}, "青川市西山区。"),
                   TestGazetteer());
  const auto found = g->FindByName("西山区", kRegion);
  ASSERT_EQ(found.size(), 1u);
  const auto up = Parents(*g, found[0]);
  ASSERT_EQ(up.size(), 1u);
  EXPECT_TRUE(up[0].second->from_gazetteer);
  EXPECT_THAT(up[0].second->documents, ElementsAre("a.txt"));
  EXPECT_EQ(up[0].second->evidence.size(), 1u);
}

TEST(Hierarchy, AgenciesTakeTheRegionTheirNameStartsWith) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt")
                       .Jurisdiction("青川市", "9101")
                       .Ent(kAgency, "青川市科学技术局")
                       .Ent(kAgency, "北岭县发展和改革局")
                       .Ent(kAgency, "东湖区教育局")
                       .Ent(kAgency, "松木管理委员会"),
                   TestGazetteer());
  const auto jurisdiction = [&](const char* name) {
    return g->vertex(g->FindByName(name, kAgency).at(0)).jurisdiction;
  };
  EXPECT_EQ(jurisdiction("青川市科学技术局"), "青川市");
  EXPECT_EQ(jurisdiction("北岭县发展和改革局"), "北岭县");
  EXPECT_EQ(jurisdiction("东湖区教育局"), "东湖区");
  // A town's short form is too weak a signal to name an agency's region.
  EXPECT_EQ(jurisdiction("松木管理委员会"), "");
}

TEST(Hierarchy, AgencyPlacedByARelationOfItsDocument) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt")
                       .Ent(kAgency, "星河管理委员会")
                       .Ent(kRegion, "红岩市")
                       .Rel(RelationType::kLocatedIn, kAgency, "星河管理委员会", kRegion, "红岩市"),
                   TestGazetteer());
  EXPECT_EQ(g->vertex(g->FindByName("星河管理委员会", kAgency).at(0)).jurisdiction, "红岩市");
}

TEST(Hierarchy, InstitutesAreNotGivenAJurisdiction) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kInstitute, "青川市农业科学研究院"), TestGazetteer());
  EXPECT_EQ(g->vertex(g->FindByName("青川市农业科学研究院", kInstitute).at(0)).jurisdiction, "");
}

}  // namespace
}  // namespace policykg
