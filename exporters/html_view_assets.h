// Internal to exporters/: the files of exporters/html_view/, embedded at build
// time by embed_assets.cmake into html_view_assets.cc (in the build tree).
#ifndef POLICYKG_EXPORTERS_HTML_VIEW_ASSETS_H_
#define POLICYKG_EXPORTERS_HTML_VIEW_ASSETS_H_

namespace policykg {

extern const char kHtmlViewPage[];  // view.html: the page with @@MARKERS@@
extern const char kHtmlViewCss[];   // view.css
extern const char kHtmlViewJs[];    // view.js

}  // namespace policykg

#endif  // POLICYKG_EXPORTERS_HTML_VIEW_ASSETS_H_
