#!/usr/bin/env bash
# `policykg export` end to end on a made-up corpus (testdata/view_fixture.jsonl):
# every file format is written and checked by an outside reader (xmllint for
# GraphML and SVG, node's JSON.parse, CSV row counts), the filters narrow the
# output, and bad requests fail with a clear message, a non-zero exit and no
# output file.
#   file_exports_test.sh POLICYKG WORK_DIR
set -uo pipefail
BIN=$1
WORK=$2
HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 1

failures=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
expect() {  # expect DESCRIPTION COMMAND...: the command succeeds
  local what=$1; shift
  if "$@" >"$WORK/last.out" 2>"$WORK/last.err"; then ok "$what"; else fail "$what: $(cat "$WORK/last.err")"; fi
}
# refuse DESCRIPTION EXIT_CODE MESSAGE_PART OUTPUT COMMAND...: fails with that
# exit code, says MESSAGE_PART on stderr, leaves OUTPUT unwritten.
refuse() {
  local what=$1 code=$2 part=$3 out=$4; shift 4
  "$@" >"$WORK/last.out" 2>"$WORK/last.err"
  local got=$?
  if [[ $got -ne $code ]]; then fail "$what: exit $got, wanted $code ($(cat "$WORK/last.err"))"; return; fi
  if ! grep -qF -- "$part" "$WORK/last.err"; then fail "$what: stderr lacks '$part': $(cat "$WORK/last.err")"; return; fi
  if [[ -n $out && -e $out ]]; then fail "$what: $out was written"; return; fi
  ok "$what ($(head -1 "$WORK/last.err"))"
}
json_count() {  # json_count FILE nodes|edges
  node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(d.elements[process.argv[2]].length)' "$1" "$2"
}

expect "build the fixture graph" "$BIN" build "$HERE/testdata/view_fixture.jsonl" -o kg.graph || true
[[ -f kg.graph ]] || { echo "no graph, cannot go on"; exit 1; }

# Every format.
expect "export graphml" "$BIN" export graphml kg.graph -o kg.graphml
expect "graphml is well-formed (xmllint)" xmllint --noout kg.graphml
expect "export dot" "$BIN" export dot kg.graph -o kg.dot
expect "dot is valid for Graphviz" dot -Tcanon -o /dev/null kg.dot
expect "export svg" "$BIN" export svg kg.graph -o kg.svg
expect "svg is well-formed (xmllint)" xmllint --noout kg.svg
grep -q "湖畔大学" kg.svg && ok "svg holds the Chinese labels" || fail "svg lacks the Chinese labels"
expect "export svg with sfdp" "$BIN" export svg kg.graph -o kg-sfdp.svg --layout sfdp
expect "export json" "$BIN" export json kg.graph -o kg.json
nodes=$(json_count kg.json nodes) && ok "json parses ($nodes nodes)" || fail "json does not parse"
expect "export html" "$BIN" export html kg.graph -o kg.html
expect "export csv" "$BIN" export csv kg.graph -o csv
grep -q "import into Neo4j 5: neo4j-admin database import" "$WORK/last.out" && grep -q "import into Neo4j 3.x/4.x: neo4j-admin import --nodes=" "$WORK/last.out" && ok "csv export prints the import command" || fail "no import command"
rows=0
for f in csv/nodes_*.csv; do rows=$((rows + $(wc -l <"$f") - 1)); done
[[ $rows -eq $nodes ]] && ok "csv node rows ($rows) = json nodes" || fail "csv node rows $rows != json nodes $nodes"
head -1 csv/nodes_Institute.csv | grep -q '^id:ID,:LABEL,.*aliases:string\[\],documents:string\[\],mentions:int' \
  && ok "csv node header" || fail "csv node header: $(head -1 csv/nodes_Institute.csv)"
head -1 csv/rels_COOPERATES_WITH.csv | grep -q '^:START_ID,:END_ID,:TYPE,' && ok "csv relationship header" \
  || fail "csv relationship header"

# Filters narrow every format alike.
expect "focus + depth" "$BIN" export json kg.graph -o focus.json --focus 湖畔大学 --depth 1 --no-sources
focus_nodes=$(json_count focus.json nodes)
[[ $focus_nodes -ge 2 && $focus_nodes -lt $nodes ]] && ok "focus keeps the neighbourhood ($focus_nodes nodes)" \
  || fail "focus kept $focus_nodes of $nodes nodes"
expect "focus by alias in dot" "$BIN" export dot kg.graph -o focus.dot --focus 湖大 --depth 1
[[ $(grep -c '^  n[0-9]* \[label=' focus.dot) -eq $focus_nodes ]] && ok "dot focus = json focus" \
  || fail "dot focus has $(grep -c '^  n[0-9]* \[label=' focus.dot) nodes, json $focus_nodes"
expect "type filter" "$BIN" export json kg.graph -o types.json --type Enterprise --type Institute --no-sources
node -e 'const d=JSON.parse(require("fs").readFileSync("types.json","utf8"));
  process.exit(d.elements.nodes.every(n=>["Enterprise","Institute"].includes(n.data.type))?0:1)' \
  && ok "type filter keeps only those types" || fail "type filter let other types through"
expect "comma-separated types before the graph argument" \
  "$BIN" export json --type Enterprise,Institute kg.graph -o types2.json --no-sources
[[ $(json_count types2.json nodes) -eq $(json_count types.json nodes) ]] \
  && ok "--type A,B = --type A --type B" || fail "--type A,B differs from --type A --type B"
expect "relation filter" "$BIN" export graphml kg.graph -o rels.graphml --rel COOPERATES_WITH --no-sources
[[ $(grep -c '<data key="e_type">COOPERATES_WITH</data>' rels.graphml) -eq $(grep -c '<edge ' rels.graphml) ]] \
  && ok "relation filter keeps only that relation" || fail "relation filter let other edges through"

# Bad requests.
refuse "unknown focus suggests names" 1 "did you mean" unknown.html \
  "$BIN" export html kg.graph -o unknown.html --focus 湖畔大字
grep -qF "湖畔大学" "$WORK/last.err" && ok "the suggestion names the close entity" || fail "no close name suggested"
printf '%s\n' '{"doc":"one.txt","kind":"document","hash":"one"}' \
  '{"doc":"one.txt","type":"Institute","name":"孤山研究所","aliases":[],"mentions":[{"start":0,"end":5}]}' >one.jsonl
expect "build a one-entity graph" "$BIN" build one.jsonl -o one.graph
refuse "empty selection" 1 "selection is empty" empty.svg "$BIN" export svg one.graph -o empty.svg --type Region
refuse "focus of an excluded type" 1 "--type filter leaves out" excluded.json \
  "$BIN" export json kg.graph -o excluded.json --focus 湖畔大学 --type Program
refuse "unknown type" 64 "unknown --type" bad.json "$BIN" export json kg.graph -o bad.json --type Planet
refuse "unknown relation" 64 "unknown --rel" bad.json "$BIN" export json kg.graph -o bad.json --rel LIKES
refuse "missing graph file" 1 "nonexistent.graph" bad.json "$BIN" export json nonexistent.graph -o bad.json
refuse "missing Cytoscape.js" 1 "Cytoscape.js not found" nocy.html \
  "$BIN" export html kg.graph -o nocy.html --cytoscape-js /nonexistent/cytoscape.min.js
refuse "missing Graphviz" 1 "install Graphviz" nogv.svg env PATH=/nonexistent "$BIN" export svg kg.graph -o nogv.svg

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
