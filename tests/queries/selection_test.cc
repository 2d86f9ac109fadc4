#include "queries/selection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "tests/exporters/export_test_graph.h"

namespace policykg {
namespace {

using namespace export_test;  // NOLINT: test fixture names
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAreArray;

std::vector<std::string> Names(const Graph& g, const Selection& s) {
  std::vector<std::string> out;
  for (VertexId v : s.vertices) {
    const VertexProps& p = g.vertex(v);
    out.push_back(p.kind == VertexKind::kEntity ? std::string(p.name) : "doc:" + p.source->doc);
  }
  return out;
}

std::multiset<std::string> EdgeTypes(const Graph& g, const Selection& s) {
  std::multiset<std::string> out;
  for (EdgeId e : s.edges) {
    const EdgeProps& p = g.edge(e);
    out.insert(p.kind == EdgeKind::kRelation ? std::string(ToString(p.rel))
                                             : std::string(ToString(p.kind)));
  }
  return out;
}

Selection MustSelect(const Graph& g, const SelectionOptions& o) {
  Result<Selection> s = SelectSubgraph(g, o);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? *s : Selection{};
}

SelectionOptions Focus(const std::string& name, int depth) {
  SelectionOptions o;
  o.focus = name;
  o.depth = depth;
  return o;
}

TEST(Selection, WholeGraphHasEveryEntityAndRelation) {
  const auto g = MakeTestGraph();
  const Selection s = MustSelect(*g, {});
  EXPECT_THAT(Names(*g, s), UnorderedElementsAreArray({kUniversity, kLab, kCentre, kBureau, kProgram,
                                                       kLonely, kEnterprise, kPlan, kTricky}));
  EXPECT_EQ(EdgeTypes(*g, s),
            (std::multiset<std::string>{"PART_OF", "COOPERATES_WITH", "COOPERATES_WITH",
                                        "COOPERATES_WITH", "RESPONSIBLE_FOR", "ISSUED"}));
}

TEST(Selection, IdsAreSortedAndUnique) {
  const auto g = MakeTestGraph();
  SelectionOptions o;
  o.sources = true;
  const Selection s = MustSelect(*g, o);
  EXPECT_TRUE(std::is_sorted(s.vertices.begin(), s.vertices.end()));
  EXPECT_TRUE(std::adjacent_find(s.vertices.begin(), s.vertices.end()) == s.vertices.end());
  EXPECT_TRUE(std::is_sorted(s.edges.begin(), s.edges.end()));
  EXPECT_TRUE(std::adjacent_find(s.edges.begin(), s.edges.end()) == s.edges.end());
}

TEST(Selection, TypeFilterKeepsOnlyThoseTypesAndTheirEdges) {
  const auto g = MakeTestGraph();
  SelectionOptions o;
  o.types = {EntityType::kInstitute};
  const Selection s = MustSelect(*g, o);
  EXPECT_THAT(Names(*g, s), UnorderedElementsAreArray({kUniversity, kLab, kLonely}));
  EXPECT_EQ(EdgeTypes(*g, s), (std::multiset<std::string>{"COOPERATES_WITH"}));
}

TEST(Selection, RelationFilterKeepsEntitiesButOnlyThoseEdges) {
  const auto g = MakeTestGraph();
  SelectionOptions o;
  o.relations = {RelationType::kCooperatesWith};
  const Selection s = MustSelect(*g, o);
  EXPECT_EQ(s.vertices.size(), 9u);
  EXPECT_EQ(EdgeTypes(*g, s), (std::multiset<std::string>{"COOPERATES_WITH", "COOPERATES_WITH",
                                                          "COOPERATES_WITH"}));
}

TEST(Selection, FocusDepthZeroIsTheEntityAlone) {
  const auto g = MakeTestGraph();
  const Selection s = MustSelect(*g, Focus(kUniversity, 0));
  EXPECT_THAT(Names(*g, s), UnorderedElementsAreArray({kUniversity}));
  EXPECT_TRUE(s.edges.empty());
}

TEST(Selection, FocusDepthOneIsTheNeighbourhoodInBothDirections) {
  const auto g = MakeTestGraph();
  const Selection s = MustSelect(*g, Focus(kUniversity, 1));
  // PART_OF points at the university, COOPERATES_WITH has no direction.
  EXPECT_THAT(Names(*g, s), UnorderedElementsAreArray({kUniversity, kCentre, kLab, kEnterprise}));
  EXPECT_EQ(EdgeTypes(*g, s),
            (std::multiset<std::string>{"PART_OF", "COOPERATES_WITH", "COOPERATES_WITH"}));
}

TEST(Selection, FocusDepthTwoReachesNeighboursOfNeighbours) {
  const auto g = MakeTestGraph();
  const Selection s = MustSelect(*g, Focus(kUniversity, 2));
  EXPECT_THAT(Names(*g, s),
              UnorderedElementsAreArray({kUniversity, kCentre, kLab, kEnterprise, kTricky}));
  EXPECT_EQ(s.edges.size(), 4u);
}

TEST(Selection, FocusByAlias) {
  const auto g = MakeTestGraph();
  const Selection s = MustSelect(*g, Focus(kUniversityAlias, 0));
  EXPECT_THAT(Names(*g, s), UnorderedElementsAreArray({kUniversity}));
}

TEST(Selection, FocusWalksOnlyThroughSelectedTypes) {
  const auto g = MakeTestGraph();
  SelectionOptions o = Focus(kUniversity, 2);
  o.types = {EntityType::kInstitute, EntityType::kEnterprise};
  const Selection s = MustSelect(*g, o);
  EXPECT_THAT(Names(*g, s), UnorderedElementsAreArray({kUniversity, kLab, kEnterprise, kTricky}));
}

TEST(Selection, FocusWalksOnlyOverSelectedRelations) {
  const auto g = MakeTestGraph();
  SelectionOptions o = Focus(kBureauAlias, 3);
  o.relations = {RelationType::kIssued};
  const Selection s = MustSelect(*g, o);
  EXPECT_THAT(Names(*g, s), UnorderedElementsAreArray({kBureau, kPlan}));
  EXPECT_EQ(EdgeTypes(*g, s), (std::multiset<std::string>{"ISSUED"}));
}

TEST(Selection, UnknownFocusSuggestsCloseNames) {
  const auto g = MakeTestGraph();
  const Result<Selection> s = SelectSubgraph(*g, Focus("东岭大字", 1));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kNotFound);
  EXPECT_THAT(s.status().message(), HasSubstr("东岭大字"));
  EXPECT_THAT(s.status().message(), HasSubstr("did you mean"));
  EXPECT_THAT(s.status().message(), HasSubstr(kUniversity));
  EXPECT_THAT(s.status().message(), ::testing::Not(HasSubstr(kProgram)));
}

TEST(Selection, UnknownFocusSuggestsByAliasAndContainment) {
  const auto g = MakeTestGraph();
  const Result<Selection> alias = SelectSubgraph(*g, Focus("区科技局", 1));
  ASSERT_FALSE(alias.ok());
  EXPECT_THAT(alias.status().message(), HasSubstr(std::string(kBureauAlias) + " (" + kBureau + ")"));
  const Result<Selection> part = SelectSubgraph(*g, Focus("实验室", 1));
  ASSERT_FALSE(part.ok());
  EXPECT_THAT(part.status().message(), HasSubstr(kLab));
}

TEST(Selection, UnknownFocusWithNothingCloseSaysSo) {
  const auto g = MakeTestGraph();
  const Result<Selection> s = SelectSubgraph(*g, Focus("完全无关xyz", 1));
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.status().message(), HasSubstr("no similar name"));
}

TEST(Selection, FocusOfAnExcludedTypeIsRefused) {
  const auto g = MakeTestGraph();
  SelectionOptions o = Focus(kUniversity, 1);
  o.types = {EntityType::kAgency};
  const Result<Selection> s = SelectSubgraph(*g, o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(s.status().message(), HasSubstr("--type"));
}

TEST(Selection, EmptySelectionIsAnErrorNamingTheFilters) {
  const auto g = MakeTestGraph();
  SelectionOptions o;
  o.types = {EntityType::kRegion};
  const Result<Selection> s = SelectSubgraph(*g, o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(s.status().message(), HasSubstr("empty"));
  EXPECT_THAT(s.status().message(), HasSubstr("Region"));
}

TEST(Selection, NegativeDepthIsRefused) {
  const auto g = MakeTestGraph();
  EXPECT_FALSE(SelectSubgraph(*g, Focus(kUniversity, -1)).ok());
}

TEST(Selection, SourcesJoinWhenTheirEntitiesDo) {
  const auto g = MakeTestGraph();
  SelectionOptions o = Focus(kProgram, 0);
  o.sources = true;
  const Selection s = MustSelect(*g, o);
  // The programme is only in the first document.
  EXPECT_THAT(Names(*g, s), UnorderedElementsAreArray({std::string(kProgram), std::string("doc:east.txt")}));
  EXPECT_EQ(EdgeTypes(*g, s), (std::multiset<std::string>{"mentions"}));
}

TEST(Selection, SourcesOfAllDocumentsOfAnEntity) {
  const auto g = MakeTestGraph();
  SelectionOptions o = Focus(kUniversity, 0);
  o.sources = true;
  const Selection s = MustSelect(*g, o);
  EXPECT_THAT(Names(*g, s), UnorderedElementsAreArray({std::string(kUniversity), std::string("doc:east.txt"),
                                                       std::string("doc:north.txt")}));
  for (EdgeId e : s.edges) {
    EXPECT_EQ(g->edge(e).kind, EdgeKind::kMentions);
    EXPECT_EQ(g->vertex(g->target(e)).name, kUniversity);
  }
}

TEST(Selection, CoMentionEdgesFollowTheirSwitch) {
  const auto g = MakeTestGraph(/*co_mentions=*/true);
  size_t co_mentions = 0;
  for (EdgeId e = 0; e < g->num_edges(); ++e) co_mentions += g->edge(e).kind == EdgeKind::kCoMention;
  ASSERT_GT(co_mentions, 0u);  // the fixture's evidence sentences hold two entities each
  SelectionOptions on;
  const Selection with = MustSelect(*g, on);
  EXPECT_EQ(EdgeTypes(*g, with).count("co_mention"), co_mentions);
  SelectionOptions off;
  off.co_mentions = false;
  const Selection without = MustSelect(*g, off);
  EXPECT_EQ(EdgeTypes(*g, without).count("co_mention"), 0u);
  EXPECT_EQ(with.edges.size() - without.edges.size(), co_mentions);
}

TEST(Selection, DescribesTheFilters) {
  SelectionOptions o = Focus(kUniversity, 2);
  o.types = {EntityType::kInstitute, EntityType::kRegion};
  o.relations = {RelationType::kPartOf};
  EXPECT_EQ(DescribeSelection(o),
            std::string("focus ") + kUniversity + ", depth 2, types Institute,Region, relations PART_OF");
  EXPECT_EQ(DescribeSelection({}), "the whole graph");
}

}  // namespace
}  // namespace policykg
