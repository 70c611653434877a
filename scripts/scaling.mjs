// Scaling check (a benchmark, not a test): grows each pathological input pattern 8× and times
// the release CLI on both sizes. Linear extraction takes about 8× as long; the script prints
// the ratio and flags any pattern above 10× (super-linear) or above 20× its input in peak
// memory. It asserts nothing and exits 0: `make bench` prints it, people read it.
//
//   node scripts/scaling.mjs [--base KB] [--only NAME] [--bin PATH]
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
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
console.log(`scaling: each pattern at ${baseKb} KB and ${baseKb * 8} KB (release CLI; time, and peak memory above ${(baseline / 1024).toFixed(1)} MiB)`);
console.log('pattern'.padEnd(32) + 'small s'.padStart(9) + 'large s'.padStart(9) + '  ratio' + '  peak MiB/MB' + '  verdict');
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
  const verdict = failed ? 'CRASH' : ratio > 10 ? 'SUPER-LINEAR' : memory > 20 ? 'MEMORY' : 'ok';
  console.log(label.padEnd(32) + small.seconds.toFixed(2).padStart(9) + large.seconds.toFixed(2).padStart(9)
    + ratio.toFixed(1).padStart(7) + memory.toFixed(1).padStart(13) + '  ' + verdict);
}
