// Relations between the organisations, programmes, platforms and documents
// of one document (LOCATED_IN is located_in.cc's):
//   PART_OF          a branch named after its parent (X大学Y研究院 -> X大学,
//                    浙大衢州两院 -> 浙江大学 via the abbreviation), a sub-office
//                    (柯城区政府办公室 -> 柯城区政府), and platforms listed under
//                    a larger one in the same sentence (建设A，重点建设B、C三大园区).
//   COOPERATES_WITH  与A、B共建/合作/签约; the subject is the entity right before
//                    与, or the document's jurisdiction when the clause has none;
//                    A、B(等…企业)联合C、D.
//   RESPONSIBLE_FOR  A牵头 -> each Program/Platform of its sentence;
//                    (责任单位：A、B) -> each Program/Platform of the task's
//                    paragraph (its own line, or the lines up to its heading
//                    when the marker opens a line); 主办/协办/承办 of a reply
//                    -> the proposal answered.
//   ISSUED           the issuer of the annotated document (and of the document
//                    it 印发s); a proposal's proposer; bodies right before 《…》
//                    with 印发/出台/发布.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "base/utf8.h"
#include "extract/lexicon.h"
#include "extract/names.h"
#include "extract/passes.h"

namespace policykg {
namespace {

struct Placed {
  Span span;
  int entity;
};

// Markers that name the units responsible for a task (责任单位: A、B).
constexpr std::u32string_view kResponsibilityMarkers[] = {U"责任单位", U"牵头单位", U"责任部门", U"配合单位"};

bool HasResponsibilityMarker(std::u32string_view text) {
  for (std::u32string_view m : kResponsibilityMarkers) {
    if (text.find(m) != std::u32string_view::npos) return true;
  }
  return false;
}

bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\r'; }

bool IsBlank(std::u32string_view line) { return std::all_of(line.begin(), line.end(), IsSpace); }

// A task's numbered heading: 一、 (一) 1. 1、 (1) at the start of a line.
bool IsNumberedHeading(std::u32string_view line) {
  size_t i = 0;
  while (i < line.size() && IsSpace(line[i])) ++i;
  const bool open = i < line.size() && (line[i] == U'(' || line[i] == U'（');
  if (open) ++i;
  const size_t digits = i;
  while (i < line.size() && (IsNumeral(line[i]) || IsAsciiDigit(line[i]))) ++i;
  if (i == digits || i >= line.size()) return false;
  if (open) return line[i] == U')' || line[i] == U'）';
  return line[i] == U'、' || line[i] == U'.' || line[i] == U'．';
}

// The text of the task that a responsibility marker at `marker` closes. After
// text on its line (…工程。(责任单位:…)) the task is that line; a note in
// parentheses that opens its line closes the paragraph above (a line break
// before the note). A bare marker line (责任单位:…) closes the lines above
// it, back to the task's numbered heading (kept: it often names the
// programme), a blank line or the line of the previous marker.
Span TaskBefore(std::u32string_view s, size_t marker) {
  const Span line = LineAround(s, static_cast<int32_t>(marker));
  std::u32string_view lead = s.substr(line.start, marker - line.start);
  bool note = false;
  while (!lead.empty() && (IsSpace(lead.front()) || lead.front() == U'(' || lead.front() == U'（' ||
                           lead.front() == U'【')) {
    note = note || !IsSpace(lead.front());
    lead.remove_prefix(1);
  }
  if (!lead.empty() || line.start == 0) return {line.start, static_cast<int32_t>(marker)};
  int32_t start = line.start;
  const int max_lines = note ? 1 : 12;
  for (int n = 0; n < max_lines && start > 0; ++n) {
    const Span above = LineAround(s, start - 1);
    const std::u32string_view text = s.substr(above.start, above.end - above.start);
    if (IsBlank(text) || HasResponsibilityMarker(text)) break;
    start = above.start;
    if (IsNumberedHeading(text)) break;
  }
  return {start, static_cast<int32_t>(marker)};
}

class RelationBuilder {
 public:
  explicit RelationBuilder(DocumentContext& ctx) : ctx_(ctx), s_(ctx.norm) {
    for (size_t i = 0; i < ctx.entities.size(); ++i) {
      for (const Span& sp : ctx.entities[i].mentions) placed_.push_back({sp, static_cast<int>(i)});
      names_.push_back(Names(ctx.entities[i]));
      std::vector<std::u32string> keys;
      for (const std::u32string& n : names_.back()) keys.push_back(NameKey(ctx.entities[i].type, n));
      keys_.push_back(std::move(keys));
      const int type = static_cast<int>(ctx.entities[i].type);
      for (const std::u32string& n : names_.back()) {
        if (!n.empty()) by_first_name_[BucketKey(type, n.front())].push_back(static_cast<int>(i));
      }
      for (const std::u32string& k : keys_.back()) {
        if (!k.empty()) by_first_key_[BucketKey(type, k.front())].push_back(static_cast<int>(i));
      }
      if (ctx.entities[i].type == EntityType::kInstitute) AddUniversityStem(static_cast<int>(i));
    }
    std::sort(placed_.begin(), placed_.end(), [](const Placed& a, const Placed& b) { return a.span < b.span; });
  }

  void Run() {
    PartOfByName();
    PartOfPlatformLists();
    Cooperation();
    JointActions();
    ResponsibleUnits();
    LeadingAgencies();
    HostUnits();
    IssuedOwn();
    IssuedByProposer();
    IssuedBeforeTitle();
  }

 private:
  const Entity& E(int i) const { return ctx_.entities[i]; }

  static std::vector<std::u32string> Names(const Entity& e) {
    std::vector<std::u32string> out{Utf8ToU32(e.name)};
    for (const std::string& a : e.aliases) out.push_back(Utf8ToU32(a));
    return out;
  }

  // A run of placed_, iterable in a range-for without copying it.
  struct PlacedRange {
    std::vector<Placed>::const_iterator first, last;
    std::vector<Placed>::const_iterator begin() const { return first; }
    std::vector<Placed>::const_iterator end() const { return last; }
  };

  // Entities with a mention starting in [b, e), in text order.
  PlacedRange In(int32_t b, int32_t e) const {
    const auto by_start = [](const Placed& p, int32_t v) { return p.span.start < v; };
    const auto first = std::lower_bound(placed_.begin(), placed_.end(), b, by_start);
    const auto last = std::lower_bound(first, placed_.end(), e, by_start);
    return {first, last};
  }

  // A university (X大学) whose stem X may name it inside another institute's
  // name (衢州复旦研究院). Stems that are places (浙江) name no university;
  // the gazetteer is asked once per university, not once per child.
  void AddUniversityStem(int j) {
    const std::u32string& pname = names_[j][0];
    if (!EndsAt(pname, pname.size(), U"大学") || pname.size() < 4) return;
    std::u32string stem = pname.substr(0, pname.size() - 2);
    if (!ctx_.gazetteer.Find(stem).empty()) return;
    university_stems_.push_back({j, std::move(stem)});
  }

  int FindByName(EntityType type, std::u32string_view name) const {
    if (name.empty()) return -1;
    const std::u32string key = NameKey(type, name);
    for (size_t i = 0; i < ctx_.entities.size(); ++i) {
      if (E(i).type != type) continue;
      for (size_t k = 0; k < names_[i].size(); ++k) {
        if (names_[i][k] == name || keys_[i][k] == key) return static_cast<int>(i);
      }
    }
    return -1;
  }

  void Add(RelationType type, int head, int tail, int32_t anchor) {
    if (head < 0 || tail < 0 || head == tail) return;
    const auto key = std::make_tuple(static_cast<int>(type), head, tail);
    if (IsSymmetric(type) && seen_.count(std::make_tuple(static_cast<int>(type), tail, head))) return;
    if (!seen_.insert(key).second) return;
    Relation r;
    r.type = type;
    r.head_type = E(head).type;
    r.head = E(head).name;
    r.tail_type = E(tail).type;
    r.tail = E(tail).name;
    if (anchor >= 0) {
      r.evidence = SentenceAround(ctx_, anchor);
      r.sentence = U32ToUtf8(std::u32string_view(ctx_.text).substr(r.evidence.start, r.evidence.end - r.evidence.start));
    }
    ctx_.relations.push_back(std::move(r));
  }

  // --- PART_OF -------------------------------------------------------------

  // The parent named at the start of a name (by any of its forms), or inside
  // it as the stem of a university (衢州复旦研究院 -> 复旦大学).
  int ParentOf(int child) const {
    const Entity& c = E(child);
    const std::u32string& cname = names_[child][0];
    int best = -1;
    size_t best_len = 0;
    for (int j : Bucket(by_first_name_, c.type, cname.empty() ? 0 : cname.front())) {
      if (j == child || E(j).type != c.type) continue;
      for (const std::u32string& n : names_[j]) {
        if (n.size() < 2 || n.size() >= cname.size() || n.size() <= best_len) continue;
        if (!MatchAt(cname, 0, n)) continue;
        const std::u32string_view rest = std::u32string_view(cname).substr(n.size());
        if (!IsSubUnit(c.type, rest)) continue;
        best = static_cast<int>(j);
        best_len = n.size();
      }
    }
    if (best >= 0 || c.type != EntityType::kInstitute) return best;
    for (const UniversityStem& u : university_stems_) {
      if (u.entity == child) continue;
      const size_t at = cname.find(u.stem);
      if (at != std::u32string::npos && at > 0 && at + u.stem.size() < cname.size()) return u.entity;
    }
    return -1;
  }

  static bool IsSubUnit(EntityType type, std::u32string_view rest) {
    if (rest.size() < 2) return false;
    if (type == EntityType::kInstitute) {
      if (rest.front() == U'(' && rest.back() == U')') return true;  // a campus: 甲大学(深圳)
      static const std::u32string_view kEnds[] = {U"研究院", U"研究生院", U"分院", U"两院", U"研究所", U"研究中心", U"实验室", U"学院", U"中心"};
      for (auto e : kEnds) {
        if (EndsAt(rest, rest.size(), e)) return true;
      }
      return false;
    }
    if (type == EntityType::kAgency) {
      static const std::u32string_view kEnds[] = {U"办公室", U"委员会", U"工委", U"部", U"办", U"领导小组"};
      for (auto e : kEnds) {
        if (EndsAt(rest, rest.size(), e)) return true;
      }
    }
    return false;
  }

  void PartOfByName() {
    for (size_t i = 0; i < ctx_.entities.size(); ++i) {
      const EntityType t = E(i).type;
      if (t != EntityType::kInstitute && t != EntityType::kAgency) continue;
      int parent = ParentOf(static_cast<int>(i));
      if (parent < 0 && t == EntityType::kAgency) parent = AgencyParentByKey(static_cast<int>(i));
      const int32_t anchor = E(i).mentions.empty() ? -1 : E(i).mentions.front().start;
      Add(RelationType::kPartOf, static_cast<int>(i), parent, anchor);
    }
  }

  // 衢州市柯城区人民政府办公室 -> 柯城区人民政府 by their name keys.
  int AgencyParentByKey(int child) const {
    const std::u32string& ck = keys_[child][0];
    if (ck.empty()) return -1;
    for (int j : Bucket(by_first_key_, EntityType::kAgency, ck.front())) {
      if (j == child || E(j).type != EntityType::kAgency) continue;
      for (const std::u32string& pk : keys_[j]) {
        if (pk.size() < 3 || pk.size() >= ck.size() || !MatchAt(ck, 0, pk)) continue;
        if (IsSubUnit(EntityType::kAgency, std::u32string_view(ck).substr(pk.size()))) return static_cast<int>(j);
      }
    }
    return -1;
  }

  // 高水平建设甲科技城，重点建设乙、丙、丁三大园区: the listed platforms lie in
  // the platform named before them in the same sentence.
  void PartOfPlatformLists() {
    std::vector<Placed> platforms;
    for (const Placed& p : placed_) {
      if (E(p.entity).type == EntityType::kPlatform) platforms.push_back(p);
    }
    size_t i = 0;
    while (i < platforms.size()) {
      // A run of items separated by one 、/和/及.
      size_t j = i;
      while (j + 1 < platforms.size() && platforms[j + 1].span.start == platforms[j].span.end + 1 &&
             std::u32string_view(U"、和及").find(s_[platforms[j].span.end]) != std::u32string_view::npos) {
        ++j;
      }
      if (j > i && ClosesList(platforms[j].span.end)) {
        const Span sentence = SentenceAround(ctx_, platforms[i].span.start);
        for (size_t k = i; k-- > 0;) {
          if (platforms[k].span.start < sentence.start) break;
          if (platforms[k].span.end > platforms[i].span.start) continue;
          for (size_t m = i; m <= j; ++m) {
            Add(RelationType::kPartOf, platforms[m].entity, platforms[k].entity, platforms[m].span.start);
          }
          break;
        }
      }
      i = j + 1;
    }
  }

  // 三大园区, 等创新平台, 三大科技城 right after a list.
  bool ClosesList(int32_t pos) const {
    int count = 0;
    size_t p = static_cast<size_t>(pos);
    if (p < s_.size() && s_[p] == U'等') ++p, count = -1;
    if (p + 1 < s_.size() && IsNumeral(s_[p]) && std::u32string_view(U"大家个").find(s_[p + 1]) != std::u32string_view::npos) {
      p += 2;
      count = 1;
    }
    if (count == 0) return false;
    static const std::u32string_view kNouns[] = {U"园区", U"平台", U"科技城", U"创新平台", U"载体"};
    for (size_t k = p; k < s_.size() && k < p + 4; ++k) {
      for (auto n : kNouns) {
        if (MatchAt(s_, k, n)) return true;
      }
    }
    return false;
  }

  // --- COOPERATES_WITH -------------------------------------------------------

  int JurisdictionEntity() {
    if (jurisdiction_ == -2) jurisdiction_ = FindByName(EntityType::kRegion, Utf8ToU32(ctx_.info.jurisdiction));
    return jurisdiction_;
  }

  void Cooperation() {
    static const std::u32string_view kVerbs[] = {U"共建", U"合作", U"签约", U"联合", U"签署", U"共同"};
    for (size_t i = 0; i < s_.size(); ++i) {
      if (s_[i] != U'与' && s_[i] != U'同') continue;
      if (s_[i] == U'同' && i + 1 < s_.size() && s_[i + 1] == U'时') continue;
      size_t p = i + 1;
      const std::vector<int> parties = PartiesAt(&p);
      if (parties.empty()) continue;
      // A cooperation verb soon after the list, in the same clause.
      bool verb = false;
      for (size_t k = p; k < s_.size() && k < p + 10 && !IsBreak(s_[k]); ++k) {
        for (auto v : kVerbs) verb = verb || MatchAt(s_, k, v);
      }
      if (!verb) continue;
      // The subjects: entities ending right at 与 (or at 分别与), joined like
      // the parties; else the jurisdiction when the clause starts at 与 or
      // after a verb.
      const bool respectively = i >= 2 && EndsAt(s_, i, U"分别");
      std::vector<int> subjects = SubjectsEndingAt(respectively ? i - 2 : i);
      if (subjects.empty()) {
        const bool clause_start = i == 0 || IsBreak(s_[i - 1]) || StopWordEndingAt(s_, i) > 0;
        if (!clause_start) continue;
        subjects.push_back(JurisdictionEntity());
      }
      Cooperate(subjects, parties, respectively, /*offices_too=*/true, static_cast<int32_t>(i));
    }
  }

  // Each subject with each party, or pairwise for 甲、乙分别与丙、丁 (甲 with
  // 丙, 乙 with 丁). Without `offices_too`, two agencies acting together
  // (区科技局联合区经信局) are no partnership.
  void Cooperate(const std::vector<int>& subjects, const std::vector<int>& parties, bool respectively,
                 bool offices_too, int32_t anchor) {
    const bool pairwise = respectively && subjects.size() == parties.size() && subjects.size() > 1;
    for (size_t k = 0; k < subjects.size(); ++k) {
      for (size_t j = pairwise ? k : 0; j < (pairwise ? k + 1 : parties.size()); ++j) {
        const bool offices = E(subjects[k]).type == EntityType::kAgency && E(parties[j]).type == EntityType::kAgency;
        if (offices && !offices_too) continue;
        Add(RelationType::kCooperatesWith, subjects[k], parties[j], anchor);
      }
    }
  }

  // The parties of a cooperation: the bodies (no region, programme or
  // document) of a list A、B和C starting at *p, in text order; *p moves past
  // the list.
  std::vector<int> PartiesAt(size_t* p) const {
    std::vector<int> parties;
    for (;;) {
      const Placed* m = nullptr;
      for (const Placed& x : In(static_cast<int32_t>(*p), static_cast<int32_t>(*p + 1))) {
        const EntityType t = E(x.entity).type;
        if (x.span.start == static_cast<int32_t>(*p) && t != EntityType::kRegion && t != EntityType::kProgram &&
            t != EntityType::kDocument && (!m || x.span.end > m->span.end)) {
          m = &x;
        }
      }
      if (!m) break;
      parties.push_back(m->entity);
      *p = static_cast<size_t>(m->span.end);
      if (*p < s_.size() && (s_[*p] == U'、' || s_[*p] == U'和' || s_[*p] == U'及')) {
        ++*p;
        continue;
      }
      if (MatchAt(s_, *p, U"以及")) {
        *p += 2;
        continue;
      }
      break;
    }
    return parties;
  }

  // 支持甲公司、乙公司等链主企业联合丙大学、丁大学开展攻关: the bodies before
  // 联合 (directly, or closed by 等 and a class noun) cooperate with each body
  // listed after it.
  void JointActions() {
    for (size_t i = 1; i + 2 < s_.size(); ++i) {
      if (s_[i] != U'联' || s_[i + 1] != U'合') continue;
      size_t p = i + 2;
      const std::vector<int> parties = PartiesAt(&p);
      if (parties.empty()) continue;
      std::vector<int> subjects = SubjectsEndingAt(i);
      for (size_t k = i; subjects.empty() && k > 0 && i - k < 10 && IsHan(s_[k - 1]); --k) {
        if (s_[k - 1] == U'等') subjects = SubjectsEndingAt(k - 1);
      }
      Cooperate(subjects, parties, /*respectively=*/false, /*offices_too=*/false, static_cast<int32_t>(i));
    }
  }

  // The entities (no programme) of a list A、B和C that ends exactly at `end`,
  // in text order; the longest reading of each item.
  std::vector<int> SubjectsEndingAt(size_t end) const {
    std::vector<int> subjects;
    int32_t e = static_cast<int32_t>(end);
    for (;;) {
      const Placed* m = nullptr;
      for (const Placed& x : In(e - 24, e)) {
        if (x.span.end == e && E(x.entity).type != EntityType::kProgram && (!m || x.span.start < m->span.start)) {
          m = &x;
        }
      }
      if (m == nullptr) break;
      subjects.insert(subjects.begin(), m->entity);
      const int32_t b = m->span.start;
      if (b == 0 || (s_[b - 1] != U'、' && s_[b - 1] != U'和' && s_[b - 1] != U'及')) break;
      e = b - 1;
    }
    return subjects;
  }

  // --- RESPONSIBLE_FOR --------------------------------------------------------

  static bool CanBeResponsible(EntityType t) {
    return t == EntityType::kAgency || t == EntityType::kInstitute || t == EntityType::kPlatform ||
           t == EntityType::kEnterprise;
  }

  void ResponsibleUnits() {
    for (size_t i = 0; i < s_.size(); ++i) {
      if (s_[i] != U'责' && s_[i] != U'牵' && s_[i] != U'配') continue;
      size_t after = 0;
      for (auto m : kResponsibilityMarkers) {
        if (MatchAt(s_, i, m)) after = i + m.size();
      }
      if (after == 0 || after >= s_.size() || (s_[after] != U':' && s_[after] != U'：')) continue;
      // (责任单位:A、B) ends at its parenthesis; a marker line runs to its end,
      // notes such as A(牵头) included.
      const bool in_parens = i > 0 && (s_[i - 1] == U'(' || s_[i - 1] == U'（');
      size_t end = after + 1;
      while (end < s_.size() && s_[end] != U'\n' && s_[end] != U'。' &&
             !(in_parens && (s_[end] == U')' || s_[end] == U'）'))) {
        ++end;
      }
      std::vector<int> heads;
      for (const Placed& x : In(static_cast<int32_t>(after), static_cast<int32_t>(end))) {
        if (CanBeResponsible(E(x.entity).type)) heads.push_back(x.entity);
      }
      const Span task = TaskBefore(s_, i);
      for (const Placed& x : In(task.start, task.end)) {
        const EntityType t = E(x.entity).type;
        if (t != EntityType::kProgram && t != EntityType::kPlatform) continue;
        if (std::find(heads.begin(), heads.end(), x.entity) != heads.end()) continue;
        for (int h : heads) Add(RelationType::kResponsibleFor, h, x.entity, static_cast<int32_t>(i));
      }
    }
  }

  // 市科技局牵头,市财政局配合,设立…基金: an agency named right before 牵头 is
  // responsible for the programmes and platforms from the start of its
  // clause to the end of its sentence.
  void LeadingAgencies() {
    for (size_t i = 1; i + 1 < s_.size(); ++i) {
      if (s_[i] != U'牵' || s_[i + 1] != U'头') continue;
      const Placed* lead = nullptr;
      for (const Placed& x : In(static_cast<int32_t>(i) - 24, static_cast<int32_t>(i))) {
        if (x.span.end == static_cast<int32_t>(i) && E(x.entity).type == EntityType::kAgency) lead = &x;
      }
      if (lead == nullptr) continue;
      const Span sentence = SentenceAround(ctx_, static_cast<int32_t>(i));
      int32_t clause = lead->span.start;
      while (clause > sentence.start && std::u32string_view(U",，;；").find(s_[clause - 1]) == std::u32string_view::npos) {
        --clause;
      }
      for (const Placed& x : In(clause, sentence.end)) {
        const EntityType t = E(x.entity).type;
        if (t == EntityType::kProgram || t == EntityType::kPlatform) {
          Add(RelationType::kResponsibleFor, lead->entity, x.entity, static_cast<int32_t>(i));
        }
      }
    }
  }

  // The proposal a reply answers: the first 关于…的建议/提案 document, else
  // the annotated document itself.
  int AnsweredDocument() const {
    int best = -1;
    int32_t best_pos = INT32_MAX;
    for (size_t i = 0; i < ctx_.entities.size(); ++i) {
      const Entity& e = E(i);
      if (e.type != EntityType::kDocument) continue;
      const std::u32string& n = names_[i][0];
      const bool proposal = EndsAt(n, n.size(), U"建议") || EndsAt(n, n.size(), U"提案") || EndsAt(n, n.size(), U"议案");
      if (!proposal) continue;
      const int32_t pos = e.mentions.empty() ? 0 : e.mentions.front().start;
      if (pos < best_pos) {
        best = static_cast<int>(i);
        best_pos = pos;
      }
    }
    return best >= 0 ? best : OwnDocument();
  }

  int OwnDocument() const {
    const std::u32string title = Utf8ToU32(ctx_.info.title);
    const std::u32string number = Utf8ToU32(ctx_.info.number);
    const int t = FindByName(EntityType::kDocument, title);
    return t >= 0 ? t : FindByName(EntityType::kDocument, number);
  }

  void HostUnits() {
    static const std::u32string_view kMarkers[] = {U"主办", U"协办", U"承办", U"会办"};
    int doc = -2;  // the answered document, looked up at the first marker
    for (size_t i = 0; i < s_.size(); ++i) {
      if (s_[i] != U'主' && s_[i] != U'协' && s_[i] != U'承' && s_[i] != U'会') continue;
      size_t after = 0;
      for (auto m : kMarkers) {
        if (MatchAt(s_, i, m)) after = i + m.size();
      }
      if (after == 0) continue;
      if (MatchAt(s_, after, U"单位")) after += 2;
      if (after >= s_.size() || (s_[after] != U':' && s_[after] != U'：')) continue;
      size_t b = after + 1;
      while (b < s_.size() && (s_[b] == U' ' || s_[b] == U'|' || s_[b] == U'\t')) ++b;
      size_t end = b;
      while (end < s_.size() && s_[end] != U'|' && s_[end] != U'\n' && s_[end] != U'。' && s_[end] != U':') ++end;
      if (doc == -2) doc = AnsweredDocument();
      for (const Placed& x : In(static_cast<int32_t>(b), static_cast<int32_t>(end))) {
        if (CanBeResponsible(E(x.entity).type)) Add(RelationType::kResponsibleFor, x.entity, doc, static_cast<int32_t>(i));
      }
    }
  }

  // --- ISSUED ------------------------------------------------------------------

  void IssuedOwn() {
    const int doc = OwnDocument();
    int issuer = FindByName(EntityType::kAgency, Utf8ToU32(ctx_.info.issuer));
    if (issuer < 0) issuer = FindByName(EntityType::kInstitute, Utf8ToU32(ctx_.info.issuer));
    if (doc < 0 || issuer < 0) return;
    const int32_t anchor = E(doc).mentions.empty() ? -1 : E(doc).mentions.front().start;
    Add(RelationType::kIssued, issuer, doc, anchor);
    // 关于印发《X》的通知: the issuer of the notice issued X too.
    const std::u32string title = Utf8ToU32(ctx_.info.title);
    const size_t open = title.find(U"印发《");
    const size_t close = title.rfind(U'》');
    if (open != std::u32string::npos && close != std::u32string::npos && close > open + 3) {
      const int inner = FindByName(EntityType::kDocument, std::u32string_view(title).substr(open + 3, close - open - 3));
      Add(RelationType::kIssued, issuer, inner, anchor);
    }
  }

  // A reply's salutation (X：) or a 提出者 field names the proposer.
  void IssuedByProposer() {
    const int doc = AnsweredDocument();
    if (doc < 0) return;
    for (const Placed& x : placed_) {
      const EntityType t = E(x.entity).type;
      if (t != EntityType::kAgency) continue;
      const size_t e = static_cast<size_t>(x.span.end);
      const size_t b = static_cast<size_t>(x.span.start);
      const bool salutation = e < s_.size() && (s_[e] == U':' || s_[e] == U'：') &&
                              (b == 0 || s_[b - 1] == U'\n' || s_[b - 1] == U' ' || s_[b - 1] == U'|');
      bool proposer_field = false;
      for (size_t k = b; k > 0 && b - k < 8; --k) {
        if (EndsAt(s_, k, U"提出者:") || EndsAt(s_, k, U"提出者：") || EndsAt(s_, k, U"提案人:")) proposer_field = true;
      }
      if (!salutation && !proposer_field) continue;
      // Not a heading such as 承办单位:; a reply addresses its proposer.
      if (salutation && !LooksLikeReply()) continue;
      Add(RelationType::kIssued, x.entity, doc, x.span.start);
    }
  }

  bool LooksLikeReply() const {
    return s_.find(U"提案") != std::u32string_view::npos || s_.find(U"建议") != std::u32string_view::npos;
  }

  // 市委、市政府印发《X》 / 省委省政府《X》.
  void IssuedBeforeTitle() {
    static const std::u32string_view kVerbs[] = {U"联合印发", U"印发", U"出台", U"发布", U"下发", U""};
    for (size_t i = 0; i < placed_.size(); ++i) {
      const Placed& d = placed_[i];
      if (E(d.entity).type != EntityType::kDocument || d.span.start < 2 || s_[d.span.start - 1] != U'《') continue;
      size_t pos = static_cast<size_t>(d.span.start - 1);
      for (auto v : kVerbs) {
        if (EndsAt(s_, pos, v)) {
          pos -= v.size();
          break;
        }
      }
      // Walk back over agencies joined by nothing, 、 or 和.
      for (;;) {
        int found = -1;
        int32_t start = 0;
        for (const Placed& x : In(static_cast<int32_t>(pos) - 24, static_cast<int32_t>(pos))) {
          if (x.span.end == static_cast<int32_t>(pos) && E(x.entity).type == EntityType::kAgency) {
            found = x.entity;
            start = x.span.start;
          }
        }
        if (found < 0) break;
        Add(RelationType::kIssued, found, d.entity, d.span.start);
        pos = static_cast<size_t>(start);
        if (pos > 0 && (s_[pos - 1] == U'、' || s_[pos - 1] == U'和')) --pos;
      }
    }
  }

  DocumentContext& ctx_;
  std::u32string_view s_;
  std::vector<Placed> placed_;
  std::vector<std::vector<std::u32string>> names_;
  std::vector<std::vector<std::u32string>> keys_;  // NameKey of each of names_
  int jurisdiction_ = -2;                           // -2: not looked up yet
  // Entities by (type, first character) of their names and of their keys,
  // so that parent search stays near-linear on long documents.
  using BucketIndex = std::unordered_map<uint64_t, std::vector<int>>;  // BucketKey -> entities
  BucketIndex by_first_name_, by_first_key_;
  struct UniversityStem {
    int entity;
    std::u32string stem;  // the name without 大学
  };
  std::vector<UniversityStem> university_stems_;  // in entity order

  static uint64_t BucketKey(int type, char32_t c) { return (static_cast<uint64_t>(type) << 32) | c; }
  static const std::vector<int>& Bucket(const BucketIndex& index, EntityType type, char32_t c) {
    static const std::vector<int> kNone;
    const auto it = index.find(BucketKey(static_cast<int>(type), c));
    return it == index.end() ? kNone : it->second;
  }
  std::set<std::tuple<int, int, int>> seen_;
};

}  // namespace

void FindOrgRelations(DocumentContext& ctx) { RelationBuilder(ctx).Run(); }

}  // namespace policykg
