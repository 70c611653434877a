// The quote wall: one card per quote (speaker, words, article and date, kind), expandable to the
// passage around it; consecutive dialogue lines of one article read as a transcript; scare quotes
// look apart and never carry a speaker; unnamed sources are marked. Facets: the speakers (with
// counts) and named vs unnamed sources, through the shared filters. A click opens the reader at
// the quote. The entity page reuses the cards (quoteCard, quoteList).

const QUOTE_KIND_LABELS = { direct: 'Direct quote', partial: 'Partial quote', dialogue: 'Dialogue', scare: 'Scare quote' };
/** Speakers listed before "Show all". */
const QUOTE_SPEAKERS_SHOWN = 8;
/** Quote cards shown at first in a list, and added by each "Show more". */
const QUOTE_BATCH = 100;
/** Passages longer than this (code points) are cut down to the sentences around the quote. */
const QUOTE_CONTEXT_MAX = 600;

/** UI memory that is not shared filter state (expanded cards, "show all"), per element: ctx.state is one object per element. */
const quoteUiMemory = new WeakMap();
function quoteUi(state) {
  if (!quoteUiMemory.has(state)) quoteUiMemory.set(state, { expanded: new Set(), allSpeakers: false, entityQuery: '' });
  return quoteUiMemory.get(state);
}

/** Runs an action (which re-renders the element), then gives the keyboard focus back to the control with the same key. */
function refocusAfter(event, key, run) {
  const root = event.currentTarget.getRootNode();
  run();
  root.querySelector?.(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
}

/** The name a quote is filtered and counted under (as the core's index does): its speaker entity's name, else the speaker text. Scare quotes have none. */
function quoteSpeakerLabel(model, q) {
  if (q.kind === 'scare') return null;
  return (q.speaker_id && model.entitiesById.get(q.speaker_id)?.name) || q.speaker || null;
}

/** Named: the speaker is a known person or organization; unnamed: a described source ("a senior official"). */
function quoteSourceKind(q) {
  if (q.kind === 'scare' || !q.speaker) return 'none';
  return q.speaker_id ? 'named' : 'unnamed';
}

// Until the core's index answers queries (ctx.facets empty), the wall applies the speaker and
// source filters itself, with the index's semantics, so that the facets work either way.
function quoteCoreFilters(ctx) {
  return Boolean(ctx.facets && ctx.facets.sources);
}

function quotePassesLocally(model, filters, q, except) {
  if (except !== 'speakers' && filters.speakers.length) {
    const keys = [quoteSpeakerLabel(model, q), q.speaker_id, q.speaker].filter(Boolean);
    if (!keys.some((k) => filters.speakers.includes(k))) return false;
  }
  if (except !== 'sources' && filters.sources) {
    if ((filters.sources === 'named') !== Boolean(q.speaker_id)) return false;
  }
  return true;
}

/** The speaker and source counts: the core's facets when present, else counted over what is visible. */
function quoteFacetCounts(ctx) {
  if (quoteCoreFilters(ctx)) return { speakers: ctx.facets.speakers ?? {}, sources: ctx.facets.sources };
  const { model, visible, state } = ctx;
  const speakers = {};
  const sources = { named: 0, unnamed: 0 };
  for (const q of model.quotes) {
    if (!visible.quotes.has(q.id)) continue;
    const label = quoteSpeakerLabel(model, q);
    if (label && quotePassesLocally(model, state.filters, q, 'speakers')) speakers[label] = (speakers[label] ?? 0) + 1;
    if (quotePassesLocally(model, state.filters, q, 'sources')) sources[q.speaker_id ? 'named' : 'unnamed'] += 1;
  }
  return { speakers, sources };
}

function renderQuoteWall(ctx) {
  const { model, state, visible } = ctx;
  const local = !quoteCoreFilters(ctx);
  const passing = visibleItems(model.quotes, visible.quotes);
  const shown = local ? passing.filter((q) => quotePassesLocally(model, state.filters, q)) : passing;
  const filtered = state.filters.speakers.length > 0 || Boolean(state.filters.sources);
  const [n, total] = [formatCount(shown.length), formatCount(model.quotes.length)];
  const title = shown.length === model.quotes.length ? `Quotes (${n})` : `Quotes (${n} of ${total})`;
  return h('section', { class: 'ss-view ss-quote-wall', 'aria-labelledby': 'ss-quotes-title' },
    h('h2', { id: 'ss-quotes-title', class: 'ss-heading', text: title }),
    model.quotes.length ? quoteFacets(ctx) : null,
    shown.length
      ? quoteList(ctx, shown, 'wall')
      : h('p', { class: 'ss-empty', role: 'status' },
        model.quotes.length ? 'No quote passes these filters. ' : 'No quotes found in these articles.',
        filtered ? h('button', { type: 'button', class: 'ss-link', onclick: () => ctx.actions.setFilters({ speakers: [], sources: null }), text: 'Show all quotes' }) : null));
}

/** The source switch (all / named / unnamed) and the speaker list, each value with its count. */
function quoteFacets(ctx) {
  const { state, actions } = ctx;
  const ui = quoteUi(state);
  const counts = quoteFacetCounts(ctx);
  const { speakers: active, sources } = state.filters;

  const sourceOptions = [[null, 'All', counts.sources.named + counts.sources.unnamed],
    ['named', 'Named', counts.sources.named], ['unnamed', 'Unnamed', counts.sources.unnamed]];
  const sourceSwitch = h('div', { class: 'ss-segmented', role: 'group', 'aria-label': 'Sources' },
    sourceOptions.map(([value, label, n]) => h('button', {
      type: 'button', class: 'ss-segment', 'aria-pressed': String(sources === value),
      dataset: { source: value ?? 'all', focusKey: `source:${value ?? 'all'}` },
      onclick: (e) => refocusAfter(e, `source:${value ?? 'all'}`, () => actions.setFilters({ sources: value })),
    }, label, h('span', { class: 'ss-count', text: String(n) }))));

  const names = Object.keys(counts.speakers);
  for (const name of active) if (!names.includes(name)) names.push(name);
  names.sort((a, b) => (counts.speakers[b] ?? 0) - (counts.speakers[a] ?? 0) || a.localeCompare(b));
  const listed = ui.allSpeakers ? names : names.filter((n, i) => i < QUOTE_SPEAKERS_SHOWN || active.includes(n));
  const toggle = (name) => active.includes(name) ? active.filter((n) => n !== name) : [...active, name];
  const speakerList = h('ul', { class: 'ss-facet-list', 'aria-label': 'Speakers' }, listed.map((name) => {
    const on = active.includes(name);
    return h('li', null, h('button', {
      type: 'button', class: 'ss-facet', 'aria-pressed': String(on), dataset: { speaker: name, focusKey: `speaker:${name}` },
      onclick: (e) => refocusAfter(e, `speaker:${name}`, () => actions.setFilters({ speakers: toggle(name) })),
    }, h('span', { class: 'ss-facet-check', 'aria-hidden': 'true', text: on ? '✓' : '+' }),
    h('span', { class: 'ss-facet-name', text: name }),
    h('span', { class: 'ss-count', text: String(counts.speakers[name] ?? 0) })));
  }));
  const more = names.length > listed.length || ui.allSpeakers && names.length > QUOTE_SPEAKERS_SHOWN
    ? h('button', {
      type: 'button', class: 'ss-link', dataset: { focusKey: 'speakers:more' },
      onclick: (e) => refocusAfter(e, 'speakers:more', () => { ui.allSpeakers = !ui.allSpeakers; actions.setFilters({}); }),
      text: ui.allSpeakers ? 'Show fewer speakers' : `Show all ${names.length} speakers`,
    })
    : null;

  return h('div', { class: 'ss-quote-facets' },
    h('div', { class: 'ss-facet-row' }, h('span', { class: 'ss-facet-label', text: 'Sources' }), sourceSwitch),
    names.length ? h('div', { class: 'ss-facet-row' },
      h('span', { class: 'ss-facet-label', text: 'Speakers' }), speakerList, more,
      active.length ? h('button', { type: 'button', class: 'ss-link', onclick: () => actions.setFilters({ speakers: [] }), text: 'Clear speakers' }) : null) : null);
}

/**
 * Quotes as cards, consecutive dialogue lines of one article grouped as a transcript, the first
 * QUOTE_BATCH shown with a "Show more" (a batch never splits a transcript). `scope` keeps
 * element ids unique; `listKey` names the list's remembered length (see batchedList).
 */
function quoteList(ctx, quotes, scope, listKey = scope) {
  const position = ctx.model.positions.quotes;
  // Quote i goes on the transcript of quote i - 1: both dialogue lines of one article, with no other quote between them.
  const continues = (i) => {
    const [previous, q] = [quotes[i - 1], quotes[i]];
    return i > 0 && q.kind === 'dialogue' && previous.kind === 'dialogue' && previous.doc === q.doc
      && position.get(q.id) === position.get(previous.id) + 1;
  };
  const render = (from, to) => {
    const cards = [];
    for (let i = from; i < to;) {
      let end = i + 1;
      while (end < to && continues(end)) end += 1;
      cards.push(end - i > 1 ? quoteTranscript(ctx, quotes.slice(i, end), scope) : quoteCard(ctx, quotes[i], scope));
      i = end;
    }
    return cards;
  };
  const cut = (n) => {
    while (n < quotes.length && continues(n)) n += 1;
    return n;
  };
  const list = h('ol', { class: 'ss-cards' });
  const more = batchedList(ctx, { key: `quotes:${listKey}`, list, items: quotes, batch: QUOTE_BATCH, noun: 'quotes', render, cut });
  return [list, more];
}

/** "Links to linkage, 3 Mar 2009": opens the reader with the quote highlighted. */
function quoteSourceButton({ model, actions }, q) {
  const doc = model.docsById.get(q.doc);
  return h('button', {
    type: 'button', class: 'ss-link ss-quote-source', title: 'Open the article at this quote',
    onclick: () => actions.openDocument(q.doc, { start: q.start, end: q.end }),
  }, h('span', { class: 'ss-quote-doc', text: doc?.title || q.doc }), ', ',
  h('time', { datetime: doc?.published ?? null, text: formatDate(doc?.published) }));
}

/** Who said it: a named speaker links to their page; an unnamed source says so in words. */
function quoteSpeaker({ model, actions }, q) {
  const kind = quoteSourceKind(q);
  if (kind === 'none') {
    return q.kind === 'scare'
      ? h('p', { class: 'ss-quote-who ss-quote-who-none', text: 'The writer’s words in quotation marks' })
      : h('p', { class: 'ss-quote-who ss-quote-who-none', text: 'Speaker not identified' });
  }
  const entity = kind === 'named' ? model.entitiesById.get(q.speaker_id) : null;
  return h('p', { class: 'ss-quote-who' },
    entity
      ? h('button', {
        type: 'button', class: 'ss-speaker ss-link-quiet', title: `About ${entity.name}`,
        onclick: (e) => refocusAfter(e, 'entity:title', () => actions.openEntity(entity.id)), text: q.speaker,
      })
      : h('span', { class: 'ss-speaker', text: q.speaker }),
    kind === 'unnamed' ? h('span', { class: 'ss-badge ss-badge-unnamed', text: 'Unnamed source' }) : null);
}

function quoteCard(ctx, q, scope) {
  const ui = quoteUi(ctx.state);
  const open = () => ctx.actions.openDocument(q.doc, { start: q.start, end: q.end });
  return h('li', { class: `ss-card ss-quote ss-kind-${q.kind}`, dataset: { quote: q.id, source: quoteSourceKind(q) } },
    q.kind === 'scare' ? null : quoteSpeaker(ctx, q),
    // A mouse click on the words opens the article too; keyboard users have the source button.
    h('blockquote', { class: 'ss-quote-text', onclick: open }, q.kind === 'scare' ? h('span', { class: 'ss-scare-words', text: q.text }) : q.text),
    h('p', { class: 'ss-quote-meta' },
      h('span', { class: `ss-badge ss-badge-${q.kind}`, text: QUOTE_KIND_LABELS[q.kind] ?? q.kind }),
      quoteSourceButton(ctx, q)),
    quoteExpander(ctx, [q], `${scope}-${q.id}`, ui));
}

function quoteTranscript(ctx, lines, scope) {
  const ui = quoteUi(ctx.state);
  const first = lines[0];
  return h('li', { class: 'ss-card ss-transcript', dataset: { quote: first.id } },
    h('p', { class: 'ss-quote-meta' },
      h('span', { class: 'ss-badge ss-badge-dialogue', text: `Transcript · ${lines.length} lines` }),
      quoteSourceButton(ctx, first)),
    h('ol', { class: 'ss-transcript-lines' }, lines.map((q) => h('li', { dataset: { quote: q.id } },
      h('button', {
        type: 'button', class: 'ss-transcript-line', title: 'Open the article at this line',
        onclick: () => ctx.actions.openDocument(q.doc, { start: q.start, end: q.end }),
      },
      h('span', { class: 'ss-transcript-speaker', text: `${q.speaker ?? 'Unidentified'}:` }), ' ',
      h('span', { class: 'ss-transcript-words', text: q.text }))))),
    quoteExpander(ctx, lines, `${scope}-${first.id}`, ui));
}

/** The "Show context" button and the passage it shows, built when first opened. */
function quoteExpander(ctx, quotes, key, ui) {
  const id = `ss-ctx-${key}`;
  const region = h('div', { class: 'ss-quote-context', id, hidden: true });
  const button = h('button', { type: 'button', class: 'ss-expander', 'aria-expanded': 'false', 'aria-controls': id, dataset: { focusKey: `expand:${key}` } });
  const set = (open) => {
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '▾ Hide context' : '▸ Show context';
    region.hidden = !open;
    if (open && !region.firstChild) region.append(...[quoteContext(ctx.model, quotes)].flat());
    if (open) ui.expanded.add(key); else ui.expanded.delete(key);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  set(ui.expanded.has(key));
  return [button, region];
}

const quoteTextCache = new WeakMap();
function quoteDocCodePoints(doc) {
  if (!quoteTextCache.has(doc)) quoteTextCache.set(doc, codePoints(doc.text));
  return quoteTextCache.get(doc);
}

/** The paragraph(s) around the quotes, cut to the surrounding sentences when long, quotes and speakers marked. */
function quoteContext(model, quotes) {
  const doc = model.docsById.get(quotes[0].doc);
  if (!doc) return h('p', { class: 'ss-note', text: 'The article is not loaded.' });
  const cps = quoteDocCodePoints(doc);
  const first = quotes[0];
  const last = quotes[quotes.length - 1];
  const paragraphs = doc.paragraphs.filter((p) => p.end > first.start && p.start < last.end);
  const ranges = [];
  for (const q of quotes) {
    ranges.push({ start: q.start, end: q.end, quote: true });
    if (q.kind !== 'scare' && q.speaker_span) ranges.push({ start: q.speaker_span.start, end: q.speaker_span.end, quote: false });
  }
  const markProps = (r) => ({ class: r.quote ? 'ss-context-quote' : 'ss-context-speaker' });
  const passage = paragraphs.map((p) => {
    let { start, end } = p;
    if (end - start > QUOTE_CONTEXT_MAX) [start, end] = quoteSentenceWindow(cps, p, Math.max(p.start, first.start), Math.min(p.end, last.end));
    return h('p', null, start > p.start ? '… ' : null, highlighted(cps, start, end, ranges, markProps), end < p.end ? ' …' : null);
  });
  return [h('p', { class: 'ss-context-label', text: `In “${doc.title || doc.id}”` }), ...passage];
}

/** The sentence(s) of the paragraph p holding [from, to), with one sentence either side. */
function quoteSentenceWindow(cps, p, from, to) {
  const isEnd = (i) => /[.!?]/.test(cps[i]) && /\s/.test(cps[i + 1] ?? ' ');
  let start = from;
  for (let seen = 0; start > p.start; start--) {
    if (isEnd(start - 1) && ++seen === 2) break;
  }
  let end = to;
  for (let seen = 0; end < p.end; end++) {
    if (isEnd(end - 1) && ++seen === 2) break;
  }
  while (start < end && /\s/.test(cps[start])) start++;
  return [start, end];
}
