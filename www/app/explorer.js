// One explorer: the instance every component of a <story-scope> subscribes to. It holds the
// state store, the corpus shown and the current selection, runs the actions the components
// call, and emits events the components listen to:
//   'status'  {text} or {error}: before the first render (loading, or the core failed)
//   'render'  {ctx, keys}: after any change; `keys` names what changed (state keys, 'model',
//             'selection', 'library', 'notice')
//   'work'    the library's work in progress (reading files, indexing), for the progress bar
// The reader's articles and the corpus made of them are the Library's (library.js): a new
// corpus arrives from it when ready, and the one shown answers queries meanwhile.
// A view renders from one context object, `ctx` (see `context()`), and only calls actions.
// Filtering, checking and meaning are the core's; this file only sequences them.

import { Cancelled, CoreCrash, openCore } from './core/facade.js';
import { Emitter } from './emitter.js';
import { Library } from './library.js';
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
    this.ui = { expanded: new Set(), allSpeakers: false, entityQuery: '', editing: null };
    this.library = null;
    this.notice = '';
    this.focusRequest = null;
    this.ticket = 0;
    this.lastHash = null;
    this.hashTimer = null;
  }

  get state() {
    return this.store.state;
  }

  async start(initialFilter) {
    this.emit('status', { text: 'Reading the articles…' });
    try {
      this.core = await openCore();
      const library = new Library(this.core, { persistent: this.hasLibrary });
      this.library = library;
      library.on('corpus', ({ corpus, model }) => this.showCorpus(corpus, model));
      library.on('change', () => { if (this.model) this.refresh(new Set(['library'])); });
      library.on('work', (work) => this.emit('work', work));
      if (this.hasLibrary) {
        await library.restore();
        // Articles being read join the library (and this device) only when indexed: the
        // browser asks before a reload or a closed tab loses them.
        window.addEventListener('beforeunload', (event) => {
          if (library.unsaved) event.preventDefault();
        });
      }
      if (!(await library.rebuild()) && !this.corpus) {
        throw new Error(library.messages.at(-1)?.reason ?? 'the articles could not be indexed');
      }
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
    // Articles kept without their extraction (a new core, a lost cache) are read now, in the background.
    this.library.resume();
  }

  /**
   * Shows a new corpus (from the library): its model replaces the old one, and the old corpus
   * is closed once the views have rendered from the new one.
   */
  async showCorpus(corpus, model) {
    const old = this.corpus;
    this.corpus = corpus;
    this.model = indexModel(model);
    this.selected = null;
    this.matchCache = new Map();
    const { doc, entity } = this.state;
    this.store.set({
      doc: this.model.docsById.has(doc) ? doc : null,
      entity: this.model.entitiesById.has(entity) ? entity : null,
    });
    try {
      if (old) await this.refresh(new Set(['model', 'library']));
    } finally {
      old?.close();
    }
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

  /**
   * Renders, after asking the core for the selection when the filters (or the corpus) changed.
   * Emits 'refresh' at once, so that the view area can say it is being updated.
   */
  async refresh(keys = new Set()) {
    const ticket = ++this.ticket;
    this.emit('refresh');
    const key = JSON.stringify(this.state.filters);
    if (this.selected?.key !== key || this.selected.model !== this.model) {
      let result;
      try {
        result = await this.corpus.select(this.state.filters);
      } catch (error) {
        // A corpus closed meanwhile: the render of the new one follows.
        if (error instanceof Cancelled) return;
        if (error instanceof CoreCrash) {
          this.coreStopped(error);
          return;
        }
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
      document: (id) => this.corpus.document(id).catch((error) => {
        if (error instanceof CoreCrash) this.coreStopped(error);
        throw error;
      }),
      entityProfile: (id) => this.entityProfile(id),
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

  /** What entity `id`'s page shows (see CorpusHandle.entityProfile): asked once per corpus and entity. */
  entityProfile(id) {
    if (this.profileCache?.corpus !== this.corpus) this.profileCache = { corpus: this.corpus, answers: new Map() };
    const { answers } = this.profileCache;
    if (!answers.has(id)) {
      const answer = this.corpus.entityProfile(id).catch((error) => {
        answers.delete(id);
        if (error instanceof CoreCrash) this.coreStopped(error);
        throw error;
      });
      if (answers.size >= 8) answers.delete(answers.keys().next().value);
      answers.set(id, answer);
    }
    return answers.get(id);
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
      setFilters: (partial, focus = null) => this.update({ filters: { ...this.state.filters, ...partial } }, { focus }),
      // The date filter as the core reads it (a range given end first is turned round, a day
      // it cannot use is dropped): the views show what it kept. Resolves to what it dropped.
      setDates: async (from, to) => {
        // Busy at once, as after any change, while the core reads the range.
        this.emit('refresh');
        let checked;
        try {
          checked = await this.corpus.checkFilter({ from, to });
        } catch {
          // A corpus replaced or a core stopped meanwhile: the render that follows says so.
          await this.refresh();
          return [];
        }
        await this.update({ filters: { ...this.state.filters, from: checked.filter.from ?? null, to: checked.filter.to ?? null } });
        return checked.dropped;
      },
      // `focus`: where the focus goes after (a focus request, as update's), e.g. 'view' when
      // the button that cleared them goes away.
      clearFilters: (focus = null) => this.update({ filters: emptyFilters() }, { focus }),
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
      notify: (text) => { this.notice = text; this.refresh(new Set(['notice'])); },
      rerender: () => this.refresh(new Set(['retry'])),
      addSources: (sources) => this.addSources(sources),
      editArticle: (id, facts) => this.library.edit(id, facts),
      // Opens the facts editor of an added article (null closes it), with the focus in it: on
      // `field` ('title', 'published' or 'outlet').
      editFacts: (id, field = 'title') => {
        const was = this.ui.editing;
        this.ui.editing = id;
        this.focusRequest = id ? `edit-${id}:${field}` : was ? `edit:${was}` : null;
        return this.refresh(new Set(['library']));
      },
      removeArticle: (id) => this.removeArticle(id),
      undoRemove: () => this.undoRemove(),
      // `focus`: a focus request for the render of the new corpus (the button may go away).
      setHideSeeds: (hide, focus = null) => {
        if (focus) this.focusRequest = focus;
        return this.library.setHideSeeds(hide);
      },
      cancelWork: () => this.library.cancel(),
      reportLibrary: (messages) => this.library.report(messages),
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
    if (asked.unknownView) dropped.push({ value: asked.unknownView, message: 'no such view' });
    this.notice = asked.tooLong ? 'This link is too long to read: it was ignored.' : dropped.length ? linkNotice(dropped) : '';
    const change = {
      view: asked.view, doc, focus: null, entity, panel: null,
      filters: { ...emptyFilters(), ...filter.filter },
      timeline: { from: range.filter.from, to: range.filter.to },
    };
    await this.update(change, { history: 'none', cause: 'hash' });
    // The address keeps only what was applied: a reload or a copied link does not bring the
    // dropped parts (and the notice) back.
    if (asked.tooLong || dropped.length) this.writeHash(true);
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

  /**
   * Reads dropped or chosen files and pasted text (see Library.add), with the library panel
   * open; resolves to the number of articles added.
   */
  async addSources(sources) {
    if (!sources.length || !this.library) return 0;
    await this.update({ panel: 'library' }, { history: 'none' });
    return this.library.add(sources);
  }

  /** Removes an article; Undo, which puts it back, then has the focus. */
  async removeArticle(id) {
    await this.library.remove(id);
    this.focusRequest = 'library:undo';
    await this.refresh(new Set(['library']));
  }

  async undoRemove() {
    const id = this.library.removed?.article.id;
    await this.library.undoRemove();
    if (id) this.focusRequest = `remove:${id}`;
    await this.refresh(new Set(['library']));
  }

  /** The core of the corpus shown trapped: it is built again in a fresh worker. */
  coreStopped(error) {
    if (this.stopped === this.corpus) return;
    this.stopped = this.corpus;
    console.error(error);
    this.notice = `Storyscope's core stopped unexpectedly (${error.message}) and was restarted.`;
    this.library.rebuild();
  }
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

