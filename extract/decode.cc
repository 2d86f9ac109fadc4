// Charset detection and decoding: raw file bytes -> valid UTF-8.
//
// Order of evidence: a BOM; a known binary signature; UTF-16 recognised by its
// NUL-byte pattern; valid UTF-8; a charset declared by an HTML page; ICU's
// detector as a hint (Big5); strict GB18030 (a superset of GBK and GB2312).
// Every step is linear in the input; nothing recurses.
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <memory>
#include <optional>

#include "extract/reader.h"

namespace policykg {
namespace {

std::string ByteMsg(const std::string& what, size_t offset) {
  return what + " at byte " + std::to_string(offset);
}

// Control bytes that never occur in text (tab, LF, VT, FF, CR and ESC do),
// as a bit mask over 0x00-0x1F: one test per byte of every file.
constexpr uint32_t kTextControls = (1u << '\t') | (1u << '\n') | (1u << '\v') | (1u << '\f') | (1u << '\r') | (1u << 0x1B);
bool IsBinaryControl(unsigned char c) { return c < 0x20 && ((kTextControls >> c) & 1u) == 0; }

struct BinaryMagic {
  const char* bytes;
  size_t size;
  const char* name;
};
constexpr BinaryMagic kMagics[] = {
    {"%PDF", 4, "PDF"},          {"PK\x03\x04", 4, "ZIP/Office"}, {"\x7f" "ELF", 4, "ELF"},
    {"\x89PNG", 4, "PNG"},       {"\xFF\xD8\xFF", 3, "JPEG"},     {"GIF8", 4, "GIF"},
    {"\x1F\x8B", 2, "gzip"},     {"\xD0\xCF\x11\xE0", 4, "OLE (doc/xls)"},
    {"Rar!", 4, "RAR"},          {"7z\xBC\xAF", 4, "7z"},
};

std::optional<std::string> BinaryMagicName(std::string_view bytes) {
  for (const BinaryMagic& m : kMagics) {
    if (bytes.size() >= m.size && std::memcmp(bytes.data(), m.bytes, m.size) == 0) return m.name;
  }
  return std::nullopt;
}

// Offset of the first byte that is not part of valid UTF-8, or npos.
size_t FirstInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    // A well-formed three-byte sequence (all of Han), checked as U8_NEXT does.
    if (s[i] >= 0xE0 && s[i] < 0xF0 && i + 2 < n && U8_IS_VALID_LEAD3_AND_T1(s[i], s[i + 1]) &&
        U8_IS_TRAIL(s[i + 2])) {
      i += 3;
      continue;
    }
    // ICU's macro checks overlongs, surrogates and range; it works on int32_t.
    int32_t j = 0;
    const int32_t avail = static_cast<int32_t>(std::min<size_t>(n - i, 4));
    UChar32 c;
    U8_NEXT(s + i, j, avail, c);
    if (c < 0) return i;
    i += static_cast<size_t>(j);
  }
  return std::string_view::npos;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Outcome of a strict conversion: the text, or the byte offset of the first
// sequence the charset cannot decode.
struct Conversion {
  bool ok = false;
  std::string utf8;
  size_t bad_offset = 0;
  std::string error;  // set when the converter itself could not be opened
};

void AppendUtf16AsUtf8(const UChar* u, int32_t n, std::string* out) {
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U16_NEXT(u, i, n, c);
    uint8_t buf[4];
    int32_t k = 0;
    UBool err = false;
    U8_APPEND(buf, k, 4, c, err);
    if (err) {  // an unpaired surrogate cannot be written: U+FFFD
      out->append("\xEF\xBF\xBD");
    } else {
      out->append(reinterpret_cast<const char*>(buf), k);
    }
  }
}

// Converts with ICU, stopping at the first invalid or unmappable sequence.
Conversion ConvertStrict(std::string_view bytes, const char* charset) {
  Conversion out;
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) {
    out.error = std::string("unknown charset ") + charset;
    return out;
  }
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) {
    out.error = std::string("cannot configure converter for ") + charset;
    return out;
  }
  out.utf8.reserve(bytes.size() + bytes.size() / 2);
  constexpr int32_t kChunk = 1 << 15;
  std::unique_ptr<UChar[]> buf(new UChar[kChunk]);
  const char* const begin = bytes.data();
  const char* src = begin;
  const char* const limit = begin + bytes.size();
  for (;;) {
    UChar* target = buf.get();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf.get() + kChunk, &src, limit, nullptr, true, &status);
    AppendUtf16AsUtf8(buf.get(), static_cast<int32_t>(target - buf.get()), &out.utf8);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      char invalid[32];
      int8_t len = sizeof invalid;
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(conv.get(), invalid, &len, &ignored);
      const size_t consumed = static_cast<size_t>(src - begin);
      out.bad_offset = consumed >= static_cast<size_t>(len) ? consumed - len : 0;
      out.utf8.clear();
      return out;
    }
    break;
  }
  out.ok = true;
  return out;
}

// UTF-16 without a BOM shows as NUL bytes in one column (the high byte of
// ASCII characters: newlines, digits, punctuation). Returns "UTF-16LE",
// "UTF-16BE" or nullptr.
const char* GuessUtf16ByNuls(std::string_view bytes) {
  const size_t n = std::min<size_t>(bytes.size(), 1 << 16) & ~size_t{1};
  if (n < 4) return nullptr;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += bytes[i] == 0;
    odd += bytes[i + 1] == 0;
  }
  const size_t pairs = n / 2;
  // At least 2% of the characters are ASCII, and the NULs sit in one column.
  if (odd * 50 >= pairs && odd >= 2 && even * 20 <= odd) return "UTF-16LE";
  if (even * 50 >= pairs && even >= 2 && odd * 20 <= even) return "UTF-16BE";
  return nullptr;
}

// The charset an HTML page declares in <meta charset=...> or
// <meta http-equiv="Content-Type" content="text/html; charset=...">.
std::string DeclaredHtmlCharset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 8192);
  std::string lower(head);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.find("<meta") == std::string::npos) return "";
  size_t pos = 0;
  while ((pos = lower.find("<meta", pos)) != std::string::npos) {
    const size_t close = lower.find('>', pos);
    const std::string_view tag = std::string_view(lower).substr(
        pos, close == std::string::npos ? std::string::npos : close - pos);
    pos += 5;
    const size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    size_t i = cs + 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '=' || tag[i] == '"' || tag[i] == '\''))
      ++i;
    size_t j = i;
    while (j < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[j])) || tag[j] == '-' ||
                              tag[j] == '_' || tag[j] == ':' || tag[j] == '.'))
      ++j;
    if (j > i) return std::string(tag.substr(i, j - i));
  }
  return "";
}

// GB2312 and GBK pages are decoded as GB18030, their superset: pages that
// declare gb2312 routinely use GBK characters.
std::string CanonicalCharset(const std::string& declared) {
  if (declared == "gb2312" || declared == "gbk" || declared == "x-gbk" || declared == "cp936" ||
      declared == "gb18030" || declared == "euc-cn" || declared == "windows-936") {
    return "GB18030";
  }
  if (declared == "big5" || declared == "big5-hkscs" || declared == "x-big5") return "Big5";
  return declared;
}

// ICU's statistical guess, used only to prefer Big5 over GB18030 (both accept
// most double-byte text, so validity alone cannot tell them apart).
std::string DetectorHint(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return "";
  const std::string_view sample = bytes.substr(0, 8192);  // enough for a verdict, and cheap
  ucsdet_setText(det, sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det, &status);
  std::string name;
  if (U_SUCCESS(status) && match != nullptr && ucsdet_getConfidence(match, &status) >= 50) {
    const char* n = ucsdet_getName(match, &status);
    if (U_SUCCESS(status) && n != nullptr) name = n;
  }
  ucsdet_close(det);
  return name;
}

bool IsSpaceCodePoint(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
         c == 0x00A0 || c == 0x3000 || c == 0xFEFF || c == 0x200B || c == 0x2028 || c == 0x2029 ||
         (c >= 0x2000 && c <= 0x200A);
}

// Checks decoded UTF-8 for the signs of binary data (NUL or a high share of
// control characters) and for emptiness. Control characters are ASCII, so a
// byte scan suffices; `offsets_are_input_bytes` says whether a UTF-8 offset
// is also an offset in the file.
Status CheckDecodedText(std::string_view utf8, bool offsets_are_input_bytes) {
  size_t controls = 0;
  size_t first_control = std::string_view::npos;
  for (size_t i = 0; i < utf8.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0x20) continue;
    if (c == 0) {
      return Status::BadInput(offsets_are_input_bytes ? ByteMsg("binary data: NUL byte", i)
                                                      : "binary data: NUL character");
    }
    if (IsBinaryControl(c)) {
      ++controls;
      if (first_control == std::string_view::npos) first_control = i;
    }
  }
  if (controls > 0 && controls * 50 > utf8.size()) {
    std::string msg = "binary data: " + std::to_string(controls) + " control bytes";
    if (offsets_are_input_bytes) msg = ByteMsg(msg + ", the first", first_control);
    return Status::BadInput(msg);
  }
  // Any character other than whitespace (ASCII or Unicode spaces, BOM)?
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(utf8.size(), INT32_MAX));
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, n, c);
    if (!IsSpaceCodePoint(c)) return Status::OK();
  }
  return Status::BadInput("no text (only whitespace)");
}

Result<DecodedText> Finish(std::string utf8, std::string encoding, bool same_offsets) {
  const Status st = CheckDecodedText(utf8, same_offsets);
  if (!st.ok()) return st;
  return DecodedText{std::move(utf8), std::move(encoding)};
}

Result<DecodedText> DecodeUtf16(std::string_view bytes, const char* charset, size_t bom) {
  const std::string_view body = bytes.substr(bom);
  if (body.size() % 2 != 0) {
    return Status::BadInput(ByteMsg(std::string("truncated ") + charset + " (odd length)",
                                    bytes.size() - 1));
  }
  Conversion conv = ConvertStrict(body, charset);
  if (!conv.error.empty()) return Status::BadInput(conv.error);
  if (!conv.ok) {
    return Status::BadInput(ByteMsg(std::string("invalid ") + charset, conv.bad_offset + bom));
  }
  std::string utf8 = std::move(conv.utf8);
  if (utf8.compare(0, 3, "\xEF\xBB\xBF") == 0) utf8.erase(0, 3);
  return Finish(std::move(utf8), charset, false);
}

}  // namespace

Result<DecodedText> DecodeBytes(std::string_view bytes) {
  if (bytes.empty()) return Status::BadInput("empty file");

  // Byte order marks settle the question.
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    const std::string_view body = bytes.substr(3);
    const size_t bad = FirstInvalidUtf8(body);
    if (bad != std::string_view::npos) {
      return Status::BadInput(ByteMsg("invalid UTF-8 (file has a UTF-8 BOM)", bad + 3));
    }
    return Finish(std::string(body), "UTF-8", false);
  }
  if (bytes.size() >= 2 && bytes.compare(0, 2, "\xFF\xFE") == 0) {
    return DecodeUtf16(bytes, "UTF-16LE", 2);
  }
  if (bytes.size() >= 2 && bytes.compare(0, 2, "\xFE\xFF") == 0) {
    return DecodeUtf16(bytes, "UTF-16BE", 2);
  }

  if (auto magic = BinaryMagicName(bytes)) {
    return Status::BadInput("binary file (" + *magic + " signature at byte 0)");
  }
  if (const char* utf16 = GuessUtf16ByNuls(bytes)) return DecodeUtf16(bytes, utf16, 0);

  // A NUL anywhere else means binary data.
  const size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) return Status::BadInput(ByteMsg("binary data: NUL byte", nul));

  // Control-byte soup is binary whatever charset it might pass for.
  const size_t controls = static_cast<size_t>(std::count_if(
      bytes.begin(), bytes.end(), [](char c) { return IsBinaryControl(static_cast<unsigned char>(c)); }));
  if (controls * 50 > bytes.size()) {
    const auto first = std::find_if(bytes.begin(), bytes.end(), [](char c) {
      return IsBinaryControl(static_cast<unsigned char>(c));
    });
    return Status::BadInput(ByteMsg("binary data: " + std::to_string(controls) +
                                        " control bytes, the first",
                                    static_cast<size_t>(first - bytes.begin())));
  }

  const size_t bad_utf8 = FirstInvalidUtf8(bytes);
  if (bad_utf8 == std::string_view::npos) return Finish(std::string(bytes), "UTF-8", true);

  const std::string declared = CanonicalCharset(DeclaredHtmlCharset(bytes));
  if (!declared.empty() && declared != "utf-8" && declared != "utf8") {
    Conversion conv = ConvertStrict(bytes, declared.c_str());
    if (conv.ok) return Finish(std::move(conv.utf8), declared, false);
  }

  // The detector's hint only matters for bytes that are valid Big5, and the
  // strict conversion costs a fraction of the detector's statistics.
  Conversion big5 = ConvertStrict(bytes, "Big5");
  if (big5.ok && DetectorHint(bytes) == "Big5") return Finish(std::move(big5.utf8), "Big5", false);

  Conversion gb = ConvertStrict(bytes, "GB18030");
  if (gb.ok) return Finish(std::move(gb.utf8), "GB18030", false);
  // Name the charset that got further: it is most likely the intended one.
  if (bad_utf8 >= gb.bad_offset) {
    return Status::BadInput(ByteMsg("undecodable text: invalid UTF-8 (and not GB18030)", bad_utf8));
  }
  return Status::BadInput(ByteMsg("undecodable text: invalid GB18030 (and not UTF-8)", gb.bad_offset));
}

}  // namespace policykg
