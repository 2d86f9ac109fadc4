// Test helpers for the place passes (gazetteer, metadata, jurisdiction,
// regions, LOCATED_IN): a document context over text written for the test.
#ifndef POLICYKG_TESTS_EXTRACT_GEO_TEST_UTIL_H_
#define POLICYKG_TESTS_EXTRACT_GEO_TEST_UTIL_H_

#include <memory>
#include <string>

#include "extract/gazetteer.h"
#include "tests/extract/extract_test_util.h"

namespace policykg::geotest {

// A context over `text` (already simplified, so it is its own matching form),
// with one sentence per line, as the place passes expect.
inline std::unique_ptr<DocumentContext> Context(const std::string& text) {
  auto ctx = testing::MakeContext(text);
  int32_t start = 0;
  for (int32_t i = 0; i <= static_cast<int32_t>(ctx->text.size()); ++i) {
    if (i == static_cast<int32_t>(ctx->text.size()) || ctx->text[i] == U'\n') {
      if (i > start) ctx->sentences.push_back({start, i});
      start = i + 1;
    }
  }
  return ctx;
}

// The gazetteer index of the division with this statistical code.
inline int Code(const std::string& code) { return Gazetteer::Embedded().FindCode(code); }

}  // namespace policykg::geotest

#endif  // POLICYKG_TESTS_EXTRACT_GEO_TEST_UTIL_H_
