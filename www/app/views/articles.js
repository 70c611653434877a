// The Articles view: the list of articles (title, byline, date; under a search, the sentences
// where its words occur) beside the reader, or the opening screen when no article is open. On
// a phone the list and the reader take turns. Long lists show a batch at a time.

import { batchedList } from '../batches.js';
import { codePoints, h, searchHits } from '../dom.js';
import { byline, formatCount, listedDate, plural, publishedNote } from '../format.js';
import { visibleItems } from '../selection.js';
import { anyFilter } from '../store.js';
import { clearFiltersNote } from './empty.js';
import { renderReader } from './reader.js';

const ARTICLE_BATCH = 50;

export const articlesView = {
  async render(ctx) {
    const list = await articleList(ctx);
    const main = ctx.state.doc && ctx.model.docsById.has(ctx.state.doc) ? await renderReader(ctx) : opening(ctx);
    return h('div', { class: 'ss-articles-view' }, list, h('div', { class: 'ss-articles-main', tabindex: '0' }, main));
  },
};

async function articleList(ctx) {
  const { model, state, actions, visible, matches } = ctx;
  const shown = visibleItems(model.documents, visible.documents);
  const item = (doc, snippets) => h('li', null,
    h('button', {
      class: 'ss-article-link', type: 'button', 'aria-current': state.doc === doc.id ? 'true' : null,
      dataset: { doc: doc.id, focusKey: `doc:${doc.id}` }, onclick: () => actions.openDocument(doc.id),
    },
    h('span', { class: 'ss-article-title', dir: 'auto', text: doc.title || doc.id }),
    h('span', { class: 'ss-article-meta' },
      byline(doc) ? [h('span', { dir: 'auto', text: byline(doc) }), ' · '] : null,
      h('time', { datetime: doc.published ?? null, title: publishedNote(doc) || null, text: listedDate(doc) })),
    (snippets.get(doc.id) ?? []).map(articleSnippet)));
  // Each batch asks the core for the search snippets of its own articles only; the first
  // batch's arrive before the list is shown, a later batch's fill in when they come.
  const snippetsOf = async (batch) => {
    const snippets = new Map();
    for (const snippet of (await matches(batch.map((doc) => doc.id))).snippets) {
      if (!snippets.has(snippet.doc)) snippets.set(snippet.doc, []);
      snippets.get(snippet.doc).push(snippet);
    }
    return snippets;
  };
  const first = await snippetsOf(shown.slice(0, Math.max(ARTICLE_BATCH, ctx.limits.get('articles') ?? 0)));
  const render = (from, to) => {
    const batch = shown.slice(from, to);
    const items = batch.map((doc) => item(doc, first));
    if (from > 0 && state.filters.q) {
      snippetsOf(batch).then((snippets) => batch.forEach((doc, i) => {
        const link = items[i].firstChild;
        if (link.querySelector('.ss-article-snippet')) return;
        link.append(...(snippets.get(doc.id) ?? []).map(articleSnippet));
      }));
    }
    return items;
  };
  const list = h('ol', { class: 'ss-article-list' });
  const more = batchedList(ctx, { key: 'articles', list, items: shown, batch: ARTICLE_BATCH, noun: 'articles', render });
  const count = shown.length === model.documents.length
    ? `Articles (${formatCount(shown.length)})`
    : `Articles (${formatCount(shown.length)} of ${formatCount(model.documents.length)})`;
  const none = shown.length || !model.documents.length ? null : clearFiltersNote(ctx, 'No article passes these filters.');
  return h('nav', { class: 'ss-articles', 'aria-label': 'Articles' }, h('h2', { class: 'ss-heading', text: count }), none ?? list, more);
}

/** A search snippet: "…text with the <mark>words</mark>…". */
function articleSnippet(snippet) {
  const cps = codePoints(snippet.text);
  return h('span', { class: 'ss-article-snippet', dir: 'auto' },
    snippet.start > 0 ? '…' : null,
    searchHits(cps, 0, cps.length, snippet.hits),
    /[.!?…"”’)]\s*$/u.test(snippet.text) ? null : '…');
}

/**
 * The opening screen: what Storyscope is and where to start, in two lines, and the story's size;
 * with no article at all (the built-in ones hidden, none added), how to get some. Under filters,
 * the ways in count what passes them, as the tabs do (a way to nothing is left out).
 */
function opening({ model, actions, state, visible }) {
  const button = (text, onclick) => h('button', { type: 'button', class: 'ss-link', onclick, text });
  const go = (view, label) => button(label, () => actions.showView(view, { moveFocus: true }));
  if (!model.documents.length) {
    return h('section', { class: 'ss-opening', 'aria-labelledby': 'ss-opening-title' },
      h('h2', { id: 'ss-opening-title', class: 'ss-opening-title', tabindex: '-1', dataset: { focusKey: 'view' }, text: 'No articles to explore' }),
      h('p', { class: 'ss-opening-lead' }, button('Add your own articles', () => actions.togglePanel('library')),
        ' or ', button('show the built-in ones again', () => actions.setHideSeeds(false, 'view')), '.'));
  }
  const articles = plural(model.documents.length, 'article', 'articles');
  const filtered = anyFilter(state.filters);
  const ways = [
    ['quotes', visible.quotes.size, 'quote', 'quotes'],
    ['entities', visible.entities.size, 'person, place or organization', 'people, places and organizations'],
    ['timeline', visible.events.size, 'dated event', 'dated events'],
  ].filter(([, n]) => n > 0 || !filtered).map(([view, n, one, many]) => go(view, plural(n, one, many)));
  // "a, b or c"
  const listed = ways.flatMap((way, i) => [i === 0 ? '' : i === ways.length - 1 ? ' or ' : ', ', way]);
  const start = !ways.length
    ? 'No quote, name or dated event passes these filters.'
    : ['Open an article from the list, or start with ', filtered ? 'the ' : '', listed, filtered ? ' that pass the filters.' : '.'];
  return h('section', { class: 'ss-opening', 'aria-labelledby': 'ss-opening-title' },
    h('h2', { id: 'ss-opening-title', class: 'ss-opening-title', tabindex: '-1', dataset: { focusKey: 'view' }, text: `One story across ${articles}` }),
    h('p', { class: 'ss-opening-lead', text: 'Storyscope reads news articles in your browser and lays out who said what, who is involved and when it happened.' }),
    h('p', { class: 'ss-opening-lead' }, start),
    filtered ? null : h('p', { class: 'ss-note', text: 'Search, filters and views work together: whatever you choose narrows everything.' }));
}
