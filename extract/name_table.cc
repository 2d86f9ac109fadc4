#include "extract/name_table.h"

namespace policykg {
namespace {

constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ull;

uint64_t HashName(std::u32string_view name) {
  uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a over code points
  for (char32_t c : name) h = (h ^ c) * 0x100000001b3ull;
  return (h ^ (h >> 29)) * kGolden;
}

uint64_t PairKey(char32_t a, char32_t b) { return (static_cast<uint64_t>(a) << 32) | b; }
uint64_t HashPair(uint64_t key) { return (key ^ (key >> 29)) * kGolden; }

// Bits of the pair bitmap: 128 KB, small enough to stay in the L2 cache,
// large enough that few absent pairs share a bit with a present one.
constexpr int kBloomBits = 20;

// Slots for n entries at most half full: a power of two, at least 64.
size_t SlotsFor(size_t n) {
  size_t size = 64;
  while (size < 2 * n) size *= 2;
  return size;
}

}  // namespace

size_t NameTable::Probe(std::u32string_view name, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const uint32_t tag = static_cast<uint32_t>(hash >> 32);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.entry < 0 || (s.tag == tag && NameOf(entries_[s.entry]) == name)) return i;
  }
}

void NameTable::Reserve(size_t n) {
  entries_.reserve(n);
  pending_.reserve(n);
  names_.reserve(n * 4);  // place names run to three or four characters
  if (SlotsFor(n) > slots_.size()) Rehash(SlotsFor(n));
}

void NameTable::Rehash(size_t size) {
  slots_.assign(size, Slot{});
  const size_t mask = size - 1;
  for (int32_t k = 0; k < static_cast<int32_t>(entries_.size()); ++k) {
    const uint64_t hash = entries_[k].hash;
    size_t i = hash & mask;
    while (slots_[i].entry >= 0) i = (i + 1) & mask;
    slots_[i] = Slot{static_cast<uint32_t>(hash >> 32), k};
  }
}

void NameTable::Add(std::u32string_view name, int id) {
  // At most half full, so probe chains stay short.
  if ((entries_.size() + 1) * 2 > slots_.size()) Rehash(SlotsFor(entries_.size() + 1));
  const uint64_t hash = HashName(name);
  Slot& slot = slots_[Probe(name, hash)];
  if (slot.entry < 0) {
    slot = Slot{static_cast<uint32_t>(hash >> 32), static_cast<int32_t>(entries_.size())};
    Entry e;
    e.offset = static_cast<uint32_t>(names_.size());
    e.size = static_cast<uint32_t>(name.size());
    e.hash = hash;
    names_.append(name);
    entries_.push_back(e);
  }
  pending_.emplace_back(slot.entry, id);
}

DivisionIds NameTable::Find(std::u32string_view name) const {
  if (slots_.empty()) return {};
  const int32_t at = slots_[Probe(name, HashName(name))].entry;
  if (at < 0) return {};
  const Entry& e = entries_[at];
  return DivisionIds(ids_.data() + e.ids_begin, e.ids_size);
}

void PairTable::Reserve(size_t n) {
  if (SlotsFor(n) > slots_.size()) Rehash(SlotsFor(n));
}

void PairTable::Rehash(size_t size) {
  std::vector<Entry> old = std::move(slots_);
  slots_.assign(size, Entry{});
  used_ = 0;
  for (const Entry& e : old) {
    if (e.bits != 0) Add(static_cast<char32_t>(e.key >> 32), static_cast<char32_t>(e.key), e.bits);
  }
}

void PairTable::Add(char32_t a, char32_t b, uint32_t bits) {
  if (bits == 0) return;
  if ((used_ + 1) * 2 > slots_.size()) Rehash(SlotsFor(used_ + 1));
  if (bloom_.empty()) bloom_.assign((size_t{1} << kBloomBits) / 64, 0);
  const uint64_t key = PairKey(a, b);
  const uint64_t hash = HashPair(key);
  const uint64_t bit = hash >> (64 - kBloomBits);
  bloom_[bit / 64] |= uint64_t{1} << (bit % 64);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    Entry& e = slots_[i];
    if (e.bits == 0) {
      e.key = key;
      e.bits = bits;
      ++used_;
      return;
    }
    if (e.key == key) {
      e.bits |= bits;
      return;
    }
  }
}

uint32_t PairTable::Get(char32_t a, char32_t b) const {
  if (slots_.empty()) return 0;
  const uint64_t key = PairKey(a, b);
  const uint64_t hash = HashPair(key);
  const uint64_t bit = hash >> (64 - kBloomBits);
  if ((bloom_[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return 0;
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Entry& e = slots_[i];
    if (e.bits == 0) return 0;
    if (e.key == key) return e.bits;
  }
}

}  // namespace policykg
