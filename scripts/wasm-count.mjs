// Runs the built wasm (target/wasm-bindgen, or STORYSCOPE_WASM_DIR) in Node over a folder of
// articles, for instruction counts of the wasm's paths with callgrind (measuring only):
//   valgrind --tool=callgrind node --no-liftoff scripts/wasm-count.mjs DIR PATH WARM RUNS
// PATH is `extract` (extract() of all the articles) or `page` (what the page's workers run:
// extractArticle per article, then newCorpusFromParts and modelJson). WARM runs go first, RUNS after; the steady-state cost of
// a run is (count(WARM + RUNS) - count(WARM)) / RUNS, measured by two processes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [dir, path = 'extract', warm = '1', runs = '0'] = process.argv.slice(2);
const wasmDir = process.env.STORYSCOPE_WASM_DIR || join(root, 'target', 'wasm-bindgen');
const module = new WebAssembly.Module(readFileSync(join(wasmDir, 'storyscope_bg.opt.wasm')));
const articles = readdirSync(dir).sort().map((name) => ({
  id: name.replace(/\.[^.]+$/, ''), name, content: readFileSync(join(dir, name), 'utf8'),
}));
let out = 0;
// As the bench runs them: extract() in one instance; the page's path in a fresh instance each
// run (a fresh copy of the glue, instantiating the one compiled module), as each of its runs is
// in a fresh worker, so start-up tables and the word cache are paid by every run.
const run = async (k) => {
  const copy = path === 'extract' ? 0 : k;
  const glue = await import(`${pathToFileURL(join(wasmDir, 'storyscope.js')).href}?${copy}`);
  glue.initSync({ module });
  if (path === 'extract') {
    out += JSON.stringify(glue.extract(articles, false)).length;
  } else {
    const parts = [];
    for (const a of articles) { try { parts.push(glue.extractArticle(a)); } catch {} }
    const corpus = glue.newCorpusFromParts(parts, false);
    out += corpus.modelJson().length;
    corpus.free();
  }
};
for (let k = 0; k < Number(warm) + Number(runs); k++) await run(k);
console.log(path, articles.length, 'articles', out, 'chars out');
