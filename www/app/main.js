// The bundle's entry: defines <story-scope>. scripts/bundle.mjs bundles this module graph,
// the wasm-bindgen glue, the wasm and the styles into one classic script.

import { carryCore } from './core/workers.js';
import { defineStoryScope } from './element.js';
// Imported last, so that the bundle places the wasm's base64 (about 450 KB) after all the code:
// gzip looks back only 32 KB, and the code on both sides of it compressed as two runs (1.6 KB
// more of the page's gzip).
import WASM_LZMA from 'storyscope:wasm';

carryCore(WASM_LZMA);
defineStoryScope();
