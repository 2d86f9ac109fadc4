// Internal: the gazetteer's data files, embedded in the binary at build time
// (gazetteer_data.cc pulls data/divisions.tsv and data/areas.tsv in with the
// assembler's .incbin, so the binary needs no data directory at run time).
#ifndef POLICYKG_EXTRACT_GAZETTEER_DATA_H_
#define POLICYKG_EXTRACT_GAZETTEER_DATA_H_

#include <string_view>

namespace policykg {

// Functions rather than globals so that no static initialisation order matters.
std::string_view DivisionsTsv();  // data/divisions.tsv
std::string_view AreasTsv();      // data/areas.tsv
// Where the divisions come from and under which licence (data/DIVISIONS.md).
std::string_view DivisionsProvenance();

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_GAZETTEER_DATA_H_
