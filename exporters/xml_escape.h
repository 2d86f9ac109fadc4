// Internal to exporters/: escaping text for XML and HTML.
#ifndef POLICYKG_EXPORTERS_XML_ESCAPE_H_
#define POLICYKG_EXPORTERS_XML_ESCAPE_H_

#include <string>
#include <string_view>

namespace policykg {

// Escapes & < > " ' and drops the control characters XML 1.0 forbids, so any
// string makes a well-formed attribute value or text node.
std::string XmlEscape(std::string_view text);

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_XML_ESCAPE_H_
