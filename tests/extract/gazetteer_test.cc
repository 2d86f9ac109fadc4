#include "extract/gazetteer.h"

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace policykg {
namespace {

using ::testing::HasSubstr;

const Gazetteer& G() { return Gazetteer::Embedded(); }

std::vector<std::string> Codes(const std::vector<int>& indices) {
  std::vector<std::string> out;
  for (int i : indices) out.push_back(G().at(i).code);
  return out;
}

TEST(Gazetteer, EmbeddedHasEveryLevel) {
  int counts[6] = {0, 0, 0, 0, 0, 0};
  for (const Division& d : G().divisions()) ++counts[static_cast<int>(d.level)];
  EXPECT_EQ(counts[static_cast<int>(DivisionLevel::kProvince)], 31);
  EXPECT_GT(counts[static_cast<int>(DivisionLevel::kPrefecture)], 300);
  EXPECT_GT(counts[static_cast<int>(DivisionLevel::kCounty)], 2800);
  EXPECT_GT(counts[static_cast<int>(DivisionLevel::kTown)], 35000);
  EXPECT_GT(counts[static_cast<int>(DivisionLevel::kArea)], 5);
  EXPECT_GT(counts[static_cast<int>(DivisionLevel::kCountry)], 50);
  EXPECT_THAT(G().provenance(), HasSubstr("2023"));
  EXPECT_THAT(G().provenance(), HasSubstr("WTFPL"));
}

TEST(Gazetteer, LooksUpFullAndShortNames) {
  const int wuhou = G().FindCode("510107");
  ASSERT_GE(wuhou, 0);
  EXPECT_EQ(G().at(wuhou).name, "武侯区");
  EXPECT_EQ(G().at(wuhou).short_name, "武侯");
  EXPECT_THAT(G().Lookup("武侯区"), ::testing::Contains(wuhou));
  EXPECT_THAT(G().Lookup("武侯"), ::testing::Contains(wuhou));
  EXPECT_THAT(Codes(G().Lookup("江西省")), ::testing::ElementsAre("36"));
  EXPECT_THAT(Codes(G().Lookup("江西")), ::testing::ElementsAre("36"));
  EXPECT_TRUE(G().Lookup("不存在的地方").empty());
}

TEST(Gazetteer, ShortFormsFollowGeneralRules) {
  // Autonomous regions lose their ethnic names; municipalities keep their own.
  EXPECT_EQ(G().at(G().FindCode("45")).short_name, "广西");
  EXPECT_EQ(G().at(G().FindCode("65")).short_name, "新疆");
  EXPECT_EQ(G().at(G().FindCode("11")).short_name, "北京");
  // One character left, or an ordinary word: no short form.
  for (const Division& d : G().divisions()) {
    if (d.level == DivisionLevel::kTown || d.short_name.empty()) continue;
    EXPECT_GE(d.short_name.size(), 6u) << d.name;  // two Han characters at least
    EXPECT_NE(d.short_name, "城关") << d.name;
    EXPECT_NE(d.short_name, "和平") << d.name;
  }
}

TEST(Gazetteer, AmbiguousNamesListWiderLevelsFirst) {
  // 海南 is the province and the short form of a prefecture in Qinghai.
  const std::vector<int> hainan = G().Lookup("海南");
  ASSERT_GE(hainan.size(), 2u);
  EXPECT_EQ(G().at(hainan[0]).level, DivisionLevel::kProvince);
  // 朝阳区 is a district of Beijing and of Changchun.
  EXPECT_EQ(G().Lookup("朝阳区").size(), 2u);
}

TEST(Gazetteer, MunicipalDistrictsHangFromTheProvinceLevelCity) {
  const int haidian = G().FindCode("110108");
  ASSERT_GE(haidian, 0);
  EXPECT_EQ(G().at(G().at(haidian).parent).name, "北京市");
  // A county-level city directly under its province (省直辖县级行政区划).
  const int xiantao = G().FindCode("429004");
  ASSERT_GE(xiantao, 0);
  EXPECT_EQ(G().at(G().at(xiantao).parent).name, "湖北省");
}

TEST(Gazetteer, AncestorsRunUpToTheProvince) {
  const int town = G().FindCode("360102002");  // 滕王阁街道
  ASSERT_GE(town, 0);
  std::vector<std::string> names;
  for (int i : G().Ancestors(town)) names.push_back(G().at(i).name);
  EXPECT_THAT(names, ::testing::ElementsAre("滕王阁街道", "东湖区", "南昌市", "江西省"));
  EXPECT_TRUE(G().Within(town, G().FindCode("36")));
  EXPECT_FALSE(G().Within(G().FindCode("36"), town));
  EXPECT_EQ(G().FindCode("999999"), -1);
}

TEST(Gazetteer, NamedAreasAndCountriesHaveAliases) {
  const std::vector<int> prd = G().Lookup("珠江三角洲");
  ASSERT_EQ(prd.size(), 1u);
  EXPECT_EQ(G().at(prd[0]).name, "珠三角");
  EXPECT_EQ(G().at(prd[0]).level, DivisionLevel::kArea);
  const std::vector<int> de = G().Lookup("德国");
  ASSERT_EQ(de.size(), 1u);
  EXPECT_EQ(G().at(de[0]).level, DivisionLevel::kCountry);
  EXPECT_EQ(G().at(de[0]).code, "DE");
}

TEST(Gazetteer, FindMatchesUtf32AndFullNamesOnly) {
  ASSERT_FALSE(G().Find(U"成都").empty());
  EXPECT_TRUE(G().Find(U"成都", /*full_only=*/true).empty());
  ASSERT_FALSE(G().Find(U"成都市", true).empty());
  EXPECT_GE(G().max_name_length(), 10);
}

TEST(Gazetteer, FromTsvParsesAndIndexes) {
  const std::string tsv =
      "# code\tname\tlevel\tparent\tshort\n"
      "90\t测试省\tprovince\t\t测试\n"
      "9001\t样例市\tprefecture\t90\t样例\n"
      "900101\t示范区\tcounty\t9001\t示范\n"
      "X1\t某某湾区\tarea\t\t某湾|某某湾\n";
  auto g = Gazetteer::FromTsv(tsv, "mini.tsv");
  ASSERT_TRUE(g.ok()) << g.status().message();
  const Gazetteer& mini = **g;
  ASSERT_EQ(mini.divisions().size(), 4u);
  EXPECT_EQ(mini.Lookup("示范").size(), 1u);
  EXPECT_EQ(mini.at(mini.Lookup("某某湾")[0]).name, "某某湾区");
  EXPECT_EQ(mini.Ancestors(mini.FindCode("900101")).size(), 3u);
  EXPECT_EQ(mini.provenance(), "mini.tsv");
}

TEST(Gazetteer, FromTsvNamesTheBadLine) {
  struct Case {
    std::string tsv;
    std::string message;
  };
  const Case cases[] = {
      {"90\t测试省\tprovince\t\n", "bad.tsv:1: expected 5"},
      {"# header\n90\t测试省\tstate\t\t\n", "bad.tsv:2: unknown level 'state'"},
      {"90\t测试省\tprovince\t\t\n9001\t样例市\tprefecture\t91\t\n", "bad.tsv:2: parent 91"},
      {"90\t测试省\tprovince\t\t\n90\t又一省\tprovince\t\t\n", "bad.tsv:2: duplicate code 90"},
      {"\t测试省\tprovince\t\t\n", "bad.tsv:1: empty code"},
  };
  for (const Case& c : cases) {
    auto g = Gazetteer::FromTsv(c.tsv, "bad.tsv");
    ASSERT_FALSE(g.ok()) << c.tsv;
    EXPECT_EQ(g.status().code(), Status::Code::kBadInput);
    EXPECT_THAT(g.status().message(), HasSubstr(c.message));
  }
}

}  // namespace
}  // namespace policykg
