#include "extract/metadata.h"

#include <gtest/gtest.h>

#include "extract/passes.h"
#include "tests/extract/geo_test_util.h"

namespace policykg {
namespace {

TEST(Metadata, ParsesDates) {
  EXPECT_EQ(ParseDate(U"2021-03-09"), "2021-03-09");
  EXPECT_EQ(ParseDate(U" | 2021/3/9 | "), "2021-03-09");
  EXPECT_EQ(ParseDate(U"2021年3月9日"), "2021-03-09");
  EXPECT_EQ(ParseDate(U"2021-03-09 10:30"), "2021-03-09");
  EXPECT_EQ(ParseDate(U"二〇二一年十二月二十八日"), "2021-12-28");
  EXPECT_EQ(ParseDate(U"二〇一九年三月十日"), "2019-03-10");
  EXPECT_FALSE(ParseDate(U"2021年13月9日"));
  EXPECT_FALSE(ParseDate(U"第2021号"));
  EXPECT_FALSE(ParseDate(U"2021年3月9日召开会议"));
}

TEST(Metadata, RecognisesDocumentNumbers) {
  EXPECT_TRUE(IsDocumentNumber(U"赣科发〔2021〕15号"));
  EXPECT_TRUE(IsDocumentNumber(U"川府办发[2020]3号"));
  EXPECT_TRUE(IsDocumentNumber(U"国办发(2019)12号"));
  EXPECT_FALSE(IsDocumentNumber(U"〔2021〕15号"));
  EXPECT_FALSE(IsDocumentNumber(U"赣科发〔21〕15号"));
  EXPECT_FALSE(IsDocumentNumber(U"赣科发〔2021〕15号文件"));
}

TEST(Metadata, RecognisesOrganisationLines) {
  EXPECT_TRUE(LooksLikeOrganization(U"南昌市科学技术局"));
  EXPECT_TRUE(LooksLikeOrganization(U"武侯区人民政府办公室"));
  EXPECT_FALSE(LooksLikeOrganization(U"特此通知。"));
  EXPECT_FALSE(LooksLikeOrganization(U"局"));
}

TEST(Metadata, ReadsHeaderFieldsTitleAndSignature) {
  auto ctx = geotest::Context(
      "索引号: | 000/2021-1 | 成文日期: | 2021-03-09 |\n"
      "文件编号: | 赣科发〔2021〕15号 | 发布机构: | 市科技局 |\n"
      "关于印发《某某市科技创新券管理办法》的通知\n"
      "各县(区)科技局:\n"
      "现将办法印发给你们,请认真贯彻执行。\n"
      "南昌市科学技术局\n"
      "2021年3月9日\n");
  ReadMetadata(*ctx);
  EXPECT_EQ(ctx->info.title, "关于印发《某某市科技创新券管理办法》的通知");
  EXPECT_EQ(ctx->info.number, "赣科发〔2021〕15号");
  EXPECT_EQ(ctx->info.issuer, "南昌市科学技术局");  // the signature beats the relative field
  EXPECT_EQ(ctx->info.date, "2021-03-09");
}

TEST(Metadata, FieldValuesOnTheirOwnLines) {
  auto ctx = geotest::Context(
      "  • 发布机构:\n\n    区科技局\n\n  • 成文日期:\n\n    2020-11-02\n\n  • 文号:\n\n    武科发〔2020〕8号\n"
      "正文第一段。\n");
  ReadMetadata(*ctx);
  EXPECT_EQ(ctx->info.issuer, "区科技局");  // resolved later, with the jurisdiction
  EXPECT_EQ(ctx->info.date, "2020-11-02");
  EXPECT_EQ(ctx->info.number, "武科发〔2020〕8号");
  EXPECT_EQ(ctx->info.title, "");
}

TEST(Metadata, TitleWithIssuerPrefixGivesTheIssuer) {
  auto ctx = geotest::Context(
      "成都市武侯区人民政府办公室关于加快科技服务业发展的实施意见\n"
      "各街道办事处,区级各部门:\n"
      "为加快发展,提出如下意见。\n");
  ReadMetadata(*ctx);
  EXPECT_EQ(ctx->info.title, "成都市武侯区人民政府办公室关于加快科技服务业发展的实施意见");
  EXPECT_EQ(ctx->info.issuer, "成都市武侯区人民政府办公室");
  EXPECT_EQ(ctx->info.date, "");
}

TEST(Metadata, IssuerInMatchingForm) {
  auto ctx = geotest::Context("通知內容。\n肇慶市科學技術局\n2025年4月8日\n");
  // As the normalizer would fold it (Traditional -> Simplified).
  ctx->norm = Utf8ToU32("通知内容。\n肇庆市科学技术局\n2025年4月8日\n");
  ReadMetadata(*ctx);
  EXPECT_EQ(ctx->info.issuer, "肇庆市科学技术局");
  EXPECT_EQ(ctx->info.date, "2025-04-08");
}

TEST(Metadata, APagesShortTitleGivesWayToTheFullHeading) {
  auto ctx = geotest::Context(
      "武侯区关于印发《科技服务业行动计划》的通知\n"
      "发布机构: 区政府办公室\n"
      "成都市武侯区人民政府办公室关于印发《科技服务业行动计划》的通知\n"
      "各街道办事处:\n现将计划印发给你们。\n");
  ReadMetadata(*ctx);
  EXPECT_EQ(ctx->info.title, "成都市武侯区人民政府办公室关于印发《科技服务业行动计划》的通知");
}

TEST(Metadata, TitleWithoutGuanyu) {
  auto ctx = geotest::Context(
      "索引号: 1151/2024-00123 | 发布机构: 武侯区科学技术局\n"
      "对区政协九届三次会议第45号提案的答复\n"
      "李明委员:\n您的提案收悉。现答复如下。\n");
  ReadMetadata(*ctx);
  EXPECT_EQ(ctx->info.title, "对区政协九届三次会议第45号提案的答复");
}

TEST(Metadata, WorkReportTitleGivesItsOrganisationAsIssuer) {
  auto ctx = geotest::Context("南昌市科学技术局2023年工作总结\n\n2023年,全市科技工作取得新成效。\n");
  ReadMetadata(*ctx);
  EXPECT_EQ(ctx->info.title, "南昌市科学技术局2023年工作总结");
  EXPECT_EQ(ctx->info.issuer, "南昌市科学技术局");
}

TEST(Metadata, ASectionHeadingAfterTheFirstSentencesIsNoTitle) {
  auto ctx = geotest::Context("各位代表!\n现在作工作报告,请予审议。\n过去五年工作的基本总结\n");
  ReadMetadata(*ctx);
  EXPECT_EQ(ctx->info.title, "");
}

TEST(Metadata, BodySentencesAreNoTitle) {
  auto ctx = geotest::Context("您提出的《关于加强人才培养的建议》收悉,现答复如下:\n感谢关心。\n");
  ReadMetadata(*ctx);
  EXPECT_EQ(ctx->info.title, "");
  EXPECT_EQ(ctx->info.issuer, "");
}

}  // namespace
}  // namespace policykg
