// The view state in location.hash (view, article, entity, filters, and the timeline's visible
// range as tf/tt), so a link reproduces the view and the back button works, also from file://
// (only the hash changes; never history.replaceState with a path). The hash is untrusted:
// unknown keys are ignored, values are length-capped and checked against the model (the
// timeline checks its range against its axis), and nothing from it reaches the DOM except as
// text.

const HASH_LIMIT = 4000;
const LIST_LIMIT = 50;

/** `YYYY-MM-DD` naming a real day, else null. */
function validDay(v) {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) ? v : null;
}

/** State → "#view=quotes&q=…" (only what differs from the defaults). */
function stateToHash(state) {
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

/** "#…" → a state change, keeping only values that make sense for `model`. */
function hashToState(hash, model) {
  const change = { view: 'articles', doc: null, focus: null, entity: null, filters: emptyFilters(), timeline: {} };
  if (typeof hash !== 'string' || hash.length > HASH_LIMIT) return change;
  let p;
  try {
    p = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return change;
  }
  const date = validDay;
  const list = (key, valid) => (p.get(key) ?? '').split('|').filter((v) => v && v.length <= 200 && valid(v)).slice(0, LIST_LIMIT);
  const view = p.get('view');
  if (VIEWS.some(([id]) => id === view)) change.view = view;
  if (model.docsById.has(p.get('doc'))) change.doc = p.get('doc');
  if (model.entitiesById.has(p.get('entity'))) change.entity = p.get('entity');
  const f = change.filters;
  f.q = (p.get('q') ?? '').slice(0, 200);
  f.docs = list('d', (v) => model.docsById.has(v));
  f.entities = list('e', (v) => model.entitiesById.has(v));
  f.speakers = list('s', () => true);
  f.kinds = list('k', (v) => ['quote', 'event', 'mention'].includes(v));
  f.sources = ['named', 'unnamed'].includes(p.get('src')) ? p.get('src') : null;
  f.from = date(p.get('from'));
  f.to = date(p.get('to'));
  change.timeline = { from: date(p.get('tf')), to: date(p.get('tt')) };
  return change;
}
