// Reads the linked wasm's relocations (wasm-ld --emit-relocs, which scripts/build.sh asks for:
// the custom sections `linking`, `reloc.CODE` and `reloc.DATA` of the tool-conventions'
// Linking.md) for scripts/bundle.mjs: which function-table entries the page's wasm can still
// reach. A function pointer in wasm is an index into the table, a small number that any data
// may hold by chance, so the finished wasm alone cannot tell which entries are dead; the
// relocations name each place that holds a function's table index exactly: an instruction of a
// function's code, or a word of a constant (a trait object's vtable). And which constants any
// running code can address at all. The functions' names are
// demangled with c++filt (binutils), as wasm-bindgen's output names them. Does not write
// anything: bundle.mjs decides, from these facts and the finished code, what to stub.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readLeb } from '../www/app/core/code-streams.js';

const sleb = (b, at) => {
  let r = 0n, shift = 0n, x;
  do {
    x = b[at++];
    r |= BigInt(x & 0x7f) << shift;
    shift += 7n;
  } while (x & 0x80);
  if (x & 0x40) r -= 1n << shift;
  return [Number(BigInt.asIntN(64, r)), at];
};
/** Relocation types that carry an addend (Linking.md). */
const ADDEND = new Set([3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25]);
/** Table-index relocation types. */
const TABLE_INDEX = new Set([1, 2, 12, 18, 19, 24]);
/** R_WASM_TYPE_INDEX_LEB: a `call_indirect`'s type, whose index is a type's, not a symbol's. */
const TYPE_INDEX = 6;

/**
 * The table entries of the linked wasm at `path`: for each function the table holds, its
 * (demangled) name, the functions whose code writes its index, and the constants (symbol name,
 * address and size) whose words hold it; `reached(f)` whether function `f` runs: is reached from the exports that
 * `roots(names)` keeps and is not cut, through calls and the table indices and constants' addresses code
 * takes (and the ones those constants hold), but not through a function for which `cut(name)`
 * holds; `constantReached(c)` whether a constant is reached so; `sharedName(name)` whether two
 * functions have that name; `cutNames` the names of the functions cut; `constants` every
 * constant (data symbol: name, address, size) of the module. Throws unless the
 * wasm carries the sections wasm-ld's --emit-relocs writes, in the form read here.
 */
export function tableEntries(path, roots, cut) {
  const w = readFileSync(path);
  const sections = [];
  for (let at = 8; at < w.length;) {
    const id = w[at];
    let size, body;
    [size, at] = readLeb(w, at + 1);
    let name = null;
    body = at;
    if (id === 0) {
      let n;
      [n, body] = readLeb(w, at);
      name = w.subarray(body, body + n).toString();
      body += n;
    }
    sections.push({ id, start: at, end: at + size, name, body });
    at += size;
  }
  const section = (id, name) => {
    const s = sections.find((s) => s.id === id && (name === undefined || s.name === name));
    if (!s) throw new Error(`wasm-relocs: ${path} has no ${name ?? `section ${id}`} (was it linked with --emit-relocs?)`);
    return s;
  };
  let p, n;
  // Imported functions come first in the function index space.
  let imported = 0;
  [n, p] = readLeb(w, section(2).start);
  for (let i = 0; i < n; i++) {
    let l;
    [l, p] = readLeb(w, p); p += l;
    [l, p] = readLeb(w, p); p += l;
    const kind = w[p++];
    if (kind === 0) { [, p] = readLeb(w, p); imported++; }
    else if (kind === 1 || kind === 2) {
      if (kind === 1) p++;
      const flags = w[p++];
      [, p] = readLeb(w, p);
      if (flags & 1) [, p] = readLeb(w, p);
    } else if (kind === 3) p += 2;
    else throw new Error(`wasm-relocs: an import of kind ${kind}`);
  }
  const mangled = new Map();
  const names = section(0, 'name');
  for (p = names.body; p < names.end;) {
    const sub = w[p++];
    let len;
    [len, p] = readLeb(w, p);
    const end = p + len;
    if (sub === 1) {
      [n, p] = readLeb(w, p);
      for (let i = 0; i < n; i++) {
        let index, l;
        [index, p] = readLeb(w, p);
        [l, p] = readLeb(w, p);
        mangled.set(index, w.subarray(p, p + l).toString());
        p += l;
      }
    }
    p = end;
  }
  const indices = [...mangled.keys()];
  const demangled = execFileSync('c++filt', { input: indices.map((i) => mangled.get(i)).join('\n'), maxBuffer: 1 << 28 }).toString().split('\n');
  const nameOf = new Map(indices.map((f, k) => [f, demangled[k]]));
  const exports = new Map();
  [n, p] = readLeb(w, section(7).start);
  for (let i = 0; i < n; i++) {
    let l, index;
    [l, p] = readLeb(w, p);
    const name = w.subarray(p, p + l).toString();
    p += l;
    const kind = w[p++];
    [index, p] = readLeb(w, p);
    if (kind === 0) exports.set(name, index);
  }
  const code = section(10);
  const bodies = [];
  [n, p] = readLeb(w, code.start);
  for (let i = 0; i < n; i++) {
    let l;
    [l, p] = readLeb(w, p);
    bodies.push([p - code.start, p - code.start + l]);
    p += l;
  }
  const data = section(11);
  const segments = [];
  [n, p] = readLeb(w, data.start);
  for (let i = 0; i < n; i++) {
    let flags, address, length;
    [flags, p] = readLeb(w, p);
    if (flags !== 0 || w[p] !== 0x41) throw new Error('wasm-relocs: a data segment of another form');
    [address, p] = sleb(w, p + 1);
    if (w[p++] !== 0x0b) throw new Error('wasm-relocs: a data segment of another form');
    [length, p] = readLeb(w, p);
    segments.push({ address: address >>> 0, start: p - data.start, end: p - data.start + length });
    p += length;
  }
  const table = new Set();
  [n, p] = readLeb(w, section(9).start);
  for (let i = 0; i < n; i++) {
    let flags, count;
    [flags, p] = readLeb(w, p);
    if (flags !== 0 || w[p] !== 0x41) throw new Error('wasm-relocs: an element segment of another form');
    [, p] = sleb(w, p + 1);
    if (w[p++] !== 0x0b) throw new Error('wasm-relocs: an element segment of another form');
    [count, p] = readLeb(w, p);
    for (let j = 0; j < count; j++) {
      let f;
      [f, p] = readLeb(w, p);
      table.add(f);
    }
  }
  const symbols = [];
  const linking = section(0, 'linking');
  let version;
  [version, p] = readLeb(w, linking.body);
  if (version !== 2) throw new Error(`wasm-relocs: linking section version ${version}`);
  while (p < linking.end) {
    const sub = w[p++];
    let len;
    [len, p] = readLeb(w, p);
    const end = p + len;
    if (sub === 8) {
      [n, p] = readLeb(w, p);
      for (let i = 0; i < n; i++) {
        const kind = w[p++];
        let flags;
        [flags, p] = readLeb(w, p);
        const symbol = { kind };
        if (kind === 0 || kind === 2 || kind === 4 || kind === 5) {
          [symbol.index, p] = readLeb(w, p);
          if (!(flags & 0x10) || (flags & 0x40)) {
            let l;
            [l, p] = readLeb(w, p);
            p += l;
          }
        } else if (kind === 1) {
          let l;
          [l, p] = readLeb(w, p);
          symbol.name = w.subarray(p, p + l).toString();
          p += l;
          if (!(flags & 0x10)) {
            let segment, offset;
            [segment, p] = readLeb(w, p);
            [offset, p] = readLeb(w, p);
            [symbol.size, p] = readLeb(w, p);
            symbol.address = segments[segment].address + offset;
          }
        } else if (kind === 3) [symbol.index, p] = readLeb(w, p);
        else throw new Error(`wasm-relocs: a symbol of kind ${kind}`);
        symbols.push(symbol);
      }
    }
    p = end;
  }
  const relocations = (name, target) => {
    const s = section(0, name);
    let index, count, q;
    [index, q] = readLeb(w, s.body);
    if (sections[index] !== target) throw new Error(`wasm-relocs: ${name} is not for its section`);
    [count, q] = readLeb(w, q);
    const out = [];
    for (let i = 0; i < count; i++) {
      const type = w[q++];
      let offset, symbol, addend = 0;
      [offset, q] = readLeb(w, q);
      [symbol, q] = readLeb(w, q);
      if (ADDEND.has(type)) [addend, q] = sleb(w, q);
      if (type === TYPE_INDEX) continue;
      if (symbols[symbol] === undefined) throw new Error(`wasm-relocs: a relocation of type ${type} to no symbol`);
      if (symbols[symbol].kind === 3) throw new Error('wasm-relocs: a relocation against a section');
      out.push({ type, offset, symbol: symbols[symbol], addend });
    }
    return out;
  };
  // Each code relocation by the function whose body holds it.
  const inCode = new Map();
  for (const r of relocations('reloc.CODE', code)) {
    let l = 0, h = bodies.length;
    while (l < h) {
      const m = (l + h) >> 1;
      if (bodies[m][1] <= r.offset) l = m + 1;
      else h = m;
    }
    if (l === bodies.length || bodies[l][0] > r.offset) throw new Error('wasm-relocs: a code relocation outside the functions');
    const f = l + imported;
    if (!inCode.has(f)) inCode.set(f, []);
    inCode.get(f).push(r);
  }
  // The functions reached from the roots by calls and by taking a function's table index or a
  // constant's address in code; a constant's own words (its relocations) reach further.
  const constants = symbols.filter((s) => s.kind === 1 && s.address !== undefined).sort((a, b) => a.address - b.address);
  const inData = relocations('reloc.DATA', data).map((r) => {
    const s = segments.find((s) => s.start <= r.offset && r.offset < s.end);
    if (!s) throw new Error('wasm-relocs: a data relocation outside the segments');
    return { ...r, at: s.address + r.offset - s.start };
  }).sort((a, b) => a.at - b.at);
  const within = (low, high) => inData.filter((r) => low <= r.at && r.at < high);
  const reached = new Set();
  const seenConstants = new Set();
  const work = [];
  const reach = (r) => {
    const s = r.symbol;
    if (s.kind === 0 && !reached.has(s.index)) { reached.add(s.index); work.push(s); }
    if (s.kind === 1 && s.address !== undefined) {
      // An address beyond the symbol (an addend past its end) reaches whatever lies there too.
      const at = s.address + r.addend;
      const hit = [s, ...constants.filter((c) => c !== s && c.address <= at && at < c.address + Math.max(c.size, 1))];
      for (const c of hit) if (!seenConstants.has(c)) { seenConstants.add(c); work.push(c); }
    }
  };
  // The exports are the only roots: code the linker made itself carries no relocations, so a
  // start function or constructors to run would reach functions unseen here.
  if (sections.some((s) => s.id === 8)) throw new Error('wasm-relocs: the module has a start function');
  for (const [f, name] of nameOf) {
    const body = bodies[f - imported];
    // A body of two bytes is no locals and `end`: constructors that do nothing.
    if (name === '__wasm_call_ctors' && body && body[1] - body[0] > 2) throw new Error('wasm-relocs: the module has constructors to run');
  }
  for (const name of roots([...exports.keys()])) {
    const f = exports.get(name);
    if (f === undefined) throw new Error(`wasm-relocs: no export ${name}`);
    reach({ symbol: { kind: 0, index: f }, addend: 0 });
  }
  while (work.length > 0) {
    const s = work.pop();
    if (s.kind === 0) {
      if (!cut(nameOf.get(s.index) ?? '')) for (const r of inCode.get(s.index) ?? []) reach(r);
    } else for (const r of within(s.address, s.address + s.size)) reach(r);
  }
  // Each table entry: who holds its index.
  const entries = [...table].map((f) => ({ index: f, name: nameOf.get(f) ?? '', code: [], constants: [] }));
  const entryOf = new Map(entries.map((e) => [e.index, e]));
  for (const [f, list] of inCode) {
    for (const r of list) if (TABLE_INDEX.has(r.type) && r.symbol.kind === 0) entryOf.get(r.symbol.index)?.code.push(f);
  }
  for (const r of inData) {
    if (!TABLE_INDEX.has(r.type) || r.symbol.kind !== 0) continue;
    const holder = constants.filter((c) => c.address <= r.at && r.at < c.address + c.size);
    if (holder.length === 0) throw new Error(`wasm-relocs: a function's index at ${r.at} in no constant`);
    entryOf.get(r.symbol.index)?.constants.push(...holder.map((c) => ({ name: c.name, address: c.address, size: c.size })));
  }
  const count = new Map();
  for (const name of nameOf.values()) count.set(name, (count.get(name) ?? 0) + 1);
  // A constant is reached when a reached one overlaps it (an alias, or one inside another).
  const spans = [...seenConstants].map((c) => [c.address, c.address + Math.max(c.size, 1)]).sort((a, b) => a[0] - b[0]);
  const constantReached = (c) => {
    const end = c.address + Math.max(c.size, 1);
    let l = 0, h = spans.length;
    while (l < h) {
      const m = (l + h) >> 1;
      if (spans[m][0] < end) l = m + 1;
      else h = m;
    }
    // spans[0 .. l) start before c's end: one of them overlaps c when it ends after c's start.
    for (let k = l - 1; k >= 0; k--) if (spans[k][1] > c.address) return true;
    return false;
  };
  const cutNames = [...new Set([...nameOf.values()].filter((name) => cut(name)))];
  return { entries, cutNames, constants, constantReached, reached: (f) => reached.has(f) && !cut(nameOf.get(f) ?? ''), nameOf: (f) => nameOf.get(f), sharedName: (name) => count.get(name) > 1 };
}

