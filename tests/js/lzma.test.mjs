// The page's LZMA decoder (www/app/core/lzma.js) against xz, the encoder the bundler uses: every
// combination of literal context, literal position and position bits, inputs that exercise
// literals, long matches and the four repeated distances, the built wasm when there is one,
// and damaged streams, which must throw instead of returning bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeLzma } from '../../www/app/core/lzma.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** xz's .lzma stream of `bytes` with the size written into the header, as the bundler does. */
function encode(bytes, options = 'preset=9e,pb=0,lc=2,nice=128') {
  const stream = execFileSync('xz', ['--format=lzma', `--lzma1=${options}`, '--stdout'], { input: bytes, maxBuffer: 64 << 20 });
  stream.writeUInt32LE(bytes.length, 5);
  stream.writeUInt32LE(0, 9);
  return stream;
}

/** Deterministic bytes: a text-like mix of words, repeats at varied distances, and noise. */
function sample(length, seed) {
  const out = Buffer.alloc(length);
  const words = ['the ', 'minister ', 'said ', 'on ', 'Tuesday ', 'that ', '\u00e9t\u00e9 ', '2026 ', '\n'];
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8;
  for (let at = 0; at < length;) {
    const kind = next() % 4;
    if (kind === 0 && at > 64) {
      const distance = 1 + (next() % Math.min(at, 40000));
      for (let n = 2 + (next() % 300); n > 0 && at < length; n--, at++) out[at] = out[at - distance];
    } else if (kind === 1) {
      out[at++] = next() & 0xff;
    } else {
      for (const c of Buffer.from(words[next() % words.length])) if (at < length) out[at++] = c;
    }
  }
  return out;
}

test('decodes what xz encodes, for every literal and position setting', () => {
  const input = sample(20000, 7);
  for (const [lc, lp, pb] of [[0, 0, 0], [3, 0, 2], [4, 0, 0], [0, 4, 4], [1, 2, 3], [2, 2, 1]]) {
    const decoded = decodeLzma(encode(input, `preset=6,lc=${lc},lp=${lp},pb=${pb}`));
    assert.ok(Buffer.from(decoded).equals(input), `lc=${lc} lp=${lp} pb=${pb}`);
  }
});

test('decodes long matches, short repeats and incompressible runs', () => {
  const inputs = [
    Buffer.alloc(0),
    Buffer.from('a'),
    Buffer.alloc(300000, 0x61),
    Buffer.from('abcabcabcabd'.repeat(5000)),
    sample(400000, 12345),
    Buffer.from(Array.from({ length: 70000 }, (_, i) => (Math.imul(i, 2654435761) >>> 13) & 0xff)),
  ];
  for (const input of inputs) assert.ok(Buffer.from(decodeLzma(encode(input))).equals(input), `${input.length} bytes`);
});

test('decodes the built wasm as the bundler packs it', { skip: !existsSync(`${root}/target/wasm-bindgen/storyscope_bg.page.wasm`) && 'no built wasm' }, () => {
  const wasm = readFileSync(`${root}/target/wasm-bindgen/storyscope_bg.page.wasm`);
  assert.ok(Buffer.from(decodeLzma(encode(wasm))).equals(wasm));
});

test('a damaged stream throws', () => {
  const input = sample(50000, 99);
  const good = encode(input);
  const damaged = (change) => {
    const copy = Buffer.from(good);
    change(copy);
    return copy;
  };
  assert.throws(() => decodeLzma(good.subarray(0, 12)), /damaged \(LZMA: too short\)/);
  assert.throws(() => decodeLzma(good.subarray(0, good.length >> 1)), /damaged \(LZMA: /);
  assert.throws(() => decodeLzma(damaged((b) => { b[0] = 225; })), /bad properties/);
  assert.throws(() => decodeLzma(damaged((b) => b.fill(0xff, 5, 13))), /no size/);
  assert.throws(() => decodeLzma(damaged((b) => { b[13] = 1; })), /bad first byte/);
  // A longer size than the stream holds: the end marker comes first.
  assert.throws(() => decodeLzma(damaged((b) => b.writeUInt32LE(input.length + 10, 5))), /ends early/);
});
