// The quote wall: one card per quote with speaker, words, article and kind.

function renderQuoteWall({ model, actions, visible }) {
  const shown = model.quotes.filter((q) => visible.quotes.has(q.id));
  const cards = shown.map((q) => {
    const doc = model.docsById.get(q.doc);
    return h('li', { class: `ss-card ss-quote ss-kind-${q.kind}` },
      h('blockquote', { text: q.text }),
      h('p', { class: 'ss-quote-meta' },
        h('span', { class: 'ss-speaker', text: q.speaker ?? (q.kind === 'scare' ? 'scare quote' : 'unattributed') }),
        h('span', { class: 'ss-badge', text: q.kind }),
        h('button', { type: 'button', class: 'ss-link', onclick: () => actions.openDocument(q.doc, { start: q.start, end: q.end }),
          text: `${doc?.title ?? q.doc}, ${formatDate(doc?.published)}` })));
  });
  return h('section', { class: 'ss-view', 'aria-labelledby': 'ss-quotes-title' },
    h('h2', { id: 'ss-quotes-title', class: 'ss-heading', text: `Quotes (${shown.length})` }),
    cards.length ? h('ol', { class: 'ss-cards' }, cards) : h('p', { class: 'ss-empty', text: 'No quotes found in these articles.' }));
}
