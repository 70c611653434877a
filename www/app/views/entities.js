// People, places and organizations with their mention counts. Each is a facet: toggling it puts
// it in the shared `entities` filter, which narrows the articles, quotes and timeline (active
// ones are listed, removable). Its page (ctx.state.entity) shows its roles and aliases, its
// mentions over time, what it said and the quotes that mention it.

const ENTITY_KINDS = [['person', 'People'], ['place', 'Places'], ['organization', 'Organizations']];
const ENTITY_KIND_LABELS = { person: 'Person', place: 'Place', organization: 'Organization' };

function renderEntities(ctx) {
  const entity = ctx.state.entity ? ctx.model.entitiesById.get(ctx.state.entity) : null;
  return entity ? entityPage(ctx, entity) : entityIndex(ctx);
}

/** Toggles `id` in the shared entity filter. */
function entityToggle(ctx, id) {
  const active = ctx.state.filters.entities;
  ctx.actions.setFilters({ entities: active.includes(id) ? active.filter((e) => e !== id) : [...active, id] });
}

function entityFilterButton(ctx, entity, label) {
  const on = ctx.state.filters.entities.includes(entity.id);
  const key = `filter:${label ? 'page' : 'list'}:${entity.id}`;
  return h('button', {
    type: 'button', class: 'ss-entity-filter', 'aria-pressed': String(on), dataset: { entity: entity.id, focusKey: key },
    title: on ? `Stop filtering by ${entity.name}` : `Show only what involves ${entity.name}`,
    'aria-label': label ? null : `Filter by ${entity.name}`,
    onclick: (e) => refocusAfter(e, key, () => entityToggle(ctx, entity.id)),
  }, h('span', { 'aria-hidden': 'true', class: 'ss-facet-check', text: on ? '✓' : '+' }), label ? (on ? ' Filtering by this' : ' Filter by this') : (on ? ' filter on' : ' filter'));
}

/** The active entity filters, each removable. */
function entityActiveFilters(ctx) {
  const active = ctx.state.filters.entities;
  if (!active.length) return null;
  return h('div', { class: 'ss-active-filters', role: 'group', 'aria-label': 'Active filters' },
    h('span', { class: 'ss-facet-label', text: 'Showing only what involves' }),
    active.map((id) => {
      const name = ctx.model.entitiesById.get(id)?.name ?? id;
      return h('button', {
        type: 'button', class: 'ss-chip-remove', dataset: { entity: id }, 'aria-label': `Remove the filter ${name}`,
        onclick: () => entityToggle(ctx, id),
      }, name, h('span', { 'aria-hidden': 'true', text: ' ×' }));
    }),
    active.length > 1 ? h('button', { type: 'button', class: 'ss-link', onclick: () => ctx.actions.setFilters({ entities: [] }), text: 'Remove all' }) : null);
}

/** Entities listed at first under each kind, and added by each "Show more". */
const ENTITY_BATCH = 50;

const entityListCache = new WeakMap();
/**
 * Per kind, the entities in name order, each with its position, its names in lower case (for
 * the name box) and the document position of each of its mentions (for counting): built once
 * per model, so that a render only counts and buckets.
 */
function entityLists(model) {
  if (!entityListCache.has(model)) {
    const docPosition = model.positions.documents;
    const entries = model.entities.map((entity, position) => ({
      entity, position, names: [entity.name, ...entity.aliases].join('\n').toLowerCase(),
      docs: Int32Array.from(entity.mentions, (m) => docPosition.get(m.doc) ?? -1),
    }));
    entries.sort((a, b) => a.entity.name.localeCompare(b.entity.name));
    entityListCache.set(model, new Map(ENTITY_KINDS.map(([kind]) => [kind, entries.filter((e) => e.entity.kind === kind)])));
  }
  return entityListCache.get(model);
}

/** Mentions in the visible articles (the facet count: it follows the other filters). */
function entityVisibleMentions(entry, model, visibleDocs) {
  let n = 0;
  if (visibleDocs.hasPosition) {
    for (const p of entry.docs) if (p >= 0 && visibleDocs.hasPosition(p)) n += 1;
  } else {
    for (const m of entry.entity.mentions) if (visibleDocs.has(m.doc)) n += 1;
  }
  return n;
}

/** The visible entities of one kind (and the active filters), most mentioned first, then by name: one pass and buckets by count. */
function entityRanked(ctx, kind) {
  const { model, state, visible } = ctx;
  const byCount = new Map();
  for (const entry of entityLists(model).get(kind)) {
    const shown = visible.entities.hasPosition ? visible.entities.hasPosition(entry.position) : visible.entities.has(entry.entity.id);
    if (!shown && !state.filters.entities.includes(entry.entity.id)) continue;
    const count = entityVisibleMentions(entry, model, visible.documents);
    if (!byCount.has(count)) byCount.set(count, []);
    byCount.get(count).push({ ...entry, count });
  }
  return [...byCount.keys()].sort((a, b) => b - a).flatMap((count) => byCount.get(count));
}

function entityListItem(ctx, { entity, count }) {
  return h('li', { class: 'ss-entity', dataset: { entity: entity.id, kind: entity.kind } },
    h('button', {
      type: 'button', class: 'ss-entity-open', dataset: { focusKey: `open:${entity.id}` },
      onclick: (e) => refocusAfter(e, 'entity:title', () => ctx.actions.openEntity(entity.id)),
    },
    h('span', { class: 'ss-entity-name', text: entity.name }),
    h('span', { class: 'ss-count', 'aria-label': plural(count, 'mention', 'mentions'), text: String(count) })),
    entityFilterButton(ctx, entity, false));
}

function entityIndex(ctx) {
  const { model, state } = ctx;
  const ui = quoteUi(state);
  const ranked = ENTITY_KINDS.map(([kind, label]) => ({ kind, label, list: entityRanked(ctx, kind) }));

  // The name box narrows the lists without a re-render (typing keeps its focus); each list
  // shows its first batch of matches.
  const groups = h('div', { class: 'ss-entity-groups' });
  const status = h('p', { class: 'ss-note ss-entity-status', role: 'status' });
  const narrow = (query) => {
    const words = query.trim().toLowerCase();
    let matches = 0;
    groups.replaceChildren(...ranked.map(({ kind, label, list }) => {
      const found = words ? list.filter((entry) => entry.names.includes(words)) : list;
      matches += found.length;
      const items = h('ul', { class: 'ss-entity-list' });
      const more = found.length ? batchedList(ctx, {
        key: `entities:${kind}`, list: items, items: found, batch: ENTITY_BATCH, noun: label.toLowerCase(),
        render: (from, to) => found.slice(from, to).map((entry) => entityListItem(ctx, entry)),
      }) : null;
      return h('section', { class: 'ss-entity-group', 'aria-labelledby': `ss-entities-${kind}` },
        h('h3', { id: `ss-entities-${kind}` }, label, h('span', { class: 'ss-count', text: String(list.length) })),
        found.length ? [items, more] : h('p', { class: 'ss-note', text: list.length ? `No ${label.toLowerCase()} match this name.` : `No ${label.toLowerCase()} in the current selection.` }));
    }));
    status.textContent = words ? plural(matches, 'match', 'matches') : '';
  };
  const search = h('input', {
    type: 'search', class: 'ss-entity-search', placeholder: 'Find a name', 'aria-label': 'Find a person, place or organization',
    value: ui.entityQuery,
    oninput: (e) => {
      ui.entityQuery = e.currentTarget.value;
      // Other matches: the lists start again at their first batch.
      for (const [kind] of ENTITY_KINDS) ctx.limits?.delete(`entities:${kind}`);
      narrow(ui.entityQuery);
    },
  });
  narrow(ui.entityQuery);

  return h('section', { class: 'ss-view ss-entities', 'aria-labelledby': 'ss-entities-title' },
    h('h2', { id: 'ss-entities-title', class: 'ss-heading', text: 'People, places and organizations' }),
    model.entities.length
      ? [h('div', { class: 'ss-entity-tools' }, search, status), entityActiveFilters(ctx), groups]
      : h('p', { class: 'ss-empty', text: 'No people, places or organizations found.' }));
}

function entityPage(ctx, entity) {
  const { model, actions } = ctx;
  const docs = new Set(entity.mentions.map((m) => m.doc));
  const said = model.quotes.filter((q) => q.speaker_id === entity.id && q.kind !== 'scare');
  const about = entityQuotesAbout(model, entity);
  const back = h('button', {
    type: 'button', class: 'ss-back-link', dataset: { focusKey: 'entity:back' },
    onclick: (e) => refocusAfter(e, `open:${entity.id}`, () => actions.openEntity(null)), text: '← All people, places and organizations',
  });
  return h('article', { class: 'ss-view ss-entity-page', 'aria-labelledby': 'ss-entity-title' },
    back,
    h('header', { class: 'ss-entity-head' },
      h('p', { class: 'ss-heading', text: ENTITY_KIND_LABELS[entity.kind] ?? entity.kind }),
      h('h2', { id: 'ss-entity-title', class: 'ss-entity-title', tabindex: '-1', dataset: { focusKey: 'entity:title' }, text: entity.name }),
      h('p', { class: 'ss-entity-summary' },
        `${plural(entity.mentions.length, 'mention', 'mentions')} in ${plural(docs.size, 'article', 'articles')}`,
        said.length ? ` · ${plural(said.length, 'quote', 'quotes')} by ${entity.kind === 'person' ? 'them' : 'it'}` : null),
      entityFilterButton(ctx, entity, true)),
    h('dl', { class: 'ss-entity-facts' },
      entity.roles.length ? [h('dt', { text: 'Roles' }), h('dd', { class: 'ss-entity-roles', text: entity.roles.join(', ') })] : null,
      entity.aliases.length ? [h('dt', { text: 'Also written' }), h('dd', null, h('ul', { class: 'ss-entity-aliases' }, entity.aliases.map((a) => h('li', { text: a }))))] : null),
    entityMentionStrip(model, entity),
    entitySection('ss-entity-said', `Quotes by ${entity.name}`, said.length, said.length ? quoteList(ctx, said, 'said', `said:${entity.id}`) : null,
      `No quote is attributed to ${entity.name}.`),
    entitySection('ss-entity-about', `Quotes mentioning ${entity.name}`, about.length, about.length ? quoteList(ctx, about, 'about', `about:${entity.id}`) : null,
      `No quote mentions ${entity.name}.`),
    entitySection('ss-entity-docs', 'Articles', docs.size, entityArticles(ctx, entity), ''));
}

/** The articles that mention the entity, in corpus order, each with its number of mentions, in batches. */
function entityArticles(ctx, entity) {
  const { model, actions } = ctx;
  const byDoc = new Map();
  for (const m of entity.mentions) {
    if (byDoc.has(m.doc)) byDoc.get(m.doc).count += 1;
    else byDoc.set(m.doc, { first: m, count: 1 });
  }
  const docs = model.documents.filter((d) => byDoc.has(d.id));
  const list = h('ul', { class: 'ss-entity-docs' });
  const more = batchedList(ctx, {
    key: `articles:${entity.id}`, list, items: docs, batch: ENTITY_BATCH, noun: 'articles',
    render: (from, to) => docs.slice(from, to).map((d) => {
      const { first, count } = byDoc.get(d.id);
      return h('li', null,
        h('button', { type: 'button', class: 'ss-link', onclick: () => actions.openDocument(d.id, { start: first.start, end: first.end }), text: d.title || d.id }),
        h('span', { class: 'ss-note', text: ` ${formatDate(d.published)} · ${plural(count, 'mention', 'mentions')}` }));
    }),
  });
  return [list, more];
}

function entitySection(id, title, count, body, emptyText) {
  return h('section', { class: `ss-entity-section ${id}`, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title, h('span', { class: 'ss-count', text: String(count) })),
    body ?? h('p', { class: 'ss-note', text: emptyText }));
}

/**
 * Quotes that mention the entity but are not by it: one of its mentions lies inside the quote,
 * or the quote's words contain its name or an alias as a whole word (a quote's own mentions
 * are not always extracted).
 */
function entityQuotesAbout(model, entity) {
  const mentionsByDoc = new Map();
  for (const m of entity.mentions) {
    if (!mentionsByDoc.has(m.doc)) mentionsByDoc.set(m.doc, []);
    mentionsByDoc.get(m.doc).push(m);
  }
  const names = [entity.name, ...entity.aliases].filter((n) => n.length > 1)
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = names.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'u') : null;
  return model.quotes.filter((q) => q.speaker_id !== entity.id
    && ((mentionsByDoc.get(q.doc) ?? []).some((m) => m.start >= q.start && m.end <= q.end) || (pattern && pattern.test(q.text))));
}

/** "2009-03-03T08:48" → a day number (days since 1970-01-01), or null. */
function entityDayNumber(date) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date ?? '');
  return m ? Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / 86_400_000 : null;
}

/**
 * Mentions over time: bucketed by the publication date of their article, on the span of the
 * whole corpus (so strips compare across entities), by day, month or year depending on it.
 */
function entityMentionStrip(model, entity) {
  const days = model.documents.map((d) => entityDayNumber(d.published)).filter((d) => d !== null);
  const section = (body) => h('section', { class: 'ss-entity-section ss-entity-time', 'aria-labelledby': 'ss-entity-time-title' },
    h('h3', { id: 'ss-entity-time-title', text: 'Mentions over time' }), body);
  if (!days.length) return section(h('p', { class: 'ss-note', text: 'The articles have no publication dates.' }));

  const first = days.reduce((a, b) => Math.min(a, b));
  const last = days.reduce((a, b) => Math.max(a, b));
  const span = last - first;
  const unit = span <= 92 ? 'day' : span <= 366 * 8 ? 'month' : 'year';
  const bucketOf = (day) => {
    const d = new Date(day * 86_400_000);
    if (unit === 'day') return day - first;
    const start = new Date(first * 86_400_000);
    const years = d.getUTCFullYear() - start.getUTCFullYear();
    return unit === 'year' ? years : years * 12 + d.getUTCMonth() - start.getUTCMonth();
  };
  const labelOf = (bucket) => {
    if (unit === 'day') return formatDate(new Date((first + bucket) * 86_400_000).toISOString().slice(0, 10));
    const start = new Date(first * 86_400_000);
    if (unit === 'year') return String(start.getUTCFullYear() + bucket);
    const month = start.getUTCMonth() + bucket;
    return formatDate(`${start.getUTCFullYear() + Math.floor(month / 12)}-${String(month % 12 + 1).padStart(2, '0')}`);
  };
  const buckets = new Array(bucketOf(last) + 1).fill(0);
  let undated = 0;
  for (const m of entity.mentions) {
    const day = entityDayNumber(model.docsById.get(m.doc)?.published);
    if (day === null) undated += 1;
    else buckets[bucketOf(day)] += 1;
  }
  const peak = buckets.reduce((a, b) => Math.max(a, b), 1);
  const width = 10;
  const height = 48;
  const summary = buckets.map((n, i) => [n, i]).filter(([n]) => n > 0).map(([n, i]) => `${labelOf(i)}: ${n}`).join(', ');
  const svg = s('svg', {
    class: 'ss-strip', viewBox: `0 0 ${buckets.length * width} ${height}`, preserveAspectRatio: 'none',
    role: 'img', 'aria-label': `Mentions by ${unit}: ${summary || 'none dated'}`,
  },
  s('line', { class: 'ss-strip-axis', x1: 0, y1: height - 0.5, x2: buckets.length * width, y2: height - 0.5 }),
  buckets.map((n, i) => n > 0 ? s('rect', {
    class: 'ss-strip-bar', x: i * width + 1, width: width - 2, y: height - Math.max(3, (n / peak) * (height - 4)), height: Math.max(3, (n / peak) * (height - 4)),
    dataset: { count: String(n) },
  }, s('title', { text: `${labelOf(i)}: ${plural(n, 'mention', 'mentions')}` })) : null));
  return section([
    svg,
    h('p', { class: 'ss-strip-scale' },
      h('span', { text: labelOf(0) }),
      h('span', { class: 'ss-note', text: `peak ${plural(peak, 'mention', 'mentions')} per ${unit}` }),
      h('span', { text: labelOf(buckets.length - 1) })),
    undated ? h('p', { class: 'ss-note', text: `${plural(undated, 'mention', 'mentions')} in undated articles` }) : null,
  ]);
}
