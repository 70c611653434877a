// The page's own wasm (target/wasm-bindgen/storyscope_bg.page.wasm: the whole API's module
// without the exports the page never calls, its panic messages, locations and the constants
// only they used, scripts/bundle.mjs) answers the page's calls as the whole API's optimized
// wasm (storyscope_bg.opt.wasm) does: the same part for each test article, the same corpus
// model, selections, filter checks, search matches, documents and entity profiles. Run after
// scripts/build.sh (make test does). The page's wasm imports by short names (scripts/wasm-imports.mjs):
// its glue here is wasm-bindgen's, renamed the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { shortenImports } from '../../scripts/wasm-imports.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'target', 'wasm-bindgen');
const dirs = ['tests/articles', 'tests/quotes', 'tests/entities', 'tests/times', 'tests/events'];

/** What `call` returns or throws, comparable as JSON (typed arrays as arrays). */
function answer(call) {
  let value;
  try {
    value = { ok: call() };
  } catch (e) {
    value = { error: String(e?.message ?? e) };
  }
  return JSON.stringify(value, (_, x) => (ArrayBuffer.isView(x) ? [...x] : x));
}

test("the page's wasm answers as the whole API's", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyscope-page-'));
  try {
    // The short names follow the order of the imports once the functions are ordered by name,
    // as the bundler's last wasm-opt step leaves them.
    const flags = readFileSync(join(root, 'wasm-pack.toml'), 'utf8').match(/^wasm_opt_flags\s*=\s*"([^"]*)"/m)[1]
      .split(/\s+/).filter((f) => f.startsWith('--enable-'));
    execFileSync(join(root, 'node_modules', '.bin', 'wasm-opt'), ['--reorder-functions-by-name', ...flags,
      join(out, 'storyscope_bg.page.named.wasm'), '-o', join(dir, 'ordered.wasm')]);
    const glue = readFileSync(join(out, 'storyscope.js'), 'utf8');
    const [, pageGlue] = shortenImports(readFileSync(join(dir, 'ordered.wasm')), glue);
    writeFileSync(join(dir, 'whole.mjs'), glue);
    writeFileSync(join(dir, 'page.mjs'), pageGlue);
    const whole = await import(pathToFileURL(join(dir, 'whole.mjs')).href);
    const page = await import(pathToFileURL(join(dir, 'page.mjs')).href);
    whole.initSync({ module: new WebAssembly.Module(readFileSync(join(out, 'storyscope_bg.opt.wasm'))) });
    page.initSync({ module: new WebAssembly.Module(readFileSync(join(out, 'storyscope_bg.page.wasm'))) });

    const parts = { whole: [], page: [] };
    for (const d of dirs) {
      for (const name of readdirSync(join(root, d)).sort()) {
        if (!/\.(txt|text|md|markdown|html|htm)$/i.test(name)) continue;
        const article = { id: name, name, content: readFileSync(join(root, d, name), 'utf8') };
        const w = answer(() => whole.extractArticle(article, () => {}));
        assert.equal(answer(() => page.extractArticle(article, () => {})), w, `${d}/${name}: the same part`);
        const part = JSON.parse(w).ok;
        if (part) {
          parts.whole.push(Uint8Array.from(part));
          parts.page.push(Uint8Array.from(part));
        }
      }
    }
    assert.ok(parts.whole.length > 100, `only ${parts.whole.length} parts`);
    const corpora = { whole: whole.newCorpusFromParts(parts.whole, true, () => {}), page: page.newCorpusFromParts(parts.page, true, () => {}) };
    const both = (what, call) => assert.equal(answer(() => call(corpora.page)), answer(() => call(corpora.whole)), what);
    both('the model', (c) => c.modelJson());
    const model = JSON.parse(corpora.whole.modelJson());
    const ids = model.documents.map((d) => d.id);
    const filters = [{}, { q: 'said' }, { q: 'the president' }, { kinds: ['person'] }, { from: '2010-01-01', to: '2012-12-31' },
      { from: 'not a date' }, ...model.entities.slice(0, 20).map((e) => ({ entities: [e.id] })), ...ids.slice(0, 5).map((id) => ({ docs: [id] }))];
    for (const filter of filters) {
      both(`select ${JSON.stringify(filter)}`, (c) => c.select(filter));
      both(`checkFilter ${JSON.stringify(filter)}`, (c) => c.checkFilter(filter));
    }
    for (const q of ['said', 'president', 'the', 'zzz', '']) both(`matches ${q}`, (c) => c.matches(q, ids));
    for (const id of ids) both(`document ${id}`, (c) => c.document(id));
    for (const e of model.entities) both(`entityProfile ${e.id}`, (c) => c.entityProfile(e.id));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
