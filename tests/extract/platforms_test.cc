// Platform grammar: suffixes and shared-suffix enumerations.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/extract/extract_test_util.h"

namespace policykg {
namespace {

using ::policykg::testing::MakeContext;
using ::policykg::testing::MentionNames;
using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;

TEST(Platforms, SuffixNamesSplitAtConjunction) {
  auto ctx = MakeContext("加快建设天府科技城和成都高新区。");
  FindPlatforms(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kPlatform);
  EXPECT_THAT(names, Contains("天府科技城"));
  EXPECT_THAT(names, Contains("成都高新区"));
  EXPECT_THAT(names, Not(Contains("天府科技城和成都高新区")));
}

TEST(Platforms, SharedSuffixWithCount) {
  auto ctx = MakeContext("重点推进东湖、西岭、南岸三大科技城建设。");
  FindPlatforms(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kPlatform);
  EXPECT_THAT(names, Contains("东湖科技城"));
  EXPECT_THAT(names, Contains("西岭科技城"));
  EXPECT_THAT(names, Contains("南岸科技城"));
}

TEST(Platforms, ComplexesListedWithEtcAndCount) {
  auto ctx = MakeContext("甲乙丝绸、丙丁茶叶、戊己五金等3家综合体进入名单。");
  FindPlatforms(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kPlatform);
  EXPECT_THAT(names, Contains("甲乙丝绸综合体"));
  EXPECT_THAT(names, Contains("丙丁茶叶综合体"));
  EXPECT_THAT(names, Contains("戊己五金综合体"));
}

TEST(Platforms, ClassCloserKeepsItemsAsWritten) {
  auto ctx = MakeContext("重点建设智谷科技园、云创孵化中心、数智基地三大园区。");
  FindPlatforms(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kPlatform);
  EXPECT_THAT(names, Contains("智谷科技园"));
  EXPECT_THAT(names, Contains("云创孵化中心"));
  EXPECT_THAT(names, Contains("数智基地"));
}

TEST(Platforms, QuotedSloganIsNoPlatform) {
  auto ctx = MakeContext("打造“一核两翼三新城”发展格局。");
  FindPlatforms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kPlatform), IsEmpty());
}

TEST(Platforms, HyphenatedParkName) {
  auto ctx = MakeContext("持续推进温江-成都医学城高新技术产业园区建设。");
  FindPlatforms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kPlatform), Contains("温江-成都医学城高新技术产业园区"));
}

TEST(Platforms, AnAwardVerbIsNotPartOfTheName) {
  auto ctx = MakeContext("临江高新区获评青山智能装备产业集群。");
  FindPlatforms(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kPlatform);
  EXPECT_THAT(names, Contains("青山智能装备产业集群"));
  EXPECT_THAT(names, Not(Contains("评青山智能装备产业集群")));
}

TEST(Platforms, ALevelBeforeTheSuffixIsAClassUnlessAPlaceNamesThePark) {
  auto ctx = MakeContext("做好新材料省级高新园区创建工作,推进德清生物医药省级高新区建设。");
  FindPlatforms(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kPlatform);
  EXPECT_THAT(names, Not(Contains("新材料省级高新园区")));
  EXPECT_THAT(names, Contains("德清生物医药省级高新区"));
}

TEST(Platforms, ScienceCitiesOfEveryKind) {
  auto ctx = MakeContext("建设青山科创城和绿水科学城,红河科技孵化园入驻企业45家。");
  FindPlatforms(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kPlatform);
  EXPECT_THAT(names, Contains("青山科创城"));
  EXPECT_THAT(names, Contains("绿水科学城"));
  EXPECT_THAT(names, Contains("红河科技孵化园"));
}

TEST(Platforms, VerbBeforeASuffixIsNotPartOfTheName) {
  auto ctx = MakeContext("推动高新园区争先进位,谋划综合体建设。");
  FindPlatforms(*ctx);
  for (const std::string& n : MentionNames(*ctx, EntityType::kPlatform)) {
    EXPECT_EQ(n.find("推动"), std::string::npos) << n;
    EXPECT_EQ(n.find("谋划"), std::string::npos) << n;
  }
}

TEST(Platforms, WordsEndingLikeASuffixAreNot) {
  auto ctx = MakeContext("以大众创业万众创新带动就业。创新高新区建设运营模式。");
  ::policykg::testing::RunEntityPasses(*ctx);
  const auto names = ::policykg::testing::EntityNames(*ctx, EntityType::kPlatform);
  EXPECT_THAT(names, Not(Contains("大众创业万众创新带")));
  EXPECT_THAT(names, Not(Contains("创新高新区")));
}

}  // namespace
}  // namespace policykg
