#include "extract/reader.h"

namespace policykg {

// Placeholder: UTF-8 only, until charset detection is written.
Result<DecodedText> DecodeBytes(std::string_view bytes) {
  if (bytes.empty()) return Status::BadInput("empty file");
  return DecodedText{std::string(bytes), "UTF-8"};
}

}  // namespace policykg
