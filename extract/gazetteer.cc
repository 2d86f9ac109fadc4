#include "extract/gazetteer.h"

#include <algorithm>
#include <cstdlib>
#include <cstdint>
#include <unordered_map>


#include "base/utf8.h"
#include "extract/gazetteer_data.h"
#include "extract/name_table.h"

namespace policykg {

struct Gazetteer::Index {
  NameTable any_name;    // full, short and aliases
  NameTable full_name;   // official names only
  NameTable town_short;  // short forms of towns
  std::unordered_map<std::string, int> by_code;
  // The first two characters of every name -> the lengths of the names
  // starting so (bit n for length n; bit 31 for 31 and longer): the scan
  // tries only lengths that can match.
  PairTable first_two;
  int max_length = 0;
};

std::string_view ToString(DivisionLevel level) {
  switch (level) {
    case DivisionLevel::kCountry: return "country";
    case DivisionLevel::kArea: return "area";
    case DivisionLevel::kProvince: return "province";
    case DivisionLevel::kPrefecture: return "prefecture";
    case DivisionLevel::kCounty: return "county";
    case DivisionLevel::kTown: return "town";
  }
  return "?";
}

namespace {

bool ParseLevel(std::string_view s, DivisionLevel* level) {
  for (DivisionLevel l : {DivisionLevel::kCountry, DivisionLevel::kArea, DivisionLevel::kProvince,
                          DivisionLevel::kPrefecture, DivisionLevel::kCounty, DivisionLevel::kTown}) {
    if (s == ToString(l)) {
      *level = l;
      return true;
    }
  }
  return false;
}

// Calls fn(field) for every sep-separated field of s, without allocating
// (an empty s is one empty field).
template <typename Fn>
void ForEachField(std::string_view s, char sep, Fn fn) {
  for (size_t start = 0;;) {
    const size_t end = std::min(s.find(sep, start), s.size());
    fn(s.substr(start, end - start));
    if (end == s.size()) return;
    start = end + 1;
  }
}

// Splits s at sep into at most `max` fields; returns the number of fields
// there are (which may exceed max: the rest is not stored).
size_t SplitInto(std::string_view s, char sep, std::string_view* fields, size_t max) {
  size_t n = 0;
  ForEachField(s, sep, [&](std::string_view f) {
    if (n < max) fields[n] = f;
    ++n;
  });
  return n;
}

}  // namespace

Status Gazetteer::Parse(std::string_view tsv, const std::string& source) {
  // No reallocation while parsing: the code map below holds views of the
  // codes stored in divisions_ (short strings live inside the element).
  divisions_.reserve(divisions_.size() + static_cast<size_t>(std::count(tsv.begin(), tsv.end(), '\n')) + 1);
  std::unordered_map<std::string_view, int> codes;
  codes.reserve(divisions_.capacity());
  for (const Division& d : divisions_) codes.emplace(d.code, static_cast<int>(&d - divisions_.data()));
  int line_no = 0;
  for (size_t start = 0; start <= tsv.size();) {
    const size_t end = std::min(tsv.find('\n', start), tsv.size());
    std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    // Built only for an error: most lines have none.
    const auto where = [&] { return source + ":" + std::to_string(line_no) + ": "; };
    std::string_view f[5];
    const size_t fields = SplitInto(line, '\t', f, 5);
    if (fields != 5) {
      return Status::BadInput(where() + "expected 5 tab-separated fields, found " + std::to_string(fields));
    }
    Division d;
    d.code = std::string(f[0]);
    d.name = std::string(f[1]);
    if (d.code.empty() || d.name.empty()) return Status::BadInput(where() + "empty code or name");
    if (!ParseLevel(f[2], &d.level)) return Status::BadInput(where() + "unknown level '" + std::string(f[2]) + "'");
    if (!f[3].empty()) {
      const auto parent = codes.find(f[3]);
      if (parent == codes.end()) {
        return Status::BadInput(where() + "parent " + std::string(f[3]) + " is not defined on an earlier line");
      }
      d.parent = parent->second;
    }
    ForEachField(f[4], '|', [&](std::string_view other) {
      if (other.empty()) return;
      if (d.short_name.empty()) {
        d.short_name = std::string(other);
      } else {
        d.aliases.emplace_back(other);
      }
    });
    if (codes.count(d.code) != 0) return Status::BadInput(where() + "duplicate code " + d.code);
    divisions_.push_back(std::move(d));
    codes.emplace(divisions_.back().code, static_cast<int>(divisions_.size()) - 1);
  }
  return Status::OK();
}

void Gazetteer::BuildIndex() {
  auto index = std::make_shared<Index>();
  // Sized once: rehashing as the tables grow cost more than filling them.
  // One slot pair per division suffices for each table (names repeat across
  // divisions); the pair index, several times smaller, grows by itself.
  index->any_name.Reserve(divisions_.size());
  index->full_name.Reserve(divisions_.size());
  index->town_short.Reserve(divisions_.size());
  index->by_code.reserve(divisions_.size());
  std::u32string key;  // reused: one decoding buffer for 100 000 names
  const auto add = [&](NameTable& map, const std::string& name, int i) {
    if (name.empty()) return;
    Utf8ToU32(name, &key);
    index->max_length = std::max(index->max_length, static_cast<int>(key.size()));
    if (key.size() >= 2) index->first_two.Add(key[0], key[1], 1u << std::min<size_t>(key.size(), 31));
    map.Add(key, i);
  };
  for (int i = 0; i < static_cast<int>(divisions_.size()); ++i) {
    const Division& d = divisions_[i];
    add(index->full_name, d.name, i);
    add(index->any_name, d.name, i);
    add(d.level == DivisionLevel::kTown ? index->town_short : index->any_name, d.short_name, i);
    for (const std::string& a : d.aliases) add(index->any_name, a, i);
    index->by_code.emplace(d.code, i);
  }
  // Widest level first: an ambiguous short form (海南: the province and a
  // prefecture) most often means the wider division.
  const auto by_level = [this](int a, int b) {
    if (divisions_[a].level != divisions_[b].level) return divisions_[a].level < divisions_[b].level;
    return a < b;
  };
  for (auto* map : {&index->any_name, &index->full_name, &index->town_short}) map->Finish(by_level);
  index_ = std::move(index);
}

const Gazetteer& Gazetteer::Embedded() {
  // Never destroyed: worker threads may still use it while the process exits.
  static const Gazetteer* g = [] {
    auto* gz = new Gazetteer();
    const Status s1 = gz->Parse(DivisionsTsv(), "data/divisions.tsv");
    const Status s2 = gz->Parse(AreasTsv(), "data/areas.tsv");
    // The embedded data is checked by the tests; a broken file is a build bug.
    if (!s1.ok() || !s2.ok()) std::abort();
    gz->provenance_ = std::string(DivisionsProvenance());
    gz->BuildIndex();
    return gz;
  }();
  return *g;
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::FromTsv(std::string_view tsv, const std::string& source) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  POLICYKG_RETURN_IF_ERROR(g->Parse(tsv, source));
  g->provenance_ = source;
  g->BuildIndex();
  return g;
}

std::vector<int> Gazetteer::Lookup(std::string_view name) const { return Find(Utf8ToU32(name)).ToVector(); }

DivisionIds Gazetteer::Find(std::u32string_view name, bool full_only) const {
  if (!index_) return {};
  return (full_only ? index_->full_name : index_->any_name).Find(name);
}

DivisionIds Gazetteer::FindTownShortForm(std::u32string_view name) const {
  if (!index_) return {};
  return index_->town_short.Find(name);
}

bool Gazetteer::MayStartName(char32_t a, char32_t b) const { return NameLengthsFrom(a, b) != 0; }

uint32_t Gazetteer::NameLengthsFrom(char32_t a, char32_t b) const {
  return index_ ? index_->first_two.Get(a, b) : 0;
}

int Gazetteer::LongestNameFrom(char32_t a, char32_t b) const {
  const uint32_t lengths = NameLengthsFrom(a, b);
  if (lengths == 0) return 0;
  if (lengths >> 31) return max_name_length();
  int longest = 0;
  for (int n = 0; n < 31; ++n) {
    if (lengths & (1u << n)) longest = n;
  }
  return longest;
}

int Gazetteer::max_name_length() const { return index_ ? index_->max_length : 0; }

int Gazetteer::FindCode(std::string_view code) const {
  if (!index_) return -1;
  const auto it = index_->by_code.find(std::string(code));
  return it == index_->by_code.end() ? -1 : it->second;
}

std::vector<int> Gazetteer::Ancestors(int index) const {
  std::vector<int> chain;
  for (int i = index; i >= 0 && i < static_cast<int>(divisions_.size()); i = divisions_[i].parent) {
    chain.push_back(i);
  }
  return chain;
}

bool Gazetteer::Within(int index, int ancestor) const {
  if (ancestor < 0) return false;
  for (int i = index; i >= 0; i = divisions_[i].parent) {
    if (i == ancestor) return true;
  }
  return false;
}

}  // namespace policykg
