#include "extract/lexicon.h"

#include <algorithm>
#include <bitset>
#include <unordered_set>
#include <vector>

#include "base/utf8.h"

namespace policykg {

const char kRuleParent[] = "parent";
const char kRuleBare[] = "bare";

namespace {

// A word list in UTF-32, for the statics below that convert theirs once.
template <size_t N>
std::vector<std::u32string> ToU32(const char* const (&words)[N]) {
  std::vector<std::u32string> out;
  out.reserve(N);
  for (const char* w : words) out.push_back(Utf8ToU32(w));
  return out;
}

// Verbs, adverbs and function words that end a name when walking left from
// its suffix. Words that often sit inside names (培养, 提升, 发展, 服务, 合作 as
// nouns) are left out on purpose; compounds that begin a clause are listed.
constexpr const char* kStopWords[] = {
    // function words and pronouns (single characters that also sit inside
    // names, such as 能, 会, 所, 共, 总, 经, 本, 来, 商, are left out)
    "的", "在", "对", "将", "为", "由", "把", "向", "从", "被", "是", "了", "并", "或", "即",
    "及其", "以及", "其中", "其", "该", "此", "这", "那", "各", "每", "于", "至", "给", "如", "据",
    "就", "还", "我", "你", "您", "他们", "你们", "我们", "若", "以", "本市", "本区", "本县",
    "关于", "通过", "根据", "按照", "围绕", "结合", "依托", "依靠", "利用", "面向", "对标", "瞄准",
    "聚焦", "聚力", "立足", "借助", "针对", "和", "与", "跟", "及", "等",
    // clause-level verbs and adverbs
    "实施", "开展", "推进", "加快", "深化", "深入", "启动", "组织", "举办", "召开", "参加", "参与",
    "申报", "支持", "鼓励", "引导", "推动", "推广", "引进", "加强", "完善", "落实", "贯彻", "积极",
    "全面", "大力", "持续", "继续", "着力", "打造", "建立", "设立", "组建", "共建", "争创", "创建",
    "谋划", "抓好", "做好", "做大", "做强", "做优", "表彰", "获", "获得", "入选", "列入", "成功",
    "进一步", "联合", "携手", "签约", "强化", "提高", "优化提升", "改造提升", "统筹", "认定",
    "出台", "制定", "印发", "发布", "承接", "争取", "应用", "运用", "使用", "筹建", "新建", "建成",
    "成立", "对接", "融入", "策应", "配合", "负责", "牵头", "主办", "协办", "承办", "答复", "提出", "每个", "各个", "这个", "那个", "重点提升", "重点推进", "重点建设", "重点打造", "重点支持",
    "重点培育", "全力提升", "大力提升", "着力提升", "不断提升", "持续提升", "并购", "收购", "兼并", "实行",
    "创成", "增强", "整合", "确定", "研究确定", "抓住", "抢抓", "把握", "提升", "让", "使", "遵守",
    "随着", "而", "按", "必须", "超过", "都要", "接受", "突出", "改进", "今年", "明年", "去年", "当年",
    "采取", "开办", "创办", "兴办", "重组", "布局", "扩大", "清理", "整个", "开拓", "攻克", "去",
    "只", "除", "也", "又", "已", "均", "需要", "安排", "安排好", "纳入", "健全", "建有", "梳理", "整顿", "淘汰", "关停", "取缔", "听取", "恢复", "仅", "完不成", "完成", "要", "同", "拿出", "搞好", "推行", "进行", "应当", "可以", "能够", "不能",
    "收悉", "感谢", "同时", "目前", "已经", "正在", "力争", "确保", "努力", "加大", "扩大", "保障",
    "促进", "带动", "吸引", "集聚", "招引", "引育", "培育发展", "建设", "高水平", "高标准", "高质量",
    "新增", "累计", "预计", "全力", "全市", "全区", "全县", "全省", "全国", "我市", "我区", "我县",
    "我省", "赴", "到", "加速", "推出", "开发建设", "规划建设",
    "探索", "发挥", "形成", "构建", "助推", "助力", "赋能", "服务于", "相关", "有关", "一批", "一系列",
    "评定", "评为", "命名", "授予", "荣获", "成为", "作为", "位居", "位列", "排名", "实现", "完成",
    "达到", "达成", "包括", "涵盖", "覆盖", "拥有", "具有", "其他", "其它", "主要", "部分", "首个",
    "首批", "首家", "率先", "不断", "切实", "扎实", "坚持", "坚决", "充分", "有效", "稳步", "加紧",
    "抓紧", "尽快", "逐步", "分别", "共同", "广泛", "主动", "专门", "发文", "召集", "邀请",
    "选派", "派遣", "组织开展", "组织申报", "引进培育", "做实", "用好", "办好", "开好",
    "提请", "审议", "通过了", "会同", "请", "报送", "上报", "指导", "协助", "督促",
    "加入", "进入", "进驻", "入驻", "落户", "落地", "入编", "编制", "修订", "调整", "发放", "拨付",
    "资助", "补助", "奖励", "给予", "享受", "申请", "获批", "批复", "复制", "遴选", "筛选", "推荐",
    "承担", "亿元", "万元", "获评", "吸收", "表示", "压缩", "消灭", "忘记", "拼凑", "纠集", "严格控制", "高度评价", "培育壮大", "发展壮大",
    // function words that begin with a one-character stop word: without
    // them the walk stops inside them (我|国国民经济计划, 这|次代表大会)
    "各级", "同级", "各种", "各类", "这次", "这些", "那些", "或者", "如果", "我国", "若干", "还有",
    "以求", "以前", "只能", "并且", "其余", "大批", "一大批", "许多", "要求",
};

// Stop words up to four BMP characters, packed into one integer so that a
// lookup allocates nothing (the walk asks at every character).
uint64_t PackWord(std::u32string_view w) {
  if (w.empty() || w.size() > 4) return 0;
  uint64_t key = 0;
  for (char32_t c : w) {
    if (c > 0xFFFF) return 0;
    key = (key << 16) | static_cast<uint64_t>(c);
  }
  return key | (static_cast<uint64_t>(w.size()) << 62);
}

// The stop words as packed keys in an open-addressing table, with bitmaps of
// the characters that start and end a stop word. The left walk asks at every
// character of a name whether a stop word ends there; most characters end
// none, and the bitmap answers those with one bit test.
class StopTable {
 public:
  explicit StopTable(const std::vector<std::u32string>& words) {
    size_t slots = 16;
    while (slots < 2 * words.size()) slots *= 2;
    slots_.assign(slots, 0);
    for (const std::u32string& w : words) {
      const uint64_t key = PackWord(w);
      if (key == 0) continue;
      starts_.set(w.front());
      ends_.set(w.back());
      size_t i = Slot(key);
      while (slots_[i] != 0 && slots_[i] != key) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = key;
    }
  }

  bool Contains(uint64_t key) const {
    for (size_t i = Slot(key);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == key) return true;
      if (slots_[i] == 0) return false;
    }
  }
  // False when no stop word starts (ends) with c.
  bool MayStartWith(char32_t c) const { return c <= 0xFFFF && starts_[c]; }
  bool MayEndWith(char32_t c) const { return c <= 0xFFFF && ends_[c]; }

 private:
  size_t Slot(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & (slots_.size() - 1);
  }

  std::vector<uint64_t> slots_;  // packed keys, 0 = free; size a power of two
  std::bitset<0x10000> starts_, ends_;
};

const StopTable& Stops() {
  static const StopTable table(ToU32(kStopWords));
  return table;
}

// Words that alone never make a head: levels, classes and generic qualities.
constexpr const char* kGenericWords[] = {
    "国家级", "国家", "省级", "省部级", "市级", "县级", "区级", "镇级", "省", "市", "县", "区", "镇",
    "乡", "乡镇", "街道", "各级", "地方", "基层", "本级", "上级", "重点", "重大", "重要", "一批",
    "新型", "高新技术", "高新", "高端", "企业", "产业", "行业", "创新", "协同创新", "科技", "技术",
    "产业技术", "研发", "科研", "工程", "专业", "综合", "公共", "应用", "以上", "以下", "千亿级", "百亿级", "万亿级", "现代化", "服务", "特色", "现代", "示范", "优秀",
    "龙头", "骨干", "领军", "科技型", "高水平", "高能级", "一流", "知名", "国内外", "国内", "国外",
    "海外", "境外", "外资", "民营", "国有", "大型", "中小", "中小微", "小微", "相关", "有关", "其他",
    "各类", "各种", "该", "本", "此", "大", "新", "老", "总", "分", "联合", "合作", "共建", "建设",
    "运营", "建设运营", "投资", "担保", "金融", "科创", "双创", "众创", "人才", "专家", "院士",
    "博士", "博士后", "工作", "管理", "发展", "研究", "开发", "设计", "检验检测", "检测", "孵化",
    "加速", "转化", "转移", "成果转化", "技术转移", "企业技术", "工程技术", "制造业", "高校",
    "院所", "科研院所", "高等", "大学", "职业", "党政", "政府", "部门", "单位", "机构", "组织",
    "平台", "载体", "园区", "集群", "地标性", "标志性", "战略性", "新兴", "未来", "传统", "优势",
    "主导", "支柱", "主要", "首批", "首个", "第一", "年度", "系列", "专项", "试点", "示范性",
    "市场化", "专业化", "数字化", "智能化", "国际", "国际化", "全球", "区域", "地区", "城市",
    "农业", "工业", "省重点", "市重点", "国家重点", "级", "上述", "下属", "直属", "所属", "全",
    "创业", "创新创业", "培育", "相近", "一流", "世界一流", "正规", "函授", "师范", "电视", "广播电视", "工科", "直属",
    "反革命", "卖国", "战争", "帝国主义", "条约", "侵略", "军事", "政治", "证券", "保险", "上市", "母",
    "子", "资产管理", "联营", "进出口", "外贸", "行政性", "控股", "经纪", "批发", "商业", "贸易",
    "联盟", "团队", "项目", "计划", "行动", "大会", "会议", "活动", "论坛", "领域", "提升", "支撑", "地标",
    "众创空间", "孵化器", "加速器", "一站式", "省级以上", "市级以上", "国家级以上", "并购", "示范区",
};

const std::unordered_set<std::u32string>& GenericSet() {
  static const std::unordered_set<std::u32string> set = [] {
    const std::vector<std::u32string> words = ToU32(kGenericWords);
    return std::unordered_set<std::u32string>(words.begin(), words.end());
  }();
  return set;
}

}  // namespace

// Stop words that are also the last word of names (组织部, 促进中心,
// 奖励大会, 引进计划): kept when they touch the suffix.
bool IsNounLikeStop(std::u32string_view w) {
  static const std::u32string_view kWords[] = {U"组织", U"促进", U"协同", U"奖励", U"建设", U"联合",
                                               U"对接", U"推广", U"应用", U"引进", U"合作", U"提升", U"推进"};
  for (auto k : kWords) {
    if (w == k) return true;
  }
  return false;
}

namespace {

// Classifiers that follow a numeral in a count (3家, 两大, 16个).
bool IsClassifier(char32_t c) {
  static const CharSet kClassifiers(U"家个项所批支名人年月日大类种条次座处位件");
  return kClassifiers.Contains(c);
}

// Modifiers that may sit between a count and the shared suffix of an
// enumeration (三大地标性产业集群, 16家省级产业创新服务综合体).
constexpr const char* kCloserModifiers[] = {
    "省级以上", "国家级", "省级", "市级", "县级", "区级", "地标性", "标志性", "重点", "特色", "主导",
    "优势", "新兴", "战略性", "现代", "高能级", "行业内", "领军", "龙头", "骨干", "百亿级",
    "千亿级", "亿元以上", "外资", "系列", "科技", "创新", "优秀", "绩效评价优秀",
};

// kCloserModifiers in UTF-32, converted once (the closer test runs at every
// enumeration candidate).
const std::vector<std::u32string>& CloserModifiers() {
  static const std::vector<std::u32string> words = ToU32(kCloserModifiers);
  return words;
}

}  // namespace

CharSet::CharSet(std::u32string_view chars) {
  for (char32_t c : chars) {
    if (c <= 0xFFFF) {
      bmp_.set(c);
    } else {
      astral_.push_back(c);
    }
  }
}

bool IsNumeral(char32_t c) {
  static const CharSet kNumerals(U"〇零一二三四五六七八九十百千万两");
  return IsAsciiDigit(c) || kNumerals.Contains(c);
}


int StopWordEndingAt(std::u32string_view s, size_t end) {
  const StopTable& stops = Stops();
  if (end == 0 || end > s.size() || !stops.MayEndWith(s[end - 1])) return 0;
  for (int len = 4; len >= 1; --len) {
    if (end < static_cast<size_t>(len)) continue;
    const std::u32string_view w = s.substr(end - len, len);
    const uint64_t key = PackWord(w);
    if (key == 0 || !stops.Contains(key)) continue;
    // 高等/中等 are adjectives, not the enumeration closer 等.
    if (w == U"等" && end >= 2 && (s[end - 2] == U'高' || s[end - 2] == U'中' || s[end - 2] == U'同')) continue;
    // 重要, 纲要, 协同, 共同, 天使, 大使 and 华为, 行为 end words; only a lone
    // 要, 同, 使 or 为 is a stop.
    if ((w == U"要" && end >= 2 && std::u32string_view(U"重主纲需首必摘提").find(s[end - 2]) != std::u32string_view::npos) ||
        (w == U"同" && end >= 2 && std::u32string_view(U"协共合如相不认赞会大").find(s[end - 2]) != std::u32string_view::npos) ||
        (w == U"使" && end >= 2 && std::u32string_view(U"天大公特").find(s[end - 2]) != std::u32string_view::npos) ||
        (w == U"为" && end >= 2 && std::u32string_view(U"华行有无").find(s[end - 2]) != std::u32string_view::npos)) {
      continue;
    }
    // 以色列, 以上 are not the preposition 以.
    if (w == U"以" && end < s.size() && (s[end] == U'色' || s[end] == U'上')) continue;
    return len;
  }
  return 0;
}

int StopWordStartingAt(std::u32string_view s, size_t pos) {
  const StopTable& stops = Stops();
  if (pos >= s.size() || !stops.MayStartWith(s[pos])) return 0;
  for (int len = 4; len >= 1; --len) {
    if (pos + len > s.size()) continue;
    const uint64_t key = PackWord(s.substr(pos, len));
    if (key != 0 && stops.Contains(key)) return len;
  }
  return 0;
}

size_t WalkLeft(std::u32string_view s, size_t suffix_start, const WalkOptions& opt) {
  size_t b = suffix_start;
  while (b > 0 && suffix_start - b < static_cast<size_t>(opt.max_len)) {
    const char32_t c = s[b - 1];
    // A parenthesised qualifier inside a name: 江南大学(绍兴)研究院, 首台(套).
    if (c == U')') {
      size_t o = b - 1;
      while (o > 0 && b - o < 8 && s[o - 1] != U'(' && !IsBreak(s[o - 1])) --o;
      if (o == 0 || s[o - 1] != U'(' || o - 1 == 0 || !IsNameChar(s[o - 2])) break;
      b = o - 1;
      continue;
    }
    if (opt.allow_quotes && IsCloseQuote(c)) {
      size_t o = b - 1;
      while (o > 0 && b - o < 16 && !IsOpenQuote(s[o - 1]) && s[o - 1] != U'\n') --o;
      if (o == 0 || !IsOpenQuote(s[o - 1])) break;
      b = o - 1;
      continue;
    }
    if (c == U'-') {  // 柯城-智慧新城: a hyphen between two name parts
      if (b < 2 || !IsHan(s[b - 2]) || b == suffix_start || !IsHan(s[b])) break;
      --b;
      continue;
    }
    if (!IsNameChar(c)) break;
    if (IsAsciiDigit(c)) {
      // Digits belong to a name only after a letter (G60); otherwise a count or year.
      size_t d = b - 1;
      while (d > 0 && IsAsciiDigit(s[d - 1])) --d;
      if (d == 0 || !(IsAsciiAlnum(s[d - 1]) && !IsAsciiDigit(s[d - 1]))) break;
      b = d;
      continue;
    }
    // A count such as 三大, 6家 ends the name; so does a date's 2025年度 or 5月份.
    if (IsClassifier(c) && b >= 2 && IsNumeral(s[b - 2])) {
      if (b < suffix_start && ((c == U'年' && s[b] == U'度') || (c == U'月' && s[b] == U'份'))) ++b;
      break;
    }
    {
      const int stop = StopWordEndingAt(s, b);
      if (stop > 0 && b == suffix_start && opt.keep_adjacent && IsNounLikeStop(s.substr(b - stop, stop))) {
        // 组织部, 促进中心, 引进计划: the word names the body, not an action on it.
      } else if (stop > 0) {
        const std::u32string_view w = s.substr(b - stop, stop);
        const bool conj = (w == U"和" || w == U"与" || w == U"及");
        // 中国建设银行, 中国联合网络通信集团: after 中国 the word is part of a
        // national firm's name, not a clause verb.
        if (!conj && stop >= 2 && EndsAt(s, b - stop, U"中国")) {
          b -= stop;
          continue;
        }
        if (!conj || !opt.allow_conjunction) break;
        // A conjunction inside a short name (动力电池和储能研究院): go on only when
        // the left conjunct is short and itself starts at a boundary.
        const size_t right_len = suffix_start - b;
        if (right_len > 4) break;
        size_t l = b - 1;
        while (l > 0 && IsHan(s[l - 1]) && (b - 1) - l < 9 && StopWordEndingAt(s, l) == 0) --l;
        const size_t left_len = (b - 1) - l;
        if (left_len < 2 || left_len > 8) break;
        if (l > 0 && IsHan(s[l - 1]) && StopWordEndingAt(s, l) == 0) break;
        const std::u32string_view left = s.substr(l, left_len);
        // 企业与高校 joins two class nouns, not one name.
        if (IsGenericHead(left) || EndsAt(left, left.size(), U"企业") ||
            std::u32string_view(U"区园城局院委府司心室所部学省市县镇办厅社校行团").find(left.back()) !=
                std::u32string_view::npos) {
          break;
        }
        // Two bodies (市委市政府) are joined, not one name.
        const std::u32string_view right = s.substr(b, suffix_start - b);
        if (right.find_first_of(U"委府省市区县") != std::u32string_view::npos) break;
        b = l;
        break;
      }
    }
    --b;
  }
  return b;
}

bool FollowsEach(std::u32string_view s, size_t b) {
  if (b == 0) return false;
  if (s[b - 1] == U'各') return true;
  return b >= 2 && s[b - 2] == U'各' && std::u32string_view(U"级类种个").find(s[b - 1]) != std::u32string_view::npos;
}

bool IsGenericHead(std::u32string_view head) {
  if (head.empty()) return true;
  const auto& set = GenericSet();
  // Greedy cover of the head by generic words, longest first.
  size_t i = 0;
  while (i < head.size()) {
    size_t best = 0;
    for (size_t len = std::min<size_t>(6, head.size() - i); len >= 1; --len) {
      if (set.count(std::u32string(head.substr(i, len)))) {
        best = len;
        break;
      }
    }
    if (best == 0 && (IsNumeral(head[i]) || !IsNameChar(head[i]))) best = 1;
    if (best == 0) return false;
    i += best;
  }
  return true;
}

size_t SkipGenericPrefix(std::u32string_view s, size_t begin, size_t end) {
  static const std::u32string kPrefixes[] = {U"新增", U"一批", U"首批"};
  for (const auto& p : kPrefixes) {
    if (end - begin > p.size() + 1 && MatchAt(s, begin, p)) return begin + p.size();
  }
  return begin;
}

size_t EnumerationCloserStart(std::u32string_view s, size_t pos, int* count) {
  if (count) *count = 0;
  size_t p = pos;
  bool closed = false;
  // Modifiers, possibly several (省级 + 产业).
  for (int round = 0; round < 3; ++round) {
    bool hit = false;
    for (const std::u32string& w : CloserModifiers()) {
      if (EndsAt(s, p, w)) {
        p -= w.size();
        hit = true;
        break;
      }
    }
    if (!hit) break;
  }
  // A count: numeral(s) + classifier.
  if (p >= 2 && IsClassifier(s[p - 1]) && IsNumeral(s[p - 2])) {
    p -= 1;
    const size_t num_end = p;
    while (p > 0 && IsNumeral(s[p - 1])) --p;
    closed = true;
    if (count && num_end - p == 1) {
      static const std::u32string kSmall = U"〇一二三四五六七八九";
      const char32_t d = s[p];
      if (IsAsciiDigit(d)) *count = static_cast<int>(d - U'0');
      else if (d == U'两') *count = 2;
      else if (kSmall.find(d) != std::u32string::npos) *count = static_cast<int>(kSmall.find(d));
    }
  }
  if (p >= 1 && s[p - 1] == U'等') {
    --p;
    closed = true;
  }
  return closed ? p : std::u32string_view::npos;
}

std::vector<Span> EnumerationItemsEndingAt(std::u32string_view s, size_t end, int min_items,
                                           int max_item_len, bool allow_quotes) {
  std::vector<Span> items;
  size_t e = end;
  WalkOptions opt;
  opt.max_len = max_item_len;
  opt.allow_quotes = allow_quotes;
  opt.allow_conjunction = false;
  while (e > 0) {
    size_t b = e;
    // The walk treats the item's last word as part of the name; give it a
    // virtual suffix start at e so that a stop word right before e ends it.
    while (b > 0 && e - b < static_cast<size_t>(max_item_len)) {
      const char32_t c = s[b - 1];
      if (allow_quotes && IsCloseQuote(c)) {
        size_t o = b - 1;
        while (o > 0 && b - o < 20 && !IsOpenQuote(s[o - 1]) && s[o - 1] != U'\n') --o;
        if (o == 0 || !IsOpenQuote(s[o - 1])) break;
        b = o - 1;
        continue;
      }
      if (c == U')') {
        size_t o = b - 1;
        while (o > 0 && b - o < 8 && s[o - 1] != U'(' && !IsBreak(s[o - 1])) --o;
        if (o == 0 || s[o - 1] != U'(') break;
        b = o - 1;
        continue;
      }
      if (!IsNameChar(c)) break;
      if (b != e && StopWordEndingAt(s, b) > 0) break;
      --b;
    }
    if (b == e) break;
    // Strip a leading stop word kept because it touched the item's end.
    size_t nb = b;
    if (const int st = StopWordStartingAt(s, nb); st > 0 && nb + st < e) nb += st;
    items.push_back({static_cast<int32_t>(nb), static_cast<int32_t>(e)});
    if (b == 0) break;
    const char32_t sep = s[b - 1];
    if (sep == U'、' || sep == U',' || ((sep == U'和' || sep == U'及' || sep == U'与') && items.size() == 1)) {
      // A comma only continues a list of quoted items, never a clause.
      if (sep == U',' && !(allow_quotes && b >= 2 && IsCloseQuote(s[b - 2]))) break;
      e = b - 1;
      continue;
    }
    break;
  }
  std::reverse(items.begin(), items.end());
  if (static_cast<int>(items.size()) < min_items) items.clear();
  return items;
}

std::vector<SuffixHit> ScanSuffixes(std::u32string_view s, const std::vector<SuffixRule>& rules,
                                    const WalkOptions& opt) {
  // The first characters of the suffixes, as a bitmap: most characters
  // start no suffix and cost one bit test. The rules sorted by that
  // character (stably: list order, longest suffix first, within one) so
  // that a character that does start one tries only its own rules.
  std::u32string firsts;
  std::vector<const SuffixRule*> by_first;
  for (const SuffixRule& r : rules) {
    firsts.push_back(r.suffix[0]);
    by_first.push_back(&r);
  }
  const CharSet first(firsts);
  std::stable_sort(by_first.begin(), by_first.end(),
                   [](const SuffixRule* a, const SuffixRule* b) { return a->suffix[0] < b->suffix[0]; });
  std::vector<SuffixHit> hits;
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (!first.Contains(c)) continue;
    auto it = std::lower_bound(by_first.begin(), by_first.end(), c,
                               [](const SuffixRule* r, char32_t v) { return r->suffix[0] < v; });
    for (; it != by_first.end() && (*it)->suffix[0] == c; ++it) {
      const SuffixRule& r = **it;
      const std::u32string_view suf(r.suffix);
      if (!MatchAt(s, i, suf)) continue;
      const size_t end = i + suf.size();
      if (end < s.size() && std::u32string_view(r.bad_next).find(s[end]) != std::u32string_view::npos) continue;
      if (i > 0 && std::u32string_view(r.bad_prev).find(s[i - 1]) != std::u32string_view::npos) continue;
      WalkOptions o = opt;
      o.max_len = r.max_head;
      const size_t b = WalkLeft(s, i, o);
      if (i - b < static_cast<size_t>(r.min_head)) continue;
      // A head that is one stop word names nothing (推进实验室, 推进高新区),
      // even one that can be a noun (组织部, 促进中心 need a place before it).
      if (i > b && StopWordStartingAt(s, b) == static_cast<int>(i - b)) continue;
      // 高新区 and 新区 end together: the longer suffix, found first, decides.
      if (!hits.empty() && hits.back().end == end) break;
      hits.push_back({b, i, end, &r});
      break;  // rules are listed longest suffix first
    }
  }
  return hits;
}

std::vector<Span> EnumerationBefore(std::u32string_view s, size_t pos, int max_item_len, bool allow_quotes) {
  int count = 0;
  const size_t end = EnumerationCloserStart(s, pos, &count);
  if (end == std::u32string_view::npos || end == 0) return {};
  std::vector<Span> items = EnumerationItemsEndingAt(s, end, 1, max_item_len, allow_quotes);
  if (count > 0 && static_cast<int>(items.size()) == count + 1) {
    const Span& a = items[items.size() - 2];
    const Span& b = items.back();
    const char32_t sep = s[a.end];
    if (b.start == a.end + 1 && (sep == U'和' || sep == U'及' || sep == U'与')) {
      const Span merged{a.start, b.end};
      items.pop_back();
      items.back() = merged;
    }
  }
  if (count > 0 && static_cast<int>(items.size()) > count) {
    items.erase(items.begin(), items.end() - count);
  }
  return items;
}

bool EndsWithAnySuffix(std::u32string_view s, const std::vector<SuffixRule>& rules) {
  for (const SuffixRule& r : rules) {
    const std::u32string_view suf(r.suffix);
    if (s.size() > suf.size() && EndsAt(s, s.size(), suf)) return true;
  }
  return false;
}

void AddMention(DocumentContext& ctx, EntityType type, size_t start, size_t end, std::u32string canonical,
                const char* rule) {
  if (start >= end || end > ctx.text.size()) return;
  if (ctx.InFurniture(static_cast<int32_t>(start))) return;
  Mention m;
  m.type = type;
  m.span = {static_cast<int32_t>(start), static_cast<int32_t>(end)};
  m.surface = ctx.text.substr(start, end - start);
  m.canonical = canonical.empty() ? ctx.norm.substr(start, end - start) : std::move(canonical);
  m.rule = rule;
  ctx.mentions.push_back(std::move(m));
}

Span LineAround(std::u32string_view s, int32_t pos) {
  size_t b = static_cast<size_t>(pos);
  while (b > 0 && s[b - 1] != U'\n') --b;
  size_t e = static_cast<size_t>(pos);
  while (e < s.size() && s[e] != U'\n') ++e;
  return {static_cast<int32_t>(b), static_cast<int32_t>(e)};
}

Span SentenceAround(const DocumentContext& ctx, int32_t pos) {
  const int i = ctx.SentenceAt(pos);
  if (i >= 0) return ctx.sentences[i];
  const std::u32string_view s = ctx.norm;
  auto is_end = [](char32_t c) { return c == U'。' || c == U'!' || c == U'?' || c == U'\n' || c == U';' ||
                                        c == U'！' || c == U'？' || c == U'；'; };
  size_t b = static_cast<size_t>(pos);
  while (b > 0 && !is_end(s[b - 1])) --b;
  size_t e = static_cast<size_t>(pos);
  while (e < s.size() && !is_end(s[e])) ++e;
  if (e < s.size()) ++e;
  return {static_cast<int32_t>(b), static_cast<int32_t>(e)};
}

}  // namespace policykg
