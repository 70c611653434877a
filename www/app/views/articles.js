// The list of articles: title, outlet and date, and under a search the sentences where its
// words occur (from the core); a click opens the reader. Long lists show a page at a time
// ("Show more"), so that a corpus of thousands of articles renders in a frame.

const ARTICLE_PAGE = 50;

function renderArticleList({ model, state, actions, visible, matches }) {
  const shown = model.documents.filter((doc) => visible.documents.has(doc.id));
  // The page count resets when the filters change.
  const filtersKey = JSON.stringify(state.filters);
  if (state.articleList?.filters !== filtersKey) state.articleList = { filters: filtersKey, limit: ARTICLE_PAGE };
  const page = shown.slice(0, state.articleList.limit);
  const snippets = new Map();
  for (const snippet of matches(page.map((doc) => doc.id)).snippets) {
    if (!snippets.has(snippet.doc)) snippets.set(snippet.doc, []);
    snippets.get(snippet.doc).push(snippet);
  }
  const items = page.map((doc) => {
    const current = state.doc === doc.id;
    return h('li', null,
      h('button', {
        class: 'ss-article-link', type: 'button', 'aria-current': current ? 'true' : null,
        dataset: { doc: doc.id }, onclick: () => actions.openDocument(doc.id),
      },
      h('span', { class: 'ss-article-title', text: doc.title || doc.id }),
      h('span', { class: 'ss-article-meta' },
        [doc.outlet, doc.author].filter(Boolean).join(' · '),
        h('time', { datetime: doc.published ?? null, text: formatDate(doc.published) })),
      (snippets.get(doc.id) ?? []).map(articleSnippet)));
  });
  const rest = shown.length - page.length;
  const more = rest > 0
    ? h('button', {
      class: 'ss-more', type: 'button',
      onclick: () => {
        state.articleList.limit += ARTICLE_PAGE;
        actions.rerender({ focus: `.ss-article-list > li:nth-child(${page.length + 1}) .ss-article-link` });
      },
      text: `Show ${Math.min(ARTICLE_PAGE, rest)} more (${rest.toLocaleString('en')} left)`,
    })
    : null;
  const count = shown.length === model.documents.length
    ? `Articles (${shown.length.toLocaleString('en')})`
    : `Articles (${shown.length.toLocaleString('en')} of ${model.documents.length.toLocaleString('en')})`;
  return h('nav', { class: 'ss-articles', 'aria-label': 'Articles' },
    h('h2', { class: 'ss-heading', text: count }),
    h('ol', { class: 'ss-article-list' }, items),
    more);
}

/** A search snippet: "…text with the <mark>words</mark>…". */
function articleSnippet(snippet) {
  const cps = codePoints(snippet.text);
  return h('span', { class: 'ss-article-snippet' },
    snippet.start > 0 ? '…' : null,
    searchHits(cps, 0, cps.length, snippet.hits),
    /[.!?…"”’)]\s*$/u.test(snippet.text) ? null : '…');
}
