// Whole-file reading and writing with Status errors that name the file.
#ifndef POLICYKG_BASE_FILE_H_
#define POLICYKG_BASE_FILE_H_

#include <string>

#include "base/status.h"

namespace policykg {

// Reads the whole file; "-" reads standard input.
Result<std::string> ReadFile(const std::string& path);

// Writes atomically: to PATH.tmp, then rename, so a crash never leaves a half file.
Status WriteFileAtomic(const std::string& path, const std::string& contents);

// The last path component ("a/b/c.txt" -> "c.txt"; "-" -> "stdin").
std::string BaseName(const std::string& path);

}  // namespace policykg

#endif  // POLICYKG_BASE_FILE_H_
