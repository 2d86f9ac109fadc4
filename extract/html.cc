// HTML removal: the visible text of a page, with its line structure.
//
// gumbo parses the page; an explicit stack walks the tree (no recursion, so a
// deeply nested page cannot overflow the stack). Pages too deep or too large
// for gumbo's own recursive teardown and memory use go through a linear tag
// stripper instead.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/reader.h"

namespace policykg {
namespace {

constexpr size_t kMaxGumboBytes = 16u << 20;
constexpr int kMaxGumboDepth = 2000;

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool StartsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (pos + prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[pos + i]) != prefix[i]) return false;
  }
  return true;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Builds the text: collapses runs of spaces, keeps at most one line break in
// a row, trims lines.
class TextWriter {
 public:
  void Text(std::string_view s, bool preformatted) {
    size_t i = 0;
    while (i < s.size()) {
      const char c = s[i];
      if (preformatted && c == '\n') {
        Break();
        ++i;
      } else if (IsAsciiSpace(c)) {
        Space();
        ++i;
      } else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // &nbsp;
        Space();
        i += 2;
      } else {
        if (pending_space_ && !out_.empty() && out_.back() != '\n' && out_.back() != ' ') {
          out_ += ' ';
        }
        pending_space_ = false;
        out_ += c;
        ++i;
      }
    }
  }
  void Space() { pending_space_ = true; }
  void Break() {
    pending_space_ = false;
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
  }
  // A literal separator (" | " between table cells) that must not be collapsed.
  void Separator(std::string_view sep) {
    pending_space_ = false;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (!out_.empty() && out_.back() != '\n') {
      out_ += sep;
    } else {
      out_ += sep.substr(sep.find_first_not_of(' '));
    }
  }
  std::string Take() {
    Break();
    return std::move(out_);
  }

 private:
  std::string out_;
  bool pending_space_ = false;
};

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

// Structural blocks that make a table cell a layout box (a page laid out in
// tables) rather than a data cell of a metadata row.
bool IsLayoutBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_TABLE: case GUMBO_TAG_DIV: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_FORM: case GUMBO_TAG_PRE: case GUMBO_TAG_BLOCKQUOTE:
      return true;
    default:
      return false;
  }
}

bool IsCell(GumboTag tag) { return tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH; }

// Hidden by attribute or inline style: injected spam often hides this way.
bool IsHidden(const GumboElement& el) {
  if (gumbo_get_attribute(&el.attributes, "hidden") != nullptr) return true;
  const GumboAttribute* aria = gumbo_get_attribute(&el.attributes, "aria-hidden");
  if (aria != nullptr && std::strcmp(aria->value, "true") == 0) return true;
  const GumboAttribute* style = gumbo_get_attribute(&el.attributes, "style");
  if (style == nullptr) return false;
  std::string s;
  for (const char* p = style->value; *p != '\0'; ++p) {
    if (!IsAsciiSpace(*p)) s += Lower(*p);
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

bool SkipElement(const GumboNode* node) {
  const GumboElement& el = node->v.element;
  return IsSkipped(el.tag) || IsHidden(el);
}

// Marks the cells that hold layout (blocks or long text) rather than one value,
// bottom-up in one pass over the tree.
std::unordered_map<const GumboNode*, bool> FindLayoutCells(const GumboNode* root) {
  std::unordered_map<const GumboNode*, bool> layout;
  std::unordered_map<const GumboNode*, size_t> weight;  // layout-ness or text size below
  std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};
  constexpr size_t kLayout = static_cast<size_t>(-1) / 2;
  while (!stack.empty()) {
    auto [node, done] = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      weight[node->parent] += std::strlen(node->v.text.text);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector& children = node->type == GUMBO_NODE_ELEMENT ? node->v.element.children
                                                                   : node->v.document.children;
    if (!done) {
      if (node->type == GUMBO_NODE_ELEMENT && SkipElement(node)) continue;
      stack.push_back({node, true});
      for (unsigned i = 0; i < children.length; ++i) {
        stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
      }
      continue;
    }
    size_t w = weight[node];
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = node->v.element.tag;
      if (IsLayoutBlock(tag)) w = kLayout;
      if (IsCell(tag)) layout[node] = w >= 300;
    }
    if (node->parent != nullptr) {
      size_t& pw = weight[node->parent];
      pw = std::min(kLayout, pw + w);
    }
  }
  return layout;
}

// A page title without the site name that portals append to it
// (关于…的通知_某某区人民政府, … - 某某市科学技术局): that name is furniture.
std::string WithoutSiteName(const std::string& title) {
  size_t cut = std::string::npos;
  for (const char* sep : {"_", "|", "｜", " - ", " — ", "——"}) {
    const size_t at = title.rfind(sep);
    if (at != std::string::npos && at > 0 && (cut == std::string::npos || at > cut)) cut = at;
  }
  // A site name is short; a long tail is part of the title.
  if (cut == std::string::npos || title.size() - cut > 64) return title;
  return title.substr(0, cut);
}

std::string GumboToText(std::string_view html) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  const auto layout = FindLayoutCells(output->document);

  TextWriter w;
  // The page title leads, so the text starts with what the page is.
  if (output->root->type == GUMBO_NODE_ELEMENT) {
    const GumboVector& top = output->root->v.element.children;
    for (unsigned i = 0; i < top.length; ++i) {
      const auto* head = static_cast<const GumboNode*>(top.data[i]);
      if (head->type != GUMBO_NODE_ELEMENT || head->v.element.tag != GUMBO_TAG_HEAD) continue;
      const GumboVector& hc = head->v.element.children;
      for (unsigned j = 0; j < hc.length; ++j) {
        const auto* t = static_cast<const GumboNode*>(hc.data[j]);
        if (t->type != GUMBO_NODE_ELEMENT || t->v.element.tag != GUMBO_TAG_TITLE) continue;
        std::string title;
        for (unsigned k = 0; k < t->v.element.children.length; ++k) {
          const auto* txt = static_cast<const GumboNode*>(t->v.element.children.data[k]);
          if (txt->type == GUMBO_NODE_TEXT) title += txt->v.text.text;
        }
        w.Text(WithoutSiteName(title), false);
        w.Break();
      }
    }
  }

  struct Frame {
    const GumboNode* node;
    bool exit;
  };
  std::vector<Frame> stack{{output->root, false}};
  std::vector<int> row_cells;   // cells written so far in each open row
  int data_cell_depth = 0;      // > 0 inside a data cell: blocks become spaces
  int pre_depth = 0;
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    const GumboNode* node = f.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      w.Text(node->v.text.text, pre_depth > 0);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& el = node->v.element;
    bool data_cell = false;
    if (IsCell(el.tag)) {
      const auto it = layout.find(node);
      data_cell = it != layout.end() && !it->second;
    }
    if (f.exit) {
      if (el.tag == GUMBO_TAG_PRE) --pre_depth;
      if (el.tag == GUMBO_TAG_TR && !row_cells.empty()) row_cells.pop_back();
      if (data_cell) --data_cell_depth;
      if (data_cell_depth > 0 && !data_cell) {
        if (IsBlock(el.tag)) w.Space();
      } else if (IsBlock(el.tag) || (IsCell(el.tag) && !data_cell)) {
        w.Break();
      }
      continue;
    }
    if (SkipElement(node)) continue;
    if (el.tag == GUMBO_TAG_BR) {
      if (data_cell_depth > 0) {
        w.Space();
      } else {
        w.Break();
      }
      continue;
    }
    if (el.tag == GUMBO_TAG_TR) row_cells.push_back(0);
    if (data_cell && data_cell_depth == 0) {
      int* count = row_cells.empty() ? nullptr : &row_cells.back();
      if (count != nullptr && *count > 0) w.Separator(" | ");
      if (count != nullptr) ++*count;
    } else if (data_cell_depth > 0) {
      if (IsBlock(el.tag)) w.Space();
    } else if (IsBlock(el.tag) || IsCell(el.tag)) {
      w.Break();
    }
    if (data_cell) ++data_cell_depth;
    if (el.tag == GUMBO_TAG_PRE) ++pre_depth;
    stack.push_back({node, true});
    for (unsigned i = el.children.length; i-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(el.children.data[i]), false});
    }
  }
  return w.Take();
}

// Nesting depth estimate for the guard: elements that HTML closes implicitly
// (p, li, td, ...) and void elements are not counted.
int EstimateDepth(std::string_view html) {
  static const char* const kUncounted[] = {"p", "li", "td", "th", "tr", "option", "dt", "dd",
                                           "br", "img", "meta", "link", "input", "hr", "area",
                                           "base", "col", "embed", "param", "source", "track",
                                           "wbr", "!", "?"};
  int depth = 0, max_depth = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (i + 1 >= html.size()) break;
    const bool closing = html[i + 1] == '/';
    size_t j = i + 1 + closing;
    size_t k = j;
    while (k < html.size() && (std::isalnum(static_cast<unsigned char>(html[k])) ||
                               html[k] == '!' || html[k] == '?'))
      ++k;
    if (k == j) continue;
    std::string name;
    for (size_t m = j; m < k && m < j + 10; ++m) name += Lower(html[m]);
    bool counted = true;
    for (const char* u : kUncounted) {
      if (name == u || (u[0] == '!' && name[0] == '!') || (u[0] == '?' && name[0] == '?')) {
        counted = false;
      }
    }
    if (!counted) continue;
    const size_t gt = html.find('>', k);
    if (!closing && gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/') continue;
    depth += closing ? -1 : 1;
    depth = std::max(depth, 0);
    max_depth = std::max(max_depth, depth);
  }
  return max_depth;
}

// Decodes the entities a page is most likely to use; others stay as written.
size_t AppendEntity(std::string_view s, size_t amp, TextWriter& w) {
  const size_t semi = s.find(';', amp);
  if (semi == std::string_view::npos || semi - amp > 10) {
    w.Text("&", false);
    return amp + 1;
  }
  const std::string_view name = s.substr(amp + 1, semi - amp - 1);
  static const std::pair<const char*, const char*> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
      {"nbsp", " "}, {"ldquo", "\u201C"}, {"rdquo", "\u201D"}, {"mdash", "\u2014"},
      {"middot", "\u00B7"}, {"copy", "\u00A9"}, {"hellip", "\u2026"}};
  for (const auto& [n, v] : kNamed) {
    if (name == n) {
      w.Text(v, false);
      return semi + 1;
    }
  }
  if (!name.empty() && name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string digits(name.substr(hex ? 2 : 1));
    char* end = nullptr;
    const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (!digits.empty() && end != nullptr && *end == '\0' && cp > 0 && cp < 0x110000 &&
        !(cp >= 0xD800 && cp < 0xE000)) {
      std::string u;
      if (cp < 0x80) {
        u += static_cast<char>(cp);
      } else if (cp < 0x800) {
        u += static_cast<char>(0xC0 | (cp >> 6));
        u += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        u += static_cast<char>(0xE0 | (cp >> 12));
        u += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        u += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        u += static_cast<char>(0xF0 | (cp >> 18));
        u += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        u += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        u += static_cast<char>(0x80 | (cp & 0x3F));
      }
      w.Text(u, false);
      return semi + 1;
    }
  }
  w.Text("&", false);
  return amp + 1;
}

// Linear fallback for pages gumbo should not see: drops tags, comments and
// script/style contents; block tags become line breaks.
std::string StripTags(std::string_view html) {
  static const char* const kBlocks[] = {"p", "div", "br", "li", "tr", "table", "h1", "h2", "h3",
                                        "h4", "h5", "h6", "ul", "ol", "section", "article", "title",
                                        "header", "footer", "hr", "dd", "dt", "pre", "blockquote"};
  TextWriter w;
  size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '&') {
      i = AppendEntity(html, i, w);
      continue;
    }
    if (c != '<') {
      const size_t next = html.find_first_of("<&", i);
      const size_t end = next == std::string_view::npos ? html.size() : next;
      w.Text(html.substr(i, end - i), false);
      i = end;
      continue;
    }
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const size_t gt = html.find('>', i);
    if (gt == std::string_view::npos) break;
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    std::string name;
    for (size_t k = i + 1 + closing; k < gt && std::isalnum(static_cast<unsigned char>(html[k]));
         ++k)
      name += Lower(html[k]);
    i = gt + 1;
    if (!closing && (name == "script" || name == "style" || name == "noscript")) {
      const std::string end_tag = "</" + name;
      size_t end = i;
      while (end < html.size() && !StartsWithNoCase(html, end, end_tag)) {
        end = html.find('<', end + 1);
        if (end == std::string_view::npos) end = html.size();
      }
      const size_t close = html.find('>', end);
      i = close == std::string_view::npos ? html.size() : close + 1;
      continue;
    }
    if (name == "td" || name == "th") {
      if (!closing) w.Separator(" | ");
      continue;
    }
    if (std::find_if(std::begin(kBlocks), std::end(kBlocks),
                     [&](const char* b) { return name == b; }) != std::end(kBlocks)) {
      w.Break();
    }
  }
  return w.Take();
}

}  // namespace

bool LooksLikeHtml(std::string_view utf8) {
  size_t i = 0;
  if (utf8.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  while (i < utf8.size() && IsAsciiSpace(utf8[i])) ++i;
  if (i >= utf8.size() || utf8[i] != '<') return false;
  const std::string_view head = utf8.substr(i, 4096);
  static const char* const kMarkers[] = {"<!doctype html", "<html", "<head", "<body", "<meta",
                                         "<div", "<p>", "<p ", "<table", "<title", "<br",
                                         "<span", "<!--", "<?xml"};
  for (const char* m : kMarkers) {
    if (StartsWithNoCase(head, 0, m)) return true;
  }
  return false;
}

std::string HtmlToText(std::string_view utf8) {
  if (utf8.size() > kMaxGumboBytes || EstimateDepth(utf8) > kMaxGumboDepth) {
    return StripTags(utf8);
  }
  return GumboToText(utf8);
}

}  // namespace policykg
