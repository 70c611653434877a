// The active filters as removable chips, and a live count of what matches (announced politely).

import { h } from '../dom.js';
import { formatDateRange, plural } from '../format.js';

export function activeFilters(explorer) {
  const chips = h('div', { class: 'ss-chips', role: 'group', 'aria-label': 'Active filters' });
  const live = h('p', { class: 'ss-live', role: 'status', 'aria-live': 'polite' });
  explorer.on('render', ({ ctx }) => {
    const { model, state, actions, visible } = ctx;
    const f = state.filters;
    const chip = (label, remove) => h('span', { class: 'ss-chip' }, h('span', { class: 'ss-chip-label', dir: 'auto', text: label }),
      h('button', { type: 'button', class: 'ss-chip-remove', 'aria-label': `Remove filter: ${label}`, onclick: remove, text: '×' }));
    const without = (list, value) => list.filter((v) => v !== value);
    const list = [
      ...f.entities.map((id) => chip(model.entitiesById.get(id)?.name ?? id, () => actions.setFilters({ entities: without(f.entities, id) }))),
      ...f.speakers.map((name) => chip(`said by ${name}`, () => actions.setFilters({ speakers: without(f.speakers, name) }))),
      ...f.docs.map((d) => chip(model.docsById.get(d)?.title ?? d, () => actions.setFilters({ docs: without(f.docs, d) }))),
      ...f.kinds.map((k) => chip(`only ${k}s`, () => actions.setFilters({ kinds: without(f.kinds, k) }))),
      f.sources ? chip(`${f.sources} sources`, () => actions.setFilters({ sources: null })) : null,
      f.from || f.to ? chip(formatDateRange(f.from, f.to), () => actions.setFilters({ from: null, to: null })) : null,
      f.q ? chip(`“${f.q}”`, () => actions.setFilters({ q: '' })) : null,
    ].filter(Boolean);
    if (list.length > 1) list.push(h('button', { type: 'button', class: 'ss-link ss-clear', onclick: () => actions.clearFilters(), text: 'Clear all' }));
    chips.replaceChildren(...list);
    live.textContent = list.length
      ? `${plural(visible.documents.size, 'article', 'articles')}, ${plural(visible.quotes.size, 'quote', 'quotes')}, ${plural(visible.events.size, 'event', 'events')} match`
      : `${plural(model.documents.length, 'article', 'articles')}, ${plural(model.quotes.length, 'quote', 'quotes')}, ${plural(model.events.length, 'event', 'events')}`;
  });
  return { chips, live };
}
