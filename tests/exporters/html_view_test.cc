#include "exporters/html_view.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <stdlib.h>

#include "tests/exporters/export_test_graph.h"

namespace policykg {
namespace {

using namespace export_test;  // NOLINT: test fixture names
using ::testing::HasSubstr;

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

std::string Between(const std::string& text, const std::string& open, const std::string& close) {
  const size_t a = text.find(open);
  if (a == std::string::npos) return "";
  const size_t b = text.find(close, a + open.size());
  return text.substr(a + open.size(), b - a - open.size());
}

Result<std::string> Page(const HtmlViewOptions& o = {}) {
  const auto g = MakeTestGraph();
  return ToHtmlView(*g, *SelectSubgraph(*g, {}), o);
}

TEST(HtmlView, IsOneFileWithTheLibraryItsLicenceAndTheData) {
  const Result<std::string> page = Page();
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_THAT(*page, HasSubstr("Permission is hereby granted"));  // MIT licence kept
  EXPECT_THAT(*page, HasSubstr("The Cytoscape Consortium"));
  EXPECT_THAT(*page, HasSubstr("window.cy = cy"));                // the view script
  EXPECT_THAT(*page, HasSubstr("#card"));                         // the style sheet
  for (const char* marker : {"TITLE", "LICENSE", "STYLE", "DATA", "CYTOSCAPE", "VIEW_JS"}) {
    EXPECT_EQ(Count(*page, std::string("@@") + marker + "@@"), 0u) << marker;  // filled
  }
  // Nothing is loaded from elsewhere.
  EXPECT_EQ(Count(*page, "<script src"), 0u);
  EXPECT_EQ(Count(*page, "<link rel=\"stylesheet\""), 0u);
}

TEST(HtmlView, NamesCannotBreakOutOfTheDataBlock) {
  const Result<std::string> page = Page();
  ASSERT_TRUE(page.ok());
  // Three scripts (data, Cytoscape.js, view): exactly three closing tags, so
  // the "</script>" inside a name was escaped.
  EXPECT_EQ(Count(*page, "</script"), 3u);
  const std::string data = Between(*page, "<script type=\"application/json\" id=\"policykg-data\">",
                                   "</script>");
  rapidjson::Document d;
  d.Parse(data.c_str(), data.size());
  ASSERT_FALSE(d.HasParseError());
  const auto g = MakeTestGraph();
  EXPECT_EQ(d["elements"]["nodes"].Size(), SelectSubgraph(*g, {})->vertices.size());
  bool tricky = false;
  for (const auto& n : d["elements"]["nodes"].GetArray()) {
    tricky = tricky || std::string(n["data"]["name"].GetString()) == kTricky;
  }
  EXPECT_TRUE(tricky);
}

TEST(HtmlView, TitleIsEscaped) {
  HtmlViewOptions o;
  o.title = "<b>网络</b>";
  const Result<std::string> page = Page(o);
  ASSERT_TRUE(page.ok());
  EXPECT_THAT(*page, HasSubstr("<title>&lt;b&gt;网络&lt;/b&gt;</title>"));
}

TEST(HtmlView, MissingCytoscapeIsAClearError) {
  HtmlViewOptions o;
  o.cytoscape_js = "/nonexistent/cytoscape.min.js";
  const Result<std::string> page = Page(o);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), Status::Code::kNotFound);
  EXPECT_THAT(page.status().message(), HasSubstr("/nonexistent/cytoscape.min.js"));
  EXPECT_THAT(page.status().message(), HasSubstr("npm install"));
}

TEST(HtmlView, EnvironmentVariableOverridesTheBuildPath) {
  ASSERT_EQ(setenv("POLICYKG_CYTOSCAPE_JS", "/elsewhere/cy.js", 1), 0);
  EXPECT_EQ(CytoscapeJsPath(""), "/elsewhere/cy.js");
  EXPECT_EQ(CytoscapeJsPath("/given.js"), "/given.js");
  ASSERT_EQ(unsetenv("POLICYKG_CYTOSCAPE_JS"), 0);
  EXPECT_THAT(CytoscapeJsPath(""), HasSubstr("node_modules/cytoscape/dist/cytoscape.min.js"));
}

}  // namespace
}  // namespace policykg
