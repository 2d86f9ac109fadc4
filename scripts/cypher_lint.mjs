#!/usr/bin/env node
// Checks Cypher statements with Neo4j's own parser and semantic analysis
// (@neo4j-cypher/language-support, the Cypher 5/25 grammar of Neo4j 5+).
// Reads one statement per line from the files named, or from stdin.
// Diagnostics about undeclared $parameters are ignored (the exporter passes
// them at run time); any other diagnostic fails: exit status 1.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const inputs = process.argv.length > 2 ? process.argv.slice(2) : ['/dev/stdin'];
const statements = inputs
  .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

let failed = 0;
for (const statement of statements) {
  const { diagnostics } = lintCypherQuery(statement, {});
  const problems = diagnostics.filter(isNotParamError);
  if (problems.length > 0) {
    failed += 1;
    console.error(`FAIL: ${statement}`);
    for (const d of problems) console.error(`  ${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`);
  }
}
console.log(`cypher_lint: ${statements.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 || statements.length === 0 ? 1 : 0);
