// Internal: when two written names denote the same entity. Used by entity
// building (merging mentions) and by relation rules (finding a parent by its
// short name). General rules only: abbreviation as a character subsequence,
// 人民政府 = 政府, 高新园区 = 高新区, quote marks ignored.
#ifndef POLICYKG_EXTRACT_NAMES_H_
#define POLICYKG_EXTRACT_NAMES_H_

#include <string>
#include <string_view>

#include "extract/types.h"

namespace policykg {

// The form two names of one type must share to be merged: quotes and spaces
// dropped; for agencies 人民政府 -> 政府 and a leading chain of regions cut
// to its last link (衢州市柯城区政府 -> 柯城区政府); for platforms the long
// forms of 高新区; for quoted programmes the part from the first quote on;
// for strategies a trailing 发展/战略 and an inner 区域 dropped.
std::u32string NameKey(EntityType type, std::u32string_view name);

// True when `short_name` abbreviates `long_name`: same first character, its
// characters a subsequence of the long name's, the same last character (a
// final 大 standing for 大学), and at least two separate gaps — so 浙大 and
// 浙工大 abbreviate 浙江大学 and 浙江工业大学, but 浙江大学 does not abbreviate
// 浙江工业大学 (one gap: a different body). A prefix of 4+ characters that
// drops only a final 大学 also counts (武汉理工).
bool IsAbbreviationOf(std::u32string_view short_name, std::u32string_view long_name);

// Length of a leading chain of region-like words (X省, X市, X区, X县), at
// most `max_len` characters, leaving at least two characters.
size_t RegionChainLength(std::u32string_view name);

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_NAMES_H_
