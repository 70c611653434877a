// The page's one way into the core: an asynchronous API over engines running in Web Workers
// (workers.js, worker.js, engine.js). The main thread never extracts. Every method returns a
// promise and passes only data a worker receives (strings, plain objects, typed arrays).
//
// - An Extractor reads articles into parts in a small pool of workers of its own (one a core, at
//   most 4): the articles wait in order and go to an idle worker (or one it starts) in batches,
//   one message each way for a batch of many small articles; each article is extracted alone and
//   has its own answer. When the core traps on one article, it fails with a CoreCrash, only its
//   worker is replaced, and the rest of its batch is read by another. `cancel()` stops every
//   worker and drops what waits. Workers idle for IDLE_MS are stopped (their memory freed);
//   the next article starts others.
// - Each corpus lives in its own worker (CorpusHandle): the corpus shown keeps answering queries
//   while the next one is assembled, and closing one frees all of its memory.
//
// The core is compiled once per page, by its first worker; every <story-scope> shares it and
// opens its own corpora.

import { Cancelled, CoreCrash, CoreWorker, firstWorker } from './workers.js';

export { Cancelled, CoreCrash };

let loading = null;

/** The core, loaded on first use. */
export function openCore() {
  loading ??= (async () => {
    const first = firstWorker();
    const ready = await first.ready;
    return new Core(ready.module, ready, first);
  })();
  return loading;
}

class Core {
  #module;
  #spare;

  constructor(module, { version, coreVersion, fileRules }, spare) {
    this.#module = module;
    this.#spare = spare;
    /** The crate version, for the footer. */
    this.version = version;
    /** The version parts are made by: a part of another one is extracted again. */
    this.coreVersion = coreVersion;
    /** {extensions, maxBytes}: what the file picker offers. */
    this.fileRules = fileRules;
  }

  /** A worker, the one started to learn the core's versions first. */
  worker() {
    const spare = this.#spare;
    this.#spare = null;
    return spare?.alive ? spare : new CoreWorker(this.#module);
  }

  /** An extractor of articles (its worker starts on first use). */
  extractor() {
    return new Extractor(this);
  }

  /**
   * Assembles the parts (after the seeds when `withSeeds`) into a corpus in a worker of its
   * own; `onStage(name)` hears each stage. Await `corpus.ready` for its model; `close()` stops
   * it, even while it is being built.
   */
  openCorpus(parts, withSeeds, { onStage } = {}) {
    return new CorpusHandle(this.worker(), parts, withSeeds, onStage);
  }
}

/**
 * A batch: the waiting articles a worker takes in one message, up to about BATCH_BYTES of text
 * or BATCH_ARTICLES articles (a larger article goes alone). A message round trip (about 0.2 ms)
 * costs more than a small article's extraction; a batch is small enough that a Cancel loses
 * little and that progress moves.
 */
export const BATCH_BYTES = 256 * 1024;
export const BATCH_ARTICLES = 64;
/** How long the Extractor's workers stay alive with nothing to read. */
const IDLE_MS = 5000;

class Extractor {
  #core;
  /** Its live workers, the idle ones among them, and how many read a batch. */
  #workers = new Set();
  #idle = [];
  #lanes = 0;
  /** The calls waiting for a worker, in their order: {call, args, bytes, onStage, resolve, reject}. */
  #queue = [];
  #resting;

  constructor(core) {
    this.#core = core;
    /** How many workers it runs at once (one a core, 1 to 4). */
    this.size = Math.min(navigator.hardwareConcurrency || 2, 4);
  }

  /**
   * Why a file of this name and size cannot be an article, or null (before reading it). Checks
   * asked together go to a worker together, before the articles asked after them.
   */
  checkFile(name, size) {
    return this.#enqueue('checkFile', [name, size], 0);
  }

  /**
   * One article's part (a Uint8Array): `article` is {id, name, content | bytes, title?,
   * published?, outlet?}. The articles wait in their order and go to the workers in batches;
   * each is extracted alone and fails alone: rejects with an Error saying why it is not an
   * article, a CoreCrash when the core trapped on it (its worker is replaced; the articles after
   * it in its batch go to another), or Cancelled. `onStage(stage)` hears its stages when it
   * goes alone (an article of a batch has no stages: its batch takes a few milliseconds).
   */
  extract(article, { onStage } = {}) {
    return this.#enqueue('extractArticle', [article], (article.bytes ?? article.content).length, onStage);
  }

  /** Stops every worker at once: what is pending or waiting fails with Cancelled. */
  cancel() {
    const cancelled = new Cancelled();
    for (const worker of this.#workers) worker.terminate(cancelled);
    for (const job of this.#queue) job.reject(cancelled);
    this.#workers.clear();
    this.#idle = [];
    this.#queue = [];
  }

  #enqueue(call, args, bytes, onStage) {
    return new Promise((resolve, reject) => {
      this.#queue.push({ call, args, bytes, onStage, resolve, reject });
      if (this.#lanes < this.size) this.#lane();
    });
  }

  /**
   * One worker answering the waiting calls while there are any, in batches of calls of one name
   * (see BATCH_BYTES); a fresh worker after a trap.
   */
  async #lane() {
    this.#lanes++;
    let worker = this.#idle.pop();
    while (this.#queue.length) {
      // A worker that trapped leaves the set (its instance is gone) for a fresh one.
      if (!worker?.alive) {
        if (worker) this.#workers.delete(worker);
        this.#workers.add((worker = this.#core.worker()));
      }
      const batch = [this.#queue.shift()];
      let { call, bytes } = batch[0];
      while (batch.length < BATCH_ARTICLES && this.#queue[0]?.call === call && (bytes += this.#queue[0].bytes) <= BATCH_BYTES) {
        batch.push(this.#queue.shift());
      }
      // A batch of many articles names no stages; one of a single article, its own (see callEach).
      const outcomes = await worker.callEach(call, batch.map((job) => job.args), batch[0])
        .catch((error) => batch.map(() => ({ error })));
      outcomes.forEach(({ result, error }, i) => (error ? batch[i].reject(error) : batch[i].resolve(result)));
      // After a trap, the articles behind it in its batch were not read: they go first, to a fresh worker.
      this.#queue.unshift(...batch.slice(outcomes.length));
    }
    this.#lanes--;
    if (worker?.alive) this.#idle.push(worker);
    // The workers still idle IDLE_MS after the last lane ended are stopped.
    clearTimeout(this.#resting);
    this.#resting = setTimeout(() => {
      for (const idle of this.#idle) {
        idle.terminate();
        this.#workers.delete(idle);
      }
      this.#idle = [];
    }, IDLE_MS);
  }
}

/** How many document texts a corpus keeps at hand for the reader. */
const DOCUMENTS_KEPT = 8;

class CorpusHandle {
  #worker;
  #documents = new Map();

  constructor(worker, parts, withSeeds, onStage) {
    this.#worker = worker;
    /** The model (the contract without texts, with `failures`), once assembled. The worker
     * sends it as JSON text (see engine.js), parsed here. */
    this.ready = worker.call('openCorpus', [parts, withSeeds], { onStage }).then((json) => JSON.parse(json));
    this.ready.catch(() => {});
  }

  /** False once its worker crashed or it was closed. */
  get alive() {
    return this.#worker.alive;
  }

  /** What passes `filters`, by position (bitsets), with counts and facets (see Corpus.select). */
  select(filters) {
    return this.#worker.call('select', [filters]);
  }

  /** {hits, snippets} of the search `q` in the documents `docIds`. */
  matches(q, docIds) {
    return this.#worker.call('matches', [q, docIds]);
  }

  /** {filter, dropped}: an untrusted filter checked against this corpus. */
  checkFilter(raw) {
    return this.#worker.call('checkFilter', [raw]);
  }

  /**
   * What entity `id`'s page shows, or null: {said, about} (positions of its quotes and of the
   * quotes mentioning it) and `over_time` ({unit, buckets: [{date, mentions}], undated}, null
   * when no article is dated).
   */
  entityProfile(id) {
    return this.#worker.call('entityProfile', [id]);
  }

  /** {text, paragraphs} of document `id`; the last few are kept. */
  document(id) {
    let answer = this.#documents.get(id);
    if (answer) {
      this.#documents.delete(id);
    } else {
      answer = this.#worker.call('document', [id]);
      answer.catch(() => this.#documents.delete(id));
      if (this.#documents.size >= DOCUMENTS_KEPT) this.#documents.delete(this.#documents.keys().next().value);
    }
    this.#documents.set(id, answer);
    return answer;
  }

  /** Stops its worker (a build in progress too) and frees its memory. */
  close() {
    this.#worker.terminate(new Cancelled('this corpus was closed'));
  }
}
