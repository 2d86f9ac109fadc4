#include "base/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace policykg {

bool StderrIsTerminal() {
  if (!isatty(STDERR_FILENO)) return false;
  const char* term = std::getenv("TERM");
  return term == nullptr || std::strcmp(term, "dumb") != 0;
}

ProgressBar::ProgressBar(std::string label, uint64_t total)
    : ProgressBar(std::move(label), total, StderrIsTerminal()) {}

ProgressBar::ProgressBar(std::string label, uint64_t total, bool enabled)
    : label_(std::move(label)),
      total_(total),
      enabled_(enabled && total > 0),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (enabled_) Draw(true);
}

void ProgressBar::Advance(uint64_t n) {
  done_ += n;
  if (enabled_) Draw(false);
}

void ProgressBar::Draw(bool final) {
  std::lock_guard<std::mutex> lock(draw_mu_);
  const auto now = std::chrono::steady_clock::now();
  // Redraw at most ~10 times a second: drawing must not slow the work down.
  if (!final && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const uint64_t done = done_.load() > total_ ? total_ : done_.load();
  const int width = 30;
  const int filled = static_cast<int>(width * done / total_);
  const double secs = std::chrono::duration<double>(now - start_).count();
  std::string bar(filled, '#');
  bar.append(width - filled, '.');
  std::fprintf(stderr, "\r%s [%s] %llu/%llu %.1fs", label_.c_str(), bar.c_str(),
               static_cast<unsigned long long>(done), static_cast<unsigned long long>(total_), secs);
  if (final) std::fputc('\n', stderr);
  std::fflush(stderr);
}

}  // namespace policykg
