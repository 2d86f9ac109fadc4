// Site furniture: the parts of a scraped page that are not the document and
// must yield no entity.
//
//  - page chrome: 访问次数, 字号 大 中 小, 分享, 【打印本页】, 扫一扫, 网站地图,
//    breadcrumbs (当前位置…), 上一篇/下一篇 links, copyright/ICP footer lines;
//  - government-disclosure labels and their values: 索引号, 公开方式, 主题分类,
//    有效性, 信息来源 ... (the value is only taken when it looks like one, so
//    a title after an empty label is never swallowed);
//  - gambling/betting spam injected into pages: a brand word (…娱乐官网,
//    …体育官方, …app下载) with the brand name before it.
//
// The labels whose values carry the document's metadata (发布机构, 文号,
// 成文日期, 标题, 主办/协办, ...) are never marked: the metadata pass reads
// them. They still end the value of a neighbouring label.
//
// Works on `norm` (full-width folded, Simplified) line by line; every rule
// looks at a bounded window, so the pass is linear in the text.
#include <algorithm>
#include <bitset>
#include <string_view>
#include <unordered_map>

#include "extract/passes.h"

namespace policykg {
namespace {

using View = std::u32string_view;

// What a label's value looks like, so it is taken only when it fits.
enum class Value {
  kKept,        // a metadata label: never marked, only ends other values
  kCode,        // 索引号: ASCII code like 113300-KJ/2024-00012
  kDocCode,     // 规范性文件编号: a short code
  kDisclosure,  // 公开方式: 主动公开
  kValidity,    // 有效性: 有效 / 失效 / 废止
  kCategory,    // 主题分类: a short category
  kSource,      // 信息来源: a short source name
  kCount,       // 访问次数: digits
  kFontSize,    // 字号: [ 大 中 小 ]
  kShare,       // 分享: 微信 微博
};

struct Label {
  View name;
  Value value;
};

constexpr Label kLabels[] = {
    {U"索引号", Value::kCode},          {U"信息索引号", Value::kCode},
    {U"内容索引号", Value::kCode},      {U"索取号", Value::kCode},
    {U"公开方式", Value::kDisclosure},  {U"公开范围", Value::kDisclosure},
    {U"公开形式", Value::kDisclosure},  {U"公开属性", Value::kDisclosure},
    {U"组配分类", Value::kCategory},    {U"主题分类", Value::kCategory},
    {U"信息分类", Value::kCategory},    {U"体裁分类", Value::kCategory},
    {U"内容分类", Value::kCategory},    {U"服务对象", Value::kCategory},
    {U"信息类别", Value::kCategory},    {U"公开时限", Value::kCategory},
    {U"所属主题", Value::kCategory},    {U"主题词", Value::kCategory},
    {U"有效性", Value::kValidity},      {U"时效性", Value::kValidity},
    {U"效力状态", Value::kValidity},    {U"规范性文件编号", Value::kDocCode},
    {U"规范性文件登记号", Value::kDocCode}, {U"信息来源", Value::kSource},
    {U"来源", Value::kSource},          {U"访问次数", Value::kCount},
    {U"浏览次数", Value::kCount},       {U"点击次数", Value::kCount},
    {U"阅读次数", Value::kCount},       {U"访问量", Value::kCount},
    {U"浏览量", Value::kCount},         {U"点击量", Value::kCount},
    {U"阅读量", Value::kCount},         {U"点击数", Value::kCount},
    {U"字号", Value::kFontSize},        {U"字体", Value::kFontSize},
    {U"分享", Value::kShare},           {U"分享到", Value::kShare},
    // Metadata: kept for the metadata pass.
    {U"发布机构", Value::kKept},        {U"发布单位", Value::kKept},
    {U"发文机关", Value::kKept},        {U"发文单位", Value::kKept},
    {U"文号", Value::kKept},            {U"发文字号", Value::kKept},
    {U"文件编号", Value::kKept},        {U"成文日期", Value::kKept},
    {U"发布日期", Value::kKept},        {U"发布时间", Value::kKept},
    {U"印发日期", Value::kKept},        {U"生效日期", Value::kKept},
    {U"标题", Value::kKept},            {U"名称", Value::kKept},
    {U"主办", Value::kKept},            {U"协办", Value::kKept},
    {U"承办单位", Value::kKept},        {U"答复日期", Value::kKept},
    {U"关键词", Value::kKept},          {U"提案号", Value::kKept},
};

// Chrome marked wherever it appears (with brackets around it).
constexpr View kChrome[] = {
    U"打印本页", U"打印本文", U"打印此页", U"关闭窗口", U"关闭本页", U"保存本页",
    U"扫一扫在手机打开当前页", U"扫一扫在手机上打开当前页", U"在手机打开当前页", U"扫一扫",
    U"网站地图", U"无障碍浏览", U"无障碍阅读", U"设为首页", U"加入收藏", U"返回顶部",
    U"返回首页", U"简体版", U"繁体版", U"长者模式", U"我要纠错", U"【打印】", U"【关闭】",
    U"【收藏】", U"【纠错】", U"[打印]", U"[关闭]", U"[收藏]"};

// Chrome only when it is the whole line or cell.
constexpr View kChromeCells[] = {U"打印", U"关闭", U"收藏", U"首页", U"网站首页", U"分享",
                                 U"纠错", U"返回", U"字号", U"字体", U"默认", U"大 中 小",
                                 U"大中小", U"【大】【中】【小】", U"[大][中][小]", U"繁体",
                                 U"简体", U"english", U"手机版", U"微信", U"微博"};

// Marked from here to the end of the line (bounded).
constexpr View kToLineEnd[] = {U"当前位置", U"您的位置", U"您现在的位置", U"所在位置",
                               U"上一篇", U"下一篇", U"上一条", U"下一条"};
// A line holding one of these is a site footer.
constexpr View kFooter[] = {U"版权所有", U"ICP备", U"icp备", U"公网安备", U"网站标识码",
                            U"网站识别码"};

// Gambling/betting brand vocabulary: words that do not occur in government
// prose but make up injected spam (…娱乐官网, …体育官方app下载).
constexpr View kSpam[] = {
    U"球友会", U"娱乐官网", U"娱乐官方", U"娱乐平台", U"娱乐城", U"娱乐场", U"娱乐网址",
    U"娱乐注册", U"娱乐登录", U"娱乐app", U"体育官方", U"体育官网", U"体育app", U"体育下载",
    U"体育登录", U"体育注册", U"体育网页版", U"体育入口", U"百家乐", U"老虎机", U"真人视讯",
    U"真人娱乐", U"棋牌游戏", U"棋牌官网", U"棋牌app", U"电子游艺", U"在线投注", U"投注平台",
    U"投注网", U"购彩平台", U"彩票平台", U"彩票官网", U"彩票app", U"注册送", U"首存",
    U"彩金", U"官网入口", U"登录入口", U"注册入口", U"网页版登录", U"网页版入口", U"官方入口",
    U"app下载", U"手机版下载", U"电竞竞猜", U"竞猜平台", U"赌场", U"网投平台"};
// Words that continue a spam brand after its keyword.
constexpr View kSpamTail[] = {U"官网", U"官方", U"网站", U"入口", U"登录", U"注册", U"app",
                              U"下载", U"平台", U"手机版", U"网页版", U"在线", U"中国", U"首页",
                              U"ios", U"安卓", U"版", U"通用", U"最新", U"官方版", U"娱乐",
                              U"体育"};

constexpr int32_t kMaxLineEndSpan = 150;
constexpr int32_t kMaxFooterLine = 200;
constexpr int32_t kMaxSpamLine = 120;
constexpr int32_t kMaxValue = 64;  // no label value is longer

char32_t AsciiLower(char32_t c) { return c >= U'A' && c <= U'Z' ? c + 32 : c; }

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0 || c == 0xFEFF || c == 0x200B ||
         c == U'\r';
}
bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}
bool IsAsciiAlnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
bool IsColon(char32_t c) { return c == U':' || c == U'：'; }
bool IsBullet(char32_t c) {
  return c == U'•' || c == U'·' || c == U'●' || c == U'◆' || c == U'■' || c == U'▪' ||
         c == U'◇' || c == U'○' || c == U'-' || c == U'*' || c == U'>' || c == U'【' ||
         c == U'[' || c == U'(' || c == U'|';
}

bool Contains(View s, View what) { return s.find(what) != View::npos; }

// Phrases by first character (ASCII compared case-insensitively), longest
// first; a bitset filter makes the miss path one test per character.
class PhraseIndex {
 public:
  void Add(View phrase, int id) {
    const char32_t first = AsciiLower(phrase[0]);
    filter_.set(first & 0xFFFF);
    auto& list = by_first_[first];
    list.push_back({phrase, id});
    std::sort(list.begin(), list.end(),
              [](const Entry& a, const Entry& b) { return a.phrase.size() > b.phrase.size(); });
  }
  // The longest phrase starting at s[i] (not past `end`): {id, length} or {-1, 0}.
  std::pair<int, int32_t> Match(const std::u32string& s, int32_t i, int32_t end) const {
    const char32_t first = AsciiLower(s[i]);
    if (!filter_.test(first & 0xFFFF)) return {-1, 0};
    const auto it = by_first_.find(first);
    if (it == by_first_.end()) return {-1, 0};
    for (const Entry& e : it->second) {
      const int32_t len = static_cast<int32_t>(e.phrase.size());
      if (i + len > end) continue;
      bool same = true;
      for (int32_t k = 1; k < len && same; ++k) same = AsciiLower(s[i + k]) == AsciiLower(e.phrase[k]);
      if (same) return {e.id, len};
    }
    return {-1, 0};
  }

 private:
  struct Entry {
    View phrase;
    int id;
  };
  std::bitset<0x10000> filter_;
  std::unordered_map<char32_t, std::vector<Entry>> by_first_;
};

// Hash of a phrase's first two characters, for the prefilter below.
uint32_t PairKey(char32_t a, char32_t b) {
  return (AsciiLower(a) * 0x9E3779B1u ^ AsciiLower(b) * 0x85EBCA77u) >> 12;  // 20 bits
}

struct Lexicons {
  PhraseIndex labels, chrome, chrome_cells, to_line_end, footer, spam, spam_tail;
  // Every phrase is at least two characters long: positions whose first two
  // characters start no phrase of any lexicon are skipped with one bit test.
  std::bitset<1u << 20> pairs;
  void AddPairs(View p) {
    if (p.size() >= 2) pairs.set(PairKey(p[0], p[1]));
  }
  bool MayStartPhrase(const std::u32string& s, int32_t i, int32_t end) const {
    return i + 1 < end && pairs.test(PairKey(s[i], s[i + 1]));
  }
  Lexicons() {
    for (const Label& l : kLabels) AddPairs(l.name);
    for (View p : kChrome) AddPairs(p);
    for (View p : kChromeCells) AddPairs(p);
    for (View p : kToLineEnd) AddPairs(p);
    for (View p : kFooter) AddPairs(p);
    for (View p : kSpam) AddPairs(p);
    for (size_t i = 0; i < std::size(kLabels); ++i) labels.Add(kLabels[i].name, static_cast<int>(i));
    for (View p : kChrome) chrome.Add(p, 0);
    for (View p : kChromeCells) chrome_cells.Add(p, static_cast<int>(p.size()));
    for (View p : kToLineEnd) to_line_end.Add(p, 0);
    for (View p : kFooter) footer.Add(p, 0);
    for (View p : kSpam) spam.Add(p, 0);
    for (View p : kSpamTail) spam_tail.Add(p, 0);
  }
};

const Lexicons& Lex() {
  static const Lexicons lex;
  return lex;
}

View Trim(View v) {
  while (!v.empty() && IsSpace(v.front())) v.remove_prefix(1);
  while (!v.empty() && IsSpace(v.back())) v.remove_suffix(1);
  return v;
}

bool AllOf(View v, bool (*pred)(char32_t)) { return std::all_of(v.begin(), v.end(), pred); }

bool IsCodeChar(char32_t c) { return c > 0x20 && c < 0x7F; }
bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsFontSizeChar(char32_t c) {
  return c == U'大' || c == U'中' || c == U'小' || c == U'[' || c == U']' || c == U'【' ||
         c == U'】' || c == U'(' || c == U')' || c == U'默' || c == U'认' || IsSpace(c);
}

bool LooksLikeTitle(View v) {
  return Contains(v, U"《") || Contains(v, U"关于") || Contains(v, U"通知") ||
         Contains(v, U"方案") || Contains(v, U"意见") || Contains(v, U"。") || Contains(v, U",");
}

// Whether `v` (trimmed) is a plausible value of a label of kind `kind`.
// `next_line`: the value stands alone on the following line, where only
// unmistakable values are taken.
bool ValueFits(Value kind, View v, bool next_line) {
  const size_t n = v.size();
  if (n == 0) return false;
  switch (kind) {
    case Value::kKept:
      return false;
    case Value::kCode:
      return n <= 64 && AllOf(v, IsCodeChar);
    case Value::kDocCode:
      if (next_line) return n <= 40 && AllOf(v, IsCodeChar);
      return n <= 40 && !LooksLikeTitle(v);
    case Value::kDisclosure:
      return n <= 8 && Contains(v, U"公开");
    case Value::kValidity:
      return n <= 8 && (Contains(v, U"有效") || Contains(v, U"失效") || Contains(v, U"废止") ||
                        Contains(v, U"修订") || Contains(v, U"修改") || Contains(v, U"生效"));
    case Value::kCategory:
      return n <= 16 && !LooksLikeTitle(v);
    case Value::kSource:
      return n <= 24 && !LooksLikeTitle(v);
    case Value::kCount: {
      View d = v;
      if (!d.empty() && d.back() == U'次') d.remove_suffix(1);
      return !next_line && !d.empty() && d.size() <= 12 && AllOf(d, IsDigit);
    }
    case Value::kFontSize:
      return !next_line && n <= 16 && AllOf(v, IsFontSizeChar) &&
             (Contains(v, U"大") || Contains(v, U"小"));
    case Value::kShare:
      return !next_line && n <= 30 &&
             (Contains(v, U"微信") || Contains(v, U"微博") || Contains(v, U"QQ") ||
              Contains(v, U"qq") || Contains(v, U"空间") || Contains(v, U"朋友圈"));
  }
  return false;
}

// Values that may contain spaces run on over tokens that fit.
bool SpaceSeparated(Value kind) { return kind == Value::kFontSize || kind == Value::kShare; }

class LineMarker {
 public:
  LineMarker(const std::u32string& s, std::vector<Span>& out) : lex_(Lex()), s_(s), out_(out) {}

  // Marks furniture in the line [ls, le). Returns the kind of a label left
  // without a value at the end of the line (its value may follow on the next
  // line), or kKept.
  Value Mark(int32_t ls, int32_t le, Value pending) {
    const View line = Trim(View(s_).substr(ls, le - ls));
    if (line.empty()) return pending;
    const int32_t ts = static_cast<int32_t>(line.data() - s_.data());
    const int32_t te = ts + static_cast<int32_t>(line.size());
    cands_.clear();
    for (int32_t i = ts; i < te; ++i) {
      if (lex_.MayStartPhrase(s_, i, te)) cands_.push_back(i);
    }
    if (pending != Value::kKept && !StartsWithLabel(ts, te) && ValueFits(pending, line, true)) {
      Add(ts, te);
      return Value::kKept;
    }
    if (te - ts <= kMaxFooterLine && ContainsAny(lex_.footer, te)) {
      Add(ts, te);
      return Value::kKept;
    }
    MarkCells(ts, te);
    MarkSpam(ts, te);
    return MarkLabelsAndChrome(ts, te);
  }

 private:
  void Add(int32_t start, int32_t end) {
    if (start < end) out_.push_back(Span{start, end});
  }

  // Whether a phrase of `index` starts at a candidate position of the line.
  bool ContainsAny(const PhraseIndex& index, int32_t end) const {
    for (const int32_t i : cands_) {
      if (index.Match(s_, i, end).first >= 0) return true;
    }
    return false;
  }

  bool FieldStart(int32_t i, int32_t ls) const {
    if (i == ls) return true;
    const char32_t p = s_[i - 1];
    return IsSpace(p) || IsBullet(p) || IsColon(p);
  }

  // A label at a field start followed by a colon: {label index, end of colon}.
  std::pair<int, int32_t> LabelAt(int32_t i, int32_t ls, int32_t le) const {
    if (!FieldStart(i, ls)) return {-1, 0};
    const auto [id, len] = lex_.labels.Match(s_, i, le);
    if (id < 0) return {-1, 0};
    int32_t j = i + len;
    while (j < le && IsSpace(s_[j])) ++j;
    if (j < le && IsColon(s_[j])) return {id, j + 1};
    // Without a colon only chrome labels count (字号 大 中 小, 访问次数 12).
    const Value kind = kLabels[id].value;
    if (kind == Value::kCount || kind == Value::kFontSize || kind == Value::kShare) {
      return {id, i + len};
    }
    return {-1, 0};
  }

  bool StartsWithLabel(int32_t ts, int32_t te) const {
    int32_t i = ts;
    while (i < te && IsBullet(s_[i])) ++i;
    return LabelAt(i, i, te).first >= 0;
  }

  // Whole cells (between '|') that are chrome words.
  void MarkCells(int32_t ts, int32_t te) {
    int32_t cs = ts;
    for (int32_t i = ts; i <= te; ++i) {
      if (i < te && s_[i] != U'|') continue;
      const View cell = Trim(View(s_).substr(cs, i - cs));
      if (!cell.empty()) {
        const int32_t c0 = static_cast<int32_t>(cell.data() - s_.data());
        const int32_t c1 = c0 + static_cast<int32_t>(cell.size());
        const auto [id, len] = lex_.chrome_cells.Match(s_, c0, c1);
        if (id >= 0 && len == c1 - c0) Add(c0, c1);
      }
      cs = i + 1;
    }
  }

  // Spam brands: keyword, the brand name before it, and brand tails after it.
  // A short line that is mostly spam is marked whole.
  void MarkSpam(int32_t ts, int32_t te) {
    const size_t before = out_.size();
    int32_t covered = 0;
    int32_t i = ts;
    for (const int32_t cand : cands_) {
      if (cand < i) continue;
      i = cand;
      const auto [id, len] = lex_.spam.Match(s_, i, te);
      if (id < 0) continue;
      int32_t start = i;
      int32_t k = 0;
      while (start > ts && k < 4 && (IsHan(s_[start - 1]) || IsAsciiAlnum(s_[start - 1]))) {
        --start;
        ++k;
      }
      // No boundary within four characters: the brand is glued to prose
      // (…会今年以来), take the usual two-character brand name.
      if (k == 4 && start > ts && (IsHan(s_[start - 1]) || IsAsciiAlnum(s_[start - 1]))) {
        start = i - 2;
      }
      int32_t end = i + len;
      while (end < te && end - i < 40) {
        const char32_t c = s_[end];
        if (c == U'(' || c == U')' || c == U'-' || c == U'·' || c == U'/' || c == U'_' ||
            IsAsciiAlnum(c)) {
          ++end;
          continue;
        }
        const auto tail = lex_.spam_tail.Match(s_, end, te);
        const auto more = lex_.spam.Match(s_, end, te);
        const int32_t step = std::max(tail.second, more.second);
        if (step == 0) break;
        end += step;
      }
      Add(start, end);
      covered += end - start;
      i = end;
    }
    if (out_.size() > before && te - ts <= kMaxSpamLine && covered * 5 >= (te - ts) * 2) {
      out_.resize(before);
      Add(ts, te);
    }
  }

  Value MarkLabelsAndChrome(int32_t ts, int32_t te) {
    Value pending = Value::kKept;
    int32_t i = ts;
    for (const int32_t cand : cands_) {
      if (cand < i) continue;
      i = cand;
      if (const auto [id, len] = lex_.to_line_end.Match(s_, i, te); id >= 0 && FieldStart(i, ts)) {
        int32_t j = i + len;
        while (j < te && IsSpace(s_[j])) ++j;
        if (j < te && IsColon(s_[j])) {
          Add(i, std::min(te, i + kMaxLineEndSpan));
          return Value::kKept;
        }
      }
      if (const auto [id, len] = lex_.chrome.Match(s_, i, te); id >= 0) {
        int32_t start = i, end = i + len;
        if (start > ts && (s_[start - 1] == U'【' || s_[start - 1] == U'[')) --start;
        if (end < te && (s_[end] == U'】' || s_[end] == U']')) ++end;
        Add(start, end);
        i = end;
        continue;
      }
      const auto [label, after] = LabelAt(i, ts, te);
      if (label < 0) continue;
      const Value kind = kLabels[label].value;
      const int32_t value_end = MarkLabel(i, after, te, kind, &pending);
      i = std::max(after, value_end);
    }
    return pending;
  }

  // Marks a label starting at `start` (its colon ends at `after`) and its
  // value, if it has one that fits. Returns where scanning goes on.
  int32_t MarkLabel(int32_t start, int32_t after, int32_t te, Value kind, Value* pending) {
    *pending = Value::kKept;
    int32_t v = after;
    while (v < te && IsSpace(s_[v])) ++v;
    if (kind == Value::kKept) return after;
    if (v >= te) {  // nothing after the label on this line
      Add(start, after);
      *pending = kind;
      return te;
    }
    int32_t vs = v, ve = v;
    if (s_[v] == U'|') {  // table row: the value is the next cell
      vs = v + 1;
      ve = vs;
      while (ve < te && ve - vs <= kMaxValue && s_[ve] != U'|') ++ve;
      const View cell = Trim(View(s_).substr(vs, ve - vs));
      vs = static_cast<int32_t>(cell.data() - s_.data());
      if (cell.empty()) {
        Add(start, after);
        return vs;
      }
      ve = vs + static_cast<int32_t>(cell.size());
      if (LabelAt(vs, vs, te).first >= 0) {
        Add(start, after);
        return vs;
      }
    } else {
      // Same line: up to the next space (or, for spaced values, the last
      // token that fits), a cell separator or the next label.
      const int32_t limit = std::min(te, vs + kMaxValue);
      while (ve < limit && !IsSpace(s_[ve]) && s_[ve] != U'|' && LabelAt(ve, vs, te).first < 0) {
        ++ve;
      }
      if (SpaceSeparated(kind)) {
        int32_t e = ve;
        while (e < limit && s_[e] != U'|' && LabelAt(e, vs, te).first < 0) {
          ++e;
          if (ValueFits(kind, Trim(View(s_).substr(vs, e - vs)), false)) ve = e;
        }
      }
    }
    const View value = Trim(View(s_).substr(vs, ve - vs));
    if (ValueFits(kind, value, false)) {
      const int32_t end = static_cast<int32_t>(value.data() - s_.data() + value.size());
      Add(start, end);
      return end;
    }
    Add(start, after);
    return after;
  }

  const Lexicons& lex_;
  const std::u32string& s_;
  std::vector<Span>& out_;
  std::vector<int32_t> cands_;  // positions of the line where a phrase may start
};

std::vector<Span> Merge(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end());
  std::vector<Span> merged;
  for (const Span& s : spans) {
    if (!merged.empty() && s.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

}  // namespace

void MarkFurniture(DocumentContext& ctx) {
  const std::u32string& s = ctx.norm.size() == ctx.text.size() ? ctx.norm : ctx.text;
  const int32_t n = static_cast<int32_t>(s.size());
  std::vector<Span> spans;
  LineMarker marker(s, spans);
  Value pending = Value::kKept;
  int blank_lines = 0;
  int32_t ls = 0;
  for (int32_t i = 0; i <= n; ++i) {
    if (i < n && s[i] != U'\n' && s[i] != 0x2028 && s[i] != 0x2029) continue;
    const bool blank = Trim(View(s).substr(ls, i - ls)).empty();
    if (blank && pending != Value::kKept && ++blank_lines > 2) pending = Value::kKept;
    if (!blank) {
      blank_lines = 0;
      pending = marker.Mark(ls, i, pending);
    }
    ls = i + 1;
  }
  ctx.furniture = Merge(std::move(spans));
}

}  // namespace policykg
