// Expands command-line PATH arguments: a file, a directory (recursive, sorted)
// or "-" for standard input.
#ifndef POLICYKG_APPS_INPUT_FILES_H_
#define POLICYKG_APPS_INPUT_FILES_H_

#include <string>
#include <vector>

#include "base/status.h"

namespace policykg {

// Files in a deterministic order. A path that does not exist is passed on as
// it is (reading it then fails for that input alone); hidden files (".name")
// inside directories are skipped.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths);

}  // namespace policykg

#endif  // POLICYKG_APPS_INPUT_FILES_H_
