#include "exporters/graphviz.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "base/file.h"
#include "exporters/properties.h"
#include "tests/exporters/export_test_graph.h"

namespace policykg {
namespace {

using namespace export_test;  // NOLINT: test fixture names
using ::testing::HasSubstr;

Selection Everything(const Graph& g) { return *SelectSubgraph(g, {}); }

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("policykg-" + std::to_string(::getpid()) + "-" + name)).string();
}

TEST(Dot, ContainsEveryNodeWithItsLabelAndStyle) {
  const auto g = MakeTestGraph();
  const Selection s = Everything(*g);
  const std::string dot = ToDot(*g, s, "测试");
  for (VertexId v : s.vertices) {
    const VertexProps& p = g->vertex(v);
    EXPECT_THAT(dot, HasSubstr("  " + NodeId(v) + " [label=")) << p.name;
    if (p.name != kTricky) {
      EXPECT_THAT(dot, HasSubstr("label=\"" + std::string(p.name) + "\""));
    }
    EXPECT_THAT(dot, HasSubstr("fillcolor=\"" + std::string(StyleOf(VertexTypeName(p)).colour) + "\""));
  }
  EXPECT_THAT(dot, HasSubstr("label=\"星河<&>\\\"测试\\\";公司</script>\""));
  for (EdgeId e : s.edges) {
    EXPECT_THAT(dot, HasSubstr(NodeId(g->source(e)) + " -> " + NodeId(g->target(e))));
  }
  EXPECT_THAT(dot, HasSubstr("fontname=\"Noto Sans CJK SC\""));
  EXPECT_THAT(dot, HasSubstr("subgraph cluster_legend"));
  const std::string legend = dot.substr(dot.find("subgraph cluster_legend"));
  EXPECT_THAT(legend, HasSubstr("<td bgcolor=\"" + std::string(StyleOf("Institute").colour) +
                                "\" width=\"16\"> </td><td align=\"left\">Institute</td>"));
  EXPECT_THAT(legend, HasSubstr(">COOPERATES_WITH</font>"));
  EXPECT_THAT(legend, ::testing::Not(HasSubstr("Region")));  // no regions in the selection
}

TEST(Dot, UndirectedRelationsHaveNoArrow) {
  const auto g = MakeTestGraph();
  const std::string dot = ToDot(*g, Everything(*g));
  const VertexId lab = VertexNamed(*g, kLab), uni = VertexNamed(*g, kUniversity);
  const std::string a = NodeId(uni) + " -> " + NodeId(lab), b = NodeId(lab) + " -> " + NodeId(uni);
  size_t at = dot.find(a);
  if (at == std::string::npos) at = dot.find(b);
  ASSERT_NE(at, std::string::npos);
  EXPECT_THAT(dot.substr(at, dot.find('\n', at) - at), HasSubstr("dir=none"));
}

TEST(Dot, ChoosesSfdpForLargeGraphs) {
  EXPECT_EQ(ChooseLayoutProgram(10), "dot");
  EXPECT_EQ(ChooseLayoutProgram(kSfdpThreshold), "dot");
  EXPECT_EQ(ChooseLayoutProgram(kSfdpThreshold + 1), "sfdp");
}

TEST(Svg, RendersWithGraphviz) {
  const auto g = MakeTestGraph();
  const std::string out = TempPath("graph.svg");
  for (const std::string program : {"dot", "sfdp"}) {
    ASSERT_TRUE(RenderSvg(ToDot(*g, Everything(*g), "测试"), program, out).ok()) << program;
    const Result<std::string> svg = ReadFile(out);
    ASSERT_TRUE(svg.ok());
    EXPECT_THAT(*svg, HasSubstr("<svg"));
    EXPECT_THAT(*svg, HasSubstr(kUniversity));
    EXPECT_THAT(*svg, HasSubstr("Noto Sans CJK SC"));
  }
  std::filesystem::remove(out);
}

TEST(Svg, MissingGraphvizIsAClearError) {
  const auto g = MakeTestGraph();
  const Status st = RenderSvg(ToDot(*g, Everything(*g)), "policykg-no-such-layout-program",
                              TempPath("never.svg"));
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kNotFound);
  EXPECT_THAT(st.message(), HasSubstr("policykg-no-such-layout-program"));
  EXPECT_THAT(st.message(), HasSubstr("install Graphviz"));
  EXPECT_FALSE(std::filesystem::exists(TempPath("never.svg")));
}

TEST(Svg, FailingLayoutReportsItsExitStatusAndMessage) {
  const Status st = RenderSvg("digraph { this is not dot ", "dot", TempPath("bad.svg"));
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(st.message(), HasSubstr("exit status"));
  EXPECT_THAT(st.message(), HasSubstr("syntax error"));
  EXPECT_FALSE(std::filesystem::exists(TempPath("bad.svg")));
}

}  // namespace
}  // namespace policykg
