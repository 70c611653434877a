// Extraction benchmark (reports numbers, asserts none). For each corpus:
//   - native: the release CLI (`extract --timings`), MB/s, each stage's share, peak memory per MB;
//   - wasm in Debian's Chromium: `extract()` and what the page does (in a worker, as the page:
//     `extractArticle` per article, `newCorpusFromParts` and the model), in one worker and with
//     the page's pool (n workers each making the parts of the next batch of articles, as the
//     page's Extractor hands them out, parts in order; and, for the page's own count, one article
//     a message as before session 23), each line naming its worker count and its batches,
//     and each stage's share as the page's worker runs them (`extractArticle` per article, then
//     `newCorpusFromParts` and the model, timed through their `onStage` progress callbacks),
//     and in the same page on the same texts chrono-node (dates only) and compromise (people,
//     places, organizations, quotations), as peers. The wasm's figures are the best of --runs;
//     each run's rate is printed too, in order, for the spread (extract()'s first call in the
//     page's instance is its coldest: its code compiled lazily, then tiered up).
// Corpora: "seeds" (at least --mb MB of documents made from the seeds and the test articles)
// and, when ../shared/eval is beside the project, "unseen news" (its development and training
// sets, about 7 MB of real articles nobody here wrote). Then one article made of many distinct stories at
// 200 KB and 1.6 MB (time may grow at most 10x for 8x the input).
//
// Last, the path a reader takes: the distinct files of each corpus added to the built page
// through its Library (kept on this device), to the new corpus shown.
//
//   node scripts/bench-extract.mjs [--mb 10] [--runs 3] [--workers 1,4] [--no-browser] [--no-native] [--reader-only]
// (--no-native: only the wasm and its peers in Chromium, for A/B runs of a wasm build, with
// STORYSCOPE_WASM_DIR naming the other build's folder.)
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { generateArticles } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const targetMb = arg('mb', 10);
const runs = arg('runs', 3);
// The pool's worker counts measured: 1 and the page's own (min(hardwareConcurrency || 2, 4)),
// or those of --workers 1,4.
const workersAt = process.argv.indexOf('--workers');
const workerCounts = workersAt > 0 ? process.argv[workersAt + 1].split(',').map(Number) : null;
// The page's batch (www/app/core/facade.js): at most BATCH_BYTES of text or BATCH_ARTICLES articles a message.
const facade = readFileSync(join(root, 'www', 'app', 'core', 'facade.js'), 'utf8');
const batchLimit = (name) => {
  const m = new RegExp(`^(?:export )?const ${name} = ([\\d *]+);`, 'm').exec(facade);
  if (!m) throw new Error(`www/app/core/facade.js: no ${name}`);
  return m[1].split('*').reduce((a, b) => a * Number(b), 1);
};
const BATCH_BYTES = batchLimit('BATCH_BYTES');
const BATCH_ARTICLES = batchLimit('BATCH_ARTICLES');
const browserToo = !process.argv.includes('--no-browser');
// --reader-only: in Chromium, only the line of the path a reader takes (the built page's Library).
const readerOnly = process.argv.includes('--reader-only');
// The built page whose Library the reader's line measures: STORYSCOPE_PAGE names another build's.
const readerPage = process.env.STORYSCOPE_PAGE || join(root, 'dist', 'storyscope.html');
const nativeToo = !process.argv.includes('--no-native');
const binary = join(root, 'target', 'release', 'storyscope');
// The wasm build measured: STORYSCOPE_WASM_DIR (its storyscope.js and storyscope_bg.opt.wasm)
// for an A/B run against another build, else this one's.
const wasmDir = process.env.STORYSCOPE_WASM_DIR || join(root, 'target', 'wasm-bindgen');
const work = join(root, 'target', 'bench');
mkdirSync(work, { recursive: true });

console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ` +
  `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);

// ---- Corpora -------------------------------------------------------------------------------
/** Writes `articles` ({name, content}) into a fresh folder and returns it. */
function materialize(name, articles) {
  const dir = join(work, 'corpus-' + name.replace(/\W+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const a of articles) writeFileSync(join(dir, a.name), a.content);
  return dir;
}

function seedsCorpus() {
  const sources = [];
  for (const dir of ['seeds', 'tests/articles', 'tests/quotes', 'tests/entities', 'tests/times']) {
    let names = [];
    try { names = readdirSync(join(root, dir)); } catch { continue; }
    for (const name of names.sort()) {
      if (/\.(txt|md|html)$/.test(name)) sources.push({ name, content: readFileSync(join(root, dir, name), 'utf8') });
    }
  }
  const articles = [];
  let bytes = 0;
  for (let copy = 0; bytes < targetMb * 1e6; copy++) {
    for (const { name, content } of sources) {
      articles.push({ name: `${String(copy).padStart(4, '0')}-${name}`, content });
      bytes += Buffer.byteLength(content);
    }
  }
  return articles;
}

function newsCorpus() {
  const score = join(root, '..', 'shared', 'eval', 'score.py');
  if (!existsSync(score)) return null;
  const articles = [];
  for (const set of ['polnear-dev', 'tbaq', 'gum-news', 'uner-ewt', 'polnear-train']) {
    const dir = join(work, 'eval-docs', set);
    if (!existsSync(dir)) {
      const r = spawnSync('python3', [score, 'materialize', set, dir], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) return null;
    }
    for (const name of readdirSync(dir).sort()) articles.push({ name: `${set}-${name}`, content: readFileSync(join(dir, name), 'utf8') });
  }
  return articles;
}

const corpora = [{ name: 'seeds', articles: seedsCorpus() }];
const news = newsCorpus();
if (news) corpora.push({ name: 'unseen news', articles: news });
else console.log('unseen news: ../shared/eval is not beside the project; that corpus is skipped');
for (const c of corpora) {
  c.bytes = c.articles.reduce((sum, a) => sum + Buffer.byteLength(a.content), 0);
  c.dir = materialize(c.name, c.articles);
}

// ---- Native --------------------------------------------------------------------------------
/** Best of `runs` runs of the CLI on `path`: seconds, stage seconds, peak KiB. */
function native(path) {
  let best = null;
  for (let r = 0; r < runs; r++) {
    // `clock` is read here as well as time(1)'s %e (`seconds`, the figure earlier runs give):
    // %e is in hundredths of a second, the grain of a 200 KB run, which would make 8x the input
    // look like 13x.
    const start = process.hrtime.bigint();
    const t = spawnSync('/usr/bin/time', ['-f', '%e %M', binary, 'extract', '--compact', '--timings', path],
      { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 2 ** 28 });
    const clock = Number(process.hrtime.bigint() - start) / 1e9;
    const lines = t.stderr.trim().split('\n');
    const [seconds, kib] = lines.pop().split(' ').map(Number);
    const stages = JSON.parse(lines.find((l) => l.startsWith('{')) ?? '{}');
    if (!best || clock < best.clock) best = { seconds, clock, kib, stages };
  }
  return best;
}

const mb = (bytes) => bytes / 1e6;

/**
 * Seconds of CPU (user and system) used so far by this script's child processes and theirs
 * (the browser's), from Linux's /proc; NaN elsewhere.
 */
function chromiumCpu() {
  if (!existsSync('/proc/self/stat')) return NaN;
  const stats = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = s.slice(s.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(pid), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch { /* gone meanwhile */ }
  }
  let ticks = 0;
  for (const [pid, { ticks: t }] of stats) {
    let up = stats.get(pid)?.parent;
    while (up && up !== process.pid) up = stats.get(up)?.parent;
    if (up === process.pid) ticks += t;
  }
  // Linux counts in USER_HZ ticks, 100 a second on every architecture it runs on.
  return ticks / 100;
}

/**
 * Seconds of CPU used so far by this script's Chromium: `main`, the main threads of its
 * renderers (a renderer's main thread has its process's id: the page's own thread, where its
 * JavaScript runs beside its workers), and `browser`, its browser process (IndexedDB's
 * database among its work); NaN off Linux.
 */
function chromiumThreads() {
  if (!existsSync('/proc/self/stat')) return { main: NaN, browser: NaN };
  const parents = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(Number(pid), Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone meanwhile */ }
  }
  const ticks = (path) => {
    const s = readFileSync(path, 'utf8');
    const fields = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  let main = 0;
  let browser = 0;
  for (const pid of parents.keys()) {
    let up = parents.get(pid);
    while (up && up !== process.pid) up = parents.get(up);
    if (up !== process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes('--type=renderer')) main += ticks(`/proc/${pid}/task/${pid}/stat`);
      else if (!cmdline.includes('--type=') && /chrom/i.test(cmdline)) browser += ticks(`/proc/${pid}/stat`);
    } catch { /* gone meanwhile */ }
  }
  return { main: main / 100, browser: browser / 100 };
}
// Native: the release CLI on each corpus, then one article of many stories.
if (nativeToo) {
  const baselineKib = (() => {
    const tiny = join(work, 'tiny.txt');
    writeFileSync(tiny, 'Title\n\nOne line.\n');
    return native(tiny).kib;
  })();
  for (const c of corpora) {
    const n = native(c.dir);
    const total = Object.values(n.stages).reduce((a, b) => a + b, 0);
    const shares = Object.entries(n.stages).map(([k, v]) => `${k} ${(100 * v / total).toFixed(0)}%`).join(', ');
    console.log(`native, ${c.name} (${c.articles.length} documents, ${mb(c.bytes).toFixed(1)} MB): ` +
      `${(mb(c.bytes) / n.seconds).toFixed(2)} MB/s (${n.seconds.toFixed(2)} s whole process, best of ${runs}); ` +
      `peak memory ${((n.kib - baselineKib) / 1024 / mb(c.bytes)).toFixed(1)} MiB per MB of input`);
    console.log(`  stages (${total.toFixed(2)} s): ${shares}`);
  }

  // One article of many distinct stories, at 200 KB and 1.6 MB.
  {
    const stories = (bytes) => {
      const generated = generateArticles(root, Math.ceil(bytes / 3000) + 1, { chars: 3000 });
      let out = 'Collected stories\n\n';
      for (const a of generated) {
        if (out.length >= bytes) break;
        out += a.content + '\n\n';
      }
      return out;
    };
    const sizes = [200e3, 1.6e6].map((bytes) => {
      const file = join(work, `stories-${bytes}.txt`);
      writeFileSync(file, stories(bytes));
      return { bytes, ...native(file) };
    });
    console.log(`one article of many stories: 200 KB in ${sizes[0].clock.toFixed(3)} s, 1.6 MB in ${sizes[1].clock.toFixed(3)} s ` +
      `(${(sizes[1].clock / sizes[0].clock).toFixed(1)}x for 8x the input, whole process; ` +
      `peak ${((sizes[1].kib - baselineKib) / 1024 / 1.6).toFixed(1)} MiB per MB)`);
  }
}

// ---- wasm and peers in Chromium --------------------------------------------------------------
if (browserToo) {
  const page = join(work, 'page');
  mkdirSync(page, { recursive: true });
  // Peers bundled from npm into classic scripts with esbuild.
  writeFileSync(join(page, 'chrono-entry.mjs'), "import * as chrono from 'chrono-node'; globalThis.chrono = chrono;");
  writeFileSync(join(page, 'compromise-entry.mjs'), "import nlp from 'compromise'; globalThis.nlp = nlp;");
  for (const name of ['chrono', 'compromise']) {
    const r = spawnSync(join(root, 'node_modules', '.bin', 'esbuild'), [join(page, `${name}-entry.mjs`), '--bundle', '--format=iife',
      '--minify', `--outfile=${join(page, name + '.js')}`, '--log-level=warning'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`esbuild ${name} failed`);
  }
  // The core's ES-module glue (wasm-bindgen target `web`), loaded as the page loads it. The
  // module is compiled once; `pagePath` runs what the page's workers run, in a worker with an
  // instance of its own (a fresh memory, so no run inherits another's word cache).
  writeFileSync(join(page, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>' +
    '<script src="/chrono.js"></script><script src="/compromise.js"></script>' +
    '<script type="module">import init, * as core from "/wasm/storyscope.js";' +
    'const module = await WebAssembly.compileStreaming(fetch("/wasm/storyscope_bg.wasm"));' +
    'await init({ module_or_path: module }); window.core = core;' +
    'window.pagePath = (articles) => new Promise((resolve, reject) => {' +
    ' const worker = new Worker("/page-worker.js", { type: "module" });' +
    // The model arrives first, as the page gets it (a string it parses, or, from a build before
    // Corpus.modelJson, objects cloned across): its time on this thread counts as model()'s.
    ' let model = 0;' +
    ' worker.onmessage = ({ data }) => {' +
    '  if (data.timings === undefined) { const t0 = performance.now(); const value = data.value;' +
    '   if (typeof value === "string") JSON.parse(value); model = (performance.now() - t0) / 1000; return; }' +
    '  worker.terminate(); resolve({ ...data.timings, model: data.timings.model + model }); };' +
    ' worker.onerror = (e) => { worker.terminate(); reject(new Error(e.message)); };' +
    ' worker.postMessage({ module, articles }); });' +
    // The page's path with its pool (www/app/core/facade.js's Extractor): `n` workers, started
    // first (their start is timed apart: the page starts them on its first extraction), each
    // handed the next batch of articles as it returns the last one's parts (`batched`: as many
    // as the page's batch takes, up to BATCH_BYTES of text or BATCH_ARTICLES articles, read from
    // facade.js; else one article a message, the page's path before session 23); the parts in the
    // articles' order, whichever came first, then the corpus and its model in the first worker.
    // Each worker's wasm memory (its WebAssembly.Memory's size at the end) is summed: every
    // worker holds an instance.
    `window.pagePool = async (articles, n, batched) => {` +
    ' const s0 = performance.now();' +
    ' const workers = await Promise.all(Array.from({ length: n }, () => new Promise((resolve, reject) => {' +
    '  const worker = new Worker("/pool-worker.js", { type: "module" });' +
    '  worker.onerror = (e) => reject(new Error(e.message));' +
    '  worker.onmessage = () => resolve(worker); worker.postMessage({ module }); })));' +
    ' const t0 = performance.now(); const parts = []; let next = 0;' +
    ' await Promise.all(workers.map((worker) => new Promise((resolve) => {' +
    '  const give = () => { if (next >= articles.length) return resolve(); const first = next;' +
    `   let bytes = articles[next++].content.length;` +
    `   while (batched && next < articles.length && next - first < ${BATCH_ARTICLES}` +
    `    && bytes + articles[next].content.length <= ${BATCH_BYTES}) bytes += articles[next++].content.length;` +
    '   worker.onmessage = ({ data }) => { if (data.stage !== undefined) return;' +
    '    data.parts.forEach((part, k) => { parts[first + k] = part; }); give(); };' +
    '   worker.postMessage({ batch: articles.slice(first, next), stages: batched }); };' +
    '  give(); })));' +
    ' const t1 = performance.now();' +
    ' const memory = (await Promise.all(workers.map((worker, k) => new Promise((resolve) => {' +
    '  worker.onmessage = ({ data }) => { if (data.model === undefined) return resolve(data.memory);' +
    '   const t = performance.now(); JSON.parse(data.model); data.timings.model += (performance.now() - t) / 1000;' +
    '   worker.timings = data.timings; };' +
    '  worker.postMessage(k === 0 ? { parts: parts.filter(Boolean) } : {}); })))).reduce((a, b) => a + b, 0);' +
    ' workers.forEach((w) => w.terminate());' +
    ' return { start: (t0 - s0) / 1000, parts: (t1 - t0) / 1000, ...workers[0].timings, memory }; };' +
    'window.coreReady = true;</script>');
  // A pool worker: `{module}` → instantiated, says so; `{batch}` → `{parts}` (one per article,
  // null when it is not an article, their buffers transferred; with `stages`, as the page's
  // worker, a batch of one article first posts each of its stages, a batch of several none);
  // `{parts}` → the corpus and its model ({model, timings}), then, as for `{}`, `{memory}`: its
  // wasm memory's bytes.
  writeFileSync(join(page, 'pool-worker.js'), 'import init, * as core from "/wasm/storyscope.js";' +
    'let wasm;' +
    'onmessage = async ({ data }) => {' +
    ' if (data.module) { wasm = await init({ module_or_path: data.module }); postMessage({}); return; }' +
    ' if (data.batch) { const parts = [];' +
    '  const onStage = data.stages && data.batch.length < 2 ? (stage) => postMessage({ stage }) : undefined;' +
    '  for (const article of data.batch) { let part = null;' +
    '   try { part = core.extractArticle(article, onStage); } catch {} parts.push(part); }' +
    '  postMessage({ parts }, parts.filter(Boolean).map((p) => p.buffer)); return; }' +
    ' if (data.parts) { const t1 = performance.now(); const corpus = core.newCorpusFromParts(data.parts, false);' +
    '  const t2 = performance.now(); const model = corpus.modelJson(); const t3 = performance.now(); corpus.free();' +
    '  postMessage({ model, timings: { assemble: (t2 - t1) / 1000, model: (t3 - t2) / 1000 } }); }' +
    ' postMessage({ memory: wasm.memory.buffer.byteLength }); };');
  // The page's path (www/app/core/engine.js): a part per article (`extractArticle`, as its
  // extractor worker makes them), then the corpus assembled from the parts and its model, posted
  // to the page (the worker's time to make and post it, beside the page's to read it).
  writeFileSync(join(page, 'page-worker.js'), 'import init, * as core from "/wasm/storyscope.js";' +
    'onmessage = async ({ data: { module, articles } }) => {' +
    ' await init({ module_or_path: module });' +
    ' const t0 = performance.now(); const parts = [];' +
    ' for (const a of articles) { try { parts.push(core.extractArticle(a)); } catch {} }' +
    ' const t1 = performance.now(); const corpus = core.newCorpusFromParts(parts, false);' +
    ' const t2 = performance.now(); postMessage({ value: corpus.modelJson ? corpus.modelJson() : corpus.model() });' +
    ' const t3 = performance.now(); corpus.free();' +
    ' postMessage({ timings: { parts: (t1 - t0) / 1000, assemble: (t2 - t1) / 1000, model: (t3 - t2) / 1000 } }); };');
  const files = { '/': join(page, 'index.html'), '/chrono.js': join(page, 'chrono.js'), '/compromise.js': join(page, 'compromise.js'),
    '/page-worker.js': join(page, 'page-worker.js'), '/pool-worker.js': join(page, 'pool-worker.js'),
    '/wasm/storyscope.js': join(wasmDir, 'storyscope.js'), '/wasm/storyscope_bg.wasm': join(wasmDir, 'storyscope_bg.opt.wasm'),
    '/reader.html': readerPage };
  corpora.forEach((c, i) => {
    const file = join(work, `corpus-${i}.json`);
    writeFileSync(file, JSON.stringify(c.articles.map((a) => ({ id: a.name.replace(/\.[^.]+$/, ''), name: a.name, content: a.content }))));
    files[`/corpus-${i}.json`] = file;
  });
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url, 'http://x').pathname];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await tab.waitForFunction(() => window.coreReady === true);
    for (const [i, c] of readerOnly ? [] : corpora.entries()) {
      const r = await tab.evaluate(async ({ i, runs }) => {
        const articles = await (await fetch(`/corpus-${i}.json`)).json();
        // Seconds of each of `runs` runs, in order: the first call of an export in this
        // instance is also its coldest (its code compiled lazily, then tiered up).
        const timed = (f) => {
          const seconds = [];
          for (let k = 0; k < runs; k++) {
            const t0 = performance.now();
            f();
            seconds.push((performance.now() - t0) / 1000);
          }
          return seconds;
        };
        const best = (f) => Math.min(...timed(f));
        const reference = new Date(Date.UTC(2016, 0, 1));
        // compromise runs at well under 1 MB/s: it is timed once on the first MB of the corpus.
        const sample = [];
        let sampleBytes = 0;
        for (const a of articles) {
          if (sampleBytes > 1e6) break;
          sample.push(a);
          sampleBytes += new TextEncoder().encode(a.content).length;
        }
        const once = (f) => {
          const t0 = performance.now();
          f();
          return (performance.now() - t0) / 1000;
        };
        return {
          sampleBytes,
          extract: timed(() => core.extract(articles, false)),
          // Each of `runs` runs in a fresh worker and instance.
          page: await (async () => {
            const all = [];
            for (let k = 0; k < runs; k++) {
              const run = await pagePath(articles);
              run.total = run.parts + run.assemble + run.model;
              all.push(run);
            }
            return all;
          })(),
          // The page's path with its pool of `n` workers, for 1 and for the page's own count
          // (navigator.hardwareConcurrency, at most 4); each of `runs` runs with fresh workers.
          // Where the wasm's time goes, stage by stage, through the API's own progress callbacks
          // (the page's path: a part per article, then the corpus assembled from the parts).
          stages: (() => {
            const seconds = {};
            let current = null;
            let started = 0;
            const lap = (next) => {
              const now = performance.now();
              if (current) seconds[current] = (seconds[current] ?? 0) + (now - started) / 1000;
              current = next;
              started = now;
            };
            const parts = [];
            for (const a of articles) {
              // An article that is not one (the page lists it as a failure) has no part.
              try {
                parts.push(core.extractArticle(a, (stage) => lap(`${stage} (part)`)));
              } catch {}
              lap(null);
            }
            const corpus = core.newCorpusFromParts(parts, false, lap);
            lap('model');
            corpus.model();
            lap(null);
            corpus.free();
            return seconds;
          })(),
          chrono: best(() => { for (const a of articles) chrono.parse(a.content, reference); }),
          compromise: once(() => {
            for (const a of sample) {
              const doc = nlp(a.content);
              doc.people().out('array');
              doc.places().out('array');
              doc.organizations().out('array');
              doc.quotations().out('array');
            }
          }),
        };
      }, { i, runs });
      // The page's path with its pool, batched as the page now hands the articles out and one
      // article a message as before session 23, for 1 worker and the page's own count
      // (navigator.hardwareConcurrency, at most 4; or --workers): each run of every configuration
      // in turn, so that a change of the machine's load touches them alike, and each timed by
      // the wall clock and by the CPU time of all of Chromium's processes (Linux's /proc): on a
      // loaded machine the wall clock favours the worker that waits for messages (the
      // scheduler runs a thread that slept at once), the CPU time does not.
      const own = await tab.evaluate(async (i) => {
        window.benchArticles = await (await fetch(`/corpus-${i}.json`)).json();
        return Math.min(navigator.hardwareConcurrency || 2, 4);
      }, i);
      r.pools = [];
      for (let k = 0; k < runs; k++) {
        for (const [n, batched] of (workerCounts ?? [...new Set([1, own])]).flatMap((n) => [[n, true], [n, false]])) {
          const cpu0 = chromiumCpu();
          const run = await tab.evaluate(({ n, batched }) => pagePool(window.benchArticles, n, batched), { n, batched });
          r.pools.push({ n, batched, ...run, cpu: chromiumCpu() - cpu0, total: run.parts + run.assemble + run.model });
        }
      }
      const rate = (s, bytes = c.bytes) => `${(mb(bytes) / s).toFixed(2)} MB/s`;
      // The best run is the figure; every run's rate, in order, shows the spread (and, for
      // extract(), how much slower its first call in the page's instance is).
      const page = r.page.reduce((a, b) => (b.total < a.total ? b : a));
      const rates = (seconds) => seconds.map((s) => (mb(c.bytes) / s).toFixed(2)).join(', ');
      console.log(`chromium, ${c.name}: wasm extract() ${rate(Math.min(...r.extract))}, as the page ${rate(page.total)} ` +
        `(a part per article ${page.parts.toFixed(2)} s, the corpus from the parts ${page.assemble.toFixed(2)} s, ` +
        `model() ${page.model.toFixed(2)} s); ` +
        `peers on the same texts: chrono-node (dates only) ${rate(r.chrono)}, compromise ${rate(r.compromise, r.sampleBytes)} (first MB)`);
      console.log(`  runs in order, MB/s: extract() ${rates(r.extract)} (one instance); ` +
        `as the page ${rates(r.page.map((run) => run.total))} (each in a fresh worker and instance)`);
      // The page's pooled path: the parts made by n workers (messages to and fro, as the page's
      // Extractor), in order, then the corpus; best of the runs, every run's rate in order.
      for (const key of new Set(r.pools.map((run) => `${run.n} ${run.batched}`))) {
        const all = r.pools.filter((run) => `${run.n} ${run.batched}` === key);
        const { n, batched } = all[0];
        const best = all.reduce((a, b) => (b.total < a.total ? b : a));
        const how = batched ? `the pool, batches of up to ${BATCH_BYTES / 1024} KB or ${BATCH_ARTICLES} articles a message`
          : 'the pool, one article a message as before session 23';
        const cpu = Number.isNaN(best.cpu) ? '' : `, CPU ${best.cpu.toFixed(2)} s (least of the runs: ${Math.min(...all.map((run) => run.cpu)).toFixed(2)} s)`;
        console.log(`  as the page with ${n} worker${n === 1 ? '' : 's'} (${how}): ${rate(best.total)}${cpu} ` +
          `(parts ${best.parts.toFixed(2)} s, the corpus from the parts ${best.assemble.toFixed(2)} s, model ${best.model.toFixed(2)} s; ` +
          `the workers' start ${best.start.toFixed(2)} s apart; wasm memory of the ${n} instance${n === 1 ? '' : 's'} ` +
          `${(best.memory / 2 ** 20).toFixed(0)} MiB); runs ${rates(all.map((run) => run.total))}`);
      }
      const total = Object.values(r.stages).reduce((a, b) => a + b, 0);
      console.log(`  wasm stages as the page runs them (parts, then the corpus; ${total.toFixed(2)} s, one run): ` +
        Object.entries(r.stages).map(([k, v]) => `${k} ${(100 * v / total).toFixed(0)}%`).join(', '));
    }
    // The path a reader takes (www/app/library.js): the corpus's files added to the built page
    // (STORYSCOPE_PAGE, else dist/storyscope.html, whose library is kept on this device:
    // IndexedDB, each part's SHA-256 key) as a drop adds them, timed from the add to the
    // Library's 'corpus' event (the corpus with them, ready to show). Each run in a fresh browser
    // context, so that nothing is kept from before. The page skips a file whose text it has
    // already: the files are the corpus's distinct texts (the seeds corpus repeats its texts).
    // Besides the wall clock, the CPU time of the page's main thread (its renderer's, from /proc),
    // of Chromium's browser process (IndexedDB's database) and of all of Chromium, and how many
    // 'work' (progress) events the Library emitted.
    for (const [i, c] of corpora.entries()) {
      const seen = new Set();
      const distinct = c.articles.filter((a) => !seen.has(a.content) && seen.add(a.content));
      const bytes = distinct.reduce((sum, a) => sum + Buffer.byteLength(a.content), 0);
      const all = [];
      for (let k = 0; k < runs; k++) {
        const context = await browser.newContext();
        const reader = await context.newPage();
        await reader.goto(`http://127.0.0.1:${server.address().port}/reader.html`);
        await reader.waitForFunction(() => document.querySelector('story-scope')?.explorer?.corpus, null, { timeout: 120_000 });
        // Handed over as an argument: the page's Content-Security-Policy lets it fetch nothing.
        await reader.evaluate((articles) => {
          window.readerFiles = articles.map((a) => new File([a.content], a.name, { type: 'text/plain' }));
        }, distinct.map(({ name, content }) => ({ name, content })));
        const [threads0, cpu0] = [chromiumThreads(), chromiumCpu()];
        const run = await reader.evaluate(async () => {
          const { explorer } = document.querySelector('story-scope');
          const files = window.readerFiles;
          let events = 0;
          let read = 0;
          const t0 = performance.now();
          const stopWork = explorer.library.on('work', (work) => {
            events += 1;
            if (!read && !work.reading && work.indexing) read = performance.now();
          });
          const shown = new Promise((resolve) => explorer.library.on('corpus', resolve));
          const added = explorer.actions.addSources(files.map((file) => ({ name: file.name, file })));
          await shown;
          const t1 = performance.now();
          stopWork();
          return { seconds: (t1 - t0) / 1000, reading: (read - t0) / 1000, events, files: files.length, added: await added };
        });
        const threads = chromiumThreads();
        all.push({ ...run, main: threads.main - threads0.main, browser: threads.browser - threads0.browser, cpu: chromiumCpu() - cpu0 });
        await context.close();
      }
      const best = all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      const fmt = (x) => (Number.isNaN(x) ? '?' : x.toFixed(2));
      console.log(`chromium, ${c.name}: as a reader adds the files (the built page's Library, kept on this device; ` +
        `${best.files} distinct files, ${mb(bytes).toFixed(2)} MB, ${best.added} added), from the add to the 'corpus' event: ` +
        `${(mb(bytes) / best.seconds).toFixed(2)} MB/s, ${best.seconds.toFixed(2)} s (reading ${best.reading.toFixed(2)} s, ` +
        `then the corpus); the page's main thread ${fmt(best.main)} s of CPU (${(1000 * best.main / best.files).toFixed(2)} ms a file), ` +
        `its browser process ${fmt(best.browser)} s, all of Chromium ${fmt(best.cpu)} s; ${best.events} progress events; ` +
        `runs ${all.map((r) => (mb(bytes) / r.seconds).toFixed(2)).join(', ')} MB/s, main thread ${all.map((r) => fmt(r.main)).join(', ')} s`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}
