// The explorer's tool bar: full-text search, the active filters as removable chips, a live
// count of what matches, exports, "Embed this view", the theme toggle, and the panel where a
// reader adds their own articles. Built once per element (so typing keeps focus), updated on
// every render.

function toolbarCreate(el) {
  let searchTimer = null;
  const search = h('input', {
    type: 'search', class: 'ss-search', placeholder: 'Search quotes, events, articles…', 'aria-label': 'Search',
    maxlength: '200', autocomplete: 'off', spellcheck: 'false',
    oninput: (event) => {
      clearTimeout(searchTimer);
      const q = event.target.value;
      searchTimer = setTimeout(() => el.actions.setFilters({ q }), 120);
    },
  });
  const chips = h('div', { class: 'ss-chips', role: 'group', 'aria-label': 'Active filters' });
  const live = h('p', { class: 'ss-live', role: 'status', 'aria-live': 'polite' });
  const tools = h('div', { class: 'ss-tools' },
    el.hasAttribute('library') ? h('button', { type: 'button', class: 'ss-tool', 'aria-expanded': 'false', dataset: { tool: 'library' },
      onclick: () => el.togglePanel('library'), text: 'Add articles' }) : null,
    h('button', { type: 'button', class: 'ss-tool', 'aria-expanded': 'false', dataset: { tool: 'export' }, onclick: () => el.togglePanel('export'), text: 'Export' }),
    h('button', { type: 'button', class: 'ss-tool', 'aria-expanded': 'false', dataset: { tool: 'embed' }, onclick: () => el.togglePanel('embed'), text: 'Embed' }),
    h('button', { type: 'button', class: 'ss-tool', dataset: { tool: 'theme' }, onclick: () => el.cycleTheme(), text: 'Theme' }));
  const root = h('div', { class: 'ss-toolbar' }, search, tools, chips, live);
  return { root, search, chips, live, tools };
}

/** Refreshes the search box, chips, counts and tool states for the current context. */
function toolbarUpdate(toolbar, ctx, panel, theme) {
  const { model, state, actions, visible } = ctx;
  const f = state.filters;
  if (toolbar.search.value !== f.q && toolbar.search !== toolbar.search.getRootNode().activeElement) toolbar.search.value = f.q;
  const chip = (label, remove) => h('span', { class: 'ss-chip' }, h('span', { text: label }),
    h('button', { type: 'button', class: 'ss-chip-remove', 'aria-label': `Remove filter: ${label}`, onclick: remove, text: '×' }));
  const without = (list, value) => list.filter((v) => v !== value);
  const chips = [
    ...f.entities.map((id) => chip(model.entitiesById.get(id)?.name ?? id, () => actions.setFilters({ entities: without(f.entities, id) }))),
    ...f.speakers.map((s) => chip(`said by ${s}`, () => actions.setFilters({ speakers: without(f.speakers, s) }))),
    ...f.docs.map((d) => chip(model.docsById.get(d)?.title ?? d, () => actions.setFilters({ docs: without(f.docs, d) }))),
    ...f.kinds.map((k) => chip(`only ${k}s`, () => actions.setFilters({ kinds: without(f.kinds, k) }))),
    f.sources ? chip(`${f.sources} sources`, () => actions.setFilters({ sources: null })) : null,
    f.from || f.to ? chip(`${formatDate(f.from) || '…'} – ${formatDate(f.to) || '…'}`, () => actions.setFilters({ from: null, to: null })) : null,
    f.q ? chip(`“${f.q}”`, () => actions.setFilters({ q: '' })) : null,
  ].filter(Boolean);
  if (chips.length > 1) chips.push(h('button', { type: 'button', class: 'ss-link', onclick: () => actions.clearFilters(), text: 'Clear all' }));
  toolbar.chips.replaceChildren(...chips);
  const filtered = chips.length > 0;
  toolbar.live.textContent = filtered
    ? `${plural(visible.documents.size, 'article', 'articles')}, ${plural(visible.quotes.size, 'quote', 'quotes')}, ${plural(visible.events.size, 'event', 'events')} match`
    : `${plural(model.documents.length, 'article', 'articles')}, ${plural(model.quotes.length, 'quote', 'quotes')}, ${plural(model.events.length, 'event', 'events')}`;
  for (const button of toolbar.tools.querySelectorAll('[aria-expanded]')) {
    button.setAttribute('aria-expanded', String(button.dataset.tool === panel));
  }
  const themeButton = toolbar.tools.querySelector('[data-tool="theme"]');
  themeButton.textContent = `Theme: ${theme}`;
  themeButton.setAttribute('aria-label', `Colour theme: ${theme}. Change it.`);
}

/** The export panel: the filtered view as the contract's JSON and CSV tables (the timeline
 *  exports its events as TimelineJS itself). */
function exportPanel(el, ctx) {
  const data = () => exportFiltered(ctx.model, ctx.visible);
  const root = el.shadowRoot;
  const button = (label, run) => h('button', { type: 'button', class: 'ss-tool', onclick: run, text: label });
  return h('section', { class: 'ss-panel-box', 'aria-label': 'Export' },
    h('h2', { class: 'ss-heading', text: 'Export what is shown' }),
    h('div', { class: 'ss-row' },
      button('JSON (extraction contract)', () => download(root, 'storyscope.json', JSON.stringify(data(), null, 2), 'application/json')),
      button('Quotes CSV', () => download(root, 'storyscope-quotes.csv', CSV_TABLES.quotes(data(), ctx.model), 'text/csv')),
      button('Events CSV', () => download(root, 'storyscope-events.csv', CSV_TABLES.events(data(), ctx.model), 'text/csv')),
      button('Entities CSV', () => download(root, 'storyscope-entities.csv', CSV_TABLES.entities(data(), ctx.model), 'text/csv'))));
}

/** "Embed this view": an iframe snippet for the current permalink and a script snippet. */
function embedPanel(el, ctx) {
  const hash = stateToHash(ctx.state);
  const here = location.href.split('#')[0];
  const pageUrl = /^https?:/.test(here) ? here : 'https://your.site/storyscope.html';
  const iframe = `<iframe src="${pageUrl}${hash}" title="Storyscope" style="width:100%;height:640px;border:0" loading="lazy"></iframe>`;
  const attrs = [`view="${ctx.state.view}"`, ...(ctx.state.filters.q ? [`q="${ctx.state.filters.q.replace(/[&"<>]/g, '')}"`] : [])].join(' ');
  const script = `<script src="storyscope-embed.js"></script>\n<story-scope ${attrs} height="640px"></story-scope>`;
  const snippet = (label, text) => {
    const area = h('textarea', { class: 'ss-snippet', readonly: true, rows: '3', 'aria-label': label });
    area.value = text;
    return h('div', { class: 'ss-snippet-box' }, h('h3', { text: label }), area,
      h('button', { type: 'button', class: 'ss-tool', text: 'Copy', onclick: async (event) => {
        area.select();
        try { await navigator.clipboard.writeText(text); event.target.textContent = 'Copied'; } catch { event.target.textContent = 'Press Ctrl+C'; }
      } }));
  };
  return h('section', { class: 'ss-panel-box', 'aria-label': 'Embed this view' },
    h('h2', { class: 'ss-heading', text: 'Embed this view' }),
    snippet('An iframe of this exact view', iframe),
    snippet('Or the script and element (no iframe)', script));
}

/** The reader's own articles: paste, drop or choose files; remove; export and import. */
function libraryPanel(el) {
  const { userArticles, libraryMessages, libraryProgress } = el;
  const title = h('input', { type: 'text', class: 'ss-input', placeholder: 'Title (optional)', 'aria-label': 'Title of the pasted article', maxlength: '300' });
  const text = h('textarea', { class: 'ss-input', rows: '5', placeholder: 'Paste an article here…', 'aria-label': 'Article text' });
  const files = h('input', { type: 'file', multiple: true, accept: '.txt,.md,.markdown,.html,.htm', class: 'ss-file', 'aria-label': 'Choose article files',
    onchange: (event) => { el.addSources([...event.target.files].map((file) => ({ name: file.name, file }))); event.target.value = ''; } });
  const corpusInput = h('input', { type: 'file', accept: '.json,application/json', class: 'ss-file', 'aria-label': 'Import a corpus file',
    onchange: async (event) => {
      const file = event.target.files[0];
      event.target.value = '';
      if (!file) return;
      try {
        el.addSources(libraryParseCorpus(await file.text()));
      } catch (error) {
        el.reportLibrary([{ name: file.name, reason: error.message }]);
      }
    } });
  const paste = () => {
    if (!text.value.trim()) return;
    const body = title.value.trim() ? `${title.value.trim()}\n\n${text.value}` : text.value;
    el.addSources([{ name: title.value.trim() || 'pasted article', text: body }]);
    text.value = '';
    title.value = '';
  };
  return h('section', { class: 'ss-panel-box ss-library', 'aria-label': 'Your articles' },
    h('h2', { class: 'ss-heading', text: 'Your articles' }),
    h('p', { class: 'ss-note', text: 'Processed in this browser and kept on this device only. Drop .txt, .md or .html files anywhere on Storyscope, or:' }),
    h('div', { class: 'ss-row' }, h('label', { class: 'ss-tool ss-file-label' }, 'Choose files…', files)),
    title, text,
    h('div', { class: 'ss-row' }, h('button', { type: 'button', class: 'ss-tool', onclick: paste, text: 'Add pasted text' })),
    libraryProgress ? h('progress', { class: 'ss-progress', max: String(libraryProgress.total), value: String(libraryProgress.done), 'aria-label': 'Reading articles' }) : null,
    libraryMessages.length ? h('ul', { class: 'ss-messages', role: 'alert' }, libraryMessages.map((m) => h('li', { text: `${m.name}: ${m.reason}` }))) : null,
    h('h3', { text: userArticles.length ? `Added (${userArticles.length})` : 'No articles added yet' }),
    h('ul', { class: 'ss-user-articles' }, userArticles.map((a) => h('li', null,
      h('span', { text: a.title || a.name }),
      h('button', { type: 'button', class: 'ss-link', 'aria-label': `Remove ${a.title || a.name}`, onclick: () => el.removeArticle(a.id), text: 'Remove' })))),
    h('div', { class: 'ss-row' },
      h('button', { type: 'button', class: 'ss-tool', disabled: userArticles.length === 0, text: 'Export corpus',
        onclick: () => download(el.shadowRoot, 'storyscope-corpus.json', libraryExport(userArticles), 'application/json') }),
      h('label', { class: 'ss-tool ss-file-label' }, 'Import corpus…', corpusInput),
      h('label', { class: 'ss-check' },
        h('input', { type: 'checkbox', checked: el.hideSeeds, onchange: (event) => el.setHideSeeds(event.target.checked) }),
        ' Hide the built-in articles')));
}
