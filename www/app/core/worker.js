// The Web Worker's entry: bundled on its own (scripts/bundle.mjs) and started by the page from
// a blob URL, so that it works from file:// and needs no request. It runs the engine (engine.js)
// and answers messages:
//   {init: WebAssembly.Module}  → {ready: {version, coreVersion, fileRules}} or {failed: message}
//   {init: {packed: base64}}    → the same, after inflating (LZMA, then the code streams joined)
//                                 and compiling the wasm here,
//                                 off the page's main thread; `ready.module` is the compiled
//                                 module, for the page's other workers
//   {id, call, args}            → {id, stage} for each stage of the work, then
//                                 {id, result}, {id, error: message} (the input's fault), or
//                                 {id, crash: message} (the core trapped: this instance is done)
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
  const { id, call, args } = data;
  // A trap can leave the instance's memory half-changed: after one, nothing more runs here.
  if (crashed) {
    self.postMessage({ id, crash: crashed });
    return;
  }
  try {
    const onStage = (stage) => self.postMessage({ id, stage });
    const result = calls[call](...args, onStage);
    self.postMessage({ id, result }, transferables(result));
  } catch (error) {
    if (isTrap(error)) {
      crashed = messageOf(error);
      self.postMessage({ id, crash: crashed });
    } else {
      self.postMessage({ id, error: messageOf(error) });
    }
  }
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

/** The buffers of the typed arrays in a result (at its top level or one level down). */
function transferables(value) {
  const buffers = new Set();
  const visit = (v, depth) => {
    if (ArrayBuffer.isView(v)) buffers.add(v.buffer);
    else if (v && typeof v === 'object' && depth < 2) Object.values(v).forEach((x) => visit(x, depth + 1));
  };
  visit(value, 0);
  return [...buffers];
}
