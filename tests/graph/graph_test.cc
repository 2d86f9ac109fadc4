#include "graph/graph.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/gazetteer.h"
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

// Made-up names that no gazetteer knows (checked against data/divisions.tsv):
// these tests are about merging only; hierarchy_test.cc covers regions.
const Gazetteer& Gaz() { return Gazetteer::Embedded(); }

std::vector<EdgeId> EdgesOf(const Graph& g, VertexId v, EdgeKind kind) {
  std::vector<EdgeId> out;
  g.ForEachIncident(v, [&](const Incident& i) {
    if (g.edge(i.edge).kind == kind) out.push_back(i.edge);
  });
  return out;
}

VertexId Only(const Graph& g, std::string_view name, EntityType t) {
  const auto found = g.FindByName(name, t);
  EXPECT_EQ(found.size(), 1u) << name;
  return found.empty() ? 0 : found.front();
}

TEST(Graph, MergesSameNameAndTypeAcrossDocuments) {
  auto g = Graph::Create();
  ASSERT_TRUE(g->AddExtraction(Doc("a.txt").Ent(kInstitute, "湖光大学", {}, {{0, 4}}), Gaz()));
  ASSERT_TRUE(g->AddExtraction(Doc("b.txt").Ent(kInstitute, "湖光大学", {}, {{5, 9}, {20, 24}}), Gaz()));
  const VertexId v = Only(*g, "湖光大学", kInstitute);
  const VertexProps& p = g->vertex(v);
  EXPECT_EQ(p.kind, VertexKind::kEntity);
  EXPECT_EQ(p.id, "Institute:湖光大学");
  EXPECT_THAT(p.documents, ElementsAre("a.txt", "b.txt"));
  ASSERT_EQ(p.mentions.size(), 3u);
  EXPECT_EQ(p.mentions[2].doc, "b.txt");
  EXPECT_EQ(p.mentions[2].span, (Span{20, 24}));
  // Two sources + one entity.
  EXPECT_EQ(g->num_vertices(), 3u);
  EXPECT_EQ(g->num_sources(), 2u);
}

TEST(Graph, KeepsSameNameOfDifferentTypesApart) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(EntityType::kPlatform, "星河实验室"), Gaz());
  g->AddExtraction(Doc("b.txt").Ent(kInstitute, "星河实验室"), Gaz());
  EXPECT_EQ(g->FindByName("星河实验室").size(), 2u);
  EXPECT_EQ(g->FindByName("星河实验室", kInstitute).size(), 1u);
  EXPECT_NE(Only(*g, "星河实验室", kInstitute), Only(*g, "星河实验室", EntityType::kPlatform));
}

TEST(Graph, MergesAnAliasWithANameOfAnotherDocument) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kInstitute, "湖光大学", {"湖大"}), Gaz());
  g->AddExtraction(Doc("b.txt").Ent(kInstitute, "湖大"), Gaz());
  const VertexId v = Only(*g, "湖大", kInstitute);
  EXPECT_EQ(v, Only(*g, "湖光大学", kInstitute));
  EXPECT_EQ(g->vertex(v).name, "湖光大学");
  EXPECT_THAT(g->vertex(v).documents, ElementsAre("a.txt", "b.txt"));
}

TEST(Graph, MergesAliasWithAliasAndKeepsTheFullerNameCanonical) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kInstitute, "湖大"), Gaz());
  // The fuller form arrives later and names the short one as its alias.
  g->AddExtraction(Doc("b.txt").Ent(kInstitute, "湖光大学", {"湖大", "湖光大"}), Gaz());
  // A third document knows it only by another alias.
  g->AddExtraction(Doc("c.txt").Ent(kInstitute, "湖光省湖光大学", {"湖光大"}), Gaz());
  const VertexId v = Only(*g, "湖光大", kInstitute);
  EXPECT_EQ(g->vertex(v).name, "湖光大学");
  EXPECT_EQ(g->vertex(v).id, "Institute:湖光大学");
  EXPECT_THAT(g->vertex(v).aliases, UnorderedElementsAre("湖大", "湖光大", "湖光省湖光大学"));
  EXPECT_EQ(Only(*g, "湖光省湖光大学", kInstitute), v);
  EXPECT_EQ(Only(*g, "湖大", kInstitute), v);
  EXPECT_EQ(Only(*g, "湖光大学", kInstitute), v);
  EXPECT_THAT(g->vertex(v).documents, ElementsAre("a.txt", "b.txt", "c.txt"));
}

TEST(Graph, RelativeAliasesNeverMergeEntitiesOfDifferentDocuments) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kAgency, "雾岭市科学技术局", {"市科技局"}), Gaz());
  g->AddExtraction(Doc("b.txt").Ent(kAgency, "雾川市科学技术局", {"市科技局"}), Gaz());
  EXPECT_EQ(g->FindByName("市科技局", kAgency).size(), 2u);
  EXPECT_NE(Only(*g, "雾岭市科学技术局", kAgency), Only(*g, "雾川市科学技术局", kAgency));
}

TEST(Graph, SharedAliasMergesEntitiesOfDifferentNames) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kAgency, "中华人民共和国星务部", {"星务部"}), Gaz());
  g->AddExtraction(Doc("b.txt").Ent(kAgency, "国家星务部", {"星务部"}), Gaz());
  const VertexId v = Only(*g, "星务部", kAgency);
  EXPECT_EQ(g->vertex(v).name, "中华人民共和国星务部");
  EXPECT_EQ(Only(*g, "国家星务部", kAgency), v);
}

TEST(Graph, AmbiguousAliasDoesNotPickOneAtRandom) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kEnterprise, "青禾科技股份有限公司", {"青禾"}), Gaz());
  g->AddExtraction(Doc("b.txt").Ent(kEnterprise, "青禾农业有限公司"), Gaz());
  // Exact name wins over the alias, and the alias now names two companies.
  g->AddExtraction(Doc("c.txt").Ent(kEnterprise, "青禾农业有限公司", {"青禾"}), Gaz());
  EXPECT_EQ(g->FindByName("青禾", kEnterprise).size(), 2u);
  // So a fourth document's bare 青禾 stays its own entity.
  g->AddExtraction(Doc("d.txt").Ent(kEnterprise, "青禾"), Gaz());
  EXPECT_EQ(g->FindByName("青禾", kEnterprise).size(), 3u);
}

TEST(Graph, SameContentHashChangesNothing) {
  auto g = Graph::Create();
  const Doc a = Doc("a.txt").Ent(kInstitute, "湖光大学", {}, {{0, 4}});
  EXPECT_TRUE(g->AddExtraction(a, Gaz()));
  const size_t nv = g->num_vertices(), ne = g->num_edges();
  EXPECT_FALSE(g->AddExtraction(a, Gaz()));
  // Same bytes under another file name: still the same document.
  EXPECT_FALSE(g->AddExtraction(Doc("copy.txt").Hash("hash-a.txt").Ent(kInstitute, "别的"), Gaz()));
  EXPECT_EQ(g->num_vertices(), nv);
  EXPECT_EQ(g->num_edges(), ne);
  EXPECT_EQ(g->vertex(Only(*g, "湖光大学", kInstitute)).mentions.size(), 1u);
  EXPECT_TRUE(g->HasContentHash("hash-a.txt"));
  EXPECT_FALSE(g->HasContentHash("hash-b.txt"));
}

TEST(Graph, TwoFilesOfOneNameAreTwoSources) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Hash("h1").Ent(kInstitute, "湖光大学"), Gaz());
  g->AddExtraction(Doc("a.txt").Hash("h2").Ent(kInstitute, "湖光大学"), Gaz());
  EXPECT_EQ(g->num_sources(), 2u);
  const VertexId first = *g->FindSource("a.txt");
  EXPECT_EQ(g->vertex(first).source->content_hash, "h1");
  std::vector<std::string> ids;
  for (VertexId v = 0; v < g->num_vertices(); ++v) {
    if (g->vertex(v).kind == VertexKind::kSource) ids.emplace_back(g->vertex(v).id);
  }
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_NE(ids[0], ids[1]);
}

TEST(Graph, SourceVerticesMentionTheirEntities) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt")
                       .Title("关于某事的通知")
                       .Issuer("雾岭市科学技术局")
                       .Jurisdiction("雾岭市", "")
                       .Ent(kAgency, "雾岭市科学技术局", {}, {{0, 8}, {30, 38}})
                       .Ent(kProgram, "星火计划", {}, {{10, 14}}),
                   Gaz());
  const auto src = g->FindSource("a.txt");
  ASSERT_TRUE(src.has_value());
  const VertexProps& s = g->vertex(*src);
  EXPECT_EQ(s.kind, VertexKind::kSource);
  EXPECT_EQ(s.id, "Source:a.txt");
  ASSERT_NE(s.source, nullptr);
  EXPECT_EQ(s.source->title, "关于某事的通知");
  EXPECT_EQ(s.source->issuer, "雾岭市科学技术局");
  EXPECT_EQ(s.source->content_hash, "hash-a.txt");
  EXPECT_EQ(s.source->path, "docs/a.txt");
  const auto mentions = EdgesOf(*g, *src, EdgeKind::kMentions);
  ASSERT_EQ(mentions.size(), 2u);
  const VertexId agency = Only(*g, "雾岭市科学技术局", kAgency);
  for (EdgeId e : mentions) {
    EXPECT_EQ(g->source(e), *src);
    EXPECT_EQ(g->edge(e).weight, g->target(e) == agency ? 2.0 : 1.0);
  }
  // Sources are not entities: FindByName does not answer them.
  EXPECT_TRUE(g->FindByName("a.txt").empty());
  EXPECT_FALSE(g->FindSource("b.txt").has_value());
}

TEST(Graph, RelationsCarryEvidenceAndCountTheirSupport) {
  auto g = Graph::Create();
  const std::string s1 = "星火计划由雾岭市科学技术局负责。";
  g->AddExtraction(Doc("a.txt")
                       .Ent(kAgency, "雾岭市科学技术局")
                       .Ent(kProgram, "星火计划")
                       .Rel(RelationType::kResponsibleFor, kAgency, "雾岭市科学技术局", kProgram, "星火计划",
                            {0, 16}, s1),
                   Gaz());
  g->AddExtraction(Doc("b.txt")
                       .Ent(kAgency, "雾岭市科学技术局")
                       .Ent(kProgram, "星火计划")
                       .Rel(RelationType::kResponsibleFor, kAgency, "雾岭市科学技术局", kProgram, "星火计划",
                            {40, 56}, "另一句。"),
                   Gaz());
  const VertexId agency = Only(*g, "雾岭市科学技术局", kAgency);
  const auto rels = EdgesOf(*g, agency, EdgeKind::kRelation);
  ASSERT_EQ(rels.size(), 1u);
  const EdgeProps& e = g->edge(rels[0]);
  EXPECT_EQ(e.rel, RelationType::kResponsibleFor);
  EXPECT_EQ(g->source(rels[0]), agency);
  EXPECT_EQ(g->target(rels[0]), Only(*g, "星火计划", kProgram));
  EXPECT_THAT(e.documents, ElementsAre("a.txt", "b.txt"));
  ASSERT_EQ(e.evidence.size(), 2u);
  EXPECT_EQ(e.evidence[0].sentence, s1);
  EXPECT_EQ(e.evidence[0].span, (Span{0, 16}));
  EXPECT_EQ(e.weight, 2.0);
  EXPECT_FALSE(e.from_gazetteer);
}

TEST(Graph, SymmetricRelationIsOneEdgeWhicheverWayItIsStated) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kInstitute, "湖光大学").Ent(kEnterprise, "青禾科技股份有限公司")
                       .Rel(RelationType::kCooperatesWith, kInstitute, "湖光大学", kEnterprise,
                            "青禾科技股份有限公司", {0, 10}, "句一。"),
                   Gaz());
  g->AddExtraction(Doc("b.txt").Ent(kInstitute, "湖光大学").Ent(kEnterprise, "青禾科技股份有限公司")
                       .Rel(RelationType::kCooperatesWith, kEnterprise, "青禾科技股份有限公司", kInstitute,
                            "湖光大学", {3, 12}, "句二。"),
                   Gaz());
  const auto rels = EdgesOf(*g, Only(*g, "湖光大学", kInstitute), EdgeKind::kRelation);
  ASSERT_EQ(rels.size(), 1u);
  EXPECT_EQ(g->edge(rels[0]).evidence.size(), 2u);
}

TEST(Graph, RelationToAnUnlistedEntityCreatesIt) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kInstitute, "湖光大学研究院")
                       .Rel(RelationType::kPartOf, kInstitute, "湖光大学研究院", kInstitute, "湖光大学"),
                   Gaz());
  const VertexId parent = Only(*g, "湖光大学", kInstitute);
  EXPECT_THAT(g->vertex(parent).documents, ElementsAre("a.txt"));
  EXPECT_EQ(EdgesOf(*g, parent, EdgeKind::kRelation).size(), 1u);
}

TEST(Graph, RelationsFindEntitiesByAliasWithinTheDocument) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kInstitute, "湖光大学", {"湖大"}).Ent(kRegion, "雾岭市")
                       .Rel(RelationType::kLocatedIn, kInstitute, "湖大", kRegion, "雾岭市"),
                   Gaz());
  EXPECT_EQ(g->FindByName("湖大").size(), 1u);
  EXPECT_EQ(EdgesOf(*g, Only(*g, "湖光大学", kInstitute), EdgeKind::kRelation).size(), 1u);
}

TEST(Graph, CoMentionsOnlyWhenAsked) {
  const Doc d = Doc("a.txt")
                    .Ent(kInstitute, "湖光大学", {}, {{0, 4}, {50, 54}})
                    .Ent(kEnterprise, "青禾科技股份有限公司", {}, {{5, 15}})
                    .Ent(kRegion, "雾岭市", {}, {{16, 19}})
                    .Ent(kProgram, "星火计划", {}, {{60, 64}})
                    .Rel(RelationType::kCooperatesWith, kInstitute, "湖光大学", kEnterprise,
                         "青禾科技股份有限公司", {0, 20}, "句");
  auto plain = Graph::Create();
  plain->AddExtraction(d, Gaz());
  EXPECT_TRUE(EdgesOf(*plain, Only(*plain, "雾岭市", kRegion), EdgeKind::kCoMention).empty());

  BuildOptions options;
  options.co_mentions = true;
  auto g = Graph::Create(options);
  g->AddExtraction(d, Gaz());
  // One sentence [0,20) holds three entities: three pairs; 星火计划 is outside.
  const VertexId region = Only(*g, "雾岭市", kRegion);
  EXPECT_EQ(EdgesOf(*g, region, EdgeKind::kCoMention).size(), 2u);
  EXPECT_TRUE(EdgesOf(*g, Only(*g, "星火计划", kProgram), EdgeKind::kCoMention).empty());
  for (EdgeId e : EdgesOf(*g, region, EdgeKind::kCoMention)) {
    EXPECT_LT(g->source(e), g->target(e));  // undirected: stored low id first
    EXPECT_EQ(g->edge(e).weight, 1.0);
  }
}

TEST(Graph, IssuingAgencyTakesTheDocumentsJurisdiction) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Issuer("雾岭市科学技术局").Jurisdiction("雾岭市", "")
                       .Ent(kAgency, "雾岭市科学技术局").Ent(kAgency, "某某委员会"),
                   Gaz());
  EXPECT_EQ(g->vertex(Only(*g, "雾岭市科学技术局", kAgency)).jurisdiction, "雾岭市");
  EXPECT_EQ(g->vertex(Only(*g, "某某委员会", kAgency)).jurisdiction, "");
}

TEST(Graph, IdsAreDenseAndIncidentsSeeBothDirections) {
  auto g = Graph::Create();
  g->AddExtraction(Doc("a.txt").Ent(kInstitute, "湖光大学").Ent(kRegion, "雾岭市")
                       .Rel(RelationType::kLocatedIn, kInstitute, "湖光大学", kRegion, "雾岭市"),
                   Gaz());
  for (VertexId v = 0; v < g->num_vertices(); ++v) EXPECT_FALSE(g->vertex(v).id.empty());
  const VertexId region = Only(*g, "雾岭市", kRegion);
  int in = 0, out = 0;
  g->ForEachIncident(region, [&](const Incident& i) {
    EXPECT_LT(i.edge, g->num_edges());
    (i.outgoing ? out : in)++;
  });
  EXPECT_EQ(out, 0);
  EXPECT_EQ(in, 2);  // mentions + LOCATED_IN
}

}  // namespace
}  // namespace policykg
