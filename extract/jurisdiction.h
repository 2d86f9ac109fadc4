// Internal: the document's own jurisdiction and the names that depend on it.
// 区科技局 in a 柯城区 document is 柯城区科技局; 市政协 in a 衢州市 document is
// 衢州市政协; 我市 is the document's city.
#ifndef POLICYKG_EXTRACT_JURISDICTION_H_
#define POLICYKG_EXTRACT_JURISDICTION_H_

#include <string>
#include <string_view>

#include "extract/document_context.h"

namespace policykg {

// Expands a relative level prefix (省/市/区/县/镇, 我市, 全区 ...) at the start
// of `name` into the name of the document's division of that level:
//   区科技局 -> 柯城区科技局 (a district document); 市科技局 -> 衢州市科技局 (the
//   district's prefecture, or a county-level city itself); 省科技厅 -> 浙江省科技厅.
// A bare name of a local body (科技局, 财政局, 政府办公室) belongs to the
// document's own division. Returns `name` unchanged when it has no relative
// prefix, the level is unknown, it already starts with a place, names a zone
// (高新区政协工委) or a national body (科技部, 国家发改委), or is an
// abbreviation led by the place (涪府办). `name` is in matching form (as in
// ctx.norm: Simplified, NFKC).
std::u32string ResolveRelativeName(const DocumentContext& ctx, std::u32string_view name);

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_JURISDICTION_H_
