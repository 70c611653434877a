// The corpus file: the reader's articles as one JSON file ({storyscope: 1, articles}) to export
// and import elsewhere, each with the facts its reader gave (title, published, outlet). An
// imported file is untrusted: only strings of the expected fields are read.

/** The facts a reader may give an article, as the core's article input names them. */
export const FACT_FIELDS = ['title', 'published', 'outlet'];

/** Facts with blank and non-string values left out (the core reads and checks the rest). */
export function cleanFacts(facts) {
  const clean = {};
  for (const field of FACT_FIELDS) {
    const value = facts?.[field];
    if (typeof value === 'string' && value.trim()) clean[field] = value.trim().slice(0, 300);
  }
  return clean;
}

/** The corpus file of these articles. */
export function corpusFile(articles) {
  return JSON.stringify({
    storyscope: 1,
    articles: articles.map(({ id, name, content, facts, added }) => ({ id, name, content, ...(Object.keys(facts ?? {}).length ? { facts } : {}), added })),
  }, null, 1);
}

/** Parses a corpus file into sources ({name, text, facts}); throws a readable error when it is not one. */
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
    .map((a) => ({ name: String(a.name ?? a.id).slice(0, 200), text: a.content, facts: cleanFacts(a.facts) }));
}
