// The Web Worker's entry: bundled on its own (scripts/bundle.mjs) and started by the page from
// a blob URL, so that it works from file:// and needs no request. It runs the engine (engine.js)
// and answers messages:
//   {init: WebAssembly.Module}  → {ready: {version, coreVersion, fileRules}} or {failed: message}
//   {init: {packed: base64}}    → the same, after inflating (LZMA, then the code streams joined)
//                                 and compiling the wasm here,
//                                 off the page's main thread; `ready.module` is the compiled
//                                 module, for the page's other workers
//   {id, call, batch: [args…]}  → the call once for each argument list, in turn (a batch of
//                                 many small articles costs one message each way, not a round
//                                 trip each), answered in one message: {id, results: [{result}
//                                 | {error: message} (the input's fault) | {crash: message} (the
//                                 core trapped: this instance is done)]}, in order, ending at a
//                                 trap (what follows it is not run here); a batch of one call
//                                 first sends {id, stage} for each stage of its work, a batch of
//                                 several none (its answer is its progress)
// Typed arrays in a result are transferred, not copied.

import { joinCode } from './code-streams.js';
import { calls, start } from './engine.js';
import { decodeLzma } from './lzma.js';

let crashed = null;

self.onmessage = async ({ data }) => {
  if (data.init) {
    try {
      const packed = data.init.packed;
      const module = packed === undefined ? data.init : await WebAssembly.compile(inflate(packed));
      const ready = await start(module);
      self.postMessage({ ready: packed === undefined ? ready : { ...ready, module } });
    } catch (error) {
      self.postMessage({ failed: messageOf(error) });
    }
    return;
  }
  const { id, call, batch } = data;
  const results = [];
  const buffers = new Set();
  const onStage = batch.length < 2 ? (stage) => self.postMessage({ id, stage }) : undefined;
  for (const args of batch) {
    // A trap can leave the instance's memory half-changed: after one, nothing more runs here.
    if (crashed) break;
    try {
      const result = calls[call](...args, onStage);
      results.push({ result });
      transferables(result, buffers);
    } catch (error) {
      if (isTrap(error)) crashed = messageOf(error);
      else results.push({ error: messageOf(error) });
    }
  }
  if (crashed) results.push({ crash: crashed });
  self.postMessage({ id, results }, [...buffers]);
};

/** The wasm's bytes from the page's base64 LZMA stream of its packed form (scripts/bundle.mjs writes it). */
function inflate(packed) {
  const binary = atob(packed);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return joinCode(decodeLzma(bytes));
}

/** A WebAssembly trap (a Rust panic aborts into `unreachable`) or a stack overflow in the core. */
function isTrap(error) {
  return error instanceof WebAssembly.RuntimeError || error instanceof RangeError;
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/** Adds to `buffers` those of the typed arrays in a result (at its top level or one level down). */
function transferables(value, buffers, depth = 0) {
  if (ArrayBuffer.isView(value)) buffers.add(value.buffer);
  else if (value && typeof value === 'object' && depth < 2) Object.values(value).forEach((x) => transferables(x, buffers, depth + 1));
}
