// Bundles the page: esbuild (pinned in package.json) first bundles the core's Web Worker
// (www/app/core/worker.js, the engine and the wasm-bindgen glue) into one minified script, and
// makes the page's own wasm from wasm-bindgen's output: without the exports that script never
// calls (extract, extractSeeds, newCorpus: the whole-corpus API of the tests, the bench and
// other hosts, kept in target/wasm-bindgen/storyscope_bg.opt.wasm) and the code only they reach
// (binaryen's wasm-metadce) and the panic messages (withoutPanicMessages and withoutDeadMessages below)
// and the function-table entries and constants no running code reaches (deadTableEntries,
// withoutUnreachedConstants), then optimized
// like the whole one (wasm-opt with wasm-pack.toml's
// flags; its imports then get short names, in it and in the worker's glue:
// scripts/wasm-imports.mjs). Then it resolves www/app/main.js and its imports, that worker script (as a string: the page starts
// it from a blob URL, which works from file://), the wasm (its code split into streams by
// www/app/core/code-streams.js, LZMA-compressed by xz, then base64:
// plain base64 gzips badly; the page decodes it with www/app/core/lzma.js and compiles it once
// for every worker) and the styles (minified) into
// one minified classic script, dist/storyscope-embed.js, which defines <story-scope>; and
// dist/storyscope.html, one self-contained page with a strict
// Content-Security-Policy whose script and style hashes are computed here. Prints the gzip
// sizes and enforces the budget of wasm-pack.toml.
import binaryen from 'binaryen';
import { build, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { joinCode, readLeb, splitCode } from '../www/app/core/code-streams.js';
import { shortenImports } from './wasm-imports.mjs';
import { tableEntries } from './wasm-relocs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [gluePath, wasmPath, mapPath] = process.argv.slice(2);
const read = (p) => readFileSync(join(root, p), 'utf8');
const setting = (key) => {
  const m = read('wasm-pack.toml').match(new RegExp(`^${key}\\s*=\\s*"?([^"#\\n]*)"?`, 'm'));
  if (!m) throw new Error(`wasm-pack.toml: no setting '${key}'`);
  return m[1].trim();
};

/** The styles of the shadow root, in this order. */
const STYLES = ['base', 'header', 'articles', 'reader', 'quotes', 'entities', 'timeline'];
const version = JSON.parse(read('package.json')).version ?? '';
const css = (await transform(STYLES.map((name) => read(`www/styles/${name}.css`)).join('\n'), { loader: 'css', minify: true })).code;

const options = {
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2022',
  write: false,
  legalComments: 'none',
  // The glue's default wasm URL (import.meta.url) is never used: the compiled module is passed in.
  define: { 'import.meta.url': 'undefined' },
  logLevel: 'warning',
};
/** The worker script, with wasm-bindgen's glue as `glue` (its text) gives it. */
const bundleWorker = async (glue) => (await build({
  ...options,
  entryPoints: [join(root, 'www/app/core/worker.js')],
  plugins: [{
    name: 'storyscope-glue',
    setup: (b) => {
      b.onResolve({ filter: /^storyscope:glue$/ }, () => ({ path: resolve(gluePath), namespace: 'storyscope-glue' }));
      b.onLoad({ filter: /.*/, namespace: 'storyscope-glue' }, () => ({ contents: glue, loader: 'js', resolveDir: dirname(resolve(gluePath)) }));
    },
  }],
})).outputFiles[0].text;
const bundledWorker = await bundleWorker(readFileSync(gluePath, 'utf8'));

/**
 * wasm-bindgen's glue (`glue`, its text) without what calls the exports and provides the
 * imports the page's wasm does not have: a class's methods whose export is gone (esbuild keeps
 * every method of a class it keeps) and the imports object's functions for imports the page's
 * wasm no longer makes (metadce took the code that called them). Each is found in the glue's own
 * layout (methods indented by four spaces, from their doc comment to their closing brace;
 * imports by eight, up to the next one) and must be found once, or the build fails.
 */
function glueFor(glue, goneExports, goneImports) {
  let text = glue;
  for (const name of goneExports) {
    const method = new RegExp(`\\n    /[*][*](?:(?![*]/)[^])*[*]/\\n    (\\w+)[(][^)]*[)] [{]\\n(?:(?!\\n    [}]\\n)[^])*?wasm[.]${name}[(](?:(?!\\n    [}]\\n)[^])*\\n    [}](?=\\n)`, 'g');
    const found = text.match(method)?.length ?? 0;
    if (found !== 1) throw new Error(`bundle: the glue's method calling ${name} stands ${found} times`);
    text = text.replace(method, '');
  }
  for (const name of goneImports) {
    const entry = new RegExp(`\\n        ${name}: (?:(?!\\n        [\\w$]+: |\\n    [}];)[^])*`, 'g');
    const found = text.match(entry)?.length ?? 0;
    if (found !== 1) throw new Error(`bundle: the glue's import ${name} stands ${found} times`);
    text = text.replace(entry, '');
  }
  return text;
}

/** Rust's panic entry points, by name (see withoutPanicMessages). */
const panics = new RegExp('^(?:core(?:\\[\\w+\\])?::(?:panicking::|str::slice_error_fail|slice::index::slice_index_fail'
  + '|slice::copy_from_slice_impl::len_mismatch_fail|result::unwrap_failed|option::(?:expect|unwrap)_failed'
  + '|cell::panic_already_)|alloc(?:\\[\\w+\\])?::(?:raw_vec::(?:handle_error|capacity_overflow)|alloc::handle_alloc_error)'
  + '|std(?:\\[\\w+\\])?::(?:thread::local::panic_access_error|panicking::begin_panic)'
  + '|<alloc(?:\\[\\w+\\])?::vec::Vec<_, _>>::swap_remove::assert_failed)');
// Called only by the panic handler, which only the entry points above reach.
const handler = /^<std(?:\[\w+\])?::(?:panicking::panic_handler::|thread::local::AccessError as )/;
const hook = /^std(?:\[\w+\])?::panicking::set_hook$/;
/** Whether the function named `name` is one withoutPanicMessages stubs. */
const stubbed = (name) => panics.test(name) || handler.test(name) || hook.test(name);

/**
 * The wasm at `path` with each of Rust's panic entry points (core's `panic_fmt`, `panic_bounds_check`,
 * `unwrap_failed`, the slicing and borrowing failures, the allocation failures …) reduced to
 * `unreachable` (with the panic handler's payload methods and the thread-local AccessError's
 * Debug, which only a panic calls and the function table would keep), and std's `set_hook` to
 * nothing. The wasm's panic is an abort, which traps
 * (`unreachable`) after the panic hook has written its message to the console: the page's
 * worker sees the same WebAssembly.RuntimeError, without the message (the whole API's wasm,
 * target/wasm-bindgen/storyscope_bg.opt.wasm, keeps it, for finding the panic's cause). What
 * only the messages needed then goes (the code that formats them and the hook; the formatters
 * the function table keeps go with the entries in `dead`, see deadTableEntries): page 349.9 -> 344.7 KiB gzip on main 0e8127a. The bounds checks and
 * every other test that leads to a panic stay: only what runs after a failed one changes.
 * Only functions that never return are matched: hashbrown's `Fallibility::capacity_overflow`
 * is not, since it returns an error to a fallible reserve and panics only for an infallible one.
 * A function is matched by its name (wasm-bindgen keeps the name section); a name the
 * toolchain changes is only left as it was, which the budget notices. The functions named in
 * `dead` become `unreachable` too, and each must be found, as must each named in `cut` (the
 * ones deadTableEntries took as stubbed), or the build fails.
 */
function withoutPanicMessages(path, features, dead = new Set(), cut = []) {
  const F = binaryen.Features;
  const feature = { 'bulk-memory': F.BulkMemory, 'nontrapping-float-to-int': F.NontrappingFPToInt, 'sign-ext': F.SignExt,
    'mutable-globals': F.MutableGlobals, 'reference-types': F.ReferenceTypes, multivalue: F.Multivalue, simd: F.SIMD128 };
  const { wasm, operands } = withoutLocations(path, panics);
  const module = binaryen.readBinary(wasm);
  try {
    module.setFeatures(features.map((flag) => {
      const bit = feature[flag.replace(/^--enable-/, '')];
      if (bit === undefined) throw new Error(`bundle: no binaryen feature for ${flag}`);
      return bit;
    }).reduce((a, b) => a | b, F.MVP));
    let stubbed = 0;
    for (let i = 0; i < module.getNumFunctions(); i++) {
      const f = module.getFunctionByIndex(i);
      const { name, module: imported } = binaryen.getFunctionInfo(f);
      const body = imported ? null : panics.test(name) || handler.test(name) || dead.has(name) ? module.unreachable() : hook.test(name) ? module.nop() : null;
      if (body !== null) {
        binaryen._BinaryenFunctionSetBody(f, body);
        stubbed++;
      }
    }
    if (stubbed === 0) throw new Error('bundle: no panic entry point found by name (has the name section gone?)');
    const found = [...dead].filter((name) => module.getFunction(name) !== 0).length;
    if (found !== dead.size) throw new Error(`bundle: ${dead.size - found} of the dead table entries not found by name`);
    const unstubbed = cut.filter((name) => module.getFunction(name) === 0);
    if (unstubbed.length > 0) throw new Error(`bundle: functions taken as stubbed not found by name: ${unstubbed.slice(0, 3).join(', ')}`);
    binaryen.setDebugInfo(true);
    return { wasm: module.emitBinary(), operands };
  } finally {
    module.dispose();
  }
}

/**
 * The wasm at `path` with the panic locations (core::panic::Location: file, line and column, 16 bytes each)
 * that the calls to the `panics` functions pass zeroed, now that nothing reads them: a run of
 * zeros costs LZMA almost nothing (751 of them: page 344.7 -> 342.4 KiB gzip). A location is the last argument of
 * such a call; it is zeroed only when it is a constant address whose 16 bytes point at a file
 * name ending in `.rs` and give a line and a column (the names themselves stay: another
 * constant may share their bytes). Calls are read from binaryen's text form (wasm-dis), which
 * writes each operand of a call on a line of its own, one level deeper.
 */
function withoutLocations(path, panics) {
  const text = execFileSync(join(root, 'node_modules', '.bin', 'wasm-dis'), [path], { maxBuffer: 1 << 30 }).toString();
  const lines = text.split('\n');
  const call = /^( *)\(call \$(?:"((?:[^"\\]|\\.)*)"|(\S+))/;
  const addresses = new Set();
  const operands = new Set();
  for (let i = 0; i < lines.length; i++) {
    const m = call.exec(lines[i]);
    if (!m || !panics.test(m[2] ?? m[3])) continue;
    const depth = m[1].length;
    let last = null;
    for (let j = i + 1; j < lines.length; j++) {
      const indent = lines[j].length - lines[j].trimStart().length;
      if (indent <= depth) break;
      if (indent !== depth + 1) continue;
      last = lines[j].trim();
      const operand = /^\(i32\.const (\d+)\)$/.exec(last);
      if (operand) operands.add(Number(operand[1]));
    }
    const constant = last && /^\(i32\.const (\d+)\)$/.exec(last);
    if (constant) addresses.add(Number(constant[1]));
  }
  // The data segments (active, in memory 0, at a constant address): where an address's bytes are.
  const out = readFileSync(path);
  const segments = dataSegments(out);
  const offsetOf = (address, length) => {
    const s = segments.find((s) => s.address <= address && address + length <= s.address + s.length);
    return s && s.offset + address - s.address;
  };
  let zeroed = 0;
  for (const address of addresses) {
    const o = offsetOf(address, 16);
    if (o === undefined) continue;
    const [file, length, line, column] = [0, 4, 8, 12].map((k) => out.readUInt32LE(o + k));
    const name = length > 0 && length < 300 ? offsetOf(file, length) : undefined;
    if (name === undefined || line === 0 || column === 0 || !out.subarray(name, name + length).toString('latin1').endsWith('.rs')) continue;
    out.fill(0, o, o + 16);
    zeroed++;
  }
  if (zeroed === 0) throw new Error('bundle: no panic location found');
  return { wasm: out, operands };
}

/** The active data segments of `wasm` (in memory 0, at a constant address): address, offset in `wasm`, length. */
function dataSegments(wasm) {
  const segments = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    let size;
    [size, at] = readLeb(wasm, at + 1);
    const end = at + size;
    if (id === 11) {
      let count, p = at;
      [count, p] = readLeb(wasm, p);
      for (let k = 0; k < count; k++) {
        let flags, address, length;
        [flags, p] = readLeb(wasm, p);
        if (flags !== 0 || wasm[p] !== 0x41) throw new Error('bundle: a data segment of another form');
        [address, p] = readLeb(wasm, p + 1);
        if (wasm[p] !== 0x0b) throw new Error('bundle: a data segment of another form');
        [length, p] = readLeb(wasm, p + 1);
        segments.push({ address, offset: p, length });
        p += length;
      }
    }
    at = end;
  }
  return segments;
}

/**
 * The page's finished wasm (the file at `path`) with the constants that only its panics used
 * zeroed: their messages, the formatting templates and the Debug vtables of unwrap's errors
 * (647 constants, 11,186 bytes, most of them locations zeroed already: page 342.3 -> 341.7
 * KiB gzip on main ac646fd), then the source files' names that only dead panic locations
 * point at (72 names, 2,735 bytes: 341.3; see below). A candidate is a constant whose address
 * a call to a panic entry point passed (`operands`, read by withoutLocations before those
 * calls became `unreachable`); a constant is one input chunk of the linker's map (`mapPath`,
 * wasm-ld's --Map, which scripts/build.sh asks for) in `.rodata`, not a merged string section,
 * whose bounds the map gives exactly. It is zeroed only when no i32 constant, no load's or store's offset and no
 * half of an i64 or v128 constant in the finished wasm's code lies within NEAR bytes of it,
 * before or after, and no word of the data points into it but from another constant zeroed
 * with it (a panic's `Arguments` pieces, say). This is a heuristic, not a proof: the code
 * reaches static data from an address written in it or read from the data; the compilers
 * write an object's start, its end (a loop over the comment lines' table counts from -200 up
 * to its end: `end + i`), or an address a few bytes out; a message that other code also read
 * would have its address there as well. The constants next to a live one stay (an address
 * near them could be its). Checked as the locations were: the page's wasm and the whole API's
 * give the same parts, model, selections, documents and profiles on the test articles, 840
 * polnear-train texts and 1,838 unseen ones, and tests/js/page-agree.test.mjs checks the
 * test articles at every build's test (zeroing a live table instead, the comment lines',
 * changes a test article's part).
 */
/**
 * `pointing(low, high)`: the addresses of the aligned words of `out`'s data (`segments`) whose
 * value lies from `low` to `high`, as read now.
 */
function pointers(out, segments) {
  const words = [];
  for (const s of segments) {
    for (let a = (s.address + 3) & ~3; a + 4 <= s.address + s.length; a += 4) words.push([a, out.readUInt32LE(s.offset + a - s.address)]);
  }
  words.sort((x, y) => x[1] - y[1]);
  return (low, high) => {
    let l = 0, h = words.length;
    while (l < h) {
      const m = (l + h) >> 1;
      if (words[m][1] < low) l = m + 1;
      else h = m;
    }
    const found = [];
    for (; l < words.length && words[l][1] <= high; l++) found.push(words[l][0]);
    return found;
  };
}

/**
 * The names of the function-table entries that the page's wasm can never call: formatters such
 * as `char`'s Debug, `Range`'s Debug, `&usize`'s Debug, `Arguments`' Display and BorrowError's
 * Display, which only the panics' messages used but the table kept, and closures only the
 * exports the page leaves out make. A function pointer is an index into the table, a small
 * number any data may hold, so this is read from the relocations of the same link made again
 * with --emit-relocs (`relocsPath`, scripts/build.sh; scripts/wasm-relocs.mjs), which name each
 * place that holds a function's index or a constant's address. The functions that run are
 * those reached from the exports the page keeps (all but `gone`) through calls, the table
 * indices and constants' addresses their code takes and the ones those constants hold, but not
 * through the panic entry points withoutPanicMessages stubs (their code never runs). An entry
 * is dead when the function itself does not run (no function that runs calls it) and no
 * function that runs writes its index and no constant reached so holds it (a vtable only a
 * panic's message used). This is exact, not a heuristic: a function's index reaches a
 * `call_indirect` only from one of those places, and the exports are the only roots
 * (wasm-relocs throws on a start function or constructors, which the linker's own code
 * runs). wasm-bindgen's own uses of the table (its closures' shims, which its describe
 * functions name) count: every export of the link but `gone` is a root, the describe functions
 * included. A name two functions share keeps its entry (the stub is by name). Returns the dead entries' names and the names of the
 * functions taken as stubbed, which withoutPanicMessages must find stubbed as named.
 */
function deadTableEntries(relocsPath, gone) {
  const goneSet = new Set(gone);
  const t = tableEntries(relocsPath, (exports) => exports.filter((e) => !goneSet.has(e.replace(/_[0-9a-f]{16}$/, ''))), stubbed);
  const dead = new Set();
  for (const e of t.entries) {
    if (stubbed(e.name) || t.sharedName(e.name) || e.code.length + e.constants.length === 0) continue;
    // Called directly by a function that runs (the walk follows calls too), or its index held
    // by one, or by a constant reached so: live.
    if (t.reached(e.index) || e.code.some((f) => t.reached(f)) || e.constants.some((c) => t.constantReached(c))) continue;
    dead.add(e.name);
  }
  return { dead, cut: t.cutNames, unreached: t.constants.filter((c) => !t.constantReached(c)) };
}

/**
 * `wasm` (the finished page wasm's bytes, changed in place) with the constants no function
 * that runs can read zeroed (`unreached`, from deadTableEntries: constants of the relinked
 * module that no running function's code and no reached constant addresses; the unicode tables
 * only `char`'s Debug read, the data of the exports the page leaves out). Exact as the table
 * entries are: code reaches static data only through an address a relocation wrote. Each is
 * found in the shipped link by its symbol's input chunk in the linker's map (`mapPath`),
 * `.rodata.<name>`, with the same size; a merged string (whose bytes another may share) or a
 * name the map does not give once stays.
 */
function withoutUnreachedConstants(wasm, unreached, mapPath) {
  const chunks = new Map();
  let data = false;
  for (const line of readFileSync(mapPath, 'utf8').split('\n')) {
    const [address, , size, input] = line.trim().split(/\s+/);
    if (input === 'DATA') data = true;
    else if (data && input?.startsWith('CUSTOM')) break;
    else if (data && address !== '-') {
      const m = /^(?!<internal>).*:\(\.rodata\.(.*)\)$/.exec(input ?? '');
      if (m) chunks.set(m[1], chunks.has(m[1]) ? null : { address: parseInt(address, 16), size: parseInt(size, 16) });
    }
  }
  const segments = dataSegments(wasm);
  let zeroed = 0, bytes = 0;
  for (const c of unreached) {
    const chunk = chunks.get(c.name);
    if (!chunk || chunk.size !== c.size) continue;
    const s = segments.find((s) => s.address <= chunk.address && chunk.address + chunk.size <= s.address + s.length);
    if (!s) throw new Error(`bundle: the map's constant ${c.name} is in no data segment`);
    wasm.fill(0, s.offset + chunk.address - s.address, s.offset + chunk.address - s.address + chunk.size);
    zeroed++;
    bytes += chunk.size;
  }
  console.log(`the page's wasm zeroes ${zeroed} constants no running code reads (${bytes} bytes)`);
  return wasm;
}

function withoutDeadMessages(path, operands, mapPath) {
  const NEAR = 8;
  const chunks = [];
  const merged = [];
  let data = false;
  let section;
  for (const line of readFileSync(mapPath, 'utf8').split('\n')) {
    const [address, offset, size, input] = line.trim().split(/\s+/);
    if (input === 'DATA') {
      data = true;
      section = { offset: parseInt(offset, 16), size: parseInt(size, 16) };
    } else if (data && input?.startsWith('CUSTOM')) break;
    else if (data && address !== '-' && /^(?!<internal>).*:\(\.rodata\.[^)]*\)$/.test(input ?? '')) {
      chunks.push({ address: parseInt(address, 16), size: parseInt(size, 16) });
    } else if (data && address !== '-' && input === '<internal>:(.rodata)') {
      merged.push({ address: parseInt(address, 16), size: parseInt(size, 16) });
    }
  }
  if (chunks.length === 0) throw new Error(`bundle: no constants in the linker's map ${mapPath}`);
  // The map must be the linked wasm's beside it (a build without scripts/build.sh's flags links
  // anew without writing one): its data section where the map says, and wasm-bindgen's output,
  // whose data the page's wasm keeps, with the same segments.
  const linked = readFileSync(mapPath.replace(/\.map$/, '.wasm'));
  const [length, contents] = section ? readLeb(linked, section.offset + 1) : [];
  const same = (a, b) => a.length === b.length && a.every((x, i) => x.address === b[i].address && x.length === b[i].length);
  if (!section || linked[section.offset] !== 11 || contents + length !== section.offset + section.size
    || !same(dataSegments(linked), dataSegments(readFileSync(wasmPath)))) {
    throw new Error(`bundle: the linker's map ${mapPath} is not the linked wasm's (run scripts/build.sh)`);
  }
  const text = execFileSync(join(root, 'node_modules', '.bin', 'wasm-dis'), [path], { maxBuffer: 1 << 30 }).toString();
  const written = [];
  for (const line of text.split('\n')) {
    if (/^\s*\(data /.test(line)) continue;
    for (const m of line.matchAll(/(?:i32\.const |offset=)(-?\d+)/g)) written.push(Number(m[1]) >>> 0);
    for (const m of line.matchAll(/i64\.const (-?\d+)/g)) {
      const v = BigInt.asUintN(64, BigInt(m[1]));
      written.push(Number(v & 0xffffffffn), Number(v >> 32n));
    }
    for (const m of line.matchAll(/v128\.const i32x4((?: \S+){4})/g)) written.push(...m[1].trim().split(' ').map((v) => Number(v) >>> 0));
  }
  written.sort((a, b) => a - b);
  const anyIn = (low, high) => {
    let l = 0, h = written.length;
    while (l < h) {
      const m = (l + h) >> 1;
      if (written[m] < low) l = m + 1;
      else h = m;
    }
    return l < written.length && written[l] <= high;
  };
  const out = readFileSync(path);
  const segments = dataSegments(out);
  // Data reach data too (a table of `&str`, a static's vtable): a candidate stays only while
  // every word of the data that points into it (its start to its end) lies in a candidate
  // itself, until no more drop out.
  let candidates = chunks.filter(({ address, size }) => operands.has(address) && !anyIn(address - NEAR, address + size + NEAR))
    .sort((a, b) => a.address - b.address);
  const pointingBefore = pointers(out, segments);
  for (let before = -1; before !== candidates.length;) {
    before = candidates.length;
    const starts = candidates.map((c) => c.address);
    const inCandidate = (a) => {
      let l = 0, h = starts.length;
      while (l < h) {
        const m = (l + h) >> 1;
        if (starts[m] <= a) l = m + 1;
        else h = m;
      }
      return l > 0 && a < candidates[l - 1].address + candidates[l - 1].size;
    };
    candidates = candidates.filter(({ address, size }) => pointingBefore(address, address + size).every(inCandidate));
  }
  let zeroed = 0, bytes = 0;
  for (const { address, size } of candidates) {
    const s = segments.find((s) => s.address <= address && address + size <= s.address + s.length);
    if (!s) throw new Error(`bundle: the map's constant at ${address} is in no data segment`);
    out.fill(0, s.offset + address - s.address, s.offset + address - s.address + size);
    zeroed++;
    bytes += size;
  }
  if (zeroed === 0) throw new Error('bundle: no constant only the panics used');
  // The source files' names that only panic locations point at (core::panic::Location: the
  // name's address and length, a line and a column): the merged strings' section holds them
  // between NULs. A name is zeroed when no address of the code lies within NEAR bytes of it and
  // every word of the data that points into it begins such a location, of this name, that no
  // address of the code lies within NEAR bytes of either (the zeroed locations point nowhere).
  const pointing = pointers(out, segments);
  let names = 0, nameBytes = 0;
  for (const { address, size } of merged) {
    const s = segments.find((s) => s.address <= address && address + size <= s.address + s.length);
    if (!s) throw new Error(`bundle: the map's merged strings at ${address} are in no data segment`);
    const at = s.offset + address - s.address;
    for (const m of out.subarray(at, at + size).toString('latin1').matchAll(/(?<=\0)[\w/.-]+\.rs(?=\0)/g)) {
      const name = address + m.index, length = m[0].length;
      if (anyIn(name - NEAR, name + length + NEAR)) continue;
      const locationOf = (a) => {
        const t = segments.find((t) => t.address <= a && a + 16 <= t.address + t.length);
        const word = (k) => out.readUInt32LE(t.offset + a - t.address + k);
        return t && word(0) === name && word(4) === length && word(8) > 0 && word(12) > 0 && !anyIn(a - NEAR, a + 16 + NEAR);
      };
      if (!pointing(name, name + length).every(locationOf)) continue;
      out.fill(0, at + m.index, at + m.index + length);
      names++;
      nameBytes += length;
    }
  }
  console.log(`the page's wasm zeroes ${zeroed} constants only its panics used (${bytes} bytes) and ${names} source files' names (${nameBytes} bytes)`);
  return out;
}

// The page's wasm: wasm-bindgen's module with only the exports the worker script uses, so that
// the code only the others reach goes before wasm-opt runs. The glue calls each export as a
// property, `wasm.name(...)`, which minifying keeps, so an export the script never names is
// unused. A method of an exported class (export `corpus_select` for `Corpus.select`) is named
// by its class's method in the glue whether or not anything calls it (esbuild keeps every class
// method), so it is kept only when the script calls the method: `.select(`. A false match costs
// bytes, never a broken page; a call by a computed name (`corpus[name](...)`) would be missed,
// and the engine (www/app/core/engine.js) makes none.
const [wasm, worker] = await (async () => {
  const names = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(wasmPath))).map((e) => e.name);
  const escape = (name) => name.replace(/[$]/g, '\\$');
  const named = (name, script = bundledWorker) => new RegExp(`[.]${escape(name)}(?![\\w$])`).test(script);
  const called = (name) => new RegExp(`[.]${escape(name)}[(]`).test(bundledWorker);
  const classes = [...readFileSync(gluePath, 'utf8').matchAll(/^export class (\w+)/gm)].map((m) => m[1].toLowerCase());
  const methodOf = (name) => classes.map((c) => name.startsWith(`${c}_`) && name.slice(c.length + 1)).find(Boolean);
  const kept = names.filter((name) => named(name) && (methodOf(name) === undefined || called(methodOf(name))));
  const graph = [{ name: 'page', root: true, reaches: kept.map((name) => `export ${name}`) },
    ...names.map((name) => ({ name: `export ${name}`, export: name }))];
  const out = wasmPath.replace(/\.wasm$/, '');
  writeFileSync(`${out}.page-graph.json`, JSON.stringify(graph));
  const features = setting('wasm_opt_flags').split(/\s+/).filter((f) => f.startsWith('--enable-'));
  const bin = (tool) => join(root, 'node_modules', '.bin', tool);
  // Function names are kept (-g) up to the last step, which orders the functions by name: a
  // module's functions side by side are alike, and LZMA finds more in common between
  // neighbours (the stream -1.4 KB, the wasm's gzip -4.5, though the call indices take 4.5 KB
  // more raw). storyscope_bg.page.named.wasm keeps the names, for twiggy.
  const { dead, cut, unreached } = deadTableEntries(mapPath.replace(/\.map$/, '.relocs.wasm'), names.filter((n) => !kept.includes(n)));
  const quiet = withoutPanicMessages(wasmPath, features, dead, cut);
  writeFileSync(`${out}.page.quiet.wasm`, quiet.wasm);
  execFileSync(bin('wasm-metadce'), [`${out}.page.quiet.wasm`, '-g', '--graph-file', `${out}.page-graph.json`, '-o', `${out}.page.dce.wasm`, ...features],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(bin('wasm-opt'), [...setting('wasm_opt_flags').split(/\s+/), '-g', `${out}.page.dce.wasm`, '-o', `${out}.page.named.wasm`],
    { stdio: 'inherit' });
  execFileSync(bin('wasm-opt'), ['--reorder-functions-by-name', ...features, `${out}.page.named.wasm`, '-o', `${out}.page.wasm`],
    { stdio: 'inherit' });
  rmSync(`${out}.page.dce.wasm`);
  rmSync(`${out}.page.quiet.wasm`);
  console.log(`the page's wasm stubs ${dead.size} function-table entries it can never call`);
  console.log(`the page's wasm leaves out: ${names.filter((n) => !kept.includes(n)).join(', ')}`);
  // Its imports renamed `a`, `b`, … in it and in the worker's glue (scripts/wasm-imports.mjs):
  // so storyscope_bg.page.wasm goes with the page's worker script, not with storyscope.js.
  // The worker's glue without the methods of the exports left out and the imports no longer
  // made (glueFor), bundled again: it must keep the same exports.
  const imported = new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(`${out}.page.wasm`))).map((i) => i.name));
  const allImports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath))).map((i) => i.name);
  const trimmed = await bundleWorker(glueFor(readFileSync(gluePath, 'utf8'),
    names.filter((n) => !kept.includes(n) && methodOf(n) !== undefined), allImports.filter((n) => !imported.has(n))));
  if (names.some((name) => named(name, trimmed) !== kept.includes(name))) throw new Error("bundle: the worker's trimmed glue names other exports");
  const [page, script] = shortenImports(withoutUnreachedConstants(withoutDeadMessages(`${out}.page.wasm`, quiet.operands, mapPath), unreached, mapPath), trimmed);
  writeFileSync(`${out}.page.wasm`, page);
  return [page, script];
})();
// The wasm as the page carries it: its code section split into streams of like bytes
// (www/app/core/code-streams.js: the opcodes, with the commonest instructions as one-byte marks,
// then each kind of immediate; LZMA codes the whole 9% smaller), then LZMA, by xz (the .lzma format, preset 9e; pb=0 because wasm is a byte stream
// with no 2- or 4-byte alignment), 13% smaller than the best gzip of the wasm (Zopfli's: 322 vs
// 372 KB) and so is the page, since base64 of compressed bytes gzips to about their own size. xz
// writes "size unknown" in the header; the size goes there instead, so the page's decoder
// (www/app/core/lzma.js) fills one buffer of the right size. The worker joins the streams back
// (joinCode); the build fails unless that gives the wasm's exact bytes. lc=2 (literals coded
// in the context of the previous byte's top two bits, not three) and nice=128 (matches are
// sought up to 128 bytes, not 273) code the packed wasm smaller: measured on three builds (this
// page's, the whole API's, session 15's page) -0.5, -0.4 and -0.2 KB; lc=2 alone -0.2 to -0.4;
// lc 1 or 3, nice 48 to 192, mf bt2 or bt3 and a deeper search no better.
const wasmPacked = splitCode(wasm);
if (!Buffer.from(joinCode(wasmPacked)).equals(wasm)) throw new Error("bundle: joinCode(splitCode(wasm)) is not the page's wasm");
const wasmLzma = execFileSync('xz', ['--format=lzma', '--lzma1=preset=9e,pb=0,lc=2,nice=128', '--stdout'], { input: wasmPacked, maxBuffer: 64 << 20 });
wasmLzma.writeUInt32LE(wasmPacked.length, 5);
wasmLzma.writeUInt32LE(0, 9);
// The three inputs of the page that are not files of www/: the worker script, the wasm and the styles.
const virtual = {
  name: 'storyscope-virtual',
  setup(b) {
    b.onResolve({ filter: /^storyscope:(worker|wasm|styles)$/ }, (args) => ({ path: args.path, namespace: 'storyscope' }));
    b.onLoad({ filter: /.*/, namespace: 'storyscope' }, (args) => {
      const text = { 'storyscope:worker': worker, 'storyscope:wasm': wasmLzma.toString('base64'), 'storyscope:styles': css }[args.path];
      return { contents: `export default ${JSON.stringify(text)};`, loader: 'js' };
    });
  },
};
const result = await build({
  ...options,
  entryPoints: [join(root, 'www/app/main.js')],
  banner: { js: `/*! Storyscope ${version}: explore a news story across articles. One script, no network. */` },
  plugins: [virtual],
});
// Inline in <script>, "</script" would end the element: in JS strings "<\/" means the same.
const embed = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const pageCss = read('www/page.css');
const csp = [
  "default-src 'none'",
  `script-src ${sha256(embed)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(pageCss)}`,
  "img-src data: blob:",
  "connect-src 'none'",
  "worker-src blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const page = read('www/index.html')
  .replace('{{CSP}}', () => csp)
  .replace('{{STYLE}}', () => pageCss)
  .replace('{{SCRIPT}}', () => embed);

mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/storyscope-embed.js'), embed);
writeFileSync(join(root, 'dist/storyscope.html'), page);
writeFileSync(join(root, 'dist/index.html'), page);

const kib = (bytes) => (bytes / 1024).toFixed(1);
const sizes = [
  ["storyscope.wasm (the page's)", wasm, 'wasm_gzip_kib'],
  ['dist/storyscope.html', Buffer.from(page), 'html_gzip_kib'],
  ['dist/storyscope-embed.js', Buffer.from(embed), 'embed_gzip_kib'],
];
let over = false;
for (const [name, bytes, budgetKey] of sizes) {
  const gz = gzipSync(bytes, { level: 9 }).length;
  const budget = Number(setting(budgetKey));
  const flag = gz / 1024 > budget ? `  OVER BUDGET (${budget} KiB)` : '';
  over ||= flag !== '';
  console.log(`${name.padEnd(30)} ${kib(bytes.length).padStart(8)} KiB, gzip ${kib(gz).padStart(7)} KiB${flag}`);
}
console.log(`${'  inlined in both (LZMA)'.padEnd(30)} ${kib(wasmLzma.length).padStart(8)} KiB`);
if (over) process.exit(1);
