#include "queries/suggest.h"

#include <algorithm>
#include <unordered_set>

#include "base/utf8.h"

namespace policykg {

size_t EditDistance(std::u32string_view a, std::u32string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::vector<Suggestion> Suggest(const Graph& g, std::string_view name, size_t limit) {
  const std::u32string query = Utf8ToU32(name);
  const size_t max_distance = std::max<size_t>(1, query.size() / 3);
  // A containment match ranks after every close spelling.
  const size_t contained_rank = max_distance + 1;
  std::vector<Suggestion> found;
  std::vector<size_t> degree;
  const auto consider = [&](VertexId v, std::string_view form) {
    const std::u32string f = Utf8ToU32(form);
    const size_t gap = f.size() > query.size() ? f.size() - query.size() : query.size() - f.size();
    size_t d = contained_rank + 1;
    if (gap <= max_distance) d = EditDistance(query, f);
    if (d > max_distance) {
      if (query.size() >= 2 && (f.find(query) != std::u32string::npos || query.find(f) != std::u32string::npos) &&
          f.size() >= 2) {
        d = contained_rank;
      } else {
        return;
      }
    }
    found.push_back(Suggestion{v, std::string(form), d});
  };
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    const VertexProps& p = g.vertex(v);
    if (p.kind != VertexKind::kEntity) continue;
    consider(v, p.name);
    for (std::string_view a : p.aliases) consider(v, a);
  }
  const auto degree_of = [&](VertexId v) {
    size_t n = 0;
    g.ForEachIncident(v, [&](const Incident&) { ++n; });
    return n;
  };
  std::vector<std::pair<size_t, Suggestion>> ranked;
  for (const Suggestion& s : found) ranked.emplace_back(degree_of(s.vertex), s);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.distance != b.second.distance) return a.second.distance < b.second.distance;
    if (a.first != b.first) return a.first > b.first;
    return a.second.form < b.second.form;
  });
  std::vector<Suggestion> out;
  std::unordered_set<VertexId> seen;
  for (const auto& [deg, s] : ranked) {
    if (out.size() >= limit) break;
    if (seen.insert(s.vertex).second) out.push_back(s);
  }
  return out;
}

}  // namespace policykg
