// Inlines the wasm (gzipped, then base64: a third of the size of plain base64, which gzip
// compresses badly; the page inflates it with DecompressionStream), the wasm-bindgen glue, the app scripts and styles into
// dist/storyscope-embed.js (one classic script defining <story-scope>) and
// dist/storyscope.html (one self-contained page with a strict Content-Security-Policy whose
// script and style hashes are computed here). Prints the gzip sizes and enforces the budget
// of wasm-pack.toml.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [gluePath, wasmPath] = process.argv.slice(2);
const read = (p) => readFileSync(join(root, p), 'utf8');
const setting = (key) => {
  const m = read('wasm-pack.toml').match(new RegExp(`^${key}\\s*=\\s*"?([^"#\\n]*)"?`, 'm'));
  if (!m) throw new Error(`wasm-pack.toml: no setting '${key}'`);
  return m[1].trim();
};

// The app's classic scripts, concatenated in this order inside one closure.
const APP_SCRIPTS = ['dom.js', 'core.js', 'format.js', 'permalink.js', 'library.js', 'selection.js', 'batches.js', 'exports.js', 'toolbar.js', 'views/articles.js', 'views/reader.js',
  'views/quotes.js', 'views/entities.js', 'views/timeline-scale.js', 'views/timeline-export.js',
  'views/timeline-detail.js', 'views/timeline.js', 'element.js'];

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version ?? '';
const wasm = readFileSync(wasmPath);
const glue = readFileSync(gluePath, 'utf8');
const STYLES = ['base', 'articles', 'reader', 'quotes', 'entities', 'timeline'];
const css = STYLES.map((name) => read(`www/styles/${name}.css`)).join('\n');
const app = APP_SCRIPTS.map((f) => `// ---- www/app/${f}\n${read(`www/app/${f}`)}`).join('\n');

const bundled = `/*! Storyscope ${version}: explore a news story across articles. One script, no network. */
(() => {
"use strict";
const STORYSCOPE_CSS = ${JSON.stringify(css)};
const STORYSCOPE_WASM_GZIP = ${JSON.stringify(gzipSync(wasm, { level: 9 }).toString('base64'))};
${glue}
${app}
})();
`;
// Inline in <script>, "</script" would end the element: in JS strings "<\/" means the same.
const embed = bundled.replace(/<\/(script)/gi, '<\\/$1');

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
  ['storyscope.wasm (optimized)', wasm, 'wasm_gzip_kib'],
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
if (over) process.exit(1);
