// Documents: 《…》 titles (the brackets dropped), document numbers
// X〔YYYY〕N号, proposals named without brackets (关于…的建议), and the
// annotated document itself (its title, or its number when it has none).
// A parenthetical right after a title — its number or its proposal number —
// is an alias of that title.
#include <string>
#include <vector>

#include "base/utf8.h"
#include "extract/lexicon.h"
#include "extract/passes.h"

namespace policykg {
namespace {

// End (after 号) of a document number whose 〔 is at `open`, or 0.
size_t NumberEnd(std::u32string_view s, size_t open) {
  size_t i = open + 1;
  size_t digits = 0;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i, ++digits;
  if (digits != 4 || i >= s.size() || (s[i] != U'〕' && s[i] != U']' && s[i] != U')')) return 0;
  ++i;
  const size_t num = i;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i;
  if (i == num || i >= s.size() || s[i] != U'号') return 0;
  return i + 1;
}

// Start of a document number ending at its 〔 (the issuer's abbreviation
// and kind: 衢市科函, 浙政发), or `open` when there is none.
size_t NumberStart(std::u32string_view s, size_t open) {
  size_t b = open;
  while (b > 0 && open - b < 8 && IsHan(s[b - 1])) --b;
  return open - b >= 2 ? b : open;
}

void AddWithSurface(DocumentContext& ctx, size_t b, size_t e, const std::u32string& canonical,
                    const std::u32string& surface, const char* rule) {
  const size_t before = ctx.mentions.size();
  AddMention(ctx, EntityType::kDocument, b, e, canonical, rule);
  if (ctx.mentions.size() > before) ctx.mentions.back().surface = surface;
}

// The parenthetical after a title: (浙政发〔2023〕6号) or (…第113号提案), and
// 的提案(第182号).
void TitleParenthetical(DocumentContext& ctx, size_t after, const std::u32string& title) {
  const std::u32string_view s = ctx.norm;
  size_t p = after;
  bool proposal = false;
  if (MatchAt(s, p, U"的提案")) {
    p += 3;
    proposal = true;
  }
  if (p >= s.size() || s[p] != U'(') return;
  size_t close = p + 1;
  while (close < s.size() && close - p < 40 && s[close] != U')' && s[close] != U'\n') ++close;
  if (close >= s.size() || s[close] != U')') return;
  const std::u32string inner(s.substr(p + 1, close - p - 1));
  const bool number = inner.find(U'〔') != std::u32string::npos && inner.back() == U'号';
  const bool proposal_no = inner.size() >= 3 && inner.find(U"号") != std::u32string::npos &&
                           (EndsAt(inner, inner.size(), U"提案") || proposal);
  if (!number && !proposal_no) return;
  std::u32string surface = inner;
  if (proposal && !EndsAt(inner, inner.size(), U"提案")) surface += U"提案";
  AddWithSurface(ctx, p + 1, close, title, surface, "document-parenthetical");
}

void FindTitles(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != U'《') continue;
    size_t depth = 1;
    size_t j = i + 1;
    while (j < s.size() && j - i < 120 && s[j] != U'\n') {
      if (s[j] == U'《') ++depth;
      if (s[j] == U'》' && --depth == 0) break;
      ++j;
    }
    if (j >= s.size() || s[j] != U'》' || j == i + 1) continue;
    const std::u32string title(s.substr(i + 1, j - i - 1));
    AddMention(ctx, EntityType::kDocument, i + 1, j, title, "document-title");
    TitleParenthetical(ctx, j + 1, title);
  }
}

bool InsideParens(std::u32string_view s, size_t b, size_t e) {
  return b > 0 && s[b - 1] == U'(' && e < s.size() && s[e] == U')';
}

void FindNumbers(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  const std::u32string own_number = Utf8ToU32(ctx.info.number);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != U'〔' && s[i] != U'[') continue;
    const size_t e = NumberEnd(s, i);
    if (e == 0) continue;
    const size_t b = NumberStart(s, i);
    if (b == i) continue;
    if (InsideParens(s, b, e) && b >= 2 && s[b - 2] == U'》') continue;  // alias of the title before
    const std::u32string number(s.substr(b, e - b));
    if (!own_number.empty() && number == own_number) continue;  // the annotated document, below
    AddMention(ctx, EntityType::kDocument, b, e, number, "document-number");
  }
}

// 关于…的建议 / 关于…的提案 named without brackets (您提出的关于…的建议的提案).
void FindBareProposals(DocumentContext& ctx) {
  const std::u32string_view s = ctx.norm;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (!MatchAt(s, i, U"关于") || (i > 0 && s[i - 1] == U'《')) continue;
    size_t j = i + 2;
    size_t end = 0;
    while (j < s.size() && j - i < 48 && !IsBreak(s[j])) {
      ++j;
      if (EndsAt(s, j, U"的建议") || EndsAt(s, j, U"的议案")) {
        end = j;
        break;
      }
    }
    if (end == 0) continue;
    // Inside a title already bracketed or the annotated title itself: skip.
    if (end < s.size() && s[end] == U'》') continue;
    const std::u32string name(s.substr(i, end - i));
    AddMention(ctx, EntityType::kDocument, i, end, name, "document-proposal");
    if (MatchAt(s, end, U"的提案")) AddMention(ctx, EntityType::kDocument, i, end + 3, name, "document-proposal");
  }
}

// The annotated document: its title or, without one, its number.
void AddOwnDocument(DocumentContext& ctx) {
  const std::u32string title = Utf8ToU32(ctx.info.title);
  const std::u32string number = Utf8ToU32(ctx.info.number);
  const std::u32string name = !title.empty() ? title : number;
  if (name.empty()) return;
  const std::u32string_view s = ctx.norm;
  bool found = false;
  for (const std::u32string& form : {title, number}) {
    if (form.empty()) continue;
    for (size_t at = s.find(form); at != std::u32string_view::npos; at = s.find(form, at + form.size())) {
      const size_t before = ctx.mentions.size();
      AddMention(ctx, EntityType::kDocument, at, at + form.size(), name, "document-self");
      found = found || ctx.mentions.size() > before;
    }
  }
  if (!found) {
    Mention m;
    m.type = EntityType::kDocument;
    m.surface = name;
    m.canonical = name;
    m.rule = "document-self";
    ctx.mentions.push_back(std::move(m));
    if (!title.empty() && !number.empty()) {
      Mention n = ctx.mentions.back();
      n.surface = number;
      ctx.mentions.push_back(std::move(n));
    }
  }
}

}  // namespace

void FindDocuments(DocumentContext& ctx) {
  FindTitles(ctx);
  FindNumbers(ctx);
  FindBareProposals(ctx);
  AddOwnDocument(ctx);
}

}  // namespace policykg
