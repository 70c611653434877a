// One entity's page: its kind, roles and aliases, its mentions over time (by the publication
// date of their articles), the quotes it said, the quotes that mention it, and its articles.
// Which quotes mention it and how its mentions fall into days, months or years are the core's
// answer (Corpus.entityProfile); this draws them.

import { batchedList } from '../batches.js';
import { h, s } from '../dom.js';
import { formatDate, plural } from '../format.js';
import { filterButton } from './entity-filter.js';
import { quoteList } from './quote-cards.js';

const KIND_LABELS = { person: 'Person', place: 'Place', organization: 'Organization' };
const ARTICLE_BATCH = 50;

export async function entityPage(ctx, entity) {
  const { model, actions } = ctx;
  const docs = new Set(entity.mentions.map((m) => m.doc));
  const profile = await ctx.entityProfile(entity.id);
  const said = (profile?.said ?? []).map((i) => model.quotes[i]);
  const about = (profile?.about ?? []).map((i) => model.quotes[i]);
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
    mentionStrip(profile?.over_time ?? null),
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
 * Mentions over time, as the core counts them: by the publication date of their articles, per
 * day, month or year on the span of the whole corpus (so strips compare across entities).
 */
function mentionStrip(overTime) {
  const wrap = (body) => h('section', { class: 'ss-entity-section ss-entity-time', 'aria-labelledby': 'ss-entity-time-title' },
    h('h3', { id: 'ss-entity-time-title', text: 'Mentions over time' }), body);
  if (!overTime) return wrap(h('p', { class: 'ss-note', text: 'The articles have no publication dates.' }));

  const { unit, buckets, undated } = overTime;
  const peak = buckets.reduce((a, b) => Math.max(a, b.mentions), 1);
  const width = 10;
  const height = 48;
  // A bar is at least a hundredth of the strip wide: over centuries (a thousand years), a
  // bucket's own width is under a pixel.
  const barWidth = Math.max(width - 2, (buckets.length * width) / 100);
  const summary = buckets.filter((b) => b.mentions > 0).map((b) => `${formatDate(b.date)}: ${b.mentions}`).join(', ');
  const svg = s('svg', {
    class: 'ss-strip', viewBox: `0 0 ${buckets.length * width} ${height}`, preserveAspectRatio: 'none',
    role: 'img', 'aria-label': `Mentions by ${unit}: ${summary || 'none dated'}`,
  },
  s('line', { class: 'ss-strip-axis', x1: 0, y1: height - 0.5, x2: buckets.length * width, y2: height - 0.5 }),
  buckets.map((b, i) => {
    const bar = Math.max(3, (b.mentions / peak) * (height - 4));
    return b.mentions > 0 ? s('rect', {
      class: 'ss-strip-bar', x: (i + 0.5) * width - barWidth / 2, width: barWidth, y: height - bar, height: bar,
      dataset: { count: String(b.mentions), date: b.date },
    }, s('title', { text: `${formatDate(b.date)}: ${plural(b.mentions, 'mention', 'mentions')}` })) : null;
  }));
  return wrap([
    svg,
    h('p', { class: 'ss-strip-scale' },
      h('span', { text: formatDate(buckets[0].date) }),
      h('span', { class: 'ss-note', text: `peak ${plural(peak, 'mention', 'mentions')} per ${unit}` }),
      h('span', { text: formatDate(buckets[buckets.length - 1].date) })),
    undated ? h('p', { class: 'ss-note', text: `${plural(undated, 'mention', 'mentions')} in undated articles` }) : null,
  ]);
}
