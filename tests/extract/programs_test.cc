// Programme grammar: quotes with modifier and head, named heads, lists.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/extract/extract_test_util.h"

namespace policykg {
namespace {

using ::policykg::testing::MakeContext;
using ::policykg::testing::MentionNames;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

TEST(Programs, NameStartsAfterAFunctionWordThatGluesToIt) {
  auto ctx = MakeContext("今年启动我国清洁能源示范工程。");
  FindPrograms(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kProgram);
  EXPECT_THAT(names, Contains("清洁能源示范工程"));
  EXPECT_THAT(names, Not(Contains("国清洁能源示范工程")));
}

TEST(Programs, ADatesYearOrMonthUnitIsNotPartOfTheName) {
  auto ctx = MakeContext("组织申报2025年度星火提升计划和5月份青苗扶持计划。");
  FindPrograms(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kProgram);
  EXPECT_THAT(names, Contains("星火提升计划"));
  EXPECT_THAT(names, Contains("青苗扶持计划"));
  EXPECT_THAT(names, Not(Contains("度星火提升计划")));
}

TEST(Programs, AGuidanceFundIsAProgrammeItsCompanyIsNot) {
  auto ctx = MakeContext("设立规模5亿元的甲乙市天使投资引导基金,与丙丁创业投资引导基金公司合作。");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), ElementsAre("甲乙市天使投资引导基金"));
}

TEST(Programs, UndertakingIsNoPartOfTheProgrammeName) {
  auto ctx = MakeContext("支持龙头企业承担国家重点研发计划“高端材料”重点专项。");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), Contains("国家重点研发计划“高端材料”重点专项"));
}

TEST(Programs, ACongressIsABodyNotAnEvent) {
  auto ctx = MakeContext("提请甲乙县人民代表大会审议,召开职工代表大会。");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), IsEmpty());
}

TEST(Programs, QuotedWithModifierAndHead) {
  auto ctx = MakeContext("深入实施制造业“强链补链”攻坚行动,成效明显。");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), Contains("制造业“强链补链”攻坚行动"));
}

TEST(Programs, QuotedCoreWithHeadIsAProgrammeByItself) {
  auto ctx = MakeContext("不断完善“蓉城英才计划”,优化申报流程。");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), Contains("“蓉城英才计划”"));
}

TEST(Programs, QuotedListWithSharedHead) {
  auto ctx = MakeContext("大力实施“引才”“育才”“留才”三大计划。");
  FindPrograms(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kProgram);
  EXPECT_THAT(names, Contains("“引才”计划"));
  EXPECT_THAT(names, Contains("“育才”计划"));
  EXPECT_THAT(names, Contains("“留才”计划"));
}

TEST(Programs, NamedProgrammeAfterVerbKeepsInnerVerbs) {
  auto ctx = MakeContext("(二)实施产业链协同攻坚突破行动\n");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), Contains("产业链协同攻坚突破行动"));
}

TEST(Programs, GenericActivitiesAreNotProgrammes) {
  auto ctx = MakeContext("持续开展科技攻关,实施创新创业计划,推广“企业出题、院校答题”新模式。");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), IsEmpty());
}

TEST(Programs, StrategiesListedAsNationalStrategies) {
  auto ctx = MakeContext("抓住成渝地区双城经济圈建设、西部大开发等国家战略机遇。");
  FindPrograms(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kProgram);
  EXPECT_THAT(names, Contains("成渝地区双城经济圈建设"));
  EXPECT_THAT(names, Contains("西部大开发"));
}

TEST(Programs, LevelPrefixMakesAGenericSoundingNameProper) {
  auto ctx = MakeContext("组织申报省重点研发计划项目12项。");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), Contains("省重点研发计划"));
}

TEST(Programs, QuotedLoanInItsRulesIsProgrammeAndDocument) {
  auto ctx = MakeContext("出台“川创贷”管理办法,构建风险补偿机制。");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), Contains("“川创贷”"));
  EXPECT_THAT(MentionNames(*ctx, EntityType::kDocument), Contains("“川创贷”管理办法"));
}

TEST(Programs, ClusterAfterQuotesIsAPlatform) {
  auto ctx = MakeContext("提升“5+N”先进制造业集群能级。");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kPlatform), Contains("“5+N”先进制造业集群"));
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), Not(Contains("“5+N”先进制造业集群")));
}

TEST(Programs, NamedContestWithQualifiers) {
  auto ctx = MakeContext("首次举办第三届西部创新创业大赛(成都赛区)郫都现场赛。");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), Contains("第三届西部创新创业大赛(成都赛区)郫都现场赛"));
}

TEST(Programs, ClauseVerbEndsTheHeadRun) {
  auto ctx = MakeContext("“十五五”时期是开启全面建设的关键时期。");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), IsEmpty());
}

TEST(Programs, TwoLevelsAreNoProperPrefix) {
  auto ctx = MakeContext("积极争取国家和省市重点工程、省部级重大科技计划。");
  FindPrograms(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kProgram), IsEmpty());
}

}  // namespace
}  // namespace policykg
