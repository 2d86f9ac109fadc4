// China's administrative divisions (province, prefecture, county, town levels)
// from a real statistical dataset, converted by scripts/build_gazetteer.js into
// data/divisions.tsv and embedded in the binary at build time.
#ifndef POLICYKG_EXTRACT_GAZETTEER_H_
#define POLICYKG_EXTRACT_GAZETTEER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace policykg {

enum class DivisionLevel { kCountry, kProvince, kPrefecture, kCounty, kTown };
std::string_view ToString(DivisionLevel level);  // "country", "province", ...

struct Division {
  std::string code;         // statistical code: 33, 3308, 330802, ...
  std::string name;         // full name: 柯城区
  std::string short_name;   // 柯城 (empty when the name has no short form)
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

  // Indices of divisions whose full or short name equals `name`.
  std::vector<int> Lookup(std::string_view name) const;
  // Index by code, or -1.
  int FindCode(std::string_view code) const;
  // The chain from a division up to its province: [self, parent, ...].
  std::vector<int> Ancestors(int index) const;
  // Vintage and licence of the dataset, for provenance.
  const std::string& provenance() const { return provenance_; }

 private:
  Gazetteer() = default;
  std::vector<Division> divisions_;
  std::string provenance_;
  struct Index;
  std::shared_ptr<const Index> index_;
};

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_GAZETTEER_H_
