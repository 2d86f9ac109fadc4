// Entity building: merges ctx.mentions into one entity per distinct entity
// of the document. Mentions inside a longer mention of another entity are
// dropped (浙江 in 浙江大学 is no Region mention), except parents named
// inside a longer name (天津大学 in 天津大学浙江绍兴研究院). Mentions with the
// same name key merge; short forms join their long form by abbreviation
// (浙大 -> 浙江大学) or as the bare tail of the one longer name (高新区).
// The canonical name is the fullest form; aliases are the other forms as
// written. Output order follows the first mention, so it is deterministic.
#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "extract/lexicon.h"
#include "extract/names.h"
#include "extract/passes.h"

namespace policykg {
namespace {

bool IsRule(const Mention& m, const char* rule) { return std::strcmp(m.rule, rule) == 0; }

bool Contains(const Span& outer, const Span& inner) {
  return outer.start <= inner.start && inner.end <= outer.end && (outer.end - outer.start) > (inner.end - inner.start);
}

// Removes mentions covered by a longer mention of something else, and the
// shorter of two partly overlapping mentions. Returns the kept ones, by
// start and longest first, as pointers into `all` (a document has
// thousands of mentions; copying their strings was a large part of this pass).
std::vector<const Mention*> ResolveOverlaps(const std::vector<Mention>& all) {
  std::vector<const Mention*> mentions;
  mentions.reserve(all.size());
  for (const Mention& m : all) mentions.push_back(&m);
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention* a, const Mention* b) {
    if (a->span.start != b->span.start) return a->span.start < b->span.start;
    return (a->span.end - a->span.start) > (b->span.end - b->span.start);
  });
  std::vector<bool> drop(mentions.size(), false);
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (drop[i]) continue;
    const Mention& a = *mentions[i];
    if (a.span.start == a.span.end) continue;  // the annotated document: no text span
    for (size_t j = i + 1; j < mentions.size() && mentions[j]->span.start < a.span.end; ++j) {
      if (drop[j]) continue;
      const Mention& b = *mentions[j];
      if (b.span.start == b.span.end) continue;
      if (a.span == b.span) {
        // One span, two readings: a 《》 title wins, else the first found.
        if (a.type != b.type) {
          if (b.type == EntityType::kDocument && a.type != EntityType::kDocument) {
            drop[i] = true;
            break;
          }
          drop[j] = true;
        }
        continue;
      }
      if (Contains(a.span, b.span)) {
        if (IsRule(b, kRuleParent) && b.type == a.type) continue;
        // Bodies named inside a programme or document name stay entities of
        // their own (a university in a campaign's name; 姚创贷 in its rules).
        const bool in_programme = a.type == EntityType::kProgram &&
                                  (b.type == EntityType::kInstitute || b.type == EntityType::kEnterprise);
        const bool agency_in_document = a.type == EntityType::kDocument && b.type == EntityType::kAgency;
        if (in_programme || agency_in_document) continue;
        if (b.type == EntityType::kProgram && a.type == EntityType::kDocument) continue;
        if (b.type == a.type && b.canonical == a.canonical) continue;  // a short form of the same name
        drop[j] = true;
      } else if (!drop[i]) {
        // Partial overlap: the longer wins.
        if ((b.span.end - b.span.start) > (a.span.end - a.span.start)) {
          drop[i] = true;
          break;
        }
        drop[j] = true;
      }
    }
  }
  std::vector<const Mention*> kept;
  kept.reserve(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (!drop[i]) kept.push_back(mentions[i]);
  }
  return kept;
}

struct Group {
  EntityType type;
  std::u32string key;
  std::vector<const Mention*> mentions;
  bool bare_only = true;
  int merged_into = -1;
};

// The canonical name of an entity: the longest canonical form of its
// mentions that is not a bare class word.
std::u32string_view BestName(const std::vector<const Mention*>& mentions) {
  std::u32string_view best;
  for (const Mention* m : mentions) {
    if (IsRule(*m, kRuleBare)) continue;
    if (m->canonical.size() > best.size()) best = m->canonical;
  }
  if (best.empty() && !mentions.empty()) best = mentions.front()->canonical;
  return best;
}

int Root(std::vector<Group>& groups, int i) {
  while (groups[i].merged_into >= 0) i = groups[i].merged_into;
  return i;
}

}  // namespace

void BuildEntities(DocumentContext& ctx) {
  const std::vector<const Mention*> mentions = ResolveOverlaps(ctx.mentions);

  // Group by (type, name key).
  std::vector<Group> groups;
  std::map<std::pair<int, std::u32string>, int> index;
  for (const Mention* mp : mentions) {
    const Mention& m = *mp;
    const std::u32string key = NameKey(m.type, m.canonical);
    if (key.empty()) continue;
    const auto k = std::make_pair(static_cast<int>(m.type), key);
    auto it = index.find(k);
    if (it == index.end()) {
      it = index.emplace(k, static_cast<int>(groups.size())).first;
      groups.push_back({m.type, key, {}, true, -1});
    }
    Group& g = groups[it->second];
    g.mentions.push_back(&m);
    if (!IsRule(m, kRuleBare)) g.bare_only = false;
  }

  // Short forms join their long form: abbreviations (浙大 -> 浙江大学) and
  // region-less agency names (政府办公室 -> 柯城区政府办公室).
  // Candidate long forms share the type and the first character (an
  // abbreviation) or the last character (a name with a region in front, a
  // bare tail); indexing by them keeps this linear on long documents.
  std::map<std::pair<int, char32_t>, std::vector<size_t>> by_first, by_last;
  for (size_t j = 0; j < groups.size(); ++j) {
    if (groups[j].bare_only) continue;
    by_first[{static_cast<int>(groups[j].type), groups[j].key.front()}].push_back(j);
    by_last[{static_cast<int>(groups[j].type), groups[j].key.back()}].push_back(j);
  }
  static const std::vector<size_t> kNone;
  auto bucket = [](const auto& index, int type, char32_t c) -> const std::vector<size_t>& {
    const auto it = index.find({type, c});
    return it == index.end() ? kNone : it->second;
  };
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].bare_only) continue;
    int target = -1;
    int candidates = 0;
    std::vector<size_t> pool = bucket(by_first, static_cast<int>(groups[i].type), groups[i].key.front());
    if (groups[i].type == EntityType::kAgency) {
      const auto& more = bucket(by_last, static_cast<int>(groups[i].type), groups[i].key.back());
      pool.insert(pool.end(), more.begin(), more.end());
      std::sort(pool.begin(), pool.end());
      pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
    }
    for (size_t j : pool) {
      if (i == j || groups[j].type != groups[i].type || groups[j].bare_only) continue;
      const std::u32string& s = groups[i].key;
      const std::u32string& l = groups[j].key;
      bool joins = IsAbbreviationOf(s, l);
      if (!joins && groups[i].type == EntityType::kAgency && l.size() > s.size() && EndsAt(l, l.size(), s)) {
        joins = RegionChainLength(l.substr(0, l.size() - s.size()) + U"XX") == l.size() - s.size();
      }
      if (joins) {
        target = static_cast<int>(j);
        ++candidates;
      }
    }
    if (candidates == 1) groups[i].merged_into = target;
  }
  // Bare class-like forms (高新区) join the one longer name ending with them.
  for (size_t i = 0; i < groups.size(); ++i) {
    if (!groups[i].bare_only) continue;
    std::set<int> targets;
    for (size_t j : bucket(by_last, static_cast<int>(groups[i].type), groups[i].key.back())) {
      if (i == j || groups[j].type != groups[i].type || groups[j].bare_only) continue;
      const std::u32string& l = groups[j].key;
      if (l.size() > groups[i].key.size() && EndsAt(l, l.size(), groups[i].key)) targets.insert(Root(groups, j));
    }
    if (targets.size() == 1) groups[i].merged_into = *targets.begin();
  }

  // Collect each root's mentions.
  std::vector<std::vector<const Mention*>> members(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].bare_only && groups[i].merged_into < 0) continue;  // an unattached class word
    const int r = Root(groups, static_cast<int>(i));
    members[r].insert(members[r].end(), groups[i].mentions.begin(), groups[i].mentions.end());
  }

  struct Built {
    int32_t first;
    Entity entity;
  };
  std::vector<Built> built;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (members[i].empty() || groups[i].merged_into >= 0) continue;
    const std::u32string_view name = BestName(members[i]);
    Entity e;
    e.type = groups[i].type;
    e.name = U32ToUtf8(name);
    // Most mentions repeat a form already seen: compare the code points
    // first and convert only new forms (the UTF-8 set keeps the result
    // exactly what comparing converted forms gives).
    std::set<std::u32string_view> seen_forms{name};
    std::set<std::string> seen{e.name};
    int32_t first = INT32_MAX;
    for (const Mention* m : members[i]) {
      for (const std::u32string* form : {&m->surface, &m->canonical}) {
        if (form->empty() || !seen_forms.insert(*form).second) continue;
        std::string f = U32ToUtf8(*form);
        if (seen.insert(f).second) e.aliases.push_back(std::move(f));
      }
      if (m->span.end > m->span.start) e.mentions.push_back(m->span);
      first = std::min(first, m->span.start);
    }
    std::sort(e.mentions.begin(), e.mentions.end());
    e.mentions.erase(std::unique(e.mentions.begin(), e.mentions.end()), e.mentions.end());
    built.push_back({first, std::move(e)});
  }
  std::stable_sort(built.begin(), built.end(), [](const Built& a, const Built& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.entity.type != b.entity.type) return a.entity.type < b.entity.type;
    return a.entity.name < b.entity.name;
  });
  for (Built& b : built) ctx.entities.push_back(std::move(b.entity));
}

}  // namespace policykg
