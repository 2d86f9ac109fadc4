// The extraction library's entry point: document bytes in, one Extraction out.
// An Extractor is immutable after Create() and safe to share between threads.
#ifndef POLICYKG_EXTRACT_EXTRACTOR_H_
#define POLICYKG_EXTRACT_EXTRACTOR_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "extract/types.h"

namespace policykg {

class Gazetteer;

struct ExtractOptions {
  // Map Traditional characters to Simplified (for matching only: names and
  // offsets still come from the original text).
  bool traditional_to_simplified = true;
};

// The content hash that DocumentInfo::content_hash holds (hex XXH3-128 of the
// raw bytes): lets callers skip documents already seen before extracting them.
std::string ContentHash(std::string_view bytes);

class Extractor {
 public:
  // Loads the embedded gazetteer and the OpenCC converter.
  static Result<std::unique_ptr<Extractor>> Create(const ExtractOptions& options = {});
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Reads and extracts one file ("-" for stdin). Errors name the file and, for
  // undecodable text, the byte offset.
  Result<Extraction> ExtractFile(const std::string& path) const;

  // Extracts from raw bytes; `doc` becomes DocumentInfo::doc.
  Result<Extraction> ExtractBytes(const std::string& doc, const std::string& bytes) const;

  const Gazetteer& gazetteer() const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_EXTRACTOR_H_
