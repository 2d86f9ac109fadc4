#include "extract/word_boundaries.h"

#include <algorithm>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

namespace policykg {
namespace {

bool IsHan(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

// Characters after which ICU's word rules always break before a Han
// character, and from where its next rule match starts afresh: no word rule
// joins them to a following ideograph (UAX #29 WB3a for the newline; the
// punctuation is Other, MidNum or MidLetter, which join only letters and
// digits), and the dictionary engine only sees runs of Han characters.
// Folded and unfolded forms, since probes of metadata fields are not folded.
bool IsCutAfter(char32_t c) {
  switch (c) {
    case U'\n': case U'。': case U'、': case U',': case U'，': case U';': case U'；':
    case U':': case U'：': case U'!': case U'！': case U'?': case U'？':
      return true;
    default:
      return false;
  }
}

// One word iterator per thread, reused: creating one loads the rules and
// builds the dictionary engine's sets, which costs more than segmenting a
// paragraph. nullptr when ICU has no word-break data.
icu::BreakIterator* ThreadWordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return words.get();
}

// Boundaries of text in one ICU pass: out[k] for code point offset k
// (size text.size() + 1). Every position counts when ICU cannot segment.
std::vector<bool> Segment(std::u32string_view text) {
  const int32_t n = static_cast<int32_t>(text.size());
  std::vector<bool> out(static_cast<size_t>(n) + 1, false);
  if (n == 0) return out;
  icu::BreakIterator* words = ThreadWordIterator();
  if (words == nullptr) {
    std::fill(out.begin(), out.end(), true);
    return out;
  }
  const icu::UnicodeString u16 = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()), n);
  words->setText(u16);
  // UTF-16 offsets to code point offsets, walking both in step.
  int32_t unit = 0, cp = 0;
  for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) {
    while (unit < b && cp < n) {
      unit += U16_LENGTH(u16.char32At(unit));
      ++cp;
    }
    out[cp] = true;
  }
  return out;
}

}  // namespace

WordBoundaries::WordBoundaries(std::u32string_view text)
    : text_(text), known_(text.size() + 1, false), boundary_(text.size() + 1, false) {}

bool WordBoundaries::IsCut(int32_t pos) const {
  const int32_t n = static_cast<int32_t>(text_.size());
  if (pos <= 0 || pos >= n) return true;
  return IsHan(text_[pos]) && IsCutAfter(text_[pos - 1]);
}

bool WordBoundaries::At(int32_t pos) {
  if (pos < 0 || pos > static_cast<int32_t>(text_.size())) return false;
  if (!known_[pos]) SegmentPieceAround(pos);
  return boundary_[pos];
}

void WordBoundaries::SegmentPieceAround(int32_t pos) {
  if (IsCut(pos)) {
    known_[pos] = true;
    boundary_[pos] = true;
    return;
  }
  int32_t start = pos - 1;
  while (!IsCut(start)) --start;
  int32_t end = pos + 1;
  while (!IsCut(end)) ++end;
  const std::vector<bool> piece = Segment(std::u32string_view(text_).substr(start, end - start));
  for (int32_t k = 0; k < static_cast<int32_t>(piece.size()); ++k) {
    known_[start + k] = true;
    boundary_[start + k] = piece[k];
  }
}

std::vector<bool> WholeTextWordBoundaries(std::u32string_view text) {
  if (text.empty()) return std::vector<bool>(1, false);
  return Segment(text);
}

}  // namespace policykg
