// The JSON Lines form of extractions: what `policykg extract` writes, what
// ../shared/tools/score.py reads, and what `policykg build` takes back in so
// extraction can run sharded elsewhere.
//
// One document is written as:
//   {"doc":D,"kind":"document","title":..,"issuer":..,"jurisdiction":..,...}
//   {"doc":D,"type":"Institute","name":..,"aliases":[..],"mentions":[{"start":s,"end":e},..]}
//   {"doc":D,"rel":"PART_OF","head":..,"tail":..,"head_type":..,"tail_type":..,
//    "evidence":{"start":s,"end":e},"sentence":..}
// The document line carries no "type" or "rel" key, so the scorer skips it.
#ifndef POLICYKG_EXTRACT_JSONL_H_
#define POLICYKG_EXTRACT_JSONL_H_

#include <functional>
#include <istream>
#include <string>

#include "base/status.h"
#include "extract/types.h"

namespace policykg {

// Appends the lines of one extraction (each ending in '\n') to *out.
void AppendJsonLines(const Extraction& extraction, std::string* out);

// Reads JSON Lines from `in` and calls `sink` once per document, in file order;
// lines of one document must be contiguous. `source` names the input in
// errors ("file.jsonl:12: ..."). Stops at the first malformed line.
Status ReadJsonLines(std::istream& in, const std::string& source,
                     const std::function<Status(Extraction&&)>& sink);

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_JSONL_H_
