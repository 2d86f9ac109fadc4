#include "extract/jurisdiction.h"

#include "extract/passes.h"

namespace policykg {

// Placeholders until the jurisdiction is resolved.
void ResolveJurisdiction(DocumentContext& ctx) { (void)ctx; }
std::u32string ResolveRelativeName(const DocumentContext&, std::u32string_view name) {
  return std::u32string(name);
}

}  // namespace policykg
