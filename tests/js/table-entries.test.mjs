// The page's wasm without the function-table entries only its panics' messages used
// (scripts/bundle.mjs deadTableEntries, from the linked wasm's relocations: scripts/wasm-relocs.mjs):
// `char`'s, `Range`'s and `&usize`'s Debug and `Arguments`' Display are gone or `unreachable`
// in target/wasm-bindgen/storyscope_bg.page.named.wasm, while the integers' Display, which the
// core's own code formats with (dates, sizes), keeps its code. Run after scripts/build.sh (make
// test does); page-agree.test.mjs checks that the page's wasm still answers as the whole API's.
// And the constants no running code reads are zeroed (withoutUnreachedConstants): the unicode
// table only `char`'s Debug read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import binaryen from 'binaryen';
import { readLeb } from '../../www/app/core/code-streams.js';

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

test("the page's wasm zeroes the constants no running code reads", () => {
  const map = readFileSync(join(root, 'target', 'wasm32-unknown-unknown', 'wasm', 'storyscope.map'), 'utf8');
  const line = map.split('\n').find((l) => /:\(\.rodata\.\S*grapheme_extend\S*OFFSETS\)$/.test(l.trim()));
  assert.ok(line, "no grapheme_extend OFFSETS in the linker's map");
  const [address, , size] = line.trim().split(/\s+/).map((x) => parseInt(x, 16));
  const wasm = readFileSync(join(root, 'target', 'wasm-bindgen', 'storyscope_bg.page.wasm'));
  let bytes = null;
  for (let at = 8; at < wasm.length;) {
    const [length, body] = readLeb(wasm, at + 1);
    if (wasm[at] === 11) {
      let [count, p] = readLeb(wasm, body);
      for (let k = 0; k < count; k++) {
        let start, n;
        [, p] = readLeb(wasm, p);
        [start, p] = readLeb(wasm, p + 1);
        [n, p] = readLeb(wasm, p + 1);
        if (start <= address && address + size <= start + n) bytes = wasm.subarray(p + address - start, p + address - start + size);
        p += n;
      }
    }
    at = body + length;
  }
  assert.ok(bytes, 'the table is in no data segment');
  assert.ok(bytes.every((b) => b === 0), 'the unicode table only char\'s Debug read is still there');
});
