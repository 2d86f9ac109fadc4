// Programmes: quoted ones with their modifier and head noun (科技企业“双倍增”
// 行动, “315”科技创新体系建设工程, “江海贷”), unquoted named ones ending in a
// programme head (…行动计划, …工程, …大赛, …奖, …共同体), shared-suffix lists
// (A、B、C三大工程) and strategies acted on (A、B等国家战略).
#include <string>
#include <vector>

#include "extract/jurisdiction.h"
#include "extract/lexicon.h"
#include "extract/passes.h"

namespace policykg {
namespace {

// Head nouns that make a quoted phrase a programme (after the quote).
const std::u32string_view kProgramHeads[] = {
    U"行动计划", U"专项行动", U"攻坚行动", U"提升方案", U"集群制造", U"对接活动", U"行动", U"工程",
    U"计划", U"活动", U"试点", U"大赛", U"基金", U"贷", U"建设", U"专项", U"项目",
};
// Head nouns that make it a platform instead (“415X”先进制造业集群).
const std::u32string_view kPlatformHeads[] = {U"集群", U"服务平台"};
// Head nouns that make it a document (“某某贷”管理办法).
const std::u32string_view kDocumentHeads[] = {U"管理办法", U"实施办法", U"办法", U"实施细则"};
// A quoted core that ends like this is a programme by itself (“姚江英才计划”).
const std::u32string_view kCoreHeads[] = {U"工程", U"计划", U"行动", U"贷", U"项目", U"活动", U"大赛", U"基金", U"专项"};
// Verbs after which a bare quoted phrase names a programme (实施新一轮“某某”).
const std::u32string_view kProgramVerbs[] = {
    U"实施", U"开展", U"推进", U"深化", U"启动", U"举办", U"组织", U"参加", U"做好", U"结合", U"用好",
    U"组织开展", U"深入实施", U"全面启动", U"推行", U"落实",
};
// Class nouns closing a list of quoted programmes (“甲”、“乙”等活动).
const std::u32string_view kQuotedListClosers[] = {U"活动", U"行动", U"工程", U"计划", U"项目", U"交流平台"};

const std::vector<SuffixRule>& ProgramRules() {
  static const std::vector<SuffixRule> rules = {
      {U"行动计划", 2, 14},
      {U"专项行动", 2, 14, U"计"},
      {U"攻坚行动", 2, 14},
      {U"行动", 4, 14, U"计方者起力"},
      {U"工程", 3, 14, U"师院技建学化项机队部"},
      {U"计划", 3, 14, U"单生经总投书", U"有"},
      {U"试点", 4, 14, U"工示单地"},
      {U"挑战赛", 2, 16},
      {U"现场赛", 2, 24},
      {U"专场赛", 2, 24},
      {U"大赛", 2, 16},
      {U"洽谈会", 2, 14},
      {U"推进会", 2, 16},
      {U"大会", 3, 12, U"堂", U"表"},  // 代表大会 is a body, not an event
      {U"奖", 2, 10, U"励金项补惩状章牌杯学品", U"等获"},
      {U"共同体", 2, 12},
      {U"一体化发展", 2, 8},
      {U"项目", 5, 12, U"库部"},
      {U"引导基金", 2, 14, U"公会"},  // a fund, not 引导基金公司 or a foundation
  };
  return rules;
}

std::u32string Resolve(const DocumentContext& ctx, std::u32string_view name) {
  return ResolveRelativeName(ctx, name);
}

// One quoted group “…” starting at `q`; returns its end (after the closing
// quote) or 0.
size_t QuoteEnd(std::u32string_view s, size_t q) {
  size_t i = q + 1;
  while (i < s.size() && i - q <= 24 && !IsCloseQuote(s[i]) && s[i] != U'\n' && !IsOpenQuote(s[i])) ++i;
  if (i >= s.size() || !IsCloseQuote(s[i]) || i == q + 1) return 0;
  bool has_name = false;
  for (size_t k = q + 1; k < i; ++k) {
    if (s[k] == U'*') return 0;  // masked text
    has_name = has_name || IsNameChar(s[k]);
  }
  return has_name ? i + 1 : 0;
}

bool EndsWithAny(std::u32string_view s, const std::u32string_view* words, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (s.size() >= words[i].size() && EndsAt(s, s.size(), words[i])) return true;
  }
  return false;
}

enum class HeadKind { kNone, kProgram, kPlatform, kDocument };

// The head noun run right after a quote block: the furthest programme,
// platform or document head within a short run of name characters.
size_t FindHead(std::u32string_view s, size_t from, HeadKind* kind) {
  *kind = HeadKind::kNone;
  size_t best = from;
  size_t best_project = from;
  size_t i = from;
  while (i < s.size() && i - from < 12 && IsNameChar(s[i])) {
    if (std::u32string_view(U"和与及等的为在以并或").find(s[i]) != std::u32string_view::npos) break;
    // A clause verb ends the run (“十四五”时期是开启…), unless it is a head.
    if (const int st = StopWordStartingAt(s, i); i > from && st > 0) {
      const std::u32string_view w = s.substr(i, st);
      if (!IsNounLikeStop(w) && !EndsWithAny(w, kProgramHeads, std::size(kProgramHeads))) break;
    }
    ++i;
    const std::u32string_view run = s.substr(from, i - from);
    for (auto h : kDocumentHeads) {
      if (EndsAt(run, run.size(), h)) { best = i; *kind = HeadKind::kDocument; }
    }
    for (auto h : kPlatformHeads) {
      if (EndsAt(run, run.size(), h)) { best = i; *kind = HeadKind::kPlatform; }
    }
    for (auto h : kProgramHeads) {
      if (!EndsAt(run, run.size(), h)) continue;
      // Building a platform (创新平台建设) is no programme.
      if (h == U"建设" && run.size() > 2 &&
          std::u32string_view(U"台区园镇城院").find(run[run.size() - 3]) != std::u32string_view::npos) {
        continue;
      }
      if (h == U"项目") {
        best_project = i;
      } else {
        best = i;
        *kind = HeadKind::kProgram;
      }
    }
  }
  if (best == from && best_project > from) {
    *kind = HeadKind::kProgram;
    return best_project;
  }
  return best;
}

// The modifier right before a quote (科技企业, 省, 新一轮制造业): a left walk
// that does not keep a verb touching the quote.
size_t ModifierStart(std::u32string_view s, size_t q) {
  WalkOptions opt;
  opt.max_len = 10;
  opt.keep_adjacent = false;
  opt.allow_conjunction = false;
  const size_t b = WalkLeft(s, q, opt);
  // A modifier made only of numbers or a single generic word adds nothing.
  return b;
}

bool IsProgramVerbBefore(std::u32string_view s, size_t pos) {
  for (auto v : kProgramVerbs) {
    if (EndsAt(s, pos, v)) return true;
  }
  return false;
}

bool QuotedListClosedByProgramNoun(std::u32string_view s, size_t from) {
  // Skip further list items (、modifier“…”) up to 等, then look for a closer.
  size_t i = from;
  while (i < s.size() && i - from < 60) {
    if (s[i] == U'等') {
      const std::u32string_view rest = s.substr(i + 1, std::min<size_t>(10, s.size() - i - 1));
      for (auto c : kQuotedListClosers) {
        const size_t at = rest.find(c);
        if (at == std::u32string_view::npos) continue;
        bool clean = true;
        for (size_t k = 0; k < at; ++k) clean = clean && IsNameChar(rest[k]);
        if (clean) return true;
      }
      return false;
    }
    if (s[i] == U'。' || s[i] == U';' || s[i] == U'\n' || s[i] == U',') return false;
    ++i;
  }
  return false;
}

bool CoreIsOtherKind(std::u32string_view core) {
  return EndsAt(core, core.size(), U"院") || EndsAt(core, core.size(), U"大学") ||
         EndsAt(core, core.size(), U"中心") || EndsAt(core, core.size(), U"局");
}

// Adds modifier + quotes + head, with the forms without the modifier and
// without the head as aliases of the same programme.
void AddQuoted(DocumentContext& ctx, EntityType type, size_t mod_start, size_t q, size_t block_end, size_t end,
               const char* rule) {
  const std::u32string_view s = ctx.norm;
  const std::u32string full = Resolve(ctx, s.substr(mod_start, end - mod_start));
  AddMention(ctx, type, mod_start, end, full, rule);
  if (mod_start < q) AddMention(ctx, type, q, end, full, rule);
  if (block_end < end) AddMention(ctx, type, q, block_end, full, rule);
}

void FindQuoted(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  size_t q = 0;
  while (q < s.size()) {
    if (!IsOpenQuote(s[q])) {
      ++q;
      continue;
    }
    // A block of adjacent quoted groups: “尖兵”“领雁”.
    std::vector<std::pair<size_t, size_t>> groups;
    size_t e = q;
    while (e < s.size() && IsOpenQuote(s[e])) {
      const size_t ge = QuoteEnd(s, e);
      if (ge == 0) break;
      groups.push_back({e, ge});
      e = ge;
    }
    if (groups.empty()) {
      ++q;
      continue;
    }
    const size_t block_end = e;
    size_t head_from = block_end;
    bool split = false;
    // “甲”“乙”“丙”三大计划: a count between the block and the head.
    if (head_from + 2 < s.size() && IsNumeral(s[head_from]) && s[head_from + 1] == U'大') {
      head_from += 2;
      split = true;
    }
    HeadKind kind;
    const size_t head_end = FindHead(s, head_from, &kind);
    const size_t mod = split ? q : ModifierStart(s, q);
    const std::u32string_view last_core = s.substr(groups.back().first + 1, groups.back().second - groups.back().first - 2);
    if (kind != HeadKind::kNone && !CoreIsOtherKind(last_core)) {
      const EntityType type = kind == HeadKind::kPlatform   ? EntityType::kPlatform
                              : kind == HeadKind::kDocument ? EntityType::kDocument
                                                            : EntityType::kProgram;
      if (split) {
        const std::u32string head(s.substr(head_from, head_end - head_from));
        // A short shared head joins each item (三大计划); a long one only
        // describes the list (两大系列科技对接活动).
        for (const auto& g : groups) {
          std::u32string name(s.substr(g.first, g.second - g.first));
          if (head.size() <= 3) name += head;
          AddMention(ctx, type, g.first, g.second, Resolve(ctx, name), "program-quoted-list");
        }
      } else if (type == EntityType::kDocument) {
        AddMention(ctx, type, mod, head_end, Resolve(ctx, s.substr(mod, head_end - mod)), "document-quoted");
      } else if (!(groups.size() > 1 && EndsAt(s, head_end, U"建设"))) {
        AddQuoted(ctx, type, mod, q, block_end, head_end, "program-quoted");
      }
    }
    // The quoted groups on their own: programmes by their core's head, or by
    // the verb before them, or by a list closer after them.
    const bool ends_clause = block_end >= s.size() || IsBreak(s[block_end]) || s[block_end] == U'等';
    const bool verb = IsProgramVerbBefore(s, mod) || IsProgramVerbBefore(s, q);
    const bool closer = QuotedListClosedByProgramNoun(s, block_end);
    const bool followed_by_head = kind != HeadKind::kNone && !split;
    for (size_t gi = 0; gi < groups.size(); ++gi) {
      const auto& g = groups[gi];
      const std::u32string_view core = s.substr(g.first + 1, g.second - g.first - 2);
      if (followed_by_head && kind != HeadKind::kDocument) break;  // part of a longer name
      const bool core_head = EndsWithAny(core, kCoreHeads, std::size(kCoreHeads));
      const bool phrase = core.find_first_of(U"、,") != std::u32string_view::npos;
      if (!core_head && (phrase || !(ends_clause && (verb || closer)))) continue;
      if (CoreIsOtherKind(core)) continue;
      const size_t m = (gi == 0 && groups.size() == 1 && !split) ? mod : g.first;
      AddQuoted(ctx, EntityType::kProgram, m, g.first, g.second, g.second, "program-quoted-core");
    }
    q = block_end;
  }
}

bool InsideQuotes(std::u32string_view s, size_t b, size_t e) {
  return (b > 0 && IsOpenQuote(s[b - 1])) || (e < s.size() && IsCloseQuote(s[e]));
}

// 国家重点研发计划, 省科技奖励大会: a generic-sounding name made proper by a
// level prefix (国家, 省, 市 — not the adjective 省级).
bool HasLevelPrefix(std::u32string_view head) {
  if (head.size() < 3) return false;
  if (MatchAt(head, 0, U"国家")) return head.size() >= 4 && head[2] != U'级';
  return std::u32string_view(U"省市区县").find(head[0]) != std::u32string_view::npos &&
         std::u32string_view(U"级市省区县部").find(head[1]) == std::u32string_view::npos;
}

void FindBySuffix(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  WalkOptions opt;
  for (const SuffixHit& h : ScanSuffixes(s, ProgramRules(), opt)) {
    const size_t b = SkipGenericPrefix(s, h.start, h.suffix_start);
    if (InsideQuotes(s, b, h.end)) continue;
    const std::u32string_view head = s.substr(b, h.suffix_start - b);
    if (static_cast<int>(head.size()) < h.rule->min_head) continue;
    if (IsGenericHead(head) && !HasLevelPrefix(head)) continue;
    const std::u32string_view suffix(h.rule->suffix);
    if (suffix == U"项目" && !MatchAt(s, b, U"国家")) continue;
    AddMention(ctx, EntityType::kProgram, b, h.end, Resolve(ctx, s.substr(b, h.end - b)), "program-suffix");
  }
}

// 实施重要科创平台提能造峰行动: after a programme verb, everything up to the
// programme head is the name, verbs inside it included.
void FindAnchored(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  static const std::u32string_view kVerbs[] = {U"实施", U"开展", U"启动"};
  static const std::u32string_view kHeads[] = {U"行动计划", U"专项行动", U"行动", U"工程", U"计划", U"试点"};
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] != U'实' && s[i] != U'开' && s[i] != U'启') continue;
    bool verb = false;
    for (auto v : kVerbs) verb = verb || MatchAt(s, i, v);
    if (!verb) continue;
    const size_t from = i + 2;
    size_t best = 0;
    size_t head_len = 0;
    for (size_t j = from; j < s.size() && j - from < 16 && IsHan(s[j]); ++j) {
      for (auto h : kHeads) {
        if (EndsAt(s, j + 1, h) && j + 1 - from > h.size() + 3) {
          // 行动 followed by 计划 belongs to the longer head.
          if (h == U"行动" && MatchAt(s, j + 1, U"计划")) continue;
          best = j + 1;
          head_len = h.size();
          break;
        }
      }
    }
    if (best > 0 && IsGenericHead(s.substr(from, best - head_len - from))) continue;
    if (best == 0) continue;
    if (best < s.size() && (IsHan(s[best]) && s[best] != U'和' && s[best] != U'及' && s[best] != U'等')) {
      // The head must end the phrase (工程师 is no 工程).
      if (std::u32string_view(U"师院项").find(s[best]) != std::u32string_view::npos) continue;
    }
    const std::u32string_view name = s.substr(from, best - from);
    if (StopWordStartingAt(name, 0) > 0) continue;
    AddMention(ctx, EntityType::kProgram, from, best, Resolve(ctx, name), "program-anchored");
  }
}

// 实施A培育、B培育、C培育三大工程: each item takes the shared head.
void FindSharedSuffix(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  static const std::u32string_view kShared[] = {U"工程", U"计划", U"行动"};
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] != U'工' && s[i] != U'计' && s[i] != U'行') continue;
    for (auto suf : kShared) {
      if (!MatchAt(s, i, suf)) continue;
      int count = 0;
      const size_t closer = EnumerationCloserStart(s, i, &count);
      if (closer == std::u32string_view::npos || count < 2) continue;
      const std::vector<Span> items = EnumerationBefore(s, i, 14, false);
      if (items.size() < 2) continue;
      for (const Span& it : items) {
        const std::u32string_view item = s.substr(it.start, it.end - it.start);
        if (item.size() < 3 || IsGenericHead(item)) continue;
        AddMention(ctx, EntityType::kProgram, it.start, it.end, Resolve(ctx, std::u32string(item) + std::u32string(suf)),
                   "program-shared-suffix");
      }
    }
  }
}

// A、B等国家战略 / A、B等重大发展战略: strategies the text acts on.
void FindStrategies(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  static const std::u32string_view kModifiers[] = {U"国家", U"重大", U"发展", U"区域", U"重要"};
  for (size_t i = 1; i + 2 <= s.size(); ++i) {
    if (s[i] != U'战' || !MatchAt(s, i, U"战略")) continue;
    size_t p = i;
    for (int round = 0; round < 3; ++round) {
      bool hit = false;
      for (auto m : kModifiers) {
        if (EndsAt(s, p, m)) {
          p -= m.size();
          hit = true;
          break;
        }
      }
      if (!hit) break;
    }
    if (p == i || p == 0 || s[p - 1] != U'等') continue;
    for (const Span& it : EnumerationItemsEndingAt(s, p - 1, 1, 12, false)) {
      const std::u32string_view item = s.substr(it.start, it.end - it.start);
      if (item.size() < 3 || IsGenericHead(item)) continue;
      AddMention(ctx, EntityType::kProgram, it.start, it.end, std::u32string(item), "program-strategy");
    }
  }
}

}  // namespace

void FindPrograms(DocumentContext& ctx) {
  FindQuoted(ctx);
  FindBySuffix(ctx);
  FindAnchored(ctx);
  FindSharedSuffix(ctx);
  FindStrategies(ctx);
}

}  // namespace policykg
