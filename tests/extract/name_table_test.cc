#include "extract/name_table.h"

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
  t[U"甲乙市"].push_back(3);
  t[U"甲乙"].push_back(4);
  t[U"甲乙"].push_back(5);
  const std::u32string text = U"在甲乙市开会";
  ASSERT_NE(t.Find(std::u32string_view(text).substr(1, 3)), nullptr);
  EXPECT_THAT(*t.Find(std::u32string_view(text).substr(1, 3)), ElementsAre(3));
  EXPECT_THAT(*t.Find(U"甲乙"), ElementsAre(4, 5));
  EXPECT_EQ(t.Find(U"甲"), nullptr);
  EXPECT_EQ(t.Find(U""), nullptr);
  EXPECT_EQ(t.size(), 2u);
}

TEST(NameTable, EmptyTableFindsNothing) {
  const NameTable t;
  EXPECT_EQ(t.Find(U"甲乙"), nullptr);
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
    t[name].push_back(i);
    ref[name].push_back(i);
  }
  EXPECT_EQ(t.size(), ref.size());
  for (const auto& [name, list] : ref) {
    const std::vector<int>* found = t.Find(name);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(*found, list);
  }
  EXPECT_EQ(t.Find(U"xyz"), nullptr);
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
