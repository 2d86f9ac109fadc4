#include "exporters/cytoscape_json.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <set>

#include "tests/exporters/export_test_graph.h"

namespace policykg {
namespace {

using namespace export_test;  // NOLINT: test fixture names

rapidjson::Document Parse(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  EXPECT_FALSE(d.HasParseError()) << json.substr(0, 200);
  return d;
}

Selection Everything(const Graph& g) {
  SelectionOptions o;
  o.sources = true;
  return *SelectSubgraph(g, o);
}

TEST(CytoscapeJson, ParsesWithTheSelectionsCounts) {
  const auto g = MakeTestGraph(/*co_mentions=*/true);
  const Selection s = Everything(*g);
  const rapidjson::Document d = Parse(ToCytoscapeJson(*g, s));
  ASSERT_TRUE(d.IsObject() && d.HasMember("elements"));
  const auto& nodes = d["elements"]["nodes"];
  const auto& edges = d["elements"]["edges"];
  ASSERT_EQ(nodes.Size(), s.vertices.size());
  ASSERT_EQ(edges.Size(), s.edges.size());
  EXPECT_FALSE(d.HasMember("policykg"));  // styles only on request

  std::set<std::string> ids;
  for (const auto& n : nodes.GetArray()) ids.insert(n["data"]["id"].GetString());
  EXPECT_EQ(ids.size(), s.vertices.size());
  for (const auto& e : edges.GetArray()) {
    EXPECT_TRUE(ids.count(e["data"]["source"].GetString()));
    EXPECT_TRUE(ids.count(e["data"]["target"].GetString()));
  }
}

TEST(CytoscapeJson, NodeDataHasTypedFields) {
  const auto g = MakeTestGraph();
  const Selection s = Everything(*g);
  const rapidjson::Document d = Parse(ToCytoscapeJson(*g, s));
  bool university = false, source = false;
  for (const auto& n : d["elements"]["nodes"].GetArray()) {
    const auto& data = n["data"];
    if (std::string(data["kind"].GetString()) == "source") {
      source = true;
      EXPECT_STREQ(data["type"].GetString(), "Source");
      EXPECT_TRUE(data["chars"].IsInt64());
      continue;
    }
    if (std::string(data["name"].GetString()) != kUniversity) continue;
    university = true;
    EXPECT_STREQ(data["type"].GetString(), "Institute");
    EXPECT_STREQ(data["label"].GetString(), kUniversity);
    ASSERT_TRUE(data["aliases"].IsArray());
    ASSERT_EQ(data["aliases"].Size(), 1u);
    EXPECT_STREQ(data["aliases"][0].GetString(), kUniversityAlias);
    ASSERT_TRUE(data["documents"].IsArray());
    EXPECT_EQ(data["documents"].Size(), 2u);
    EXPECT_TRUE(data["mentions"].IsInt64());
    EXPECT_EQ(data["degree"].GetInt64(), 5);  // 3 relations + 2 documents mentioning it
  }
  EXPECT_TRUE(university);
  EXPECT_TRUE(source);
}

TEST(CytoscapeJson, EdgesCarryTheirEvidenceSentences) {
  const auto g = MakeTestGraph();
  const rapidjson::Document d = Parse(ToCytoscapeJson(*g, Everything(*g)));
  bool found = false;
  for (const auto& e : d["elements"]["edges"].GetArray()) {
    const auto& data = e["data"];
    if (std::string(data["type"].GetString()) != "ISSUED") continue;
    found = true;
    EXPECT_FALSE(data["undirected"].GetBool());
    ASSERT_EQ(data["evidence"].Size(), 1u);
    EXPECT_STREQ(data["evidence"][0]["doc"].GetString(), "north.txt");
    EXPECT_STREQ(data["evidence"][0]["sentence"].GetString(), "市科技局印发《南屿市科技创新行动方案》。");
  }
  EXPECT_TRUE(found);
}

TEST(CytoscapeJson, HtmlSafeFormHasNoLessThanButTheSameData) {
  const auto g = MakeTestGraph();
  const Selection s = Everything(*g);
  CytoscapeJsonOptions o;
  o.html_safe = true;
  o.with_styles = true;
  o.title = "<标题>";
  const std::string json = ToCytoscapeJson(*g, s, o);
  EXPECT_EQ(json.find('<'), std::string::npos);
  const rapidjson::Document d = Parse(json);
  EXPECT_STREQ(d["policykg"]["title"].GetString(), "<标题>");
  EXPECT_EQ(d["policykg"]["types"].Size(), 8u);
  bool tricky = false;
  for (const auto& n : d["elements"]["nodes"].GetArray()) {
    if (n["data"].HasMember("name") && std::string(n["data"]["name"].GetString()) == kTricky) tricky = true;
  }
  EXPECT_TRUE(tricky);
}

TEST(CytoscapeJson, CapsEvidencePerElement) {
  const auto g = MakeTestGraph();
  CytoscapeJsonOptions o;
  o.max_evidence = 1;
  const rapidjson::Document d = Parse(ToCytoscapeJson(*g, Everything(*g), o));
  for (const auto& e : d["elements"]["edges"].GetArray()) EXPECT_LE(e["data"]["evidence"].Size(), 1u);
}

}  // namespace
}  // namespace policykg
