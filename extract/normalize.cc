// The matching form: one code point in, one code point out, through a table
// built once per process (NFKC per code point with ICU, then Traditional ->
// Simplified per character with OpenCC). Fold is then a lookup per character.
// The OpenCC step is filled in lazily, for the CJK characters a text brings
// that no earlier text had: converting all 35 000 of them up front was the
// larger part of the process's start-up, and a run meets a few thousand.
#include <opencc/opencc.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <numeric>
#include <string>
#include <unistd.h>
#include <vector>

#include "base/utf8.h"
#include "extract/reader.h"

namespace policykg {
namespace {

constexpr char32_t kMaxCodePoint = 0x10FFFF;

// Ranges beyond the BMP where NFKC changes single code points: mathematical
// alphanumerics, enclosed alphanumerics, CJK compatibility ideographs.
constexpr std::pair<char32_t, char32_t> kSupplementaryNfkc[] = {
    {0x1D400, 0x1D7FF}, {0x1F100, 0x1F1FF}, {0x2F800, 0x2FA1F}};

// Code points OpenCC may map: CJK unified (with extension A), compatibility.
constexpr std::pair<char32_t, char32_t> kCjkRanges[] = {
    {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};

// The fold of every code point that can change: the BMP and the
// supplementary ranges above; every other code point folds to itself. Kept
// to these 66 000 entries instead of one per code point (4.4 MB, faulted in
// page by page at every start).
class CodePointMap {
 public:
  CodePointMap() : bmp_(0x10000) {
    std::iota(bmp_.begin(), bmp_.end(), char32_t{0});
    for (const auto& [lo, hi] : kSupplementaryNfkc) {
      for (char32_t c = lo; c <= hi; ++c) supplementary_.push_back(c);
    }
  }
  // The entry of c; c must be in the BMP or in kSupplementaryNfkc.
  char32_t& operator[](char32_t c) { return c < 0x10000 ? bmp_[c] : supplementary_[SupplementaryIndex(c)]; }
  char32_t Get(char32_t c) const {
    if (c < 0x10000) return bmp_[c];
    const size_t k = SupplementaryIndex(c);
    return k < supplementary_.size() ? supplementary_[k] : c;
  }

 private:
  // Index into supplementary_, or supplementary_.size() when c is in no range.
  size_t SupplementaryIndex(char32_t c) const {
    size_t offset = 0;
    for (const auto& [lo, hi] : kSupplementaryNfkc) {
      if (c >= lo && c <= hi) return offset + (c - lo);
      offset += hi - lo + 1;
    }
    return offset;
  }

  std::vector<char32_t> bmp_;
  std::vector<char32_t> supplementary_;
};

// NFKC of one code point when it is one code point; otherwise the original
// (e.g. ① -> 1 is kept, ⑴ -> "(1)" and ℃ -> "°C" are not).
Status ApplyNfkc(CodePointMap& table) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return Status::Unavailable("ICU NFKC data is missing");
  auto fold = [&](char32_t c) {
    if (c >= 0xD800 && c <= 0xDFFF) return;
    if (nfkc->isInert(static_cast<UChar32>(c))) return;  // cheap test: unchanged by NFKC
    const icu::UnicodeString in(static_cast<UChar32>(c));
    UErrorCode st = U_ZERO_ERROR;
    if (nfkc->isNormalized(in, st) || U_FAILURE(st)) return;
    st = U_ZERO_ERROR;
    const icu::UnicodeString out = nfkc->normalize(in, st);
    if (U_SUCCESS(st) && out.countChar32() == 1) table[c] = static_cast<char32_t>(out.char32At(0));
  };
  for (char32_t c = 0x80; c < 0x10000; ++c) fold(c);
  for (const auto& [lo, hi] : kSupplementaryNfkc) {
    for (char32_t c = lo; c <= hi; ++c) fold(c);
  }
  return Status::OK();
}

std::string OpenCcConfigPath() {
  const std::string installed = "/usr/share/opencc/t2s.json";
  if (access(installed.c_str(), R_OK) == 0) return installed;
  return "t2s.json";  // OpenCC also searches its own data directory
}

bool IsCjk(char32_t c) {
  for (const auto& [lo, hi] : kCjkRanges) {
    if (c >= lo && c <= hi) return true;
  }
  return false;
}
constexpr char32_t kCjkEnd = 0xFB00;  // past the last of kCjkRanges
// A sentence is written in Traditional characters when at least one in this
// many of its CJK characters has another Simplified form.
constexpr size_t kTraditionalShare = 20;

// NFKC for every code point, and Traditional -> Simplified for the CJK
// characters converted so far. Fold may be called from several threads.
class FoldTable {
 public:
  static Result<std::shared_ptr<FoldTable>> Build(bool t2s);
  ~FoldTable() {
    if (cc_ != nullptr) opencc_close(cc_);
  }
  std::u32string Fold(const std::u32string& text);
  std::u32string FoldDocument(const std::u32string& text);

 private:
  void Convert(const std::vector<char32_t>& chars);

  CodePointMap map_;
  CodePointMap nfkc_;          // NFKC alone, for texts written in Simplified
  opencc_t cc_ = nullptr;      // null: no Traditional -> Simplified step
  // done_[c] for a CJK character c: map_[c] holds its OpenCC form. Set after
  // map_[c] is written (release), read before map_[c] is (acquire).
  std::unique_ptr<std::atomic<bool>[]> done_;
  std::mutex mu_;  // one conversion at a time
};

Result<std::shared_ptr<FoldTable>> FoldTable::Build(bool t2s) {
  auto table = std::make_shared<FoldTable>();
  POLICYKG_RETURN_IF_ERROR(ApplyNfkc(table->map_));
  if (t2s) {
    table->nfkc_ = table->map_;
    const std::string config = OpenCcConfigPath();
    opencc_t cc = opencc_open(config.c_str());
    if (cc == reinterpret_cast<opencc_t>(-1)) {
      const char* err = opencc_error();
      return Status::Unavailable("OpenCC cannot open " + config + ": " + (err ? err : "unknown"));
    }
    table->cc_ = cc;
    table->done_ = std::make_unique<std::atomic<bool>[]>(kCjkEnd);
    for (char32_t c = 0; c < kCjkEnd; ++c) table->done_[c].store(false, std::memory_order_relaxed);
  }
  return table;
}

// Runs OpenCC over the characters not yet converted, each on its own line
// so that no phrase rule joins neighbours (the result of a character is then
// the same in any batch); keeps the single-character mappings.
void FoldTable::Convert(const std::vector<char32_t>& chars) {
  std::lock_guard<std::mutex> lock(mu_);
  std::u32string input;
  std::vector<char32_t> order;
  for (char32_t c : chars) {
    if (done_[c].load(std::memory_order_relaxed)) continue;
    if (!order.empty() && std::find(order.begin(), order.end(), c) != order.end()) continue;
    order.push_back(c);
    input += map_[c];
    input += U'\n';
  }
  if (order.empty()) return;
  const std::string utf8 = U32ToUtf8(input);
  char* converted = opencc_convert_utf8(cc_, utf8.data(), utf8.size());
  // OpenCC opened, so a failure here would be a bug in it: the characters
  // then keep their NFKC form rather than failing the document.
  if (converted != nullptr) {
    const std::u32string out = Utf8ToU32(converted);
    opencc_convert_utf8_free(converted);
    std::vector<std::pair<char32_t, char32_t>> mapped;
    size_t line = 0, start = 0;
    for (size_t i = 0; i <= out.size() && line < order.size(); ++i) {
      if (i < out.size() && out[i] != U'\n') continue;
      if (i - start == 1) mapped.emplace_back(order[line], out[start]);
      ++line;
      start = i + 1;
    }
    if (line == order.size()) {
      for (const auto& [c, to] : mapped) map_[c] = to;
    }
  }
  for (char32_t c : order) done_[c].store(true, std::memory_order_release);
}

std::u32string FoldTable::Fold(const std::u32string& text) {
  std::u32string out(text.size(), U'\0');
  std::vector<char32_t> pending;  // CJK characters OpenCC has not seen yet
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c > kMaxCodePoint) {
      out[i] = c;
    } else if (cc_ != nullptr && c < kCjkEnd && IsCjk(c) && !done_[c].load(std::memory_order_acquire)) {
      pending.push_back(c);
    } else {
      out[i] = map_.Get(c);
    }
  }
  if (pending.empty()) return out;
  std::sort(pending.begin(), pending.end());
  pending.erase(std::unique(pending.begin(), pending.end()), pending.end());
  Convert(pending);
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c < kCjkEnd && IsCjk(c)) out[i] = map_.Get(c);
  }
  return out;
}

std::u32string FoldTable::FoldDocument(const std::u32string& text) {
  std::u32string out = Fold(text);
  if (cc_ == nullptr) return out;
  // Sentence by sentence (a Simplified report may quote a Traditional
  // passage): Traditional text changes in a large share of its characters,
  // Simplified text only in rare variants (昇, 堃, 喆), which are then part
  // of a name and stay as written.
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = begin;
    size_t cjk = 0, converted = 0;
    for (; end < text.size(); ++end) {
      const char32_t c = text[end];
      if (c == U'\n' || c == U'。' || c == U'!' || c == U'?' || c == U'！' || c == U'？') break;
      if (c >= kCjkEnd || !IsCjk(c)) continue;
      ++cjk;
      if (out[end] != nfkc_.Get(c)) ++converted;
    }
    if (converted > 0 && converted * kTraditionalShare < cjk) {
      for (size_t i = begin; i < end; ++i) {
        const char32_t c = text[i];
        if (c < kCjkEnd && IsCjk(c)) out[i] = nfkc_.Get(c);
      }
    }
    begin = end + 1;
  }
  return out;
}

// The two tables are built at most once per process; failures are not cached.
Result<std::shared_ptr<FoldTable>> SharedTable(bool t2s) {
  static std::mutex mu;
  static std::shared_ptr<FoldTable> cache[2];
  std::lock_guard<std::mutex> lock(mu);
  std::shared_ptr<FoldTable>& slot = cache[t2s ? 1 : 0];
  if (slot == nullptr) {
    auto built = FoldTable::Build(t2s);
    if (!built.ok()) return built.status();
    slot = std::move(built).value();
  }
  return slot;
}

}  // namespace

struct Normalizer::Impl {
  std::shared_ptr<FoldTable> table;
};

Normalizer::Normalizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Normalizer::~Normalizer() = default;

Result<std::unique_ptr<Normalizer>> Normalizer::Create(bool traditional_to_simplified) {
  auto table = SharedTable(traditional_to_simplified);
  if (!table.ok()) return table.status();
  auto impl = std::make_unique<Impl>();
  impl->table = std::move(table).value();
  return std::unique_ptr<Normalizer>(new Normalizer(std::move(impl)));
}

std::u32string Normalizer::Fold(const std::u32string& text) const { return impl_->table->Fold(text); }

std::u32string Normalizer::FoldDocument(const std::u32string& text) const {
  return impl_->table->FoldDocument(text);
}

}  // namespace policykg
