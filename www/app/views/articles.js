// The list of articles: title, outlet and date, and under a search the sentences where its
// words occur (from the core); a click opens the reader. Long lists show a page at a time
// ("Show more"), so that a corpus of thousands of articles renders in a frame.

const ARTICLE_PAGE = 50;

function renderArticleList(ctx) {
  const { model, state, actions, visible, matches } = ctx;
  const shown = visibleItems(model.documents, visible.documents);
  const item = (doc, snippets) => h('li', null,
    h('button', {
      class: 'ss-article-link', type: 'button', 'aria-current': state.doc === doc.id ? 'true' : null,
      dataset: { doc: doc.id }, onclick: () => actions.openDocument(doc.id),
    },
    h('span', { class: 'ss-article-title', text: doc.title || doc.id }),
    h('span', { class: 'ss-article-meta' },
      [doc.outlet, doc.author].filter(Boolean).join(' · '),
      h('time', { datetime: doc.published ?? null, text: formatDate(doc.published) })),
    (snippets.get(doc.id) ?? []).map(articleSnippet)));
  // Each batch asks the core for the search snippets of its own articles only.
  const render = (from, to) => {
    const batch = shown.slice(from, to);
    const snippets = new Map();
    for (const snippet of matches(batch.map((doc) => doc.id)).snippets) {
      if (!snippets.has(snippet.doc)) snippets.set(snippet.doc, []);
      snippets.get(snippet.doc).push(snippet);
    }
    return batch.map((doc) => item(doc, snippets));
  };
  const list = h('ol', { class: 'ss-article-list' });
  const more = batchedList(ctx, { key: 'articles', list, items: shown, batch: ARTICLE_PAGE, noun: 'articles', render });
  const count = shown.length === model.documents.length
    ? `Articles (${formatCount(shown.length)})`
    : `Articles (${formatCount(shown.length)} of ${formatCount(model.documents.length)})`;
  return h('nav', { class: 'ss-articles', 'aria-label': 'Articles' }, h('h2', { class: 'ss-heading', text: count }), list, more);
}

/** A search snippet: "…text with the <mark>words</mark>…". */
function articleSnippet(snippet) {
  const cps = codePoints(snippet.text);
  return h('span', { class: 'ss-article-snippet' },
    snippet.start > 0 ? '…' : null,
    searchHits(cps, 0, cps.length, snippet.hits),
    /[.!?…"”’)]\s*$/u.test(snippet.text) ? null : '…');
}
