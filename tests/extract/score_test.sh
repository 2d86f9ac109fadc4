#!/usr/bin/env bash
# End-to-end extraction quality against a gold file: extracts the documents
# with the built binary, scores them with ../shared/tools/score.py (which
# prints every miss and every spurious line first) and fails when entity
# micro-F1 < MIN_ENTITY or relation micro-F1 < MIN_RELATION. A missing gold,
# scorer or document is a failure, not a skip: the yardstick must be there.
#
# usage: score_test.sh GOLD MIN_ENTITY MIN_RELATION DOCUMENT_OR_DIR...
#   paths relative to the source tree ($POLICYKG_SOURCE_DIR)
set -euo pipefail
: "${POLICYKG_BIN:?POLICYKG_BIN must name the policykg binary}"
: "${POLICYKG_SOURCE_DIR:?POLICYKG_SOURCE_DIR must name the source tree}"
[ $# -ge 4 ] || { echo "usage: $0 GOLD MIN_ENTITY MIN_RELATION DOCUMENT_OR_DIR..." >&2; exit 64; }
cd "$POLICYKG_SOURCE_DIR"
GOLD=$1 MIN_ENTITY=$2 MIN_RELATION=$3
shift 3
SCORER="../shared/tools/score.py"
for f in "$GOLD" "$SCORER" "$@"; do
  [[ -e "$f" ]] || { echo "FAIL: $POLICYKG_SOURCE_DIR/$f is missing" >&2; exit 1; }
done
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
"$POLICYKG_BIN" extract "$@" -o "$OUT"
python3 "$SCORER" "$GOLD" "$OUT" --verbose
python3 - "$GOLD" "$OUT" "$SCORER" "$MIN_ENTITY" "$MIN_RELATION" <<'PY'
import json, subprocess, sys
gold, out, scorer = sys.argv[1:4]
min_ent, min_rel = float(sys.argv[4]), float(sys.argv[5])
r = json.loads(subprocess.run([sys.executable, scorer, gold, out, "--json"], check=True,
                              capture_output=True, text=True).stdout)
ent, rel = r["entity_micro_f1"], r["relation_micro_f1"]
print(f"entity micro-F1 {ent:.3f} (need >= {min_ent}), relation micro-F1 {rel:.3f} (need >= {min_rel})")
sys.exit(0 if ent >= min_ent and rel >= min_rel else 1)
PY
