// The engine: the only code that talks to the WebAssembly core. It inflates the inlined wasm,
// instantiates it, and turns every call into plain data in and plain data (JSON values and
// typed arrays) out, keeping the indexed corpora it opened by a numeric handle. Nothing here
// touches the DOM or waits on the page, so that it can run inside a Web Worker as it is: the
// facade (facade.js) is the page's only way in, and only its transport would change.

import init, { Corpus, checkFile, extract, fileRules, newCorpus, version } from 'storyscope:glue';
import WASM_GZIP from 'storyscope:wasm';

const corpora = new Map();
let nextHandle = 1;

/** Inflates and instantiates the core. */
export async function start() {
  const binary = atob(WASM_GZIP);
  const packed = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) packed[i] = binary.charCodeAt(i);
  if (typeof DecompressionStream !== 'function') throw new Error('This browser is too old for Storyscope: it lacks DecompressionStream.');
  const bytes = await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  try {
    await init({ module_or_path: bytes });
  } catch (error) {
    throw startError(error);
  }
  return { version: version(), fileRules: fileRules() };
}

/** The engine's calls, by name: what the facade sends (a message, in a worker). */
export const calls = {
  /** Why a file of this name and size cannot be an article, or null. */
  checkFile: (name, size) => guard(() => checkFile(name, size) ?? null),

  /** Checks one article: {title} when the core reads it, else {failure}. */
  checkArticle: (article) => guard(() => {
    const checked = extract([article], false);
    if (checked.failures.length) return { failure: checked.failures[0].reason };
    return { title: checked.documents[0]?.title ?? '' };
  }),

  /** Extracts and indexes the articles (and the seeds); returns {handle, extraction}. */
  openCorpus: (articles, withSeeds) => guard(() => {
    const corpus = newCorpus(articles, withSeeds);
    const handle = nextHandle++;
    corpora.set(handle, corpus);
    return { handle, extraction: corpus.extraction() };
  }),

  select: (handle, filters) => guard(() => corpus(handle).select(filters)),
  matches: (handle, q, docIds) => guard(() => corpus(handle).matches(q, docIds)),
  checkFilter: (handle, raw) => guard(() => corpus(handle).checkFilter(raw)),

  closeCorpus: (handle) => {
    corpora.get(handle)?.free();
    corpora.delete(handle);
  },
};

function corpus(handle) {
  const found = corpora.get(handle);
  if (!(found instanceof Corpus)) throw new Error('this corpus was closed');
  return found;
}

/** Runs a call; a Rust error or a panic becomes an Error with a readable message. */
function guard(run) {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof WebAssembly.RuntimeError) {
      throw new Error(`Storyscope's core stopped unexpectedly (${message}). Reload the page; details are in the browser console.`);
    }
    throw new Error(message);
  }
}

/** A readable reason the core could not start; a Content-Security-Policy says what to allow. */
function startError(error) {
  const message = error instanceof Error ? error.message : String(error);
  if (/unsafe-eval|Content.Security.Policy/i.test(message)) {
    return new Error("This page's Content-Security-Policy does not let WebAssembly run. Add 'wasm-unsafe-eval' to its script-src " +
      "(not 'unsafe-eval', which would also allow eval): Storyscope needs nothing else, and makes no network request.");
  }
  return new Error(`The WebAssembly core could not start: ${message}`);
}
