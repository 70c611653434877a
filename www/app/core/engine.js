// The engine: the only code that talks to the WebAssembly core. It runs inside a Web Worker
// (worker.js), one instance per worker: it instantiates the module the page compiled, and
// turns every call into plain data in and plain data out (JSON values and typed arrays). An
// engine holds at most one corpus: the page opens each corpus in a worker of its own, so that
// the current one answers queries while the next is built, and closing it frees its memory.
// Nothing here touches the DOM.

import { Corpus, checkFile, coreVersion, extractArticle, fileRules, initSync, newCorpusFromParts, version } from 'storyscope:glue';

let corpus = null;

/**
 * Instantiates the compiled core; what the page needs to know of it. Through the glue's
 * `initSync`: the module is always compiled already, so the async `init`'s fetching and
 * streaming paths (and their messages) would only be carried, never run.
 */
export async function start(module) {
  initSync({ module });
  return { version: version(), coreVersion: coreVersion(), fileRules: fileRules() };
}

/**
 * The engine's calls, by name: what a worker message names. `onStage(name)`, where a call
 * takes it, hears each stage of the work as it starts.
 */
export const calls = {
  /** Why a file of this name and size cannot be an article, or null. */
  checkFile: (name, size) => checkFile(name, size) ?? null,

  /**
   * One article's part (Uint8Array), to cache and to assemble; throws an Error saying why a
   * file is not an article.
   */
  extractArticle: (article, onStage) => extractArticle(article, onStage),

  /**
   * Assembles the parts (after the seeds when `withSeeds`) into this engine's corpus, in place
   * of the one it held; returns the corpus's model (the contract without the documents' texts,
   * with `failures`) as JSON text, which the page parses: a string crosses to the page as one
   * copy, where the model's objects would be cloned one by one (more work than the parse).
   */
  openCorpus: (parts, withSeeds, onStage) => {
    corpus?.free();
    corpus = null;
    const opened = newCorpusFromParts(parts, withSeeds, onStage);
    corpus = opened;
    return opened.modelJson();
  },

  select: (filters) => open().select(filters),
  matches: (q, docIds) => open().matches(q, docIds),
  checkFilter: (raw) => open().checkFilter(raw),
  /** {said, about, over_time} of one entity, or null: its page asks when it shows it. */
  entityProfile: (id) => open().entityProfile(id),
  /** {text, paragraphs} of one document: the reader asks when it shows it. */
  document: (id) => open().document(id),
};

function open() {
  if (!(corpus instanceof Corpus)) throw new Error('no corpus is open');
  return corpus;
}
