// Internal: hash tables for the gazetteer's name index, probed with views.
//
// The place scan looks up every substring that could be a name, several per
// position of a document. std::unordered_map<std::u32string, ...> needs a
// std::u32string key per probe (heterogeneous lookup is C++20), so each probe
// allocated; these open-addressing tables hash the view itself and keep
// their slots in one flat array.
#ifndef POLICYKG_EXTRACT_NAME_TABLE_H_
#define POLICYKG_EXTRACT_NAME_TABLE_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/gazetteer.h"

namespace policykg {

// Names -> lists of division indices. Filled with Add, then Finish sorts the
// lists and packs them into one array (no vector per name: the gazetteer
// has 100 000 names, and their lists were most of its start-up
// allocations). Finish is called once, after the last Add; Find sees the
// lists only after it.
class NameTable {
 public:
  // Room for n names without rehashing.
  void Reserve(size_t n);
  // Adds `id` to the list of `name` (once, however often it is added).
  void Add(std::u32string_view name, int id);
  // Sorts every list by `less` (a strict total order on ids) and packs them.
  template <typename Less>
  void Finish(Less less);
  // The list for `name`; empty when the name is not in the table.
  DivisionIds Find(std::u32string_view name) const;
  size_t size() const { return entries_.size(); }

 private:
  // A slot holds the upper half of the name's hash beside the entry's index,
  // so that a probe of an absent name (most probes) reads one cache line.
  struct Slot {
    uint32_t tag = 0;
    int32_t entry = -1;  // index into entries_, -1 when free
  };
  // Names live back to back in one string (one allocation instead of one
  // per name: building the gazetteer's index is most of a process's start).
  struct Entry {
    uint32_t offset = 0;  // of the name in names_
    uint32_t size = 0;
    uint64_t hash = 0;  // for rehashing
    uint32_t ids_begin = 0;  // the list: ids_[ids_begin, ids_begin + ids_size)
    uint32_t ids_size = 0;
  };
  std::u32string_view NameOf(const Entry& e) const { return std::u32string_view(names_).substr(e.offset, e.size); }
  size_t Probe(std::u32string_view name, uint64_t hash) const;
  void Rehash(size_t slots);

  std::u32string names_;
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;  // size a power of two
  std::vector<std::pair<int32_t, int>> pending_;  // (entry, id) added since the last Finish
  std::vector<int> ids_;  // every list, back to back
};

template <typename Less>
void NameTable::Finish(Less less) {
  // Grouped by entry in one counting pass (most lists hold one id), then
  // each list sorted and freed of repeats on its own.
  std::vector<uint32_t> start(entries_.size() + 1, 0);
  for (const auto& [entry, id] : pending_) ++start[entry + 1];
  for (size_t e = 0; e < entries_.size(); ++e) start[e + 1] += start[e];
  ids_.assign(pending_.size(), 0);
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (const auto& [entry, id] : pending_) ids_[fill[entry]++] = id;
  uint32_t out = 0;
  for (size_t e = 0; e < entries_.size(); ++e) {
    int* const first = ids_.data() + start[e];
    int* const last = ids_.data() + start[e + 1];
    std::sort(first, last, less);
    int* const end = std::unique(first, last);
    entries_[e].ids_begin = out;
    entries_[e].ids_size = static_cast<uint32_t>(end - first);
    std::move(first, end, ids_.data() + out);  // packs left; never overlaps ahead
    out += entries_[e].ids_size;
  }
  ids_.resize(out);
  ids_.shrink_to_fit();
  pending_.clear();
  pending_.shrink_to_fit();
}

// Pairs of code points -> a set of small numbers as a bitmask (the lengths
// of the names starting with the pair). A bitmap over the pairs' hashes
// answers most misses without touching the table: most pairs of a text
// start no name.
class PairTable {
 public:
  // Room for n pairs without rehashing.
  void Reserve(size_t n);
  // Adds `bits` to the set of (a, b).
  void Add(char32_t a, char32_t b, uint32_t bits);
  // The set of (a, b), 0 when absent.
  uint32_t Get(char32_t a, char32_t b) const;

 private:
  void Rehash(size_t slots);

  struct Entry {
    uint64_t key = 0;
    uint32_t bits = 0;  // 0: free
  };
  std::vector<Entry> slots_;     // size a power of two
  size_t used_ = 0;
  std::vector<uint64_t> bloom_;  // one bit per hash bucket of a present pair
};

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_NAME_TABLE_H_
