// Relation rules on sentences written for the test.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/lexicon.h"
#include "tests/extract/extract_test_util.h"

namespace policykg {
namespace {

using ::policykg::testing::EntityNames;
using ::policykg::testing::MakeContext;
using ::policykg::testing::RelationPairs;
using ::policykg::testing::RunEntityPasses;
using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

TEST(Relations, ResponsibleUnitsCoverTheTaskParagraph) {
  auto ctx = MakeContext(
      "1.推进“蓉创”行动,持续建设天府科技城。(责任单位:区科技局、区经信局)\n"
      "2.开展“川货”行动。(责任单位:区商务局)\n");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kResponsibleFor),
              UnorderedElementsAre("区科技局>“蓉创”行动", "区经信局>“蓉创”行动", "区科技局>天府科技城",
                                   "区经信局>天府科技城", "区商务局>“川货”行动"));
}

TEST(Relations, AResponsibilityLineClosesTheTaskAboveItBackToItsHeading) {
  auto ctx = MakeContext(
      "一、实施“蓉创”行动\n"
      "持续建设天府科技城,举办“川渝杯”创新大赛。\n"
      "责任单位:区科技局(牵头),区经信局\n"
      "\n"
      "二、开展“川货”行动\n"
      "责任单位:区商务局\n");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kResponsibleFor),
              UnorderedElementsAre("区科技局>“蓉创”行动", "区经信局>“蓉创”行动", "区科技局>天府科技城",
                                   "区经信局>天府科技城", "区科技局>“川渝杯”创新大赛",
                                   "区经信局>“川渝杯”创新大赛", "区商务局>“川货”行动"));
}

TEST(Relations, ANoteOnItsOwnLineClosesOnlyTheParagraphAbove) {
  auto ctx = MakeContext(
      "推进“蓉创”行动。\n"
      "建设天府科技城。\n"
      "(责任单位:区科技局)\n");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kResponsibleFor), UnorderedElementsAre("区科技局>天府科技城"));
}

TEST(Relations, SeveralSubjectsCooperateRespectivelyWithSeveralParties) {
  auto ctx = MakeContext("甲乙区、丙丁区分别与戊己大学、庚辛理工大学合作建设转化基地。壬癸研究院和子丑大学与寅卯科技有限公司共建实验室。");
  AddMention(*ctx, EntityType::kRegion, 0, 3, U"甲乙区", "test");
  AddMention(*ctx, EntityType::kRegion, 4, 7, U"丙丁区", "test");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kCooperatesWith),
              UnorderedElementsAre("甲乙区>戊己大学", "丙丁区>庚辛理工大学", "壬癸研究院>寅卯科技有限公司",
                                   "子丑大学>寅卯科技有限公司"));
}

TEST(Relations, AnAgencyThatLeadsIsResponsibleForItsClause) {
  auto ctx = MakeContext("用好“甲贷”等产品,区科技局牵头,区财政局配合,设立区天使投资引导基金。");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kResponsibleFor),
              UnorderedElementsAre("区科技局>区天使投资引导基金"));
}

TEST(Relations, BodiesJoiningForcesCooperate) {
  auto ctx = MakeContext(
      "支持甲乙重工股份有限公司、丙丁科技有限公司等链主企业联合戊己大学、庚辛理工大学开展攻关。"
      "区科技局联合区经信局推进产业创新。");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kCooperatesWith),
              UnorderedElementsAre("甲乙重工股份有限公司>戊己大学", "甲乙重工股份有限公司>庚辛理工大学",
                                   "丙丁科技有限公司>戊己大学", "丙丁科技有限公司>庚辛理工大学"));
}

TEST(Relations, HostUnitsOfAReplyAreResponsibleForTheProposal) {
  auto ctx = MakeContext(
      "标题: | 关于支持民营企业创新的建议 |\n承办单位: | 主办: | 科技局 | 协办: | 财政局、税务局 |\n");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kResponsibleFor),
              UnorderedElementsAre("科技局>关于支持民营企业创新的建议", "财政局>关于支持民营企业创新的建议",
                                   "税务局>关于支持民营企业创新的建议"));
}

TEST(Relations, CooperationWithImplicitSubjectUsesTheJurisdiction) {
  auto ctx = MakeContext("甲市\n一是深化合作。与乙理工大学、丙农业大学共建创新研究院。");
  AddMention(*ctx, EntityType::kRegion, 0, 2, U"甲市", "test");
  ctx->info.jurisdiction = "甲市";
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kCooperatesWith),
              UnorderedElementsAre("甲市>乙理工大学", "甲市>丙农业大学"));
}

TEST(Relations, CooperationNeedsAVerb) {
  auto ctx = MakeContext("甲市\n与乙理工大学相比差距明显。");
  AddMention(*ctx, EntityType::kRegion, 0, 2, U"甲市", "test");
  ctx->info.jurisdiction = "甲市";
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kCooperatesWith), IsEmpty());
}

TEST(Relations, BranchIsPartOfTheUniversityItIsNamedAfter) {
  auto ctx = MakeContext("加快推进西南交通大学成都研究院、西南交大宜宾研究院建设。");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  const auto pairs = RelationPairs(*ctx, RelationType::kPartOf);
  EXPECT_THAT(pairs, Contains("西南交通大学成都研究院>西南交通大学"));
  EXPECT_THAT(pairs, Contains("西南交大宜宾研究院>西南交通大学"));
}

TEST(Relations, ABranchOfAnInstituteIsPartOfThatInstitute) {
  auto ctx = MakeContext("推进华东理工大学智能制造研究院临江分院建设。");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(EntityNames(*ctx, EntityType::kInstitute), Contains("华东理工大学智能制造研究院临江分院"));
  const auto pairs = RelationPairs(*ctx, RelationType::kPartOf);
  EXPECT_THAT(pairs, Contains("华东理工大学智能制造研究院临江分院>华东理工大学智能制造研究院"));
  EXPECT_THAT(pairs, Contains("华东理工大学智能制造研究院>华东理工大学"));
}

TEST(Relations, ACampusAndAGraduateSchoolArePartOfTheirUniversity) {
  auto ctx = MakeContext("支持哈尔滨工业大学(深圳)、清华大学深圳国际研究生院与中国工程院合作。");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  const auto pairs = RelationPairs(*ctx, RelationType::kPartOf);
  EXPECT_THAT(pairs, Contains("哈尔滨工业大学(深圳)>哈尔滨工业大学"));
  EXPECT_THAT(pairs, Contains("清华大学深圳国际研究生院>清华大学"));
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kCooperatesWith),
              UnorderedElementsAre("哈尔滨工业大学(深圳)>中国工程院", "清华大学深圳国际研究生院>中国工程院"));
}

TEST(Relations, SubOfficeIsPartOfItsBody) {
  auto ctx = MakeContext("召开市委科技创新委员会全体会议。确保市委部署落实。");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kPartOf), Contains("市委科技创新委员会>市委"));
}

TEST(Relations, PlatformsListedUnderALargerOne) {
  auto ctx = MakeContext("高水平建设天府科技城,重点建设智谷科技园、云创孵化中心、数智基地三大园区。");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kPartOf),
              UnorderedElementsAre("智谷科技园>天府科技城", "云创孵化中心>天府科技城", "数智基地>天府科技城"));
}

TEST(Relations, BodiesBeforeATitleIssuedIt) {
  auto ctx = MakeContext("省委、省政府印发《关于加快建设科技强省的意见》。");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kIssued),
              UnorderedElementsAre("省委>关于加快建设科技强省的意见", "省政府>关于加快建设科技强省的意见"));
}

TEST(Relations, IssuerOfTheAnnotatedDocument) {
  auto ctx = MakeContext("文号: 川科函〔2024〕8号\n正文。\n四川省科学技术厅\n");
  ctx->info.number = "川科函〔2024〕8号";
  ctx->info.issuer = "四川省科学技术厅";
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  EXPECT_THAT(RelationPairs(*ctx, RelationType::kIssued), Contains("四川省科学技术厅>川科函〔2024〕8号"));
}

TEST(Relations, EvidenceIsTheSentence) {
  auto ctx = MakeContext("召开市委科技创新委员会全体会议。确保市委部署落实。");
  RunEntityPasses(*ctx);
  FindOrgRelations(*ctx);
  ASSERT_FALSE(ctx->relations.empty());
  EXPECT_EQ(ctx->relations[0].sentence, "召开市委科技创新委员会全体会议。");
}

}  // namespace
}  // namespace policykg
