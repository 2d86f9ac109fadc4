// Agencies, institutes and enterprises named with an organisation suffix:
// 科技局, 人民政府, 委员会, 政协 ...; 大学, 研究院, 实验室 ...; 有限公司, 集团.
// The start of a name is found by the left walk of lexicon.h; relative
// prefixes (区科技局) are resolved from the document's jurisdiction.
#include <string>
#include <vector>

#include "base/utf8.h"
#include "extract/jurisdiction.h"
#include "extract/lexicon.h"
#include "extract/passes.h"

namespace policykg {
namespace {

const std::vector<SuffixRule>& InstituteRules() {
  static const std::vector<SuffixRule> rules = {
      {U"工程技术研究中心", 2, 14},
      {U"技术创新中心", 2, 14},
      {U"工程研究中心", 2, 14},
      {U"工程院", 2, 8, U"士"},
      {U"研究中心", 2, 14},
      {U"研发中心", 2, 10},
      {U"质检中心", 2, 10},
      {U"研究生院", 2, 14},
      {U"研究院", 2, 16, U"所士长"},
      {U"研究所", 2, 14},
      {U"实验室", 2, 14},
      {U"科学院", 2, 10, U"士"},
      {U"“两院”", 2, 8},
      {U"两院", 2, 8, U"院士"},
      {U"分院", 2, 20},  // long: it carries its parent's name (…研究院甲地分院)
      {U"大学", 2, 10, U"生城科路园堂校", U"扩上"},
      {U"学院", 2, 12, U"派路士"},
  };
  return rules;
}

const std::vector<SuffixRule>& AgencyRules() {
  static const std::vector<SuffixRule> rules = {
      // Standard department names whose 和 or inner verb (保障, 建设) would
      // stop the left walk; the ministries stand without a prefix.
      {U"发展和改革委员会", 1, 10},
      {U"发展和改革局", 1, 10},
      {U"工业和信息化部", 0, 10},
      {U"工业和信息化厅", 1, 10},
      {U"工业和信息化局", 1, 10},
      {U"经济和信息化委员会", 1, 10},
      {U"经济和信息化厅", 1, 10},
      {U"经济和信息化局", 1, 10},
      {U"人力资源和社会保障部", 0, 10},
      {U"人力资源和社会保障厅", 1, 10},
      {U"人力资源和社会保障局", 1, 10},
      {U"住房和城乡建设部", 0, 10},
      {U"住房和城乡建设厅", 1, 10},
      {U"住房和城乡建设局", 1, 10},
      {U"自然资源和规划局", 1, 10},
      {U"人大常委会", 1, 8},
      {U"人民政府", 1, 10, U"性"},
      {U"政府", 1, 10, U"性采债投引工部门办网"},
      {U"办公室", 2, 14, U"主"},
      {U"委员会", 2, 14},
      {U"委会", 2, 10},
      {U"工委", 2, 10},
      {U"政协", 1, 8, U"委会提常员"},
      {U"科协", 1, 6},
      {U"供销社", 1, 6},
      {U"领导小组", 2, 10, U"办"},
      {U"政务服务中心", 1, 8},
      {U"促进中心", 2, 10},
      {U"局", 2, 12, U"长面势限部域促级属", U"布格开结大当全破变僵棋战时赌骗出入定终平残顾"},
      {U"厅", 2, 10, U"长级", U"大客餐门展舞业听"},
      {U"委", 1, 6, U"员托屈婉身任外", U"党纪者"},
      {U"办", 2, 10, U"法理公事学好成到班结", U"举创承主协督交开兴申代包查领合专"},
      {U"部", 2, 10, U"长分门署件位队落属委级", U"东西南北中内外全局下上干总本乐头底腹基背面胸腰支"},
  };
  return rules;
}

const std::vector<SuffixRule>& EnterpriseRules() {
  static const std::vector<SuffixRule> rules = {
      {U"股份有限公司", 2, 16},
      {U"有限责任公司", 2, 16},
      {U"有限公司", 2, 16},
      {U"集团", 2, 10, U"化军"},
      {U"公司", 2, 14, U"化法债制"},
  };
  return rules;
}

// Heads that make a class of bodies, not one body (各乡镇人民政府, 地方政府).
bool IsClassAgencyHead(std::u32string_view head) {
  static const std::u32string_view kClass[] = {
      U"乡镇", U"街道", U"地方", U"基层", U"各级", U"上级", U"下级", U"部门", U"单位", U"有关", U"相关",
      U"党", U"机关", U"其他", U"政府", U"市县", U"县市", U"省市", U"市区", U"区县", U"县区", U"乡",
  };
  for (auto k : kClass) {
    if (head == k) return true;
  }
  return false;
}

// Governments and short offices (政府, 办) need a place in front (区政府,
// 柯城区人民政府, 区委人才办, 区十届政府); otherwise 服务型政府 or 勤俭办
// would be bodies.
bool PlausibleAgencyHead(const DocumentContext& ctx, std::u32string_view suffix, std::u32string_view head) {
  static const std::u32string_view kLevels = U"省市区县州旗镇乡";
  if (suffix == U"办") {
    return kLevels.find(head[0]) != std::u32string_view::npos || head.find_first_of(U"委府") != std::u32string_view::npos;
  }
  if (suffix != U"政府" && suffix != U"人民政府") return true;
  // Trailing 第十届 / 十届 (区十届政府) does not hide the level character.
  size_t end = head.size();
  if (end > 0 && head[end - 1] == U'届') {
    --end;
    while (end > 0 && IsNumeral(head[end - 1])) --end;
    if (end > 0 && head[end - 1] == U'第') --end;
  }
  if (end == 0) return false;
  if (kLevels.find(head[end - 1]) != std::u32string_view::npos) return true;
  if (head == U"中央") return true;
  return !ctx.gazetteer.Find(head.substr(0, end)).empty();
}

// The region or relative prefix of an agency name (区, 柯城区, 衢州市柯城区):
// everything up to the last level character within its first characters.
size_t AgencyPrefixLength(std::u32string_view name) {
  size_t best = 0;
  for (size_t i = 0; i < name.size() && i < 8; ++i) {
    const char32_t c = name[i];
    if ((c == U'省' || c == U'市' || c == U'区' || c == U'县' || c == U'州' || c == U'旗') && i + 2 < name.size()) {
      best = i + 1;
    }
  }
  return best;
}

std::u32string Resolve(const DocumentContext& ctx, std::u32string_view name) {
  return ResolveRelativeName(ctx, name);
}

std::u32string StripQuotes(std::u32string_view s) {
  std::u32string out;
  for (char32_t c : s) {
    if (!IsOpenQuote(c) && !IsCloseQuote(c)) out.push_back(c);
  }
  return out;
}

void FindAgencies(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  WalkOptions opt;
  for (const SuffixHit& h : ScanSuffixes(s, AgencyRules(), opt)) {
    size_t b = h.start;
    if (FollowsEach(s, b)) continue;  // 各乡镇人民政府: a class
    // 省委省政府, 市委市政府: a body ends where the next one's level begins.
    for (size_t k = b; k + 1 < h.suffix_start; ++k) {
      if ((s[k] == U'委' || s[k] == U'府') && std::u32string_view(U"省市区县").find(s[k + 1]) != std::u32string_view::npos) {
        b = k + 1;
      }
    }
    const std::u32string_view head = s.substr(b, h.suffix_start - b);
    if (IsClassAgencyHead(head)) continue;
    const std::u32string_view suffix(h.rule->suffix);
    // A one-character head is only a level prefix: 市委, 省政府, 区科协.
    if (head.size() == 1 && std::u32string_view(U"省市区县镇乡").find(head[0]) == std::u32string_view::npos) continue;
    if (head.empty() && suffix != U"科协" && suffix != U"政协" && suffix.size() < 6) continue;
    if (!PlausibleAgencyHead(ctx, suffix, head)) continue;
    AddMention(ctx, EntityType::kAgency, b, h.end, Resolve(ctx, s.substr(b, h.end - b)), "agency-suffix");
    // Nameplate pair 区科技局〈科协〉: the bracketed body shares the prefix.
    if (h.end < s.size() && (s[h.end] == U'〈' || s[h.end] == U'<')) {
      size_t close = h.end + 1;
      while (close < s.size() && close - h.end < 10 && IsHan(s[close])) ++close;
      if (close < s.size() && (s[close] == U'〉' || s[close] == U'>') && close - h.end >= 3) {
        const std::u32string_view name = s.substr(b, h.end - b);
        const std::u32string prefix(name.substr(0, AgencyPrefixLength(name)));
        const std::u32string inner(s.substr(h.end + 1, close - h.end - 1));
        AddMention(ctx, EntityType::kAgency, h.end + 1, close, Resolve(ctx, prefix + inner), "agency-nameplate");
      }
    }
  }
  // 中共中央 / 党中央 and a bare 中央 listed among bodies (中央、省委和市委).
  for (size_t i = 0; i + 2 <= s.size(); ++i) {
    if (s[i] != U'中' || !MatchAt(s, i, U"中央")) continue;
    if (i >= 2 && MatchAt(s, i - 2, U"中共")) {
      AddMention(ctx, EntityType::kAgency, i - 2, i + 2, U"中共中央", "agency-centre");
    } else if (i >= 1 && s[i - 1] == U'党' && (i < 2 || !IsHan(s[i - 2]) || StopWordEndingAt(s, i - 1) > 0)) {
      AddMention(ctx, EntityType::kAgency, i - 1, i + 2, U"中共中央", "agency-centre");
    } else if ((i == 0 || !IsHan(s[i - 1]) || StopWordEndingAt(s, i) > 0) && i + 2 < s.size() &&
               (s[i + 2] == U'、' || s[i + 2] == U'和' || s[i + 2] == U'及')) {
      AddMention(ctx, EntityType::kAgency, i, i + 2, U"中共中央", "agency-centre");
    }
  }
}

// The end of a parent institute named at the start of a longer institute
// name (天津大学 in 天津大学浙江绍兴研究院, 中纺院 in 中纺院江南分院, 浙大 in
// 浙大衢州两院), or 0 when there is none.
size_t ParentEnd(std::u32string_view name, size_t head_len) {
  static const std::u32string_view kInner[] = {U"科学院", U"大学", U"学院", U"院"};
  for (size_t p = 2; p < head_len; ++p) {
    for (auto inner : kInner) {
      if (p < inner.size() || !EndsAt(name, p, inner)) continue;
      if (p - inner.size() < 1 && inner != U"院") continue;
      if (inner == U"院" && (p < 3 || EndsAt(name, p, U"研究院"))) continue;
      if (head_len - p < 2 && inner != U"大学") continue;
      return p;
    }
    // An abbreviated university (浙工大, 交大) followed by a place and a branch.
    if (name[p - 1] == U'大' && p >= 2 && head_len - p >= 2 &&
        std::u32string_view(U"学型道厦会赛数力家众批量幅").find(name[p]) == std::u32string_view::npos) {
      return p;
    }
  }
  return 0;
}

// The end of the parent a branch (…分院) names: the longest institute name
// at its start that leaves a place of two characters or more (中国甲大学乙研
// 究院 in 中国甲大学乙研究院丙地分院), or 0.
size_t BranchParentEnd(std::u32string_view name, size_t head_len) {
  static const std::u32string_view kInner[] = {U"研究院", U"科学院", U"大学", U"学院"};
  for (size_t p = head_len >= 2 ? head_len - 2 : 0; p >= 4; --p) {
    for (auto inner : kInner) {
      if (EndsAt(name, p, inner)) return p;
    }
  }
  return ParentEnd(name, head_len);
}

// The end of a place in parentheses at `pos` ((深圳), (威海)), or 0.
size_t CampusEnd(const DocumentContext& ctx, size_t pos) {
  const std::u32string_view s = ctx.norm;
  if (pos >= s.size() || s[pos] != U'(') return 0;
  size_t close = pos + 1;
  while (close < s.size() && close - pos <= 5 && IsHan(s[close])) ++close;
  if (close >= s.size() || s[close] != U')' || close - pos < 3) return 0;
  return ctx.gazetteer.Find(s.substr(pos + 1, close - pos - 1)).empty() ? 0 : close + 1;
}

// 中国科学院甲市乙技术与丙研究所: an academy's institute named after its
// city and two fields joined by 与, where the left walk stopped at 与. The
// start of the academy's name, or `b` when the text before 与 is not
// academy + place + field.
size_t AcademyInstituteStart(const DocumentContext& ctx, size_t b) {
  const std::u32string_view s = ctx.norm;
  if (b < 2 || s[b - 1] != U'与') return b;
  const size_t conj = b - 1;
  for (size_t field = conj - 1; field > 0 && conj - field <= 8 && IsHan(s[field - 1]); --field) {
    // The place: two to four characters right after 科学院 and before the field.
    for (size_t len = 2; len <= 4 && len < field; ++len) {
      const size_t place = field - len;
      if (!EndsAt(s, place, U"科学院") || ctx.gazetteer.Find(s.substr(place, len)).empty()) continue;
      const size_t academy = WalkLeft(s, place - 3, WalkOptions{});
      if (place - 3 - academy >= 2) return academy;
    }
  }
  return b;
}

void FindInstitutes(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  WalkOptions opt;
  for (const SuffixHit& h : ScanSuffixes(s, InstituteRules(), opt)) {
    size_t b = AcademyInstituteStart(ctx, SkipGenericPrefix(s, h.start, h.suffix_start));
    if (FollowsEach(s, b)) continue;
    const std::u32string_view head = s.substr(b, h.suffix_start - b);
    if (head.size() < static_cast<size_t>(h.rule->min_head) || IsGenericHead(head)) continue;
    // A level adjective right before the suffix makes a class (新材料市级实验室).
    if (EndsAt(head, head.size(), U"级")) continue;
    // Two bodies run together (产业创新研究院产业研究院) are no one name; a
    // branch (…研究院甲地分院) names its parent.
    const bool branch = std::u32string_view(h.rule->suffix) == U"分院";
    if (!branch && (head.find(U"研究院") != std::u32string_view::npos ||
                    head.find(U"实验室") != std::u32string_view::npos || head.find(U"中心") != std::u32string_view::npos)) {
      continue;
    }
    const std::u32string_view name = s.substr(b, h.end - b);
    // A campus named in parentheses after a university (甲工业大学(深圳)) is
    // an institute of its own, part of the university.
    if (const size_t campus_end = CampusEnd(ctx, h.end); campus_end > 0) {
      const std::u32string_view campus = s.substr(b, campus_end - b);
      AddMention(ctx, EntityType::kInstitute, b, campus_end, std::u32string(campus), "institute-campus");
      AddMention(ctx, EntityType::kInstitute, b, h.end, std::u32string(name), kRuleParent);
      continue;
    }
    AddMention(ctx, EntityType::kInstitute, b, h.end, Resolve(ctx, StripQuotes(name)), "institute-suffix");
    if (const size_t p = branch ? BranchParentEnd(name, head.size()) : ParentEnd(name, head.size()); p > 0) {
      AddMention(ctx, EntityType::kInstitute, b, b + p, std::u32string(name.substr(0, p)), kRuleParent);
    }
  }
}

// 甲、乙、丙三大产业研究院: each item with the shared suffix.
void FindInstituteEnumerations(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  static const std::u32string_view kShared[] = {U"产业研究院", U"研究院", U"研发中心", U"实验室"};
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] != U'产' && s[i] != U'研' && s[i] != U'实') continue;
    for (auto suf : kShared) {
      if (!MatchAt(s, i, suf)) continue;
      int count = 0;
      if (EnumerationCloserStart(s, i, &count) == std::u32string_view::npos || count < 2) break;
      const std::vector<Span> items = EnumerationBefore(s, i, 10, false);
      if (items.size() < 2) break;
      for (const Span& it : items) {
        const std::u32string_view item = s.substr(it.start, it.end - it.start);
        if (item.size() < 2 || IsGenericHead(item) || EndsWithAnySuffix(item, InstituteRules())) continue;
        AddMention(ctx, EntityType::kInstitute, it.start, it.end,
                   Resolve(ctx, std::u32string(item) + std::u32string(suf)), "institute-shared-suffix");
      }
      break;
    }
  }
}

void FindEnterprises(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  WalkOptions opt;
  for (const SuffixHit& h : ScanSuffixes(s, EnterpriseRules(), opt)) {
    const size_t b = SkipGenericPrefix(s, h.start, h.suffix_start);
    const std::u32string_view head = s.substr(b, h.suffix_start - b);
    if (head.size() < 2 || IsGenericHead(head)) continue;
    AddMention(ctx, EntityType::kEnterprise, b, h.end, std::u32string(s.substr(b, h.end - b)), "enterprise-suffix");
  }
}

}  // namespace

void FindOrganizations(DocumentContext& ctx) {
  FindAgencies(ctx);
  FindInstitutes(ctx);
  FindInstituteEnumerations(ctx);
  FindEnterprises(ctx);
}

}  // namespace policykg
