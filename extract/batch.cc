#include "extract/batch.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "base/progress.h"

namespace policykg {

BatchSummary ExtractBatch(const Extractor& extractor, const std::vector<std::string>& files,
                          const BatchOptions& options,
                          const std::function<void(size_t, Result<Extraction>&&)>& on_result) {
  const size_t n = files.size();
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const size_t jobs = static_cast<size_t>(std::clamp(options.jobs > 0 ? options.jobs : cores, 1, 256));
  const size_t window = 4 * jobs;  // finished-but-undelivered results at most

  std::mutex mu;
  std::condition_variable cv;
  size_t next_to_start = 0;
  size_t next_to_deliver = 0;
  std::map<size_t, Result<Extraction>> ready;

  ProgressBar bar("extract", n, options.progress && StderrIsTerminal());
  auto worker = [&]() {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return next_to_start >= n || next_to_start < next_to_deliver + window; });
        if (next_to_start >= n) return;
        i = next_to_start++;
      }
      Result<Extraction> r = extractor.ExtractFile(files[i]);
      {
        std::lock_guard<std::mutex> lock(mu);
        ready.emplace(i, std::move(r));
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 0; t < std::min(jobs, std::max<size_t>(n, 1)); ++t) threads.emplace_back(worker);

  BatchSummary summary;
  while (next_to_deliver < n) {
    std::optional<Result<Extraction>> r;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return ready.count(next_to_deliver) > 0; });
      auto it = ready.find(next_to_deliver);
      r.emplace(std::move(it->second));
      ready.erase(it);
    }
    (r->ok() ? summary.succeeded : summary.failed)++;
    on_result(next_to_deliver, std::move(*r));
    {
      std::lock_guard<std::mutex> lock(mu);
      ++next_to_deliver;
    }
    cv.notify_all();
    bar.Advance();
  }
  for (auto& t : threads) t.join();
  return summary;
}

}  // namespace policykg
