// What the page keeps on this device, in IndexedDB: the reader's articles ('articles', by id:
// {id, name, content, facts, added, order}) and the core's extraction of each ('parts', by key: the
// part's bytes). A part's key is a hash of everything its extraction read (the article's id,
// name, content and facts) and of the core's version, so that a reload extracts nothing that
// was extracted before and a new core extracts everything again. Storage only: no meaning.

const DB_NAME = 'storyscope';
const DB_VERSION = 2;
const ARTICLES = 'articles';
const PARTS = 'parts';

let opened = null;

/**
 * The database, opened once for the page (an open costs more than most transactions): opened
 * again after a failed open, or once closed (another page's upgrade or deletion asks for that).
 * A browser without IndexedDB is told so at each call.
 */
function open() {
  return opened ??= new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') throw new Error('this browser keeps no local storage here');
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(ARTICLES)) db.createObjectStore(ARTICLES, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(PARTS)) db.createObjectStore(PARTS);
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onclose = db.onversionchange = () => {
        db.close();
        opened = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opened = null;
      reject(request.error ?? new Error('cannot open the local library'));
    };
  });
}

/** Runs `work(stores)` in one transaction over `names`; resolves with its request's result once committed. */
async function transaction(names, mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(names, mode);
    const result = work(Object.fromEntries(names.map((name) => [name, tx.objectStore(name)])));
    tx.oncomplete = () => resolve(result?.result ?? result);
    tx.onerror = () => reject(tx.error ?? new Error('the local library refused the change'));
    tx.onabort = () => reject(tx.error ?? new Error('the local library refused the change'));
  });
}

/**
 * The library's order: by when articles were added, then by their `order` among those added
 * with them (one add's articles share one time; before `order`, none had one).
 */
export const byAdded = (a, b) => String(a.added).localeCompare(String(b.added)) || (a.order ?? 0) - (b.order ?? 0);

/** Every stored article, oldest first. */
export async function storedArticles() {
  const all = await transaction([ARTICLES], 'readonly', (s) => s.articles.getAll());
  return all.sort(byAdded);
}

/** Articles put in one go: each put copies its article and part on the main thread. */
const PUTS_AT_ONCE = 25;

/**
 * Keeps articles and their parts ([{article, key, bytes}]; a null key keeps no part), all or
 * none: one transaction, whose puts go a few at a time, each group once the one before is
 * written (a request's callback keeps the transaction open), so that hundreds of articles do
 * not hold the main thread in one task.
 */
export const storeArticles = (entries) => transaction([ARTICLES, PARTS], 'readwrite', (s) => {
  const putFrom = (from) => {
    let last = null;
    for (const { article, key, bytes } of entries.slice(from, from + PUTS_AT_ONCE)) {
      last = s.articles.put(article);
      if (key) last = s.parts.put(bytes, key);
    }
    if (last && from + PUTS_AT_ONCE < entries.length) last.onsuccess = () => putFrom(from + PUTS_AT_ONCE);
  };
  putFrom(0);
});

export const deleteArticle = (id) => transaction([ARTICLES], 'readwrite', (s) => s.articles.delete(id));

/** The kept parts of these keys: Map key → bytes (absent keys are left out). */
export async function storedParts(keys) {
  const wanted = keys.filter(Boolean);
  if (!wanted.length) return new Map();
  const found = new Map();
  await transaction([PARTS], 'readonly', (s) => {
    for (const key of wanted) {
      const request = s.parts.get(key);
      request.onsuccess = () => { if (request.result instanceof Uint8Array) found.set(key, request.result); };
    }
  });
  return found;
}

/** Deletes every kept part whose key is not in `keep`: those of removed articles and older cores. */
export const pruneParts = (keep) => transaction([PARTS], 'readwrite', (s) => {
  const request = s.parts.getAllKeys();
  request.onsuccess = () => { for (const key of request.result) if (!keep.has(key)) s.parts.delete(key); };
});

/** Keeps parts under their keys (see partKey; [[key, bytes]]), before their articles are kept, in one transaction: rejects when one cannot be kept (the others may or may not be). */
export const storeParts = (parts) => transaction([PARTS], 'readwrite', (s) => {
  for (const [key, bytes] of parts) s.parts.put(bytes, key);
});

export const deletePart = (key) => transaction([PARTS], 'readwrite', (s) => s.parts.delete(key));

/**
 * The key of an article's part: SHA-256 of the core's version and what the extraction reads.
 * Null where the browser offers no digest (a page served over plain http): nothing is cached.
 */
export async function partKey(coreVersion, { id, name, content, facts }) {
  if (!globalThis.crypto?.subtle) return null;
  const input = new TextEncoder().encode(JSON.stringify([coreVersion, id, name, facts ?? {}, content]));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
  return `${coreVersion}:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
