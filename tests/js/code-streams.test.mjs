// The page's code streams (www/app/core/code-streams.js): joinCode(splitCode(wasm)) gives back
// every byte of real modules (a hand-written one with each kind of immediate, and the built
// wasms when there are some), the packed form compresses better, and damaged input throws
// instead of returning bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { joinCode, splitCode } from '../../www/app/core/code-streams.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = ['storyscope_bg.page.wasm', 'storyscope_bg.opt.wasm', 'storyscope_bg.wasm']
  .map((name) => `${root}/target/wasm-bindgen/${name}`)
  .filter((path) => existsSync(path));

const leb = (n) => {
  const out = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  return out;
};
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
/** A body size as LEB128, or padded with one more byte than it needs. */
const size = (n, padded) => (padded ? [...leb(n).map((b) => b | 0x80), 0x00] : leb(n));

/**
 * A valid module whose one function uses an instruction of every immediate kind the walker
 * knows: locals, globals, loads and stores, constants (with a padded LEB, which must survive as
 * written), calls, call_indirect, blocks with each block type, br_table, typed select, ref.func,
 * the 0xFC bulk-memory and table instructions.
 */
function sampleModule({ paddedSize = false, sizeDelta = 0, data = [] } = {}) {
  const body = [
    1, 3, 0x7f, // three i32 locals
    0x02, 0x40, // block (empty type)
    0x03, 0x7f, // loop (result i32)
    0x41, 0x85, 0x80, 0x80, 0x80, 0x00, // i32.const 5 as a padded five-byte LEB
    0x0c, 0x01, // br 1
    0x0b, 0x1a, // end loop, drop its i32
    0x0b, // end block
    0x20, 0x00, 0x21, 0x01, 0x20, 0x00, 0x22, 0x02, 0x1a, // local.get 0, local.set 1, local.get 0, local.tee 2, drop
    0x23, 0x00, 0x24, 0x00, // global.get 0, global.set 0
    0x41, 0x10, 0x28, 0x02, 0x08, 0x1a, // i32.load offset=8
    0x41, 0x10, 0x28, 0x02, 0x00, 0x1a, // i32.load (natural alignment, offset 0: a mark)
    0x41, 0x10, 0x28, 0x00, 0x00, 0x1a, // i32.load align=1 (not natural: stays whole)
    0x41, 0x10, 0x42, 0x00, 0x37, 0x03, 0x00, // i64.store (a mark)
    0x41, 0x10, 0x41, 0x7f, 0x36, 0x02, 0x84, 0x01, // i32.store offset=132
    0x42, 0xff, 0x7e, 0x1a, // i64.const -129, drop
    0x41, 0x80, 0x80, 0xc0, 0x00, 0x1a, // i32.const 2^20 (an address: to the address stream)
    0x41, 0xff, 0xff, 0xbf, 0x08, 0x1a, // i32.const 2^20 + 2^24 - 1 (the last address)
    0x41, 0x80, 0x80, 0xc0, 0x08, 0x1a, // i32.const 2^20 + 2^24 (past them: the i32 stream)
    0x41, 0x80, 0x80, 0xc0, 0x80, 0x00, 0x1a, // i32.const 2^20 padded to five bytes (kept as written)
    0x41, 0x80, 0x80, 0x60, 0x1a, // i32.const -2^19 (read as unsigned, 0x180000: not an address)
    0x43, 0, 0, 0x80, 0x3f, 0x1a, // f32.const 1
    0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0x1a, // f64.const 1
    0x10, 0x00, // call 0 (itself; never run)
    0x41, 0x00, 0x11, 0x00, 0x00, // call_indirect type 0 table 0
    0x41, 0x01, 0x04, 0x40, 0x01, 0x05, 0x01, 0x0b, // if (empty) nop else nop end
    0x02, 0x40, 0x41, 0x00, 0x0e, 0x02, 0x00, 0x00, 0x00, 0x0b, // block br_table 0 0 0 end
    0x41, 0x01, 0x41, 0x02, 0x41, 0x00, 0x1c, 0x01, 0x7f, 0x1a, // select (result i32)
    0xd2, 0x00, 0xd1, 0x1a, // ref.func 0, ref.is_null, drop
    0x3f, 0x00, 0x40, 0x00, 0x1a, // memory.size, memory.grow, drop
    0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x0a, 0x00, 0x00, // memory.copy
    0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x0b, 0x00, // memory.fill
    0x43, 0, 0, 0x80, 0x3f, 0xfc, 0x00, 0x1a, // i32.trunc_sat_f32_s
    0x0b, // end
  ];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]), // type 0: [] -> []
    ...section(3, [1, 0]), // function 0: type 0
    ...section(4, [1, 0x70, 0x00, 1]), // a funcref table of 1
    ...section(5, [1, 0x00, 1]), // a memory of 1 page
    ...section(6, [1, 0x7f, 0x01, 0x41, 0x00, 0x0b]), // a mutable i32 global
    ...section(9, [1, 0x00, 0x41, 0x00, 0x0b, 1, 0x00]), // the table holds function 0 (declared for ref.func)
    ...section(10, [1, ...size(body.length + sizeDelta, paddedSize), ...body]),
    ...(data.length ? section(11, [1, 0x00, 0x41, ...leb(DATA_BASE), 0x0b, ...leb(data.length), ...data]) : []),
    ...section(0, [4, ...Buffer.from('name')]), // a custom section after the code
  ]);
}

/** Where the sample's static data starts (one active segment). */
const DATA_BASE = 0x100;
const words = (...values) => values.flatMap((v) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24]);
/**
 * Static data as rustc lays out a table of &str: the strings "ab" and "cde" (and padding), then
 * (pointer, length) pairs; the second pointer is the first string's end. Then a word that is the
 * mark itself (0xffffffff), where the next string would start, and a plain 7.
 */
const TABLE = [...Buffer.from('abcde\0\0\0'), ...words(DATA_BASE, 2, DATA_BASE + 2, 3, 0xffffffff, 7)];

test('the sample module is valid wasm, and comes back byte for byte', () => {
  const wasm = sampleModule();
  assert.ok(WebAssembly.validate(wasm), 'the sample must be valid for the test to mean anything');
  const packed = splitCode(wasm);
  assert.equal(new DataView(packed.buffer).getUint32(0, true), wasm.length, 'the header gives the size');
  assert.notDeepEqual(packed.subarray(4 * 21, 4 * 21 + wasm.length), wasm, 'the code is reordered');
  const view = new DataView(packed.buffer);
  assert.equal(view.getUint32(4 * 19, true), 6, 'two addresses, three bytes each');
  // local.get 0 (rank 0) and the second local.get 0 (rank 1) are fused into the opcode stream;
  // local.set 1 and local.tee 2 (first uses, larger ranks) keep their ranks in their streams.
  let at = 4 * 21 + view.getUint32(4, true) + view.getUint32(8, true) + view.getUint32(12, true);
  const ops = [...packed.subarray(at, at + view.getUint32(16, true))];
  assert.ok(ops.includes(0xc6) && ops.includes(0xc7), 'fused local.get marks');
  assert.ok(!ops.includes(0x20), 'no local.get left whole');
  // i32.const 0, 1 and 2 are marks too (0xca + value); 5, 16, 127 and the rest are not.
  assert.ok([0xca, 0xcb, 0xcc].every((mark) => ops.includes(mark)), 'small constants as marks');
  assert.ok(ops.includes(0xd3) && ops.includes(0xd3 + 0x37 - 0x28), 'plain i32.load and i64.store as marks');
  assert.equal(ops.filter((op) => op === 0x28).length, 2, 'the other two i32.loads stay whole');
  // The one function called is the most called: its call is a mark, listed in the calls stream.
  assert.ok(ops.includes(0xea) && !ops.includes(0x10), 'the call as a mark');
  assert.equal(view.getUint32(4 * 20, true), 1, 'the calls stream lists one function');
  assert.ok(ops.includes(0x41), 'other constants stay i32.const');
  // i32.load offset=8 and i32.store offset=132 keep their memargs; memory.copy's are not memargs.
  assert.ok(ops.includes(0x28) && ops.includes(0x36), 'loads and stores with offsets stay whole');
  assert.equal(view.getUint32(4 * 12, true), 1, 'local.set keeps one rank');
  assert.equal(view.getUint32(4 * 13, true), 1, 'local.tee keeps one rank');
  assert.deepEqual(joinCode(packed), wasm);
});

test('the built wasms come back byte for byte, and LZMA codes them smaller', { skip: built.length === 0 && 'no built wasm' }, () => {
  const lzma = (bytes) => execFileSync('xz', ['--format=lzma', '--lzma1=preset=9e,pb=0', '--stdout'], { input: bytes, maxBuffer: 64 << 20 }).length;
  for (const path of built) {
    const wasm = readFileSync(path);
    const packed = splitCode(wasm);
    assert.ok(Buffer.from(joinCode(packed)).equals(wasm), path);
    if (path.endsWith('.page.wasm')) assert.ok(lzma(packed) < lzma(wasm) * 0.97, `${path}: ${lzma(packed)} vs ${lzma(wasm)}`);
  }
});

test('a pointer to the end of the string before it is written as a mark in the static data', () => {
  const wasm = sampleModule({ data: TABLE });
  assert.ok(WebAssembly.validate(wasm), 'the sample with its data must be valid');
  const packed = splitCode(wasm);
  const data = Buffer.from(TABLE);
  const at = Buffer.from(packed).indexOf(data.subarray(0, 16));
  assert.ok(at > 0, 'the strings and the first pair are copied as they are');
  assert.deepEqual([...packed.subarray(at + 16, at + 32)], words(0xffffffff, 3, DATA_BASE + 5, 7),
    'the predicted pointer is the mark, and the mark is the pointer predicted there');
  assert.deepEqual(joinCode(packed), wasm);
});

test('an instruction it does not know stops the split', () => {
  const wasm = sampleModule();
  const simd = Array.from(wasm);
  const end = simd.lastIndexOf(0x0b, simd.length - 8); // the body's final `end`
  simd[end] = 0xfd; // a SIMD prefix where `end` was
  assert.throws(() => splitCode(Uint8Array.from(simd)), /unknown instruction 0xfd|ends inside/);
  simd[end] = 0xc5; // the address mark is no instruction in a wasm
  assert.throws(() => splitCode(Uint8Array.from(simd)), /unknown instruction 0xc5/);
  simd[end] = 0xc6; // nor is a fused local's
  assert.throws(() => splitCode(Uint8Array.from(simd)), /unknown instruction 0xc6/);
  simd[end] = 0xcd; // nor a small constant's
  assert.throws(() => splitCode(Uint8Array.from(simd)), /unknown instruction 0xcd/);
  simd[end] = 0xe9; // nor a plain load's or store's
  assert.throws(() => splitCode(Uint8Array.from(simd)), /unknown instruction 0xe9/);
  simd[end] = 0xf9; // nor a frequent call's
  assert.throws(() => splitCode(Uint8Array.from(simd)), /unknown instruction 0xf9/);
  assert.throws(() => splitCode(wasm.subarray(0, 8)), /no code section/);
  // A body size padded to more bytes than it needs could not be rebuilt from the body: refused.
  const padded = sampleModule({ paddedSize: true });
  assert.ok(WebAssembly.validate(padded), 'a padded size is valid wasm');
  assert.throws(() => splitCode(padded), /body size is not in its shortest LEB128 form/);
  // A body whose size says less than its instructions take.
  const short = sampleModule({ sizeDelta: -1 });
  assert.throws(() => splitCode(short), /does not end where its size says|runs past/);
});

test('damaged packed input throws', () => {
  const packed = splitCode(sampleModule());
  assert.throws(() => joinCode(packed.subarray(0, 20)), /truncated/);
  assert.throws(() => joinCode(packed.subarray(0, packed.length - 9)), /damaged|truncated/);
  const longer = Uint8Array.from(packed);
  longer[4 * 4] += 1; // the opcode stream's length one more
  assert.throws(() => joinCode(longer), /damaged|truncated/);
  const opcode = Uint8Array.from(packed);
  // The opcode stream's first byte (block) becomes 0xfd, which no walker knows.
  const view = new DataView(opcode.buffer);
  let at = 4 * 21 + view.getUint32(4, true);
  at += view.getUint32(8, true) + view.getUint32(12, true);
  opcode[at] = 0xfd;
  assert.throws(() => joinCode(opcode), /unknown instruction|damaged/);
});
