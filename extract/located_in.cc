// LOCATED_IN relations (GUIDE.md), from what the entities of the document
// already say:
//  - a Region lies in the nearest enclosing division that is itself a Region
//    entity of the document (柯城区 -> 衢州市, not also -> 浙江省);
//  - an entity whose resolved name carries a place (衢州市科技局, 浙江大学绍兴
//    研究院, 柯城-智慧新城高新技术产业园区) lies in that place, or the nearest
//    enclosing Region entity;
//  - in a county-level document, a platform or agency named after the
//    document's own city by its short form (南通高新区 in a 通州区 text) lies
//    in the document's own county; a name that starts with a town of the
//    county (石港科技产业园) lies in the town, or the county;
//  - stated locations: E位于X, E落户X, 在X设立/建设 E, X、Y等区域…建设 E.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "base/utf8.h"
#include "extract/passes.h"
#include "extract/regions.h"

namespace policykg {
namespace {

struct RegionEntity {
  int division;
  const Entity* entity;
};

// Division of a Region entity: its name in the gazetteer, the candidate the
// document's jurisdiction prefers.
int DivisionOf(const DocumentContext& ctx, const Entity& e) {
  PlaceHit hit;
  const DivisionIds candidates = ctx.gazetteer.Find(Utf8ToU32(e.name));
  if (candidates.empty()) return -1;
  hit.divisions = candidates.ToVector();
  return PickDivision(ctx, hit);
}

class Locator {
 public:
  explicit Locator(DocumentContext& ctx) : ctx_(ctx), g_(ctx.gazetteer) {
    for (const Entity& e : ctx.entities) {
      if (e.type != EntityType::kRegion) continue;
      const int d = DivisionOf(ctx, e);
      if (d >= 0) regions_.emplace(d, &e);
    }
    own_ = regions_.count(ctx.jurisdiction) ? ctx.jurisdiction : -1;
  }

  void Run() {
    for (const Entity& e : ctx_.entities) {
      if (e.type == EntityType::kRegion) {
        LocateRegion(e);
      } else {
        LocateByName(e);
      }
    }
    LocateStated();
    KeepNearest();
    LocateZoneBodies();
  }

 private:
  // The nearest Region entity enclosing division `d` (itself included when
  // `self` is true).
  const Entity* Nearest(int d, bool self) const {
    for (int a : g_.Ancestors(d)) {
      if (a == d && !self) continue;
      const auto it = regions_.find(a);
      if (it != regions_.end()) return it->second;
    }
    return nullptr;
  }

  void Add(const Entity& head, const Entity& tail, Span evidence, int sentence_at) {
    if (&head == &tail || head.name == tail.name) return;
    if (!seen_.insert({head.name, tail.name}).second) return;
    Relation r;
    r.type = RelationType::kLocatedIn;
    r.head_type = head.type;
    r.head = head.name;
    r.tail_type = tail.type;
    r.tail = tail.name;
    r.evidence = evidence;
    const int s = ctx_.SentenceAt(sentence_at);
    if (s >= 0) {
      const Span& sp = ctx_.sentences[s];
      r.sentence = U32ToUtf8(std::u32string_view(ctx_.text).substr(sp.start, sp.end - sp.start));
    }
    ctx_.relations.push_back(std::move(r));
  }

  static int32_t FirstMention(const Entity& e) { return e.mentions.empty() ? -1 : e.mentions.front().start; }

  void LocateRegion(const Entity& e) {
    const int d = DivisionOf(ctx_, e);
    if (d < 0) return;
    if (const Entity* parent = Nearest(d, /*self=*/false)) Add(e, *parent, {}, FirstMention(e));
  }

  // The place a name carries: the last division or named area in it
  // (天津大学浙江绍兴研究院 -> 绍兴), a country only when nothing else is named
  // (上虞日本福井海外创新孵化中心 is in 上虞, not in 日本).
  bool PlaceInName(const std::u32string& name, int* division, bool* short_form) const {
    DocumentContext probe(g_);
    probe.norm = name;
    probe.text = name;
    probe.jurisdiction = ctx_.jurisdiction;
    ScanOptions options;
    options.within = ctx_.jurisdiction >= 0 ? g_.Ancestors(ctx_.jurisdiction).back() : -1;
    options.word_boundaries = false;
    const std::vector<PlaceHit> hits = ScanPlaces(probe, {0, static_cast<int32_t>(name.size())}, options);
    int best = -1, best_country = -1;
    int32_t best_start = 0;
    bool best_short = false;
    for (const PlaceHit& h : hits) {
      if (h.span.end >= static_cast<int32_t>(name.size())) continue;  // the whole name is a place
      const int d = PickDivision(probe, h);
      if (d < 0) continue;
      if (g_.at(d).level == DivisionLevel::kCountry) {
        if (best_country < 0) best_country = d;
        continue;
      }
      best = d;
      best_start = h.span.start;
      best_short = !h.full;
    }
    // 上虞日本福井海外创新孵化中心: a domestic place's facility abroad lies in
    // the foreign country (when that is an entity), not at home.
    if (best_country >= 0) best = best_country;
    // 中国科学院浙江数字内容研究院 in a 绍兴市 text: a national body's branch
    // named after the document's province, inside a name, is the document's
    // own (a name that starts with the province, 浙江大学, is the province's).
    if (best >= 0 && best_start > 0 && own_ >= 0 && g_.at(best).level == DivisionLevel::kProvince &&
        g_.Within(own_, best) && own_ != best) {
      best = own_;
    }
    if (best < 0) best = TownAtStart(name);
    *division = best;
    *short_form = best_short;
    return best >= 0;
  }

  // A town of the jurisdiction by its short form at the start of a name
  // (石港科技产业园 in a text of the county that has 石港镇).
  int TownAtStart(std::u32string_view name) const {
    if (!CountyDocument()) return -1;
    for (int len = std::min<int>(4, static_cast<int>(name.size()) - 2); len >= 2; --len) {
      for (int d : g_.FindTownShortForm(name.substr(0, len))) {
        if (g_.at(d).level == DivisionLevel::kTown && g_.Within(d, ctx_.jurisdiction)) return d;
      }
    }
    return -1;
  }

  static bool IsZoneBody(EntityType t) { return t == EntityType::kPlatform || t == EntityType::kAgency; }

  bool CountyDocument() const {
    return own_ >= 0 && (g_.at(own_).level == DivisionLevel::kCounty || g_.at(own_).level == DivisionLevel::kTown);
  }

  void LocateByName(const Entity& e) {
    if (e.type == EntityType::kDocument || e.type == EntityType::kProgram) return;
    // A development zone that the dataset lists as a county (临沂高新技术产业
    // 开发区) is a Platform here and lies in the division it belongs to.
    if (e.type == EntityType::kPlatform) {
      for (int zone : g_.Find(Utf8ToU32(e.name), /*full_only=*/true)) {
        if (g_.at(zone).parent < 0) continue;
        if (const Entity* r = Nearest(g_.at(zone).parent, /*self=*/true)) {
          Add(e, *r, {}, FirstMention(e));
          return;
        }
      }
    }
    int d = -1;
    bool short_form = false;
    if (PlaceInName(Utf8ToU32(e.name), &d, &short_form)) {
      // 南通高新区 in a 通州区 text: the city's short name on a zone or its
      // bodies, where the document speaks for a county of that city.
      if (CountyDocument() && IsZoneBody(e.type) && short_form && g_.at(own_).parent == d) {
        Add(e, *regions_.at(own_), {}, FirstMention(e));
        return;
      }
      if (const Entity* r = Nearest(d, /*self=*/true)) Add(e, *r, {}, FirstMention(e));
    }
    // A platform with no place in its name is not placed by default: the
    // texts name the region's own parks and the clusters or platforms they
    // take part in alike, and only the former lie in it.
  }

  // 高新区政协工委, 开发区管委会: a body named after a zone of the document
  // (by the zone's name or a short form of it) lies where the zone lies.
  void LocateZoneBodies() {
    std::map<std::string, std::string> tail_of;  // head -> its LOCATED_IN tail
    for (const Relation& r : ctx_.relations) {
      if (r.type == RelationType::kLocatedIn) tail_of.emplace(r.head, r.tail);
    }
    std::map<std::string, const Entity*> region_named;
    for (const auto& [d, e] : regions_) region_named.emplace(e->name, e);
    // The located zones in entity order, each with the Region entity of its
    // tail (nullptr when the tail is no Region entity), looked up once
    // rather than for every body.
    struct LocatedZone {
      const Entity* zone;
      const Entity* region;
    };
    std::vector<LocatedZone> zones;
    for (const Entity& zone : ctx_.entities) {
      if (zone.type != EntityType::kPlatform) continue;
      const auto where = tail_of.find(zone.name);
      if (where == tail_of.end()) continue;
      const auto region = region_named.find(where->second);
      zones.push_back({&zone, region == region_named.end() ? nullptr : region->second});
    }
    for (const Entity& body : ctx_.entities) {
      if (body.type == EntityType::kRegion || body.type == EntityType::kPlatform ||
          body.type == EntityType::kProgram || body.type == EntityType::kDocument) {
        continue;
      }
      if (tail_of.count(body.name)) continue;
      for (const LocatedZone& z : zones) {
        if (!NamedAfter(body, *z.zone)) continue;
        if (z.region != nullptr) Add(body, *z.region, {}, FirstMention(body));
        break;
      }
    }
  }

  static bool StartsWith(const std::string& s, const std::string& prefix) {
    return s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
  }

  // The body's name starts with the zone's name or one of its aliases (of
  // three characters at least, so that 园 or 新区 alone does not count).
  static bool NamedAfter(const Entity& body, const Entity& zone) {
    if (StartsWith(body.name, zone.name)) return true;
    for (const std::string& a : zone.aliases) {
      if (a.size() >= 9 && StartsWith(body.name, a)) return true;  // 3 Han characters in UTF-8
    }
    return false;
  }

  // One head, two tails where one encloses the other (宜宾三江新区 -> 宜宾市 by
  // its name, -> 叙州区 as stated): only the nearer stays.
  void KeepNearest() {
    std::map<std::string, int> division_of;
    for (const auto& [d, e] : regions_) division_of.emplace(e->name, d);
    std::vector<Relation>& rels = ctx_.relations;
    std::vector<bool> drop(rels.size(), false);
    for (size_t i = 0; i < rels.size(); ++i) {
      if (rels[i].type != RelationType::kLocatedIn) continue;
      const auto wide = division_of.find(rels[i].tail);
      if (wide == division_of.end()) continue;
      for (size_t k = 0; k < rels.size() && !drop[i]; ++k) {
        if (k == i || rels[k].type != RelationType::kLocatedIn || rels[k].head != rels[i].head) continue;
        const auto narrow = division_of.find(rels[k].tail);
        if (narrow != division_of.end() && narrow->second != wide->second &&
            g_.Within(narrow->second, wide->second)) {
          drop[i] = true;
        }
      }
    }
    size_t out = 0;
    for (size_t i = 0; i < rels.size(); ++i) {
      if (drop[i]) continue;
      if (out != i) rels[out] = std::move(rels[i]);
      ++out;
    }
    rels.resize(out);
  }

  // Region and non-region mentions in text order, for the stated patterns.
  struct Spot {
    Span span;
    const Entity* entity;
  };

  std::vector<Spot> Spots() const {
    std::vector<Spot> spots;
    for (const Entity& e : ctx_.entities) {
      for (const Span& s : e.mentions) spots.push_back({s, &e});
    }
    std::sort(spots.begin(), spots.end(), [](const Spot& a, const Spot& b) { return a.span < b.span; });
    return spots;
  }

  bool Between(int32_t from, int32_t to, std::u32string_view word) const {
    if (from < 0 || to > static_cast<int32_t>(ctx_.norm.size()) || to - from != static_cast<int32_t>(word.size())) {
      return false;
    }
    return std::u32string_view(ctx_.norm).substr(from, to - from) == word;
  }

  bool GapIs(int32_t from, int32_t to, std::initializer_list<std::u32string_view> words) const {
    for (std::u32string_view w : words) {
      if (Between(from, to, w)) return true;
    }
    return false;
  }

  void LocateStated() {
    const std::vector<Spot> spots = Spots();
    for (size_t i = 0; i < spots.size(); ++i) {
      const Spot& a = spots[i];
      const bool a_region = a.entity->type == EntityType::kRegion;
      if (a_region || a.entity->type == EntityType::kDocument || a.entity->type == EntityType::kProgram) continue;
      // E位于X / E落户X / E坐落于X.
      for (size_t j = i + 1; j < spots.size() && spots[j].span.start <= a.span.end + 4; ++j) {
        const Spot& b = spots[j];
        if (b.entity->type != EntityType::kRegion) continue;
        if (GapIs(a.span.end, b.span.start, {U"位于", U"落户", U"落地", U"地处", U"坐落于", U"坐落在", U"落户在", U"落户于", U"设在"})) {
          const int sentence = ctx_.SentenceAt(a.span.start);
          Add(*a.entity, *b.entity, sentence >= 0 ? ctx_.sentences[sentence] : a.span, a.span.start);
        }
      }
    }
    // 在X设立/建设/落地 E, and X、Y等区域…建设 E (same sentence).
    for (size_t i = 0; i < spots.size(); ++i) {
      const Spot& x = spots[i];
      if (x.entity->type != EntityType::kRegion) continue;
      const int sentence = ctx_.SentenceAt(x.span.start);
      const bool after_zai = x.span.start > 0 && ctx_.norm[x.span.start - 1] == U'在';
      int32_t list_end = -1;
      const bool listed = ListedAreaBefore(spots, i, &list_end);
      if (!after_zai && !listed) continue;
      // 越城区东湖: the county only qualifies the town that follows it.
      if (i + 1 < spots.size() && spots[i + 1].span.start == x.span.end &&
          spots[i + 1].entity->type == EntityType::kRegion) {
        continue;
      }
      const int32_t from = listed ? list_end : x.span.end;
      for (size_t j = i + 1; j < spots.size(); ++j) {
        const Spot& e = spots[j];
        if (ctx_.SentenceAt(e.span.start) != sentence) break;
        if (e.entity->type == EntityType::kRegion) continue;
        if (e.entity->type != EntityType::kPlatform && e.entity->type != EntityType::kInstitute &&
            e.entity->type != EntityType::kEnterprise) {
          continue;
        }
        if (e.span.start < from) continue;
        const std::u32string_view gap = std::u32string_view(ctx_.norm).substr(from, e.span.start - from);
        if (gap.size() > 12 || gap.find_first_of(U"。;；") != std::u32string_view::npos) break;
        const bool builds = gap.find(U"建设") != std::u32string_view::npos || gap.find(U"设立") != std::u32string_view::npos ||
                            gap.find(U"打造") != std::u32string_view::npos || gap.find(U"落地") != std::u32string_view::npos ||
                            gap.find(U"成立") != std::u32string_view::npos || gap.find(U"建成") != std::u32string_view::npos;
        if (!builds) continue;
        if (after_zai && gap.find_first_of(U",，") != std::u32string_view::npos) break;
        const Span sp = sentence >= 0 ? ctx_.sentences[sentence] : e.span;
        Add(*e.entity, *x.entity, sp, e.span.start);
        break;
      }
    }
  }

  // True when region spot i is one of a list closed by 等区域/等地 (联动甲区、
  // 乙镇等区域, 谋划建设 …).
  bool ListedAreaBefore(const std::vector<Spot>& spots, size_t i, int32_t* list_end) const {
    size_t k = i;
    while (k + 1 < spots.size() && spots[k + 1].entity->type == EntityType::kRegion &&
           spots[k + 1].span.start - spots[k].span.end <= 1) {
      ++k;
    }
    const int32_t end = spots[k].span.end;
    const std::u32string_view rest = std::u32string_view(ctx_.norm).substr(end, 4);
    for (std::u32string_view closing : {U"等区域", U"等地区", U"等地"}) {
      if (rest.substr(0, closing.size()) == closing) {
        *list_end = end + static_cast<int32_t>(closing.size());
        return true;
      }
    }
    return false;
  }

  DocumentContext& ctx_;
  const Gazetteer& g_;
  std::map<int, const Entity*> regions_;
  int own_ = -1;
  std::set<std::pair<std::string, std::string>> seen_;
};

}  // namespace

void FindLocatedIn(DocumentContext& ctx) { Locator(ctx).Run(); }

}  // namespace policykg
