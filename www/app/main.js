// The bundle's entry: defines <story-scope>. scripts/bundle.mjs bundles this module graph,
// the wasm-bindgen glue, the wasm and the styles into one classic script.

import { defineStoryScope } from './element.js';

defineStoryScope();
