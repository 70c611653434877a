// People, places and organizations, with the core's count of their passing mentions. Each is a
// facet: toggling it puts it in the shared `entities` filter, which narrows the articles, quotes
// and timeline (active ones are listed, removable). An entity's page is entity-page.js.

import { batchedList } from '../batches.js';
import { h } from '../dom.js';
import { plural } from '../format.js';
import { anyFilter } from '../store.js';
import { clearFiltersNote } from './empty.js';
import { entityPage } from './entity-page.js';
import { filterButton, toggleEntity } from './entity-filter.js';

const KINDS = [['person', 'People'], ['place', 'Places'], ['organization', 'Organizations']];
/** Entities listed at first under each kind, and added by each "Show more". */
const ENTITY_BATCH = 50;

export const entitiesView = {
  render(ctx) {
    const entity = ctx.state.entity ? ctx.model.entitiesById.get(ctx.state.entity) : null;
    return entity ? entityPage(ctx, entity) : entityIndex(ctx);
  },
};

/** The active entity filters, each removable. */
function activeEntities(ctx) {
  const active = ctx.state.filters.entities;
  if (!active.length) return null;
  return h('div', { class: 'ss-active-filters', role: 'group', 'aria-label': 'Active filters' },
    h('span', { class: 'ss-facet-label', text: 'Showing only what involves' }),
    active.map((id) => {
      const name = ctx.model.entitiesById.get(id)?.name ?? id;
      return h('button', {
        type: 'button', class: 'ss-chip-remove', dataset: { entity: id }, 'aria-label': `Remove the filter ${name}`,
        onclick: () => toggleEntity(ctx, id),
      }, name, h('span', { 'aria-hidden': 'true', text: ' ×' }));
    }),
    active.length > 1 ? h('button', { type: 'button', class: 'ss-link', onclick: () => ctx.actions.setFilters({ entities: [] }), text: 'Remove all' }) : null);
}

const listCache = new WeakMap();
/** Per kind, the entities in name order with their position and names in lower case (for the name box): once per model. */
function entityLists(model) {
  if (!listCache.has(model)) {
    const entries = model.entities.map((entity, position) => ({
      entity, position, names: [entity.name, ...entity.aliases].join('\n').toLowerCase(),
    }));
    entries.sort((a, b) => a.entity.name.localeCompare(b.entity.name));
    listCache.set(model, new Map(KINDS.map(([kind]) => [kind, entries.filter((e) => e.entity.kind === kind)])));
  }
  return listCache.get(model);
}

/** The visible entities of one kind (and the active filters), most mentioned first, then by name: one pass and buckets by count. */
function ranked(ctx, kind) {
  const { model, state, visible, facets } = ctx;
  const byCount = new Map();
  for (const entry of entityLists(model).get(kind)) {
    if (!visible.entities.hasPosition(entry.position) && !state.filters.entities.includes(entry.entity.id)) continue;
    const count = facets.mentions[entry.position] ?? 0;
    if (!byCount.has(count)) byCount.set(count, []);
    byCount.get(count).push({ ...entry, count });
  }
  return [...byCount.keys()].sort((a, b) => b - a).flatMap((count) => byCount.get(count));
}

function listItem(ctx, { entity, count }) {
  return h('li', { class: 'ss-entity', dataset: { entity: entity.id, kind: entity.kind } },
    h('button', {
      type: 'button', class: 'ss-entity-open', dataset: { focusKey: `open:${entity.id}` },
      onclick: () => ctx.actions.openEntity(entity.id),
    },
    h('span', { class: 'ss-entity-name', dir: 'auto', text: entity.name }),
    h('span', { class: 'ss-count', 'aria-label': plural(count, 'mention', 'mentions'), text: String(count) })),
    filterButton(ctx, entity, false));
}

function entityIndex(ctx) {
  const { model, ui } = ctx;
  const lists = KINDS.map(([kind, label]) => ({ kind, label, list: ranked(ctx, kind) }));

  // The name box narrows the lists without a re-render (typing keeps its focus); each list
  // shows its first batch of matches.
  const groups = h('div', { class: 'ss-entity-groups' });
  const status = h('p', { class: 'ss-note ss-entity-status', role: 'status' });
  const narrow = (query) => {
    const words = query.trim().toLowerCase();
    let matches = 0;
    groups.replaceChildren(...lists.map(({ kind, label, list }) => {
      const found = words ? list.filter((entry) => entry.names.includes(words)) : list;
      matches += found.length;
      const items = h('ul', { class: 'ss-entity-list' });
      const more = found.length ? batchedList(ctx, {
        key: `entities:${kind}`, list: items, items: found, batch: ENTITY_BATCH, noun: label.toLowerCase(),
        render: (from, to) => found.slice(from, to).map((entry) => listItem(ctx, entry)),
      }) : null;
      return h('section', { class: 'ss-entity-group', 'aria-labelledby': `ss-entities-${kind}` },
        h('h3', { id: `ss-entities-${kind}` }, label, h('span', { class: 'ss-count', text: String(list.length) })),
        found.length ? [items, more] : h('p', { class: 'ss-note', text: list.length ? `No ${label.toLowerCase()} match this name.` : `No ${label.toLowerCase()} in the current selection.` }));
    }));
    status.textContent = words ? plural(matches, 'match', 'matches') : '';
  };
  const search = h('input', {
    type: 'search', class: 'ss-entity-search', placeholder: 'Find a name', 'aria-label': 'Find a person, place or organization',
    value: ui.entityQuery, dataset: { focusKey: 'entity-search' },
    oninput: (e) => {
      ui.entityQuery = e.currentTarget.value;
      // Other matches: the lists start again at their first batch.
      for (const [kind] of KINDS) ctx.limits.delete(`entities:${kind}`);
      narrow(ui.entityQuery);
    },
  });
  narrow(ui.entityQuery);

  // Filters that leave no one: one line that says so, with the way out (as the other views).
  const noneLeft = model.entities.length && lists.every(({ list }) => !list.length) && anyFilter(ctx.state.filters);
  return h('section', { class: 'ss-view ss-entities', 'aria-labelledby': 'ss-entities-title' },
    h('h2', { id: 'ss-entities-title', class: 'ss-heading', tabindex: '-1', dataset: { focusKey: 'view' }, text: 'People, places and organizations' }),
    !model.entities.length ? h('p', { class: 'ss-empty', text: 'No people, places or organizations found.' })
      : noneLeft ? [activeEntities(ctx), clearFiltersNote(ctx, 'No person, place or organization passes these filters.')]
        : [h('div', { class: 'ss-entity-tools' }, search, status), activeEntities(ctx), groups]);
}
