#include "extract/name_table.h"

#include <functional>
#include <map>
#include <random>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace policykg {
namespace {

using ::testing::ElementsAre;

TEST(NameTable, FindsWhatWasStoredByView) {
  NameTable t;
  t.Add(U"甲乙市", 3);
  t.Add(U"甲乙", 5);
  t.Add(U"甲乙", 4);
  t.Add(U"甲乙", 5);  // once, however often it is added
  t.Finish(std::less<int>());
  const std::u32string text = U"在甲乙市开会";
  EXPECT_THAT(t.Find(std::u32string_view(text).substr(1, 3)), ElementsAre(3));
  EXPECT_THAT(t.Find(U"甲乙"), ElementsAre(4, 5));
  EXPECT_TRUE(t.Find(U"甲").empty());
  EXPECT_TRUE(t.Find(U"").empty());
  EXPECT_EQ(t.size(), 2u);
}

TEST(NameTable, ListsFollowTheGivenOrder) {
  NameTable t;
  for (int id : {1, 4, 2, 3}) t.Add(U"甲乙", id);
  t.Finish([](int a, int b) { return a % 2 != b % 2 ? a % 2 == 0 : a < b; });  // even ids first
  EXPECT_THAT(t.Find(U"甲乙"), ElementsAre(2, 4, 1, 3));
}

TEST(NameTable, EmptyTableFindsNothing) {
  const NameTable t;
  EXPECT_TRUE(t.Find(U"甲乙").empty());
}

// Against std::map through many rehashes, with names sharing prefixes.
TEST(NameTable, AgreesWithAMapAfterGrowing) {
  NameTable t;
  std::map<std::u32string, std::vector<int>> ref;
  std::mt19937 rng(11);
  for (int i = 0; i < 5000; ++i) {
    std::u32string name;
    const int len = 1 + static_cast<int>(rng() % 5);
    for (int k = 0; k < len; ++k) name += static_cast<char32_t>(0x4E00 + rng() % 40);
    t.Add(name, i);
    ref[name].push_back(i);
  }
  t.Finish(std::less<int>());
  EXPECT_EQ(t.size(), ref.size());
  for (const auto& [name, list] : ref) EXPECT_EQ(t.Find(name).ToVector(), list);
  EXPECT_TRUE(t.Find(U"xyz").empty());
}

TEST(PairTable, CollectsTheBitsOfAPair) {
  PairTable p;
  EXPECT_EQ(p.Get(U'甲', U'乙'), 0u);
  p.Add(U'甲', U'乙', 1u << 3);
  p.Add(U'甲', U'乙', 1u << 5);
  p.Add(U'乙', U'甲', 1u << 31);
  EXPECT_EQ(p.Get(U'甲', U'乙'), (1u << 3) | (1u << 5));
  EXPECT_EQ(p.Get(U'乙', U'甲'), 1u << 31);
  EXPECT_EQ(p.Get(U'甲', U'丙'), 0u);
}

TEST(PairTable, AgreesWithAMapAfterGrowing) {
  PairTable p;
  std::map<std::pair<char32_t, char32_t>, uint32_t> ref;
  std::mt19937 rng(5);
  for (int i = 0; i < 20000; ++i) {
    const char32_t a = 0x4E00 + rng() % 300, b = 0x4E00 + rng() % 300;
    const uint32_t bit = 1u << (rng() % 32);
    p.Add(a, b, bit);
    ref[{a, b}] |= bit;
  }
  for (char32_t a = 0x4E00; a < 0x4E00 + 300; ++a) {
    for (char32_t b = 0x4E00; b < 0x4E00 + 300; ++b) {
      const auto it = ref.find({a, b});
      ASSERT_EQ(p.Get(a, b), it == ref.end() ? 0u : it->second);
    }
  }
}

}  // namespace
}  // namespace policykg
