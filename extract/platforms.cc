// Platforms: parks, zones, science cities, corridors, innovation service
// complexes, incubators, clusters — found by suffix (高新区, 科技城, 产业园,
// 综合体, 产业集群, 科创走廊 ...) and by shared-suffix enumerations
// (A、B、C三大科技城; A、B等6家综合体; A、B、C三大园区 as written).
#include <string>
#include <vector>

#include "base/utf8.h"
#include "extract/jurisdiction.h"
#include "extract/lexicon.h"
#include "extract/passes.h"

namespace policykg {
namespace {

const std::vector<SuffixRule>& PlatformRules() {
  static const std::vector<SuffixRule> rules = {
      {U"高新技术产业开发区", 1, 12},
      {U"高新技术产业园区", 1, 14},
      {U"经济技术开发区", 2, 10},
      {U"经济开发区", 2, 10},
      {U"产业创新服务综合体", 2, 14},
      {U"产业服务综合体", 2, 14},
      {U"先进制造业集群", 2, 12},
      {U"产业集群", 2, 12},
      {U"科创大走廊", 1, 10, U"展"},
      {U"科创走廊", 1, 10},
      {U"大走廊", 2, 10, U"展"},
      {U"走廊", 2, 10},
      {U"高新园区", 1, 12},
      {U"高新区", 0, 12, U"域"},
      {U"产业园区", 2, 12},
      {U"工业园区", 2, 12},
      {U"开发区", 2, 10},
      {U"产业园", 2, 12, U"区"},
      {U"科技园", 2, 12, U"区"},
      {U"科创园", 0, 12, U"区"},
      {U"工业园", 2, 12, U"区"},
      {U"创业园", 2, 12, U"区"},
      {U"软件园", 2, 12, U"区"},
      {U"智汇园", 1, 10},
      {U"科技城", 1, 10},
      {U"科学城", 1, 10},
      {U"科创城", 1, 10},
      {U"商贸城", 2, 12},
      {U"家纺城", 1, 10},
      {U"新城", 2, 8, U"市镇区"},
      {U"新区", 2, 8, U"域"},
      {U"科创带", 2, 8, U"动头"},
      {U"创新带", 2, 8, U"动头"},
      {U"集聚区", 2, 14},
      {U"核心区", 2, 14},
      {U"协同区", 2, 14},
      {U"孵化中心", 2, 14},
      {U"孵化园", 2, 12},
      {U"技术市场", 2, 8},
      {U"服务平台", 3, 12},
      {U"综合体", 2, 12},
      {U"谷", 2, 8, U"物歌子粒", U"山低河峡深幽硅稻"},
  };
  return rules;
}

// Class nouns that close an enumeration of platforms named in full
// (创研科技园、生态创新谷、科创基地三大园区; A、B、C等创新平台).
const std::u32string_view kClassClosers[] = {U"创新平台", U"科创载体", U"载体", U"园区", U"平台"};

// Suffixes shared by the items of an enumeration (镜湖、滨海三大科技城).
const std::u32string_view kSharedSuffixes[] = {
    U"产业创新服务综合体", U"综合体", U"产业集群", U"科技城", U"科创走廊", U"走廊", U"产业园", U"高新区",
};

std::u32string Resolve(const DocumentContext& ctx, std::u32string_view name) {
  return ResolveRelativeName(ctx, name);
}

// True when `item` begins with a place name of the gazetteer (full or short).
bool StartsWithPlace(const DocumentContext& ctx, std::u32string_view item) {
  for (size_t len = 2; len <= 4 && len < item.size(); ++len) {
    if (!ctx.gazetteer.Find(item.substr(0, len)).empty()) return true;
  }
  return false;
}

void FindBySuffix(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  WalkOptions opt;
  opt.allow_quotes = true;
  for (const SuffixHit& h : ScanSuffixes(s, PlatformRules(), opt)) {
    const size_t b = SkipGenericPrefix(s, h.start, h.suffix_start);
    if (FollowsEach(s, b)) continue;
    const std::u32string_view head = s.substr(b, h.suffix_start - b);
    const std::u32string_view name = s.substr(b, h.end - b);
    // A quoted slogan (“四中心一新城”) is no platform.
    if (b > 0 && IsOpenQuote(s[b - 1]) && h.end < s.size() && IsCloseQuote(s[h.end])) continue;
    // 高新区 on its own: kept as a bare mention that entity building attaches
    // to the one longer 高新区 of the document, if any.
    if (head.empty()) {
      AddMention(ctx, EntityType::kPlatform, b, h.end, std::u32string(name), kRuleBare);
      continue;
    }
    if (static_cast<int>(head.size()) < h.rule->min_head) continue;
    // A level right before the suffix makes a class (智能装备省级高新园区)
    // unless a place (a town's short form too: 滨海) names the park.
    if (EndsAt(head, head.size(), U"级") && !StartsWithPlace(ctx, head) &&
        ctx.gazetteer.FindTownShortForm(head.substr(0, 2)).empty()) {
      continue;
    }
    if (IsGenericHead(head)) {
      if (std::u32string_view(h.rule->suffix).size() >= 3) {
        AddMention(ctx, EntityType::kPlatform, b, h.end, std::u32string(name), kRuleBare);
      }
      continue;
    }
    AddMention(ctx, EntityType::kPlatform, b, h.end, Resolve(ctx, name), "platform-suffix");
  }
}

bool IsShortBareItem(std::u32string_view item) {
  if (item.size() < 2 || item.size() > 8) return false;
  for (char32_t c : item) {
    if (!IsNameChar(c)) return false;
  }
  return StopWordStartingAt(item, 0) == 0;
}

void FindEnumerations(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  // The first characters of the closers and shared suffixes below.
  static const CharSet kFirsts(U"创科载园平产综走高");
  for (size_t i = 0; i < s.size(); ++i) {
    if (!kFirsts.Contains(s[i])) continue;
    std::u32string_view suffix;
    bool as_written = false;
    for (auto c : kClassClosers) {
      if (MatchAt(s, i, c)) {
        suffix = c;
        as_written = true;
        break;
      }
    }
    if (suffix.empty()) {
      for (auto c : kSharedSuffixes) {
        if (MatchAt(s, i, c)) {
          suffix = c;
          break;
        }
      }
    }
    if (suffix.empty()) continue;
    // The suffix must end the shared name (not 产业集群 in …产业集群协同区).
    bool longer = false;
    for (const SuffixRule& r : PlatformRules()) {
      if (MatchAt(s, i + suffix.size(), r.suffix)) longer = true;
    }
    if (longer) continue;
    int count = 0;
    const bool closed = EnumerationCloserStart(s, i, &count) != std::u32string_view::npos;
    std::vector<Span> items = EnumerationBefore(s, i, 14, false);
    // 与A、B、C科创走廊合作: a list whose last item carries the suffix.
    bool tail_list = false;
    if (items.empty() && !as_written && i > 0 && IsNameChar(s[i - 1])) {
      const size_t last_start = WalkLeft(s, i, WalkOptions{});
      if (last_start > 0 && s[last_start - 1] == U'、') {
        items = EnumerationItemsEndingAt(s, last_start - 1, 1, 8, false);
        if (!items.empty() && items.front().start > 0 && s[items.front().start - 1] == U'与') {
          tail_list = true;
        } else {
          items.clear();
        }
      }
    }
    if (items.size() < (tail_list ? 1u : 2u)) continue;
    i += suffix.size() - 1;  // the shorter suffixes inside this one share its list
    for (const Span& it : items) {
      const std::u32string_view item = s.substr(it.start, it.end - it.start);
      if (EndsWithAnySuffix(item, PlatformRules())) {
        AddMention(ctx, EntityType::kPlatform, it.start, it.end, Resolve(ctx, item), "platform-enumeration");
      } else if (as_written) {
        // Bodies of other kinds listed among platforms (…研究中心、…实验室).
        if (std::u32string_view(U"心室院构业学所站局").find(item.back()) != std::u32string_view::npos) continue;
        if (IsShortBareItem(item) && !IsGenericHead(item)) {
          AddMention(ctx, EntityType::kPlatform, it.start, it.end, Resolve(ctx, item), "platform-enumeration");
        }
      } else if (IsShortBareItem(item) && !IsGenericHead(item)) {
        // Without a count, a list of industries (甲、乙等特色产业集群) is a class;
        // named ones carry a place (柯桥现代纺织、滨海生物医药等产业集群).
        if (closed && count == 0 && suffix != U"综合体" && suffix != U"产业创新服务综合体" &&
            !StartsWithPlace(ctx, item)) {
          continue;
        }
        AddMention(ctx, EntityType::kPlatform, it.start, it.end, Resolve(ctx, std::u32string(item) + std::u32string(suffix)),
                   "platform-shared-suffix");
      }
    }
  }
}

}  // namespace

void FindPlatforms(DocumentContext& ctx) {
  FindBySuffix(ctx);
  FindEnumerations(ctx);
}

}  // namespace policykg
