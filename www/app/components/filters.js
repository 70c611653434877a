// The active filters as removable chips, and a live count of what matches (announced politely).

import { h } from '../dom.js';
import { formatDateRange, plural } from '../format.js';

/** A `sources` filter's chip, by the core's value. */
const SOURCE_CHIPS = { named: 'named sources', unnamed: 'unnamed sources', scare: 'scare quotes' };

export function activeFilters(explorer) {
  const chips = h('div', { class: 'ss-chips', role: 'group', 'aria-label': 'Active filters' });
  const live = h('p', { class: 'ss-live', role: 'status', 'aria-live': 'polite' });
  explorer.on('render', ({ ctx }) => {
    const { model, state, actions, visible } = ctx;
    const f = state.filters;
    // Removing a chip leaves the focus on the chip that took its place, else the one before, else
    // the view's heading (not the search box, which would open a phone's keyboard): the chips are
    // rebuilt, and the focus must not fall to the page.
    const keys = [];
    const chip = (key, label, remove) => {
      keys.push(key);
      const removeAndRefocus = () => {
        const at = keys.indexOf(key);
        ctx.requestFocus(keys[at + 1] ?? keys[at - 1] ?? 'view');
        remove();
      };
      return h('span', { class: 'ss-chip' }, h('span', { class: 'ss-chip-label', dir: 'auto', text: label }),
        h('button', { type: 'button', class: 'ss-chip-remove', 'aria-label': `Remove filter: ${label}`, dataset: { focusKey: key }, onclick: removeAndRefocus, text: '×' }));
    };
    const without = (list, value) => list.filter((v) => v !== value);
    const list = [
      ...f.entities.map((id) => chip(`chip:e:${id}`, model.entitiesById.get(id)?.name ?? id, () => actions.setFilters({ entities: without(f.entities, id) }))),
      ...f.speakers.map((name) => chip(`chip:s:${name}`, `said by ${name}`, () => actions.setFilters({ speakers: without(f.speakers, name) }))),
      ...f.docs.map((d) => chip(`chip:d:${d}`, model.docsById.get(d)?.title ?? d, () => actions.setFilters({ docs: without(f.docs, d) }))),
      ...f.kinds.map((k) => chip(`chip:k:${k}`, `only ${k}s`, () => actions.setFilters({ kinds: without(f.kinds, k) }))),
      f.sources ? chip('chip:sources', SOURCE_CHIPS[f.sources] ?? f.sources, () => actions.setFilters({ sources: null })) : null,
      f.from || f.to ? chip('chip:dates', formatDateRange(f.from, f.to), () => actions.setFilters({ from: null, to: null })) : null,
      f.q ? chip('chip:q', `“${f.q}”`, () => actions.setFilters({ q: '' })) : null,
    ].filter(Boolean);
    const clearAll = () => {
      ctx.requestFocus('view');
      actions.clearFilters();
    };
    if (list.length > 1) list.push(h('button', { type: 'button', class: 'ss-link ss-clear', onclick: clearAll, text: 'Clear all' }));
    chips.replaceChildren(...list);
    live.textContent = list.length
      ? `${plural(visible.documents.size, 'article', 'articles')}, ${plural(visible.quotes.size, 'quote', 'quotes')}, ${plural(visible.events.size, 'event', 'events')} match`
      : `${plural(model.documents.length, 'article', 'articles')}, ${plural(model.quotes.length, 'quote', 'quotes')}, ${plural(model.events.length, 'event', 'events')}`;
  });
  return { chips, live };
}
