// Scaling of article parsing on inputs that used to take quadratic time (issue 14): each
// pattern is grown 1×, 8× and 16× and the release CLI is timed on it. Linear code takes about
// 8× and 16× the time; the last column flags growth above 10× for 8× the input.
//
//   cargo build --release && node scripts/bench-article-scaling.mjs [--base KB]
//
// A benchmark, not a test: it prints figures and asserts nothing. `make bench` may call it.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = process.env.STORYSCOPE_BIN ?? 'target/release/storyscope';
const baseArg = process.argv.indexOf('--base');
const baseBytes = (baseArg > 0 ? Number(process.argv[baseArg + 1]) : 25) * 1024;

const words = ['council', 'members', 'voted', 'on', 'the', 'budget', 'after', 'a', 'long', 'debate', 'about', 'roads',
  'schools', 'and', 'parks', 'in', 'the', 'city'];
/** `n` bytes or more of `unit` repeated (`unit(i)` varies it). */
const grow = (n, unit) => {
  const parts = [];
  let size = 0;
  for (let i = 0; size < n; i++) {
    const part = unit(i);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
};
const sentenceWord = (i) => words[i % words.length] + ((i % 20) === 19 ? '.' : '');

// Each pattern: a file extension and a generator of about `n` bytes.
const patterns = {
  'paragraph wrapped at every word': ['txt', (n) => 'Title\n\n' + grow(n, (i) => sentenceWord(i) + '\n')],
  'datelines at the top': ['txt', (n) => 'Title\n\n' + grow(n, () => 'Tuesday, March 03, 2009 at 8:48 am\n\n') + 'Body text.\n'],
  'bylines at the top': ['txt', (n) => 'Title\n\n' + grow(n, () => 'By Jane Doe | May 5, 2020\n\n') + 'Body text.\n'],
  'one per line with short lines': ['txt', (n) => 'Title\n' + grow(n, (i) => (i % 3 ? 'Short line.\n' : 'A much longer line of a paragraph that goes on past any hard wrap width, as pasted text does.\n'))],
  '"Name said:" lines': ['txt', (n) => 'Title\n\nBody.\n\n' + grow(n, (i) => `Speaker ${i % 50} said:\n\nA line of what was said.\n\n`)],
  'comment stamps': ['txt', (n) => 'Title\n\nBody.\n\n' + grow(n, () => 'Comment posted March 3, 2009 @ 8:25 am\n\nA comment.\n\n')],
  '& in HTML text': ['html', (n) => '<html><body><p>' + grow(n, () => '& ') + '</p><p>Body text here, long enough.</p></body></html>'],
  '& in an attribute': ['html', (n) => '<html><head><meta name="author" content="' + grow(n, () => '&a') + '"></head><body><p class="' + grow(n, () => '&b ') + '">Body text here, long enough.</p></body></html>'],
  'unclosed tags and quotes': ['html', (n) => '<html><body>' + grow(n, (i) => (i % 2 ? '<div class="a">x ' : '<p title="é>y ')) + '</body></html>'],
  'end tags without start tags': ['html', (n) => '<html><body>' + '<div>'.repeat(1000) + grow(n, () => '</span>x') + '</body></html>'],
  'link lists beside text': ['html', (n) => '<body><div>' + grow(n, (i) => (i % 4 ? `<li><a href="/${i}">Story ${i}, with a comma</a></li>` : `<p>${words.join(' ')}, and more.</p>`)) + '</div></body>'],
  'JSON-LD nesting': ['html', (n) => '<script type="application/ld+json">' + grow(n, () => '[') + '</script><p>Body text here, long enough.</p>'],
  'unclosed Markdown [': ['md', (n) => '# Title\n\n' + grow(n, () => '[a ') + '\n'],
  'unclosed Markdown [a](': ['md', (n) => '# Title\n\n' + grow(n, () => '[a](') + '\n'],
};

const dir = mkdtempSync(join(tmpdir(), 'storyscope-scaling-'));
const time = (file) => {
  const best = [];
  for (let run = 0; run < 3; run++) {
    const start = process.hrtime.bigint();
    execFileSync(bin, ['extract', '--compact', file], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
    best.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return Math.min(...best);
};

console.log(`article parsing scaling, base ${baseBytes / 1024} KB (${bin}); ms for 1×, 8×, 16× and growth`);
console.log('pattern'.padEnd(34) + '1×'.padStart(9) + '8×'.padStart(9) + '16×'.padStart(9) + '  8×/1×  16×/1×');
try {
  for (const [name, [ext, make]] of Object.entries(patterns)) {
    const ms = [1, 8, 16].map((k) => {
      const file = join(dir, `case.${ext}`);
      writeFileSync(file, make(baseBytes * k));
      return time(file);
    });
    // Below a few ms, process start dominates: growth is not meaningful there.
    const g8 = ms[1] / ms[0];
    const g16 = ms[2] / ms[0];
    const flag = ms[1] > 20 && g8 > 10 ? '  SUPERLINEAR' : '';
    console.log(name.padEnd(34) + ms.map((t) => t.toFixed(1).padStart(9)).join('') + g8.toFixed(1).padStart(7) + g16.toFixed(1).padStart(8) + flag);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
