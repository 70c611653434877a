// The extraction as the views read it: the contract's arrays plus id lookups, built once per
// corpus. Data only; what it means was decided by the core.

import { selectionPositions } from './selection.js';

/** Adds the lookups every view needs to the extraction returned by the core. */
export function indexModel(extraction) {
  const quotesByDoc = new Map();
  for (const q of extraction.quotes) {
    if (!quotesByDoc.has(q.doc)) quotesByDoc.set(q.doc, []);
    quotesByDoc.get(q.doc).push(q);
  }
  return {
    ...extraction,
    docsById: new Map(extraction.documents.map((d) => [d.id, d])),
    entitiesById: new Map(extraction.entities.map((e) => [e.id, e])),
    quotesById: new Map(extraction.quotes.map((q) => [q.id, q])),
    quotesByDoc,
    positions: selectionPositions(extraction),
  };
}
