#include "extract/reader.h"

namespace policykg {

struct Normalizer::Impl {};
Normalizer::Normalizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Normalizer::~Normalizer() = default;

// Placeholder: identity, until NFKC and OpenCC folding are written.
Result<std::unique_ptr<Normalizer>> Normalizer::Create(bool) {
  return std::unique_ptr<Normalizer>(new Normalizer(std::make_unique<Impl>()));
}
std::u32string Normalizer::Fold(const std::u32string& text) const { return text; }

}  // namespace policykg
