// UTF-8 <-> UTF-32 conversion (ICU's macros underneath). Invalid bytes become
// U+FFFD; callers that must reject bad input validate first (extract/decode.h).
#ifndef POLICYKG_BASE_UTF8_H_
#define POLICYKG_BASE_UTF8_H_

#include <string>
#include <string_view>

namespace policykg {

std::u32string Utf8ToU32(std::string_view utf8);
// The same into a buffer the caller reuses (cleared first): no allocation
// once the buffer is large enough.
void Utf8ToU32(std::string_view utf8, std::u32string* out);
std::string U32ToUtf8(std::u32string_view text);
// Number of code points in valid UTF-8.
size_t CodePointCount(std::string_view utf8);

}  // namespace policykg

#endif  // POLICYKG_BASE_UTF8_H_
