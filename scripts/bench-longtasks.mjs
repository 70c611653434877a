// Dev timing of the main thread while the reader adds many articles, in Debian's Chromium: the
// page opens on one view with the library panel open (as an add leaves it), --articles (300)
// generated articles are added as one batch (pasted texts, through the explorer's action), and
// until the new model is shown the page's long tasks (over 50 ms, PerformanceObserver
// 'longtask') are recorded, with the layouts of a Chromium trace: how many layout objects each
// laid out (a count that does not depend on the machine's load, unlike the times).
// Usage: node scripts/bench-longtasks.mjs [--articles 300] [--views articles,quotes,entities,timeline]
// [--runs 3] [--page URL]. Prints; asserts nothing.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateArticles } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const count = Number(arg('articles', 300));
const runs = Number(arg('runs', 3));
const views = arg('views', 'articles,quotes,entities,timeline').split(',');
const url = arg('page', pathToFileURL(join(root, 'dist', 'storyscope.html')).href);
const sources = generateArticles(root, count).map(({ id, content }) => ({ name: `${id}.txt`, text: content }));
const traceDir = mkdtempSync(join(tmpdir(), 'storyscope-longtasks-'));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

/** One add on a fresh page (its own storage) showing `view`: {long: [ms], layouts: [objects]}. */
async function measure(view, run) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, ms: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  const scope = (selector) => page.locator(`story-scope ${selector}`);
  await scope('.ss-article-link').first().waitFor({ timeout: 60_000 });
  await scope(`.ss-tab[data-view="${view}"]`).click();
  await scope('[data-tool="library"]').click();
  await scope('.ss-library').waitFor();
  // The texts go into the page before the clock starts: sending them is the harness's work.
  await page.evaluate((list) => { window.benchSources = list; }, sources);
  await page.waitForTimeout(1000);
  const trace = join(traceDir, `${view}-${run}.json`);
  await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const t0 = await page.evaluate(() => performance.now());
  await page.evaluate(() => { document.querySelector('story-scope').explorer.actions.addSources(window.benchSources); });
  await page.waitForFunction((n) => Number(document.querySelector('story-scope').shadowRoot
    .querySelector('.ss-tab[data-view="articles"] .ss-count')?.textContent.replace(/,/g, '')) >= n, count, { timeout: 600_000 });
  await scope('#ss-panel:not([aria-busy="true"])').waitFor({ state: 'attached' });
  await page.waitForTimeout(1500);
  await browser.stopTracing();
  const long = await page.evaluate((from) => window.longTasks.filter((e) => e.start >= from).map((e) => Math.round(e.ms)), t0);
  const events = JSON.parse(readFileSync(trace, 'utf8')).traceEvents;
  const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && e.args?.beginData?.dirtyObjects > 100)
    .map((e) => e.args.beginData.dirtyObjects);
  await context.close();
  return { long, layouts };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`${count} articles added with the library panel open; per view, ${runs} runs (fresh page each)`);
for (const view of views) {
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await measure(view, run));
  const longest = results.map((r) => Math.max(0, ...r.long));
  const biggest = results.map((r) => Math.max(0, ...r.layouts));
  console.log(`${view.padEnd(9)} longest task: median ${median(longest)} ms (runs: ${longest.join(', ')}); ` +
    `largest layout: median ${median(biggest)} objects (runs: ${biggest.join(', ')})`);
}
await browser.close();
rmSync(traceDir, { recursive: true, force: true });
