#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "extract/reader.h"

namespace policykg {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(LooksLikeHtml, RecognisesPagesAndFragments) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html><body>x</body></html>"));
  EXPECT_TRUE(LooksLikeHtml("\n  <html lang=\"zh\"><head></head></html>"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF<HTML><BODY>x</BODY></HTML>"));
  EXPECT_TRUE(LooksLikeHtml("<p>区科技局</p><p>二段</p>"));
  EXPECT_TRUE(LooksLikeHtml("<div class=\"content\">正文</div>"));
}

TEST(LooksLikeHtml, PlainTextIsNot) {
  EXPECT_FALSE(LooksLikeHtml("区科技局关于印发《实施方案》的通知\n<附件>见后"));
  EXPECT_FALSE(LooksLikeHtml("a < b and <html> later"));
  EXPECT_FALSE(LooksLikeHtml("<<三国演义>>"));
  EXPECT_FALSE(LooksLikeHtml(""));
}

TEST(HtmlToText, DropsScriptStyleHeadJunkAndHidden) {
  const std::string text = HtmlToText(
      "<html><head><title>通知_某某区人民政府</title><meta name=k content=科技>"
      "<style>body{color:red}</style><script>var a='脚本里的字';</script></head>"
      "<body><noscript>请开启脚本</noscript><p>正文一句。</p>"
      "<div style=\"display: none\">隐藏的娱乐官网</div><span hidden>也隐藏</span>"
      "<script>document.write('x')</script></body></html>");
  EXPECT_EQ(text, "通知\n正文一句。\n");  // the site name after _ is furniture
  EXPECT_THAT(text, Not(HasSubstr("脚本")));
}

TEST(HtmlToText, PageTitleLosesTheSiteNameOnly) {
  EXPECT_EQ(HtmlToText("<html><head><title>关于甲的通知 - 某某市科学技术局</title></head><body></body></html>"),
            "关于甲的通知\n");
  EXPECT_EQ(HtmlToText("<html><head><title>甲|乙|某某网</title></head><body></body></html>"), "甲|乙\n");
  EXPECT_EQ(HtmlToText("<html><head><title>没有站名的标题</title></head><body></body></html>"), "没有站名的标题\n");
}

TEST(HtmlToText, BlocksAndBrBecomeLineBreaks) {
  const std::string text = HtmlToText(
      "<body><h1>标题</h1><p>第一段<br>第二行</p><ul><li>甲</li><li>乙</li></ul>"
      "<div>末段 <b>加粗</b> 文字</div></body>");
  EXPECT_EQ(text, "标题\n第一段\n第二行\n甲\n乙\n末段 加粗 文字\n");
}

TEST(HtmlToText, DecodesEntitiesAndCollapsesWhitespace) {
  const std::string text =
      HtmlToText("<p>A&amp;B&nbsp;&nbsp; &lt;科技&gt; &#x4E2D;&#25991; &ldquo;工程&rdquo;\n\n   尾</p>");
  EXPECT_EQ(text, "A&B <科技> 中文 \u201C工程\u201D 尾\n");
}

TEST(HtmlToText, TableRowsKeepCellsApart) {
  const std::string text = HtmlToText(
      "<table><tr><td>索引号:</td><td>360000-KJ/2025-001</td><td>主题分类:</td><td>科技</td></tr>"
      "<tr><th>发布机构:</th><td><p>市科技局</p></td><td>成文日期:</td><td>2025-01-02</td></tr>"
      "</table><p>正文</p>");
  EXPECT_EQ(text,
            "索引号: | 360000-KJ/2025-001 | 主题分类: | 科技\n"
            "发布机构: | 市科技局 | 成文日期: | 2025-01-02\n"
            "正文\n");
}

TEST(HtmlToText, LayoutTablesKeepTheirParagraphs) {
  const std::string text = HtmlToText(
      "<table><tr><td><div>导航</div></td><td><p>第一段。</p><p>第二段。</p>"
      "<table><tr><td>文号:</td><td>某府发〔2025〕1号</td></tr></table></td></tr></table>");
  EXPECT_EQ(text, "导航\n第一段。\n第二段。\n文号: | 某府发〔2025〕1号\n");
}

TEST(HtmlToText, PreKeepsLines) {
  EXPECT_EQ(HtmlToText("<pre>一行\n二行</pre>"), "一行\n二行\n");
}

TEST(HtmlToText, DeepNestingDoesNotRecurse) {
  std::string html = "<html><body>";
  for (int i = 0; i < 50000; ++i) html += "<div><span>";
  html += "深处的字";
  for (int i = 0; i < 50000; ++i) html += "</span></div>";
  html += "</body></html>";
  EXPECT_THAT(HtmlToText(html), HasSubstr("深处的字"));
}

TEST(HtmlToText, SamplePage) {
  const char* dir = std::getenv("POLICYKG_SOURCE_DIR");
  ASSERT_NE(dir, nullptr);
  FILE* f = std::fopen((std::string(dir) + "/data/sample/site_page_yuanzhou.html").c_str(), "rb");
  ASSERT_NE(f, nullptr);
  std::string html;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) html.append(buf, n);
  std::fclose(f);
  ASSERT_TRUE(LooksLikeHtml(html));
  const std::string text = HtmlToText(html);
  EXPECT_THAT(text, HasSubstr("\n索引号: | 360902-KJ/2025-00133 | 主题分类: | 科技\n"));
  EXPECT_THAT(text, HasSubstr("(责任单位:区科技局、区工信局)"));
  EXPECT_THAT(text, Not(HasSubstr("_hmt")));
  EXPECT_THAT(text, Not(HasSubstr("font-size")));
  EXPECT_THAT(text, Not(HasSubstr("请开启浏览器脚本")));
}

}  // namespace
}  // namespace policykg
