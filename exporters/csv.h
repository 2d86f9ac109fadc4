// CSV files for `neo4j-admin database import` (bulk loading into Neo4j).
//
// Contract:
// - One nodes file per label ("nodes_<Label>.csv": Region, ..., Document,
//   Source) and one relationships file per type ("rels_<TYPE>.csv":
//   LOCATED_IN, ..., MENTIONS, CO_MENTION), only for labels and types present.
// - Node headers: id:ID (the vertex key, e.g. "Institute:某某大学"), :LABEL, then
//   the properties with neo4j-admin types: name, aliases:string[],
//   documents:string[], mentions:int, evidence:string[], ... (sources:
//   doc, path, title, ..., chars:long). Relationship headers: :START_ID,
//   :END_ID, :TYPE, then documents:string[], evidence:string[],
//   weight:double, from_gazetteer:boolean, undirected:boolean.
// - RFC 4180 quoting: every string field is double-quoted, a quote inside is
//   doubled; line breaks inside values become spaces (neo4j-admin rejects them
//   unless --multiline-fields is given). Arrays use ';' (neo4j-admin's default
//   --array-delimiter); an item's own ';' becomes the full-width '；'. An
//   empty value is an empty unquoted field, which neo4j-admin skips.
#ifndef POLICYKG_EXPORTERS_CSV_H_
#define POLICYKG_EXPORTERS_CSV_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "graph/graph.h"
#include "queries/selection.h"

namespace policykg {

struct CsvFile {
  std::string name;      // "nodes_Institute.csv"
  bool nodes = true;     // false: relationships
  std::string contents;  // header line, then one line per row
  size_t rows = 0;
};

// Nodes files first (labels in type order), then relationships files.
std::vector<CsvFile> ToImportCsv(const Graph& graph, const Selection& selection);

// Writes the files into `dir` (created if missing). Files of this exporter's
// naming left from an earlier export (nodes_<Label>.csv, rels_<TYPE>.csv) are
// removed first, so the directory always holds one consistent export.
Status WriteCsvDirectory(const std::vector<CsvFile>& files, const std::string& dir);

// The neo4j-admin command that imports the files from `dir` into an empty
// database. `neo4j_major` 5 (and later) gives `neo4j-admin database import
// full ... neo4j`; 3 and 4 give `neo4j-admin import ...`, whose defaults (';'
// between array items, the default database) already fit these files, and
// which 3.x and 4.x both accept.
std::string ImportCommand(const std::vector<CsvFile>& files, const std::string& dir, int neo4j_major = 5);

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_CSV_H_
