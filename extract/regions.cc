// Region mentions: names of divisions, named areas and countries, found by
// longest match of the gazetteer's full and short forms.
//
// Mentions are emitted even where the name is only part of another entity's
// name (浙江 in 浙江大学, 衢州 in 衢州复旦研究院): this pass cannot know the
// extent of organisation names. Containment is resolved in entities.cc
// (BuildEntities), which drops a Region mention lying inside another entity's
// mention — the GUIDE's rule that such a place is not a Region by itself.
#include "extract/regions.h"

#include <algorithm>
#include <memory>

#include "base/utf8.h"
#include "extract/passes.h"

namespace policykg {
namespace {

// Full names of county-level divisions that are ordinary words in a policy
// text (城区 of 晋城, 郊区 of 铜陵): never a place by themselves.
constexpr std::u32string_view kGenericFullNames[] = {U"城区", U"郊区", U"矿区",   U"东区",   U"西区",  U"南区",
                                                     U"北区", U"中区", U"市中区", U"新区",   U"解放区", U"和平区",
                                                     U"新城区", U"高新区", U"开发区", U"经济开发区"};

// Common words and idioms that contain a short form of a division without
// naming it (长治 in 长治久安). A short form inside one of these is skipped.
constexpr std::u32string_view kBlockedWords[] = {
    U"长治久安", U"幸福安康", U"世界大同", U"大同小异", U"平安健康", U"吉祥安康", U"国泰民安",
    U"大江南北"};

// A short form followed by one of these names a natural feature or a street
// (杭州湾, 南京路), not the division.
constexpr std::u32string_view kFeatureSuffixes = U"湾路街巷江河湖";

// Development zones that the dataset lists among county-level divisions
// (临沂高新技术产业开发区, 苏州工业园区): parks, so Platforms (platforms.cc),
// not Regions.
bool IsZone(std::string_view name) {
  for (std::string_view suffix : {"开发区", "产业园区", "工业园区"}) {
    if (name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix) return true;
  }
  return false;
}

bool IsGenericFullName(std::u32string_view name) {
  return std::find(std::begin(kGenericFullNames), std::end(kGenericFullNames), name) !=
         std::end(kGenericFullNames);
}

// True when the text around [pos, pos+len) is one of kBlockedWords covering it.
bool InBlockedWord(const std::u32string& norm, int32_t pos, int32_t len) {
  for (std::u32string_view w : kBlockedWords) {
    const int32_t wl = static_cast<int32_t>(w.size());
    if (wl < len) continue;
    for (int32_t start = std::max<int32_t>(0, pos + len - wl); start <= pos; ++start) {
      if (start + wl > static_cast<int32_t>(norm.size())) break;
      if (std::u32string_view(norm).substr(start, wl) == w) return true;
    }
  }
  return false;
}

// Keeps the candidates of a match that the level rules allow.
// `full_names` lists the candidates whose official name is the key.
std::vector<int> Allowed(const Gazetteer& g, DivisionIds candidates, DivisionIds full_names,
                         std::u32string_view key, int within, bool all_levels, int chain_county) {
  std::vector<int> out;
  for (int d : candidates) {
    const Division& div = g.at(d);
    const bool full = std::find(full_names.begin(), full_names.end(), d) != full_names.end();
    if (full && IsGenericFullName(key)) continue;
    if (div.level == DivisionLevel::kTown) {
      // A town by its short form only right after its own county (上虞区道墟);
      // by its full name only inside the document's province.
      if (chain_county >= 0 && div.parent == chain_county) {
        out.push_back(d);
        continue;
      }
      if (!full) continue;
      if (all_levels || g.Within(d, within)) out.push_back(d);
      continue;
    }
    // Short forms of counties, and the full names of 新区 (滨海新区, a name
    // many cities give a zone), only count inside the document's province.
    // Two-character full names (和县, 岷县) too: 和 + 县 in 公社和县.
    const bool zone_like = full && key.size() > 2 && key.substr(key.size() - 2) == U"新区";
    const bool tiny = full && key.size() == 2;
    if (div.level == DivisionLevel::kCounty && (!full || zone_like || tiny) && !all_levels && !g.Within(d, within)) {
      continue;
    }
    out.push_back(d);
  }
  return out;
}

int ProvinceOf(const Gazetteer& g, int d) {
  if (d < 0) return -1;
  const std::vector<int> chain = g.Ancestors(d);
  return chain.back();
}

}  // namespace

std::vector<PlaceHit> ScanPlaces(const DocumentContext& ctx, Span span, const ScanOptions& options) {
  const Gazetteer& g = ctx.gazetteer;
  const int within = options.within;
  const bool all_levels = options.all_levels;
  // Segmented only where a name is found. A scan of the whole text shares
  // the document's segmentation; a part is segmented as a text of its own.
  const bool whole = span.start == 0 && span.end == static_cast<int32_t>(ctx.norm.size());
  std::unique_ptr<WordBoundaries> own;
  WordBoundaries* boundaries = nullptr;
  if (options.word_boundaries) {
    if (whole) {
      boundaries = &ctx.NormWordBoundaries();
    } else {
      const int32_t start = std::max<int32_t>(0, span.start);
      const int32_t stop = std::max<int32_t>(start, std::min<int32_t>(span.end, static_cast<int32_t>(ctx.norm.size())));
      own = std::make_unique<WordBoundaries>(std::u32string_view(ctx.norm).substr(start, stop - start));
      boundaries = own.get();
    }
  }
  const auto at_boundary = [&](int32_t pos) { return boundaries == nullptr || boundaries->At(pos - span.start); };
  const std::u32string& norm = ctx.norm;
  std::vector<PlaceHit> hits;
  const int32_t end = std::min<int32_t>(span.end, static_cast<int32_t>(norm.size()));
  int chain_county = -1;  // the county named right before the current position
  int32_t chain_end = -1;
  for (int32_t i = std::max<int32_t>(0, span.start); i < end;) {
    bool found = false;
    const uint32_t lengths = i + 1 < end ? g.NameLengthsFrom(norm[i], norm[i + 1]) : 0;
    if (lengths == 0) {
      ++i;
      continue;
    }
    const int32_t max_len = (lengths >> 31) != 0 ? g.max_name_length() : 31 - __builtin_clz(lengths);
    for (int32_t len = std::min(max_len, end - i); len >= 2 && !found; --len) {
      if (len < 31 && (lengths & (1u << len)) == 0) continue;  // no name of this length starts here
      const std::u32string_view key = std::u32string_view(norm).substr(i, len);
      const DivisionIds named = g.Find(key);
      const DivisionIds towns = chain_end == i ? g.FindTownShortForm(key) : DivisionIds();
      if (named.empty() && towns.empty()) continue;
      // After the lookups: segmentation is dear and most lengths name nothing.
      if (!at_boundary(i) || !at_boundary(i + len)) continue;
      // The named divisions, then the towns of the county just named (a list
      // is built only when there are both).
      std::vector<int> merged;
      DivisionIds candidates = named.empty() ? towns : named;
      if (!named.empty() && !towns.empty()) {
        merged = named.ToVector();
        merged.insert(merged.end(), towns.begin(), towns.end());
        candidates = DivisionIds(merged.data(), merged.size());
      }
      const DivisionIds full_names = g.Find(key, /*full_only=*/true);
      const bool full = !full_names.empty();
      if (!full && InBlockedWord(norm, i, len)) continue;
      if (!full && i + len < end && kFeatureSuffixes.find(norm[i + len]) != std::u32string_view::npos) continue;
      std::vector<int> allowed =
          Allowed(g, candidates, full_names, key, within, all_levels, chain_end == i ? chain_county : -1);
      if (allowed.empty()) continue;
      PlaceHit hit;
      hit.span = {i, i + len};
      hit.full = full;
      hit.divisions = std::move(allowed);
      // A county followed directly by one of its towns (越城区东湖).
      chain_county = -1;
      for (int d : hit.divisions) {
        if (g.at(d).level == DivisionLevel::kCounty) chain_county = d;
      }
      chain_end = i + len;
      hits.push_back(std::move(hit));
      i += len;
      found = true;
    }
    if (!found) ++i;
  }
  return hits;
}

int PickDivision(const DocumentContext& ctx, const PlaceHit& hit) {
  const Gazetteer& g = ctx.gazetteer;
  if (hit.divisions.empty()) return -1;
  const int j = ctx.jurisdiction;
  if (j < 0) return hit.divisions.front();
  // Inside the jurisdiction, or one of its ancestors, then the nearest wider
  // ancestor of the jurisdiction that encloses a candidate.
  for (int d : hit.divisions) {
    if (g.Within(d, j)) return d;
  }
  for (int d : hit.divisions) {
    if (g.Within(j, d)) return d;
  }
  for (int a : g.Ancestors(j)) {
    for (int d : hit.divisions) {
      if (g.Within(d, a)) return d;
    }
  }
  return hit.divisions.front();
}

void FindRegions(DocumentContext& ctx) {
  const int within = ProvinceOf(ctx.gazetteer, ctx.jurisdiction);
  const Span all{0, static_cast<int32_t>(ctx.text.size())};
  ScanOptions options;
  options.within = within;
  for (const PlaceHit& hit : ScanPlaces(ctx, all, options)) {
    if (ctx.InFurniture(hit.span.start)) continue;
    const int d = PickDivision(ctx, hit);
    if (d < 0 || IsZone(ctx.gazetteer.at(d).name)) continue;
    Mention m;
    m.type = EntityType::kRegion;
    m.span = hit.span;
    m.surface = ctx.text.substr(hit.span.start, hit.span.end - hit.span.start);
    m.canonical = Utf8ToU32(ctx.gazetteer.at(d).name);
    m.rule = hit.full ? "region-full" : "region-short";
    ctx.mentions.push_back(std::move(m));
  }
}

}  // namespace policykg
