// Sentence segmentation. Relations cite their sentence as evidence, so the
// spans follow the writing: a sentence ends after 。！？；!?; (with any closing
// quotes or brackets that follow), at a line break, and at a table-cell
// separator "|". Spans are trimmed of surrounding whitespace, so the gaps
// between sentences hold only whitespace and separators. A run of text
// without any of these is cut into pieces of at most kMaxSentence code points,
// preferably after a comma, so a giant line still yields bounded sentences.
#include "extract/passes.h"

namespace policykg {
namespace {

constexpr int32_t kMaxSentence = 512;
// How far back from the hard limit a soft break (comma, space) is looked for.
constexpr int32_t kSoftWindow = 128;

bool IsTerminator(char32_t c) {
  // `norm` holds the NFKC form, so full-width ！？； arrive as !?;.
  return c == U'。' || c == U'!' || c == U'?' || c == U';';
}

bool IsClosing(char32_t c) {
  return c == U'”' || c == U'’' || c == U'"' || c == U'\'' || c == U'」' || c == U'』' ||
         c == U')' || c == U'】' || c == U'》' || c == U']' || c == U'〕';
}

bool IsLineBreak(char32_t c) { return c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029; }

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\v' || c == U'\f' || c == 0x3000 || c == 0xA0 ||
         c == 0xFEFF || c == 0x200B || IsLineBreak(c);
}

bool IsSoftBreak(char32_t c) { return c == U',' || c == U'、' || c == U':' || c == U' '; }

// Adds [start, end) trimmed, if anything is left.
void Emit(const std::u32string& s, int32_t start, int32_t end, std::vector<Span>& out) {
  while (start < end && IsSpace(s[start])) ++start;
  while (end > start && IsSpace(s[end - 1])) --end;
  if (start < end) out.push_back(Span{start, end});
}

}  // namespace

void SegmentSentences(DocumentContext& ctx) {
  const std::u32string& s = ctx.norm.size() == ctx.text.size() ? ctx.norm : ctx.text;
  const int32_t n = static_cast<int32_t>(s.size());
  ctx.sentences.clear();
  int32_t start = 0;
  int32_t soft = -1;  // last soft break position (exclusive end) in the current sentence
  int32_t i = 0;
  while (i < n) {
    const char32_t c = s[i];
    if (IsLineBreak(c) || c == U'|') {
      Emit(s, start, i, ctx.sentences);
      start = i + 1;
      soft = -1;
      ++i;
      continue;
    }
    if (IsTerminator(c)) {
      int32_t end = i + 1;
      while (end < n && (IsTerminator(s[end]) || IsClosing(s[end]))) ++end;
      Emit(s, start, end, ctx.sentences);
      start = end;
      soft = -1;
      i = end;
      continue;
    }
    if (IsSoftBreak(c)) soft = i + 1;
    if (i + 1 - start >= kMaxSentence) {
      const int32_t cut = soft > start && soft > i + 1 - kSoftWindow ? soft : i + 1;
      Emit(s, start, cut, ctx.sentences);
      start = cut;
      soft = -1;
      i = cut;
      continue;
    }
    ++i;
  }
  Emit(s, start, n, ctx.sentences);
}

}  // namespace policykg
