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

TEST(Utf8, UnencodableCodePointsBecomeReplacementCharacter) {
  const std::u32string u = {U'a', static_cast<char32_t>(0xD800), static_cast<char32_t>(0x110000), U'b'};
  EXPECT_EQ(U32ToUtf8(u), "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
}

TEST(Utf8, MixedWidthsRoundTrip) {
  // One, two, three and four bytes, ASCII between them, at both ends.
  const std::string s = "x\xC3\xA9\xE6\x9F\xAF\xF0\xA0\x80\x80y\xE6\x9F\xAF";
  const std::u32string u = Utf8ToU32(s);
  EXPECT_EQ(u, (std::u32string{U'x', 0xE9, U'柯', 0x20000, U'y', U'柯'}));
  EXPECT_EQ(U32ToUtf8(u), s);
  EXPECT_EQ(U32ToUtf8(U""), "");
  EXPECT_EQ(Utf8ToU32(""), U"");
}

TEST(Utf8, BufferFormReusesAndShrinks) {
  std::u32string buf;
  Utf8ToU32("柯城区科技局", &buf);
  EXPECT_EQ(buf, U"柯城区科技局");
  Utf8ToU32("ab", &buf);
  EXPECT_EQ(buf, U"ab");
}

TEST(Utf8, TruncatedSequenceAtEnd) {
  const std::u32string u = Utf8ToU32(std::string("a\xE6\x9F", 3));
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[1], U'\uFFFD');
}

TEST(Utf8, IllFormedThreeByteSequencesAreReplaced) {
  // A surrogate (ED A0 80) and an overlong form (E0 80 80) are no code
  // points: each byte becomes U+FFFD, as ICU's U8_NEXT_OR_FFFD decides.
  EXPECT_EQ(Utf8ToU32("\xED\xA0\x80"), std::u32string(3, U'\uFFFD'));
  EXPECT_EQ(Utf8ToU32("\xE0\x80\x80"), std::u32string(3, U'\uFFFD'));
  EXPECT_EQ(Utf8ToU32("\xE6\x9F\xAFx"), U"柯x");
}

}  // namespace
}  // namespace policykg
