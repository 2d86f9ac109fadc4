// Internal: word boundaries of ICU's dictionary-based Chinese segmentation,
// computed lazily, piece by piece, only where a caller asks.
//
// Segmenting a whole document is the most expensive step of the place scan
// (ICU's CJK engine runs a dictionary search over every run of Han
// characters), yet the scan needs a boundary only where a gazetteer name
// starts or ends. The text is cut at positions where ICU always breaks and
// restarts its rules (a Han character right after a newline or after
// sentence or clause punctuation): segmenting each piece alone gives the
// same boundaries as segmenting the whole text, so only the pieces holding
// a queried position are segmented.
#ifndef POLICYKG_EXTRACT_WORD_BOUNDARIES_H_
#define POLICYKG_EXTRACT_WORD_BOUNDARIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policykg {

class WordBoundaries {
 public:
  // Keeps a copy of `text` (NFKC-folded, as DocumentContext::norm).
  explicit WordBoundaries(std::u32string_view text);

  // True when a word boundary lies before text[pos]; pos == 0 and
  // pos == text.size() are boundaries; positions outside are not.
  bool At(int32_t pos);

  // The text this object segments (to check that a cached object fits).
  std::u32string_view text() const { return text_; }

 private:
  bool IsCut(int32_t pos) const;
  void SegmentPieceAround(int32_t pos);

  std::u32string text_;
  std::vector<bool> known_;     // known_[p]: boundary_[p] is computed
  std::vector<bool> boundary_;  // size text.size() + 1
};

// Reference: the boundaries of the whole text in one ICU pass, indexed by
// code point (size text.size() + 1). For tests of the lazy form.
std::vector<bool> WholeTextWordBoundaries(std::u32string_view text);

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_WORD_BOUNDARIES_H_
