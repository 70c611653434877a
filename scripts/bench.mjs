// Benchmark of sizes and queries: prints the dist sizes, then builds a 10,000-article corpus
// with `newCorpus` and times the page's queries. Usage: node scripts/bench.mjs [--articles N]
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateArticles } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
// Extraction throughput is scripts/bench-extract.mjs's; this script loads the core in Node's
// V8 for the sizes and the queries.
const core = await import(pathToFileURL(join(root, 'target', 'wasm-bindgen', 'storyscope.js')).href);
await core.default({ module_or_path: readFileSync(join(root, 'target', 'wasm-bindgen', 'storyscope_bg.opt.wasm')) });

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
// What the page calls on a// What the page calls on a change of filters: `select` (bitsets by position) and its visible
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
