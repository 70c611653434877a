// <story-scope>: the explorer as a custom element rendered in its own Shadow DOM, so a blog's
// CSS cannot break it and it cannot break the blog. The standalone page is one of these.
//
// Attributes: view (articles | quotes | entities | timeline), theme (light | dark; default
// follows prefers-color-scheme), height (any CSS length).

const VIEWS = [
  ['articles', 'Articles', (m) => m.documents.length],
  ['quotes', 'Quotes', (m) => m.quotes.length],
  ['entities', 'People & places', (m) => m.entities.length],
  ['timeline', 'Timeline', (m) => m.events.length],
];

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
    quotesByDoc: byDoc(extraction.quotes),
  };
}

class StoryScopeElement extends HTMLElement {
  static get observedAttributes() { return ['view', 'theme', 'height']; }

  constructor() {
    super();
    this.model = null;
    this.state = { view: 'articles', doc: null, focus: null };
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
        this.model = indexModel(callCore(core, 'extractSeeds'));
        this.render();
        this.dispatchEvent(new CustomEvent('storyscope-ready', { bubbles: true, composed: true }));
      })
      .catch((error) => this.showError(error));
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
    };
  }

  update(change) {
    Object.assign(this.state, change);
    this.render();
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
    const tabs = h('div', { class: 'ss-tabs', role: 'tablist', 'aria-label': 'Views' }, VIEWS.map(([id, label, count]) =>
      h('button', {
        type: 'button', role: 'tab', class: 'ss-tab', id: `ss-tab-${id}`, 'aria-selected': String(state.view === id),
        'aria-controls': 'ss-panel', dataset: { view: id }, onclick: () => actions.showView(id),
      }, label, h('span', { class: 'ss-count', text: String(count(model)) }))));
    const panel = h('main', { class: 'ss-panel', id: 'ss-panel', role: 'tabpanel', 'aria-labelledby': `ss-tab-${state.view}` });
    const reading = state.view === 'articles' && state.doc;
    switch (state.view) {
      case 'quotes': panel.append(renderQuoteWall(model, state, actions)); break;
      case 'entities': panel.append(renderEntities(model, state, actions)); break;
      case 'timeline': panel.append(renderTimeline(model, state, actions)); break;
      default: panel.append(reading ? renderReader(model, state.doc, state.focus, actions)
        : h('p', { class: 'ss-empty', text: 'Choose an article to read it.' }));
    }
    this.frame.classList.toggle('ss-reading', Boolean(reading));
    this.frame.replaceChildren(
      h('header', { class: 'ss-bar' },
        h('h1', { class: 'ss-brand', text: 'Storyscope' }),
        tabs),
      h('div', { class: 'ss-body' },
        renderArticleList(model, state, actions),
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
