// The one state store of an explorer: what the reader chose (view, open article and entity,
// filters, timeline zoom, open tool panel, theme). Every change goes through `set`, which
// emits 'change' with the keys that changed; the store knows nothing of rendering or the core.

import { Emitter } from './emitter.js';

/** The views, in tab order: id, tab label (and a shorter one for a phone), and the result type their tab counts. */
export const VIEWS = [
  { id: 'articles', label: 'Articles', count: 'documents' },
  { id: 'quotes', label: 'Quotes', count: 'quotes' },
  { id: 'entities', label: 'People, places & organizations', short: 'Names', count: 'entities' },
  { id: 'timeline', label: 'Timeline', count: 'events' },
];

export const isView = (id) => VIEWS.some((v) => v.id === id);

/** The filters every view shares. Empty lists and nulls mean "no restriction". */
export function emptyFilters() {
  return { docs: [], entities: [], speakers: [], kinds: [], sources: null, from: null, to: null, q: '' };
}

/** Whether any of `filters` (all of them, or some: {q, speakers, …}) restricts anything. */
export function anyFilter(filters) {
  return Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));
}

function initialState() {
  return {
    view: 'articles', doc: null, focus: null, entity: null, filters: emptyFilters(), timeline: {},
    panel: null, theme: 'auto',
  };
}

export class Store extends Emitter {
  #state;

  constructor(state = initialState()) {
    super();
    this.#state = state;
  }

  get state() {
    return this.#state;
  }

  /** Applies `change` (a partial state); emits 'change' with the set of keys whose value changed. */
  set(change) {
    const keys = new Set();
    for (const [key, value] of Object.entries(change)) {
      if (!sameValue(this.#state[key], value)) keys.add(key);
    }
    if (!keys.size) return keys;
    this.#state = { ...this.#state, ...change };
    this.emit('change', { keys, state: this.#state });
    return keys;
  }
}

/** Structural equality of plain state values (strings, numbers, lists, flat objects). */
function sameValue(a, b) {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
