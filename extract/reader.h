// Internal: raw bytes -> decoded, cleaned text. Charset detection and decoding
// (decode.cc), HTML removal (html.cc), and the matching form (normalize.cc).
#ifndef POLICYKG_EXTRACT_READER_H_
#define POLICYKG_EXTRACT_READER_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace policykg {

struct DecodedText {
  std::string utf8;      // valid UTF-8, BOM removed
  std::string encoding;  // "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE", ...
};

// Detects the charset (BOMs, UTF-8 validity, ICU's detector for the rest) and
// decodes. Empty input, binary data (NULs in a non-UTF-16 file, control-byte
// soup) and text that cannot be decoded fail with BadInput naming the byte
// offset where it went wrong.
Result<DecodedText> DecodeBytes(std::string_view bytes);

// True when the text is an HTML page rather than plain text.
bool LooksLikeHtml(std::string_view utf8);
// The visible text of a page (script/style dropped, block elements -> line breaks).
std::string HtmlToText(std::string_view utf8);

// Produces the matching form of a text: the same number of code points, each
// NFKC-folded on its own and mapped Traditional -> Simplified, so a position in
// the folded text is the same position in the original.
class Normalizer {
 public:
  static Result<std::unique_ptr<Normalizer>> Create(bool traditional_to_simplified);
  ~Normalizer();
  std::u32string Fold(const std::u32string& text) const;
  // Fold for a whole document, sentence by sentence (up to 。！？ or a line
  // end): as Fold for a sentence written in Traditional characters (one in
  // 20 of its CJK characters or more has a Simplified form); otherwise its
  // CJK characters get NFKC only, so that variants a Simplified sentence
  // uses in names (泓昇, 王堃) stay as written.
  std::u32string FoldDocument(const std::u32string& text) const;

 private:
  struct Impl;
  explicit Normalizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_READER_H_
