// The HTML view in a real browser (headless Chromium driven by playwright-core).
//
//   node html_view_test.mjs --bin POLICYKG --input FILES_OR_JSONL --work DIR
//        --screenshot PNG [--graph GRAPH] [--title TITLE]
//
// Builds a graph from --input with `policykg build` (or takes --graph), exports
// it as Cytoscape JSON (the expected counts) and as the HTML view, opens the
// view via file:// and checks: no console error, no request besides the page
// itself (and data: URLs), as many drawn nodes and edges as the graph has,
// search by name and by alias selects and centres the entity and opens its
// card, a click on a node opens its card, wheel zooms, a type checkbox hides
// and shows that type's nodes. Writes a screenshot. Exit status 0 only when
// every check passed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const required of ['bin', 'work', 'screenshot']) {
  if (!args[required]) {
    console.error(`usage: html_view_test.mjs --bin POLICYKG --input IN --work DIR --screenshot PNG [--graph G]`);
    process.exit(64);
  }
}

// playwright-core lives in the source tree's node_modules.
const sourceDir = process.env.POLICYKG_SOURCE_DIR || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const require = createRequire(path.join(sourceDir, 'package.json'));
const { chromium } = require('playwright-core');

const failures = [];
function check(condition, message) {
  if (condition) {
    console.log(`ok   ${message}`);
  } else {
    console.log(`FAIL ${message}`);
    failures.push(message);
  }
}

function run(...argv) {
  return execFileSync(args.bin, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

fs.rmSync(args.work, { recursive: true, force: true });
fs.mkdirSync(args.work, { recursive: true });
let graph = args.graph;
if (!graph) {
  graph = path.join(args.work, 'view.graph');
  run('build', ...args.input.split(','), '-o', graph);
}
const jsonPath = path.join(args.work, 'view.json');
const htmlPath = path.join(args.work, 'view.html');
// The same selection as the html export: pictures leave sources out.
run('export', 'json', graph, '-o', jsonPath, '--no-sources');
run('export', 'html', graph, '-o', htmlPath, '--title', args.title || 'policykg view test');
const expected = JSON.parse(fs.readFileSync(jsonPath, 'utf8')).elements;
check(expected.nodes.length > 0, `the graph has nodes (${expected.nodes.length})`);

// Test subjects chosen from the data: the best-connected entity, an alias,
// and the type with the fewest nodes.
const byDegree = [...expected.nodes].sort((a, b) => b.data.degree - a.data.degree);
const hub = byDegree[0].data;
const aliased = expected.nodes.map((n) => n.data).find((d) => d.aliases && d.aliases.length &&
  !expected.nodes.some((m) => m.data.name === d.aliases[0]));
const typeCounts = {};
for (const n of expected.nodes) typeCounts[n.data.type] = (typeCounts[n.data.type] || 0) + 1;
const filterType = Object.keys(typeCounts).sort((a, b) => typeCounts[a] - typeCounts[b])[0];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const pageUrl = pathToFileURL(path.resolve(htmlPath)).href;
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`error: ${m.text()}`);
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForFunction(() => window.policykgView && window.policykgView.ready, null, { timeout: 60000 });

  const drawn = await page.evaluate(() => ({ nodes: window.cy.nodes().length, edges: window.cy.edges().length }));
  check(drawn.nodes === expected.nodes.length, `drawn nodes ${drawn.nodes} = graph nodes ${expected.nodes.length}`);
  check(drawn.edges === expected.edges.length, `drawn edges ${drawn.edges} = graph edges ${expected.edges.length}`);
  const laidOut = await page.evaluate(() => {
    const xs = new Set(window.cy.nodes().map((n) => Math.round(n.position('x'))));
    return xs.size;
  });
  check(expected.nodes.length < 2 || laidOut > 1, 'the layout spread the nodes out');

  // Search by name: typed into the box, submitted with Enter.
  await page.fill('#search', hub.name);
  await page.press('#search', 'Enter');
  let state = await page.evaluate(() => ({
    selected: window.cy.$('node:selected').map((n) => n.id()),
    card: document.getElementById('card').hidden ? null : document.getElementById('card-body').textContent,
    centre: (() => {
      const n = window.cy.$('node:selected')[0];
      if (!n) return null;
      const p = n.renderedPosition();
      return { dx: Math.abs(p.x - window.cy.width() / 2), dy: Math.abs(p.y - window.cy.height() / 2) };
    })(),
  }));
  check(state.selected.length === 1 && state.selected[0] === hub.id, `search "${hub.name}" selects ${hub.id}`);
  check(state.card !== null && state.card.includes(hub.name), 'the search opens the entity card');
  check(state.centre !== null && state.centre.dx < 5 && state.centre.dy < 5, `the found entity is centred (${JSON.stringify(state.centre)})`);
  check(state.card !== null && (hub.documents || []).every((d) => state.card.includes(d)),
        'the card lists the documents');
  const hubSentences = (hub.evidence || []).map((e) => e.sentence);
  const edgeSentences = expected.edges.filter((e) => e.data.source === hub.id || e.data.target === hub.id)
    .flatMap((e) => (e.data.evidence || []).map((ev) => ev.sentence));
  const someSentence = hubSentences[0] || edgeSentences[0];
  check(!someSentence || state.card.includes(someSentence), 'the card shows evidence sentences');

  if (aliased) {
    await page.fill('#search', aliased.aliases[0]);
    await page.press('#search', 'Enter');
    state = await page.evaluate(() => window.cy.$('node:selected').map((n) => n.id()));
    check(state.length === 1 && state[0] === aliased.id, `search by alias "${aliased.aliases[0]}" selects ${aliased.name}`);
  }
  await page.fill('#search', 'no-such-entity-名称');
  await page.press('#search', 'Enter');
  const miss = await page.textContent('#search-status');
  check(miss.includes('not found'), 'an unknown name says not found');

  // Click a node that no other node overlaps, at its place on the screen.
  await page.click('#fit');
  const target = await page.evaluate((hubId) => {
    const box = document.getElementById('cy').getBoundingClientRect();
    const nodes = window.cy.nodes();
    for (const n of nodes) {
      if (n.id() === hubId) continue;
      const p = n.renderedPosition();
      const covered = nodes.some((m) => {
        if (m.id() === n.id()) return false;
        const b = m.renderedBoundingBox({ includeLabels: false });
        return p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;
      });
      if (!covered) return { id: n.id(), name: n.data('name') || n.data('label'), x: box.left + p.x, y: box.top + p.y };
    }
    return null;
  }, hub.id);
  check(target !== null, 'a node free to click');
  if (target) {
    await page.mouse.click(target.x, target.y);
    state = await page.evaluate(() => ({
      selected: window.cy.$('node:selected').map((n) => n.id()),
      card: document.getElementById('card').hidden ? null : document.getElementById('card-body').textContent,
    }));
    check(state.selected.length === 1 && state.selected[0] === target.id, `clicking ${target.name} selects it`);
    check(state.card !== null && state.card.includes(target.name), 'clicking a node shows its card');
  }

  // Zoom with the wheel.
  const box = await page.locator('#cy').boundingBox();
  const zoomBefore = await page.evaluate(() => window.cy.zoom());
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(300);
  const zoomAfter = await page.evaluate(() => window.cy.zoom());
  check(zoomAfter > zoomBefore, `the wheel zooms in (${zoomBefore.toFixed(2)} -> ${zoomAfter.toFixed(2)})`);

  // Type filter: unticking hides exactly that type's nodes; ticking shows them again.
  const visible = () => page.evaluate(() => window.cy.nodes(':visible').length);
  const checkbox = `input.type-filter[data-type="${filterType}"]`;
  await page.uncheck(checkbox);
  const want = expected.nodes.length - typeCounts[filterType];
  await page.waitForFunction((n) => window.cy.nodes(':visible').length === n, want, { timeout: 5000 }).catch(() => {});
  const hidden = await visible();
  check(hidden === expected.nodes.length - typeCounts[filterType],
        `unticking ${filterType} hides its ${typeCounts[filterType]} nodes (${hidden} left)`);
  const anyOfTypeVisible = await page.evaluate((t) => window.cy.nodes(':visible').some((n) => n.data('type') === t), filterType);
  check(!anyOfTypeVisible, `no ${filterType} node is visible`);
  await page.check(checkbox);
  // Cytoscape applies the class change on its next style pass: wait for it as above.
  await page.waitForFunction((n) => window.cy.nodes(':visible').length === n, expected.nodes.length, { timeout: 5000 }).catch(() => {});
  const shown = await visible();
  check(shown === expected.nodes.length, `ticking ${filterType} shows them again (${shown} of ${expected.nodes.length})`);

  // The picture: the best-connected entity found, centred, its card open.
  await page.click('#fit');
  await page.fill('#search', hub.name);
  await page.press('#search', 'Enter');
  await page.waitForTimeout(500);  // let the renderer settle after the viewport change
  fs.mkdirSync(path.dirname(path.resolve(args.screenshot)), { recursive: true });
  await page.screenshot({ path: args.screenshot });
  console.log(`screenshot: ${args.screenshot}`);

  const foreign = requests.filter((u) => u !== pageUrl && !u.startsWith('data:'));
  check(foreign.length === 0, `no request leaves the page (${requests.length} requests${foreign.length ? ': ' + foreign.join(' ') : ''})`);
  check(problems.length === 0, `no console errors${problems.length ? ': ' + problems.join(' | ') : ''}`);
  for (const w of warnings) console.log(`note: console warning: ${w}`);
} finally {
  await browser.close();
}

if (failures.length) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all checks passed');
