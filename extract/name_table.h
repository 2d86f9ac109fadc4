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
  // The list stored for `name`, created empty on first use.
  std::vector<int>& operator[](std::u32string_view name);
  // The list for `name`, or nullptr when the name is not in the table.
  const std::vector<int>* Find(std::u32string_view name) const;
  size_t size() const { return names_.size(); }
  // Every stored list, for post-processing after the table is filled.
  std::vector<std::vector<int>>& lists() { return lists_; }

 private:
  int32_t Slot(std::u32string_view name, uint64_t hash) const;
  void Grow();

  std::vector<std::u32string> names_;
  std::vector<std::vector<int>> lists_;
  std::vector<uint64_t> hashes_;  // of names_[i], for rehashing
  std::vector<int32_t> slots_;    // index into names_, -1 when free; size a power of two
};

// Pairs of code points -> a positive int (the longest name starting with the
// pair). A bitmap over the pairs' hashes answers most misses without
// touching the table: most pairs of a text start no name.
class PairTable {
 public:
  // Raises the value of (a, b) to at least `value` (> 0).
  void Raise(char32_t a, char32_t b, int value);
  // The value of (a, b), 0 when absent.
  int Get(char32_t a, char32_t b) const;

 private:
  void Grow();

  struct Entry {
    uint64_t key = 0;
    int value = 0;  // 0: free
  };
  std::vector<Entry> slots_;     // size a power of two
  size_t used_ = 0;
  std::vector<uint64_t> bloom_;  // one bit per hash bucket of a present pair
};

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_NAME_TABLE_H_
