// Benchmark: builds a corpus of many documents (>= 10 MB) from the seeds and the test articles,
// times `storyscope extract` natively and the wasm core in Node's V8 (Chromium's engine), and
// prints MB/s and the dist sizes. Usage: node scripts/bench.mjs [--mb 10] [--runs 3]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import { generateArticles } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const targetMb = arg('mb', 10);
const runs = arg('runs', 3);

// Sources: the seeds and every article of the data-driven tests.
const sources = [];
for (const dir of ['seeds', 'tests/articles', 'tests/quotes', 'tests/entities', 'tests/times']) {
  let names = [];
  try { names = readdirSync(join(root, dir)); } catch { continue; }
  for (const name of names.sort()) {
    if (/\.(txt|md|html)$/.test(name)) sources.push({ name, content: readFileSync(join(root, dir, name), 'utf8') });
  }
}
const corpusDir = join(root, 'target', 'bench-corpus');
rmSync(corpusDir, { recursive: true, force: true });
mkdirSync(corpusDir, { recursive: true });
const articles = [];
let bytes = 0;
for (let copy = 0; bytes < targetMb * 1e6; copy++) {
  for (const { name, content } of sources) {
    const id = `${String(copy).padStart(4, '0')}-${name.replace(/\.[^.]+$/, '')}`;
    const ext = name.slice(name.lastIndexOf('.'));
    writeFileSync(join(corpusDir, id + ext), content);
    articles.push({ id, name: id + ext, content });
    bytes += Buffer.byteLength(content);
  }
}
const mb = bytes / 1e6;
console.log(`corpus: ${articles.length} documents, ${mb.toFixed(1)} MB (from ${sources.length} distinct articles)`);
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

const best = (f) => {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min / 1000;
};

// Native: the release CLI over the folder (reading files and writing JSON included).
const binary = join(root, 'target', 'release', 'storyscope');
const native = best(() => {
  const r = spawnSync(binary, ['extract', '--compact', corpusDir], { maxBuffer: 2 ** 31, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`storyscope extract failed (${r.status})`);
});
console.log(`native: ${(mb / native).toFixed(2)} MB/s (${native.toFixed(2)} s, best of ${runs})`);

// Wasm: the optimized build with its ES-module glue, in this Node's V8.
const core = await import(pathToFileURL(join(root, 'target', 'wasm-bindgen', 'storyscope.js')).href);
await core.default({ module_or_path: readFileSync(join(root, 'target', 'wasm-bindgen', 'storyscope_bg.opt.wasm')) });
const wasm = best(() => core.extract(articles, false));
console.log(`wasm:   ${(mb / wasm).toFixed(2)} MB/s (${wasm.toFixed(2)} s, best of ${runs}; one extract() call, JS objects out)`);

for (const file of ['target/wasm-bindgen/storyscope_bg.opt.wasm', 'dist/storyscope.html', 'dist/storyscope-embed.js']) {
  const data = readFileSync(join(root, file));
  console.log(`${file.padEnd(44)} ${(statSync(join(root, file)).size / 1024).toFixed(1).padStart(7)} KiB, gzip ${(gzipSync(data, { level: 9 }).length / 1024).toFixed(1).padStart(6)} KiB`);
}

// Filtering and search: a Corpus of --articles (10,000) varied articles of about 4 KB each, made
// from paragraphs of the seeds and the test articles, with published days spread over two
// years; then typical queries of the page, each timed over --query-runs runs (median and max,
// the JS object conversion included). One frame is 16 ms.
const indexArticles = arg('articles', 10000);
const queryRuns = arg('query-runs', 30);
const generated = generateArticles(root, indexArticles);
const indexBytes = generated.reduce((sum, a) => sum + Buffer.byteLength(a.content), 0);
let t0 = performance.now();
const corpus = core.newCorpus(generated, false);
const buildSeconds = (performance.now() - t0) / 1000;
const model = corpus.extraction();
console.log(`index corpus: ${generated.length} documents, ${(indexBytes / 1e6).toFixed(1)} MB, ` +
  `${model.quotes.length} quotes, ${model.entities.length} entities, ${model.events.length} events; ` +
  `newCorpus (extract + index) ${buildSeconds.toFixed(1)} s`);
const person = model.entities.filter((e) => e.kind === 'person')
  .sort((a, b) => b.mentions.length - a.mentions.length)[0];
const place = model.entities.find((e) => e.kind === 'place');
const queries = [
  ['no filter', {}],
  [`person facet (${person?.name})`, { entities: person ? [person.id] : [] }],
  ['two entities (person and place)', { entities: [person?.id, place?.id].filter(Boolean) }],
  ['date range (one month)', { from: '2009-06-01', to: '2009-06-30' }],
  ['one-word search "missile "', { q: 'missile ' }],
  ['prefix while typing "m"', { q: 'm' }],
  ['prefix while typing "mis"', { q: 'mis' }],
  ['rare word "R4321 "', { q: 'R4321 ' }],
  ['all combined', { entities: person ? [person.id] : [], from: '2009-03-01', to: '2009-12-31', q: 'defense mis', kinds: ['quote', 'event'], sources: 'named' }],
];
// What the page calls on a change of filters: `select` (bitsets by position) and its visible
// sets (as explorer.js), then, under a search, `matches` for the first page of the article list
// (50 documents, as views/articles.js); and, for comparison, `query`, which returns the same
// answer as id strings with the matches in every passing document.
const { selectionPositions, selectionVisible } = await import(pathToFileURL(join(root, 'www', 'app', 'selection.js')).href);
const positions = selectionPositions(model);
const median = (f) => {
  const times = [];
  let result;
  for (let r = 0; r < queryRuns; r++) {
    t0 = performance.now();
    result = f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { result, median: times[Math.floor(times.length / 2)], max: times.at(-1) };
};
const ms = (x) => x.toFixed(2).padStart(6);
for (const [label, filter] of queries) {
  const page = median(() => {
    const selected = corpus.select(filter);
    const visible = selectionVisible(selected, positions);
    const shown = [];
    for (let i = 0; i < model.documents.length && shown.length < 50; i++) {
      if (visible.documents.hasPosition(i)) shown.push(model.documents[i].id);
    }
    const matches = filter.q ? corpus.matches(filter.q, shown) : { hits: [] };
    return { selected, visible, matches };
  });
  const ids = median(() => corpus.query(filter));
  const { counts } = page.result.selected;
  console.log(`query ${label.padEnd(40)} select median ${ms(page.median)} ms, max ${ms(page.max)} ms; ` +
    `query (ids) median ${ms(ids.median)} ms (${counts.documents} docs, ${counts.quotes} quotes, ${counts.entities} entities, ` +
    `${counts.events} events, ${page.result.matches.hits.length} hits on the first page)`);
}
corpus.free();
