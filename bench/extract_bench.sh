#!/usr/bin/env bash
# Extraction throughput and memory: runs an already built `policykg extract`
# over a generated corpus with one and two workers, and over the national
# government work reports, printing MB/s and peak RSS. Builds nothing.
#
# usage: bench/extract_bench.sh [POLICYKG_BIN]
#   POLICYKG_BIN  default: $POLICYKG_BIN, else build/apps/policykg
#   BENCH_CORPUS  corpus directory (default /tmp/policykg-bench-corpus; made
#                 with bench/gen_corpus.py when missing)
#   BENCH_MB      size of a generated corpus in MB (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${1:-${POLICYKG_BIN:-build/apps/policykg}}
CORPUS=${BENCH_CORPUS:-/tmp/policykg-bench-corpus}
SHARED=${POLICYKG_SHARED:-$(cd .. && pwd)/shared}
GOV="$SHARED/corpus/gov-reports"

[ -x "$BIN" ] || { echo "extract_bench: $BIN is not an executable (build policykg first)" >&2; exit 64; }
[ -x /usr/bin/time ] || { echo "extract_bench: /usr/bin/time missing (apt-get install time)" >&2; exit 64; }
if [ ! -d "$CORPUS" ]; then
  python3 bench/gen_corpus.py "$CORPUS" --mb "${BENCH_MB:-30}" >&2
fi

# run LABEL JOBS DIR: one timed extraction; prints a result row.
run() {
  local label=$1 jobs=$2 dir=$3
  local bytes files log out
  bytes=$(du -sb "$dir" | cut -f1)
  files=$(find "$dir" -type f ! -name '.*' | wc -l)
  log=$(mktemp)
  out=$(mktemp)
  local rc=0
  /usr/bin/time -v "$BIN" extract -j "$jobs" "$dir" > "$out" 2> "$log" || rc=$?
  local secs cpu rss records
  secs=$(grep 'Elapsed (wall clock)' "$log" | awk -F': ' '{print $2}' |
         awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  cpu=$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$log")
  rss=$(grep 'Maximum resident set size' "$log" | awk -F': ' '{print $2}')
  records=$(wc -l < "$out")
  awk -v l="$label" -v j="$jobs" -v b="$bytes" -v f="$files" -v s="$secs" -v c="$cpu" -v r="$rss" \
      -v n="$records" -v rc="$rc" 'BEGIN {
        mb = b / 1048576; if (s <= 0) s = 0.01; if (c <= 0) c = 0.01;
        printf "%-11s -j%s %6.1f MB %5d files  wall %6.2f s %6.1f MB/s  cpu %6.2f s %6.1f MB/cpu-s  peak RSS %6.1f MB  %7d records  exit %d\n",
               l, j, mb, f, s, mb / s, c, mb / c, r / 1024, n, rc }'
  rm -f "$log" "$out"
}

echo "binary: $BIN"
echo "corpus: $CORPUS"
echo "load:  $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall MB/s suffers under load; MB/cpu-s less so)"
run generated 1 "$CORPUS"
run generated 2 "$CORPUS"
if [ -d "$GOV" ]; then
  run gov-reports 1 "$GOV"
else
  echo "gov-reports: $GOV not found, skipped"
fi
