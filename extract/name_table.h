// Internal: hash tables for the gazetteer's name index, probed with views.
//
// The place scan looks up every substring that could be a name, several per
// position of a document. std::unordered_map<std::u32string, ...> needs a
// std::u32string key per probe (heterogeneous lookup is C++20), so each probe
// allocated; these open-addressing tables hash the view itself and keep
// their slots in one flat array.
#ifndef POLICYKG_EXTRACT_NAME_TABLE_H_
#define POLICYKG_EXTRACT_NAME_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policykg {

// Names -> lists of division indices.
class NameTable {
 public:
  // Room for n names without rehashing.
  void Reserve(size_t n);
  // The list stored for `name`, created empty on first use.
  std::vector<int>& operator[](std::u32string_view name);
  // The list for `name`, or nullptr when the name is not in the table.
  const std::vector<int>* Find(std::u32string_view name) const;
  size_t size() const { return entries_.size(); }
  // Calls f(list) for every stored list (to sort them once filled).
  template <typename F>
  void ForEachList(F f) {
    for (Entry& e : entries_) f(e.list);
  }

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
    std::vector<int> list;
  };
  std::u32string_view NameOf(const Entry& e) const { return std::u32string_view(names_).substr(e.offset, e.size); }
  size_t Probe(std::u32string_view name, uint64_t hash) const;
  void Rehash(size_t slots);

  std::u32string names_;
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;  // size a power of two
};

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
