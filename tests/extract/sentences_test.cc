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

std::vector<std::string> Sentences(const std::string& text) {
  DocumentContext ctx(Gazetteer::Embedded());
  ctx.text = Utf8ToU32(text);
  auto n = Normalizer::Create(true);
  EXPECT_TRUE(n.ok());
  ctx.norm = n.value()->Fold(ctx.text);
  SegmentSentences(ctx);
  std::vector<std::string> out;
  int32_t last_end = 0;
  for (const Span& s : ctx.sentences) {
    EXPECT_LT(s.start, s.end);
    EXPECT_LE(last_end, s.start);
    last_end = s.end;
    out.push_back(U32ToUtf8(ctx.text.substr(s.start, s.end - s.start)));
  }
  return out;
}

using ::testing::ElementsAre;

TEST(SegmentSentences, SplitsAtChineseAndAsciiTerminators) {
  EXPECT_THAT(Sentences("区科技局牵头。市财政局配合！是否可行？先试点；再推广!好吗?"),
              ElementsAre("区科技局牵头。", "市财政局配合！", "是否可行？", "先试点；", "再推广!",
                          "好吗?"));
}

TEST(SegmentSentences, ClosingQuotesStayWithTheirSentence) {
  EXPECT_THAT(Sentences("实施“强链工程。”随后（见附件。）结束"),
              ElementsAre("实施“强链工程。”", "随后（见附件。）", "结束"));
}

TEST(SegmentSentences, LineBreaksEndSentencesAndBlankLinesVanish) {
  EXPECT_THAT(Sentences("一、总体要求\r\n\n  (一)指导思想 \n二、重点任务"),
              ElementsAre("一、总体要求", "(一)指导思想", "二、重点任务"));
}

TEST(SegmentSentences, TableSeparatorsSplitCells) {
  EXPECT_THAT(Sentences("索引号: | 360000-KJ/2025-001 | 发布机构: | 市科技局 |"),
              ElementsAre("索引号:", "360000-KJ/2025-001", "发布机构:", "市科技局"));
}

TEST(SegmentSentences, DecimalPointsAndCommasDoNotSplit) {
  EXPECT_THAT(Sentences("投入3.5亿元,增长12.7%,位居全省第2。"),
              ElementsAre("投入3.5亿元,增长12.7%,位居全省第2。"));
}

TEST(SegmentSentences, GiantLineGivesBoundedSentences) {
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "区科技局会同区财政局推进科技城建设,";
  line += "末尾";
  const auto sentences = Sentences(line);
  ASSERT_GT(sentences.size(), 100u);
  size_t total = 0;
  for (const std::string& s : sentences) {
    const size_t n = CodePointCount(s);
    EXPECT_LE(n, 512u);
    total += n;
  }
  EXPECT_EQ(total, CodePointCount(line));
  // Cuts fall after a comma when one is near.
  EXPECT_EQ(sentences.front().back(), ',');
}

TEST(SegmentSentences, EmptyText) { EXPECT_TRUE(Sentences("").empty()); }

}  // namespace
}  // namespace policykg
