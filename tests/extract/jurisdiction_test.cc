#include "extract/jurisdiction.h"

#include <gtest/gtest.h>

#include "extract/passes.h"
#include "tests/extract/geo_test_util.h"

namespace policykg {
namespace {

std::string Resolve(const DocumentContext& ctx, const std::string& name) {
  return U32ToUtf8(ResolveRelativeName(ctx, Utf8ToU32(name)));
}

// A reply written by a district of 南昌市 (江西): it says 我区 and names the
// district and its city.
std::unique_ptr<DocumentContext> DistrictReply() {
  auto ctx = geotest::Context(
      "发布机构: | 区科技局 |\n"
      "近年来,我区高度重视科技创新,青山湖区新增高新技术企业30家。\n"
      "在南昌市的支持下,全区研发投入持续增长,我区将继续努力。\n");
  ReadMetadata(*ctx);
  ResolveJurisdiction(*ctx);
  return ctx;
}

TEST(Jurisdiction, PicksTheDistrictThatSpeaks) {
  auto ctx = DistrictReply();
  ASSERT_EQ(ctx->jurisdiction, geotest::Code("360111"));
  EXPECT_EQ(ctx->info.jurisdiction, "青山湖区");
  EXPECT_EQ(ctx->info.jurisdiction_code, "360111");
  // The issuer field was relative; it is resolved once the district is known.
  EXPECT_EQ(ctx->info.issuer, "青山湖区科技局");
}

TEST(Jurisdiction, ResolvesDistrictPrefix) {
  auto ctx = DistrictReply();
  EXPECT_EQ(Resolve(*ctx, "区科技局"), "青山湖区科技局");
  EXPECT_EQ(Resolve(*ctx, "区委组织部"), "青山湖区委组织部");
  EXPECT_EQ(Resolve(*ctx, "我区科技局"), "青山湖区科技局");
}

TEST(Jurisdiction, ResolvesWiderLevelsToTheEnclosingDivisions) {
  auto ctx = DistrictReply();
  EXPECT_EQ(Resolve(*ctx, "市科技局"), "南昌市科技局");
  EXPECT_EQ(Resolve(*ctx, "市政协"), "南昌市政协");
  EXPECT_EQ(Resolve(*ctx, "省科技厅"), "江西省科技厅");
  EXPECT_EQ(Resolve(*ctx, "省委"), "江西省委");
  // No county (县) in this document's chain: left as written.
  EXPECT_EQ(Resolve(*ctx, "县科技局"), "县科技局");
}

TEST(Jurisdiction, TheIssuersDistrictWinsOverItsCityWhenItsNameIsShared) {
  // 江北区 is a district of 宁波 and of 重庆: its support is split, its
  // city's is not; the issuer says which district speaks.
  auto ctx = geotest::Context("宁波市江北区科技局\n2024年5月6日\n\n区科技局牵头实施人才工程。\n");
  ReadMetadata(*ctx);
  ResolveJurisdiction(*ctx);
  EXPECT_EQ(ctx->info.jurisdiction_code, "330205");
  EXPECT_EQ(Resolve(*ctx, "区科技局"), "江北区科技局");
}

TEST(Jurisdiction, AutonomousRegionPrefixInsideAnAutonomousRegion) {
  auto ctx = geotest::Context("推动临桂区创新发展。\n");
  ctx->jurisdiction = geotest::Code("450312");  // 临桂区, 桂林市, 广西壮族自治区
  EXPECT_EQ(Resolve(*ctx, "自治区科技厅"), "广西壮族自治区科技厅");
  // In a province, 自治区 names nothing the document belongs to.
  auto other = DistrictReply();
  EXPECT_EQ(Resolve(*other, "自治区科技厅"), "自治区科技厅");
}

TEST(Jurisdiction, BareLocalAgenciesBelongToTheDocumentsLevel) {
  auto ctx = DistrictReply();
  EXPECT_EQ(Resolve(*ctx, "财政局"), "青山湖区财政局");
  EXPECT_EQ(Resolve(*ctx, "市场监管局"), "青山湖区市场监管局");  // 市场 is no 市 prefix
}

TEST(Jurisdiction, LeavesNamesThatAreNotRelativeAlone) {
  auto ctx = DistrictReply();
  EXPECT_EQ(Resolve(*ctx, "科技部"), "科技部");
  EXPECT_EQ(Resolve(*ctx, "国家发改委"), "国家发改委");
  EXPECT_EQ(Resolve(*ctx, "南昌市财政局"), "南昌市财政局");
  EXPECT_EQ(Resolve(*ctx, "区域创新中心"), "区域创新中心");
  EXPECT_EQ(Resolve(*ctx, "市级财政"), "市级财政");
  EXPECT_EQ(Resolve(*ctx, "高新区管委会"), "高新区管委会");
}

TEST(Jurisdiction, CountyLevelCitySaysWoShi) {
  auto ctx = geotest::Context(
      "都江堰市科技局关于市政协提案的答复\n"
      "我市高度重视科技创新工作,都江堰市全年新增科技型企业50家,成都市给予支持。\n");
  ReadMetadata(*ctx);
  ResolveJurisdiction(*ctx);
  EXPECT_EQ(ctx->info.jurisdiction, "都江堰市");
  EXPECT_EQ(Resolve(*ctx, "市政协"), "都江堰市政协");
  EXPECT_EQ(Resolve(*ctx, "省科技厅"), "四川省科技厅");
}

TEST(Jurisdiction, AmbiguousDistrictFollowsItsCity) {
  // 朝阳区 exists in Beijing and in Changchun; 长春 decides.
  auto ctx = geotest::Context("我区地处长春市中心城区。朝阳区大力发展科技服务业,长春全市给予支持。\n");
  ResolveJurisdiction(*ctx);
  EXPECT_EQ(ctx->jurisdiction, geotest::Code("220104"));
}

TEST(Jurisdiction, PrefectureWithoutWoCue) {
  auto ctx = geotest::Context(
      "赣州市科技工作总结\n全市高新技术企业达到800家,赣州综合实力提升,章贡区表现突出。全市研发投入增长。\n");
  ResolveJurisdiction(*ctx);
  EXPECT_EQ(ctx->info.jurisdiction, "赣州市");
  EXPECT_EQ(Resolve(*ctx, "市委"), "赣州市委");
  EXPECT_EQ(Resolve(*ctx, "区科技局"), "区科技局");  // which district is unknown
}

TEST(Jurisdiction, NationalTextHasNoLocalJurisdiction) {
  auto ctx = geotest::Context(
      "我国经济持续发展,全国人民团结奋斗。上海浦东新区开发开放取得成就,全国各地共同进步,全省全市齐动员。\n");
  ResolveJurisdiction(*ctx);
  EXPECT_EQ(ctx->jurisdiction, -1);
}

TEST(Jurisdiction, AbbreviationsLedByThePlaceStayAsWritten) {
  auto ctx = DistrictReply();
  EXPECT_EQ(Resolve(*ctx, "青府办"), "青府办");  // as in 青府办发〔2024〕3号
  EXPECT_EQ(Resolve(*ctx, "南府办"), "南府办");
}

TEST(Jurisdiction, TheIssuersPlaceOutranksTheLevelCue) {
  // A county-level city's bureau that writes 我县 by habit, and names another
  // county more often than itself.
  auto ctx = geotest::Context(
      "我县高度重视科技创新,与崇州市合作,崇州市企业积极参与,崇州市给予支持。\n"
      "都江堰市科学技术局\n2024年3月1日\n");
  ReadMetadata(*ctx);
  ResolveJurisdiction(*ctx);
  EXPECT_EQ(ctx->info.jurisdiction, "都江堰市");
}

TEST(Jurisdiction, NoPlaceNoJurisdiction) {
  auto ctx = geotest::Context("我们将继续努力,加强科技创新。\n");
  ResolveJurisdiction(*ctx);
  EXPECT_EQ(ctx->jurisdiction, -1);
  EXPECT_EQ(ctx->info.jurisdiction, "");
  EXPECT_EQ(Resolve(*ctx, "区科技局"), "区科技局");
}

}  // namespace
}  // namespace policykg
