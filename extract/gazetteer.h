// China's administrative divisions (province, prefecture, county, town levels)
// from a real statistical dataset, converted by scripts/build_gazetteer.js into
// data/divisions.tsv and embedded in the binary at build time, plus a short
// list of named areas (长三角, 京津冀) and foreign countries (data/areas.tsv).
//
// TSV form, one division a line, '#' lines are comments:
//   code <TAB> name <TAB> level <TAB> parent code <TAB> other names
// level is one of country/area/province/prefecture/county/town; the parent
// must appear on an earlier line; "other names" holds the short form, or for
// areas and countries several names separated by '|'.
#ifndef POLICYKG_EXTRACT_GAZETTEER_H_
#define POLICYKG_EXTRACT_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace policykg {

// Ordered from the widest to the narrowest; kArea (a named economic area
// such as 长三角) and kCountry (a foreign country) sit outside the tree.
enum class DivisionLevel { kCountry, kArea, kProvince, kPrefecture, kCounty, kTown };
std::string_view ToString(DivisionLevel level);  // "country", "province", ...

// A read-only view of division indices that the gazetteer holds (valid as
// long as the gazetteer): what the name lookups return. The lists of all
// names live in one array, so building the index allocates no list per name.
class DivisionIds {
 public:
  using value_type = int;
  using const_iterator = const int*;

  DivisionIds() = default;
  DivisionIds(const int* data, size_t size) : data_(data), size_(size) {}
  const int* begin() const { return data_; }
  const int* end() const { return data_ + size_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  int front() const { return data_[0]; }
  int operator[](size_t i) const { return data_[i]; }
  std::vector<int> ToVector() const { return std::vector<int>(begin(), end()); }

 private:
  const int* data_ = nullptr;
  size_t size_ = 0;
};

struct Division {
  std::string code;         // statistical code: 33, 3308, 330802, ...
  std::string name;         // full name: 柯城区
  std::string short_name;   // 柯城 (empty when the name has no short form)
  std::vector<std::string> aliases;  // further names (长江三角洲 for 长三角)
  DivisionLevel level = DivisionLevel::kProvince;
  int parent = -1;          // index of the parent division, -1 for top level
};

class Gazetteer {
 public:
  // The embedded dataset.
  static const Gazetteer& Embedded();
  // Parses the TSV form (for tests and for loading another vintage).
  static Result<std::unique_ptr<Gazetteer>> FromTsv(std::string_view tsv, const std::string& source);

  const std::vector<Division>& divisions() const { return divisions_; }
  const Division& at(int index) const { return divisions_[index]; }

  // Indices of divisions whose full or short name (or alias) equals `name`,
  // widest level first, then in file order. Short forms of towns are not
  // included: alone they are rarely the town (see FindTownShortForm).
  std::vector<int> Lookup(std::string_view name) const;
  // The same for UTF-32 text (what the extraction passes match on), without
  // copying; empty when nothing has that name. `full_only` restricts to
  // full names.
  DivisionIds Find(std::u32string_view name, bool full_only = false) const;
  // Towns whose short form is `name` (道墟 for 道墟街道); empty when none.
  DivisionIds FindTownShortForm(std::u32string_view name) const;
  // Length in code points of the longest name, for longest-match scans.
  int max_name_length() const;
  // False when no name (of any kind, town short forms included) starts with
  // the two characters a, b: lets a scan skip most positions cheaply.
  bool MayStartName(char32_t a, char32_t b) const;
  // Length of the longest name that starts with a, b (0: none does).
  int LongestNameFrom(char32_t a, char32_t b) const;
  // The lengths of the names that start with a, b: bit n is set when one
  // has n code points (n < 31); bit 31 stands for any length from 31 on.
  uint32_t NameLengthsFrom(char32_t a, char32_t b) const;
  // Index by code, or -1.
  int FindCode(std::string_view code) const;
  // The chain from a division up to its province: [self, parent, ...].
  std::vector<int> Ancestors(int index) const;
  // True when `ancestor` is `index` or one of its ancestors.
  bool Within(int index, int ancestor) const;
  // Vintage and licence of the dataset, for provenance.
  const std::string& provenance() const { return provenance_; }

 private:
  Gazetteer() = default;
  Status Parse(std::string_view tsv, const std::string& source);
  void BuildIndex();
  std::vector<Division> divisions_;
  std::string provenance_;
  struct Index;
  std::shared_ptr<const Index> index_;
};

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_GAZETTEER_H_
