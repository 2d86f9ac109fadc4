#include "extract/gazetteer.h"

namespace policykg {

struct Gazetteer::Index {};

std::string_view ToString(DivisionLevel level) {
  switch (level) {
    case DivisionLevel::kCountry: return "country";
    case DivisionLevel::kProvince: return "province";
    case DivisionLevel::kPrefecture: return "prefecture";
    case DivisionLevel::kCounty: return "county";
    case DivisionLevel::kTown: return "town";
  }
  return "?";
}

// Placeholder: empty until the dataset is converted and embedded.
const Gazetteer& Gazetteer::Embedded() {
  static const Gazetteer* g = new Gazetteer();  // never destroyed: used from worker threads at exit
  return *g;
}
Result<std::unique_ptr<Gazetteer>> Gazetteer::FromTsv(std::string_view, const std::string& source) {
  return Status::BadInput(source + ": not implemented");
}
std::vector<int> Gazetteer::Lookup(std::string_view) const { return {}; }
int Gazetteer::FindCode(std::string_view) const { return -1; }
std::vector<int> Gazetteer::Ancestors(int index) const { return {index}; }

}  // namespace policykg
