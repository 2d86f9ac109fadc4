#include "extract/names.h"

#include "extract/lexicon.h"

namespace policykg {
namespace {

void ReplaceAll(std::u32string& s, std::u32string_view from, std::u32string_view to) {
  for (size_t at = s.find(from); at != std::u32string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

bool IsLevelChar(char32_t c) { return c == U'省' || c == U'市' || c == U'区' || c == U'县'; }

}  // namespace

size_t RegionChainLength(std::u32string_view name) {
  // Region-like words of 2–4 characters ending in a level character.
  size_t pos = 0;
  while (pos < name.size()) {
    size_t next = 0;
    for (size_t len = 2; len <= 4 && pos + len < name.size(); ++len) {
      if (IsLevelChar(name[pos + len - 1])) {
        next = pos + len;
        break;
      }
    }
    if (next == 0 || name.size() - next < 2) break;
    pos = next;
  }
  return pos;
}

std::u32string NameKey(EntityType type, std::u32string_view name) {
  std::u32string key;
  key.reserve(name.size());  // one allocation, not one per doubling
  for (char32_t c : name) {
    if (IsOpenQuote(c) || IsCloseQuote(c) || c == U' ' || c == U'\u3000' || c == U'《' || c == U'》') continue;
    key.push_back(c);
  }
  switch (type) {
    case EntityType::kAgency: {
      ReplaceAll(key, U"人民政府", U"政府");
      // Keep only the innermost region of a chain: 衢州市柯城区政府 -> 柯城区政府.
      size_t cut = 0;
      for (;;) {
        const std::u32string_view rest = std::u32string_view(key).substr(cut);
        const size_t first = RegionChainLength(rest.substr(0, std::min<size_t>(rest.size(), 5)));
        if (first == 0 || first >= rest.size()) break;
        const size_t second = RegionChainLength(rest.substr(first));
        if (second == 0) break;
        cut += first;
      }
      key.erase(0, cut);
      break;
    }
    case EntityType::kPlatform:
      // 柯桥区高新区 = 柯桥高新区: a level character after a two-character place.
      if (key.size() >= 6 && (key[2] == U'区' || key[2] == U'县' || key[2] == U'市')) key.erase(2, 1);
      ReplaceAll(key, U"高新技术产业开发区", U"高新区");
      ReplaceAll(key, U"高新技术产业园区", U"高新区");
      ReplaceAll(key, U"高新园区", U"高新区");
      break;
    case EntityType::kProgram: {
      const size_t q = std::u32string_view(name).find_first_of(U"“‘\"「");
      if (q != std::u32string_view::npos) {
        std::u32string tail;
        for (char32_t c : name.substr(q)) {
          if (!IsOpenQuote(c) && !IsCloseQuote(c)) tail.push_back(c);
        }
        return tail;
      }
      ReplaceAll(key, U"区域", U"");
      for (std::u32string_view end : {U"发展战略", U"战略", U"发展"}) {
        if (key.size() > end.size() + 2 && EndsAt(key, key.size(), end)) {
          key.erase(key.size() - end.size());
          break;
        }
      }
      break;
    }
    default:
      break;
  }
  return key;
}

bool IsAbbreviationOf(std::u32string_view s, std::u32string_view l) {
  if (s.size() < 2 || s.size() >= l.size() || s[0] != l[0]) return false;
  // A prefix that only drops a final 大学: 武汉理工 -> 武汉理工大学.
  if (s.size() >= 4 && l.size() == s.size() + 2 && l.substr(0, s.size()) == s && EndsAt(l, l.size(), U"大学")) {
    return true;
  }
  std::u32string_view target = l;
  int gaps = 0;
  if (s.back() == U'大' && EndsAt(l, l.size(), U"大学")) {
    target = l.substr(0, l.size() - 1);  // the dropped 学 is one gap
    ++gaps;
  }
  if (s.back() != target.back()) return false;
  size_t j = 0;
  bool in_gap = false;
  for (size_t i = 0; i < target.size(); ++i) {
    if (j < s.size() && target[i] == s[j]) {
      ++j;
      in_gap = false;
    } else if (!in_gap) {
      in_gap = true;
      ++gaps;
    }
  }
  return j == s.size() && gaps >= 2;
}

}  // namespace policykg
