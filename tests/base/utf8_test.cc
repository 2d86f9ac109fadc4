#include "base/utf8.h"

#include <gtest/gtest.h>

namespace policykg {
namespace {

TEST(Utf8, RoundTripsChinese) {
  const std::string s = "柯城区科技局 A1";
  const std::u32string u = Utf8ToU32(s);
  EXPECT_EQ(u.size(), 9u);
  EXPECT_EQ(u[0], U'柯');
  EXPECT_EQ(U32ToUtf8(u), s);
  EXPECT_EQ(CodePointCount(s), 9u);
}

TEST(Utf8, InvalidBytesBecomeReplacementCharacter) {
  const std::u32string u = Utf8ToU32(std::string("a\xFF" "b", 3));
  ASSERT_EQ(u.size(), 3u);
  EXPECT_EQ(u[1], U'\uFFFD');
}

TEST(Utf8, AstralPlaneCharacters) {
  const std::string s = "\xF0\xA0\x80\x80";  // U+20000, CJK Extension B
  const std::u32string u = Utf8ToU32(s);
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0], 0x20000u);
  EXPECT_EQ(U32ToUtf8(u), s);
}

}  // namespace
}  // namespace policykg
