#include "base/utf8.h"

#include <unicode/utf8.h>

namespace policykg {
namespace {

// Bytes U8_APPEND writes for c; 3 for what it rejects (surrogates, values
// past U+10FFFF), which become U+FFFD.
size_t Utf8Length(char32_t c) {
  if (c <= 0x7F) return 1;
  if (c <= 0x7FF) return 2;
  if (c <= 0xFFFF) return 3;
  return c <= 0x10FFFF ? 4 : 3;
}

}  // namespace

// Both directions avoid growing a string code point by code point: these
// conversions run on every document and on every name the passes compare.
// UTF-8 to UTF-32 decodes into a small buffer on the stack and appends it
// in blocks (no zero-filling of a string sized for the worst case).
void Utf8ToU32(std::string_view utf8, std::u32string* out) {
  out->clear();
  out->reserve(utf8.size());  // never more code points than bytes
  constexpr int kBlock = 256;
  char32_t block[kBlock];
  int n = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    const uint8_t lead = s[i];
    if (lead < 0x80) {  // ASCII needs no decoding
      block[n++] = lead;
      ++i;
    } else if (lead >= 0xE0 && lead < 0xF0 && i + 2 < length && U8_IS_VALID_LEAD3_AND_T1(lead, s[i + 1]) &&
               U8_IS_TRAIL(s[i + 2])) {
      // A well-formed three-byte sequence (all of Han): the same checks as
      // U8_NEXT, without its general dispatch.
      block[n++] = (static_cast<char32_t>(lead & 0x0F) << 12) | (static_cast<char32_t>(s[i + 1] & 0x3F) << 6) |
                   static_cast<char32_t>(s[i + 2] & 0x3F);
      i += 3;
    } else {
      UChar32 c;
      U8_NEXT_OR_FFFD(s, i, length, c);
      block[n++] = static_cast<char32_t>(c);
    }
    if (n == kBlock) {
      out->append(block, n);
      n = 0;
    }
  }
  out->append(block, n);
}

std::u32string Utf8ToU32(std::string_view utf8) {
  std::u32string out;
  Utf8ToU32(utf8, &out);
  return out;
}

// UTF-32 to UTF-8 counts the bytes first and writes into a string of
// exactly that size.
std::string U32ToUtf8(std::u32string_view text) {
  size_t bytes = 0;
  for (char32_t c : text) bytes += Utf8Length(c);
  std::string out(bytes, '\0');
  auto* dst = reinterpret_cast<uint8_t*>(out.data());
  int32_t n = 0;
  const int32_t capacity = static_cast<int32_t>(bytes);
  for (char32_t c : text) {
    if (c <= 0x7F) {
      dst[n++] = static_cast<uint8_t>(c);
      continue;
    }
    UBool error = false;
    U8_APPEND(dst, n, capacity, static_cast<UChar32>(c), error);
    if (error) {
      dst[n++] = 0xEF;
      dst[n++] = 0xBF;
      dst[n++] = 0xBD;
    }
  }
  return out;
}

size_t CodePointCount(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace policykg
