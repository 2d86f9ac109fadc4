// The matching form: one code point in, one code point out, through a table
// built once per process (NFKC per code point with ICU, then Traditional ->
// Simplified per character with OpenCC). Fold is then a lookup per character.
#include <opencc/opencc.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <mutex>
#include <string>
#include <unistd.h>
#include <vector>

#include "base/utf8.h"
#include "extract/reader.h"

namespace policykg {
namespace {

constexpr char32_t kMaxCodePoint = 0x10FFFF;
using FoldTable = std::vector<char32_t>;  // indexed by code point, 0x110000 entries

// Ranges beyond the BMP where NFKC changes single code points: mathematical
// alphanumerics, enclosed alphanumerics, CJK compatibility ideographs.
constexpr std::pair<char32_t, char32_t> kSupplementaryNfkc[] = {
    {0x1D400, 0x1D7FF}, {0x1F100, 0x1F1FF}, {0x2F800, 0x2FA1F}};

// Code points OpenCC may map: CJK unified (with extension A), compatibility.
constexpr std::pair<char32_t, char32_t> kCjkRanges[] = {
    {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};

// NFKC of one code point when it is one code point; otherwise the original
// (e.g. ① -> 1 is kept, ⑴ -> "(1)" and ℃ -> "°C" are not).
Status ApplyNfkc(FoldTable& table) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return Status::Unavailable("ICU NFKC data is missing");
  auto fold = [&](char32_t c) {
    if (c >= 0xD800 && c <= 0xDFFF) return;
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

// Runs OpenCC once over every CJK character, each on its own line so that no
// phrase rule joins neighbours; keeps the single-character mappings.
Status ApplyTraditionalToSimplified(FoldTable& table) {
  const std::string config = OpenCcConfigPath();
  opencc_t cc = opencc_open(config.c_str());
  if (cc == reinterpret_cast<opencc_t>(-1)) {
    const char* err = opencc_error();
    return Status::Unavailable("OpenCC cannot open " + config + ": " + (err ? err : "unknown"));
  }
  std::u32string input;
  std::vector<char32_t> order;
  for (const auto& [lo, hi] : kCjkRanges) {
    for (char32_t c = lo; c <= hi; ++c) {
      order.push_back(c);
      input += table[c];
      input += U'\n';
    }
  }
  const std::string utf8 = U32ToUtf8(input);
  char* converted = opencc_convert_utf8(cc, utf8.data(), utf8.size());
  if (converted == nullptr) {
    const char* err = opencc_error();
    opencc_close(cc);
    return Status::Unavailable(std::string("OpenCC conversion failed: ") + (err ? err : "unknown"));
  }
  const std::u32string out = Utf8ToU32(converted);
  opencc_convert_utf8_free(converted);
  opencc_close(cc);

  size_t line = 0, start = 0;
  for (size_t i = 0; i <= out.size() && line < order.size(); ++i) {
    if (i < out.size() && out[i] != U'\n') continue;
    if (i - start == 1) table[order[line]] = out[start];
    ++line;
    start = i + 1;
  }
  if (line != order.size()) return Status::Unavailable("OpenCC changed the line structure");
  return Status::OK();
}

Result<std::shared_ptr<const FoldTable>> BuildTable(bool t2s) {
  auto table = std::make_shared<FoldTable>(kMaxCodePoint + 1);
  for (char32_t c = 0; c <= kMaxCodePoint; ++c) (*table)[c] = c;
  Status st = ApplyNfkc(*table);
  if (!st.ok()) return st;
  if (t2s) {
    st = ApplyTraditionalToSimplified(*table);
    if (!st.ok()) return st;
  }
  return std::shared_ptr<const FoldTable>(std::move(table));
}

// The two tables are built at most once per process; failures are not cached.
Result<std::shared_ptr<const FoldTable>> SharedTable(bool t2s) {
  static std::mutex mu;
  static std::shared_ptr<const FoldTable> cache[2];
  std::lock_guard<std::mutex> lock(mu);
  std::shared_ptr<const FoldTable>& slot = cache[t2s ? 1 : 0];
  if (slot == nullptr) {
    auto built = BuildTable(t2s);
    if (!built.ok()) return built.status();
    slot = std::move(built).value();
  }
  return slot;
}

}  // namespace

struct Normalizer::Impl {
  std::shared_ptr<const FoldTable> table;
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

std::u32string Normalizer::Fold(const std::u32string& text) const {
  const FoldTable& table = *impl_->table;
  std::u32string out(text.size(), U'\0');
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    out[i] = c <= kMaxCodePoint ? table[c] : c;
  }
  return out;
}

}  // namespace policykg
