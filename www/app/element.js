// <story-scope>: the explorer as a custom element rendered in its own Shadow DOM, so that a
// blog's CSS cannot reach inside it and it cannot reach the blog. The standalone page is one.
//
// Attributes: view (articles | quotes | entities | timeline), theme (light | dark; default
// follows prefers-color-scheme), height (any CSS length), and initial filters: q, entity,
// speaker, from, to (YYYY-MM-DD; checked by the core like a link; several speakers or
// entities joined by "|", as in a link). `permalink` keeps the
// state in location.hash; `library` lets the reader add their own articles (IndexedDB).
//
// The element builds the layout and registers the components on one Explorer instance (see
// explorer.js), which holds the state and emits the renders they listen to.

import STYLES from 'storyscope:styles';
import { activeFilters } from './components/filters.js';
import { header } from './components/header.js';
import { notice } from './components/notice.js';
import { progress } from './components/progress.js';
import { toolPanel } from './components/tool-panel.js';
import { skipLink, viewHost } from './components/view-host.js';
import { focusWithin, h } from './dom.js';
import { Explorer } from './explorer.js';
import { isView } from './store.js';
import { articlesView } from './views/articles.js';
import { entitiesView } from './views/entities.js';
import { quotesView } from './views/quotes.js';
import { timelineView } from './views/timeline/view.js';

const VIEWS = { articles: articlesView, quotes: quotesView, entities: entitiesView, timeline: timelineView };

/** One constructed sheet for every <story-scope>: it needs no 'unsafe-inline' under a strict Content-Security-Policy. */
let sharedSheet = null;

function adoptStyles(root) {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(STYLES);
  }
  root.adoptedStyleSheets = [sharedSheet];
}

class StoryScopeElement extends HTMLElement {
  static get observedAttributes() { return ['view', 'theme', 'height']; }

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);
    const explorer = new Explorer(this);
    this.explorer = explorer;
    const bar = header(explorer);
    // Closing the tools (Escape, or a panel's Close) folds the phone menu too, and gives the
    // focus back to the panel's button, or to Menu when the tools are folded behind it.
    const closeTools = () => {
      const tool = explorer.state.panel;
      bar.closeMenu();
      const back = () => {
        const button = root.querySelector(`[data-tool="${tool}"]`);
        focusWithin(button?.getClientRects().length ? button : bar.menu);
      };
      if (tool) explorer.actions.closePanel().then(back);
      else back();
    };
    const filters = activeFilters(explorer);
    bar.root.append(filters.chips, filters.live);
    const panel = toolPanel(explorer, closeTools);
    const body = h('div', { class: 'ss-body' }, viewHost(explorer, VIEWS));
    const footer = h('footer', { class: 'ss-foot' });
    this.frame = h('div', { class: 'ss', part: 'frame' }, skipLink(explorer), bar.root, progress(explorer), notice(explorer), panel, body, footer);
    root.append(this.frame);
    explorer.on('render', ({ ctx }) => {
      this.frame.classList.add('is-ready');
      this.frame.dataset.theme = ctx.state.theme;
      this.frame.dataset.view = ctx.state.view;
      this.frame.classList.toggle('ss-reading', ctx.state.view === 'articles' && Boolean(ctx.state.doc));
      footer.textContent = `Extracted in your browser · core ${explorer.core.version}`;
    });
    this.frame.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !(explorer.state.panel || bar.menuOpen())) return;
      event.preventDefault();
      closeTools();
    });
    this.listenForDrops(explorer);
    this.applyAttributes();
    explorer.start(this.initialFilter());
  }

  /**
   * Files dropped anywhere on the explorer are added (with a library). While files are dragged
   * over it, it says so: dragover repeats while the pointer is over it, and the sign goes a
   * moment after the last one (the drag left, or was given up).
   */
  listenForDrops(explorer) {
    const sign = h('div', { class: 'ss-drop', 'aria-hidden': 'true', text: 'Drop the files to add them to the story' });
    this.frame.append(sign);
    let timer = null;
    const show = (on) => {
      clearTimeout(timer);
      this.frame.classList.toggle('is-dropping', on);
      if (on) timer = setTimeout(() => show(false), 300);
    };
    this.addEventListener('dragover', (event) => {
      if (!explorer.hasLibrary || !event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      show(true);
    });
    this.addEventListener('drop', (event) => {
      if (!explorer.hasLibrary || !explorer.core) return;
      event.preventDefault();
      show(false);
      explorer.actions.addSources([...(event.dataTransfer?.files ?? [])].map((file) => ({ name: file.name, file })));
    });
  }

  /** The explorer's extraction with lookups (read by the browser suite). */
  get model() { return this.explorer?.model ?? null; }
  get state() { return this.explorer?.state ?? null; }
  get corpus() { return this.explorer?.corpus ?? null; }

  /** The filters the attributes ask for, unchecked (the core checks them). */
  initialFilter() {
    const attr = (name) => this.getAttribute(name)?.slice(0, 200) || null;
    const list = (name) => (this.getAttribute(name) ?? '').split('|').filter((v) => v && v.length <= 200).slice(0, 50);
    return { q: attr('q') ?? '', speakers: list('speaker'), entities: list('entity'), from: attr('from'), to: attr('to') };
  }

  attributeChangedCallback() {
    if (!this.explorer) return;
    this.applyAttributes();
  }

  applyAttributes() {
    const change = {};
    const view = this.getAttribute('view');
    if (isView(view)) change.view = view;
    const theme = this.getAttribute('theme');
    change.theme = theme === 'dark' || theme === 'light' ? theme : 'auto';
    // A custom property, so that the shadow styles can apply it with !important (see base.css).
    const height = this.getAttribute('height');
    if (height && CSS.supports('height', height)) this.style.setProperty('--ss-height', height);
    if (this.explorer.model) this.explorer.update(change, { history: 'none' });
    else this.explorer.store.set(change);
  }
}

/** Defines <story-scope> once per page. */
export function defineStoryScope() {
  if (!customElements.get('story-scope')) customElements.define('story-scope', StoryScopeElement);
}
