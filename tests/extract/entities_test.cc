// Entity building: overlaps, merges, canonical names, order.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/lexicon.h"
#include "extract/names.h"
#include "tests/extract/extract_test_util.h"

namespace policykg {
namespace {

using ::policykg::testing::EntityNames;
using ::policykg::testing::FindEntity;
using ::policykg::testing::MakeContext;
using ::policykg::testing::RunEntityPasses;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

TEST(Entities, AbbreviationNeedsTwoGaps) {
  EXPECT_TRUE(IsAbbreviationOf(U"川大", U"四川大学") == false);  // different first character
  EXPECT_TRUE(IsAbbreviationOf(U"西南交大", U"西南交通大学"));
  EXPECT_TRUE(IsAbbreviationOf(U"华科大", U"华中科技大学"));
  EXPECT_TRUE(IsAbbreviationOf(U"省科技局", U"省科学技术局"));
  EXPECT_FALSE(IsAbbreviationOf(U"四川大学", U"四川农业大学"));  // one gap: another university
  EXPECT_TRUE(IsAbbreviationOf(U"成都理工", U"成都理工大学"));
}

TEST(Entities, RegionInsideAnOrganisationIsNoRegionMention) {
  auto ctx = MakeContext("四川大学成都研究院");
  AddMention(*ctx, EntityType::kRegion, 0, 2, U"四川省", "test");
  FindOrganizations(*ctx);
  BuildEntities(*ctx);
  EXPECT_THAT(EntityNames(*ctx, EntityType::kRegion), ::testing::IsEmpty());
  EXPECT_THAT(EntityNames(*ctx, EntityType::kInstitute), Contains("四川大学成都研究院"));
  EXPECT_THAT(EntityNames(*ctx, EntityType::kInstitute), Contains("四川大学"));  // a parent stays
}

TEST(Entities, AbbreviationJoinsTheFullName) {
  auto ctx = MakeContext("与西南交通大学合作。推进西南交大成都研究院建设。");
  RunEntityPasses(*ctx);
  const Entity* e = FindEntity(*ctx, EntityType::kInstitute, "西南交通大学");
  ASSERT_NE(e, nullptr);
  EXPECT_THAT(e->aliases, Contains("西南交大"));
  EXPECT_THAT(EntityNames(*ctx, EntityType::kInstitute), Not(Contains("西南交大")));
}

TEST(Entities, BareZoneJoinsTheOneLongForm) {
  auto ctx = MakeContext("做强成都高新区。推动高新区改革。");
  RunEntityPasses(*ctx);
  EXPECT_THAT(EntityNames(*ctx, EntityType::kPlatform), ElementsAre("成都高新区"));
  EXPECT_THAT(FindEntity(*ctx, EntityType::kPlatform, "成都高新区")->mentions.size(), 2u);
}

TEST(Entities, BareZoneWithTwoLongFormsIsDropped) {
  auto ctx = MakeContext("支持甲县高新区、乙县高新区发展。推动高新区改革。");
  RunEntityPasses(*ctx);
  EXPECT_THAT(EntityNames(*ctx, EntityType::kPlatform), ElementsAre("甲县高新区", "乙县高新区"));
}

TEST(Entities, QuotedProgrammeFormsAreOneEntity) {
  auto ctx = MakeContext("实施科技企业“双提升”行动。继续推进“双提升”行动。");
  RunEntityPasses(*ctx);
  const auto programs = EntityNames(*ctx, EntityType::kProgram);
  ASSERT_EQ(programs.size(), 1u);
  EXPECT_EQ(programs[0], "科技企业“双提升”行动");
  EXPECT_THAT(ctx->entities[0].aliases, Contains("“双提升”行动"));
}

TEST(Entities, OrderFollowsTheText) {
  auto ctx = MakeContext("依托甲乙有限公司,建设丙丁科技城,与戊己大学合作。");
  RunEntityPasses(*ctx);
  ASSERT_EQ(ctx->entities.size(), 3u);
  EXPECT_EQ(ctx->entities[0].name, "甲乙有限公司");
  EXPECT_EQ(ctx->entities[1].name, "丙丁科技城");
  EXPECT_EQ(ctx->entities[2].name, "戊己大学");
}

TEST(Entities, AgencyKeyDropsOuterRegionsAndPeoplesGovernment) {
  EXPECT_EQ(NameKey(EntityType::kAgency, U"成都市郫都区人民政府办公室"), U"郫都区政府办公室");
  EXPECT_EQ(NameKey(EntityType::kPlatform, U"甲乙高新技术产业园区"), U"甲乙高新区");
  EXPECT_EQ(NameKey(EntityType::kProgram, U"科技企业“双提升”行动"), U"双提升行动");
}

TEST(Entities, BracketedTitleWinsOverAProgrammeReading) {
  auto ctx = MakeContext("制定实施《全民科学素质提升行动计划》。");
  RunEntityPasses(*ctx);
  EXPECT_THAT(EntityNames(*ctx, EntityType::kDocument), ElementsAre("全民科学素质提升行动计划"));
  EXPECT_THAT(EntityNames(*ctx, EntityType::kProgram), ::testing::IsEmpty());
}

}  // namespace
}  // namespace policykg
