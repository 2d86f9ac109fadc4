#include "extract/regions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/passes.h"
#include "tests/extract/geo_test_util.h"

namespace policykg {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Canonical names of the Region mentions, in text order.
std::vector<std::string> Regions(const std::string& text, const std::string& jurisdiction_code = "") {
  auto ctx = geotest::Context(text);
  if (!jurisdiction_code.empty()) ctx->jurisdiction = geotest::Code(jurisdiction_code);
  FindRegions(*ctx);
  std::vector<std::string> out;
  for (const Mention& m : ctx->mentions) {
    EXPECT_EQ(m.type, EntityType::kRegion);
    out.push_back(U32ToUtf8(m.canonical));
  }
  return out;
}

TEST(Regions, FullAndShortNamesGiveTheOfficialName) {
  EXPECT_THAT(Regions("江西省南昌市与赣州加强合作。"), ElementsAre("江西省", "南昌市", "赣州市"));
}

TEST(Regions, DevelopmentZonesOfTheDatasetAreNotRegions) {
  // Listed among county-level divisions, but parks: platforms.cc names them.
  EXPECT_THAT(Regions("支持临沂高新技术产业开发区、苏州工业园区与山东省合作。"), ElementsAre("山东省"));
}

TEST(Regions, NamedAreasAndCountries) {
  EXPECT_THAT(Regions("主动融入长江三角洲,与德国、以色列开展合作,对接京津冀。"),
              ElementsAre("长三角", "德国", "以色列", "京津冀"));
}

TEST(Regions, SpansPointAtTheText) {
  auto ctx = geotest::Context("支持成都发展。");
  FindRegions(*ctx);
  ASSERT_EQ(ctx->mentions.size(), 1u);
  EXPECT_EQ(ctx->mentions[0].span.start, 2);
  EXPECT_EQ(ctx->mentions[0].span.end, 4);
  EXPECT_EQ(U32ToUtf8(ctx->mentions[0].surface), "成都");
  EXPECT_EQ(U32ToUtf8(ctx->mentions[0].canonical), "成都市");
}

TEST(Regions, MentionsInsideOrganisationNamesAreStillEmitted) {
  // Containment is resolved by entity building, not here.
  EXPECT_THAT(Regions("四川大学与成都市合作。"), ElementsAre("四川省", "成都市"));
}

TEST(Regions, CountyShortFormsOnlyInsideTheDocumentsProvince) {
  // 上高 (a county of 江西) inside 向上高质量 is no place in a 四川 text...
  EXPECT_THAT(Regions("推动经济向上高质量发展。", "510107"), IsEmpty());
  // ...nor anywhere when the jurisdiction is unknown, but its full name is.
  EXPECT_THAT(Regions("推动经济向上高质量发展。"), IsEmpty());
  EXPECT_THAT(Regions("上高县积极发展。"), ElementsAre("上高县"));
  // In a 成都 text, 武侯 is the district.
  EXPECT_THAT(Regions("武侯科技园区位于武侯。", "5101"), ElementsAre("武侯区", "武侯区"));
}

TEST(Regions, AmbiguousShortFormPrefersTheJurisdiction) {
  auto ctx = geotest::Context("朝阳区积极推进。");
  ctx->jurisdiction = geotest::Code("2201");  // 长春市
  FindRegions(*ctx);
  ASSERT_EQ(ctx->mentions.size(), 1u);
  const PlaceHit hit{{0, 3}, true, ctx->gazetteer.Lookup("朝阳区")};
  EXPECT_EQ(ctx->gazetteer.at(PickDivision(*ctx, hit)).code, "220104");
  ctx->jurisdiction = geotest::Code("11");
  EXPECT_EQ(ctx->gazetteer.at(PickDivision(*ctx, hit)).code, "110105");
}

TEST(Regions, BoundaryChecks) {
  EXPECT_THAT(Regions("确保社会长治久安。"), IsEmpty());
  EXPECT_THAT(Regions("建设杭州湾跨海通道。"), IsEmpty());  // 杭州湾 is a bay
  EXPECT_THAT(Regions("城区人口增加。"), IsEmpty());         // 城区 of 晋城 is a word here
}

TEST(Regions, NamesMustSitOnWordBoundaries) {
  // 海城市 (辽宁) inside 沿海城市, 衡水 inside 平衡水平.
  EXPECT_THAT(Regions("支持沿海城市保持平衡水平。"), IsEmpty());
  // 和县 (安徽) read out of 公社和县 outside its province.
  EXPECT_THAT(Regions("公社和县的干部。", "5101"), IsEmpty());
  // Ordinary words that are also names of districts.
  EXPECT_THAT(Regions("老解放区和平区域。"), IsEmpty());
  // 赣州市委: the city is still found when its full name runs into 市委.
  EXPECT_THAT(Regions("赣州市委召开会议。"), ElementsAre("赣州市"));
}

TEST(Regions, TownsByFullNameOrAfterTheirCounty) {
  // 滕王阁街道 of 东湖区, 南昌.
  EXPECT_THAT(Regions("滕王阁街道建成服务中心。", "3601"), ElementsAre("滕王阁街道"));
  EXPECT_THAT(Regions("联动东湖区滕王阁等区域。", "3601"), ElementsAre("东湖区", "滕王阁街道"));
  // A town's short form alone is no place.
  EXPECT_THAT(Regions("滕王阁景区游客增加。", "3601"), IsEmpty());
}

TEST(Regions, FurnitureIsSkipped) {
  auto ctx = geotest::Context("分享到成都\n支持成都发展。");
  ctx->furniture.push_back({0, 5});
  FindRegions(*ctx);
  ASSERT_EQ(ctx->mentions.size(), 1u);
  EXPECT_EQ(ctx->mentions[0].span.start, 8);
}

}  // namespace
}  // namespace policykg
