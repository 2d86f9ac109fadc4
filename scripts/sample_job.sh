#!/usr/bin/env bash
# The main job on the bundled sample corpus: builds the graph of data/sample
# and draws it as an SVG picture and a self-contained HTML network view.
#   scripts/sample_job.sh [PATH/TO/policykg] [OUT_DIR]
# Defaults: build/apps/policykg and out/. Prints where the files are.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/apps/policykg}
OUT=${2:-out}
if [[ ! -x "$BIN" ]]; then
  echo "sample_job: no policykg binary at $BIN (build first: scripts/build.sh)" >&2
  exit 1
fi
mkdir -p "$OUT"
"$BIN" build data/sample -o "$OUT/sample.graph"
"$BIN" export svg "$OUT/sample.graph" -o "$OUT/sample.svg" --title "policykg: data/sample"
"$BIN" export html "$OUT/sample.graph" -o "$OUT/sample.html" --title "policykg: data/sample"
cat <<DONE

The sample corpus as a knowledge graph:
  graph:     $(realpath "$OUT/sample.graph")
  picture:   $(realpath "$OUT/sample.svg")
  HTML view: $(realpath "$OUT/sample.html")   (open it in any browser; works offline)
DONE
