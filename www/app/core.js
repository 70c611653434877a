// Loads the WebAssembly core once per page (every <story-scope> shares it) from the bytes
// inlined in this script (gzipped; inflated by the browser's DecompressionStream): no fetch,
// so it works from file:// and offline.

let corePromise = null;

function loadCore() {
  corePromise ??= (async () => {
    const binary = atob(STORYSCOPE_WASM_GZIP);
    const packed = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) packed[i] = binary.charCodeAt(i);
    const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
    const bytes = await new Response(inflated).arrayBuffer();
    await wasm_bindgen({ module_or_path: bytes });
    return wasm_bindgen;
  })();
  return corePromise;
}

/** Calls into the core; a Rust error or a panic becomes an Error with a readable message. */
function callCore(core, name, ...args) {
  try {
    return core[name](...args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const panicked = error instanceof WebAssembly.RuntimeError;
    throw new Error(panicked
      ? `Storyscope's core stopped unexpectedly (${message}). Reload the page; details are in the browser console.`
      : message);
  }
}
