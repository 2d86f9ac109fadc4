#include <gtest/gtest.h>

#include <string>

#include "base/utf8.h"
#include "extract/reader.h"

namespace policykg {
namespace {

std::string FoldUtf8(const Normalizer& n, const std::string& text) {
  const std::u32string in = Utf8ToU32(text);
  const std::u32string out = n.Fold(in);
  EXPECT_EQ(out.size(), in.size()) << text;
  return U32ToUtf8(out);
}

std::unique_ptr<Normalizer> Make(bool t2s) {
  auto n = Normalizer::Create(t2s);
  EXPECT_TRUE(n.ok()) << n.status().message();
  return std::move(n).value();
}

TEST(Normalizer, FullWidthBecomesHalfWidth) {
  const auto n = Make(true);
  EXPECT_EQ(FoldUtf8(*n, "ＡＢＣ１２３（一）：；！？，"), "ABC123(一):;!?,");
  EXPECT_EQ(FoldUtf8(*n, "２０２５年"), "2025年");
  EXPECT_EQ(FoldUtf8(*n, "\u3000全角空格"), " 全角空格");
}

TEST(Normalizer, KeepsChinesePunctuationThatNfkcKeeps) {
  const auto n = Make(true);
  EXPECT_EQ(FoldUtf8(*n, "。、“”《》〔〕"), "。、“”《》〔〕");
}

TEST(Normalizer, MultiCodePointFoldsKeepTheOriginal) {
  const auto n = Make(true);
  // ⑴ -> "(1)" and ℃ -> "°C" would change the length: kept as written.
  EXPECT_EQ(FoldUtf8(*n, "⑴℃…"), "⑴℃…");
  // ① -> "1" is a single code point: folded.
  EXPECT_EQ(FoldUtf8(*n, "①"), "1");
}

TEST(Normalizer, TraditionalToSimplified) {
  const auto n = Make(true);
  EXPECT_EQ(FoldUtf8(*n, "臺灣"), "台湾");
  EXPECT_EQ(FoldUtf8(*n, "科學技術局關於組織申報"), "科学技术局关于组织申报");
  EXPECT_EQ(FoldUtf8(*n, "廣東工業大學肇慶研究院"), "广东工业大学肇庆研究院");
  // Simplified text is unchanged.
  EXPECT_EQ(FoldUtf8(*n, "区科技局会同区财政局"), "区科技局会同区财政局");
}

// Characters are converted the first time a text brings them, in batches of
// whatever that text holds: a character's form must not depend on the batch.
TEST(Normalizer, LazyConversionDoesNotDependOnTheBatch) {
  const auto n = Make(true);
  std::u32string singles, block;
  for (char32_t c = 0x9000; c < 0x9400; c += 3) singles += c;
  for (char32_t c = 0x9000; c < 0x9400; ++c) block += c;
  std::u32string one_by_one;
  for (char32_t c : singles) one_by_one += n->Fold(std::u32string(1, c));
  const std::u32string folded_block = n->Fold(block);
  std::u32string from_block;
  for (size_t k = 0; k < block.size(); k += 3) from_block += folded_block[k];
  EXPECT_EQ(one_by_one, from_block);
  EXPECT_NE(one_by_one, singles);  // some Traditional characters among them were converted
  // Folding again gives the same (now from the table).
  EXPECT_EQ(n->Fold(block), folded_block);
}

TEST(Normalizer, SupplementaryCodePoints) {
  const auto n = Make(true);
  // Mathematical bold A (U+1D400) and a supplementary compatibility
  // ideograph (U+2F800 -> U+4E3D) fold; an extension-B ideograph stays.
  EXPECT_EQ(n->Fold(U"\U0001D400\U0002F800\U00020000"), U"A\u4E3D\U00020000");
}

TEST(Normalizer, CompatibilityIdeographsFoldThenSimplify) {
  const auto n = Make(true);
  // U+F9B2 is a compatibility form of 零.
  EXPECT_EQ(FoldUtf8(*n, "\uF9B2"), "零");
}

TEST(Normalizer, DocumentInSimplifiedKeepsItsVariantCharacters) {
  const auto n = Make(true);
  EXPECT_EQ(FoldUtf8(*n, "昇"), "升");  // the table maps the variant
  // A Simplified document naming a firm with it keeps it; full widths still fold.
  const std::u32string doc = Utf8ToU32("支持泓昇精密机械有限公司建设研发中心，投资１亿元。");
  EXPECT_EQ(U32ToUtf8(n->FoldDocument(doc)), "支持泓昇精密机械有限公司建设研发中心,投资1亿元。");
  // A Traditional one is converted, the variant with it.
  const std::u32string trad = Utf8ToU32("支持泓昇精密機械有限公司建設研發中心");
  EXPECT_EQ(U32ToUtf8(n->FoldDocument(trad)), "支持泓升精密机械有限公司建设研发中心");
  // Sentence by sentence: a Traditional quotation in a Simplified report.
  const std::u32string mixed = Utf8ToU32("泓昇集团有限公司今年投资建设研发中心和重点实验室。報告說:科學技術局關於組織申報。");
  EXPECT_EQ(U32ToUtf8(n->FoldDocument(mixed)), "泓昇集团有限公司今年投资建设研发中心和重点实验室。报告说:科学技术局关于组织申报。");
}

TEST(Normalizer, WithoutTraditionalMappingOnlyNfkc) {
  const auto n = Make(false);
  EXPECT_EQ(FoldUtf8(*n, "臺灣ＡＢ"), "臺灣AB");
}

TEST(Normalizer, LengthPreservedForAnyInput) {
  const auto n = Make(true);
  std::u32string all;
  for (char32_t c = 0; c < 0x30000; c += 7) all += c;
  all += U'\U0010FFFF';
  EXPECT_EQ(n->Fold(all).size(), all.size());
  EXPECT_TRUE(n->Fold(U"").empty());
}

TEST(Normalizer, CreateTwiceSharesTheWork) {
  const auto a = Make(true);
  const auto b = Make(true);
  EXPECT_EQ(FoldUtf8(*a, "開發區"), FoldUtf8(*b, "開發區"));
  EXPECT_EQ(FoldUtf8(*a, "開發區"), "开发区");
}

}  // namespace
}  // namespace policykg
