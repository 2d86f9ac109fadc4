// What a document says about itself: title, document number (文号), issuer
// and date, read from the header fields that government sites print (发布机构:
// | 市科技局 |), the title line, and the signature at the end of a letter (an
// organisation line followed by a date line). Names are stored as written;
// ResolveJurisdiction expands a relative issuer (市科技局) once the
// jurisdiction is known.
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "extract/metadata.h"
#include "extract/passes.h"

namespace policykg {
namespace {

bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00a0' || c == U'\r'; }
// Table furniture around field values in scraped pages.
bool IsFiller(char32_t c) { return IsSpace(c) || c == U'|' || c == U'•' || c == U'·' || c == U'\u2022'; }
bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

struct Line {
  int32_t start;
  int32_t end;
};

std::vector<Line> Lines(const std::u32string& s) {
  std::vector<Line> lines;
  int32_t start = 0;
  for (int32_t i = 0; i <= static_cast<int32_t>(s.size()); ++i) {
    if (i == static_cast<int32_t>(s.size()) || s[i] == U'\n') {
      lines.push_back({start, i});
      start = i + 1;
    }
  }
  return lines;
}

// [start, end) without filler at either end.
Line Trim(const std::u32string& s, Line l) {
  while (l.start < l.end && IsFiller(s[l.start])) ++l.start;
  while (l.end > l.start && IsFiller(s[l.end - 1])) --l.end;
  return l;
}

bool EndsWith(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

namespace {

// The value of one group of digits: 2024, 二〇二四 (positional), 十二, 二十八.
int GroupValue(std::u32string_view g) {
  constexpr std::u32string_view kHanDigits = U"〇一二三四五六七八九";
  if (g.find(U'十') != std::u32string_view::npos) {
    const size_t ten = g.find(U'十');
    if (g.size() > 3 || ten > 1) return -1;
    const int tens = ten == 0 ? 1 : static_cast<int>(kHanDigits.find(g[0]));
    const int ones = ten + 1 < g.size() ? static_cast<int>(kHanDigits.find(g[ten + 1])) : 0;
    return tens * 10 + ones;
  }
  int v = 0;
  for (char32_t c : g) {
    const size_t han = kHanDigits.find(c);
    const int d = IsDigit(c) ? static_cast<int>(c - U'0') : c == U'零' || c == U'○' ? 0 : static_cast<int>(han);
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

bool IsDateDigit(char32_t c) {
  return IsDigit(c) || c == U'十' || c == U'零' || c == U'○' ||
         std::u32string_view(U"〇一二三四五六七八九").find(c) != std::u32string_view::npos;
}

}  // namespace

std::optional<std::string> ParseDate(std::u32string_view s) {
  size_t i = 0;
  while (i < s.size() && IsFiller(s[i])) ++i;
  int parts[3];
  for (int k = 0; k < 3; ++k) {
    const size_t start = i;
    while (i < s.size() && IsDateDigit(s[i])) ++i;
    if (i == start) return std::nullopt;
    parts[k] = GroupValue(s.substr(start, i - start));
    if (parts[k] < 0) return std::nullopt;
    if (k < 2) {
      if (i >= s.size() || std::u32string_view(U"-/.年月").find(s[i]) == std::u32string_view::npos) {
        return std::nullopt;
      }
      ++i;
    }
  }
  // After the day: 日 or 号, then only a time or filler.
  if (i < s.size() && (s[i] == U'日' || s[i] == U'号')) ++i;
  for (; i < s.size(); ++i) {
    if (!IsFiller(s[i]) && !IsDigit(s[i]) && s[i] != U':') return std::nullopt;
  }
  const int y = parts[0], m = parts[1], d = parts[2];
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

bool IsDocumentNumber(std::u32string_view s) {
  // 衢市科函〔2024〕31号, 浙政发[2023]6号, 国办发(2019)12号.
  size_t open = s.find_first_of(U"〔[(（【");
  if (open == std::u32string_view::npos || open == 0 || open > 12) return false;
  for (size_t i = 0; i < open; ++i) {
    if (!IsHan(s[i])) return false;
  }
  size_t i = open + 1;
  size_t year_digits = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++year_digits;
  if (year_digits != 4 || i >= s.size() || std::u32string_view(U"〕])）】").find(s[i]) == std::u32string_view::npos) {
    return false;
  }
  ++i;
  size_t n = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++n;
  return n > 0 && i + 1 == s.size() && s[i] == U'号';
}

bool LooksLikeOrganization(std::u32string_view s) {
  if (s.size() < 3 || s.size() > 40) return false;
  for (char32_t c : s) {
    if (!IsHan(c) && c != U'(' && c != U')' && c != U'（' && c != U'）') return false;
  }
  constexpr std::u32string_view kEndings[] = {U"局", U"厅", U"委", U"办", U"室", U"府", U"会", U"院", U"部",
                                              U"中心", U"协", U"社", U"所", U"处", U"署", U"组", U"委员会"};
  for (std::u32string_view e : kEndings) {
    if (EndsWith(s, e)) return true;
  }
  return false;
}

namespace {

// The header labels, by what they give.
constexpr std::u32string_view kTitleLabels[] = {U"标题", U"文件标题", U"名称"};
constexpr std::u32string_view kNumberLabels[] = {U"发文字号", U"文件编号", U"文号", U"发文号", U"文件字号"};
constexpr std::u32string_view kIssuerLabels[] = {U"发文机关", U"发布机构", U"发布单位", U"发文单位", U"发文机构",
                                                 U"成文单位", U"信息来源", U"来源", U"建议/提案提出者",
                                                 U"提案提出者", U"建议提出者", U"提案人", U"提出者"};
constexpr std::u32string_view kDateLabels[] = {U"成文日期", U"发文日期", U"发布日期", U"答复日期", U"印发日期",
                                               U"发布时间", U"日期"};

// Every label a field table may hold, so a value never swallows the next label.
bool IsLabelAt(const std::u32string& s, int32_t pos) {
  const auto at = [&](std::u32string_view l) {
    if (std::u32string_view(s).substr(pos, l.size()) != l) return false;
    const int32_t after = pos + static_cast<int32_t>(l.size());
    return after < static_cast<int32_t>(s.size()) && (s[after] == U':' || s[after] == U'：');
  };
  return std::any_of(std::begin(kTitleLabels), std::end(kTitleLabels), at) ||
         std::any_of(std::begin(kNumberLabels), std::end(kNumberLabels), at) ||
         std::any_of(std::begin(kIssuerLabels), std::end(kIssuerLabels), at) ||
         std::any_of(std::begin(kDateLabels), std::end(kDateLabels), at);
}

// The "label: value" fields of a document. Every label ends at a colon, so
// the colons are found once and each label is compared right before them,
// instead of searching the whole text once per label (about 30 labels).
class Fields {
 public:
  explicit Fields(const DocumentContext& ctx) : ctx_(ctx) {
    const std::u32string& s = ctx.norm;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == U':' || s[i] == U'：') colons_.push_back(static_cast<int32_t>(i));
    }
  }

  // Values of the fields labelled `label`, in text order. A value runs to the
  // next '|', line end, run of spaces or label; an empty value may sit on one
  // of the next lines (the • 发布机构:\n\n  政府办公室 layout).
  std::vector<std::u32string> Values(std::u32string_view label) const;
  // The first value under any of the labels, tried in order.
  std::u32string First(const std::u32string_view* labels, size_t count) const;

 private:
  const DocumentContext& ctx_;
  std::vector<int32_t> colons_;  // positions of ':' and '：' in ctx.norm
};

std::vector<std::u32string> Fields::Values(std::u32string_view label) const {
  const std::u32string& s = ctx_.norm;
  std::vector<std::u32string> values;
  const int32_t n = static_cast<int32_t>(s.size());
  const int32_t label_size = static_cast<int32_t>(label.size());
  for (const int32_t colon : colons_) {
    if (colon < label_size || s.compare(colon - label_size, label_size, label) != 0) continue;
    const size_t pos = static_cast<size_t>(colon - label_size);
    // The label must stand on its own: preceded by nothing Han (建议/提案提出者
    // is not 提出者's label twice) and followed by a colon.
    if (pos > 0 && IsHan(s[pos - 1]) && label.size() < 4) continue;
    int32_t i = colon + 1;
    int newlines = 0;
    while (i < n && (IsFiller(s[i]) || s[i] == U'\n')) {
      if (s[i] == U'\n' && ++newlines > 3) break;
      ++i;
    }
    if (i >= n || newlines > 3 || IsLabelAt(s, i)) continue;
    int32_t end = i;
    while (end < n && s[end] != U'|' && s[end] != U'\n' && !IsLabelAt(s, end) &&
           !(IsSpace(s[end]) && end + 1 < n && IsSpace(s[end + 1]))) {
      ++end;
    }
    const Line v = Trim(ctx_.text, {i, end});
    if (v.end > v.start) values.push_back(ctx_.text.substr(v.start, v.end - v.start));
  }
  return values;
}

std::u32string Fields::First(const std::u32string_view* labels, size_t count) const {
  for (size_t k = 0; k < count; ++k) {
    for (const std::u32string& v : Values(labels[k])) return v;
  }
  return {};
}

// Kinds of document a title names at its end.
bool EndsWithDocumentKind(std::u32string_view s) {
  constexpr std::u32string_view kKinds[] = {U"通知", U"答复", U"意见", U"方案", U"建议", U"提案", U"函",
                                            U"报告", U"决定", U"办法", U"规划", U"批复", U"通报", U"计划",
                                            U"细则", U"规定", U"公告", U"总结", U"要点"};
  for (std::u32string_view k : kKinds) {
    if (EndsWith(s, k)) return true;
  }
  return false;
}

// A title line near the top: a line without sentence punctuation ending in
// a kind of document — 关于…的通知, X关于印发《Y》的通知 within the first 60
// lines; failing that, a title without 关于 (对…第45号提案的答复, 甲市科技局
// 2023年工作总结) among the first 10 lines that hold text, before the first
// sentence.
std::u32string TitleLine(const DocumentContext& ctx, const std::vector<Line>& lines) {
  const auto candidate = [&](const Line& l, size_t min_len) {
    const std::u32string_view t = std::u32string_view(ctx.norm).substr(l.start, l.end - l.start);
    return t.size() >= min_len && t.size() <= 120 && t.find_first_of(U"。,，:;；!?") == std::u32string_view::npos &&
           EndsWithDocumentKind(t);
  };
  const size_t limit = std::min<size_t>(lines.size(), 60);
  std::u32string_view best;
  Line best_line{0, 0};
  for (size_t k = 0; k < limit; ++k) {
    const Line l = Trim(ctx.text, lines[k]);
    const std::u32string_view t = std::u32string_view(ctx.norm).substr(l.start, l.end - l.start);
    const size_t guanyu = t.find(U"关于");
    if (guanyu == std::u32string_view::npos || !candidate(l, 6)) continue;
    if (best.empty()) {
      best = t;
      best_line = l;
      continue;
    }
    // The same title with a fuller issuer (a page's <title> says 甲区关于…,
    // its heading 甲市甲区人民政府办公室关于…): the fuller one.
    const std::u32string_view tail = best.substr(best.find(U"关于"));
    if (t.size() > best.size() && t.substr(guanyu) == tail) {
      best = t;
      best_line = l;
    }
  }
  if (!best.empty()) return ctx.text.substr(best_line.start, best_line.end - best_line.start);
  int with_text = 0;
  for (size_t k = 0; k < lines.size() && with_text < 10; ++k) {
    const Line l = Trim(ctx.text, lines[k]);
    if (l.end <= l.start) continue;
    ++with_text;
    if (candidate(l, 8)) return ctx.text.substr(l.start, l.end - l.start);
    // Once sentences begin, a short line is a section heading, not the title.
    const std::u32string_view t = std::u32string_view(ctx.norm).substr(l.start, l.end - l.start);
    if (t.find_first_of(U"。!?！？") != std::u32string_view::npos) break;
  }
  return {};
}

// The signature: an organisation line directly followed (blank lines aside)
// by a date line. The first one wins: in a notice that forwards a plan the
// notice's own signature comes before the plan.
bool Signature(const DocumentContext& ctx, const std::vector<Line>& lines, std::u32string* org,
               std::string* date) {
  int prev = -1;  // last non-empty line
  for (size_t k = 0; k < lines.size(); ++k) {
    const Line l = Trim(ctx.text, lines[k]);
    if (l.end <= l.start) continue;
    const std::u32string_view t = std::u32string_view(ctx.norm).substr(l.start, l.end - l.start);
    if (prev >= 0 && t.size() <= 20) {
      const std::optional<std::string> d = ParseDate(t);
      if (d) {
        const Line p = Trim(ctx.text, lines[prev]);
        const std::u32string_view pt = std::u32string_view(ctx.norm).substr(p.start, p.end - p.start);
        if (LooksLikeOrganization(pt)) {
          *org = ctx.text.substr(p.start, p.end - p.start);
          *date = *d;
          return true;
        }
      }
    }
    prev = static_cast<int>(k);
  }
  return false;
}

// "X关于…" or "X2023年工作总结": X when it is an organisation.
std::u32string IssuerFromTitle(const std::u32string& title) {
  size_t pos = title.find(U"关于");
  if (pos == std::u32string::npos) {
    // A year: four digits and 年.
    for (size_t i = 0; i + 5 <= title.size() && pos == std::u32string::npos; ++i) {
      bool year = title[i + 4] == U'年';
      for (size_t k = 0; k < 4 && year; ++k) year = title[i + k] >= U'0' && title[i + k] <= U'9';
      if (year) pos = i;
    }
  }
  if (pos == std::u32string::npos || pos == 0) return {};
  const std::u32string head = title.substr(0, pos);
  return LooksLikeOrganization(head) ? head : std::u32string();
}

// `written` (a piece of ctx.text) in the matching form: the same span of
// ctx.norm, which is aligned position for position.
std::u32string Folded(const DocumentContext& ctx, const std::u32string& written) {
  if (written.empty() || ctx.norm.size() != ctx.text.size()) return written;
  const size_t pos = ctx.text.find(written);
  return pos == std::u32string::npos ? written : ctx.norm.substr(pos, written.size());
}

}  // namespace

void ReadMetadata(DocumentContext& ctx) {
  const std::vector<Line> lines = Lines(ctx.norm);
  const Fields fields(ctx);
  DocumentInfo& info = ctx.info;

  std::u32string title = TitleLine(ctx, lines);
  if (title.empty()) title = fields.First(kTitleLabels, std::size(kTitleLabels));
  info.title = U32ToUtf8(title);

  for (std::u32string_view label : kNumberLabels) {
    for (const std::u32string& v : fields.Values(label)) {
      if (info.number.empty() && IsDocumentNumber(v)) info.number = U32ToUtf8(v);
    }
  }
  if (info.number.empty()) {
    // A number on a line of its own near the top (letters print it under the title).
    for (size_t k = 0; k < std::min<size_t>(lines.size(), 30) && info.number.empty(); ++k) {
      const Line l = Trim(ctx.text, lines[k]);
      const std::u32string_view t = std::u32string_view(ctx.text).substr(l.start, l.end - l.start);
      if (IsDocumentNumber(t)) info.number = U32ToUtf8(t);
    }
  }

  std::u32string signature;
  std::string signature_date;
  Signature(ctx, lines, &signature, &signature_date);
  std::u32string issuer = signature;
  if (issuer.empty()) issuer = IssuerFromTitle(title);
  if (issuer.empty()) {
    for (std::u32string_view label : kIssuerLabels) {
      for (const std::u32string& v : fields.Values(label)) {
        if (issuer.empty() && LooksLikeOrganization(v)) issuer = v;
      }
    }
  }
  // The issuer in matching form (Simplified, NFKC), as the entity rules name
  // agencies, so that ISSUED finds its head.
  info.issuer = U32ToUtf8(Folded(ctx, issuer));

  for (std::u32string_view label : kDateLabels) {
    for (const std::u32string& v : fields.Values(label)) {
      if (!info.date.empty()) break;
      if (auto d = ParseDate(v)) info.date = *d;
    }
  }
  if (info.date.empty()) info.date = signature_date;
}

}  // namespace policykg
