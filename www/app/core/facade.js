// The page's one way into the core: an asynchronous API over the engine (engine.js). Every
// method returns a promise and passes only data a worker could receive (strings, plain
// objects, typed arrays), so that moving the engine into a Web Worker changes the transport
// below (`call`) and nothing above it. The core is loaded once per page; every <story-scope>
// shares it and opens its own corpus.

import { calls, start } from './engine.js';

let loading = null;

/** The core, loaded on first use: {version, fileRules, checkFile, checkArticle, openCorpus}. */
export function openCore() {
  loading ??= start().then((info) => new Core(info));
  return loading;
}

/** The transport: in this thread for now, a message to the worker later. */
async function call(name, ...args) {
  return calls[name](...args);
}

class Core {
  constructor({ version, fileRules }) {
    /** The crate version, for the footer. */
    this.version = version;
    /** {extensions, maxBytes}: what the file picker offers. */
    this.fileRules = fileRules;
  }

  /** Why a file of this name and size cannot be an article, or null (before reading it). */
  checkFile(name, size) {
    return call('checkFile', name, size);
  }

  /** {title} when the core reads the article ({id, name, content | bytes}), else {failure}. */
  checkArticle(article) {
    return call('checkArticle', article);
  }

  /** Extracts and indexes the articles, after the seeds when `withSeeds`. */
  async openCorpus(articles, withSeeds) {
    const { handle, extraction } = await call('openCorpus', articles, withSeeds);
    return new CorpusHandle(handle, extraction);
  }
}

class CorpusHandle {
  constructor(handle, extraction) {
    this.handle = handle;
    /** The contract (with `failures`): documents, quotes, entities, times, events. */
    this.extraction = extraction;
  }

  /** What passes `filters`, by position (bitsets), with counts and facets (see Corpus.select). */
  select(filters) {
    return call('select', this.handle, filters);
  }

  /** {hits, snippets} of the search `q` in the documents `docIds`. */
  matches(q, docIds) {
    return call('matches', this.handle, q, docIds);
  }

  /** {filter, dropped}: an untrusted filter checked against this corpus. */
  checkFilter(raw) {
    return call('checkFilter', this.handle, raw);
  }

  close() {
    call('closeCorpus', this.handle);
  }
}
