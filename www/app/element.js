// <story-scope>: the explorer as a custom element rendered in its own Shadow DOM, so a blog's
// CSS cannot break it and it cannot break the blog. The standalone page is one of these.
//
// Attributes: view (articles | quotes | entities | timeline), theme (light | dark; default
// follows prefers-color-scheme), height (any CSS length).
//
// Every view is a function of one context, `ctx`:
//   ctx.model    the extraction with lookups (see indexModel)
//   ctx.state    { view, doc, focus, entity, filters, timeline }
//   ctx.visible  { documents, quotes, entities, events }: Sets of the ids that pass the filters
//   ctx.facets   counts per facet value for the current filters (from the core's index)
//   ctx.actions  openDocument(doc, focus?), closeDocument(), showView(view), openEntity(id),
//                setFilters(partial), clearFilters(), setTimeline(partial)
// Views only render and call actions; filtering happens in the core.

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
  };
}

class StoryScopeElement extends HTMLElement {
  static get observedAttributes() { return ['view', 'theme', 'height']; }

  constructor() {
    super();
    this.model = null;
    this.corpus = null;
    this.state = { view: 'articles', doc: null, focus: null, entity: null, filters: emptyFilters(), timeline: {} };
  }

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);
    this.frame = h('div', { class: 'ss', part: 'frame' });
    root.append(this.frame);
    this.applyAttributes();
    this.showStatus('Reading the articles…');
    loadCore()
      .then((core) => {
        this.core = core;
        this.load([]);
        this.dispatchEvent(new CustomEvent('storyscope-ready', { bubbles: true, composed: true }));
      })
      .catch((error) => this.showError(error));
  }

  /** (Re)builds the corpus: the seeds plus `articles`, extracted and indexed by the core. */
  load(articles) {
    if (this.core.Corpus) {
      this.corpus?.free?.();
      this.corpus = callCore(this.core, 'newCorpus', articles, true);
      this.model = indexModel(this.corpus.extraction());
    } else {
      this.model = indexModel(callCore(this.core, 'extract', articles, true));
    }
    this.render();
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
    this.frame.dataset.theme = theme === 'dark' || theme === 'light' ? theme : 'auto';
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
    };
  }

  update(change) {
    Object.assign(this.state, change);
    this.render();
  }

  /** The ids passing the filters and the facet counts, from the core's index. */
  select() {
    const all = {
      documents: new Set(this.model.documents.map((d) => d.id)),
      quotes: new Set(this.model.quotes.map((q) => q.id)),
      entities: new Set(this.model.entities.map((e) => e.id)),
      events: new Set(this.model.events.map((e) => e.id)),
    };
    if (!this.corpus) return { visible: all, facets: {} };
    const result = this.corpus.query(this.state.filters);
    return {
      visible: {
        documents: new Set(result.documents), quotes: new Set(result.quotes),
        entities: new Set(result.entities), events: new Set(result.events),
      },
      facets: result.facets ?? {},
      hits: result.hits ?? [],
    };
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
    const { visible, facets, hits } = this.select();
    const ctx = { model, state, actions, visible, facets, hits };
    const tabs = h('div', { class: 'ss-tabs', role: 'tablist', 'aria-label': 'Views' }, VIEWS.map(([id, label, kind]) =>
      h('button', {
        type: 'button', role: 'tab', class: 'ss-tab', id: `ss-tab-${id}`, 'aria-selected': String(state.view === id),
        'aria-controls': 'ss-panel', dataset: { view: id }, onclick: () => actions.showView(id),
      }, label, h('span', { class: 'ss-count', text: String(visible[kind].size) }))));
    const panel = h('main', { class: 'ss-panel', id: 'ss-panel', role: 'tabpanel', 'aria-labelledby': `ss-tab-${state.view}` });
    const reading = state.view === 'articles' && state.doc;
    switch (state.view) {
      case 'quotes': panel.append(renderQuoteWall(ctx)); break;
      case 'entities': panel.append(renderEntities(ctx)); break;
      case 'timeline': panel.append(renderTimeline(ctx)); break;
      default: panel.append(reading ? renderReader(ctx) : h('p', { class: 'ss-empty', text: 'Choose an article to read it.' }));
    }
    this.frame.classList.toggle('ss-reading', Boolean(reading));
    this.frame.replaceChildren(
      h('header', { class: 'ss-bar' },
        h('h1', { class: 'ss-brand', text: 'Storyscope' }),
        tabs),
      h('div', { class: 'ss-body' },
        renderArticleList(ctx),
        panel),
      h('footer', { class: 'ss-foot' }, `Extracted in your browser · core ${this.core?.version?.() ?? ''}`));
    const focus = this.frame.querySelector('.ss-focus');
    if (focus) {
      focus.scrollIntoView?.({ block: 'center' });
      focus.focus?.({ preventScroll: true });
    }
  }
}

if (!customElements.get('story-scope')) customElements.define('story-scope', StoryScopeElement);
