#!/usr/bin/env bash
# Integration: build a graph from the gold annotations of the five seeds (as
# JSON Lines, so extraction quality does not matter here) and drive every
# query verb, --update and a damaged graph file through the CLI.
set -euo pipefail
BIN=${POLICYKG_BIN:?}
SHARED=${POLICYKG_SOURCE_DIR:?}/../shared
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

python3 "$HERE/gold_to_jsonl.py" "$SHARED/gold/seeds.jsonl" > "$TMP/gold.jsonl"
"$BIN" build "$TMP/gold.jsonl" -o "$TMP/g.pkg" > "$TMP/build.out"
grep -q "5 documents added" "$TMP/build.out" || fail "build: $(cat "$TMP/build.out")"

# 浙江大学 has institutes in two cities: both within two hops.
"$BIN" query "$TMP/g.pkg" neighbors 浙江大学 --depth 2 --type Region --json > "$TMP/n.json"
python3 - "$TMP/n.json" <<'PY' || fail "neighbors 浙江大学 --depth 2 --type Region"
import json, sys
rows = json.load(open(sys.argv[1]))
names = {r["name"] for r in rows}
assert {"衢州市", "绍兴市"} <= names, names
assert all(r["type"] == "Region" and r["distance"] in (1, 2) for r in rows), rows
PY

# Institutes of 绍兴, including those placed in its counties.
"$BIN" query "$TMP/g.pkg" in-region 绍兴市 --type Institute --json > "$TMP/r.json"
python3 - "$TMP/r.json" <<'PY' || fail "in-region 绍兴市 --type Institute"
import json, sys
rows = json.load(open(sys.argv[1]))
names = {r["name"] for r in rows}
assert "浙江大学绍兴研究院" in names, names
assert all(r["type"] == "Institute" for r in rows)
assert len(names) >= 5, names
PY

# Regions of the province reach down the gazetteer hierarchy.
"$BIN" query "$TMP/g.pkg" in-region 浙江省 --type Region --json > "$TMP/p.json"
python3 - "$TMP/p.json" <<'PY' || fail "in-region 浙江省 --type Region"
import json, sys
names = {r["name"] for r in json.load(open(sys.argv[1]))}
assert {"衢州市", "绍兴市", "柯城区"} <= names, names
PY

"$BIN" query "$TMP/g.pkg" path 浙江大学绍兴研究院 衢州市 --json > "$TMP/path.json"
python3 - "$TMP/path.json" <<'PY' || fail "path"
import json, sys
p = json.load(open(sys.argv[1]))
assert p["nodes"][0]["name"] == "浙江大学绍兴研究院" and p["nodes"][-1]["name"] == "衢州市", p
assert len(p["edges"]) == len(p["nodes"]) - 1
PY

"$BIN" query "$TMP/g.pkg" show 浙大 --json > "$TMP/show.json"
python3 - "$TMP/show.json" <<'PY' || fail "show 浙大"
import json, sys
c = json.load(open(sys.argv[1]))
assert c["name"] == "浙江大学" and c["type"] == "Institute", c
assert len(c["documents"]) >= 2, c["documents"]
assert any(r["relation"] == "PART_OF" and r["direction"] == "in" for r in c["relations"])
PY

"$BIN" query "$TMP/g.pkg" stats --json > "$TMP/stats.json"
python3 - "$TMP/stats.json" <<'PY' || fail "stats"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["documents"] == 5 and s["entities"] > 100 and s["relations"] > 100, s
assert set(s["by_type"]) == {"Region", "Agency", "Institute", "Enterprise", "Program", "Platform", "Document"}
PY
"$BIN" query "$TMP/g.pkg" top --by pagerank --limit 5 --json | python3 -c 'import json,sys; r=json.load(sys.stdin); assert len(r)==5 and "score" in r[0]' || fail "top"
"$BIN" query "$TMP/g.pkg" top --by betweenness --type Institute --limit 3 > /dev/null || fail "top betweenness"
"$BIN" query "$TMP/g.pkg" communities --json | python3 -c 'import json,sys; r=json.load(sys.stdin); assert r and "community" in r[0]' || fail "communities"
"$BIN" query "$TMP/g.pkg" find 研究院 --type Institute | grep -q 浙江大学绍兴研究院 || fail "find"

# Unknown names suggest close ones and fail with exit code 1.
set +e
"$BIN" query "$TMP/g.pkg" show 浙江大雪 2> "$TMP/err"; code=$?
set -e
[ "$code" = 1 ] || fail "unknown name exit code $code"
grep -q "did you mean: 浙江大学" "$TMP/err" || fail "suggestion: $(cat "$TMP/err")"

# --update with the same documents changes nothing.
cp "$TMP/g.pkg" "$TMP/before.pkg"
"$BIN" build --update "$TMP/g.pkg" "$TMP/gold.jsonl" > "$TMP/update.out"
grep -q "0 documents added, 5 already present" "$TMP/update.out" || fail "update: $(cat "$TMP/update.out")"
cmp -s "$TMP/g.pkg" "$TMP/before.pkg" || fail "update changed the graph"

# A damaged graph file is refused with a message naming it.
head -c 2000 "$TMP/g.pkg" > "$TMP/bad.pkg"
set +e
"$BIN" query "$TMP/bad.pkg" stats 2> "$TMP/err"; code=$?
set -e
[ "$code" = 1 ] || fail "damaged file exit code $code"
grep -q "bad.pkg: truncated" "$TMP/err" || fail "damaged file message: $(cat "$TMP/err")"
echo "gold graph: ok"
