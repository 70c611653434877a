// The page's one way into the core: an asynchronous API over engines running in Web Workers
// (workers.js, worker.js, engine.js). The main thread never extracts. Every method returns a
// promise and passes only data a worker receives (strings, plain objects, typed arrays).
//
// - An Extractor reads articles into parts in a small pool of workers of its own: each call in an
//   idle worker, else in one it starts; its caller runs at most `size` calls at once (one a core,
//   at most 4) and keeps the results' order. When the core traps on one article, that call
//   fails with a CoreCrash and only its worker is replaced. `cancel()` stops every worker.
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

class Extractor {
  #core;
  /** Its live workers, and the idle ones among them. */
  #workers = new Set();
  #idle = [];

  constructor(core) {
    this.#core = core;
    /** How many calls its caller runs at once (one a core, 1 to 4): each takes an idle worker, else starts one. */
    this.size = Math.min(navigator.hardwareConcurrency || 2, 4);
  }

  /** Why a file of this name and size cannot be an article, or null (before reading it). */
  checkFile(name, size) {
    return this.#call('checkFile', [name, size]);
  }

  /**
   * One article's part (a Uint8Array): `article` is {id, name, content | bytes, title?,
   * published?, outlet?}. Rejects with an Error saying why it is not an article, a CoreCrash
   * when the core trapped on it (its worker is replaced), or Cancelled.
   */
  extract(article, { onStage } = {}) {
    return this.#call('extractArticle', [article], { onStage });
  }

  /** Stops every worker at once: what is pending fails with Cancelled. */
  cancel() {
    for (const worker of this.#workers) worker.terminate(new Cancelled());
    this.#workers.clear();
    this.#idle = [];
  }

  async #call(name, args, options) {
    let worker;
    while ((worker = this.#idle.pop()) && !worker.alive);
    if (!worker) this.#workers.add((worker = this.#core.worker()));
    try {
      return await worker.call(name, args, options);
    } finally {
      // A worker that trapped (or was stopped) is dropped: the next call starts a fresh one.
      if (worker.alive) this.#idle.push(worker);
      else this.#workers.delete(worker);
    }
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
