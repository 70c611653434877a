// The page's wasm without the function-table entries only its panics' messages used
// (scripts/bundle.mjs deadTableEntries, from the linked wasm's relocations: scripts/wasm-relocs.mjs):
// `char`'s, `Range`'s and `&usize`'s Debug and `Arguments`' Display are gone or `unreachable`
// in target/wasm-bindgen/storyscope_bg.page.named.wasm, while the integers' Display, which the
// core's own code formats with (dates, sizes), keeps its code. Run after scripts/build.sh (make
// test does); page-agree.test.mjs checks that the page's wasm still answers as the whole API's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import binaryen from 'binaryen';

const root = fileURLToPath(new URL('../..', import.meta.url));

test("the page's wasm keeps only the table entries it can call", () => {
  const module = binaryen.readBinary(readFileSync(join(root, 'target', 'wasm-bindgen', 'storyscope_bg.page.named.wasm')));
  try {
    const bodies = new Map();
    for (let i = 0; i < module.getNumFunctions(); i++) {
      const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
      if (!info.module) bodies.set(info.name, binaryen.getExpressionId(info.body) === binaryen.UnreachableId ? 'unreachable' : 'code');
    }
    const live = (pattern) => [...bodies].filter(([name, body]) => pattern.test(name) && body === 'code').map(([name]) => name);
    for (const gone of [/^<char as core(?:\[\w+\])?::fmt::Debug>::fmt/, /^<core(?:\[\w+\])?::ops::range::Range<usize> as core(?:\[\w+\])?::fmt::Debug>::fmt/,
      /^<&usize as core(?:\[\w+\])?::fmt::Debug>::fmt/, /^<core(?:\[\w+\])?::fmt::Arguments as core(?:\[\w+\])?::fmt::Display>::fmt/]) {
      assert.deepEqual(live(gone), [], `${gone} still has code`);
    }
    assert.ok(live(/^<u32 as core(?:\[\w+\])?::fmt::Display>::fmt/).length > 0, "u32's Display lost its code");
  } finally {
    module.dispose();
  }
});
