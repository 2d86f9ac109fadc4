#!/usr/bin/env bash
# Integration: extract the five seed documents, build one graph, and ask the
# questions the graph exists for. Depends on extraction quality (the entity
# and relation passes), so it is an integration test, not a unit test.
set -euo pipefail
BIN=${POLICYKG_BIN:?}
SEEDS=${POLICYKG_SOURCE_DIR:?}/../shared/corpus/seeds
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$BIN" build "$SEEDS" -o "$TMP/g.pkg" -j 2 > "$TMP/build.out" || fail "build: $(cat "$TMP/build.out")"
grep -q "5 documents added" "$TMP/build.out" || fail "build: $(cat "$TMP/build.out")"

# Re-reading the same documents adds nothing and leaves the file as it was.
cp "$TMP/g.pkg" "$TMP/before.pkg"
"$BIN" build --update "$TMP/g.pkg" "$SEEDS" > "$TMP/update.out"
grep -q "0 documents added, 5 already present" "$TMP/update.out" || fail "update: $(cat "$TMP/update.out")"
cmp -s "$TMP/g.pkg" "$TMP/before.pkg" || fail "update changed the graph"

"$BIN" query "$TMP/g.pkg" neighbors 浙江大学 --depth 2 --type Region --json > "$TMP/n.json" \
  || fail "neighbors 浙江大学"
python3 - "$TMP/n.json" <<'PY' || fail "neighbors 浙江大学 --depth 2 --type Region: $(cat "$TMP/n.json")"
import json, sys
names = {r["name"] for r in json.load(open(sys.argv[1]))}
assert {"衢州市", "绍兴市"} <= names, names
PY

"$BIN" query "$TMP/g.pkg" in-region 绍兴市 --type Institute --json > "$TMP/r.json" || fail "in-region 绍兴市"
python3 - "$TMP/r.json" <<'PY' || fail "in-region 绍兴市 --type Institute: $(cat "$TMP/r.json")"
import json, sys
rows = json.load(open(sys.argv[1]))
names = {r["name"] for r in rows}
assert "浙江大学绍兴研究院" in names, names
assert len(names) >= 5, names
PY
echo "seed graph: ok"
