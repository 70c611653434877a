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

/**
 * A valid module whose one function uses a SIMD instruction of every immediate kind: a memarg
 * (v128.load, v128.store, v128.load64_zero), a memarg and a lane (v128.load32_lane), v128.const's
 * 16 bytes, i8x16.shuffle's 16 lanes, a lane (i32x4.extract_lane), none (i32x4.max_s, whose
 * opcode 0xb8 takes two LEB128 bytes, i32x4.splat, v128.any_true, i32x4.bitmask), and a v128
 * local. `last` replaces the final SIMD instruction's opcode bytes (for the unknown ones).
 */
function simdModule(last = [0xa4, 0x01]) {
  const v128 = (first) => Array.from({ length: 16 }, (_, i) => first + i);
  const body = [
    1, 1, 0x7b, // one v128 local
    0x41, 0x00, 0xfd, 0x00, 0x04, 0x00, // i32.const 0, v128.load align=16
    0xfd, 0x0c, ...v128(1), // v128.const
    0xfd, 0xb8, 0x01, // i32x4.max_s
    0x22, 0x00, 0x20, 0x00, // local.tee 0, local.get 0
    0xfd, 0x0d, ...v128(8), // i8x16.shuffle (lanes 8 to 23 of the two)
    0xfd, 0x1b, 0x03, 0x1a, // i32x4.extract_lane 3, drop
    0x41, 0x00, 0x20, 0x00, 0xfd, 0x0b, 0x04, 0x10, // i32.const 0, local.get 0, v128.store offset=16
    0x41, 0x04, 0x41, 0x07, 0xfd, 0x11, // i32.const 4, i32.const 7, i32x4.splat
    0xfd, 0x56, 0x02, 0x00, 0x02, // v128.load32_lane align=4 lane 2
    0xfd, 0x53, 0x1a, // v128.any_true, drop
    0x41, 0x00, 0xfd, 0x5d, 0x03, 0x08, // i32.const 0, v128.load64_zero offset=8
    0xfd, ...last, 0x1a, // i32x4.bitmask, drop
    0x0b, // end
  ];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0x00, 1]),
    ...section(10, [1, ...leb(body.length), ...body]),
  ]);
}

test('a module with SIMD instructions comes back byte for byte', () => {
  const wasm = simdModule();
  assert.ok(WebAssembly.validate(wasm), 'the SIMD sample must be valid for the test to mean anything');
  const packed = splitCode(wasm);
  assert.deepEqual(joinCode(packed), wasm);
  const view = new DataView(packed.buffer);
  // v128.const's 16 bytes go with the float constants; the shuffle's 16 lanes and the two lane
  // indices to the misc stream; the four memargs to the alignment and offset streams.
  assert.equal(view.getUint32(4 * (2 + 16), true), 16, 'the float stream holds v128.const');
  assert.equal(view.getUint32(4 * (2 + 8), true), 18, 'the misc stream holds the lanes');
  assert.equal(view.getUint32(4 * (2 + 12), true), 4, 'four alignments');
  assert.equal(view.getUint32(4 * (2 + 13), true), 4, 'four offsets');
});

test('an unassigned or relaxed SIMD opcode stops the split', () => {
  assert.ok(!WebAssembly.validate(simdModule([0x9a, 0x01])), '0xfd 0x9a is no instruction');
  assert.throws(() => splitCode(simdModule([0x9a, 0x01])), /unknown instruction 0xfd 154/);
  assert.throws(() => splitCode(simdModule([0xee, 0x01])), /unknown instruction 0xfd 238/);
  // relaxed SIMD's i8x16.relaxed_swizzle (0x100): a real instruction, not one the walker knows.
  assert.throws(() => splitCode(simdModule([0x80, 0x02])), /unknown instruction 0xfd 256/);
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
  simd[end] = 0xfe; // a threads prefix where `end` was
  assert.throws(() => splitCode(Uint8Array.from(simd)), /unknown instruction 0xfe/);
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
  // The opcode stream's first byte (block) becomes 0xfe, which no walker knows.
  const view = new DataView(opcode.buffer);
  let at = 4 * 21 + view.getUint32(4, true);
  at += view.getUint32(8, true) + view.getUint32(12, true);
  opcode[at] = 0xfe;
  assert.throws(() => joinCode(opcode), /unknown instruction|damaged/);
});
