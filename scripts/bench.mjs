// Benchmark: builds a corpus of many documents (>= 10 MB) from the seeds and the test articles,
// times `storyscope extract` natively and the wasm core in Node's V8 (Chromium's engine), and
// prints MB/s and the dist sizes. Usage: node scripts/bench.mjs [--mb 10] [--runs 3]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const targetMb = arg('mb', 10);
const runs = arg('runs', 3);

// Sources: the seeds and every article of the data-driven tests.
const sources = [];
for (const dir of ['seeds', 'tests/articles', 'tests/quotes', 'tests/entities', 'tests/times']) {
  let names = [];
  try { names = readdirSync(join(root, dir)); } catch { continue; }
  for (const name of names.sort()) {
    if (/\.(txt|md|html)$/.test(name)) sources.push({ name, content: readFileSync(join(root, dir, name), 'utf8') });
  }
}
const corpusDir = join(root, 'target', 'bench-corpus');
rmSync(corpusDir, { recursive: true, force: true });
mkdirSync(corpusDir, { recursive: true });
const articles = [];
let bytes = 0;
for (let copy = 0; bytes < targetMb * 1e6; copy++) {
  for (const { name, content } of sources) {
    const id = `${String(copy).padStart(4, '0')}-${name.replace(/\.[^.]+$/, '')}`;
    const ext = name.slice(name.lastIndexOf('.'));
    writeFileSync(join(corpusDir, id + ext), content);
    articles.push({ id, name: id + ext, content });
    bytes += Buffer.byteLength(content);
  }
}
const mb = bytes / 1e6;
console.log(`corpus: ${articles.length} documents, ${mb.toFixed(1)} MB (from ${sources.length} distinct articles)`);
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

const best = (f) => {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min / 1000;
};

// Native: the release CLI over the folder (reading files and writing JSON included).
const binary = join(root, 'target', 'release', 'storyscope');
const native = best(() => {
  const r = spawnSync(binary, ['extract', '--compact', corpusDir], { maxBuffer: 2 ** 31, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`storyscope extract failed (${r.status})`);
});
console.log(`native: ${(mb / native).toFixed(2)} MB/s (${native.toFixed(2)} s, best of ${runs})`);

// Wasm: the optimized build with its classic-script glue, in this Node's V8.
const glue = readFileSync(join(root, 'target', 'wasm-bindgen', 'storyscope.js'), 'utf8');
const core = new Function(`${glue}\nreturn wasm_bindgen;`)();
await core({ module_or_path: readFileSync(join(root, 'target', 'wasm-bindgen', 'storyscope_bg.opt.wasm')) });
const wasm = best(() => core.extract(articles, false));
console.log(`wasm:   ${(mb / wasm).toFixed(2)} MB/s (${wasm.toFixed(2)} s, best of ${runs}; one extract() call, JS objects out)`);

for (const file of ['target/wasm-bindgen/storyscope_bg.opt.wasm', 'dist/storyscope.html', 'dist/storyscope-embed.js']) {
  const data = readFileSync(join(root, file));
  console.log(`${file.padEnd(44)} ${(statSync(join(root, file)).size / 1024).toFixed(1).padStart(7)} KiB, gzip ${(gzipSync(data, { level: 9 }).length / 1024).toFixed(1).padStart(6)} KiB`);
}
