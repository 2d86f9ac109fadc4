#!/usr/bin/env bash
# End-to-end extraction quality on the five seed documents: extracts them with
# the built binary, scores against the gold with ../shared/tools/score.py and
# fails when entity micro-F1 < 0.85 or relation micro-F1 < 0.65. A missing
# ../shared is a failure, not a skip: the yardstick must be there.
set -euo pipefail
: "${POLICYKG_BIN:?POLICYKG_BIN must name the policykg binary}"
: "${POLICYKG_SOURCE_DIR:?POLICYKG_SOURCE_DIR must name the source tree}"
SHARED="$POLICYKG_SOURCE_DIR/../shared"
GOLD="$SHARED/gold/seeds.jsonl"
SCORER="$SHARED/tools/score.py"
if [[ ! -f "$GOLD" || ! -f "$SCORER" || ! -d "$SHARED/corpus/seeds" ]]; then
  echo "FAIL: $SHARED (gold, scorer, seed corpus) is missing" >&2
  exit 1
fi
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
"$POLICYKG_BIN" extract "$SHARED"/corpus/seeds/*.txt -o "$OUT"
python3 "$SCORER" "$GOLD" "$OUT"
python3 - "$GOLD" "$OUT" "$SCORER" <<'PY'
import json, subprocess, sys
gold, out, scorer = sys.argv[1:4]
r = json.loads(subprocess.run([sys.executable, scorer, gold, out, "--json"], check=True,
                              capture_output=True, text=True).stdout)
ent, rel = r["entity_micro_f1"], r["relation_micro_f1"]
print(f"entity micro-F1 {ent:.3f} (need >= 0.85), relation micro-F1 {rel:.3f} (need >= 0.65)")
sys.exit(0 if ent >= 0.85 and rel >= 0.65 else 1)
PY
