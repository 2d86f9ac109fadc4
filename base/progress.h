// A progress bar on stderr that draws only when stderr is a terminal, so that
// pipes and CI logs stay quiet. Thread-safe: workers may call Advance().
#ifndef POLICYKG_BASE_PROGRESS_H_
#define POLICYKG_BASE_PROGRESS_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace policykg {

class ProgressBar {
 public:
  // total: number of units (files, batches). label: shown before the bar.
  ProgressBar(std::string label, uint64_t total);
  // As above, but draw only if `enabled` (tests force it on or off).
  ProgressBar(std::string label, uint64_t total, bool enabled);
  ~ProgressBar();  // finishes the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Advance(uint64_t n = 1);
  bool enabled() const { return enabled_; }

 private:
  void Draw(bool final);

  const std::string label_;
  const uint64_t total_;
  const bool enabled_;
  std::atomic<uint64_t> done_{0};
  std::mutex draw_mu_;
  std::chrono::steady_clock::time_point last_draw_{};
  const std::chrono::steady_clock::time_point start_;
};

// True when file descriptor 2 is a terminal and TERM is not "dumb".
bool StderrIsTerminal();

}  // namespace policykg

#endif  // POLICYKG_BASE_PROGRESS_H_
