// The page's side of the core's Web Workers: starts workers from a blob URL of the worker bundle
// (worker.js). The first worker inflates the inlined wasm (LZMA) and compiles it, off the page's
// main thread, and hands the compiled module back; every later worker instantiates that one
// module. A CoreWorker sends calls and settles their promises; it notices when the core traps
// (the worker says so, or dies) and when it is terminated, and fails what was pending with a
// CoreCrash or a Cancelled error. What to do then (a fresh worker, a name in a message) is the
// caller's. Nothing here knows the calls' meaning.

import WORKER_SOURCE from 'storyscope:worker';

/** The core trapped (a panic in Rust, or a stack overflow): its instance is gone. */
export class CoreCrash extends Error {
  constructor(message) {
    super(message);
    this.name = 'CoreCrash';
  }
}

/** The work was stopped on purpose (Cancel, or a newer build in its place). */
export class Cancelled extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'Cancelled';
  }
}

let workerUrl = null;
/** The core's wasm as the page carries it (base64 of LZMA): main.js hands it over. */
let packedCore = null;

/** Gives the packed core to the first worker (main.js, before any <story-scope> starts). */
export function carryCore(packed) {
  packedCore = packed;
}

/**
 * The page's first worker: it inflates and compiles the inlined wasm itself (a few hundred
 * milliseconds of work that would freeze the page on its main thread), and its `ready` carries
 * the compiled `module` for the workers after it.
 */
export function firstWorker() {
  if (typeof Worker !== 'function') throw new Error('This browser is too old for Storyscope: it lacks Web Workers.');
  // A policy without 'wasm-unsafe-eval' is named first, as when the page compiled the core
  // itself: compiling the empty module costs nothing and meets the same policy.
  try {
    new WebAssembly.Module(EMPTY_MODULE);
  } catch (error) {
    throw startError(error);
  }
  // The core is built with wasm's SIMD (.cargo/config.toml): a browser without it would fail to
  // compile it with a message about an opcode. It is named here instead, before any work.
  if (!WebAssembly.validate(SIMD_MODULE)) {
    throw new Error('This browser is too old for Storyscope: its WebAssembly lacks SIMD, which Chrome and Edge 91, ' +
      'Firefox 89 and Safari 16.4 (iOS 16.4) or later have. Update the browser, or open this page in another one.');
  }
  return new CoreWorker({ packed: packedCore });
}

/** The smallest valid module: its magic number and version. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
/** A module of one function, `v128.const 0; drop`: valid where WebAssembly has SIMD. */
const SIMD_MODULE = new Uint8Array([...EMPTY_MODULE, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0,
  10, 23, 1, 21, 0, 0xfd, 0x0c, ...new Array(16).fill(0), 0x1a, 0x0b]);

/**
 * One worker running one engine, started from a compiled WebAssembly.Module or (the first one)
 * from `{packed}`, the base64 LZMA stream. `ready` resolves with {version, coreVersion,
 * fileRules}, and `module` when it compiled one.
 */
export class CoreWorker {
  #worker;
  #pending = new Map();
  #nextId = 1;
  #dead = null;

  constructor(init) {
    workerUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    let settleReady;
    this.ready = new Promise((resolve, reject) => { settleReady = { resolve, reject }; });
    // Unhandled until someone waits on it: a worker that dies unwatched logs nothing.
    this.ready.catch(() => {});
    try {
      this.#worker = new Worker(workerUrl, { name: 'storyscope-core' });
    } catch (error) {
      this.#dead = workerError(error);
      settleReady.reject(this.#dead);
      return;
    }
    this.#worker.onmessage = ({ data }) => {
      if (data.ready) settleReady.resolve(data.ready);
      else if (data.failed) this.#fail(startError(new Error(data.failed)), settleReady);
      else this.#answer(data);
    };
    let started = false;
    this.ready.then(() => { started = true; }, () => {});
    // An error the worker did not catch, or a script the page's policy refused: it is gone. A
    // refused blob: worker reports only a bare error event, before it ever said it was ready.
    this.#worker.onerror = (event) => {
      event.preventDefault?.();
      const error = started ? workerError(new Error(event.message || 'the worker stopped')) : refusedWorker(event.message);
      this.#fail(this.#dead ?? error, settleReady);
    };
    this.#worker.onmessageerror = () => this.#fail(new CoreCrash('a message could not be read'), settleReady);
    this.#worker.postMessage({ init });
  }

  /** False once it crashed or was terminated: start another. */
  get alive() {
    return !this.#dead;
  }

  /**
   * Runs `name(...args)` in the worker. `onStage(stage)` hears each stage as it starts. Rejects
   * with an Error (the input's fault: its message says why), a CoreCrash, or Cancelled.
   */
  async call(name, args, options) {
    const [{ result, error }] = await this.callEach(name, [args], options);
    if (error) throw error;
    return result;
  }

  /**
   * Runs `name` once for each argument list of `batch`, in turn, in one message each way.
   * Resolves with an outcome for each call run, in order: {result} or {error}, an Error (the
   * input's fault) or a CoreCrash (the last: the calls after it were not run, and this worker
   * is terminated). `onStage(stage)` hears each stage of a batch of one. Rejects with
   * Cancelled, or a CoreCrash when the worker died.
   */
  callEach(name, batch, { onStage } = {}) {
    if (this.#dead) return Promise.reject(this.#dead);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onStage });
      this.#worker.postMessage({ id, call: name, batch });
    });
  }

  /** Stops the worker at once; what was pending fails with `reason`. */
  terminate(reason = new Cancelled()) {
    if (this.#dead) return;
    this.#dead = reason;
    this.#worker?.terminate();
    for (const { reject } of this.#pending.values()) reject(reason);
    this.#pending.clear();
  }

  #answer({ id, stage, results }) {
    const pending = this.#pending.get(id);
    if (!pending) return;
    if (stage !== undefined) {
      pending.onStage?.(stage);
      return;
    }
    this.#pending.delete(id);
    const outcomes = results.map(({ result, error, crash }) => ({
      result, error: crash !== undefined ? new CoreCrash(crash) : error !== undefined && new Error(error),
    }));
    pending.resolve(outcomes);
    // The instance cannot be trusted after a trap: nothing more is sent to it.
    if (results.at(-1)?.crash !== undefined) this.terminate(outcomes.at(-1).error);
  }

  #fail(reason, settleReady) {
    settleReady.reject(reason);
    this.terminate(reason);
  }
}

/** A readable reason the core could not start; a Content-Security-Policy says what to allow. */
function startError(error) {
  const message = error instanceof Error ? error.message : String(error);
  if (/unsafe-eval|Content.Security.Policy/i.test(message)) {
    return new Error("This page's Content-Security-Policy does not let WebAssembly run. Add 'wasm-unsafe-eval' to its script-src " +
      "(not 'unsafe-eval', which would also allow eval), and worker-src blob: for its worker. Storyscope makes no network request.");
  }
  return new Error(`The WebAssembly core could not start: ${message}`);
}

const REFUSED_WORKER = "Add worker-src blob: (Storyscope reads the articles in a Web Worker made from its own script, and makes no network request).";

/** A worker that could not start: a page's policy that refuses blob: workers says so. */
function workerError(error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error?.name === 'SecurityError' || /Content.Security.Policy|worker-src/i.test(message)) {
    return new Error(`This page's Content-Security-Policy does not let Storyscope start its worker. ${REFUSED_WORKER}`);
  }
  return new CoreCrash(message);
}

/**
 * A worker that failed before it started: the browser does not say why (a policy that refuses
 * blob: workers is the usual cause), so the message names that case.
 */
function refusedWorker(message) {
  return new Error(`Storyscope's worker could not start${message ? ` (${message})` : ''}. If this page has a ` +
    `Content-Security-Policy, it must allow the worker: ${REFUSED_WORKER}`);
}
