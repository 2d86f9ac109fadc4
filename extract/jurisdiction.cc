// The document's jurisdiction: which division speaks. Evidence, strongest
// first: region names in the issuer, the signature and the title; the level
// the text speaks from (我区 / 全县 / 我市 tell the level, not the name); and
// how often each division (or a division under it) is named in the text.
#include "extract/jurisdiction.h"

#include <algorithm>
#include <map>

#include "base/utf8.h"
#include "extract/passes.h"
#include "extract/regions.h"

namespace policykg {
namespace {

// The level a document speaks from. kCity covers both a prefecture and a
// county-level city (余姚市 says 我市 too).
enum class Speaker { kUnknown, kNation, kProvince, kCity, kDistrict, kCounty, kTown };

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Whether division `d` is of the kind that speaks as `speaker`.
bool Fits(const Division& d, Speaker speaker) {
  switch (speaker) {
    case Speaker::kUnknown: return true;
    case Speaker::kNation: return false;
    case Speaker::kProvince: return d.level == DivisionLevel::kProvince;
    case Speaker::kCity:
      return d.level == DivisionLevel::kPrefecture || (d.level == DivisionLevel::kCounty && EndsWith(d.name, "市")) ||
             (d.level == DivisionLevel::kProvince && EndsWith(d.name, "市"));
    case Speaker::kDistrict:
      return d.level == DivisionLevel::kCounty && (EndsWith(d.name, "区") || EndsWith(d.name, "新区"));
    case Speaker::kCounty:
      return d.level == DivisionLevel::kCounty && (EndsWith(d.name, "县") || EndsWith(d.name, "旗"));
    case Speaker::kTown: return d.level == DivisionLevel::kTown;
  }
  return false;
}

// The levels of the cues, narrowest first: 我镇 / 本镇 / 全镇 and so on.
struct Cue {
  Speaker speaker;
  std::u32string_view level;  // 镇, 街道, 区, ...
};
constexpr Cue kCues[] = {{Speaker::kTown, U"镇"},     {Speaker::kTown, U"街道"}, {Speaker::kDistrict, U"区"},
                         {Speaker::kCounty, U"县"},   {Speaker::kCity, U"市"},   {Speaker::kProvince, U"省"}};
constexpr size_t kNumCues = sizeof kCues / sizeof kCues[0];

// How often each cue occurs: 我X (own), 本X (self), 全X (all), and 我国 or
// 全国 (nation). One pass over the text: every cue starts with 我, 本 or 全,
// and none can overlap itself, so counting positions equals counting
// non-overlapping occurrences.
struct CueCounts {
  size_t own[kNumCues] = {};
  size_t self[kNumCues] = {};
  size_t all[kNumCues] = {};
  size_t nation = 0;
};

CueCounts CountCues(std::u32string_view norm) {
  CueCounts counts;
  for (size_t i = 0; i + 1 < norm.size(); ++i) {
    const char32_t head = norm[i];
    if (head != U'我' && head != U'本' && head != U'全') continue;
    const std::u32string_view rest = norm.substr(i + 1);
    if (head != U'本' && rest[0] == U'国') ++counts.nation;
    for (size_t k = 0; k < kNumCues; ++k) {
      if (rest.substr(0, kCues[k].level.size()) != kCues[k].level) continue;
      ++(head == U'我' ? counts.own : head == U'本' ? counts.self : counts.all)[k];
    }
  }
  return counts;
}

// 我区 / 本区 say "we are a district" outright; 全区 usually does too, but a
// district text also says 全市 of its city, so those weigh less.
Speaker SpeakerLevel(std::u32string_view norm) {
  const CueCounts counts = CountCues(norm);
  // Any 我X of a narrow level decides (a district reply may still say 全市).
  for (size_t k = 0; k < kNumCues; ++k) {
    if (counts.own[k] + counts.self[k] > 0) return kCues[k].speaker;
  }
  Speaker best = Speaker::kUnknown;
  size_t best_n = 0;
  for (size_t k = 0; k < kNumCues; ++k) {
    if (counts.all[k] > best_n) best = kCues[k].speaker, best_n = counts.all[k];  // ties keep the narrower level
  }
  // A national text (government work report) speaks of 我国 and 全国 more
  // than of any 全省/全市: no local jurisdiction.
  if (counts.nation > best_n) return Speaker::kNation;
  return best;
}

// The division of `level` that encloses (or is) the jurisdiction, or -1.
int EnclosingOfLevel(const Gazetteer& g, int j, DivisionLevel level) {
  for (int a : g.Ancestors(j)) {
    if (g.at(a).level == level) return a;
  }
  return -1;
}

// The division that 市 means in this document: a county-level city itself,
// or the prefecture (a municipality when it is a province-level city).
int CityOf(const Gazetteer& g, int j) {
  for (int a : g.Ancestors(j)) {
    const Division& d = g.at(a);
    if (d.level == DivisionLevel::kTown) continue;
    if (EndsWith(d.name, "市")) return a;
  }
  return -1;
}

// How the relative prefix at the start of `name` maps to a division. Returns
// the prefix length, 0 when there is none.
int RelativePrefix(const Gazetteer& g, int j, std::u32string_view name, int* target) {
  struct Prefix {
    std::u32string_view text;
    char level;  // p(rovince), a(utonomous region), c(ity), d(istrict), x (county), t(own)
  };
  constexpr Prefix kPrefixes[] = {
      {U"我省", 'p'}, {U"全省", 'p'}, {U"本省", 'p'}, {U"我市", 'c'}, {U"全市", 'c'}, {U"本市", 'c'},
      {U"我区", 'd'}, {U"全区", 'd'}, {U"本区", 'd'}, {U"我县", 'x'}, {U"全县", 'x'}, {U"本县", 'x'},
      {U"我镇", 't'}, {U"本镇", 't'}, {U"自治区", 'a'}, {U"省", 'p'}, {U"市", 'c'}, {U"区", 'd'}, {U"县", 'x'},
      {U"镇", 't'},   {U"乡", 't'},
  };
  // A character after a one-character prefix that makes it an ordinary word
  // (市场, 区域, 省级, 县域, 市民...): then it is no prefix at all.
  constexpr std::u32string_view kWordContinuations = U"场域级民内外块直属长区镇县";
  for (const Prefix& p : kPrefixes) {
    if (name.size() <= p.text.size() || name.substr(0, p.text.size()) != p.text) continue;
    if (p.text.size() == 1 && kWordContinuations.find(name[1]) != std::u32string_view::npos) return 0;
    int t = -1;
    switch (p.level) {
      case 'p': t = EnclosingOfLevel(g, j, DivisionLevel::kProvince); break;
      case 'a': {  // 自治区科技厅 in a 广西 text: the province is an autonomous region
        const int p = EnclosingOfLevel(g, j, DivisionLevel::kProvince);
        if (p >= 0 && EndsWith(g.at(p).name, "自治区")) t = p;
        break;
      }
      case 'c': t = CityOf(g, j); break;
      case 'd': {
        const int c = EnclosingOfLevel(g, j, DivisionLevel::kCounty);
        if (c >= 0 && (EndsWith(g.at(c).name, "区"))) t = c;
        break;
      }
      case 'x': {
        const int c = EnclosingOfLevel(g, j, DivisionLevel::kCounty);
        if (c >= 0 && (EndsWith(g.at(c).name, "县") || EndsWith(g.at(c).name, "旗"))) t = c;
        break;
      }
      case 't': t = EnclosingOfLevel(g, j, DivisionLevel::kTown); break;
    }
    *target = t;
    return static_cast<int>(p.text.size());
  }
  return 0;
}

// Endings of names of local bodies that a text may give without any prefix
// (科技局, 财政局 in a district's reply): they belong to the document's level.
bool LooksLikeLocalBody(std::u32string_view name) {
  constexpr std::u32string_view kEndings[] = {U"局", U"委", U"办", U"政府", U"政协", U"人大", U"委员会",
                                              U"办公室", U"中心", U"供销社", U"科协", U"工委", U"党委"};
  constexpr std::u32string_view kNational[] = {U"国家", U"中央", U"中共中央", U"国务院", U"全国", U"中国"};
  for (std::u32string_view n : kNational) {
    if (name.substr(0, n.size()) == n) return false;
  }
  for (std::u32string_view e : kEndings) {
    if (name.size() > e.size() && name.substr(name.size() - e.size()) == e) return true;
  }
  return false;
}

// 高新区政协工委, 开发区管委会: the body of a zone, not of the jurisdiction
// itself; its zone is for the caller to resolve.
bool NamesZone(std::u32string_view name) {
  constexpr std::u32string_view kZones[] = {U"区", U"园", U"新城", U"港", U"基地"};
  for (std::u32string_view z : kZones) {
    if (name.find(z) != std::u32string_view::npos) return true;
  }
  return false;
}

// 涪府办, 衢政办: a short abbreviation led by the first character of the
// jurisdiction or of a division above it (as in document numbers) already
// says whose body it is.
bool IsPlaceAbbreviation(const Gazetteer& g, int j, std::u32string_view name) {
  if (name.size() > 4) return false;
  for (int a : g.Ancestors(j)) {
    const std::u32string full = Utf8ToU32(g.at(a).name);
    if (!full.empty() && full[0] == name[0]) return true;
  }
  return false;
}

// True when `name` already starts with the name of a place.
bool StartsWithPlace(const DocumentContext& ctx, std::u32string_view name) {
  const Gazetteer& g = ctx.gazetteer;
  const int max_len = std::min<int>(g.max_name_length(), static_cast<int>(name.size()) - 1);
  for (int len = max_len; len >= 2; --len) {
    if (!g.Find(name.substr(0, len)).empty()) return true;
  }
  return false;
}

}  // namespace

std::u32string ResolveRelativeName(const DocumentContext& ctx, std::u32string_view name) {
  const Gazetteer& g = ctx.gazetteer;
  const int j = ctx.jurisdiction;
  if (j < 0 || name.empty()) return std::u32string(name);
  int target = -1;
  const int prefix = RelativePrefix(g, j, name, &target);
  if (prefix > 0) {
    if (target < 0) return std::u32string(name);
    std::u32string rest(name.substr(prefix));
    // 市委 after 我市 is 市委 of the city: 我市科技局 -> 衢州市科技局.
    return Utf8ToU32(g.at(target).name) + rest;
  }
  if (StartsWithPlace(ctx, name) || !LooksLikeLocalBody(name) || NamesZone(name) || IsPlaceAbbreviation(g, j, name)) {
    return std::u32string(name);
  }
  return Utf8ToU32(g.at(j).name) + std::u32string(name);
}

namespace {

// Weighs every division named in the text; names in the issuer, signature
// and title weigh most.
std::map<int, double> WeighDivisions(const DocumentContext& ctx) {
  std::map<int, double> weight;
  const Span all{0, static_cast<int32_t>(ctx.norm.size())};
  ScanOptions options;
  options.all_levels = true;
  for (const PlaceHit& hit : ScanPlaces(ctx, all, options)) {
    const double w = (hit.full ? 2.0 : 1.0) / static_cast<double>(hit.divisions.size());
    for (int d : hit.divisions) weight[d] += w;
  }
  for (const std::string& field : {ctx.info.issuer, ctx.info.title}) {
    if (field.empty()) continue;
    DocumentContext probe(ctx.gazetteer);
    probe.norm = Utf8ToU32(field);
    for (const PlaceHit& hit : ScanPlaces(probe, {0, static_cast<int32_t>(probe.norm.size())}, options)) {
      for (int d : hit.divisions) weight[d] += 20.0 / static_cast<double>(hit.divisions.size());
    }
  }
  return weight;
}

// The narrowest division the issuer's name starts with (衢州市柯城区人民政府
// 办公室 -> 柯城区), the best supported candidate when the name is ambiguous;
// -1 when the issuer names none.
int IssuerDivision(const DocumentContext& ctx, const std::map<int, double>& support) {
  if (ctx.info.issuer.empty()) return -1;
  DocumentContext probe(ctx.gazetteer);
  probe.norm = Utf8ToU32(ctx.info.issuer);
  ScanOptions options;
  options.all_levels = true;
  const std::vector<PlaceHit> hits = ScanPlaces(probe, {0, static_cast<int32_t>(probe.norm.size())}, options);
  int32_t expect = 0;  // the places must lead the name, one after another
  int best = -1;
  for (const PlaceHit& hit : hits) {
    if (hit.span.start != expect) break;
    expect = hit.span.end;
    double best_support = -1;
    for (int d : hit.divisions) {
      const DivisionLevel level = ctx.gazetteer.at(d).level;
      if (level == DivisionLevel::kArea || level == DivisionLevel::kCountry || level == DivisionLevel::kTown) continue;
      const auto it = support.find(d);
      const double s = it == support.end() ? 0 : it->second;
      if (s > best_support) best = d, best_support = s;
    }
  }
  return best;
}

}  // namespace

void ResolveJurisdiction(DocumentContext& ctx) {
  const Gazetteer& g = ctx.gazetteer;
  const std::map<int, double> weight = WeighDivisions(ctx);
  const Speaker speaker = SpeakerLevel(ctx.norm);
  if (speaker == Speaker::kNation) return;
  // A division's support: its own weight, half its parent's, and a share of
  // what is named under it (通州区 of 南通 beats 通州区 of 北京 when 南通 is
  // named too; 绍兴市 gains from 越城区).
  std::map<int, double> support;
  for (const auto& [d, w] : weight) {
    const Division& div = g.at(d);
    if (div.level == DivisionLevel::kArea || div.level == DivisionLevel::kCountry) continue;
    support[d] += w;
    const std::vector<int> chain = g.Ancestors(d);
    for (size_t k = 1; k < chain.size(); ++k) support[chain[k]] += w * 0.3;
  }
  for (auto& [d, s] : support) {
    const int p = g.at(d).parent;
    if (p >= 0) {
      const auto it = weight.find(p);
      if (it != weight.end()) s += 0.5 * it->second;
    }
  }
  int best = -1;
  double best_score = 0;
  for (const auto& [d, s] : support) {
    if (!Fits(g.at(d), speaker)) continue;
    // Only divisions actually named count as candidates; ancestors named
    // through their children alone do not speak.
    if (weight.find(d) == weight.end()) continue;
    if (g.at(d).level == DivisionLevel::kTown && speaker != Speaker::kTown) continue;
    if (s > best_score) best = d, best_score = s;
  }
  if (best < 0 && speaker != Speaker::kUnknown) {
    // The level cue found no named division of its level: fall back to the
    // best supported division of any level above towns.
    for (const auto& [d, s] : support) {
      if (weight.find(d) == weight.end() || g.at(d).level == DivisionLevel::kTown) continue;
      if (s > best_score) best = d, best_score = s;
    }
  }
  // The issuer's own place outranks the level cue when both are of one
  // level (a county-level city's bureau writing 我县 by habit, a district
  // reply naming a neighbour more often than itself), and when it lies
  // inside the winner (宁波市江北区科技局: 江北区, whose name other cities
  // share, had less support than 宁波市).
  const int issuer_place = IssuerDivision(ctx, support);
  if (issuer_place >= 0 &&
      (best < 0 || g.at(issuer_place).level == g.at(best).level || g.Within(issuer_place, best))) {
    best = issuer_place;
  }
  ctx.jurisdiction = best;
  if (best < 0) return;
  ctx.info.jurisdiction = g.at(best).name;
  ctx.info.jurisdiction_code = g.at(best).code;
  // The issuer was read before the jurisdiction was known (区科技局).
  if (!ctx.info.issuer.empty()) {
    ctx.info.issuer = U32ToUtf8(ResolveRelativeName(ctx, Utf8ToU32(ctx.info.issuer)));
  }
}

}  // namespace policykg
