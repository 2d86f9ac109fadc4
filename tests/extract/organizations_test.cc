// Organisation suffix grammar, on sentences written for the test.
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

TEST(Organizations, AgencyWithRelativePrefix) {
  auto ctx = MakeContext("请区发改局、区财政局按职责分工落实。");
  FindOrganizations(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kAgency);
  EXPECT_THAT(names, Contains("区发改局"));
  EXPECT_THAT(names, Contains("区财政局"));
}

TEST(Organizations, LeftBoundaryStopsAtVerb) {
  auto ctx = MakeContext("加快推进四川大学成都研究院建设。");
  FindOrganizations(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kInstitute);
  EXPECT_THAT(names, Contains("四川大学成都研究院"));
  EXPECT_THAT(names, Contains("四川大学"));  // the parent named inside
  EXPECT_THAT(names, Not(Contains("加快推进四川大学成都研究院")));
}

TEST(Organizations, SharedSuffixListGivesOneInstituteEach) {
  auto ctx = MakeContext("优化提升智能制造、生物医药、新能源三大产业研究院运营水平。");
  FindOrganizations(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kInstitute);
  EXPECT_THAT(names, Contains("智能制造产业研究院"));
  EXPECT_THAT(names, Contains("生物医药产业研究院"));
  EXPECT_THAT(names, Contains("新能源产业研究院"));
}

TEST(Organizations, NameplatePairSharesThePrefix) {
  auto ctx = MakeContext("(责任单位:县农业局〈水利局〉、县商务局)");
  FindOrganizations(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kAgency);
  EXPECT_THAT(names, Contains("县农业局"));
  EXPECT_THAT(names, Contains("县水利局"));
  EXPECT_THAT(names, Contains("县商务局"));
}

TEST(Organizations, ClassesAreNotEntities) {
  auto ctx = MakeContext("各乡镇人民政府要高度重视。新增省级重点企业研究院3家,鼓励企业与高校共建产业研究院。");
  FindOrganizations(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kAgency), IsEmpty());
  EXPECT_THAT(MentionNames(*ctx, EntityType::kInstitute), IsEmpty());
}

TEST(Organizations, ConjunctionInsideShortName) {
  auto ctx = MakeContext("引进专家团队共建氢能和储能研究院。");
  FindOrganizations(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kInstitute), Contains("氢能和储能研究院"));
}

TEST(Organizations, TwoBodiesRunTogetherAreSplit) {
  auto ctx = MakeContext("贯彻落实市委市政府的部署。");
  FindOrganizations(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kAgency);
  EXPECT_THAT(names, Contains("市委"));
  EXPECT_THAT(names, Contains("市政府"));
  EXPECT_THAT(names, Not(Contains("市委市政府")));
}

TEST(Organizations, NationalFirmsKeepTheWordAfterZhongguo) {
  auto ctx = MakeContext("支持中国建设银行股份有限公司、中国联合网络通信集团有限公司参与。");
  FindOrganizations(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kEnterprise);
  EXPECT_THAT(names, Contains("中国建设银行股份有限公司"));
  EXPECT_THAT(names, Contains("中国联合网络通信集团有限公司"));
}

TEST(Organizations, StandardDepartmentNamesWithAConjunction) {
  auto ctx = MakeContext("会同国家发展和改革委员会、工业和信息化部、市人力资源和社会保障局、区住房和城乡建设局推进。");
  FindOrganizations(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kAgency);
  EXPECT_THAT(names, Contains("国家发展和改革委员会"));
  EXPECT_THAT(names, Contains("工业和信息化部"));
  EXPECT_THAT(names, Contains("市人力资源和社会保障局"));
  EXPECT_THAT(names, Contains("区住房和城乡建设局"));
  EXPECT_THAT(names, Not(Contains("改革委员会")));
}

TEST(Organizations, ABankOrGroupBeforeAConjunctionIsNoPartOfTheNextName) {
  auto ctx = MakeContext("推动甲乙开发银行与中国科学院自动化研究所合作。");
  FindOrganizations(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kInstitute);
  EXPECT_THAT(names, Contains("中国科学院自动化研究所"));
  for (const std::string& n : names) EXPECT_EQ(n.find("银行"), std::string::npos) << n;
}

TEST(Organizations, AnAcademysInstituteWithTwoFieldsJoinedByYu) {
  auto ctx = MakeContext("与中国科学院宁波材料技术与工程研究所签署合作协议。");
  FindOrganizations(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kInstitute);
  EXPECT_THAT(names, Contains("中国科学院宁波材料技术与工程研究所"));
  EXPECT_THAT(names, Not(Contains("工程研究所")));
}

TEST(Organizations, EnterpriseByLegalSuffix) {
  auto ctx = MakeContext("依托广东星河电子股份有限公司等龙头企业。");
  FindOrganizations(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kEnterprise), Contains("广东星河电子股份有限公司"));
}

TEST(Organizations, WordsThatMerelyEndInASuffixAreNot) {
  auto ctx = MakeContext("优化产业布局,加强干部队伍建设,制定管理办法。");
  FindOrganizations(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kAgency), IsEmpty());
}

TEST(Organizations, GovernmentNeedsAPlaceInFront) {
  auto ctx = MakeContext("加快建设服务型政府,坚持勤俭办一切事业。提请区政府常务会议审议。");
  FindOrganizations(*ctx);
  EXPECT_THAT(MentionNames(*ctx, EntityType::kAgency), ::testing::ElementsAre("区政府"));
}

TEST(Organizations, LoneTongIsAConjunctionButXietongIsNot) {
  auto ctx = MakeContext("甲省农业科学院同乙国农业科学院签订协议。建设丙丁协同创新研究院。");
  FindOrganizations(*ctx);
  const auto names = MentionNames(*ctx, EntityType::kInstitute);
  EXPECT_THAT(names, Contains("乙国农业科学院"));
  EXPECT_THAT(names, Not(Contains("甲省农业科学院同乙国农业科学院")));
  EXPECT_THAT(names, Contains("丙丁协同创新研究院"));
}

}  // namespace
}  // namespace policykg
