# Shared by the real-Neo4j tests (sourced, not run): the work directory,
# Cypher over the 3.x transactional endpoint with curl, and the server
# started for a test. Needs POLICYKG_SOURCE_DIR.

fail() { echo "FAIL: $*" >&2; exit 1; }

# make_work NAME: SERVER is scripts/neo4j_server.sh; WORK a fresh directory
# under the working directory (ctest runs in build/tests/exporters), removed
# on exit after the server in WORK/server is stopped.
make_work() {
  SERVER="$POLICYKG_SOURCE_DIR/scripts/neo4j_server.sh"
  WORK=$(mktemp -d "$PWD/$1.XXXXXX")
  trap '"$SERVER" stop "$WORK/server" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
  # neo4j-admin's argument lists are split on spaces.
  [[ "$WORK" != *" "* ]] || fail "the work directory has a space: $WORK"
}

# cypher STATEMENT [PARAMS_JSON] -> the rows of the result, one JSON array per line.
cypher() {
  local body
  body=$(python3 -c 'import json,sys; print(json.dumps({"statements":[{"statement":sys.argv[1],"parameters":json.loads(sys.argv[2])}]}))' \
    "$1" "${2:-{\}}")
  curl -s -u "neo4j:$NEO4J_PASSWORD" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d "$body" "$URL/db/data/transaction/commit" |
    python3 -c '
import json, sys
r = json.load(sys.stdin)
if r["errors"]:
    sys.exit("cypher error: %s" % r["errors"])
for row in r["results"][0]["data"]:
    print(json.dumps(row["row"], ensure_ascii=False))'
}

# count STATEMENT [PARAMS_JSON] -> the first value of the first row.
count() { cypher "$1" "${2:-{\}}" | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())[0])'; }

# start_server DIR: scripts/neo4j_server.sh start DIR, then URL and
# NEO4J_PASSWORD (exported) point at it.
start_server() {
  "$SERVER" start "$1" || fail "the Neo4j server did not start"
  URL=$(cat "$1/url")
  export NEO4J_PASSWORD
  NEO4J_PASSWORD=$(cat "$1/password")
}
