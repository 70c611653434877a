// One entity's page: its kind, roles and aliases, its mentions over time (by the publication
// date of their articles), the quotes it said, the quotes that mention it, and its articles.

import { batchedList } from '../batches.js';
import { h, s } from '../dom.js';
import { formatDate, plural } from '../format.js';
import { filterButton } from './entity-filter.js';
import { quoteList } from './quote-cards.js';

const KIND_LABELS = { person: 'Person', place: 'Place', organization: 'Organization' };
const ARTICLE_BATCH = 50;

export function entityPage(ctx, entity) {
  const { model, actions } = ctx;
  const docs = new Set(entity.mentions.map((m) => m.doc));
  const said = model.quotes.filter((q) => q.speaker_id === entity.id && q.kind !== 'scare');
  const about = quotesAbout(model, entity);
  return h('article', { class: 'ss-view ss-entity-page', 'aria-labelledby': 'ss-entity-title' },
    h('button', {
      type: 'button', class: 'ss-back-link', dataset: { focusKey: 'entity:back' },
      onclick: () => actions.openEntity(null), text: '← All people, places and organizations',
    }),
    h('header', { class: 'ss-entity-head' },
      h('p', { class: 'ss-heading', text: KIND_LABELS[entity.kind] ?? entity.kind }),
      h('h2', { id: 'ss-entity-title', class: 'ss-entity-title', dir: 'auto', tabindex: '-1', dataset: { focusKey: 'view' }, text: entity.name }),
      h('p', { class: 'ss-entity-summary' },
        `${plural(entity.mentions.length, 'mention', 'mentions')} in ${plural(docs.size, 'article', 'articles')}`,
        said.length ? ` · ${plural(said.length, 'quote', 'quotes')} by ${entity.kind === 'person' ? 'them' : 'it'}` : null),
      filterButton(ctx, entity, true)),
    h('dl', { class: 'ss-entity-facts' },
      entity.roles.length ? [h('dt', { text: 'Roles' }), h('dd', { class: 'ss-entity-roles', dir: 'auto', text: entity.roles.join(', ') })] : null,
      entity.aliases.length ? [h('dt', { text: 'Also written' }), h('dd', null, h('ul', { class: 'ss-entity-aliases' }, entity.aliases.map((a) => h('li', { dir: 'auto', text: a }))))] : null),
    mentionStrip(model, entity),
    section('ss-entity-said', `Quotes by ${entity.name}`, said.length, said.length ? quoteList(ctx, said, 'said', `said:${entity.id}`) : null,
      `No quote is attributed to ${entity.name}.`),
    section('ss-entity-about', `Quotes mentioning ${entity.name}`, about.length, about.length ? quoteList(ctx, about, 'about', `about:${entity.id}`) : null,
      `No quote mentions ${entity.name}.`),
    section('ss-entity-docs', 'Articles', docs.size, articles(ctx, entity), ''));
}

/** The articles that mention the entity, in corpus order, each with its number of mentions, in batches. */
function articles(ctx, entity) {
  const { model, actions } = ctx;
  const byDoc = new Map();
  for (const m of entity.mentions) {
    if (byDoc.has(m.doc)) byDoc.get(m.doc).count += 1;
    else byDoc.set(m.doc, { first: m, count: 1 });
  }
  const docs = model.documents.filter((d) => byDoc.has(d.id));
  const list = h('ul', { class: 'ss-entity-docs' });
  const more = batchedList(ctx, {
    key: `articles:${entity.id}`, list, items: docs, batch: ARTICLE_BATCH, noun: 'articles',
    render: (from, to) => docs.slice(from, to).map((d) => {
      const { first, count } = byDoc.get(d.id);
      return h('li', null,
        h('button', { type: 'button', class: 'ss-link', onclick: () => actions.openDocument(d.id, { start: first.start, end: first.end }), text: d.title || d.id }),
        h('span', { class: 'ss-note', text: ` ${formatDate(d.published)} · ${plural(count, 'mention', 'mentions')}` }));
    }),
  });
  return [list, more];
}

function section(id, title, count, body, emptyText) {
  return h('section', { class: `ss-entity-section ${id}`, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title, h('span', { class: 'ss-count', text: String(count) })),
    body ?? h('p', { class: 'ss-note', text: emptyText }));
}

/**
 * Quotes that mention the entity but are not by it: one of its mentions lies inside the quote,
 * or the quote's words contain its name or an alias as a whole word (a quote's own mentions
 * are not always extracted).
 */
function quotesAbout(model, entity) {
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
function dayNumber(date) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date ?? '');
  return m ? Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / 86_400_000 : null;
}

/**
 * Mentions over time: bucketed by the publication date of their article, on the span of the
 * whole corpus (so strips compare across entities), by day, month or year depending on it.
 */
function mentionStrip(model, entity) {
  const days = model.documents.map((d) => dayNumber(d.published)).filter((d) => d !== null);
  const wrap = (body) => h('section', { class: 'ss-entity-section ss-entity-time', 'aria-labelledby': 'ss-entity-time-title' },
    h('h3', { id: 'ss-entity-time-title', text: 'Mentions over time' }), body);
  if (!days.length) return wrap(h('p', { class: 'ss-note', text: 'The articles have no publication dates.' }));

  const first = days.reduce((a, b) => Math.min(a, b));
  const last = days.reduce((a, b) => Math.max(a, b));
  const span = last - first;
  const unit = span <= 92 ? 'day' : span <= 366 * 8 ? 'month' : 'year';
  const start = new Date(first * 86_400_000);
  const bucketOf = (day) => {
    if (unit === 'day') return day - first;
    const d = new Date(day * 86_400_000);
    const years = d.getUTCFullYear() - start.getUTCFullYear();
    return unit === 'year' ? years : years * 12 + d.getUTCMonth() - start.getUTCMonth();
  };
  const labelOf = (bucket) => {
    if (unit === 'day') return formatDate(new Date((first + bucket) * 86_400_000).toISOString().slice(0, 10));
    if (unit === 'year') return String(start.getUTCFullYear() + bucket);
    const month = start.getUTCMonth() + bucket;
    return formatDate(`${start.getUTCFullYear() + Math.floor(month / 12)}-${String(month % 12 + 1).padStart(2, '0')}`);
  };
  const buckets = new Array(bucketOf(last) + 1).fill(0);
  let undated = 0;
  for (const m of entity.mentions) {
    const day = dayNumber(model.docsById.get(m.doc)?.published);
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
  return wrap([
    svg,
    h('p', { class: 'ss-strip-scale' },
      h('span', { text: labelOf(0) }),
      h('span', { class: 'ss-note', text: `peak ${plural(peak, 'mention', 'mentions')} per ${unit}` }),
      h('span', { text: labelOf(buckets.length - 1) })),
    undated ? h('p', { class: 'ss-note', text: `${plural(undated, 'mention', 'mentions')} in undated articles` }) : null,
  ]);
}
