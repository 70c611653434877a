// The view state in location.hash (view, article, entity, filters, and the timeline's visible
// range as tf/tt), so that a link reproduces the view and the back button works, also from
// file:// (only the hash changes). The hash is untrusted: this module only reads its values
// as text, length-capped; the explorer has the core check them against the corpus and says
// what it dropped. Nothing from the hash reaches the DOM except as text.

import { isView } from './store.js';

const HASH_LIMIT = 4000;
const LIST_LIMIT = 50;
const VALUE_LIMIT = 200;

/** State → "#view=quotes&q=…" (only what differs from the defaults). */
export function stateToHash(state) {
  const p = new URLSearchParams();
  const f = state.filters;
  if (state.view !== 'articles') p.set('view', state.view);
  if (state.doc) p.set('doc', state.doc);
  if (state.entity) p.set('entity', state.entity);
  if (f.q) p.set('q', f.q);
  for (const [key, list] of [['d', f.docs], ['e', f.entities], ['s', f.speakers], ['k', f.kinds]]) {
    if (list.length) p.set(key, list.join('|'));
  }
  if (f.sources) p.set('src', f.sources);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (state.timeline?.from) p.set('tf', state.timeline.from);
  if (state.timeline?.to) p.set('tt', state.timeline.to);
  const text = p.toString();
  return text ? `#${text}` : '';
}

/**
 * "#…" → what it asks for, unchecked: {view, doc, entity, filter (raw, for Corpus.checkFilter),
 * range: {from, to} (the timeline's tf/tt), tooLong, unknownView (a view name that is not one)}.
 */
export function readHash(hash) {
  const empty = { view: 'articles', doc: null, entity: null, filter: {}, range: {}, tooLong: false, unknownView: null };
  if (typeof hash !== 'string' || hash.length > HASH_LIMIT) return { ...empty, tooLong: typeof hash === 'string' };
  let p;
  try {
    p = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return empty;
  }
  const one = (key) => {
    const v = p.get(key);
    return v ? v.slice(0, VALUE_LIMIT) : null;
  };
  const list = (key) => (p.get(key) ?? '').split('|').filter((v) => v && v.length <= VALUE_LIMIT).slice(0, LIST_LIMIT);
  const view = one('view');
  return {
    view: isView(view) ? view : 'articles',
    unknownView: view && !isView(view) ? view : null,
    doc: one('doc'),
    entity: one('entity'),
    filter: {
      q: one('q') ?? '', docs: list('d'), entities: list('e'), speakers: list('s'), kinds: list('k'),
      sources: one('src'), from: one('from'), to: one('to'),
    },
    range: { from: one('tf'), to: one('tt') },
    tooLong: false,
  };
}
