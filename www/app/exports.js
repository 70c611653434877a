// Exports of the current (filtered) view: the contract as JSON, and CSV tables of quotes,
// events and entities. Files are made locally as Blobs and downloaded; nothing is sent.

/** The extraction restricted to what passes the filters (the contract's shape). */
function exportFiltered(model, visible) {
  return {
    documents: model.documents.filter((d) => visible.documents.has(d.id)),
    quotes: model.quotes.filter((q) => visible.quotes.has(q.id)),
    entities: model.entities.filter((e) => visible.entities.has(e.id)),
    times: model.times.filter((t) => visible.documents.has(t.doc)),
    events: model.events.filter((e) => visible.events.has(e.id)),
  };
}

/** RFC 4180: fields quoted when needed, quotes doubled, CRLF line ends. */
function toCsv(header, rows) {
  const field = (v) => {
    const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
    return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

const CSV_TABLES = {
  quotes: (data, model) => toCsv(
    ['id', 'doc', 'title', 'published', 'kind', 'speaker', 'speaker_id', 'cue', 'text'],
    data.quotes.map((q) => [q.id, q.doc, model.docsById.get(q.doc)?.title, model.docsById.get(q.doc)?.published, q.kind, q.speaker, q.speaker_id, q.cue, q.text])),
  events: (data) => toCsv(
    ['id', 'date', 'start', 'end', 'summary', 'docs', 'entities'],
    data.events.map((e) => [e.id, e.date, e.start, e.end, e.summary, e.docs, e.entity_names])),
  entities: (data) => toCsv(
    ['id', 'name', 'kind', 'mentions', 'aliases', 'roles'],
    data.entities.map((e) => [e.id, e.name, e.kind, e.mentions.length, e.aliases, e.roles])),
};

/** Offers `text` as a download named `name`. */
function download(root, name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
