// Internal: the extraction passes, in the order pipeline.cc runs them. Each is
// defined in the file named after what it finds.
#ifndef POLICYKG_EXTRACT_PASSES_H_
#define POLICYKG_EXTRACT_PASSES_H_

#include "extract/document_context.h"

namespace policykg {

void SegmentSentences(DocumentContext& ctx);   // sentences.cc
void MarkFurniture(DocumentContext& ctx);      // furniture.cc
void ReadMetadata(DocumentContext& ctx);       // metadata.cc: title, number, issuer, date
void ResolveJurisdiction(DocumentContext& ctx);// jurisdiction.cc
void FindRegions(DocumentContext& ctx);        // regions.cc
void FindOrganizations(DocumentContext& ctx);  // organizations.cc: agencies, institutes, enterprises
void FindPrograms(DocumentContext& ctx);       // programs.cc
void FindPlatforms(DocumentContext& ctx);      // platforms.cc
void FindDocuments(DocumentContext& ctx);      // documents.cc
void FindBrandNames(DocumentContext& ctx);     // brands.cc: enterprises named without a suffix
void BuildEntities(DocumentContext& ctx);      // entities.cc: merge mentions, aliases, abbreviations
void FindLocatedIn(DocumentContext& ctx);      // located_in.cc
void FindOrgRelations(DocumentContext& ctx);   // relations.cc: PART_OF, COOPERATES_WITH, RESPONSIBLE_FOR, ISSUED

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_PASSES_H_
