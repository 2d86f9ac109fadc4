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

// Scans ctx.norm[span) for gazetteer names by longest match. Short forms must
// pass the boundary checks (not part of a common word such as 长治久安, not
// continued by a character that makes a longer ordinary word); town names
// count only in full (石港镇), or as a short form right after the name of
// their own county (上虞区道墟). A short form of a county-level division or a
// full name of a town is kept only when `within` (a gazetteer index) encloses
// it, so that 上高 in 向上高质量 is no place outside 江西; with within = -1 they
// are dropped, unless `all_levels` keeps every candidate (for weighing).
std::vector<PlaceHit> ScanPlaces(const DocumentContext& ctx, Span span, int within, bool all_levels = false);

// The candidate of `hit` to use in this document: the one inside the
// document's jurisdiction (nearest first), else the widest level.
int PickDivision(const DocumentContext& ctx, const PlaceHit& hit);

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_REGIONS_H_
