// The two builds of the core extract the same thing: the native CLI (opt-level 3, unwinding)
// and the browser's wasm (opt-level "z", wasm-opt -Oz), on the seeds and every test article.
// Run after scripts/build.sh (make test does); it builds the release CLI if needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dirs = ['tests/articles', 'tests/quotes', 'tests/entities', 'tests/times', 'tests/events'];

test('the native CLI and the wasm give the same extraction', async () => {
  execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'storyscope'], { cwd: root, stdio: 'inherit' });
  const paths = dirs.map((d) => join(root, d));
  const native = JSON.parse(execFileSync(join(root, 'target', 'release', 'storyscope'),
    ['extract', '--compact', '--seeds', ...paths], { maxBuffer: 2 ** 28, stdio: ['ignore', 'pipe', 'ignore'] }).toString());

  // The same inputs as the CLI reads them: article files of each folder in name order, ids
  // from the file stems.
  const articles = [];
  for (const dir of dirs) {
    for (const name of readdirSync(join(root, dir)).sort()) {
      if (!/\.(txt|text|md|markdown|html|htm)$/i.test(name)) continue;
      articles.push({ id: name.replace(/\.[^.]+$/, ''), name: join(root, dir, name), content: readFileSync(join(root, dir, name), 'utf8') });
    }
  }
  const core = await import(pathToFileURL(join(root, 'target', 'wasm-bindgen', 'storyscope.js')).href);
  await core.default({ module_or_path: readFileSync(join(root, 'target', 'wasm-bindgen', 'storyscope_bg.opt.wasm')) });
  const { failures, ...wasm } = core.extract(articles, true);

  assert.ok(native.documents.length > 40, `only ${native.documents.length} documents`);
  for (const key of ['documents', 'quotes', 'entities', 'times', 'events']) {
    assert.equal(wasm[key].length, native[key].length, `${key}: as many in both builds`);
    assert.deepEqual(wasm[key], native[key], `${key}: the same in both builds`);
  }
});

// Long documents (scripts/merge-scaling.mjs's cases at 8 KB: hundreds of names a document,
// many people of one surname, one person under many spellings and titles), where the corpus
// merge searches through its indexes and deduplicates aliases and roles at the end (src/entities/merge.rs):
// the wasm's merge is the native one.
test('the native CLI and the wasm merge long documents the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyscope-merge-'));
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'merge-scaling.mjs'), dir, '8', '1'], { stdio: 'ignore' });
    const cases = readdirSync(dir).sort();
    assert.ok(cases.length >= 6, cases.join(' '));
    const core = await import(pathToFileURL(join(root, 'target', 'wasm-bindgen', 'storyscope.js')).href);
    await core.default({ module_or_path: readFileSync(join(root, 'target', 'wasm-bindgen', 'storyscope_bg.opt.wasm')) });
    for (const name of cases) {
      const path = join(dir, name, 'doc.txt');
      const native = JSON.parse(execFileSync(join(root, 'target', 'release', 'storyscope'), ['extract', '--compact', path],
        { maxBuffer: 2 ** 28, stdio: ['ignore', 'pipe', 'ignore'] }).toString());
      const { failures, ...wasm } = core.extract([{ id: 'doc', name: path, content: readFileSync(path, 'utf8') }], false);
      assert.equal(failures.length, 0, name);
      assert.ok(native.entities.length > 0, name);
      assert.deepEqual(wasm.entities, native.entities, `${name}: the same entities in both builds`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
