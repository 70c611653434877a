// The panel of the selected event: its date and how precise it is, the doubts the core found
// (sources that disagree, a date resolved against an inferred publication date), the summary,
// the sources, who is involved and the quotes it times.

import { h } from '../../dom.js';
import { formatDate, formatPeriod, PRECISION_LABELS } from '../../format.js';

export function eventDetail(ev, { model, actions }) {
  if (!ev) return h('p', { class: 'ss-empty', text: 'Select an event to see its sources, participants and quotes.' });
  const ranges = ev.ranges?.length ? ev.ranges : [{ date: ev.date, start: ev.start, end: ev.end, precision: ev.precision }];
  const sourceMentions = ev.docs.map((docId) => ({ docId, mention: ev.mentions.find((m) => m.doc === docId) }));
  const quotes = ev.quotes.map((id) => model.quotesById.get(id)).filter(Boolean);
  const others = ranges.slice(1).map(formatPeriod);
  return h('article', { class: 'tl-detail-card', 'aria-labelledby': 'tl-detail-date' },
    h('h3', { class: 'tl-detail-date', id: 'tl-detail-date' },
      h('time', { datetime: ev.start, text: formatPeriod(ranges[0]) }),
      ev.precision !== 'day' ? h('span', { class: 'ss-note', text: ` (${formatDate(ev.start)} – ${formatDate(ev.end)}, ${PRECISION_LABELS[ev.precision] ?? ev.precision})` }) : null),
    ev.conflict ? h('p', { class: 'tl-doubt' }, h('span', { class: 'tl-glyph', 'aria-hidden': 'true', text: '≠ ' }),
      `The sources disagree on the date: ${ranges.map(formatPeriod).join(' / ')}.`) : null,
    !ev.conflict && others.length ? h('p', { class: 'ss-note', text: `Also given as ${others.join(', ')}.` }) : null,
    ev.inferred ? h('p', { class: 'tl-doubt' }, h('span', { class: 'tl-glyph', 'aria-hidden': 'true', text: '? ' }),
      'Uncertain: worked out from a relative date in an article whose publication date was inferred.') : null,
    h('p', { class: 'tl-detail-summary', dir: 'auto', text: ev.summary }),
    h('h4', { text: 'Sources' }),
    h('ul', { class: 'tl-detail-list' }, sourceMentions.map(({ docId, mention }) => h('li', null,
      h('button', {
        type: 'button', class: 'tl-link', dataset: { doc: docId },
        onclick: () => actions.openDocument(docId, mention ? { start: mention.start, end: mention.end } : null),
      }, model.docsById.get(docId)?.title || docId),
      mention ? h('span', { class: 'ss-note', text: ` ${excerpt(mention.text)}` }) : null))),
    ev.entities.length ? [
      h('h4', { text: 'Involved' }),
      h('ul', { class: 'tl-detail-people' }, ev.entities.map((id, i) => h('li', null,
        h('button', { type: 'button', class: 'tl-chip', dataset: { entity: id }, onclick: () => actions.openEntity(id) },
          model.entitiesById.get(id)?.name ?? ev.entity_names[i] ?? id)))),
    ] : null,
    quotes.length ? [
      h('h4', { text: 'Quotes' }),
      h('ul', { class: 'tl-detail-list' }, quotes.map((q) => h('li', null,
        h('blockquote', { class: 'tl-quote', dir: 'auto', text: `“${q.text}”` }),
        h('button', { type: 'button', class: 'tl-link', onclick: () => actions.openDocument(q.doc, { start: q.start, end: q.end }) },
          `— ${q.speaker ?? 'unattributed'}, in context`)))),
    ] : null);
}

/** What the shapes and signs mean, drawn with the same classes as the chart. */
export function legend(s) {
  const sample = (...shapes) => s('svg', { class: 'tl-legend-icon', width: 28, height: 16, viewBox: '0 0 28 16', 'aria-hidden': 'true' }, shapes);
  return h('ul', { class: 'tl-legend', 'aria-label': 'Legend' },
    h('li', null, sample(s('g', { class: 'tl-ev tl-point' }, s('circle', { class: 'tl-shape', cx: 14, cy: 8, r: 5 }))), 'one day'),
    h('li', null, sample(s('g', { class: 'tl-ev tl-bar' }, s('rect', { class: 'tl-shape', x: 2, y: 3, width: 24, height: 10, rx: 2 }))), 'a week, month or season'),
    h('li', null, sample(s('g', { class: 'tl-ev tl-bar tl-coarse' }, s('rect', { class: 'tl-shape', x: 2, y: 3, width: 24, height: 10, rx: 2 }))), 'a year or longer'),
    h('li', null, h('span', { class: 'tl-glyph', 'aria-hidden': 'true', text: '?' }), ' uncertain date (publication date inferred)'),
    h('li', null, h('span', { class: 'tl-glyph', 'aria-hidden': 'true', text: '≠' }), ' the sources disagree on the date'),
    h('li', null, sample(s('path', { class: 'tl-break-mark', d: 'M8,14 l4,-12 M16,14 l4,-12' })), 'empty time skipped'));
}

/** A source's clause in quote marks, cut at 140 characters; one that opens with its own quote mark keeps it alone. */
function excerpt(mention) {
  const text = mention.trim();
  const cut = text.length > 140 ? `${text.slice(0, 139)}…` : text;
  return /^["“‘«„]/.test(text) ? cut : `“${cut}”`;
}
