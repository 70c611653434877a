// The two builds of the core extract the same thing: the native CLI (opt-level 3, unwinding)
// and the browser's wasm (opt-level "z", wasm-opt -Oz), on the seeds and every test article.
// Run after scripts/build.sh (make test does); it builds the release CLI if needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
