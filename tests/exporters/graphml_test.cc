#include "exporters/graphml.h"

#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "exporters/properties.h"
#include "tests/exporters/export_test_graph.h"

namespace policykg {
namespace {

using namespace export_test;  // NOLINT: test fixture names

struct ReadVertex {
  std::string kind, type, name, label, key, aliases;
  int mentions = -1;
  long chars = -1;  // NOLINT(runtime/int): the GraphML "long" type
};
struct ReadEdge {
  std::string kind, type, documents;
  double weight = 0;
  int from_gazetteer = -1;
  int undirected = -1;
};
using ReadGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, ReadVertex, ReadEdge>;

ReadGraph ReadBack(const std::string& xml) {
  ReadGraph rg;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("kind", boost::get(&ReadVertex::kind, rg));
  dp.property("type", boost::get(&ReadVertex::type, rg));
  dp.property("name", boost::get(&ReadVertex::name, rg));
  dp.property("label", boost::get(&ReadVertex::label, rg));
  dp.property("key", boost::get(&ReadVertex::key, rg));
  dp.property("aliases", boost::get(&ReadVertex::aliases, rg));
  dp.property("mentions", boost::get(&ReadVertex::mentions, rg));
  dp.property("chars", boost::get(&ReadVertex::chars, rg));
  dp.property("kind", boost::get(&ReadEdge::kind, rg));
  dp.property("type", boost::get(&ReadEdge::type, rg));
  dp.property("documents", boost::get(&ReadEdge::documents, rg));
  dp.property("weight", boost::get(&ReadEdge::weight, rg));
  dp.property("from_gazetteer", boost::get(&ReadEdge::from_gazetteer, rg));
  dp.property("undirected", boost::get(&ReadEdge::undirected, rg));
  std::istringstream in(xml);
  boost::read_graphml(in, rg, dp);
  return rg;
}

Selection Everything(const Graph& g) {
  SelectionOptions o;
  o.sources = true;
  Result<Selection> s = SelectSubgraph(g, o);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return *s;
}

TEST(Graphml, BoostReadsBackEveryVertexWithItsProperties) {
  const auto g = MakeTestGraph(/*co_mentions=*/true);
  const Selection s = Everything(*g);
  const ReadGraph rg = ReadBack(ToGraphml(*g, s));
  ASSERT_EQ(boost::num_vertices(rg), s.vertices.size());
  for (size_t i = 0; i < s.vertices.size(); ++i) {
    const VertexProps& want = g->vertex(s.vertices[i]);
    const ReadVertex& got = rg[i];  // read_graphml adds vertices in file order
    EXPECT_EQ(got.key, want.id);
    EXPECT_EQ(got.kind, std::string(ToString(want.kind)));
    if (want.kind == VertexKind::kEntity) {
      EXPECT_EQ(got.name, want.name);
      EXPECT_EQ(got.label, want.name);
      EXPECT_EQ(got.type, std::string(ToString(want.type)));
      EXPECT_EQ(got.mentions, static_cast<int>(want.mentions.size()));
    } else {
      EXPECT_EQ(got.type, "Source");
      EXPECT_EQ(got.chars, want.source->chars);
      EXPECT_EQ(got.label, want.source->title);
    }
  }
}

TEST(Graphml, BoostReadsBackEveryEdgeBetweenTheRightVertices) {
  const auto g = MakeTestGraph(/*co_mentions=*/true);
  const Selection s = Everything(*g);
  const ReadGraph rg = ReadBack(ToGraphml(*g, s));
  ASSERT_EQ(boost::num_edges(rg), s.edges.size());
  using Row = std::tuple<std::string, std::string, std::string, bool>;
  std::multiset<Row> want, got;
  for (EdgeId e : s.edges) {
    const EdgeProps& p = g->edge(e);
    want.emplace(g->vertex(g->source(e)).id, g->vertex(g->target(e)).id, EdgeTypeName(p),
                 IsUndirected(p));
  }
  for (auto [it, end] = boost::edges(rg); it != end; ++it) {
    const ReadEdge& p = rg[*it];
    got.emplace(rg[boost::source(*it, rg)].key, rg[boost::target(*it, rg)].key, p.type,
                p.undirected == 1);
    EXPECT_EQ(p.from_gazetteer, 0);
    EXPECT_TRUE(p.undirected == 0 || p.undirected == 1);
    EXPECT_GE(p.weight, 1.0);
  }
  EXPECT_EQ(got, want);
  // The fixture's relations, co-mentions and mentions are all there.
  std::set<std::string> types;
  for (const Row& r : got) types.insert(std::get<2>(r));
  EXPECT_TRUE(types.count("COOPERATES_WITH") && types.count("MENTIONS") && types.count("CO_MENTION"));
}

TEST(Graphml, SpecialCharactersAndListsSurvive) {
  const auto g = MakeTestGraph();
  const Selection s = Everything(*g);
  const ReadGraph rg = ReadBack(ToGraphml(*g, s));
  bool tricky = false, alias = false;
  for (size_t i = 0; i < boost::num_vertices(rg); ++i) {
    if (rg[i].name == kTricky) {
      tricky = true;
      EXPECT_EQ(rg[i].aliases, "星河");
    }
    if (rg[i].name == kUniversity) alias = rg[i].aliases == kUniversityAlias;
  }
  EXPECT_TRUE(tricky);
  EXPECT_TRUE(alias);
}

TEST(Graphml, DeclaresEveryPropertyAsATypedKey) {
  const auto g = MakeTestGraph();
  const std::string xml = ToGraphml(*g, Everything(*g));
  for (const PropDef& d : VertexPropDefs()) {
    EXPECT_NE(xml.find("for=\"node\" attr.name=\"" + std::string(d.key) + "\""), std::string::npos) << d.key;
  }
  for (const PropDef& d : EdgePropDefs()) {
    EXPECT_NE(xml.find("for=\"edge\" attr.name=\"" + std::string(d.key) + "\""), std::string::npos) << d.key;
  }
  EXPECT_NE(xml.find("attr.name=\"mentions\" attr.type=\"int\""), std::string::npos);
  EXPECT_NE(xml.find("attr.name=\"weight\" attr.type=\"double\""), std::string::npos);
  EXPECT_NE(xml.find("attr.name=\"from_gazetteer\" attr.type=\"int\""), std::string::npos);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
}

TEST(Graphml, JoinsListsWithSemicolonsAndKeepsItemsApart) {
  EXPECT_EQ(JoinList({"甲", "乙;丙"}), "甲;乙；丙");
  EXPECT_EQ(JoinList({}), "");
}

TEST(Graphml, WritesOnlyTheSelection) {
  const auto g = MakeTestGraph();
  SelectionOptions o;
  o.focus = kLab;
  o.depth = 0;
  const Result<Selection> s = SelectSubgraph(*g, o);
  ASSERT_TRUE(s.ok());
  const ReadGraph rg = ReadBack(ToGraphml(*g, *s));
  ASSERT_EQ(boost::num_vertices(rg), 1u);
  EXPECT_EQ(rg[0].name, kLab);
  EXPECT_EQ(boost::num_edges(rg), 0u);
}

}  // namespace
}  // namespace policykg
