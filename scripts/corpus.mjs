// Generated corpora for benchmarks and tests: varied articles made from the paragraphs of the
// seeds and the test articles (annotations and comments stripped), each led by one source's
// title and first paragraphs and filled up with paragraphs of others, with published days
// spread over two years.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BODY_DIRS = ['seeds', 'tests/articles', 'tests/quotes', 'tests/entities'];

/** {title, paragraphs} of every source article under `root`. */
function sourceBodies(root) {
  const bodies = [];
  for (const dir of BODY_DIRS) {
    let names = [];
    try { names = readdirSync(join(root, dir)); } catch { continue; }
    for (const name of names.sort().filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(root, dir, name), 'utf8')
        .split(/^===/m)[0]
        .replace(/\[([^\]]+)\]\{[^}]*\}/g, '$1')
        .split('\n').filter((line) => !line.startsWith('#')).join('\n').trim();
      const [title, ...rest] = text.split(/\n\s*\n/);
      const paragraphs = rest.map((p) => p.trim()).filter((p) => p.length > 40);
      if (paragraphs.length) bodies.push({ title: title.trim(), paragraphs });
    }
  }
  return bodies;
}

/**
 * `count` articles of about `chars` characters: [{id, content, published}]. `only(paragraph)`
 * keeps the source paragraphs it accepts (all by default).
 */
export function generateArticles(root, count, { chars = 3800, only = () => true } = {}) {
  const bodies = sourceBodies(root)
    .map((b) => ({ ...b, paragraphs: b.paragraphs.filter(only) }))
    .filter((b) => b.paragraphs.length);
  const day = (n) => new Date(Date.UTC(2009, 0, 1) + n * 86400000).toISOString().slice(0, 10);
  const articles = [];
  for (let i = 0; i < count; i++) {
    const lead = bodies[i % bodies.length];
    const paragraphs = [...lead.paragraphs];
    for (let k = 1; paragraphs.join('\n\n').length < chars; k++) {
      const other = bodies[(i * 7 + k * 13) % bodies.length];
      paragraphs.push(other.paragraphs[(i + k) % other.paragraphs.length]);
    }
    paragraphs.push(`Filed as report R${i} from desk ${i % 97}.`);
    const content = `${lead.title} (${i})\n\n${paragraphs.join('\n\n')}\n`;
    articles.push({ id: `a${String(i).padStart(5, '0')}`, content, published: day((i * 37) % 730) });
  }
  return articles;
}
