// What the timeline says about one event beyond its position: how sure its date is (sources
// that disagree, dates resolved against an inferred publication date) and the detail panel
// (date, summary, sources, participants, quotes).

/**
 * The doubts about an event's date: `conflict` when its sources give dates that do not
 * overlap, `coarser` when they only differ in precision, `inferred` when a relative date of it
 * was resolved against a publication date inferred from the text (or unknown).
 */
function timelineDoubts(ev, model, timesByDoc) {
  const values = [...new Set(ev.dates?.length ? ev.dates : [ev.date])];
  const ranges = values.map(timelineValueRange);
  let conflict = false;
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      const [a, b] = [ranges[i], ranges[j]];
      if (!a || !b || a[1] < b[0] || b[1] < a[0]) conflict = true;
    }
  }
  const inferred = ev.uncertain === true || ev.inferred === true || ev.mentions.some((m) => {
    const doc = model.docsById.get(m.doc);
    if (doc && doc.published && doc.published_source !== 'inferred' && doc.published_source !== 'none') return false;
    return (timesByDoc.get(m.doc) ?? []).some((t) => t.anchor && t.start >= m.start && t.end <= m.end && values.includes(t.value));
  });
  return { values, conflict, coarser: values.length > 1 && !conflict, inferred };
}

/** The times of each document, for timelineDoubts. */
function timelineTimesByDoc(model) {
  const map = new Map();
  for (const t of model.times ?? []) {
    if (!map.has(t.doc)) map.set(t.doc, []);
    map.get(t.doc).push(t);
  }
  return map;
}

const TIMELINE_PRECISION_LABELS = {
  day: 'a day', week: 'a week', month: 'a month', quarter: 'a quarter', half: 'half a year', season: 'a season',
  year: 'a year', decade: 'a decade', century: 'a century',
};

/** The panel of the selected event. */
function renderTimelineDetail(ev, doubts, { model, actions }) {
  if (!ev) return h('p', { class: 'ss-empty', text: 'Select an event to see its sources, participants and quotes.' });
  const precision = timelinePrecision(ev.date);
  const sourceMentions = ev.docs.map((docId) => ({ docId, mention: ev.mentions.find((m) => m.doc === docId) }));
  const quotes = ev.quotes.map((id) => model.quotesById.get(id)).filter(Boolean);
  return h('article', { class: 'tl-detail-card', 'aria-labelledby': 'tl-detail-date' },
    h('h3', { class: 'tl-detail-date', id: 'tl-detail-date' },
      h('time', { datetime: ev.start, text: timelineFormatValue(ev.date) }),
      precision && precision !== 'day' ? h('span', { class: 'ss-note', text: ` (${formatDate(ev.start)} – ${formatDate(ev.end)}, ${TIMELINE_PRECISION_LABELS[precision]})` }) : null),
    doubts.conflict ? h('p', { class: 'tl-doubt' }, h('span', { class: 'tl-glyph', 'aria-hidden': 'true', text: '≠ ' }),
      `The sources disagree on the date: ${doubts.values.map(timelineFormatValue).join(' / ')}.`) : null,
    doubts.coarser ? h('p', { class: 'ss-note', text: `Also given as ${doubts.values.slice(1).map(timelineFormatValue).join(', ')}.` }) : null,
    doubts.inferred ? h('p', { class: 'tl-doubt' }, h('span', { class: 'tl-glyph', 'aria-hidden': 'true', text: '? ' }),
      'Uncertain: worked out from a relative date in an article whose publication date was inferred.') : null,
    h('p', { class: 'tl-detail-summary', text: ev.summary }),
    h('h4', { text: 'Sources' }),
    h('ul', { class: 'tl-detail-list' }, sourceMentions.map(({ docId, mention }) => h('li', null,
      h('button', {
        type: 'button', class: 'tl-link', dataset: { doc: docId },
        onclick: () => actions.openDocument(docId, mention ? { start: mention.start, end: mention.end } : null),
      }, model.docsById.get(docId)?.title || docId),
      mention ? h('span', { class: 'ss-note', text: ` “${mention.text.length > 140 ? `${mention.text.slice(0, 139)}…` : mention.text}”` }) : null))),
    ev.entities.length ? [
      h('h4', { text: 'Involved' }),
      h('ul', { class: 'tl-detail-people' }, ev.entities.map((id, i) => h('li', null,
        h('button', { type: 'button', class: 'tl-chip', dataset: { entity: id }, onclick: () => actions.openEntity(id) },
          model.entitiesById.get(id)?.name ?? ev.entity_names[i] ?? id)))),
    ] : null,
    quotes.length ? [
      h('h4', { text: 'Quotes' }),
      h('ul', { class: 'tl-detail-list' }, quotes.map((q) => h('li', null,
        h('blockquote', { class: 'tl-quote', text: `“${q.text}”` }),
        h('button', { type: 'button', class: 'tl-link', onclick: () => actions.openDocument(q.doc, { start: q.start, end: q.end }) },
          `— ${q.speaker ?? 'unattributed'}, in context`)))),
    ] : null);
}
