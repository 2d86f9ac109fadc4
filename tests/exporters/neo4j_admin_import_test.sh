#!/usr/bin/env bash
# The CSV export against a real neo4j-admin: the five seeds' graph and the
# hostile fixture, exported with `policykg export csv`, imported by the bundled
# Neo4j 3.1.1's neo4j-admin with the 3.x/4.x command policykg prints; then the
# server starts on that store and Cypher reads back counts equal to the files'
# rows, typed arrays and numbers, hostile names exactly, and sample paths.
# Last, `policykg export neo4j` of the same graphs over HTTP adds no node and no
# relationship: both exporters agree on ids, labels and types.
# Fails (never skips) if the server cannot start.
#
# usage: neo4j_admin_import_test.sh FIXTURE_BIN   (tests/exporters/neo4j_graph_fixture)
set -euo pipefail
: "${POLICYKG_BIN:?}" "${POLICYKG_SOURCE_DIR:?}"
FIXTURE=${1:?usage: $0 FIXTURE_BIN}
# shellcheck source=neo4j_test_lib.sh
source "$(dirname "$0")/neo4j_test_lib.sh"
make_work neo4j_admin_import

# --- 1. the graphs and their CSV files; the import arguments policykg prints
SEEDS="$POLICYKG_SOURCE_DIR/../shared/corpus/seeds"
"$POLICYKG_BIN" build "$SEEDS" -o "$WORK/seeds.graph" >"$WORK/build.txt" 2>&1 ||
  { cat "$WORK/build.txt"; fail "policykg build $SEEDS failed"; }
"$FIXTURE" hostile "$WORK/hostile.graph" >/dev/null || fail "fixture graph"
IMPORT_ARGS=()
node_rows=0
rel_rows=0
for g in seeds hostile; do
  "$POLICYKG_BIN" export csv "$WORK/$g.graph" -o "$WORK/csv-$g" >"$WORK/out.txt" 2>&1 ||
    { cat "$WORK/out.txt"; fail "export csv of $g failed"; }
  cmd=$(sed -n 's/^import into Neo4j 3.x\/4.x: //p' "$WORK/out.txt")
  [[ "$cmd" == "neo4j-admin import --nodes="* ]] || fail "no 3.x/4.x import command printed for $g: $cmd"
  read -ra words <<<"$cmd"
  IMPORT_ARGS+=("${words[@]:2}")  # after "neo4j-admin import"
  for f in "$WORK/csv-$g"/nodes_*.csv; do node_rows=$((node_rows + $(wc -l <"$f") - 1)); done
  for f in "$WORK/csv-$g"/rels_*.csv; do rel_rows=$((rel_rows + $(wc -l <"$f") - 1)); done
done
[ "$node_rows" -gt 0 ] && [ "$rel_rows" -gt 0 ] || fail "empty CSV export: $node_rows nodes, $rel_rows relationships"

# --- 2. neo4j-admin import, then the server on the imported store
"$SERVER" admin "$WORK/server" import "${IMPORT_ARGS[@]}" || fail "neo4j-admin import refused the files"
start_server "$WORK/server"
nodes=$(count 'MATCH (n) RETURN count(n)')
rels=$(count 'MATCH ()-[r]->() RETURN count(r)')
[ "$nodes" -eq "$node_rows" ] || fail "$nodes nodes in Neo4j, $node_rows rows in the nodes files"
[ "$rels" -eq "$rel_rows" ] || fail "$rels relationships in Neo4j, $rel_rows rows in the relationships files"
echo "ok: neo4j-admin imported $nodes nodes and $rels relationships, as many as the files' rows"

# --- 3. values arrive typed: lists, integers, floats, booleans
cypher 'MATCH (n:Institute) RETURN n.id, n.name, n.aliases, n.documents, n.mentions ORDER BY n.id' >"$WORK/institutes.txt"
cypher 'MATCH (s:Source) RETURN s.doc, s.chars ORDER BY s.doc' >"$WORK/sources.txt"
cypher 'MATCH ()-[r:MENTIONS]->() RETURN r.weight, r.undirected LIMIT 50' >"$WORK/mentions.txt"
python3 - "$WORK" <<'PY' || fail "values did not arrive typed"
import json, sys
work = sys.argv[1]
rows = lambda f: [json.loads(l) for l in open(f"{work}/{f}")]
inst = rows("institutes.txt")
assert inst, "no Institute nodes"
for i, name, aliases, docs, mentions in inst:
    assert i == "Institute:" + name, (i, name)
    assert isinstance(docs, list) and docs and all(isinstance(d, str) for d in docs), docs
    assert aliases is None or isinstance(aliases, list), aliases
    assert isinstance(mentions, int) and mentions >= 1, mentions
assert any(a and len(a) >= 1 for _, _, a, _, _ in inst), "no Institute kept its aliases as a list"
src = rows("sources.txt")
assert len(src) == 7, src  # five seeds, two fixture documents
assert all(isinstance(c, int) and c > 0 for _, c in src), src
men = rows("mentions.txt")
assert men and all(isinstance(w, float) and w > 0 and u is False for w, u in men), men[:3]
print("ok: lists, integers, floats and booleans arrived typed")
PY

# --- 4. hostile names are stored exactly, and sample paths read back
for name in 'Evil`) MATCH (n) DETACH DELETE n //有限公司' "引号'}) SET n.pwned = true //科技有限公司" '括号{$rows}"双引号"\反斜杠研究院'; do
  params=$(python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1]}))' "$name")
  n=$(count 'MATCH (n {name: $name}) RETURN count(n)' "$params")
  [ "$n" -eq 1 ] || fail "hostile name not imported exactly once: $name ($n)"
done
echo "ok: hostile names imported exactly"
paths=$(count 'MATCH (s:Source)-[:MENTIONS]->(a)-[r]->(b) WHERE NOT s.doc STARTS WITH "fixture-" AND NOT type(r) IN ["MENTIONS", "CO_MENTION"] RETURN count(*)')
[ "$paths" -ge 1 ] || fail "no Source-MENTIONS->entity-relation->entity path from the seeds"
echo "ok: $paths seed paths Source-MENTIONS->entity-REL->entity"

# --- 5. the HTTP exporter over the imported store: constraints hold, nothing new
for g in seeds hostile; do
  "$POLICYKG_BIN" export neo4j "$WORK/$g.graph" --url "$URL" >"$WORK/out.txt" 2>"$WORK/err.txt" ||
    { cat "$WORK/out.txt" "$WORK/err.txt" >&2; fail "export neo4j of $g onto the imported store failed"; }
done
[ "$(count 'MATCH (n) RETURN count(n)')" -eq "$nodes" ] || fail "the HTTP export added nodes to the imported ones"
[ "$(count 'MATCH ()-[r]->() RETURN count(r)')" -eq "$rels" ] || fail "the HTTP export added relationships to the imported ones"
echo "ok: export neo4j over the imported store matched every node and relationship"
echo "neo4j_admin_import_test: passed"
