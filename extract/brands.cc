// Enterprises named without a legal suffix, found from context: the items of
// an enumeration closed by 等 + (count) + (modifiers) + 企业/单位/项目
// (引进甲、乙等百亿级项目7个; 依托甲、乙等龙头企业; 支持甲等企业组建 …).
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "extract/passes.h"

namespace policykg {
namespace {

// Modifiers between 等 and the class noun.
const std::u32string_view kModifiers[] = {
    U"百亿级", U"千亿级", U"十亿级", U"亿元以上", U"亿元级", U"外资", U"内资", U"行业内", U"行业",
    U"龙头", U"领军", U"骨干", U"重点", U"优质", U"知名", U"上市", U"头部", U"链主", U"民营", U"制造业",
    U"科技型", U"创新型", U"高新技术",
};
const std::u32string_view kClassNouns[] = {U"企业", U"单位", U"项目", U"公司"};

// Where the closer after 等 at `pos` ends with a class noun. *qualified says
// whether a count or modifier came first (等5家企业, 等龙头企业): a bare 等企业
// also follows lists of industries (冶炼、化工等企业).
bool ClosedByClassNoun(std::u32string_view s, size_t pos, bool* qualified) {
  size_t i = pos + 1;
  bool scaled = false;
  for (int round = 0; round < 5 && i < s.size(); ++round) {
    bool hit = false;
    for (auto m : kModifiers) {
      if (MatchAt(s, i, m)) {
        if (m.find(U'亿') != std::u32string_view::npos) scaled = true;
        i += m.size();
        hit = true;
        break;
      }
    }
    if (hit) continue;
    // A count: 5家, 11个; or a scale: 10亿元以上.
    if (!IsNumeral(s[i])) break;
    size_t j = i;
    while (j < s.size() && IsNumeral(s[j])) ++j;
    if (j < s.size() && (s[j] == U'家' || s[j] == U'个' || s[j] == U'所')) {
      i = j + 1;  // a count alone is no scale: 戏曲、话剧等7个项目
      continue;
    }
    if (j < s.size() && s[j] == U'亿') {
      i = j;
      if (MatchAt(s, i, U"亿元以上")) i += 4;
      scaled = true;
      continue;
    }
    return false;
  }
  *qualified = i > pos + 1;
  for (auto n : kClassNouns) {
    if (!MatchAt(s, i, n)) continue;
    if (n == U"项目") {
      // 等项目7个 / 等百亿级项目: a project list names investors only with a scale.
      const size_t after = i + n.size();
      const bool count_after = after < s.size() && IsNumeral(s[after]);
      return scaled || count_after;
    }
    return true;
  }
  return false;
}

bool LooksLikeBrand(std::u32string_view item) {
  if (item.size() < 2 || item.size() > 12) return false;
  for (char32_t c : item) {
    if (!IsNameChar(c)) return false;
  }
  if (IsGenericHead(item)) return false;
  // Class nouns and other kinds of body are not brands.
  static const std::u32string_view kEndings[] = {
      U"企业", U"产业", U"单位", U"项目", U"机构", U"平台", U"高校", U"院所", U"人才", U"团队", U"技术",
      U"大学", U"学院", U"研究院", U"中心", U"实验室", U"局", U"委", U"办", U"政府", U"部门", U"区",
      U"市", U"省", U"县", U"镇", U"国", U"行业", U"领域", U"工程", U"计划", U"行动", U"园",
  };
  for (auto e : kEndings) {
    if (EndsAt(item, item.size(), e)) return false;
  }
  return StopWordStartingAt(item, 0) == 0;
}

bool OverlapsOtherMention(const DocumentContext& ctx, const Span& sp) {
  for (const Mention& m : ctx.mentions) {
    if (!(m.span.start < sp.end && sp.start < m.span.end)) continue;
    // A place at the start of a brand (浙江某某) does not make it a place.
    if (m.type == EntityType::kRegion && m.span.start == sp.start && m.span.end < sp.end) continue;
    return true;
  }
  return false;
}

}  // namespace

void FindBrandNames(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] != U'等' || !IsNameChar(s[i - 1])) continue;
    bool qualified = false;
    if (!ClosedByClassNoun(s, i, &qualified)) continue;
    for (const Span& it : EnumerationItemsEndingAt(s, i, 1, 12, false)) {
      const std::u32string_view item = s.substr(it.start, it.end - it.start);
      if (!LooksLikeBrand(item) || OverlapsOtherMention(ctx, it)) continue;
      if (!qualified && item.size() < 3) continue;
      AddMention(ctx, EntityType::kEnterprise, it.start, it.end, std::u32string(item), "brand-enumeration");
    }
  }
}

}  // namespace policykg
