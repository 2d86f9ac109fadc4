// Document grammar: 《》 titles, numbers, proposals, the annotated document.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/extract/extract_test_util.h"

namespace policykg {
namespace {

using ::policykg::testing::EntityNames;
using ::policykg::testing::FindEntity;
using ::policykg::testing::MakeContext;
using ::policykg::testing::MentionNames;
using ::testing::Contains;
using ::testing::Not;

TEST(Documents, TitleWithoutBracketsAndItsNumberAsAlias) {
  auto ctx = MakeContext("认真落实《四川省科技创新促进条例实施方案》(川府发〔2022〕9号)精神。");
  FindDocuments(*ctx);
  BuildEntities(*ctx);
  const Entity* e = FindEntity(*ctx, EntityType::kDocument, "四川省科技创新促进条例实施方案");
  ASSERT_NE(e, nullptr);
  EXPECT_THAT(e->aliases, Contains("川府发〔2022〕9号"));
  EXPECT_EQ(EntityNames(*ctx, EntityType::kDocument).size(), 1u);
}

TEST(Documents, ProposalNumberAfterTitleIsAnAlias) {
  auto ctx = MakeContext("你们提出《关于加快发展低空经济的建议》的提案(第56号)悉。");
  FindDocuments(*ctx);
  BuildEntities(*ctx);
  const Entity* e = FindEntity(*ctx, EntityType::kDocument, "关于加快发展低空经济的建议");
  ASSERT_NE(e, nullptr);
  EXPECT_THAT(e->aliases, Contains("第56号提案"));
}

TEST(Documents, ProposalNamedWithoutBrackets) {
  auto ctx = MakeContext("您提出的关于支持民营企业创新的建议的提案收悉,现答复如下:");
  FindDocuments(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kDocument), Contains("关于支持民营企业创新的建议"));
}

TEST(Documents, StandaloneDocumentNumber) {
  auto ctx = MakeContext("文件编号: 粤科函〔2023〕12号\n");
  FindDocuments(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kDocument), Contains("粤科函〔2023〕12号"));
}

TEST(Documents, AnnotatedDocumentTakesTitleWithNumberAsAlias) {
  auto ctx = MakeContext("文号: 粤科函〔2023〕12号\n关于做好科技特派员工作的通知\n正文。");
  ctx->info.title = "关于做好科技特派员工作的通知";
  ctx->info.number = "粤科函〔2023〕12号";
  FindDocuments(*ctx);
  BuildEntities(*ctx);
  const Entity* e = FindEntity(*ctx, EntityType::kDocument, "关于做好科技特派员工作的通知");
  ASSERT_NE(e, nullptr);
  EXPECT_THAT(e->aliases, Contains("粤科函〔2023〕12号"));
  EXPECT_THAT(EntityNames(*ctx, EntityType::kDocument), Not(Contains("粤科函〔2023〕12号")));
}

TEST(Documents, AnnotatedDocumentWithOnlyANumber) {
  auto ctx = MakeContext("正文没有标题。");
  ctx->info.number = "川科函〔2024〕8号";
  FindDocuments(*ctx);
  BuildEntities(*ctx);
  EXPECT_THAT(EntityNames(*ctx, EntityType::kDocument), Contains("川科函〔2024〕8号"));
}

}  // namespace
}  // namespace policykg
