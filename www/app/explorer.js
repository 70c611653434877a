// One explorer: the instance every component of a <story-scope> registers on. It holds the
// state store, the core's corpus and the current selection, runs the actions the components
// call, and emits events the components listen to:
//   'status'  {text} or {error}: before the first render (loading, or the core failed)
//   'render'  {ctx, keys}: after any change; `keys` names what changed (state keys, 'model',
//             'selection', 'library', 'notice')
// A view renders from one context object, `ctx` (see `context()`), and only calls actions.
// Filtering, checking and meaning are the core's; this file only sequences them.

import { openCore } from './core/facade.js';
import { Emitter } from './emitter.js';
import { deleteArticle, readSources, storeArticles, storedArticles } from './library.js';
import { indexModel } from './model.js';
import { readHash, stateToHash } from './permalink.js';
import { selectionVisible } from './selection.js';
import { emptyFilters, Store } from './store.js';

/** How long the timeline's zoom waits before it is written into the link (ms). */
const RANGE_WRITE_DELAY = 300;
/** The values of a dropped part of a link are quoted in the notice up to this length. */
const NOTICE_VALUE_CHARS = 40;

export class Explorer extends Emitter {
  constructor(element) {
    super();
    this.element = element;
    this.permalink = element.hasAttribute('permalink');
    this.hasLibrary = element.hasAttribute('library');
    this.store = new Store();
    this.core = null;
    this.corpus = null;
    this.model = null;
    this.selected = null;
    this.limits = new Map();
    /** View memory that is not shared state (expanded cards, "show all", name box). */
    this.ui = { expanded: new Set(), allSpeakers: false, entityQuery: '' };
    this.library = { articles: [], messages: [], status: '', progress: null, hideSeeds: false, removed: null };
    this.notice = '';
    this.focusRequest = null;
    this.ticket = 0;
    this.lastHash = null;
    this.hashTimer = null;
  }

  get state() {
    return this.store.state;
  }

  /** Registers a component: `component(explorer)` subscribes to what it needs. */
  register(component) {
    component(this);
    return this;
  }

  async start(initialFilter) {
    this.emit('status', { text: 'Reading the articles…' });
    try {
      this.core = await openCore();
      if (this.hasLibrary) await this.restoreLibrary();
      await this.openCorpus();
      const checked = await this.corpus.checkFilter(initialFilter);
      this.store.set({ filters: { ...emptyFilters(), ...checked.filter } });
      if (this.permalink) {
        await this.applyHash();
        window.addEventListener('hashchange', () => this.applyHash());
      } else {
        await this.refresh(new Set(['model']));
      }
    } catch (error) {
      console.error(error);
      this.emit('status', { error });
      return;
    }
    this.element.dispatchEvent(new CustomEvent('storyscope-ready', { bubbles: true, composed: true }));
  }

  /** (Re)opens the corpus of the seeds and the reader's articles. */
  async openCorpus() {
    const articles = this.library.articles.map(({ id, name, content }) => ({ id, name, content }));
    const corpus = await this.core.openCorpus(articles, !this.library.hideSeeds);
    this.corpus?.close();
    this.corpus = corpus;
    this.model = indexModel(corpus.extraction);
    this.selected = null;
    this.matchCache = new Map();
    const { doc, entity } = this.state;
    this.store.set({
      doc: this.model.docsById.has(doc) ? doc : null,
      entity: this.model.entitiesById.has(entity) ? entity : null,
    });
  }

  /** Applies `change` to the state, asks the core again if the filters changed, renders. */
  async update(change, { history = 'push', focus = null, cause = null } = {}) {
    if (history !== 'none') this.flushRange();
    const keys = this.store.set(change);
    if (cause) keys.add(cause);
    if (focus) this.focusRequest = focus;
    if (history === 'push') this.writeHash(false);
    await this.refresh(keys);
  }

  /** Renders, after asking the core for the selection when the filters (or the corpus) changed. */
  async refresh(keys = new Set()) {
    const ticket = ++this.ticket;
    const key = JSON.stringify(this.state.filters);
    if (this.selected?.key !== key || this.selected.model !== this.model) {
      let result;
      try {
        result = await this.corpus.select(this.state.filters);
      } catch (error) {
        // A filter the core refuses is dropped, not fatal.
        console.warn('Storyscope: filters reset:', error);
        this.notice = `These filters could not be applied (${error.message}), so they were cleared.`;
        this.store.set({ filters: emptyFilters() });
        keys.add('notice');
        result = await this.corpus.select(this.state.filters);
      }
      if (ticket !== this.ticket) return;
      this.selected = {
        key: JSON.stringify(this.state.filters), model: this.model,
        visible: selectionVisible(result, this.model.positions), facets: result.facets,
      };
      // New filters: the long lists start again at their first batch.
      this.limits = new Map();
      keys.add('selection');
    }
    if (ticket !== this.ticket) return;
    this.emit('render', { ctx: this.context(), keys });
  }

  /** What every view renders from. */
  context() {
    return {
      model: this.model,
      state: this.state,
      actions: this.actions,
      visible: this.selected.visible,
      facets: this.selected.facets,
      limits: this.limits,
      ui: this.ui,
      matches: (ids) => this.matches(ids),
      requestFocus: (key) => { this.focusRequest = key; },
      fail: (error) => this.emit('view-error', error),
    };
  }

  /** The focus wanted after the next render (a data-focus-key, 'view' or 'passage'), once. */
  takeFocusRequest() {
    const request = this.focusRequest;
    this.focusRequest = null;
    return request;
  }

  /**
   * `{hits, snippets}` of the search in the documents `ids` (those on screen), from the core.
   * The last few answers are kept: every render asks again for the same documents.
   */
  async matches(ids) {
    const q = this.state.filters.q;
    if (!q.trim() || !ids.length) return { hits: [], snippets: [] };
    const key = JSON.stringify([q, ids]);
    const cache = this.matchCache;
    if (!cache.has(key)) {
      const answer = this.corpus.matches(q, ids).catch((error) => {
        console.warn('Storyscope: no search matches:', error);
        return { hits: [], snippets: [] };
      });
      if (cache.size >= 8) cache.delete(cache.keys().next().value);
      cache.set(key, answer);
    }
    return cache.get(key);
  }

  get actions() {
    return {
      openDocument: (doc, focus = null) => this.update(
        { view: 'articles', doc, focus: focus ? { doc, ...focus } : null, panel: null },
        { focus: focus ? 'passage' : 'view' }),
      closeDocument: () => this.update({ doc: null, focus: null }, { focus: this.state.doc ? `doc:${this.state.doc}` : 'view' }),
      showView: (view, { moveFocus = false } = {}) => this.update({ view, panel: null }, { focus: moveFocus ? 'view' : null }),
      openEntity: (entity) => this.update({ view: 'entities', entity, panel: null },
        { focus: entity ? 'view' : this.state.entity ? `open:${this.state.entity}` : 'view' }),
      setFilters: (partial) => this.update({ filters: { ...this.state.filters, ...partial } }),
      clearFilters: () => this.update({ filters: emptyFilters() }),
      setTimeline: (partial) => this.update({ timeline: { ...this.state.timeline, ...partial } }),
      // No render: the timeline has drawn the range already.
      setTimelineRange: (from, to) => {
        Object.assign(this.state.timeline, { from, to });
        clearTimeout(this.hashTimer);
        this.hashTimer = setTimeout(() => this.flushRange(), RANGE_WRITE_DELAY);
      },
      togglePanel: (panel) => this.update({ panel: this.state.panel === panel ? null : panel }, { history: 'none' }),
      closePanel: () => this.update({ panel: null }, { history: 'none' }),
      cycleTheme: () => this.update({ theme: { auto: 'light', light: 'dark', dark: 'auto' }[this.state.theme] }, { history: 'none' }),
      dismissNotice: () => { this.notice = ''; this.refresh(new Set(['notice'])); },
      rerender: () => this.refresh(new Set(['retry'])),
      addSources: (sources) => this.addSources(sources),
      removeArticle: (id) => this.removeArticle(id),
      undoRemove: () => this.undoRemove(),
      setHideSeeds: (hide) => this.setHideSeeds(hide),
      reportLibrary: (messages) => { this.library.messages = messages; this.refresh(new Set(['library'])); },
    };
  }

  // ---- the permalink

  async applyHash() {
    if (!this.model) return;
    const hash = location.hash;
    if (hash === this.lastHash) return;
    this.lastHash = hash;
    // Navigation wins over a zoom not yet written.
    clearTimeout(this.hashTimer);
    this.hashTimer = null;
    const asked = readHash(hash);
    const [filter, range] = await Promise.all([
      this.corpus.checkFilter(asked.filter),
      this.corpus.checkFilter({ from: asked.range.from, to: asked.range.to }),
    ]);
    const dropped = [...filter.dropped, ...range.dropped];
    const doc = this.model.docsById.has(asked.doc) ? asked.doc : null;
    const entity = this.model.entitiesById.has(asked.entity) ? asked.entity : null;
    if (asked.doc && !doc) dropped.push({ value: asked.doc, message: 'no such article' });
    if (asked.entity && !entity) dropped.push({ value: asked.entity, message: 'no such person, place or organization' });
    if (asked.tooLong) dropped.push({ value: 'the link', message: 'too long to read' });
    this.notice = dropped.length ? linkNotice(dropped) : '';
    const change = {
      view: asked.view, doc, focus: null, entity, panel: null,
      filters: { ...emptyFilters(), ...filter.filter },
      timeline: { from: range.filter.from, to: range.filter.to },
    };
    await this.update(change, { history: 'none', cause: 'hash' });
  }

  /** Writes a pending timeline range into the current history entry now. */
  flushRange() {
    if (!this.hashTimer) return;
    clearTimeout(this.hashTimer);
    this.hashTimer = null;
    this.writeHash(true);
  }

  /** The state into location.hash, as a new history entry or in place of the current one. */
  writeHash(replace) {
    if (!this.permalink) return;
    const hash = stateToHash(this.state);
    if (hash === location.hash || (!hash && !location.hash)) return;
    // Remembered, so that the hashchange this causes is not applied again (see applyHash).
    this.lastHash = hash;
    // Only the fragment changes: this works from file://. ('' would reload the page.)
    if (replace) location.replace(hash || '#');
    else location.hash = hash;
  }

  // ---- the reader's articles

  async restoreLibrary() {
    try {
      this.library.articles = await storedArticles();
    } catch (error) {
      this.library.messages = [{ name: 'Your articles', reason: `could not be restored: ${error.message}` }];
    }
    try { this.library.hideSeeds = localStorage.getItem('storyscope.hideSeeds') === '1'; } catch { /* storage may be off */ }
  }

  /** Reads dropped or chosen files and pasted text, keeps the good ones, names the bad ones. */
  async addSources(sources) {
    if (!sources.length || !this.core) return;
    const lib = this.library;
    Object.assign(lib, { messages: [], status: '', removed: null, progress: { done: 0, total: sources.length } });
    await this.update({ panel: 'library' }, { history: 'none' });
    const taken = new Set(lib.articles.map((a) => a.id));
    const present = new Set(lib.articles.map((a) => a.content));
    const { articles, failures, skipped } = await readSources(this.core, sources, {
      taken, present, progress: (done, total) => { lib.progress = { done, total }; this.refresh(new Set(['library'])); },
    });
    lib.progress = null;
    lib.messages = failures;
    lib.status = [
      articles.length ? `Added ${plural(articles.length, 'article')}.` : '',
      skipped ? `Skipped ${plural(skipped, 'article')} already added.` : '',
    ].filter(Boolean).join(' ');
    if (articles.length) {
      try {
        await storeArticles(articles);
      } catch (error) {
        lib.messages.push({ name: 'Your articles', reason: `not saved on this device: ${error.message}` });
      }
      lib.articles = [...lib.articles, ...articles];
      await this.reload();
    } else {
      await this.refresh(new Set(['library']));
    }
  }

  /** Removes an article; `undoRemove` puts it back until another change of the library. */
  async removeArticle(id) {
    const lib = this.library;
    const article = lib.articles.find((a) => a.id === id);
    if (!article) return;
    lib.messages = [];
    try {
      await deleteArticle(id);
    } catch (error) {
      lib.messages = [{ name: article.title || article.name, reason: `not removed from this device: ${error.message}` }];
    }
    lib.articles = lib.articles.filter((a) => a.id !== id);
    lib.removed = article;
    lib.status = '';
    this.focusRequest = 'library:undo';
    await this.reload();
  }

  async undoRemove() {
    const lib = this.library;
    const article = lib.removed;
    if (!article) return;
    lib.removed = null;
    try {
      await storeArticles([article]);
    } catch (error) {
      lib.messages = [{ name: article.title || article.name, reason: `not saved on this device: ${error.message}` }];
    }
    lib.articles = [...lib.articles, article].sort((a, b) => String(a.added).localeCompare(String(b.added)));
    lib.status = `Put back “${article.title || article.name}”.`;
    this.focusRequest = `remove:${article.id}`;
    await this.reload();
  }

  async setHideSeeds(hide) {
    this.library.hideSeeds = hide;
    try { localStorage.setItem('storyscope.hideSeeds', hide ? '1' : '0'); } catch { /* storage may be off */ }
    await this.reload();
  }

  async reload() {
    await this.openCorpus();
    await this.refresh(new Set(['model', 'library']));
  }
}

function plural(n, noun) {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/** "Part of this link was ignored: “Nobody” (no such speaker); …" */
function linkNotice(dropped) {
  const quote = (value) => {
    const text = String(value);
    return `“${text.length > NOTICE_VALUE_CHARS ? `${text.slice(0, NOTICE_VALUE_CHARS - 1)}…` : text}”`;
  };
  const seen = new Set();
  const parts = [];
  for (const d of dropped) {
    const part = `${quote(d.value)} (${d.message})`;
    if (!seen.has(part)) parts.push(part);
    seen.add(part);
  }
  return `Part of this link was ignored: ${parts.join('; ')}.`;
}

