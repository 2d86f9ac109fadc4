#!/usr/bin/env bash
# Every Cypher text the Neo4j exporter can send to a 5.x server passes Neo4j's
# own parser (scripts/cypher_lint.mjs). The linter is first shown to reject
# 3.x syntax, so this test can fail.
set -euo pipefail
: "${POLICYKG_BIN:?}" "${POLICYKG_SOURCE_DIR:?}"
LINT="$POLICYKG_SOURCE_DIR/scripts/cypher_lint.mjs"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

if echo 'CREATE CONSTRAINT ON (n:Region) ASSERT n.id IS UNIQUE' | node "$LINT" >/dev/null 2>&1; then
  echo "FAIL: the linter accepted 3.x constraint syntax"; exit 1
fi

"$POLICYKG_BIN" export neo4j --print-cypher 5 >"$TMP/v5.cypher"
"$POLICYKG_BIN" export neo4j --print-cypher 2025.01 >"$TMP/v2025.cypher"
n=$(wc -l <"$TMP/v5.cypher")
[ "$n" -ge 200 ] || { echo "FAIL: only $n statements printed"; exit 1; }
grep -q 'REQUIRE n.id IS UNIQUE' "$TMP/v5.cypher" || { echo "FAIL: no 5.x constraint"; exit 1; }
node "$LINT" "$TMP/v5.cypher"
node "$LINT" "$TMP/v2025.cypher"
