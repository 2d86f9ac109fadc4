// Parallel extraction of many files with results delivered in input order.
// Documents are independent, so N workers extract while one consumer receives
// them in order; at most a small window of finished documents waits in memory,
// so memory stays flat however many documents stream through.
#ifndef POLICYKG_EXTRACT_BATCH_H_
#define POLICYKG_EXTRACT_BATCH_H_

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/extractor.h"

namespace policykg {

struct BatchOptions {
  int jobs = 0;              // worker threads; 0 = all cores
  bool progress = true;      // progress bar (drawn only on a terminal)
};

struct BatchSummary {
  size_t succeeded = 0;
  size_t failed = 0;
};

// Calls on_result(i, result) for files[i] in order i = 0, 1, ... from the
// calling thread. A failed file is reported through its Result and does not
// stop the batch.
BatchSummary ExtractBatch(const Extractor& extractor, const std::vector<std::string>& files,
                          const BatchOptions& options,
                          const std::function<void(size_t, Result<Extraction>&&)>& on_result);

}  // namespace policykg

#endif  // POLICYKG_EXTRACT_BATCH_H_
