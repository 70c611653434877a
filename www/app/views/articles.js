// The list of articles: title, outlet and date; a click opens the reader.

function renderArticleList({ model, state, actions, visible }) {
  const shown = model.documents.filter((doc) => visible.documents.has(doc.id));
  const items = shown.map((doc) => {
    const current = state.doc === doc.id;
    return h('li', null,
      h('button', {
        class: 'ss-article-link', type: 'button', 'aria-current': current ? 'true' : null,
        dataset: { doc: doc.id }, onclick: () => actions.openDocument(doc.id),
      },
      h('span', { class: 'ss-article-title', text: doc.title || doc.id }),
      h('span', { class: 'ss-article-meta' },
        [doc.outlet, doc.author].filter(Boolean).join(' · '),
        h('time', { datetime: doc.published ?? null, text: formatDate(doc.published) }))));
  });
  return h('nav', { class: 'ss-articles', 'aria-label': 'Articles' },
    h('h2', { class: 'ss-heading', text: shown.length === model.documents.length ? `Articles (${shown.length})` : `Articles (${shown.length} of ${model.documents.length})` }),
    h('ol', { class: 'ss-article-list' }, items));
}
