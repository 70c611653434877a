// <story-scope>: the explorer as a custom element rendered in its own Shadow DOM, so a blog's
// CSS cannot break it and it cannot break the blog. The standalone page is one of these.
//
// Attributes: view (articles | quotes | entities | timeline), theme (light | dark; default
// follows prefers-color-scheme), height (any CSS length), and initial filters: q, entity,
// speaker, from, to (YYYY-MM-DD). `permalink` keeps the state in location.hash; `library`
// lets the reader add their own articles (kept in IndexedDB).
//
// Every view is a function of one context, `ctx`:
//   ctx.model    the extraction with lookups (see indexModel)
//   ctx.state    { view, doc, focus, entity, filters, timeline }
//   ctx.visible  { documents, quotes, entities, events }: the ids that pass the filters (has(id), size)
//   ctx.facets   counts per facet value for the current filters (from the core's index)
//   ctx.matches  (docIds) → {hits, snippets}: the search words in those documents (code points)
//   ctx.limits   how many items each long list shows (Map: list key → count; see batches.js),
//                emptied when the filters change
//   ctx.actions  openDocument(doc, focus?), closeDocument(), showView(view), openEntity(id),
//                setFilters(partial), clearFilters(), setTimeline(partial),
//                setTimelineRange(from, to)
// Views only render and call actions; filtering happens in the core. With `permalink`, every
// action but setTimelineRange adds a history entry; the timeline's zoom and pan replace the
// current one, after a pause, so that a link reproduces the zoom without flooding the history.

const VIEWS = [
  ['articles', 'Articles', 'documents'],
  ['quotes', 'Quotes', 'quotes'],
  ['entities', 'People & places', 'entities'],
  ['timeline', 'Timeline', 'events'],
];

/** The filters every view shares. Empty lists and nulls mean "no restriction". */
function emptyFilters() {
  return { docs: [], entities: [], speakers: [], kinds: [], sources: null, from: null, to: null, q: '' };
}

let sharedSheet = null;

function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    // Constructed sheets need no 'unsafe-inline' under a strict Content-Security-Policy.
    sharedSheet ??= (() => { const sheet = new CSSStyleSheet(); sheet.replaceSync(STORYSCOPE_CSS); return sheet; })();
    root.adoptedStyleSheets = [sharedSheet];
  } else {
    root.append(h('style', { text: STORYSCOPE_CSS }));
  }
}

/** Adds the lookups every view needs to the extraction returned by the core. */
function indexModel(extraction) {
  const byDoc = (items) => {
    const map = new Map();
    for (const item of items) {
      if (!map.has(item.doc)) map.set(item.doc, []);
      map.get(item.doc).push(item);
    }
    return map;
  };
  return {
    ...extraction,
    docsById: new Map(extraction.documents.map((d) => [d.id, d])),
    entitiesById: new Map(extraction.entities.map((e) => [e.id, e])),
    quotesById: new Map(extraction.quotes.map((q) => [q.id, q])),
    eventsById: new Map(extraction.events.map((e) => [e.id, e])),
    quotesByDoc: byDoc(extraction.quotes),
    positions: selectionPositions(extraction),
  };
}

class StoryScopeElement extends HTMLElement {
  static get observedAttributes() { return ['view', 'theme', 'height']; }

  constructor() {
    super();
    this.model = null;
    this.corpus = null;
    this.state = { view: 'articles', doc: null, focus: null, entity: null, filters: emptyFilters(), timeline: {} };
    this.panel = null;
    this.userArticles = [];
    this.libraryMessages = [];
    this.libraryProgress = null;
    this.hideSeeds = false;
    this.theme = 'auto';
  }

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);
    this.frame = h('div', { class: 'ss', part: 'frame' });
    root.append(this.frame);
    this.applyAttributes();
    this.applyInitialFilters();
    this.showStatus('Reading the articles…');
    this.addEventListener('dragover', (event) => { if (this.hasAttribute('library')) event.preventDefault(); });
    this.addEventListener('drop', (event) => this.onDrop(event));
    loadCore()
      .then(async (core) => {
        this.core = core;
        if (this.hasAttribute('library')) await this.restoreLibrary();
        this.load();
        if (this.hasAttribute('permalink')) {
          this.applyHash();
          window.addEventListener('hashchange', () => this.applyHash());
        }
        this.dispatchEvent(new CustomEvent('storyscope-ready', { bubbles: true, composed: true }));
      })
      .catch((error) => this.showError(error));
  }

  /** (Re)builds the corpus from the seeds and the reader's articles, then renders. */
  load() {
    const articles = this.userArticles.map(({ id, name, content }) => ({ id, name, content }));
    if (this.core.newCorpus) {
      this.corpus?.free?.();
      this.corpus = callCore(this.core, 'newCorpus', articles, !this.hideSeeds);
      this.model = indexModel(this.corpus.extraction());
    } else {
      this.model = indexModel(callCore(this.core, 'extract', articles, !this.hideSeeds));
    }
    if (this.state.doc && !this.model.docsById.has(this.state.doc)) this.state.doc = null;
    this.render();
  }

  async restoreLibrary() {
    try {
      this.userArticles = (await libraryAll()).sort((a, b) => String(a.added).localeCompare(String(b.added)));
    } catch (error) {
      this.libraryMessages = [{ name: 'Your articles', reason: `could not be restored: ${error.message}` }];
    }
    try { this.hideSeeds = localStorage.getItem('storyscope.hideSeeds') === '1'; } catch { /* storage may be off */ }
  }

  /** Reads dropped or chosen files and pasted text, keeps the good ones, names the bad ones. */
  async addSources(sources) {
    if (!sources.length) return;
    this.panel = 'library';
    this.libraryMessages = [];
    this.libraryProgress = { done: 0, total: sources.length };
    this.render();
    const taken = new Set(this.userArticles.map((a) => a.id));
    const { articles, failures } = await libraryRead(this.core, sources, taken, (done, total) => {
      this.libraryProgress = { done, total };
      this.render();
    });
    this.libraryProgress = null;
    this.libraryMessages = failures;
    if (articles.length) {
      try {
        await libraryPut(articles);
      } catch (error) {
        this.libraryMessages.push({ name: 'Your articles', reason: `not saved on this device: ${error.message}` });
      }
      this.userArticles = [...this.userArticles, ...articles];
      this.load();
    } else {
      this.render();
    }
  }

  reportLibrary(messages) {
    this.libraryMessages = messages;
    this.render();
  }

  async removeArticle(id) {
    try {
      await libraryDelete(id);
    } catch (error) {
      this.libraryMessages = [{ name: id, reason: `not removed from this device: ${error.message}` }];
    }
    this.userArticles = this.userArticles.filter((a) => a.id !== id);
    this.load();
  }

  setHideSeeds(hide) {
    this.hideSeeds = hide;
    try { localStorage.setItem('storyscope.hideSeeds', hide ? '1' : '0'); } catch { /* storage may be off */ }
    this.load();
  }

  onDrop(event) {
    if (!this.hasAttribute('library') || !this.core) return;
    event.preventDefault();
    const files = [...(event.dataTransfer?.files ?? [])];
    this.addSources(files.map((file) => ({ name: file.name, file })));
  }

  togglePanel(name) {
    this.panel = this.panel === name ? null : name;
    this.render();
  }

  cycleTheme() {
    this.theme = { auto: 'light', light: 'dark', dark: 'auto' }[this.theme];
    this.frame.dataset.theme = this.theme;
    this.render();
  }

  applyHash() {
    if (!this.model) return;
    const hash = location.hash;
    if (hash === this.lastHash) return;
    this.lastHash = hash;
    // Navigation wins over a zoom not yet written.
    clearTimeout(this.hashTimer);
    this.hashTimer = null;
    Object.assign(this.state, hashToState(hash, this.model));
    // Navigation wins over whatever is being typed.
    if (this.toolbar) this.toolbar.search.value = this.state.filters.q;
    this.render();
  }

  applyInitialFilters() {
    const f = this.state.filters;
    const date = validDay;
    if (this.getAttribute('q')) f.q = this.getAttribute('q').slice(0, 200);
    if (this.getAttribute('speaker')) f.speakers = [this.getAttribute('speaker').slice(0, 200)];
    if (this.getAttribute('entity')) f.entities = [this.getAttribute('entity').slice(0, 200)];
    f.from = date(this.getAttribute('from'));
    f.to = date(this.getAttribute('to'));
  }

  attributeChangedCallback() {
    if (!this.frame) return;
    this.applyAttributes();
    if (this.model) this.render();
  }

  applyAttributes() {
    const view = this.getAttribute('view');
    if (VIEWS.some(([id]) => id === view)) this.state.view = view;
    const theme = this.getAttribute('theme');
    this.theme = theme === 'dark' || theme === 'light' ? theme : 'auto';
    this.frame.dataset.theme = this.theme;
    const height = this.getAttribute('height');
    if (height && CSS.supports('height', height)) this.style.height = height;
  }

  get actions() {
    return {
      openDocument: (doc, focus = null) => this.update({ view: 'articles', doc, focus: focus ? { doc, ...focus } : null }),
      closeDocument: () => this.update({ doc: null, focus: null }),
      showView: (view) => this.update({ view }),
      openEntity: (entity) => this.update({ view: 'entities', entity }),
      setFilters: (partial) => this.update({ filters: { ...this.state.filters, ...partial } }),
      clearFilters: () => this.update({ filters: emptyFilters() }),
      setTimeline: (partial) => this.update({ timeline: { ...this.state.timeline, ...partial } }),
      // No render: the timeline has drawn the range already.
      setTimelineRange: (from, to) => {
        Object.assign(this.state.timeline, { from, to });
        clearTimeout(this.hashTimer);
        this.hashTimer = setTimeout(() => this.flushHash(), 300);
      },
    };
  }

  update(change) {
    // A pending zoom belongs to the entry being left.
    this.flushHash();
    Object.assign(this.state, change);
    this.render();
    this.writeHash(false);
  }

  /** Writes a pending timeline range into the current history entry now. */
  flushHash() {
    if (!this.hashTimer) return;
    clearTimeout(this.hashTimer);
    this.hashTimer = null;
    this.writeHash(true);
  }

  /** The state into location.hash, as a new history entry or in place of the current one. */
  writeHash(replace) {
    if (!this.hasAttribute('permalink')) return;
    const hash = stateToHash(this.state);
    if (hash === location.hash) return;
    // Remembered, so that the hashchange this causes is not applied again (see applyHash).
    this.lastHash = hash;
    // Only the fragment changes: this works from file://. ('' would reload the page.)
    if (replace) location.replace(hash || '#');
    else location.hash = hash;
  }

  /** The ids passing the filters and the facet counts, from the core's index. */
  select() {
    // Renders that do not change the filters (opening an article, moving in the timeline)
    // reuse the last answer: the core is asked only when the filters change.
    const key = JSON.stringify(this.state.filters);
    if (this.selection?.key === key && this.selection.model === this.model) return this.selection.value;
    const value = this.query();
    this.selection = { key, model: this.model, value };
    // New filters: the long lists start again at their first batch.
    this.listLimits = new Map();
    return value;
  }

  query() {
    const all = () => ({
      documents: new Set(this.model.documents.map((d) => d.id)),
      quotes: new Set(this.model.quotes.map((q) => q.id)),
      entities: new Set(this.model.entities.map((e) => e.id)),
      events: new Set(this.model.events.map((e) => e.id)),
    });
    if (!this.corpus) return { visible: all(), facets: {} };
    let result;
    try {
      result = this.corpus.select(this.state.filters);
    } catch (error) {
      // A filter the core refuses is dropped, not fatal.
      console.warn('Storyscope: filters reset:', error);
      this.state.filters = emptyFilters();
      result = this.corpus.select(this.state.filters);
    }
    return { visible: selectionVisible(result, this.model.positions), facets: result.facets ?? {} };
  }

  /**
   * `{hits, snippets}` of the search in the documents `ids` (those on screen), from the core.
   * The last few answers are kept: every render asks again for the same documents.
   */
  matches(ids) {
    const q = this.state.filters.q;
    if (!q.trim() || !ids.length || !this.corpus?.matches) return { hits: [], snippets: [] };
    const key = JSON.stringify([q, ids]);
    if (this.matchCache?.model !== this.model) this.matchCache = { model: this.model, answers: new Map() };
    const answers = this.matchCache.answers;
    if (!answers.has(key)) {
      let value;
      try {
        value = this.corpus.matches(q, ids);
      } catch (error) {
        console.warn('Storyscope: no search matches:', error);
        value = { hits: [], snippets: [] };
      }
      if (answers.size >= 8) answers.delete(answers.keys().next().value);
      answers.set(key, value);
    }
    return answers.get(key);
  }

  showStatus(message) {
    this.frame.replaceChildren(h('p', { class: 'ss-status', role: 'status', text: message }));
  }

  showError(error) {
    console.error(error);
    this.frame.replaceChildren(h('div', { class: 'ss-error', role: 'alert' },
      h('h2', { text: 'Storyscope could not start' }),
      h('p', { text: error instanceof Error ? error.message : String(error) })));
  }

  render() {
    try {
      this.renderView();
    } catch (error) {
      this.showError(error);
    }
  }

  renderView() {
    const { model, state, actions } = this;
    const { visible, facets } = this.select();
    const ctx = { model, state, actions, visible, facets, matches: (ids) => this.matches(ids), limits: this.listLimits };
    const tabs = h('div', { class: 'ss-tabs', role: 'tablist', 'aria-label': 'Views' }, VIEWS.map(([id, label, kind]) =>
      h('button', {
        type: 'button', role: 'tab', class: 'ss-tab', id: `ss-tab-${id}`, 'aria-selected': String(state.view === id),
        'aria-controls': 'ss-panel', dataset: { view: id }, onclick: () => actions.showView(id),
      }, label, h('span', { class: 'ss-count', text: String(visible[kind].size) }))));
    // Focusable, so the scrolling panel can be scrolled from the keyboard.
    const panel = h('div', { class: 'ss-panel', id: 'ss-panel', role: 'tabpanel', tabindex: '0', 'aria-labelledby': `ss-tab-${state.view}` });
    const reading = state.view === 'articles' && state.doc;
    switch (state.view) {
      case 'quotes': panel.append(renderQuoteWall(ctx)); break;
      case 'entities': panel.append(renderEntities(ctx)); break;
      case 'timeline': panel.append(renderTimeline(ctx)); break;
      default: panel.append(reading ? renderReader(ctx) : h('p', { class: 'ss-empty', text: 'Choose an article to read it.' }));
    }
    this.frame.classList.toggle('ss-reading', Boolean(reading));
    this.toolbar ??= toolbarCreate(this);
    toolbarUpdate(this.toolbar, ctx, this.panel, this.theme);
    const panels = { library: () => libraryPanel(this), export: () => exportPanel(this, ctx), embed: () => embedPanel(this, ctx) };
    const openPanel = this.panel && panels[this.panel] ? panels[this.panel]() : null;
    // The tool bar survives renders so that the search box keeps focus while typing.
    this.header ??= h('header', { class: 'ss-bar' }, h('h1', { class: 'ss-brand', text: 'Storyscope' }), this.toolbar.root);
    this.header.querySelector('.ss-tabs')?.remove();
    this.header.append(tabs);
    const footer = h('footer', { class: 'ss-foot' }, `Extracted in your browser · core ${this.core?.version?.() ?? ''}`);
    const body = h('div', { class: 'ss-body' }, renderArticleList(ctx), panel);
    const kids = [this.header, openPanel, body, footer].filter(Boolean);
    if (this.frame.firstChild !== this.header) this.frame.replaceChildren(...kids);
    else {
      while (this.frame.childNodes.length > 1) this.frame.lastChild.remove();
      this.frame.append(...kids.slice(1));
    }
    const focus = this.frame.querySelector('.ss-focus');
    if (focus) {
      focus.scrollIntoView?.({ block: 'center' });
      focus.focus?.({ preventScroll: true });
    }
  }
}

if (!customElements.get('story-scope')) customElements.define('story-scope', StoryScopeElement);
