#include "extract/passes.h"

namespace policykg {

// Placeholder until this pass is written.
void FindOrganizations(DocumentContext& ctx) { (void)ctx; }

}  // namespace policykg
