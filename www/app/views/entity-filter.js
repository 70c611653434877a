// The entity filter toggle, shared by the entity lists and an entity's page: it puts the
// entity in (or out of) the shared `entities` filter.

import { h } from '../dom.js';

/** Toggles `id` in the shared entity filter. */
export function toggleEntity(ctx, id) {
  const active = ctx.state.filters.entities;
  ctx.actions.setFilters({ entities: active.includes(id) ? active.filter((e) => e !== id) : [...active, id] });
}

/** The "filter" toggle of an entity, in the lists (`onPage` false) and on its page. */
export function filterButton(ctx, entity, onPage) {
  const on = ctx.state.filters.entities.includes(entity.id);
  return h('button', {
    type: 'button', class: 'ss-entity-filter', 'aria-pressed': String(on),
    dataset: { entity: entity.id, focusKey: `filter:${onPage ? 'page' : 'list'}:${entity.id}` },
    title: on ? `Stop filtering by ${entity.name}` : `Show only what involves ${entity.name}`,
    'aria-label': onPage ? null : `Filter by ${entity.name}`,
    onclick: () => toggleEntity(ctx, entity.id),
  }, h('span', { 'aria-hidden': 'true', class: 'ss-facet-check', text: on ? '✓' : '+' }),
  onPage ? (on ? ' Filtering by this' : ' Filter by this') : (on ? ' filter on' : ' filter'));
}
