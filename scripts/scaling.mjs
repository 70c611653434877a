// Scaling check (a benchmark, not a test): grows each pathological input pattern 8× and times
// the release CLI on both sizes. Linear extraction takes about 8× as long; the script prints
// the ratio and flags any pattern above 10× (super-linear) or above 20× its input in peak
// memory. It asserts nothing and exits 0: `make bench` prints it, people read it.
// With --page, it also runs the larger input as the page's workers do, in Debian's Chromium:
// the extractor's worker makes the article's part (`extractArticle`), a corpus worker of its
// own assembles and indexes it (`newCorpusFromParts`, then `model()`), each in a fresh wasm
// instance; the wasm's linear memory never shrinks, so its size afterwards is the peak.
//
//   node scripts/scaling.mjs [--base KB] [--only NAME] [--bin PATH] [--page [--wasm DIR]]
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticles } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const baseKb = Number(arg('base', 100));
const only = arg('only', null);
const bin = arg('bin', join(root, 'target', 'release', 'storyscope'));
const page = process.argv.includes('--page');
const wasmDir = arg('wasm', join(root, 'target', 'wasm-bindgen'));
const dir = join(root, 'target', 'scaling');
mkdirSync(dir, { recursive: true });

const given = ['Anna', 'Boris', 'Clara', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Luca'];
const family = ['Novak', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Sato', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Xu', 'Yilmaz'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A distinct made-up name for every i (so no two repeat). */
const name = (i) => `${given[i % 12]} ${family[Math.floor(i / 12) % 12]}${i >= 144 ? '-' + family[Math.floor(i / 144) % 12] + (i >= 1728 ? Math.floor(i / 1728) : '') : ''}`;
const date = (i) => `${months[i % 12]} ${1 + (i % 28)}, ${1990 + (i % 30)}`;

/** Each pattern: [file extension, function of a size in bytes giving the content]. */
const patterns = {
  'hard-wrapped paragraph': ['.txt', (n) => 'Title\n\n' + repeat(n, (i) => `word${i % 97}\n`)],
  'many datelines at the top': ['.txt', (n) => 'Title\n\n' + repeat(n, (i) => `${date(i)}\n`) + '\nThe body of the story.\n'],
  'many bylines at the top': ['.txt', (n) => 'Title\n\n' + repeat(n, (i) => `By ${name(i)}\n`) + '\nThe body of the story.\n'],
  'many & in HTML text': ['.html', (n) => `<html><body><article><h1>T</h1><p>${repeat(n, () => 'a & b ')}</p></article></body></html>`],
  // In attributes the parser reads: a meta's content and a class.
  'many & in an attribute': ['.html', (n) => `<html><head><meta name="author" content="${repeat(n / 2, () => '&amp;x ')}"></head><body><article><h1>T</h1><p class="${repeat(n / 2, () => '&amp;x ')}">Body text here.</p></article></body></html>`],
  'unclosed Markdown [': ['.md', (n) => '---\ntitle: T\n---\n\n' + repeat(n, () => '[a ')],
  'unclosed Markdown [a](': ['.md', (n) => '---\ntitle: T\n---\n\n' + repeat(n, () => '[a](')],
  // A line record a line until a blank line ends the run (88 bytes once: 41 MiB per MB).
  'one-letter Markdown lines': ['.md', (n) => '---\ntitle: T\n---\n\n' + repeat(n, () => 'a\n')],
  'one-letter text lines': ['.txt', (n) => 'Title\n\n' + repeat(n, () => 'a\n')],
  'one paragraph per line, short lines': ['.txt', (n) => 'Title\n' + repeat(n, (i) => (i % 3 ? 'Short line.\n' : 'A longer line of a paragraph that goes on past any hard wrap width, as pasted text does.\n'))],
  '"Name said:" lines': ['.txt', (n) => 'Title\n\nBody.\n\n' + repeat(n, (i) => `${name(i)} said:\n\nA line of what was said.\n\n`)],
  'comment stamps': ['.txt', (n) => 'Title\n\nBody.\n\n' + repeat(n, (i) => `Comment posted ${date(i)} @ 8:25 am\n\nA comment.\n\n`)],
  'unclosed tags and quotes': ['.html', (n) => '<html><body>' + repeat(n, (i) => (i % 2 ? '<div class="a">x ' : '<p title="é>y ')) + '</body></html>'],
  'end tags without start tags': ['.html', (n) => '<html><body>' + '<div>'.repeat(1000) + repeat(n, () => '</span>x') + '</body></html>'],
  'link lists beside text': ['.html', (n) => '<body><div>' + repeat(n, (i) => (i % 4 ? `<li><a href="/${i}">Story ${i}, with a comma</a></li>` : `<p>${name(i)} met officials on ${date(i)}, and more.</p>`)) + '</div></body>'],
  'JSON-LD nesting': ['.html', (n) => '<script type="application/ld+json">' + repeat(n, () => '[') + '</script><p>Body text here, long enough.</p>'],
  'dates joined by commas': ['.txt', (n) => 'Title\n\nThe meetings were held on ' + repeat(n, (i) => `${date(i)}, `) + 'and later.\n'],
  'quote-plus-date clauses': ['.txt', (n) => 'Title\n\n' + repeat(n, (i) => `“We agree,” ${name(i)} said on ${date(i)}, `) + 'and so on.\n'],
  'many distinct names': ['.txt', (n) => 'Title\n\n' + repeat(n, (i) => `${name(i)} met officials. `)],
  'full names then surnames': ['.txt', (n) => 'Title\n\n' + repeat(n, (i) => `${name(i)} spoke. Later ${name(i).split(' ')[1]} left. `)],
  'one surname, many given names': ['.txt', (n) => 'Title\n\n' + repeat(n, (i) => `${given[i % 12]}${i} Novak spoke. `)],
  'many quotes in one paragraph': ['.txt', (n) => 'Title\n\n' + repeat(n, (i) => `“Point ${i},” she said. `)],
  'unclosed quotes': ['.txt', (n) => 'Title\n\n' + repeat(n, (i) => `“An opening mark ${i}\n\n`)],
  'stories in one article': ['.txt', (n) => stories(n)],
};

function repeat(n, piece) {
  let out = '';
  for (let i = 0; out.length < n; i++) out += piece(i);
  return out;
}

/** One plain-text article made of many distinct generated stories (titles, datelines, bodies). */
function stories(n) {
  const articles = generateArticles(root, Math.ceil(n / 3000) + 1, { chars: 3000 });
  let out = 'Collected stories\n\n';
  for (const a of articles) {
    if (out.length >= n) break;
    out += a.content.replace(/^---[\s\S]*?---\n/, '') + '\n\n';
  }
  return out;
}

function run(file) {
  const t = spawnSync('/usr/bin/time', ['-f', '%e %M', bin, 'extract', '--compact', file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const last = t.stderr.trim().split('\n').pop().split(' ');
  return { seconds: Number(last[0]), kib: Number(last[1]), status: t.status };
}

if (!existsSync(bin)) {
  console.error(`scaling: ${bin} is missing; run cargo build --release first`);
  process.exit(0);
}
// Peak memory is counted above what the CLI takes on a one-line article.
const tiny = join(dir, 'tiny.txt');
writeFileSync(tiny, 'Title\n\nOne line.\n');
const baseline = run(tiny).kib;
const browser = page ? await pageRunner() : null;
console.log(`scaling: each pattern at ${baseKb} KB and ${baseKb * 8} KB (release CLI; time, and peak memory above ${(baseline / 1024).toFixed(1)} MiB)`
  + (browser ? `; page: the wasm's peak memory per MB at ${baseKb * 8} KB, extractor / corpus worker` : ''));
console.log('pattern'.padEnd(32) + 'small s'.padStart(9) + 'large s'.padStart(9) + '  ratio' + '  peak MiB/MB' + '  verdict'
  + (browser ? '  page MiB/MB' : ''));
for (const [label, [ext, make]] of Object.entries(patterns)) {
  if (only && !label.includes(only)) continue;
  const rows = [1, 8].map((k) => {
    const content = make(baseKb * 1000 * k);
    const file = join(dir, label.replace(/\W+/g, '-') + '-' + k + ext);
    writeFileSync(file, content);
    return { bytes: Buffer.byteLength(content), ...run(file) };
  });
  const [small, large] = rows;
  // Below a few milliseconds the ratio measures process start, not extraction.
  const ratio = small.seconds >= 0.02 ? large.seconds / small.seconds : large.seconds / 0.02;
  const memory = (Math.max(0, large.kib - baseline) / 1024) / (large.bytes / 1e6);
  const failed = rows.some((r) => r.status !== 0 && r.status !== 1);
  const inPage = browser ? await browser.measure(label, ext, make(baseKb * 1000 * 8)) : null;
  const pageTooBig = inPage && Math.max(inPage.extractor, inPage.corpus) > 20;
  const verdict = failed ? 'CRASH' : ratio > 10 ? 'SUPER-LINEAR' : memory > 20 || pageTooBig ? 'MEMORY' : 'ok';
  console.log(label.padEnd(32) + small.seconds.toFixed(2).padStart(9) + large.seconds.toFixed(2).padStart(9)
    + ratio.toFixed(1).padStart(7) + memory.toFixed(1).padStart(13) + '  ' + verdict.padEnd(7)
    + (inPage ? `  ${inPage.extractor.toFixed(1)} / ${inPage.corpus.toFixed(1)}` : ''));
}
await browser?.close();

/**
 * The page's workers in Chromium: a local server gives the core's glue and wasm (a fresh
 * instance per tab); `measure` returns the extractor's and the corpus worker's peak linear
 * memory, above a fresh instance's, in MiB per MB of the article.
 */
async function pageRunner() {
  const { chromium } = await import('playwright-core');
  const files = {
    '/': null,
    '/storyscope.js': join(wasmDir, 'storyscope.js'),
    '/storyscope_bg.wasm': join(wasmDir, 'storyscope_bg.opt.wasm'),
  };
  let article = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>scaling</title>');
    if (path === '/article') return res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(article);
    const file = files[path];
    if (!file) return res.writeHead(404).end();
    const type = path.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const chrome = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  /** Runs `work` ('extract' or 'corpus') in a fresh instance: [memory before, after] in bytes. */
  const fresh = async (work, name, part) => {
    const tab = await chrome.newPage();
    try {
      await tab.goto(origin + '/');
      return await tab.evaluate(async ({ work, name, part }) => {
        const core = await import('/storyscope.js');
        const exports = await core.default({ module_or_path: '/storyscope_bg.wasm' });
        const before = exports.memory.buffer.byteLength;
        let out = null;
        if (work === 'extract') {
          const content = await (await fetch('/article')).text();
          out = Array.from(core.extractArticle({ id: 'scaling', name, content }));
        } else {
          const corpus = core.newCorpusFromParts([new Uint8Array(part)], false);
          corpus.model();
          corpus.free();
        }
        return { before, after: exports.memory.buffer.byteLength, part: out };
      }, { work, name, part });
    } finally {
      await tab.close();
    }
  };
  return {
    async measure(label, ext, content) {
      article = content;
      const mb = Buffer.byteLength(content) / 1e6;
      const perMb = (r) => (r.after - r.before) / 2 ** 20 / mb;
      const extracted = await fresh('extract', 'scaling' + ext);
      const assembled = await fresh('corpus', null, extracted.part);
      return { extractor: perMb(extracted), corpus: perMb(assembled) };
    },
    async close() {
      await chrome.close();
      server.close();
    },
  };
}
