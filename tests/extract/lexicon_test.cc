// The name grammar's building blocks: character sets, stop words, the
// suffix scan.
#include "extract/lexicon.h"

#include <gtest/gtest.h>

namespace policykg {
namespace {

TEST(CharSet, HoldsExactlyItsCharacters) {
  const CharSet set(U"甲乙a\U00020000");
  EXPECT_TRUE(set.Contains(U'甲'));
  EXPECT_TRUE(set.Contains(U'乙'));
  EXPECT_TRUE(set.Contains(U'a'));
  EXPECT_TRUE(set.Contains(0x20000));  // outside the BMP
  EXPECT_FALSE(set.Contains(U'丙'));
  EXPECT_FALSE(set.Contains(U'A'));
  EXPECT_FALSE(set.Contains(0x20001));
  EXPECT_FALSE(CharSet(U"").Contains(0));
}

TEST(StopWords, LongestEndingAndStartingHere) {
  const std::u32string s = U"甲乙进一步推进丙丁";
  EXPECT_EQ(StopWordEndingAt(s, 5), 3);  // 进一步
  EXPECT_EQ(StopWordEndingAt(s, 7), 2);  // 推进
  EXPECT_EQ(StopWordEndingAt(s, 2), 0);  // 甲乙
  EXPECT_EQ(StopWordEndingAt(s, 0), 0);
  EXPECT_EQ(StopWordStartingAt(s, 2), 3);  // 进一步
  EXPECT_EQ(StopWordStartingAt(s, 0), 0);
  EXPECT_EQ(StopWordStartingAt(s, s.size()), 0);
}

TEST(StopWords, FunctionWordsThatBeginWithAOneCharacterStop) {
  // The walk must stop before 我国 and 这次, not inside them after 我 and 这.
  EXPECT_EQ(StopWordEndingAt(U"我国国民", 2), 2);
  EXPECT_EQ(StopWordEndingAt(U"这次大会", 2), 2);
  EXPECT_EQ(StopWordEndingAt(U"各级政府", 2), 2);
}

TEST(StopWords, ExceptionsStillApply) {
  EXPECT_EQ(StopWordEndingAt(U"高等", 2), 0);  // 高等 is an adjective, not 等
  EXPECT_EQ(StopWordEndingAt(U"甲等", 2), 1);
  EXPECT_EQ(StopWordEndingAt(U"重要", 2), 0);
  EXPECT_EQ(StopWordEndingAt(U"天使投资", 2), 0);  // 天使 is a word, not 使
  EXPECT_EQ(StopWordEndingAt(U"促使", 2), 1);
  EXPECT_EQ(StopWordEndingAt(U"华为技术", 2), 0);
}

TEST(ScanSuffixes, LongestSuffixFirstAmongRulesOfOneCharacter) {
  const std::vector<SuffixRule> rules = {
      {U"高新区", 2, 8}, {U"新区", 2, 8}, {U"研究院", 2, 8}};
  const std::u32string s = U"建设甲乙高新区和丙丁研究院。";
  WalkOptions opt;
  const std::vector<SuffixHit> hits = ScanSuffixes(s, rules, opt);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(std::u32string_view(s).substr(hits[0].start, hits[0].end - hits[0].start), U"甲乙高新区");
  EXPECT_EQ(hits[0].rule, &rules[0]);
  EXPECT_EQ(std::u32string_view(s).substr(hits[1].start, hits[1].end - hits[1].start), U"丙丁研究院");
  EXPECT_EQ(hits[1].rule, &rules[2]);
}

TEST(ScanSuffixes, AHeadThatIsOneStopWordNamesNothing) {
  const std::vector<SuffixRule> rules = {{U"实验室", 2, 8}};
  const std::u32string s = U"加快推进实验室建设,支持甲乙实验室。";
  const std::vector<SuffixHit> hits = ScanSuffixes(s, rules, WalkOptions{});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(std::u32string_view(s).substr(hits[0].start, hits[0].end - hits[0].start), U"甲乙实验室");
}

TEST(FollowsEach, ClassesOfBodies) {
  const std::u32string s = U"各级甲乙各乡镇丙";
  EXPECT_TRUE(FollowsEach(s, 2));   // 各级|
  EXPECT_TRUE(FollowsEach(s, 5));   // 各|乡镇
  EXPECT_FALSE(FollowsEach(s, 4));  // 乙|
  EXPECT_FALSE(FollowsEach(s, 0));
}

}  // namespace
}  // namespace policykg
