// Dev timing of the views on a large corpus, in Debian's Chromium: loads --articles (2,000)
// generated articles into the page (through the element's library, as one add: each is
// extracted in the worker, then the corpus is assembled once), then times each view's render after a change of filters: the synchronous
// render with its style and layout, and until the next frame (the timeline draws there).
// --hide-article-list 1 hides the article list beside every view (it has its own pagination) to
// time the views alone. Usage: node scripts/bench-views.mjs [--articles 2000] [--runs 3]
// [--hide-article-list 1]. Prints; asserts nothing.
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateArticles } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg('articles', 2000);
const runs = arg('runs', 3);
const articles = generateArticles(root, count).map(({ id, content }) => ({ id, name: `${id}.txt`, content }));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
page.on('pageerror', (error) => console.error('page error:', error.message));
await page.goto(pathToFileURL(join(root, 'dist', 'storyscope.html')).href);
await page.locator('story-scope .ss-article-link').first().waitFor({ timeout: 60_000 });
const loaded = await page.evaluate(async (list) => {
  const el = document.querySelector('story-scope');
  const t0 = performance.now();
  await el.explorer.library.add(list.map(({ name, content }) => ({ name, text: content })));
  const { documents, quotes, entities, events } = el.model;
  return { ms: performance.now() - t0, documents: documents.length, quotes: quotes.length, entities: entities.length, events: events.length };
}, articles);
if (arg('hide-article-list', 0)) {
  await page.evaluate(() => document.querySelector('story-scope').shadowRoot.append(Object.assign(document.createElement('style'), { textContent: '.ss-articles { display: none; }' })));
}
console.log(`corpus: ${loaded.documents} documents, ${loaded.quotes} quotes, ${loaded.entities} entities, ${loaded.events} events (load ${loaded.ms.toFixed(0)} ms)`);

// The script time inside each view's functions, from a CPU profile (the article list beside the
// views is timed apart: it is another part of the page). The bundle is minified: for these
// per-function figures, build it without minification (esbuild's `minify: false` in bundle.mjs).
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const PARTS = { quotes: ['renderQuoteWall'], entities: ['renderEntities'], timeline: ['renderTimeline', 'draw'], list: ['renderArticleList'] };
function partTimes(profile) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = Object.fromEntries(Object.keys(PARTS).map((k) => [k, 0]));
  profile.samples.forEach((id, i) => {
    const names = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) names.add(byId.get(at).callFrame.functionName);
    for (const [part, fns] of Object.entries(PARTS)) if (fns.some((f) => names.has(f))) out[part] += (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return out;
}

/** Runs `change` (a function body over `el`) in the page; ms of the render and until the next frame, and per part. */
const time = async (change) => {
  await cdp.send('Profiler.start');
  const result = await page.evaluate(async (body) => {
    const el = document.querySelector('story-scope');
    const t0 = performance.now();
    await new Function('el', `return (async () => { ${body} })()`)({ actions: el.explorer.actions });
    void el.shadowRoot.querySelector('.ss-panel')?.offsetHeight;
    const sync = performance.now() - t0;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { sync, frame: performance.now() - t0 };
  }, change);
  const { profile } = await cdp.send('Profiler.stop');
  return { ...result, ...partTimes(profile) };
};

const person = await page.evaluate(() => {
  const { entities } = document.querySelector('story-scope').model;
  return entities.filter((e) => e.kind === 'person').sort((a, b) => b.mentions.length - a.mentions.length)[0]?.id;
});
const cases = [
  ['quotes', 'open the tab', "await el.actions.showView('quotes')"],
  ['quotes', 'named sources', "await el.actions.setFilters({ sources: 'named' })"],
  ['quotes', 'clear filters', 'await el.actions.clearFilters()'],
  ['entities', 'open the tab', "await el.actions.showView('entities')"],
  ['entities', 'person filter', `await el.actions.setFilters({ entities: [${JSON.stringify(person)}] })`],
  ['entities', 'clear filters', 'await el.actions.clearFilters()'],
  ['entities', 'entity page', `await el.actions.openEntity(${JSON.stringify(person)})`],
  ['timeline', 'open the tab', "await el.actions.openEntity(null); await el.actions.showView('timeline')"],
  ['timeline', 'person filter', `await el.actions.setFilters({ entities: [${JSON.stringify(person)}] })`],
  ['timeline', 'clear filters', 'await el.actions.clearFilters()'],
];
for (const [view, label, change] of cases) {
  const times = [];
  for (let r = 0; r < runs; r++) {
    // Each run starts from the state before the change.
    if (r > 0 && label !== 'open the tab') await time(label === 'clear filters' ? cases.find((c) => c[0] === view && c[1] !== 'open the tab')[2] : 'await el.actions.clearFilters()');
    times.push(await time(change));
  }
  const best = (k) => Math.min(...times.map((t) => t[k])).toFixed(0).padStart(6);
  console.log(`${view.padEnd(9)} ${label.padEnd(15)} render+layout ${best('sync')} ms, to next frame ${best('frame')} ms; ` +
    `script in the view ${best(view)} ms, in the article list ${best('list')} ms (best of ${runs})`);
}
await browser.close();
