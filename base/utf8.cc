#include "base/utf8.h"

#include <unicode/utf8.h>

namespace policykg {

void Utf8ToU32(std::string_view utf8, std::u32string* out) {
  out->clear();
  out->reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, length, c);
    out->push_back(static_cast<char32_t>(c));
  }
}

std::u32string Utf8ToU32(std::string_view utf8) {
  std::u32string out;
  Utf8ToU32(utf8, &out);
  return out;
}

std::string U32ToUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) {
    uint8_t buf[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(buf, n, 4, static_cast<UChar32>(c), error);
    if (error) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(reinterpret_cast<const char*>(buf), n);
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
