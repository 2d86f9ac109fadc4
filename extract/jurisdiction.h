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
// of `name` into the name of the document's division of that level. Returns
// `name` unchanged when it has no relative prefix or the level is unknown.
std::u32string ResolveRelativeName(const DocumentContext& ctx, std::u32string_view name);

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_JURISDICTION_H_
