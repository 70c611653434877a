// The article reader: header, body paragraphs (list items as items, quotes marked, the focused
// span and the search words highlighted), and the reader comments and pingbacks apart from
// the body. The text is asked of the core when the article is shown (the model has none).

import { codePoints, h, highlighted } from '../dom.js';
import { byline, formatDate, plural, publishedNote } from '../format.js';
import { visibleItems } from '../selection.js';

export async function renderReader({ model, state, actions, matches, visible, document }) {
  const doc = model.docsById.get(state.doc);
  const focus = state.focus;
  const body = await document(doc.id);
  const cps = codePoints(body.text);
  const quotes = model.quotesByDoc.get(doc.id) ?? [];
  const ranges = quotes.map((q) => ({ start: q.start, end: q.end, quote: q }));
  // First: the focused span wins over a quote mark on the same span.
  if (focus && focus.doc === doc.id) ranges.unshift({ start: focus.start, end: focus.end, focus: true });

  const markProps = (r) => r.focus
    ? { class: 'ss-focus', tabindex: '-1' }
    : { class: `ss-quote-mark ss-kind-${r.quote.kind}`, title: r.quote.speaker ? `${r.quote.speaker} (${r.quote.kind})` : r.quote.kind };

  // Search words are marked inside the text (and inside quote marks).
  const hits = state.filters.q ? (await matches([doc.id])).hits.filter((hit) => hit.doc === doc.id) : [];
  let nextHit = 0;
  const paragraphs = body.paragraphs.map((p, i) => {
    while (nextHit < hits.length && hits[nextHit].end <= p.start) nextHit += 1;
    let last = nextHit;
    while (last < hits.length && hits[last].start < p.end) last += 1;
    const content = highlighted(cps, p.start, p.end, ranges, markProps, hits.slice(nextHit, last));
    return p.item
      ? h('p', { class: 'ss-item', dir: 'auto', dataset: { marker: p.item, paragraph: String(i) } }, h('span', { class: 'ss-marker', 'aria-hidden': 'true', text: p.item === '•' ? '•' : `${p.item}.` }), ' ', content)
      : h('p', { dir: 'auto', dataset: { paragraph: String(i) } }, content);
  });

  const note = publishedNote(doc);
  return h('article', { class: 'ss-reader', 'aria-labelledby': 'ss-reader-title' },
    h('button', { class: 'ss-back', type: 'button', onclick: () => actions.closeDocument(), text: '← All articles' }),
    h('header', null,
      h('h2', { id: 'ss-reader-title', class: 'ss-reader-title', dir: 'auto', tabindex: '-1', dataset: { focusKey: 'view' }, text: doc.title || doc.id }),
      h('p', { class: 'ss-reader-meta' },
        byline(doc) ? [h('span', { dir: 'auto', text: byline(doc) }), ' · '] : null,
        h('time', { datetime: doc.published ?? null, text: formatDate(doc.published) }),
        note ? [' ', h('span', { class: 'ss-note', text: `(${note})` })] : null,
        hits.length ? [' · ', h('span', { class: 'ss-hit-count', text: `${plural(hits.length, 'match', 'matches')} for “${state.filters.q.trim()}”` })] : null),
      safeUrl(doc.url) ? h('p', { class: 'ss-reader-url' }, h('a', { href: safeUrl(doc.url), rel: 'noopener noreferrer', target: '_blank', text: doc.url })) : null),
    h('div', { class: 'ss-reader-body' }, paragraphs),
    renderComments(doc.comments),
    nextAndPrevious(doc, visibleItems(model.documents, visible.documents), actions));
}

/** "← Previous" and "Next →" among the articles of the list, at the end of the article. */
function nextAndPrevious(doc, listed, actions) {
  const at = listed.indexOf(doc);
  if (at < 0) return null;
  const link = (other, label) => other ? h('button', {
    type: 'button', class: 'ss-link ss-reader-step', dataset: { focusKey: `step:${other.id}` },
    onclick: () => actions.openDocument(other.id),
  }, h('span', { class: 'ss-note', text: label }), ' ', h('span', { dir: 'auto', text: other.title || other.id })) : null;
  const previous = link(listed[at - 1], '← Previous:');
  const next = link(listed[at + 1], 'Next:');
  return previous || next ? h('nav', { class: 'ss-reader-steps', 'aria-label': 'Other articles' }, previous, next) : null;
}

function renderComments(comments) {
  if (!comments.length) return null;
  return h('section', { class: 'ss-comments', 'aria-labelledby': 'ss-comments-title' },
    h('h3', { id: 'ss-comments-title', text: `Comments and pingbacks (${comments.length})` }),
    h('ol', null, comments.map((c) => h('li', { class: `ss-comment ss-comment-${c.kind}` },
      h('p', { class: 'ss-comment-meta' },
        h('span', { class: 'ss-badge', text: c.kind === 'pingback' ? 'Pingback' : 'Comment' }),
        c.author ? h('span', { dir: 'auto', text: c.author }) : null,
        h('time', { datetime: c.posted ?? null, text: formatDate(c.posted) })),
      c.title ? h('p', { class: 'ss-comment-title', dir: 'auto', text: c.title }) : null,
      c.text.split('\n\n').map((t) => h('p', { dir: 'auto', text: t }))))));
}

/** Only http(s) links from article metadata become links. */
function safeUrl(url) {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
