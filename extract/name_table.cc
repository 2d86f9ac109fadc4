#include "extract/name_table.h"

namespace policykg {
namespace {

constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ull;

uint64_t HashName(std::u32string_view name) {
  uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a over code points
  for (char32_t c : name) h = (h ^ c) * 0x100000001b3ull;
  return (h ^ (h >> 29)) * kGolden;
}

uint64_t HashPair(uint64_t key) { return (key ^ (key >> 29)) * kGolden; }

uint64_t PairKey(char32_t a, char32_t b) { return (static_cast<uint64_t>(a) << 32) | b; }

// Bits of the pair bitmap: 32 KB, small enough to stay in cache.
constexpr int kBloomBits = 18;

}  // namespace

int32_t NameTable::Slot(std::u32string_view name, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const int32_t at = slots_[i];
    if (at < 0 || (hashes_[at] == hash && names_[at] == name)) return static_cast<int32_t>(i);
  }
}

void NameTable::Grow() {
  const size_t size = slots_.empty() ? 64 : slots_.size() * 2;
  slots_.assign(size, -1);
  const size_t mask = size - 1;
  for (int32_t k = 0; k < static_cast<int32_t>(names_.size()); ++k) {
    size_t i = hashes_[k] & mask;
    while (slots_[i] >= 0) i = (i + 1) & mask;
    slots_[i] = k;
  }
}

std::vector<int>& NameTable::operator[](std::u32string_view name) {
  // At most half full, so probe chains stay short.
  if ((names_.size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t hash = HashName(name);
  const int32_t slot = Slot(name, hash);
  if (slots_[slot] < 0) {
    slots_[slot] = static_cast<int32_t>(names_.size());
    names_.emplace_back(name);
    lists_.emplace_back();
    hashes_.push_back(hash);
  }
  return lists_[slots_[slot]];
}

const std::vector<int>* NameTable::Find(std::u32string_view name) const {
  if (slots_.empty()) return nullptr;
  const int32_t at = slots_[Slot(name, HashName(name))];
  return at < 0 ? nullptr : &lists_[at];
}

void PairTable::Grow() {
  std::vector<Entry> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Entry{});
  used_ = 0;
  for (const Entry& e : old) {
    if (e.value > 0) Raise(static_cast<char32_t>(e.key >> 32), static_cast<char32_t>(e.key), e.value);
  }
}

void PairTable::Raise(char32_t a, char32_t b, int value) {
  if ((used_ + 1) * 2 > slots_.size()) Grow();
  if (bloom_.empty()) bloom_.assign((size_t{1} << kBloomBits) / 64, 0);
  const uint64_t key = PairKey(a, b);
  const uint64_t hash = HashPair(key);
  const uint64_t bit = hash >> (64 - kBloomBits);
  bloom_[bit / 64] |= uint64_t{1} << (bit % 64);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    Entry& e = slots_[i];
    if (e.value == 0) {
      e.key = key;
      e.value = value;
      ++used_;
      return;
    }
    if (e.key == key) {
      if (value > e.value) e.value = value;
      return;
    }
  }
}

int PairTable::Get(char32_t a, char32_t b) const {
  if (slots_.empty()) return 0;
  const uint64_t key = PairKey(a, b);
  const uint64_t hash = HashPair(key);
  const uint64_t bit = hash >> (64 - kBloomBits);
  if ((bloom_[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return 0;
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Entry& e = slots_[i];
    if (e.value == 0) return 0;
    if (e.key == key) return e.value;
  }
}

}  // namespace policykg
