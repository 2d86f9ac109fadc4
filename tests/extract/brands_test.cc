// Enterprises named without a suffix, from enumeration context.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/extract/extract_test_util.h"

namespace policykg {
namespace {

using ::policykg::testing::MakeContext;
using ::policykg::testing::MentionNames;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Brands, InvestorsListedBeforeScaledProjects) {
  auto ctx = MakeContext("引进星海科技、蓝鲸动力、青木材料等百亿级项目5个。");
  FindBrandNames(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kEnterprise), ElementsAre("星海科技", "蓝鲸动力", "青木材料"));
}

TEST(Brands, LeadingFirmsListedWithCount) {
  auto ctx = MakeContext("支持红岩光电、白沙物流等行业内8家领军企业组建联盟。");
  FindBrandNames(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kEnterprise), ElementsAre("红岩光电", "白沙物流"));
}

TEST(Brands, SingleFirmBeforeEtcEnterprises) {
  auto ctx = MakeContext("支持青松精工等企业组建创新联合体。");
  FindBrandNames(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kEnterprise), ElementsAre("青松精工"));
}

TEST(Brands, ClassNounsAreNotBrands) {
  auto ctx = MakeContext("保障对高新技术企业、科技型中小企业等科技型企业的奖励。");
  FindBrandNames(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kEnterprise), IsEmpty());
}

TEST(Brands, ProjectsWithoutScaleAreNotInvestors) {
  auto ctx = MakeContext("着力招引原材料研发、低碳绿色等项目。");
  FindBrandNames(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kEnterprise), IsEmpty());
}

TEST(Brands, ACountOfProjectsIsNoScale) {
  auto ctx = MakeContext("对书法、篆刻、剪纸等5个项目给予补助。");
  FindBrandNames(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kEnterprise), IsEmpty());
}

TEST(Brands, ACountWithAScaleStillNamesInvestors) {
  auto ctx = MakeContext("共引进星海科技、蓝鲸动力等6个亿元以上项目。");
  FindBrandNames(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kEnterprise), ElementsAre("星海科技", "蓝鲸动力"));
}

TEST(Brands, IndustriesBeforeBareEtcEnterprisesAreNot) {
  auto ctx = MakeContext("整顿冶炼、化工、采煤等企业。");
  FindBrandNames(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kEnterprise), IsEmpty());
}

}  // namespace
}  // namespace policykg
