#include "extract/reader.h"

namespace policykg {

// Placeholders until HTML removal is written.
bool LooksLikeHtml(std::string_view) { return false; }
std::string HtmlToText(std::string_view utf8) { return std::string(utf8); }

}  // namespace policykg
