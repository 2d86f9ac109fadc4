// Internal: finding names of places in a document's text. FindRegions (the
// pass, passes.h) turns the hits into Region mentions; jurisdiction.cc uses
// the same scan to weigh which division a document belongs to.
#ifndef POLICYKG_EXTRACT_REGIONS_H_
#define POLICYKG_EXTRACT_REGIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/document_context.h"

namespace policykg {

// One name of a place found in the text by longest match.
struct PlaceHit {
  Span span;                // in code points of ctx.text
  bool full = false;        // the official full name (柯城区), not a short form (柯城)
  std::vector<int> divisions;  // gazetteer candidates, widest level first
};

struct ScanOptions {
  // Short forms of counties and full names of towns count only inside this
  // division (the document's province), so that 上高 in a 四川 text is no
  // place; -1 drops them.
  int within = -1;
  // Keep every candidate regardless of `within` (for weighing jurisdictions).
  bool all_levels = false;
  // A name must start and end on a word boundary of ICU's dictionary-based
  // Chinese segmentation (海城市 is not in 沿海城市, 上高 not in 向上高质量).
  // Off for scanning an entity's name, where the place runs into the rest.
  bool word_boundaries = true;
};

// Scans ctx.norm[span) for gazetteer names by longest match. Short forms must
// pass the boundary checks (not part of a common word such as 长治久安, not
// followed by a feature such as 湾 or 路); town names count only in full
// (石港镇), or as a short form right after the name of their own county
// (上虞区道墟).
std::vector<PlaceHit> ScanPlaces(const DocumentContext& ctx, Span span, const ScanOptions& options);

// The candidate of `hit` to use in this document: the one inside the
// document's jurisdiction (nearest first), else the widest level.
int PickDivision(const DocumentContext& ctx, const PlaceHit& hit);

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_REGIONS_H_
