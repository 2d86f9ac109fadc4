// "Did you mean": the names and aliases closest to a misspelt name.
#ifndef POLICYKG_QUERIES_SUGGEST_H_
#define POLICYKG_QUERIES_SUGGEST_H_

#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"

namespace policykg {

// Levenshtein distance in code points.
size_t EditDistance(std::u32string_view a, std::u32string_view b);

struct Suggestion {
  VertexId vertex = 0;
  std::string form;  // the name or alias that matched
  size_t distance = 0;
};

// Up to `limit` entities whose name or alias is within a third of the
// query's length in edit distance (at least 1), or contains the query or is
// contained in it; closest first, then better connected.
std::vector<Suggestion> Suggest(const Graph& g, std::string_view name, size_t limit = 5);

}  // namespace policykg

#endif  // POLICYKG_QUERIES_SUGGEST_H_
