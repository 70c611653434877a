// The reader's own articles: read from pasted text or dropped files, checked one by one by the
// core (so that a bad file is named and nothing else is lost), kept in IndexedDB across
// reloads, and exported and imported as one corpus file (JSON: {storyscope: 1, articles}).
// Which files may be articles, and why one is refused, is the core's to say.

const DB_NAME = 'storyscope';
const STORE_NAME = 'articles';

function open() {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') { reject(new Error('this browser keeps no local storage here')); return; }
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('cannot open the local library'));
  });
}

async function transaction(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE_NAME, mode);
      const result = work(tx.objectStore(STORE_NAME));
      tx.oncomplete = () => resolve(result?.result ?? result);
      tx.onerror = () => reject(tx.error ?? new Error('the local library refused the change'));
    });
  } finally {
    db.close();
  }
}

/** Every stored article, oldest first. */
export async function storedArticles() {
  const all = await transaction('readonly', (store) => store.getAll());
  return all.sort((a, b) => String(a.added).localeCompare(String(b.added)));
}

export const storeArticles = (articles) => transaction('readwrite', (store) => { for (const a of articles) store.put(a); });
export const deleteArticle = (id) => transaction('readwrite', (store) => store.delete(id));

/** A unique, readable id for a new article. */
function articleId(name, taken) {
  const stem = String(name).replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'article';
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Reads files (`{name, file}`) or pasted text (`{name, text}`) into articles, each checked by
 * the core. An article whose text is already in `present` (a Set of the texts kept) is
 * skipped, not added twice. Calls `progress(done, total)` between sources so that the page
 * stays responsive. Returns {articles, failures: [{name, reason}], skipped}.
 */
export async function readSources(core, sources, { taken, present, progress }) {
  const articles = [];
  const failures = [];
  let skipped = 0;
  let done = 0;
  for (const source of sources) {
    const name = source.name;
    let id = null;
    try {
      let content = source.text;
      let article;
      if (source.file) {
        const refused = await core.checkFile(name, source.file.size);
        if (refused) throw new Error(refused);
        const bytes = new Uint8Array(await source.file.arrayBuffer());
        id = articleId(name, taken);
        article = { id, name, bytes };
      } else {
        id = articleId(name, taken);
        article = { id, name, content };
      }
      const checked = await core.checkArticle(article);
      if (checked.failure) throw new Error(checked.failure);
      // Stored as text (the core decoded and checked it), with the title for the list.
      content ??= new TextDecoder().decode(article.bytes);
      if (present.has(content)) {
        taken.delete(id);
        skipped += 1;
      } else {
        present.add(content);
        articles.push({ id, name, content, title: checked.title, added: new Date().toISOString() });
      }
    } catch (error) {
      if (id) taken.delete(id);
      failures.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
    done += 1;
    progress?.(done, sources.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { articles, failures, skipped };
}

/** The corpus file: every stored article, to import elsewhere. */
export function corpusFile(articles) {
  return JSON.stringify({ storyscope: 1, articles: articles.map(({ id, name, content, added }) => ({ id, name, content, added })) }, null, 1);
}

/** Parses a corpus file into sources for readSources; throws a readable error when it is not one. */
export function parseCorpusFile(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('not a Storyscope corpus file (invalid JSON)');
  }
  if (!data || data.storyscope !== 1 || !Array.isArray(data.articles)) throw new Error('not a Storyscope corpus file');
  return data.articles
    .filter((a) => a && typeof a.content === 'string' && typeof (a.name ?? a.id) === 'string')
    .map((a) => ({ name: String(a.name ?? a.id).slice(0, 200), text: a.content }));
}
