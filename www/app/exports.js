// Exports of the current (filtered) view: the contract as JSON, and CSV tables of quotes,
// events and entities. Files are made locally as Blobs and downloaded; nothing is sent.

import { h } from './dom.js';

/**
 * The extraction restricted to what passes the filters, in the contract's shape. The model's
 * documents have no text: with `document(id)`, each one's text and paragraphs are asked of the
 * core; without, the documents are left as the model has them.
 */
export async function exportFiltered(model, visible, document = null) {
  const passing = model.documents.filter((d) => visible.documents.has(d.id));
  const documents = document ? await Promise.all(passing.map(async (d) => {
    const { length, comments, ...head } = d;
    const { text, paragraphs } = await document(d.id);
    return { ...head, text, paragraphs, comments };
  })) : passing;
  return {
    documents,
    quotes: model.quotes.filter((q) => visible.quotes.has(q.id)),
    entities: model.entities.filter((e) => visible.entities.has(e.id)),
    times: model.times.filter((t) => visible.documents.has(t.doc)),
    events: model.events.filter((e) => visible.events.has(e.id)),
  };
}

/** One CSV field: lists joined with "; ", quoted when needed (RFC 4180), and a leading
 *  formula sign defused so that spreadsheets show article text rather than run it. */
function csvField(value) {
  let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 rows with CRLF line ends. */
function toCsv(header, rows) {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const CSV_TABLES = {
  quotes: (data, model) => toCsv(
    ['id', 'doc', 'title', 'published', 'kind', 'speaker', 'speaker_id', 'cue', 'text'],
    data.quotes.map((q) => [q.id, q.doc, model.docsById.get(q.doc)?.title, model.docsById.get(q.doc)?.published, q.kind, q.speaker, q.speaker_id, q.cue, q.text])),
  // One row per event: doc ids and entity names, each joined with "; ".
  events: (data) => toCsv(
    ['id', 'date', 'start', 'end', 'summary', 'docs', 'entities'],
    data.events.map((e) => [e.id, e.date, e.start, e.end, e.summary, e.docs, e.entity_names])),
  entities: (data) => toCsv(
    ['id', 'name', 'kind', 'mentions', 'aliases', 'roles'],
    data.entities.map((e) => [e.id, e.name, e.kind, e.mentions.length, e.aliases, e.roles])),
};

/** Offers `text` as a download named `name`; `root` holds the link for the moment of the click. */
export function download(root, name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
