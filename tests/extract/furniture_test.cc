#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/utf8.h"
#include "extract/document_context.h"
#include "extract/passes.h"
#include "extract/reader.h"

namespace policykg {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The furniture spans of `text`, as text.
std::vector<std::string> Marked(const std::string& text) {
  DocumentContext ctx(Gazetteer::Embedded());
  ctx.text = Utf8ToU32(text);
  auto n = Normalizer::Create(true);
  EXPECT_TRUE(n.ok());
  ctx.norm = n.value()->Fold(ctx.text);
  MarkFurniture(ctx);
  std::vector<std::string> out;
  int32_t last_end = -1;
  for (const Span& s : ctx.furniture) {
    EXPECT_LT(s.start, s.end);
    EXPECT_LT(last_end, s.start);  // sorted, merged
    last_end = s.end;
    out.push_back(U32ToUtf8(ctx.text.substr(s.start, s.end - s.start)));
  }
  return out;
}

TEST(MarkFurniture, HeaderTableLabelsAndValues) {
  EXPECT_THAT(Marked("索引号: | 360700-KJ/2025-00417 | 成文日期: | 2025-06-18 |\n"
                     "公开方式: | 主动公开 | 组配分类: | 政协委员提案 |\n"),
              ElementsAre("索引号: | 360700-KJ/2025-00417", "公开方式: | 主动公开",
                          "组配分类: | 政协委员提案"));
}

TEST(MarkFurniture, MetadataForTheMetadataPassIsKept) {
  EXPECT_THAT(Marked("文件编号: | 赣市科提字〔2025〕12号 | 发布机构: | 市科技局 |\n"
                     "标题: | 关于第86号提案的答复 |\n"
                     "承办单位: | 主办: | 市科技局 | 协办: | 市发改委、市财政局 |\n"
                     "发文机关:某县人民政府 成文日期:2025年1月2日 发文字号:某府发〔2025〕3号\n"),
              IsEmpty());
}

TEST(MarkFurniture, InlineLabelsEndAtTheNextLabel) {
  EXPECT_THAT(Marked("索引号: /2024-00123 公开方式: 主动公开\n"
                     "发布单位: 区政府办公室 有效性: 有效 规范性文件编号: ABCD01-2024-0003\n"
                     "信息来源:区府办\n"),
              ElementsAre("索引号: /2024-00123", "公开方式: 主动公开", "有效性: 有效",
                          "规范性文件编号: ABCD01-2024-0003", "信息来源:区府办"));
}

TEST(MarkFurniture, ValueOnTheNextLineOnlyWhenItFits) {
  EXPECT_THAT(Marked("  • 主题分类:\n\n    科技\n\n  • 有效性:\n\n"
                     "某市某区人民政府办公室关于印发《某区科技创新实施方案》的通知\n"),
              ElementsAre("主题分类:", "科技", "有效性:"));
}

TEST(MarkFurniture, PageChrome) {
  EXPECT_THAT(Marked("发布时间:2025-03-12 10:30 访问次数:1024 字号:[ 大 中 小 ] 分享:\n"
                     "【打印本页】 【关闭窗口】 扫一扫在手机打开当前页\n"
                     "网站首页 | 政务公开 | 网站地图 | 无障碍浏览\n"),
              ElementsAre("访问次数:1024", "字号:[ 大 中 小 ]", "分享:", "【打印本页】",
                          "【关闭窗口】", "扫一扫在手机打开当前页", "网站首页", "网站地图",
                          "无障碍浏览"));
}

TEST(MarkFurniture, NavigationLinesAndFooters) {
  EXPECT_THAT(Marked("当前位置:首页 > 政务公开 > 政策文件\n正文。\n"
                     "上一篇:某区2024年科技工作总结\n下一篇 : 关于开展评价工作的通知\n"
                     "主办:某市人民政府办公室 版权所有 赣ICP备00000000号\n"),
              ElementsAre("当前位置:首页 > 政务公开 > 政策文件", "上一篇:某区2024年科技工作总结",
                          "下一篇 : 关于开展评价工作的通知",
                          "主办:某市人民政府办公室 版权所有 赣ICP备00000000号"));
}

TEST(MarkFurniture, GamblingSpam) {
  // A line of spam links is marked whole.
  EXPECT_THAT(Marked("千盛娱乐官网 博悦体育官方app下载\n"),
              ElementsAre("千盛娱乐官网 博悦体育官方app下载"));
  // Spam glued to the start of real prose: only the brand.
  EXPECT_THAT(Marked("天宏球友会今年以来,我们全面贯彻创新驱动发展战略,成效明显。"),
              ElementsAre("天宏球友会"));
  // Inside a long sentence, the brand with its tail.
  EXPECT_THAT(Marked("全市新增高新技术企业300家,星耀体育官方网站(中国)入口,科技型中小企业1200家。"),
              ElementsAre("星耀体育官方网站(中国)入口"));
  // Full-width letters fold before matching.
  EXPECT_THAT(Marked("博悦体育ＡＰＰ下载"), ElementsAre("博悦体育ＡＰＰ下载"));
}

TEST(MarkFurniture, OrdinaryProseIsNotFurniture) {
  EXPECT_THAT(Marked("区科技局会同区财政局推进“百企研发”计划。资金来源:财政专项。"
                     "提高政策的有效性。支持泛娱乐产业和全民健身体育设施建设。"
                     "为企业提供技术支持和打印设备。\n"),
              IsEmpty());
}

TEST(MarkFurniture, GiantLineIsBounded) {
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "区科技局会同区财政局推进科技城建设,";
  line = "索引号:" + line + " 分享:" + line;
  EXPECT_THAT(Marked(line), ElementsAre("索引号:", "分享:"));
}

}  // namespace
}  // namespace policykg
