// Internal: the generic name grammar shared by the entity rules — character
// classes, stop-lists of verbs and function words, the left-boundary walk
// that finds where a suffix-headed name starts, enumeration parsing and the
// generic-head test. Nothing here names a particular entity: only suffixes,
// function words and class nouns that any Chinese policy text uses.
#ifndef POLICYKG_EXTRACT_LEXICON_H_
#define POLICYKG_EXTRACT_LEXICON_H_

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document_context.h"

namespace policykg {

// A set of characters, for the classes that scans test at every position:
// membership of a BMP character is one bit test (a search of a short
// string per character was a visible share of whole-text scans).
class CharSet {
 public:
  explicit CharSet(std::u32string_view chars);
  bool Contains(char32_t c) const {
    if (c <= 0xFFFF) return bmp_[c];
    return astral_.find(c) != std::u32string::npos;
  }

 private:
  std::bitset<0x10000> bmp_;
  std::u32string astral_;  // members outside the BMP (rare)
};

// Character classes. Inline: the scans test them at every character.
inline bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
}
inline bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool IsAsciiAlnum(char32_t c) {
  return IsAsciiDigit(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
// 〇一二三四五六七八九十百千万两 and ASCII digits.
bool IsNumeral(char32_t c);
// Characters that may be part of a name: Han and ASCII letters/digits.
inline bool IsNameChar(char32_t c) { return IsHan(c) || IsAsciiAlnum(c); }
// Punctuation and whitespace that always end a name (、 included).
inline bool IsBreak(char32_t c) {
  if (IsNameChar(c)) return false;
  return c != U'-' && c != U'(' && c != U')' && c != U'+';
}
inline bool IsOpenQuote(char32_t c) { return c == U'“' || c == U'‘' || c == U'"' || c == U'「'; }
inline bool IsCloseQuote(char32_t c) { return c == U'”' || c == U'’' || c == U'"' || c == U'」'; }

inline bool MatchAt(std::u32string_view s, size_t pos, std::u32string_view w) {
  return pos + w.size() <= s.size() && s.compare(pos, w.size(), w) == 0;
}
inline bool EndsAt(std::u32string_view s, size_t end, std::u32string_view w) {
  return end >= w.size() && end <= s.size() && s.compare(end - w.size(), w.size(), w) == 0;
}

// Length of the longest stop word (verb, adverb, function word, quantity
// phrase) that ends exactly at `end`, or 0.
int StopWordEndingAt(std::u32string_view s, size_t end);
// Stop words that are also the last word of names (组织部, 促进中心, 奖励大会).
bool IsNounLikeStop(std::u32string_view w);
// Length of the stop word that starts at `pos`, or 0.
int StopWordStartingAt(std::u32string_view s, size_t pos);

struct WalkOptions {
  int max_len = 14;           // longest head (name without its suffix)
  bool allow_quotes = false;  // step over “…” groups (programmes)
  bool allow_conjunction = true;  // step over 和/与/及 inside short names
  bool keep_adjacent = true;  // the word right before the suffix is part of the name
};

// Where a name whose suffix starts at `suffix_start` begins: walks left over
// name characters and stops at punctuation, a stop word, a count (3家, 两大),
// a year or the start of the text. The word right before the suffix is always
// kept (组织部, 服务中心). Returns suffix_start when nothing qualifies.
size_t WalkLeft(std::u32string_view s, size_t suffix_start, const WalkOptions& opt);

// True when the name starting at `b` follows 各 (各, 各级, 各类, 各种): the
// phrase names a class of bodies (各乡镇人民政府), not one.
bool FollowsEach(std::u32string_view s, size_t b);

// True when a head (the name without its suffix) is only generic words
// (省级, 重点, 企业, 产业, 创新 ...): 省级重点企业研究院 is a class, not a name.
bool IsGenericHead(std::u32string_view head);
// Leading level or class words that are not part of a name (新增, 省级, 一批).
size_t SkipGenericPrefix(std::u32string_view s, size_t begin, size_t end);

// An enumeration closer right before `pos`, read leftwards: an optional
// modifier (省级, 重点, 地标性 ...), an optional count (三大, 6家, 16个) and an
// optional 等. Returns the position where the items end (before 等/count), or
// npos when the text before `pos` is no closer (no count and no 等).
// *count receives the count's value when it is a small numeral (三大 -> 3), else 0.
size_t EnumerationCloserStart(std::u32string_view s, size_t pos, int* count = nullptr);

// The items of an enumeration A、B、C(和|及)D that ends at `end`, each found by
// a left walk; at least `min_items`. Items are trimmed of leading stop words.
std::vector<Span> EnumerationItemsEndingAt(std::u32string_view s, size_t end, int min_items,
                                           int max_item_len, bool allow_quotes);

// The items of an enumeration closed right before `pos` (A、B和C三大… / A、B等…),
// empty when there is no closer. With a count, two items joined by 和/及
// that exceed the count are one item (汽车及零部件).
std::vector<Span> EnumerationBefore(std::u32string_view s, size_t pos, int max_item_len, bool allow_quotes);

// Adds a mention of ctx.text[start, end) with the given canonical name (the
// surface itself when empty). Ignores spans that start in furniture or are
// empty.
void AddMention(DocumentContext& ctx, EntityType type, size_t start, size_t end,
                std::u32string canonical, const char* rule);

// A name ending in a fixed suffix, found by the suffix scan.
struct SuffixRule {
  const char32_t* suffix;
  int min_head;           // shortest head (name without suffix)
  int max_head;           // longest head
  const char32_t* bad_next = U"";  // characters that may not follow (局长, 部门, 大学生)
  const char32_t* bad_prev = U"";  // characters that may not precede (布局, 干部)
};

struct SuffixHit {
  size_t start = 0;         // where the name begins (after the left walk)
  size_t suffix_start = 0;  // where the suffix begins
  size_t end = 0;           // end of the suffix
  const SuffixRule* rule = nullptr;
};

// Finds every occurrence of the rules' suffixes in `s` (longest suffix first
// at each position) and walks left to the name's start. One linear pass;
// hits come in text order.
std::vector<SuffixHit> ScanSuffixes(std::u32string_view s, const std::vector<SuffixRule>& rules,
                                    const WalkOptions& opt);

// True when `s` ends with one of the rules' suffixes.
bool EndsWithAnySuffix(std::u32string_view s, const std::vector<SuffixRule>& rules);

// Rule names that BuildEntities treats specially.
extern const char kRuleParent[];
// A bare class-like form (高新区, 国家高新园区) that only counts as a short
// name of the one longer entity of the document ending with it.
extern const char kRuleBare[];  // a parent named inside a longer name (X大学 in X大学Y研究院)

// The sentence (or line) around `pos`: ctx.sentences when segmented, else the
// span between sentence-ending punctuation or line breaks.
Span SentenceAround(const DocumentContext& ctx, int32_t pos);
// The line (between '\n's) around `pos`.
Span LineAround(std::u32string_view s, int32_t pos);

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_LEXICON_H_
