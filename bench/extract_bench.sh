#!/usr/bin/env bash
# Extraction throughput and memory: runs an already built `policykg extract`
# over a generated corpus with one and two workers, and over the national
# government work reports, printing MB/s and peak RSS. Builds nothing.
#
# The machine is shared and noisy, so every row is run BENCH_RUNS times and
# the best run is shown (with the range of wall times over the runs), and
# the one-worker rows are pinned to one CPU with taskset (when available) so
# that the scheduler does not move the worker between cores.
#
# usage: bench/extract_bench.sh [POLICYKG_BIN]
#   POLICYKG_BIN  default: $POLICYKG_BIN, else build/apps/policykg
#   BENCH_CORPUS  corpus directory (default /tmp/policykg-bench-corpus; made
#                 with bench/gen_corpus.py when missing)
#   BENCH_MB      size of a generated corpus in MB (default 30)
#   BENCH_RUNS    runs per row (default 3)
#   BENCH_CPU     CPU the one-worker rows are pinned to (default 1, or 0 on
#                 a one-CPU machine)
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${1:-${POLICYKG_BIN:-build/apps/policykg}}
CORPUS=${BENCH_CORPUS:-/tmp/policykg-bench-corpus}
SHARED=${POLICYKG_SHARED:-$(cd .. && pwd)/shared}
GOV="$SHARED/corpus/gov-reports"
RUNS=${BENCH_RUNS:-3}
if [ "$(nproc)" -gt 1 ]; then CPU=${BENCH_CPU:-1}; else CPU=${BENCH_CPU:-0}; fi

[ -x "$BIN" ] || { echo "extract_bench: $BIN is not an executable (build policykg first)" >&2; exit 64; }
[ -x /usr/bin/time ] || { echo "extract_bench: /usr/bin/time missing (apt-get install time)" >&2; exit 64; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "extract_bench: BENCH_RUNS must be a positive number" >&2; exit 64; }
PIN=()
if command -v taskset > /dev/null && taskset -c "$CPU" true 2> /dev/null; then
  PIN=(taskset -c "$CPU")
fi
if [ ! -d "$CORPUS" ]; then
  python3 bench/gen_corpus.py "$CORPUS" --mb "${BENCH_MB:-30}" >&2
fi

# timed_run JOBS DIR OUT PINNED: one extraction under /usr/bin/time; prints
# "wall cpu rss_kb records exit".
timed_run() {
  local jobs=$1 dir=$2 out=$3 pinned=$4
  local log rc=0
  log=$(mktemp)
  local cmd=("$BIN" extract -j "$jobs" "$dir")
  if [ "$pinned" = 1 ] && [ ${#PIN[@]} -gt 0 ]; then cmd=("${PIN[@]}" "${cmd[@]}"); fi
  /usr/bin/time -v "${cmd[@]}" > "$out" 2> "$log" || rc=$?
  local secs cpu rss
  secs=$(grep 'Elapsed (wall clock)' "$log" | awk -F': ' '{print $2}' |
         awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  cpu=$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$log")
  rss=$(grep 'Maximum resident set size' "$log" | awk -F': ' '{print $2}')
  echo "$secs $cpu $rss $(wc -l < "$out") $rc"
  rm -f "$log"
}

# run LABEL JOBS DIR PINNED: RUNS timed extractions; prints one row for the
# fastest (by wall time), with the range of wall times over all runs.
run() {
  local label=$1 jobs=$2 dir=$3 pinned=$4
  local bytes files out results=()
  bytes=$(du -sb "$dir" | cut -f1)
  files=$(find "$dir" -type f ! -name '.*' | wc -l)
  out=$(mktemp)
  for ((k = 0; k < RUNS; ++k)); do results+=("$(timed_run "$jobs" "$dir" "$out" "$pinned")"); done
  rm -f "$out"
  local pin_note=""
  if [ "$pinned" = 1 ] && [ ${#PIN[@]} -gt 0 ]; then pin_note="cpu$CPU"; fi
  printf '%s\n' "${results[@]}" | sort -g -k1,1 |
    awk -v l="$label" -v j="$jobs" -v b="$bytes" -v f="$files" -v n="$RUNS" -v pin="$pin_note" '
      NR == 1 { s = $1; c = $2; r = $3; recs = $4; rc = $5; lo = $1 }
      { hi = $1; if ($5 != 0) bad = $5 }
      END {
        mb = b / 1048576; if (s <= 0) s = 0.01; if (c <= 0) c = 0.01;
        if (bad != "") rc = bad;
        printf "%-11s -j%s %-4s %6.1f MB %5d files  wall %6.2f s %6.1f MB/s (runs %.2f-%.2f s)  cpu %6.2f s %6.1f MB/cpu-s  peak RSS %6.1f MB  %7d records  exit %d\n",
               l, j, pin, mb, f, s, mb / s, lo, hi, c, mb / c, r / 1024, recs, rc }'
}

echo "binary: $BIN"
echo "corpus: $CORPUS"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall MB/s suffers under load; MB/cpu-s less so)"
if [ ${#PIN[@]} -gt 0 ]; then
  echo "method: best of $RUNS runs per row (fastest wall time; the range over the runs in brackets); -j1 rows pinned to CPU $CPU (taskset)"
else
  echo "method: best of $RUNS runs per row (fastest wall time; the range over the runs in brackets); taskset unavailable, nothing pinned"
fi
run generated 1 "$CORPUS" 1
run generated 2 "$CORPUS" 0
if [ -d "$GOV" ]; then
  run gov-reports 1 "$GOV" 1
else
  echo "gov-reports: $GOV not found, skipped"
fi
