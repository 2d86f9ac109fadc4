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
#include <functional>
#include <iterator>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
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

// Mentions grouped by (type, name key), groups in order of first mention.
std::vector<Group> GroupByKey(const std::vector<const Mention*>& mentions) {
  struct KeyHash {
    size_t operator()(const std::pair<int, std::u32string>& k) const {
      return std::hash<std::u32string>()(k.second) ^ (static_cast<size_t>(k.first) * 0x9E3779B97F4A7C15ull);
    }
  };
  std::vector<Group> groups;
  std::unordered_map<std::pair<int, std::u32string>, int, KeyHash> index;
  for (const Mention* mp : mentions) {
    const Mention& m = *mp;
    std::u32string key = NameKey(m.type, m.canonical);
    if (key.empty()) continue;
    const auto [it, added] = index.try_emplace({static_cast<int>(m.type), key}, static_cast<int>(groups.size()));
    if (added) groups.push_back({m.type, std::move(key), {}, true, -1});
    Group& g = groups[it->second];
    g.mentions.push_back(&m);
    if (!IsRule(m, kRuleBare)) g.bare_only = false;
  }
  return groups;
}

// Groups (not bare-only) by type and one character of their key, each list
// in increasing group order.
class Buckets {
 public:
  void Add(EntityType type, char32_t c, size_t group) { lists_[Key(type, c)].push_back(group); }
  const std::vector<size_t>& Get(EntityType type, char32_t c) const {
    static const std::vector<size_t> kNone;
    const auto it = lists_.find(Key(type, c));
    return it == lists_.end() ? kNone : it->second;
  }

 private:
  static uint64_t Key(EntityType type, char32_t c) { return (static_cast<uint64_t>(type) << 32) | c; }
  std::unordered_map<uint64_t, std::vector<size_t>> lists_;
};

// Short forms join their long form: abbreviations (浙大 -> 浙江大学) and
// region-less agency names (政府办公室 -> 柯城区政府办公室), when exactly
// one long form qualifies. Candidate long forms share the type and the
// first character (an abbreviation) or the last character (a name with a
// region in front); indexing by them keeps this linear on long documents.
void JoinShortForms(std::vector<Group>& groups, const Buckets& by_first, const Buckets& by_last) {
  std::vector<size_t> pool;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].bare_only) continue;
    const std::vector<size_t>* candidates = &by_first.Get(groups[i].type, groups[i].key.front());
    if (groups[i].type == EntityType::kAgency) {
      // Both lists are sorted: their union is the sorted list without repeats.
      const std::vector<size_t>& more = by_last.Get(groups[i].type, groups[i].key.back());
      pool.clear();
      std::set_union(candidates->begin(), candidates->end(), more.begin(), more.end(), std::back_inserter(pool));
      candidates = &pool;
    }
    int target = -1;
    int count = 0;
    for (size_t j : *candidates) {
      if (i == j || groups[j].type != groups[i].type || groups[j].bare_only) continue;
      const std::u32string& s = groups[i].key;
      const std::u32string& l = groups[j].key;
      bool joins = IsAbbreviationOf(s, l);
      if (!joins && groups[i].type == EntityType::kAgency && l.size() > s.size() && EndsAt(l, l.size(), s)) {
        joins = RegionChainLength(l.substr(0, l.size() - s.size()) + U"XX") == l.size() - s.size();
      }
      if (joins) {
        target = static_cast<int>(j);
        ++count;
      }
    }
    if (count == 1) groups[i].merged_into = target;
  }
}

// Bare class-like forms (高新区) join the one longer name ending with them.
void JoinBareForms(std::vector<Group>& groups, const Buckets& by_last) {
  for (size_t i = 0; i < groups.size(); ++i) {
    if (!groups[i].bare_only) continue;
    std::set<int> targets;
    for (size_t j : by_last.Get(groups[i].type, groups[i].key.back())) {
      if (i == j || groups[j].type != groups[i].type || groups[j].bare_only) continue;
      const std::u32string& l = groups[j].key;
      if (l.size() > groups[i].key.size() && EndsAt(l, l.size(), groups[i].key)) targets.insert(Root(groups, j));
    }
    if (targets.size() == 1) groups[i].merged_into = *targets.begin();
  }
}

// The entity of a root group with all the mentions merged into it; *first
// receives the start of its first mention.
Entity MakeEntity(EntityType type, const std::vector<const Mention*>& members, int32_t* first) {
  const std::u32string_view name = BestName(members);
  Entity e;
  e.type = type;
  e.name = U32ToUtf8(name);
  // Most mentions repeat a form already seen: compare the code points
  // first and convert only new forms; comparing the converted forms too
  // keeps the result exactly what comparing UTF-8 alone gives. The lists
  // are short (a few forms per entity), so a linear search beats a set.
  std::vector<std::u32string_view> seen_forms{name};
  *first = INT32_MAX;
  for (const Mention* m : members) {
    for (const std::u32string* form : {&m->surface, &m->canonical}) {
      if (form->empty() ||
          std::find(seen_forms.begin(), seen_forms.end(), std::u32string_view(*form)) != seen_forms.end()) {
        continue;
      }
      seen_forms.push_back(*form);
      std::string f = U32ToUtf8(*form);
      if (f != e.name && std::find(e.aliases.begin(), e.aliases.end(), f) == e.aliases.end()) {
        e.aliases.push_back(std::move(f));
      }
    }
    if (m->span.end > m->span.start) e.mentions.push_back(m->span);
    *first = std::min(*first, m->span.start);
  }
  std::sort(e.mentions.begin(), e.mentions.end());
  e.mentions.erase(std::unique(e.mentions.begin(), e.mentions.end()), e.mentions.end());
  return e;
}

}  // namespace

void BuildEntities(DocumentContext& ctx) {
  const std::vector<const Mention*> mentions = ResolveOverlaps(ctx.mentions);
  std::vector<Group> groups = GroupByKey(mentions);

  Buckets by_first, by_last;
  for (size_t j = 0; j < groups.size(); ++j) {
    if (groups[j].bare_only) continue;
    by_first.Add(groups[j].type, groups[j].key.front(), j);
    by_last.Add(groups[j].type, groups[j].key.back(), j);
  }
  JoinShortForms(groups, by_first, by_last);
  JoinBareForms(groups, by_last);

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
    Built b;
    b.entity = MakeEntity(groups[i].type, members[i], &b.first);
    built.push_back(std::move(b));
  }
  // Ordered by first mention (then type and name): sorting pointers moves
  // no entity.
  std::vector<Built*> order;
  order.reserve(built.size());
  for (Built& b : built) order.push_back(&b);
  std::stable_sort(order.begin(), order.end(), [](const Built* a, const Built* b) {
    if (a->first != b->first) return a->first < b->first;
    if (a->entity.type != b->entity.type) return a->entity.type < b->entity.type;
    return a->entity.name < b->entity.name;
  });
  ctx.entities.reserve(ctx.entities.size() + order.size());
  for (Built* b : order) ctx.entities.push_back(std::move(b->entity));
}

}  // namespace policykg
