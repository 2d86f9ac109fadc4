// Internal: the state that the extraction passes share while they work on one
// document. Passes run in a fixed order (pipeline.cc) and each only adds to
// what earlier passes produced: text -> sentences -> mentions -> entities ->
// relations.
#ifndef POLICYKG_EXTRACT_DOCUMENT_CONTEXT_H_
#define POLICYKG_EXTRACT_DOCUMENT_CONTEXT_H_

#include <memory>
#include <string>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/types.h"
#include "extract/word_boundaries.h"

namespace policykg {

// One candidate mention found by a rule; entity building merges them.
struct Mention {
  EntityType type = EntityType::kRegion;
  Span span;                 // in code points of DocumentContext::text
  std::u32string surface;    // the text as written (from `text`)
  std::u32string canonical;  // resolved full name (relative prefix expanded etc.)
  const char* rule = "";     // which rule found it, for debugging
};

struct DocumentContext {
  explicit DocumentContext(const Gazetteer& g) : gazetteer(g) {}

  const Gazetteer& gazetteer;
  DocumentInfo info;

  // The decoded text (HTML removed), one char32_t per code point. Offsets in
  // every Span index this string.
  std::u32string text;
  // The same length as `text`, position for position: NFKC-folded, Traditional
  // mapped to Simplified. Rules match on `norm` and report spans of `text`.
  std::u32string norm;
  // Spans of scraped site furniture (访问次数, 分享, 索引号 tables, spam):
  // no entity may start inside one. Sorted by start and non-overlapping.
  std::vector<Span> furniture;
  // Sentence spans, in order, covering the text.
  std::vector<Span> sentences;

  // Jurisdiction of the document (index into the gazetteer, -1 if unknown).
  int jurisdiction = -1;

  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<Relation> relations;

  // Index of the sentence containing code point `pos` (binary search).
  int SentenceAt(int32_t pos) const;
  bool InFurniture(int32_t pos) const;
  // Word boundaries of the whole of `norm`, segmented lazily and kept for
  // the document: the place scans of several passes ask about the same
  // positions. Made anew when `norm` has changed since.
  WordBoundaries& NormWordBoundaries() const;

 private:
  mutable std::unique_ptr<WordBoundaries> norm_boundaries_;
};

// A named pass over one document.
struct Pass {
  const char* name;
  void (*run)(DocumentContext& ctx);
};

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_DOCUMENT_CONTEXT_H_
