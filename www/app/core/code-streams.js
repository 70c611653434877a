// The wasm's code section as separate streams, so that LZMA compresses it better: the bundler
// (scripts/bundle.mjs) splits the page's wasm with splitCode before LZMA, and the first worker
// (worker.js) puts it back together with joinCode after decoding it. The functions' opcodes go
// to one stream, and each kind of immediate to its own (call targets, each kind of local index,
// memory offsets and alignments, i32 and i64 constants, branch labels, ...): each stream then
// repeats itself far more than the interleaved bytes did: LZMA codes the page's wasm 5% smaller
// (353.4 -> 335.3 KB in session 12), and 9% with what follows (320.0 KB). A local index is written as its rank among the
// function's locals by last use (move-to-front: 0 is the local used last), which a function's
// few busy locals make more regular still (-3.3 KB). An i32 constant that points into the static
// data (from ADDRESS_BASE, where rustc's wasm puts it after the 1 MiB stack) goes to a stream of
// its own as three bytes of offset, its opcode marked with ADDRESS_OP, a byte no instruction uses
// (-0.9 KB): addresses and small numbers mixed in one stream resembled neither. The commonest
// local instructions (FUSED: local.get of the last two locals used, local.set and local.tee of
// the last one) are one mark each in the opcode stream, with nothing in a local stream (-5 KB),
// and so are the constants 0 to 3 (SMALL_CONSTS: i32.const SMALL_OP + value, -2.1 KB) and each
// load and store at its natural alignment and offset 0 (PLAIN_OP + its place, -0.7 KB), and a
// call of one of the FREQUENT_CALLS functions called most (CALL_OP + its place in the `calls`
// stream, which lists them, -1.6 KB). A body's
// size is not carried at all: the joiner counts the bytes up to the body's last `end` (-1.4 KB).
//
// The transform is exact: other immediates are copied as the LEB128 bytes they were written with
// (never decoded and re-encoded), local indices, addresses and body sizes are recomputed only
// when in their shortest form (the split throws on a padded size or index), and the bundler checks that joinCode(splitCode(wasm)) gives the same bytes before
// the page carries it.
//
// In the static data (the data section's segments), the &str tables and the structs holding
// strings lay their strings out one after the other: a string's pointer is often the end of the
// (pointer, length) pair just before it. Such a word is written as PREDICTED instead, and a word
// that was PREDICTED as that end: a swap, its own inverse, which the joiner undoes from the words
// it has already put back (predictData; 1,387 of the page's 3,391 pointers, LZMA -0.7 KB).
// Every other section is copied unchanged.
//
// The packed form: u32s (little-endian) of the wasm's length, of the count of its bytes up to its
// code section's contents, and of each stream's length (in STREAMS' order), then those head
// bytes, then the streams, then the rest of the wasm after the code section.
//
// Not a general wasm tool: it knows the instructions the core's build uses (MVP, sign extension,
// saturating float-to-int, bulk memory, reference types, multi-value block types, fixed-width
// SIMD; no relaxed SIMD, threads, exceptions or GC) and throws on any other, so the bundler fails
// rather than the page.
// Damaged input throws an Error; it never writes outside its buffers.

const STREAMS = ['count', 'locals', 'op', 'block', 'label', 'func', 'type', 'global', 'misc',
  'local.get', 'local.set', 'local.tee', 'align', 'offset', 'i32', 'i64', 'float', 'address', 'calls'];
const S = Object.fromEntries(STREAMS.map((name, i) => [name, i]));
const LOCAL = [S['local.get'], S['local.set'], S['local.tee']];
const CODE_SECTION = 10;
const I32_CONST = 0x41;
/** The opcode stream's mark for an i32.const whose value is in the address stream. */
const ADDRESS_OP = 0xc5;
const ADDRESS_BASE = 1 << 20;
const ADDRESS_END = ADDRESS_BASE + (1 << 24);
const HEADER_SIZE = 4 * (2 + STREAMS.length);
/** A u32's longest LEB128. */
const MAX_SIZE_BYTES = 5;
/**
 * The local instructions the opcode stream holds whole, as [opcode, rank] (see rankOf), marked
 * FUSED_OP + their position here: bytes no instruction uses, like ADDRESS_OP.
 */
const FUSED = [[0x20, 0], [0x20, 1], [0x21, 0], [0x22, 0]];
const FUSED_OP = 0xc6;
/** The marks of i32.const 0, 1, 2 and 3, after the fused locals'. */
const SMALL_OP = FUSED_OP + FUSED.length;
const SMALL_CONSTS = 4;
/** The loads and stores, 0x28 (i32.load) to 0x3e (i64.store32), and their natural alignments. */
const MEMORY_OP = 0x28;
const NATURAL_ALIGN = [2, 3, 2, 3, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 2, 3, 2, 3, 0, 1, 0, 1, 2];
/**
 * The marks of each load and store at its natural alignment and offset 0: 0xd3 to 0xe9, past
 * ref.null, ref.is_null and ref.func (0xd0-0xd2), bytes no instruction uses.
 */
const PLAIN_OP = 0xd3;
/** The marks of calls of the functions called most, after the plain loads' and stores': 0xea to 0xf9. */
const CALL_OP = PLAIN_OP + NATURAL_ALIGN.length;
const FREQUENT_CALLS = 16;
const DATA_SECTION = 11;
/** What a word of static data that equals the end of the string just before it is written as. */
const PREDICTED = 0xffffffff;
/** A pair of words predicts the next one only when its second is below this (a length, not a pointer). */
const PREDICTING_LENGTH = 1 << 16;
/**
 * The fixed-width SIMD instructions (0xFD, then an opcode as LEB128) take opcodes 0x00 to 0xff
 * but these, which the SIMD proposal's binary encoding leaves unassigned (WebAssembly/spec,
 * proposals/simd/BinarySIMD.md: 236 instructions); relaxed SIMD's (0x100 on) are not known.
 */
const SIMD_UNASSIGNED = new Set([0x9a, 0xa2, 0xa5, 0xa6, 0xaf, 0xb0, 0xb2, 0xb3, 0xb4, 0xbb, 0xc2, 0xc5,
  0xc6, 0xcf, 0xd0, 0xd2, 0xd3, 0xd4, 0xe2, 0xee]);

/**
 * Walks one function body through `io`, which either reads the wasm and writes the streams
 * (splitCode) or reads the streams and writes the wasm (joinCode): the one definition of which
 * bytes go to which stream. `io.leb(s)` moves one LEB128 number and returns its value,
 * `io.byte(s)` one byte, `io.fixed(s, n)` n bytes; `io.local(op, recent)` the local index of
 * local.get, .set or .tee (as its rank in `recent`, which it updates; the split may fuse it into
 * its opcode's mark) and `io.fused(mark, recent)` a fused one back; `io.i32()` an i32.const's
 * value (the split may send it to the address stream or make it a small constant's mark) and
 * `io.address()`, `io.small(value)` a marked one back; `io.memory(i)` the alignment and offset
 * of load or store `i` (the split may make it a plain one's mark) and `io.plain(i)` a marked one
 * back; `io.call()` a call's target (the split may make it a frequent one's mark) and
 * `io.frequent(k)` a marked one back. `io.at` is the position in the wasm.
 */
function walkBody(io) {
  const recent = [];
  io.openBody();
  for (let n = io.leb(S.locals); n > 0; n--) {
    io.leb(S.locals);
    io.leb(S.locals);
  }
  // The body ends with the `end` that closes no block.
  for (let depth = 0; depth >= 0;) {
    const op = io.byte(S.op);
    if (op >= 0x45 && op <= 0xc4) continue; // numeric instructions: no immediate
    if (op === 0x0b) depth--;
    if (op >= 0x20 && op <= 0x22) io.local(op, recent);
    else if (op >= FUSED_OP && op < FUSED_OP + FUSED.length) io.fused(op - FUSED_OP, recent);
    else if (op >= MEMORY_OP && op < MEMORY_OP + NATURAL_ALIGN.length) io.memory(op - MEMORY_OP);
    else if (op >= PLAIN_OP && op < PLAIN_OP + NATURAL_ALIGN.length) io.plain(op - PLAIN_OP);
    else if (op === I32_CONST) io.i32();
    else if (op === ADDRESS_OP) io.address();
    else if (op >= SMALL_OP && op < SMALL_OP + SMALL_CONSTS) io.small(op - SMALL_OP);
    else if (op === 0x42) io.leb(S.i64);
    else if (op === 0x10) io.call();
    else if (op >= CALL_OP && op < CALL_OP + FREQUENT_CALLS) io.frequent(op - CALL_OP);
    else if (op === 0xd2) io.leb(S.func);
    else if (op === 0x0c || op === 0x0d) io.leb(S.label);
    else if (op >= 0x02 && op <= 0x04) {
      io.leb(S.block); // a block type: 0x40, a value type or an s33 index, each a LEB's bytes
      depth++;
    }
    else if (op >= 0x23 && op <= 0x26) io.leb(S.global);
    else if (op === 0x0e) {
      for (let n = io.leb(S.label); n >= 0; n--) io.leb(S.label);
    } else if (op === 0x11) {
      io.leb(S.type);
      io.leb(S.type);
    } else if (op === 0x1c) {
      for (let n = io.leb(S.block); n > 0; n--) io.leb(S.block);
    } else if (op === 0x3f || op === 0x40 || op === 0xd0) io.leb(S.misc);
    else if (op === 0x43) io.fixed(S.float, 4);
    else if (op === 0x44) io.fixed(S.float, 8);
    else if (op === 0xfc) {
      const sub = io.leb(S.op);
      if (sub === 8 || sub === 10 || sub === 12 || sub === 14) {
        io.leb(S.misc);
        io.leb(S.misc);
      } else if (sub === 9 || sub === 11 || sub === 13 || (sub >= 15 && sub <= 17)) io.leb(S.misc);
      else if (sub > 7) throw new Error(`code streams: unknown instruction 0xfc ${sub}`);
    } else if (op === 0xfd) simdImmediates(io, io.leb(S.op));
    else if (op > 0x1b && op !== 0xd1) throw new Error(`code streams: unknown instruction 0x${op.toString(16)}`);
    // else: unreachable, nop, else, end, return, drop, select, ref.is_null: no immediate
  }
  io.closeBody();
}

/**
 * Moves the immediates of SIMD instruction 0xFD `sub` through `io` (see walkBody), as the SIMD
 * proposal's binary encoding lists them: a memarg for the loads and stores (to the alignment
 * and offset streams, like the scalar ones'), and a lane index after it for the lane loads and
 * stores; a lane index for extract_lane and replace_lane; 16 lane indices for i8x16.shuffle;
 * v128.const's 16 bytes to the stream of float constants (raw bits, like theirs).
 */
function simdImmediates(io, sub) {
  if (sub > 0xff || SIMD_UNASSIGNED.has(sub)) throw new Error(`code streams: unknown instruction 0xfd ${sub}`);
  const lane = sub >= 0x54 && sub <= 0x5b; // v128.load8_lane to v128.store64_lane
  if (sub <= 0x0b || sub === 0x5c || sub === 0x5d || lane) {
    io.leb(S.align);
    io.leb(S.offset);
    if (lane) io.byte(S.misc);
  } else if (sub === 0x0c) io.fixed(S.float, 16);
  else if (sub === 0x0d) io.fixed(S.misc, 16);
  else if (sub >= 0x15 && sub <= 0x22) io.byte(S.misc); // extract_lane and replace_lane
  // else: no immediate
}

/** The shortest unsigned LEB128 bytes of `value` (scripts/wasm-imports.mjs writes with it too). */
export function lebBytes(value) {
  const out = [];
  do {
    const low = value % 128;
    value = (value - low) / 128;
    out.push(value > 0 ? low | 0x80 : low);
  } while (value > 0);
  return out;
}

/**
 * Moves `index` to the front of `recent` (the function's locals by last use) and returns the
 * rank it had; one never used before ranks after them all, as their count plus its index.
 */
function rankOf(recent, index) {
  const rank = recent.indexOf(index);
  toFront(recent, rank >= 0 ? rank : recent.length, index);
  return rank >= 0 ? rank : recent.length - 1 + index;
}

/** Puts `index` first in `recent`, in place of its entry at `rank` (or of none at its end). */
function toFront(recent, rank, index) {
  for (let i = rank; i > 0; i--) recent[i] = recent[i - 1];
  recent[0] = index;
}

/** The local index of `rank` in `recent` (see rankOf), moved to the front. */
function indexAt(recent, rank) {
  const known = rank < recent.length;
  const index = known ? recent[rank] : rank - recent.length;
  toFront(recent, known ? rank : recent.length, index);
  return index;
}

/** Reads a LEB128 number from `bytes` at `at`: [value, the position after it]. */
export function readLeb(bytes, at) {
  let value = 0;
  let scale = 1;
  for (;;) {
    const b = bytes[at++];
    if (b === undefined) throw new Error('code streams: truncated input');
    value += (b & 0x7f) * scale;
    if (b < 0x80) return [value, at];
    scale *= 128;
    if (scale > 2 ** 63) throw new Error('code streams: a LEB128 number is too long');
  }
}

/** The wasm's code section: [start of its contents, their end]. */
function codeSection(wasm) {
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    if (id === CODE_SECTION) return [start, start + size];
    at = start + size;
  }
  throw new Error('code streams: the wasm has no code section');
}

/** The packed form of `wasm` (a Uint8Array): see the module's comment. Used by the bundler. */
export function splitCode(wasm) {
  // A first pass counts the calls of each function, for the second's marks.
  const calls = new Map();
  splitStreams(wasm, [], calls);
  const frequent = [...calls].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, FREQUENT_CALLS).map(([f]) => f);
  const [start, end, streams] = splitStreams(wasm, frequent, new Map());
  const header = new DataView(new ArrayBuffer(HEADER_SIZE));
  header.setUint32(0, wasm.length, true);
  header.setUint32(4, start, true);
  streams.forEach((stream, i) => header.setUint32(4 * (i + 2), stream.length, true));
  const rest = Uint8Array.from(wasm.subarray(end));
  predictData(rest, 0, false);
  const parts = [new Uint8Array(header.buffer), wasm.subarray(0, start), ...streams.map((s) => Uint8Array.from(s)), rest];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The code section of `wasm` as streams, with the calls of `frequent` as marks, counting each
 * call's target in `calls`: [start of the section's contents, their end, the streams].
 */
function splitStreams(wasm, frequent, calls) {
  const [start, end] = codeSection(wasm);
  const streams = STREAMS.map(() => []);
  for (const f of frequent) streams[S.calls].push(...lebBytes(f));
  const io = {
    at: start,
    leb(s) {
      const [value, next] = readLeb(wasm, this.at);
      for (let i = this.at; i < next; i++) streams[s].push(wasm[i]);
      this.at = next;
      return value;
    },
    byte(s) {
      // A body without its last `end` would run on past the code section.
      if (this.at >= end) throw new Error('code streams: a function body runs past the code section');
      const b = wasm[this.at++];
      streams[s].push(b);
      return b;
    },
    fixed(s, n) {
      for (let i = 0; i < n; i++) this.byte(s);
    },
    i32() {
      const [value, next] = readLeb(wasm, this.at);
      // Every address's shortest signed LEB128 takes 4 bytes (21 to 25 bits and a clear sign bit
      // fit in 28); a padded one takes more, and a negative number read as unsigned is either
      // shorter (3 bytes) or, at 4 bytes, 2^27 or above, past ADDRESS_END.
      if (value >= ADDRESS_BASE && value < ADDRESS_END && next - this.at === 4) {
        const offset = value - ADDRESS_BASE;
        streams[S.op][streams[S.op].length - 1] = ADDRESS_OP;
        streams[S.address].push(offset & 0xff, (offset >> 8) & 0xff, offset >> 16);
        this.at = next;
      } else if (value < SMALL_CONSTS && next - this.at === 1) {
        streams[S.op][streams[S.op].length - 1] = SMALL_OP + value;
        this.at = next;
      } else this.leb(S.i32);
    },
    address() {
      throw new Error(`code streams: unknown instruction 0x${ADDRESS_OP.toString(16)}`);
    },
    small(value) {
      throw new Error(`code streams: unknown instruction 0x${(SMALL_OP + value).toString(16)}`);
    },
    memory(i) {
      if (wasm[this.at] === NATURAL_ALIGN[i] && wasm[this.at + 1] === 0) {
        streams[S.op][streams[S.op].length - 1] = PLAIN_OP + i;
        this.at += 2;
      } else {
        this.leb(S.align);
        this.leb(S.offset);
      }
    },
    plain(i) {
      throw new Error(`code streams: unknown instruction 0x${(PLAIN_OP + i).toString(16)}`);
    },
    call() {
      const [f, next] = readLeb(wasm, this.at);
      calls.set(f, (calls.get(f) ?? 0) + 1);
      const k = frequent.indexOf(f);
      if (k >= 0 && next - this.at === lebBytes(f).length) {
        streams[S.op][streams[S.op].length - 1] = CALL_OP + k;
        this.at = next;
      } else this.leb(S.func);
    },
    frequent(k) {
      throw new Error(`code streams: unknown instruction 0x${(CALL_OP + k).toString(16)}`);
    },
    /** The body's size is not kept: joinCode counts it. */
    openBody() {
      const [size, next] = readLeb(wasm, this.at);
      if (next - this.at !== lebBytes(size).length) throw new Error('code streams: a body size is not in its shortest LEB128 form');
      this.at = next;
      this.bodyEnd = next + size;
    },
    closeBody() {
      if (this.at !== this.bodyEnd) throw new Error('code streams: a function body does not end where its size says');
    },
    local(op, recent) {
      const [index, next] = readLeb(wasm, this.at);
      if (next - this.at !== lebBytes(index).length) throw new Error('code streams: a local index is not in its shortest LEB128 form');
      this.at = next;
      const rank = rankOf(recent, index);
      const mark = FUSED.findIndex(([o, r]) => o === op && r === rank);
      if (mark >= 0) streams[S.op][streams[S.op].length - 1] = FUSED_OP + mark;
      else streams[LOCAL[op - 0x20]].push(...lebBytes(rank));
    },
    fused(mark) {
      throw new Error(`code streams: unknown instruction 0x${(FUSED_OP + mark).toString(16)}`);
    },
  };
  for (let n = io.leb(S.count); n > 0; n--) walkBody(io);
  if (io.at !== end) throw new Error('code streams: the code section has bytes after its functions');
  return [start, end, streams];
}

/** The wasm back from its packed form (a Uint8Array): the inverse of splitCode. */
export function joinCode(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (packed.length < HEADER_SIZE) throw new Error('code streams: truncated input');
  const head = view.getUint32(4, true);
  const starts = [];
  let from = HEADER_SIZE + head;
  for (let i = 0; i < STREAMS.length; i++) {
    starts.push(from);
    from += view.getUint32(4 * (i + 2), true);
  }
  const tail = from;
  if (tail > packed.length) throw new Error('code streams: truncated input');
  const ends = [...starts.slice(1), tail];
  const length = view.getUint32(0, true);
  // Room for a body written before its size (Joiner.openBody) at the very end.
  const wasm = new Uint8Array(length + MAX_SIZE_BYTES);
  if (head > length) throw new Error('code streams: damaged input');
  wasm.set(packed.subarray(HEADER_SIZE, HEADER_SIZE + head));
  const io = new Joiner(packed, starts, ends, wasm, head);
  for (let n = io.leb(S.count); n > 0; n--) walkBody(io);
  if (io.cursors.some((cursor, i) => cursor !== ends[i])) throw new Error('code streams: damaged input');
  if (io.at + packed.length - tail !== length) throw new Error('code streams: damaged input');
  wasm.set(packed.subarray(tail), io.at);
  predictData(wasm.subarray(0, length), io.at, true);
  return wasm.subarray(0, length);
}

/** joinCode's side of walkBody: reads the streams, writes the wasm. */
class Joiner {
  constructor(packed, starts, ends, wasm, at) {
    this.packed = packed;
    this.cursors = Int32Array.from(starts);
    this.ends = Int32Array.from(ends);
    this.wasm = wasm;
    this.at = at;
    /** The functions whose calls are marks (the `calls` stream). */
    this.calls = [];
    while (this.cursors[S.calls] < this.ends[S.calls]) this.calls.push(this.number(S.calls));
  }

  /** A LEB128 number of stream `s`, not written. */
  number(s) {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = this.take(s);
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      if (shift > 28) throw new Error('code streams: a number is too long');
    }
  }

  call() {
    this.leb(S.func);
  }

  frequent(k) {
    const f = this.calls[k];
    if (f === undefined) throw new Error('code streams: damaged input');
    this.wasm[this.at - 1] = 0x10;
    this.index(f);
  }

  /** The next byte of stream `s`, not written. */
  take(s) {
    const cursor = this.cursors[s];
    if (cursor >= this.ends[s]) throw new Error('code streams: damaged input');
    this.cursors[s] = cursor + 1;
    return this.packed[cursor];
  }

  write(b) {
    if (this.at >= this.wasm.length) throw new Error('code streams: damaged input');
    this.wasm[this.at++] = b;
  }

  byte(s) {
    const b = this.take(s);
    this.write(b);
    return b;
  }

  /** Leaves room for the body's size, which closeBody writes once the body is written. */
  openBody() {
    this.body = this.at + MAX_SIZE_BYTES;
    this.at = this.body;
  }

  closeBody() {
    const size = lebBytes(this.at - this.body);
    const start = this.body - MAX_SIZE_BYTES;
    this.wasm.copyWithin(start + size.length, this.body, this.at);
    this.wasm.set(size, start);
    this.at -= MAX_SIZE_BYTES - size.length;
  }

  /** A LEB128 number of stream `s`, copied to the wasm. */
  leb(s) {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte(s);
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
      if (scale > 2 ** 63) throw new Error('code streams: a LEB128 number is too long');
    }
  }

  fixed(s, n) {
    for (let i = 0; i < n; i++) this.byte(s);
  }

  i32() {
    this.leb(S.i32);
  }

  address() {
    this.wasm[this.at - 1] = I32_CONST;
    let value = ADDRESS_BASE + this.take(S.address) + (this.take(S.address) << 8) + (this.take(S.address) << 16);
    for (; value >= 0x40; value = Math.floor(value / 128)) this.write((value % 128) | 0x80);
    this.write(value);
  }

  small(value) {
    this.wasm[this.at - 1] = I32_CONST;
    this.write(value);
  }

  memory() {
    this.leb(S.align);
    this.leb(S.offset);
  }

  plain(i) {
    this.wasm[this.at - 1] = MEMORY_OP + i;
    this.write(NATURAL_ALIGN[i]);
    this.write(0);
  }

  local(op, recent) {
    this.index(indexAt(recent, this.number(LOCAL[op - 0x20])));
  }

  fused(mark, recent) {
    const [op, rank] = FUSED[mark];
    this.wasm[this.at - 1] = op;
    this.index(indexAt(recent, rank));
  }

  /** A local or function index as its shortest LEB128. */
  index(index) {
    for (; index >= 0x80; index = Math.floor(index / 128)) this.write((index % 128) | 0x80);
    this.write(index);
  }
}

/**
 * Swaps, in place, each aligned word of the active data segments (in the sections of `wasm` from
 * `at`, a section's start) that equals the end of the (pointer into its segment, length below
 * PREDICTING_LENGTH) pair of the two words before it with PREDICTED, and PREDICTED with that end.
 * The end is computed from the words as they were: those just read when splitting, those just
 * written when joining (`decode`), so the same call undoes itself.
 */
function predictData(wasm, at, decode) {
  while (at < wasm.length && wasm[at] !== DATA_SECTION) {
    const [size, start] = readLeb(wasm, at + 1);
    at = start + size;
  }
  if (at >= wasm.length) return;
  let [count, p] = readLeb(wasm, readLeb(wasm, at + 1)[1]);
  for (; count > 0; count--) {
    const [kind, expression] = readLeb(wasm, p);
    // Only active segments of memory 0 at a constant address (what rustc writes) are changed.
    if (kind !== 0 || wasm[expression] !== I32_CONST) throw new Error('code streams: a data segment of another kind');
    const [base, end] = readLeb(wasm, expression + 1);
    if (wasm[end] !== 0x0b) throw new Error('code streams: a data segment of another kind');
    const [length, start] = readLeb(wasm, end + 1);
    if (start + length > wasm.length) throw new Error('code streams: damaged input');
    const view = new DataView(wasm.buffer, wasm.byteOffset + start, length);
    let before = 0;
    let last = 0;
    let predicted = PREDICTED;
    for (let i = -base & 3; i + 4 <= length; i += 4) {
      const word = view.getUint32(i, true);
      const swapped = word === predicted ? PREDICTED : word === PREDICTED ? predicted : word;
      if (swapped !== word) view.setUint32(i, swapped, true);
      before = last;
      last = decode ? swapped : word;
      if (before - base >= 0 && before - base < length && last < PREDICTING_LENGTH) predicted = (before + last) >>> 0;
    }
    p = start + length;
  }
}
