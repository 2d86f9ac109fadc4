#include "extract/word_boundaries.h"

#include <algorithm>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "base/utf8.h"

namespace policykg {
namespace {

// Texts that mix what the cuts must respect: Han runs across clause
// punctuation, numbers with separators, Latin words with mid-letter
// punctuation, full-width forms, newlines and a lone trailing character.
const char* const kTexts[] = {
    "加快推进科技创新，建设现代化产业体系。\n一是强化企业创新主体地位；二是完善人才发展机制：引进高层次人才！",
    "全年实现生产总值1,234.5亿元，增长6.5%；城乡居民收入分别增长5.2%、7.1%。\n\n",
    "abc:def 合作交流。Web3.0平台，数据:开放、共享?共建!共治\n共享",
    "深化改革开放，扩大内需，稳定就业，优化营商环境，推进乡村振兴，保障改善民生",
    "第一，第二，第三。(一)加强组织领导。（二）压实工作责任；",
    "中",
    "\n\n。，中。",
};

std::vector<bool> Lazy(const std::u32string& text, const std::vector<int32_t>& order) {
  WordBoundaries lazy(text);
  std::vector<bool> out(text.size() + 1);
  for (int32_t pos : order) out[pos] = lazy.At(pos);
  return out;
}

TEST(WordBoundaries, PiecewiseEqualsWholeTextInAnyQueryOrder) {
  for (const char* t : kTexts) {
    const std::u32string text = Utf8ToU32(t);
    const std::vector<bool> whole = WholeTextWordBoundaries(text);
    std::vector<int32_t> order(text.size() + 1);
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int32_t>(k);
    EXPECT_EQ(Lazy(text, order), whole) << t;
    std::reverse(order.begin(), order.end());
    EXPECT_EQ(Lazy(text, order), whole) << t;
    std::shuffle(order.begin(), order.end(), std::mt19937(7));
    EXPECT_EQ(Lazy(text, order), whole) << t;
  }
}

TEST(WordBoundaries, EndsAreBoundariesAndOutsideIsNot) {
  const std::u32string text = Utf8ToU32("推进改革");
  WordBoundaries b(text);
  EXPECT_TRUE(b.At(0));
  EXPECT_TRUE(b.At(4));
  EXPECT_FALSE(b.At(-1));
  EXPECT_FALSE(b.At(5));
}

TEST(WordBoundaries, DictionaryWordsAreNotSplit) {
  // 创新 is one word of ICU's dictionary: no boundary between its characters.
  const std::u32string text = Utf8ToU32("鼓励创新");
  WordBoundaries b(text);
  EXPECT_FALSE(b.At(3));
  EXPECT_TRUE(b.At(2));
}

TEST(WordBoundaries, KeepsItsOwnCopyOfTheText) {
  std::u32string text = Utf8ToU32("加强合作");
  WordBoundaries b(text);
  text.assign(U"xxxx");
  EXPECT_EQ(b.text(), U"加强合作");
}

}  // namespace
}  // namespace policykg
