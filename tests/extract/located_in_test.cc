#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/passes.h"
#include "tests/extract/geo_test_util.h"

namespace policykg {
namespace {

using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// Adds an entity with one mention at the first occurrence of `surface`
// (or no mention when `surface` is empty).
void AddEntity(DocumentContext& ctx, EntityType type, const std::string& name, const std::string& surface = "") {
  Entity e;
  e.type = type;
  e.name = name;
  const std::u32string s = Utf8ToU32(surface.empty() ? name : surface);
  const size_t pos = ctx.text.find(s);
  if (pos != std::u32string::npos) {
    e.mentions.push_back({static_cast<int32_t>(pos), static_cast<int32_t>(pos + s.size())});
  }
  ctx.entities.push_back(std::move(e));
}

std::vector<std::string> Located(const DocumentContext& ctx) {
  std::vector<std::string> out;
  for (const Relation& r : ctx.relations) {
    EXPECT_EQ(r.type, RelationType::kLocatedIn);
    out.push_back(r.head + ">" + r.tail);
  }
  return out;
}

TEST(LocatedIn, RegionsInTheirNearestPresentParent) {
  auto ctx = geotest::Context("江西省赣州市章贡区和南昌市。\n");
  ctx->jurisdiction = geotest::Code("3607");
  AddEntity(*ctx, EntityType::kRegion, "江西省");
  AddEntity(*ctx, EntityType::kRegion, "赣州市");
  AddEntity(*ctx, EntityType::kRegion, "章贡区");
  AddEntity(*ctx, EntityType::kRegion, "南昌市");
  FindLocatedIn(*ctx);
  // 章贡区 -> 赣州市 only, not also -> 江西省.
  EXPECT_THAT(Located(*ctx), UnorderedElementsAre("赣州市>江西省", "章贡区>赣州市", "南昌市>江西省"));
}

TEST(LocatedIn, SkipsAbsentLevels) {
  auto ctx = geotest::Context("江西省章贡区。\n");
  AddEntity(*ctx, EntityType::kRegion, "江西省");
  AddEntity(*ctx, EntityType::kRegion, "章贡区");
  FindLocatedIn(*ctx);
  EXPECT_THAT(Located(*ctx), UnorderedElementsAre("章贡区>江西省"));
}

TEST(LocatedIn, NamesCarryTheirPlace) {
  auto ctx = geotest::Context("章贡区科技局联合四川大学赣州研究院、赣州市人民政府、江西理工大学开展合作。\n");
  ctx->jurisdiction = geotest::Code("360702");
  AddEntity(*ctx, EntityType::kRegion, "赣州市");
  AddEntity(*ctx, EntityType::kRegion, "章贡区");
  AddEntity(*ctx, EntityType::kRegion, "江西省", "江西");
  AddEntity(*ctx, EntityType::kAgency, "章贡区科技局");
  AddEntity(*ctx, EntityType::kInstitute, "四川大学赣州研究院");
  AddEntity(*ctx, EntityType::kAgency, "赣州市人民政府");
  AddEntity(*ctx, EntityType::kInstitute, "江西理工大学");
  FindLocatedIn(*ctx);
  EXPECT_THAT(Located(*ctx), UnorderedElementsAre("章贡区>赣州市", "赣州市>江西省", "章贡区科技局>章贡区",
                                                  "四川大学赣州研究院>赣州市", "赣州市人民政府>赣州市",
                                                  "江西理工大学>江西省"));
  // Implied by the name: no evidence span, but the sentence of the first mention.
  for (const Relation& r : ctx->relations) {
    if (r.head != "章贡区科技局") continue;
    EXPECT_EQ(r.evidence.start, r.evidence.end);
    EXPECT_FALSE(r.sentence.empty());
  }
}

TEST(LocatedIn, OverseasFacilityIsNotAtHome) {
  auto ctx = geotest::Context("章贡区德国创新中心运行良好。\n");
  ctx->jurisdiction = geotest::Code("360702");
  AddEntity(*ctx, EntityType::kRegion, "章贡区");
  AddEntity(*ctx, EntityType::kPlatform, "章贡区德国创新中心");
  FindLocatedIn(*ctx);
  EXPECT_THAT(Located(*ctx), IsEmpty());
}

TEST(LocatedIn, CitysShortNameOnAZoneInACountyText) {
  auto ctx = geotest::Context("赣州高新区和赣州市科技局支持章贡区。\n");
  ctx->jurisdiction = geotest::Code("360702");
  AddEntity(*ctx, EntityType::kRegion, "赣州市");
  AddEntity(*ctx, EntityType::kRegion, "章贡区");
  AddEntity(*ctx, EntityType::kPlatform, "赣州高新区");
  AddEntity(*ctx, EntityType::kAgency, "赣州市科技局");
  FindLocatedIn(*ctx);
  EXPECT_THAT(Located(*ctx),
              UnorderedElementsAre("章贡区>赣州市", "赣州高新区>章贡区", "赣州市科技局>赣州市"));
}

TEST(LocatedIn, StatedLocations) {
  auto ctx = geotest::Context(
      "赣南科创园位于章贡区。\n"
      "在南昌市建设江右实验室。\n"
      "联动东湖区滕王阁等区域,谋划建设豫章科技城。\n");
  ctx->jurisdiction = geotest::Code("36");
  AddEntity(*ctx, EntityType::kRegion, "章贡区");
  AddEntity(*ctx, EntityType::kRegion, "南昌市");
  AddEntity(*ctx, EntityType::kRegion, "东湖区");
  AddEntity(*ctx, EntityType::kRegion, "滕王阁街道", "滕王阁");
  AddEntity(*ctx, EntityType::kPlatform, "赣南科创园");
  AddEntity(*ctx, EntityType::kInstitute, "江右实验室");
  AddEntity(*ctx, EntityType::kPlatform, "豫章科技城");
  FindLocatedIn(*ctx);
  EXPECT_THAT(Located(*ctx), UnorderedElementsAre("东湖区>南昌市", "滕王阁街道>东湖区", "赣南科创园>章贡区",
                                                  "江右实验室>南昌市", "豫章科技城>滕王阁街道"));
  for (const Relation& r : ctx->relations) {
    if (r.head == "赣南科创园") {
      EXPECT_EQ(r.sentence, "赣南科创园位于章贡区。");
    }
  }
}

TEST(LocatedIn, StatedPlaceNarrowerThanTheNameWins) {
  auto ctx = geotest::Context("赣州市\n赣州蓉江新区位于章贡区。\n");
  ctx->jurisdiction = geotest::Code("3607");
  AddEntity(*ctx, EntityType::kRegion, "赣州市");
  AddEntity(*ctx, EntityType::kRegion, "章贡区");
  AddEntity(*ctx, EntityType::kPlatform, "赣州蓉江新区");
  FindLocatedIn(*ctx);
  EXPECT_THAT(Located(*ctx), UnorderedElementsAre("章贡区>赣州市", "赣州蓉江新区>章贡区"));
  for (const Relation& r : ctx->relations) {
    if (r.head != "赣州蓉江新区") continue;
    EXPECT_EQ(r.evidence.start, 4);  // the whole sentence
    EXPECT_EQ(r.evidence.end, 16);
  }
}

TEST(LocatedIn, ZoneBodiesLieWhereTheirZoneLies) {
  auto ctx = geotest::Context("赣州高新区管委会和高新区政协工委支持章贡区。\n");
  ctx->jurisdiction = geotest::Code("360702");
  AddEntity(*ctx, EntityType::kRegion, "章贡区");
  AddEntity(*ctx, EntityType::kPlatform, "赣州高新区");
  ctx->entities.back().aliases.push_back("高新区");
  AddEntity(*ctx, EntityType::kAgency, "赣州高新区管委会");
  AddEntity(*ctx, EntityType::kAgency, "高新区政协工委");
  FindLocatedIn(*ctx);
  EXPECT_THAT(Located(*ctx), UnorderedElementsAre("赣州高新区>章贡区", "赣州高新区管委会>章贡区",
                                                  "高新区政协工委>章贡区"));
}

TEST(LocatedIn, ADatasetZoneIsAPlatformInItsCity) {
  // The division dataset lists this zone as a county of 临沂市.
  auto ctx = geotest::Context("临沂市支持临沂高新技术产业开发区发展。\n");
  ctx->jurisdiction = geotest::Code("3713");
  AddEntity(*ctx, EntityType::kRegion, "临沂市");
  AddEntity(*ctx, EntityType::kPlatform, "临沂高新技术产业开发区");
  FindLocatedIn(*ctx);
  EXPECT_THAT(Located(*ctx), UnorderedElementsAre("临沂高新技术产业开发区>临沂市"));
}

TEST(LocatedIn, ProgramsAndDocumentsAreNowhere) {
  auto ctx = geotest::Context("赣州市人才计划。\n");
  AddEntity(*ctx, EntityType::kRegion, "赣州市");
  AddEntity(*ctx, EntityType::kProgram, "赣州市人才计划");
  FindLocatedIn(*ctx);
  EXPECT_THAT(Located(*ctx), IsEmpty());
}

}  // namespace
}  // namespace policykg
