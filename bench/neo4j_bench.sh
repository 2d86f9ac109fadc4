#!/usr/bin/env bash
# Export speed to a local Neo4j 3.1.1 (scripts/neo4j_server.sh): a synthetic
# graph of N entities (default 100000) in batches, against one statement per
# row (--batch-size 1) on a smaller slice (default 3000 entities) whose rate
# is extrapolated. Prints nodes/s, (nodes+relationships)/s, each phase's rate
# and the ratio; then the same big graph through `policykg export csv` and the
# bundled neo4j-admin import (the bulk path for a new database).
#
# usage: bench/neo4j_bench.sh [BUILD_DIR]   (needs policykg and
#        tests/exporters/neo4j_graph_fixture built there; default build/)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
BIN="$BUILD/apps/policykg"
FIXTURE="$BUILD/tests/exporters/neo4j_graph_fixture"
N=${NEO4J_BENCH_ENTITIES:-100000}
N_ROW=${NEO4J_BENCH_ROW_ENTITIES:-3000}
BATCH=${NEO4J_BENCH_BATCH:-5000}
PARALLEL=${NEO4J_BENCH_PARALLEL:-2}
[ -x "$BIN" ] && [ -x "$FIXTURE" ] || { echo "build policykg and neo4j_graph_fixture in $BUILD first" >&2; exit 1; }
WORK="$BUILD/neo4j-bench"
mkdir -p "$WORK"
trap '"$ROOT/scripts/neo4j_server.sh" stop "$WORK/server" >/dev/null' EXIT

"$FIXTURE" synthetic "$N" "$WORK/big.graph"
"$FIXTURE" synthetic "$N_ROW" "$WORK/small.graph"

# run GRAPH BATCH PARALLEL -> "nodes rels seconds node_seconds rel_seconds"
run() {
  "$BIN" export neo4j "$1" --url "$URL" --batch-size "$2" --parallel "$3" >"$WORK/out.txt" 2>"$WORK/err.txt" ||
    { cat "$WORK/err.txt" >&2; exit 1; }
  local totals phases
  totals=$(sed -n 's/^neo4j: exported \([0-9]*\) nodes and \([0-9]*\) relationships.* in \([0-9.]*\) s.*/\1 \2 \3/p' "$WORK/out.txt")
  phases=$(sed -n 's/^neo4j: nodes in \([0-9.]*\) s.*, relationships in \([0-9.]*\) s.*/\1 \2/p' "$WORK/out.txt")
  echo "$totals $phases"
}

fresh_server() {
  "$ROOT/scripts/neo4j_server.sh" stop "$WORK/server" >/dev/null
  "$ROOT/scripts/neo4j_server.sh" start "$WORK/server" >/dev/null
  URL=$(cat "$WORK/server/url")
  export NEO4J_PASSWORD
  NEO4J_PASSWORD=$(cat "$WORK/server/password")
}

fresh_server
read -r rn rr rs _ < <(run "$WORK/small.graph" 1 1)
fresh_server
read -r bn br bs bns brs < <(run "$WORK/big.graph" "$BATCH" "$PARALLEL")
"$ROOT/scripts/neo4j_server.sh" stop "$WORK/server" >/dev/null

# The bulk path: CSV files, then neo4j-admin import into a new store (its
# JVM start included; the copy of the distribution is made beforehand).
rm -rf "$WORK/csv" "$WORK/import-server"
csv_start=$(date +%s.%N)
"$BIN" export csv "$WORK/big.graph" -o "$WORK/csv" >"$WORK/csv.txt"
csv_end=$(date +%s.%N)
read -ra import_words < <(sed -n 's/^import into Neo4j 3.x\/4.x: //p' "$WORK/csv.txt")
"$ROOT/scripts/neo4j_server.sh" admin "$WORK/import-server" help >/dev/null
import_start=$(date +%s.%N)
"$ROOT/scripts/neo4j_server.sh" admin "$WORK/import-server" import "${import_words[@]:2}" >/dev/null
import_end=$(date +%s.%N)
rm -rf "$WORK/import-server"
cs=$(python3 -c "print($csv_end - $csv_start)")
is=$(python3 -c "print($import_end - $import_start)")

python3 - "$rn" "$rr" "$rs" "$bn" "$br" "$bs" "$bns" "$brs" "$cs" "$is" "$BATCH" "$PARALLEL" <<'EOF'
import sys
rn, rr, rs, bn, br, bs, bns, brs, cs, ims = (float(x) for x in sys.argv[1:11])
batch, parallel = sys.argv[11], sys.argv[12]
row_rate = (rn + rr) / rs
big_rate = (bn + br) / bs
print(f"Neo4j 3.1.1 on 127.0.0.1, HTTP transactional endpoint; load average {open('/proc/loadavg').read().split()[0]} on {__import__('os').cpu_count()} cores")
print(f"batched (--batch-size {batch} --parallel {parallel}): {bn:.0f} nodes + {br:.0f} relationships in {bs:.2f} s"
      f" = {bn / bs:,.0f} nodes/s, {big_rate:,.0f} items/s")
print(f"  node phase {bns:.2f} s = {bn / bns:,.0f} nodes/s; relationship phase {brs:.2f} s = {br / brs:,.0f} relationships/s")
print(f"per row (--batch-size 1 --parallel 1), {rn:.0f} nodes + {rr:.0f} relationships in {rs:.2f} s"
      f" = {rn / rs:,.0f} nodes/s, {row_rate:,.0f} items/s")
print(f"per row extrapolated to the big graph: {(bn + br) / row_rate:,.0f} s")
print(f"speed-up of batching: {big_rate / row_rate:,.0f}x (targets: >= 20,000 nodes/s, >= 50x)")
print(f"bulk path for a new database: export csv {cs:.2f} s + neo4j-admin import {ims:.2f} s"
      f" = {bn / (cs + ims):,.0f} nodes/s, {(bn + br) / (cs + ims):,.0f} items/s")
EOF
