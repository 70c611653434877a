// The reader's articles and the corpus made of them. Articles come from pasted text, dropped
// files and imported corpus files; each is read by the core into a part (its extraction) in the
// Extractor's workers, several at once (the results kept in the articles' order), and parts are
// assembled into a corpus in a worker of its own (see core/facade.js). This module sequences
// that work; it does not render.
//
// - Incremental: a part is made once per article and kept (in memory, and on this device under a
//   key of everything it read and the core's version: storage.js), so adding, removing, hiding
//   the seeds, editing one article's facts or reloading the page only assembles again; only
//   new or edited articles are extracted. The main thread's work on an add goes a group of
//   files at a time, as the workers' batches do: a group's part keys computed together and
//   looked up in one transaction, the parts of one worker's answer kept in one (a part that
//   cannot be kept costs only itself), the progress bar drawn at most once a task.
// - Latest wins: each change starts a new build and stops the one in progress; the corpus shown
//   keeps answering until the new one is ready ('corpus' event).
// - Batches join together: the articles of an add (or an edit) join the library only with the
//   first corpus that includes them. Cancel stops the workers at once (terminating them: an
//   extraction cannot be interrupted otherwise); the articles before the first one not read
//   are kept and added, the rest are not. Cancel while the batch is indexed adds none of it,
//   but every part made is kept on this device, so adding the same files again does not read
//   them again.
// - One bad file costs only itself: a refusal names it with the core's reason; a trap in the
//   core names it too, and only its worker is replaced. A trap while assembling is traced to
//   the articles that cause it by assembling each alone.
//
// Events: 'work' (what is being done, see `work`), 'change' (the list, messages or status
// changed), 'corpus' ({corpus, model}: show it).

import { cleanFacts } from './corpus-file.js';
import { BATCH_ARTICLES, BATCH_BYTES, Cancelled, CoreCrash } from './core/facade.js';
import { Emitter } from './emitter.js';
import * as storage from './storage.js';

const HIDE_SEEDS_KEY = 'storyscope.hideSeeds';

let serials = 0;

export class Library extends Emitter {
  constructor(core, { persistent }) {
    super();
    this.core = core;
    /** Whether articles and parts are kept on this device (the page's `library` attribute). */
    this.persistent = persistent;
    /** The articles, oldest first: {id, name, content, facts, added, order} (see storage.byAdded). */
    this.articles = [];
    /** Messages about articles that failed: [{name, reason}]. */
    this.messages = [];
    this.status = '';
    /** The id of the one article `status` is about (added, updated, put back), which the reader may open; else null. */
    this.statusDoc = null;
    /** The last removed article ({article, part}), until another change: Undo puts it back. */
    this.removed = null;
    this.hideSeeds = false;
    /**
     * What is being done, for the progress bar: `reading` ({verb, name, index, total, stage}:
     * a file being extracted) and `indexing` ({total, stage, cancellable}: a corpus being
     * assembled), each null when idle; `waiting`, the jobs queued behind.
     */
    this.work = { reading: null, indexing: null, waiting: 0 };
    /** Adds and edits not yet in the library: leaving the page now would lose them. */
    this.unsaved = 0;
    /** Article id → {key, bytes, serial}: the parts of the articles the corpus is made of. */
    this.parts = new Map();
    this.titles = new Map();
    this.docIds = new Set();
    /** Ids of articles the core traps on when assembled: left out for this session. */
    this.broken = new Set();
    this.extractor = core.extractor();
    this.jobs = Promise.resolve();
    this.waiting = 0;
    this.epoch = 0;
    this.pending = null;
    this.building = null;
    this.gen = 0;
    this.shown = null;
    this.suspended = false;
  }

  /** The title the list shows: the core's, else the one given, else the file name. */
  titleOf(article) {
    return this.titles.get(article.id) || article.facts?.title || article.name;
  }

  /** True while an article has no part yet (being read, or it failed). */
  unread(article) {
    return !this.parts.has(article.id);
  }

  // ---- restoring and building

  /** Reads the kept articles and their kept parts; parts of nothing kept are deleted. */
  async restore() {
    try { this.hideSeeds = localStorage.getItem(HIDE_SEEDS_KEY) === '1'; } catch { /* storage may be off */ }
    try {
      this.articles = await storage.storedArticles();
      const keys = await Promise.all(this.articles.map((a) => storage.partKey(this.core.coreVersion, a)));
      const found = await storage.storedParts(keys);
      this.articles.forEach((article, i) => {
        if (found.has(keys[i])) this.parts.set(article.id, { key: keys[i], bytes: found.get(keys[i]), serial: ++serials });
      });
      storage.pruneParts(new Set(keys)).catch((error) => console.warn('Storyscope: old extractions not deleted:', error));
    } catch (error) {
      this.messages = [{ name: 'Your articles', reason: `could not be restored: ${error.message}` }];
    }
  }

  /** Reads again, in the background, the articles that have no part (a new core, or a cache lost). */
  resume() {
    const unread = this.articles.filter((a) => this.unread(a) && !this.broken.has(a.id));
    if (!unread.length) return null;
    return this.enqueue(async (epoch) => {
      const current = unread.filter((a) => this.articles.includes(a) && this.unread(a));
      const items = current.map((article) => ({ name: this.titleOf(article), prepare: async () => article, replaces: true }));
      const batch = await this.extractBatch(items, epoch, 'Reading');
      this.messages = batch.failures;
      if (batch.entries.length) await this.commit(batch);
      this.emit('change');
    });
  }

  /**
   * Builds the corpus of what should be shown (the seeds unless hidden, the articles with parts,
   * and the batch waiting to join); stops the build in progress. Resolves with true when this
   * build is shown, false when another took its place or it failed.
   */
  rebuild() {
    const gen = ++this.gen;
    this.building?.close();
    const batch = this.pending;
    const entries = this.entries(batch);
    const signature = this.signature(entries);
    const corpus = this.core.openCorpus(entries.map((e) => e.bytes), !this.hideSeeds, {
      onStage: (stage) => { if (gen === this.gen) this.progress('indexing', { stage }); },
    });
    this.building = corpus;
    this.setWork('indexing', { total: entries.length, stage: null, cancellable: Boolean(batch) });
    return corpus.ready.then((model) => {
      if (gen !== this.gen) return false;
      this.building = null;
      this.setWork('indexing', null);
      const stale = this.partFailures(model, entries);
      if (batch) this.settle(batch, 'committed');
      this.shown = signature;
      this.docIds = new Set(model.documents.map((d) => d.id));
      for (const d of model.documents) this.titles.set(d.id, d.title);
      this.emit('corpus', { corpus, model });
      if (stale.length) this.resume();
      return true;
    }, (error) => {
      if (gen !== this.gen) return false;
      this.building = null;
      this.setWork('indexing', null);
      if (error instanceof CoreCrash) return this.traceCrash(entries, batch, error, gen);
      console.error(error);
      this.messages = [...this.messages, { name: 'Your articles', reason: `could not be indexed: ${error.message}` }];
      if (batch) this.settle(batch, 'failed');
      this.emit('change');
      return false;
    });
  }

  /** The parts to assemble, in the list's order: a batch's entries in place of the articles they replace, then its new ones. */
  entries(batch) {
    if (this.suspended) return [];
    const fresh = new Map((batch?.entries ?? []).map((e) => [e.article.id, e]));
    const out = [];
    for (const article of this.articles) {
      const replacement = fresh.get(article.id);
      fresh.delete(article.id);
      const part = replacement ?? this.parts.get(article.id);
      if (part) out.push({ ...part, article: replacement?.article ?? article });
    }
    // An edit of an article removed meanwhile is not put back.
    for (const entry of fresh.values()) if (!entry.replaces) out.push(entry);
    return out;
  }

  signature(entries) {
    return `${this.hideSeeds}|${entries.map((e) => e.serial).join(',')}`;
  }

  /** A batch joins the library: its articles and parts, in memory now and on this device. */
  settle(batch, outcome) {
    if (this.pending === batch) this.pending = null;
    if (outcome === 'committed') {
      const stored = [];
      // One new list, by position: a batch of hundreds joins in one pass, not one copy each.
      const articles = [...this.articles];
      const at = new Map(articles.map((a, i) => [a.id, i]));
      for (const entry of batch.entries) {
        const { id } = entry.article;
        if (!at.has(id) && entry.replaces) continue;
        if (at.has(id)) articles[at.get(id)] = entry.article;
        else at.set(id, articles.push(entry.article) - 1);
        this.parts.set(id, { key: entry.key, bytes: entry.bytes, serial: entry.serial });
        stored.push(entry);
      }
      this.articles = articles;
      if (this.persistent && stored.length) {
        // Their parts are kept already, as they were made (see keep).
        storage.storeArticles(stored.map(({ article }) => ({ article }))).catch((error) => {
          this.messages = [...this.messages, { name: 'Your articles', reason: `not saved on this device: ${error.message}` }];
          this.emit('change');
        });
      }
    }
    batch.done(outcome);
  }

  /** Waits until a batch is in the corpus shown ('committed'), or 'cancelled' or 'failed'. */
  commit(batch) {
    return new Promise((resolve) => {
      batch.done = resolve;
      this.pending = batch;
      this.rebuild();
    });
  }

  /** Parts the core refused (made by another core, or damaged): dropped, to be read again. */
  partFailures(model, entries) {
    const stale = [];
    for (const failure of model.failures ?? []) {
      const entry = entries[Number(/^part (\d+)$/.exec(failure.name)?.[1] ?? NaN)];
      if (!entry) continue;
      stale.push(entry);
      this.parts.delete(entry.article.id);
      if (entry.key) storage.deletePart(entry.key).catch(() => {});
    }
    return stale;
  }

  /**
   * The core trapped while assembling: find the articles that make it trap by assembling each
   * alone (the batch's, else all), leave them out with their names, and build again. If none
   * does alone, the batch (or else every article) is left out, so that the page keeps working.
   */
  async traceCrash(entries, batch, crash, gen) {
    const inBatch = Boolean(batch?.entries.length);
    const suspects = inBatch ? batch.entries : entries;
    const culprits = [];
    for (const entry of suspects) {
      if (gen !== this.gen) return false;
      this.setWork('indexing', { total: 1, stage: 'check', cancellable: false });
      const alone = this.core.openCorpus([entry.bytes], false);
      this.building = alone;
      try {
        await alone.ready;
      } catch (error) {
        if (error instanceof CoreCrash) culprits.push(entry);
        else if (gen !== this.gen) return false;
      } finally {
        alone.close();
      }
    }
    if (gen !== this.gen) return false;
    this.building = null;
    this.setWork('indexing', null);
    const reason = `Storyscope's core stopped while indexing it (${crash.message}); it was left out. Please report it.`;
    const out = culprits.length ? culprits : suspects;
    const named = out.map((e) => ({ name: this.titleOf(e.article), reason }));
    if (inBatch) {
      // The batch's own failures are reported when it settles.
      batch.entries = batch.entries.filter((e) => !out.includes(e));
      batch.failures.push(...named);
      if (!batch.entries.length) this.settle(batch, 'failed');
    } else {
      this.messages = [...this.messages, ...named];
      for (const entry of out) {
        this.parts.delete(entry.article.id);
        this.broken.add(entry.article.id);
      }
      if (!culprits.length) this.suspended = true;
      this.emit('change');
    }
    return this.rebuild();
  }

  // ---- jobs: one extraction at a time

  /** Runs `job(epoch)` after the jobs before it; a Cancel drops it (the epoch changes). */
  enqueue(job) {
    const epoch = this.epoch;
    this.waiting += 1;
    const run = this.jobs.then(async () => {
      this.waiting -= 1;
      return epoch === this.epoch ? job(epoch) : undefined;
    });
    this.jobs = run.catch((error) => console.error(error));
    return this.jobs;
  }

  /**
   * Extracts items ({name, prepare: async () => article | null (skipped), replaces, and `size`,
   * its bytes, when it is still to be read}): prepared in order, a group at a time (a worker's
   * batch: up to BATCH_ARTICLES items or BATCH_BYTES, see core/facade.js), each group's kept
   * parts looked up together, and read in batches by up to `extractor.size` workers at once. Returns {entries: [{article, key, bytes, serial, replaces}],
   * failures, skipped, unread}, in the items' order whichever worker finished first: on Cancel,
   * those of the items before the first one not read, and how many items were left `unread`
   * from it on.
   */
  async extractBatch(items, epoch, verb) {
    const batch = { entries: [], failures: [], skipped: 0, unread: 0 };
    // Each item's outcome by position (an entry, a failure, or 0 when skipped); none while unread.
    const outcomes = [];
    // The items being read, in order, and their last stages (an article read alone has them):
    // the progress bar names the oldest, drawn at most once a task (a worker's answer settles a
    // whole batch of items at once).
    const reading = new Map();
    let drawing = false;
    const show = () => {
      if (drawing) return;
      drawing = true;
      setTimeout(() => {
        drawing = false;
        const index = reading.keys().next().value;
        if (epoch === this.epoch && reading.has(index)) this.setWork('reading', { verb, name: items[index].name, index, total: items.length, stage: reading.get(index) });
      });
    };
    const lanes = [];
    // Failed items give their ids back only once every lane has settled: freed as each lane
    // failed, a later item's id would depend on which worker finished first.
    const failed = [];
    // Each group's lanes, settled.
    const groups = [];
    for (let from = 0, to; from < items.length; from = to) {
      let bytes = items[from].size ?? 0;
      for (to = from + 1; to < items.length && to - from < BATCH_ARTICLES && (bytes += items[to].size ?? 0) <= BATCH_BYTES;) to++;
      // The extractor is handed up to two groups for each of its workers (their text waits in this
      // thread), so that each worker finds its next batch waiting: the group that many before
      // this one is read first.
      await groups[groups.length - this.extractor.size * 2];
      if (epoch !== this.epoch) break;
      // Prepared here, in order (ids, duplicates); their parts looked up together; read in lanes.
      const ready = [];
      for (let index = from; index < to; index++) {
        reading.set(index, null);
        ready.push(await items[index].prepare().then((article) => ({ article }), (error) => ({ error })));
      }
      // The bar names the oldest item being read (an item prepared ahead is not read yet).
      show();
      // Their parts: those kept from before (their keys computed together and looked up in one
      // transaction; should that fail, each alone, so that a failure costs only its item), else
      // extracted, in their order (unless the job of `epoch` was cancelled meanwhile: then no
      // worker is started for them).
      const lookUp = (list) => Promise.all(list.map(({ article }) => article && this.persistent && storage.partKey(this.core.coreVersion, article)))
        .then((keys) => storage.storedParts(keys).then((found) => keys.map((key) => ({ key, kept: found.get(key) }))));
      const looked = await lookUp(ready).catch(() => Promise.all(ready.map((one) => lookUp([one]).then(([found]) => found, (lookupError) => ({ lookupError })))));
      for (const [k, { article, error }] of ready.entries()) {
        const index = from + k;
        const item = items[index];
        const { key, kept, lookupError } = looked[k];
        const lane = error || lookupError ? Promise.reject(error ?? lookupError) : !article ? 0
          : (kept ? Promise.resolve(kept) : epoch !== this.epoch ? Promise.reject(new Cancelled()) : this.extract(article, key, (stage) => { reading.set(index, stage); show(); }))
            .then((bytes) => {
              // A file's bytes went to the core; its text is what is kept.
              delete article.bytes;
              return { article, key, bytes, serial: ++serials, replaces: Boolean(item.replaces) };
            });
        lanes.push(Promise.resolve(lane).then((outcome) => { outcomes[index] = outcome; }, (failure) => {
          if (failure instanceof Cancelled || epoch !== this.epoch) return;
          failed.push(item);
          outcomes[index] = { name: item.name, reason: failureReason(failure) };
        }).finally(() => {
          reading.delete(index);
          show();
        }));
      }
      groups.push(Promise.all(lanes.slice(from)));
    }
    await Promise.all(lanes);
    for (const item of failed) item.failed?.();
    for (const [index, outcome] of [...outcomes, undefined].entries()) {
      if (outcome === undefined) {
        batch.unread = items.length - index;
        break;
      }
      if (outcome?.article) batch.entries.push(outcome);
      else if (outcome) batch.failures.push(outcome);
      else batch.skipped += 1;
    }
    if (!batch.unread) this.setWork('reading', null);
    return batch;
  }

  /**
   * The part of an article ({id, name, content, facts}, and a file's `bytes` for the core to
   * read), made by the extractor, and kept on this device under `key` (when it has one) at
   * once, before its batch joins: a Cancel later in the batch does not lose it (parts of
   * articles never added are deleted at the next start).
   */
  extract({ id, name, content, bytes, facts }, key, onStage) {
    return this.extractor.extract({ id, name, ...(bytes ? { bytes } : { content }), ...facts }, { onStage }).then((made) => {
      if (key) this.keep(key, made);
      return made;
    });
  }

  /**
   * Keeps a part on this device: the parts made in one task (a worker's batch) in one
   * transaction. Should it fail, each is kept alone: one that cannot be is named in the
   * console, and the others are kept.
   */
  keep(key, bytes) {
    this.keeping ??= [];
    if (this.keeping.push([key, bytes]) > 1) return;
    setTimeout(() => {
      const parts = this.keeping;
      this.keeping = null;
      storage.storeParts(parts).catch(() => {
        for (const part of parts) storage.storeParts([part]).catch((error) => console.warn('Storyscope: an extraction not kept:', error));
      });
    });
  }

  // ---- what the reader does

  /**
   * Reads sources (files {name, file}, or texts {name, text, facts}) into new articles: a file
   * the core refuses, or one it traps on, is named with the reason while the rest are added;
   * an article whose text is already there is skipped. Resolves when done, to the number of
   * articles added (undefined when cancelled).
   */
  add(sources) {
    return this.unsavedUntil(this.enqueue(async (epoch) => {
      this.messages = [];
      this.status = '';
      this.statusDoc = null;
      this.removed = null;
      this.emit('change');
      const present = new Set([...this.articles, ...(this.pending?.entries.map((e) => e.article) ?? [])].map((a) => a.content));
      const taken = new Set([...this.articles.map((a) => a.id), ...this.docIds]);
      const added = new Date().toISOString();
      // Every file is checked before any is read: the checks go to a worker first, together.
      const checks = sources.map((source) => source.file && this.extractor.checkFile(source.name, source.file.size));
      Promise.allSettled(checks);
      // Files are read a group at a time (from the file asked for, up to a worker's batch of those
      // not refused) as one Blob: one read for many small files, not one each (each read costs
      // the main thread about 0.25 ms). Should a group's read fail, each of its files is read alone.
      const reads = new Map();
      const read = async (i) => {
        if (!reads.has(i)) {
          const group = [];
          for (let j = i, size = 0; j < sources.length && group.length < BATCH_ARTICLES && ((size += sources[j].file?.size ?? 0) <= BATCH_BYTES || !group.length); j++) {
            if (sources[j].file && !(await checks[j].catch(() => 1))) group.push(j);
          }
          const files = group.map((j) => sources[j].file);
          const whole = new Blob(files).arrayBuffer();
          let at = 0;
          files.forEach((file, k) => {
            const from = at;
            const to = (at += file.size);
            // Sliced: a view of the whole would send all of it to the worker. A file that cannot be
            // read fails when its turn comes (handled now: the files before it are prepared first).
            const bytes = whole.then((buffer) => buffer.slice(from, to), () => file.arrayBuffer());
            bytes.catch(() => {});
            reads.set(group[k], bytes);
          });
        }
        const buffer = reads.get(i);
        reads.delete(i);
        return new Uint8Array(await buffer);
      };
      const items = sources.map((source, i) => {
        let id = null;
        return {
          name: source.name,
          size: source.file?.size ?? source.text?.length,
          failed: () => { if (id) taken.delete(id); },
          prepare: async () => {
            let content = source.text;
            let bytes = null;
            if (source.file) {
              const refused = await checks[i];
              if (refused) throw new Error(refused);
              bytes = await read(i);
              content = new TextDecoder().decode(bytes);
            }
            if (present.has(content)) return null;
            present.add(content);
            id = articleId(source.name, taken);
            const article = { id, name: source.name, content, facts: cleanFacts(source.facts), added, order: i };
            // A file goes to the core as bytes, so that it names what is wrong with them.
            return bytes ? { ...article, bytes } : article;
          },
        };
      });
      const batch = await this.extractBatch(items, epoch, 'Reading');
      let outcome = 'committed';
      if (batch.entries.length) outcome = await this.commit(batch);
      if (outcome === 'cancelled') return;
      this.messages = batch.failures;
      const count = outcome === 'committed' ? batch.entries.length : 0;
      const skipped = batch.skipped ? `Skipped ${plural(batch.skipped, 'article')} already added.` : '';
      this.statusDoc = count === 1 && !batch.unread ? batch.entries[0].article.id : null;
      if (batch.unread && !count) {
        this.status = 'Stopped: nothing of that was added.';
      } else if (batch.unread) {
        this.status = `Stopped: added the ${plural(count, 'article')} read before; ${plural(batch.unread, 'file')} not read. ${skipped}`.trim();
      } else {
        this.status = [count ? `Added ${plural(count, 'article')}.` : '', skipped].filter(Boolean).join(' ');
      }
      this.emit('change');
      return count;
    }));
  }

  /** Counts `job` (a promise) among the unsaved changes until it is over. */
  async unsavedUntil(job) {
    this.unsaved += 1;
    try {
      return await job;
    } finally {
      this.unsaved -= 1;
    }
  }

  /** Gives an article new facts ({title, published, outlet}): only it is extracted again. */
  edit(id, facts) {
    return this.unsavedUntil(this.enqueue(async (epoch) => {
      const article = this.articles.find((a) => a.id === id);
      if (!article) return;
      const updated = { ...article, facts: cleanFacts(facts) };
      if (JSON.stringify(updated.facts) === JSON.stringify(article.facts ?? {})) return;
      this.messages = [];
      this.status = '';
      this.statusDoc = null;
      this.emit('change');
      const batch = await this.extractBatch([{ name: this.titleOf(article), prepare: async () => updated, replaces: true }], epoch, 'Reading again');
      if (batch.unread) return;
      const outcome = batch.entries.length ? await this.commit(batch) : 'failed';
      if (outcome === 'cancelled') return;
      this.messages = batch.failures;
      if (outcome === 'committed') {
        this.status = `Updated “${this.titleOf(updated)}”.`;
        this.statusDoc = id;
      }
      this.emit('change');
    }));
  }

  /** Says that something the reader gave could not be read (a corpus file that is none), in place of what the last change said. */
  report(messages) {
    this.messages = messages;
    this.status = '';
    this.statusDoc = null;
    this.emit('change');
  }

  /** Removes an article; `undoRemove` puts it back (with its part) until another change. */
  async remove(id) {
    const article = this.articles.find((a) => a.id === id);
    if (!article) return;
    const part = this.parts.get(id) ?? null;
    this.articles = this.articles.filter((a) => a !== article);
    this.parts.delete(id);
    this.messages = [];
    this.status = '';
    this.statusDoc = null;
    if (this.persistent) {
      try {
        await storage.deleteArticle(id);
      } catch (error) {
        this.messages = [{ name: this.titleOf(article), reason: `not removed from this device: ${error.message}` }];
      }
    }
    this.emit('change');
    await this.rebuild();
    this.removed = { article, part };
  }

  async undoRemove() {
    const { article, part } = this.removed ?? {};
    if (!article) return;
    this.removed = null;
    this.articles = [...this.articles, article].sort(storage.byAdded);
    if (part) this.parts.set(article.id, part);
    if (this.persistent) {
      try {
        await storage.storeArticles([{ article, key: part?.key ?? null, bytes: part?.bytes }]);
      } catch (error) {
        this.messages = [{ name: this.titleOf(article), reason: `not saved on this device: ${error.message}` }];
      }
    }
    this.status = `Put back “${this.titleOf(article)}”.`;
    this.statusDoc = article.id;
    await this.rebuild();
    if (!part) this.resume();
  }

  async setHideSeeds(hide) {
    this.hideSeeds = hide;
    try { localStorage.setItem(HIDE_SEEDS_KEY, hide ? '1' : '0'); } catch { /* storage may be off */ }
    await this.rebuild();
  }

  /** Whether Cancel has something to stop: a file being read, or a batch being indexed. */
  get cancellable() {
    return Boolean(this.work.reading || this.work.indexing?.cancellable);
  }

  /**
   * Stops what is being read or indexed, at once; queued work is dropped. While reading, the
   * articles read so far are added (the job goes on with them); while indexing a batch, none of
   * it is.
   */
  cancel() {
    if (!this.cancellable) return;
    this.epoch += 1;
    this.extractor.cancel();
    const batch = this.pending;
    if (batch) {
      this.gen += 1;
      this.building?.close();
      this.building = null;
      this.settle(batch, 'cancelled');
      this.setWork('indexing', null);
    }
    this.setWork('reading', null);
    this.status = 'Stopped: nothing of that was added.';
    this.statusDoc = null;
    this.emit('change');
    // A change made meanwhile (a removal, the seeds hidden) is still to be shown.
    if (this.signature(this.entries(null)) !== this.shown) this.rebuild();
  }

  // ---- progress

  setWork(slot, value) {
    this.work = { ...this.work, [slot]: value, waiting: this.waiting };
    this.emit('work', this.work);
  }

  progress(slot, change) {
    if (!this.work[slot]) return;
    this.setWork(slot, { ...this.work[slot], ...change });
  }
}

/** Why an article failed, for its message. */
function failureReason(error) {
  if (error instanceof CoreCrash) {
    return `Storyscope's core stopped while reading it (${error.message}); it was left out and the other files were read. Please report it.`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A unique, readable id for a new article. */
function articleId(name, taken) {
  const stem = String(name).replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'article';
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

function plural(n, noun) {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
