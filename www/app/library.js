// The reader's own articles: read from pasted text or dropped files, checked one by one by the
// core (so a bad file is named and nothing else is lost), and kept in IndexedDB across reloads.
// Exported and imported as one corpus file (JSON: {storyscope: 1, articles: [...]}).

const LIBRARY_DB = 'storyscope';
const LIBRARY_STORE = 'articles';
const ACCEPTED = /\.(txt|text|md|markdown|html?|xhtml)$/i;
const MAX_FILE_BYTES = 8 * 1024 * 1024;

function libraryOpen() {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') { reject(new Error('this browser keeps no local storage here')); return; }
    const request = indexedDB.open(LIBRARY_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(LIBRARY_STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('cannot open the local library'));
  });
}

async function libraryTransaction(mode, work) {
  const db = await libraryOpen();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(LIBRARY_STORE, mode);
      const result = work(tx.objectStore(LIBRARY_STORE));
      tx.oncomplete = () => resolve(result?.result ?? result);
      tx.onerror = () => reject(tx.error ?? new Error('the local library refused the change'));
    });
  } finally {
    db.close();
  }
}

const libraryAll = () => libraryTransaction('readonly', (store) => store.getAll());
const libraryPut = (articles) => libraryTransaction('readwrite', (store) => { for (const a of articles) store.put(a); });
const libraryDelete = (id) => libraryTransaction('readwrite', (store) => store.delete(id));

/** A unique, readable id for a new article. */
function libraryId(name, taken) {
  const stem = String(name).replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'article';
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Reads files (or pasted text) into articles, checking each with the core. Calls
 * `progress(done, total)` between files so the page stays responsive. Returns
 * { articles, failures: [{name, reason}] }.
 */
async function libraryRead(core, sources, taken, progress) {
  const articles = [];
  const failures = [];
  let done = 0;
  for (const source of sources) {
    const name = source.name;
    let id = null;
    try {
      let article;
      if (source.file) {
        if (!ACCEPTED.test(name)) throw new Error('unsupported type: use .txt, .md or .html');
        if (source.file.size > MAX_FILE_BYTES) throw new Error(`the file is too large (${Math.round(source.file.size / 1024)} KB; the limit is ${MAX_FILE_BYTES / 1024} KB)`);
        const bytes = new Uint8Array(await source.file.arrayBuffer());
        id = libraryId(name, taken);
        article = { id, name, bytes };
      } else {
        id = libraryId(name, taken);
        article = { id, name, content: source.text };
      }
      const checked = callCore(core, 'extract', [article], false);
      if (checked.failures.length) throw new Error(checked.failures[0].reason);
      const doc = checked.documents[0];
      // Stored as text (the core decoded and checked it), with the title for the list.
      articles.push({ id: article.id, name, content: article.content ?? new TextDecoder().decode(article.bytes), title: doc.title, added: new Date().toISOString() });
    } catch (error) {
      if (id) taken.delete(id);
      failures.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
    done += 1;
    progress?.(done, sources.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { articles, failures };
}

/** The corpus file: every stored article, to import elsewhere. */
function libraryExport(articles) {
  return JSON.stringify({ storyscope: 1, articles: articles.map(({ id, name, content, added }) => ({ id, name, content, added })) }, null, 1);
}

/** Parses a corpus file; throws a readable error when it is not one. */
function libraryParseCorpus(text) {
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
