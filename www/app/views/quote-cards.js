// Quote cards, shared by the quote wall and the entity page: one card per quote (speaker,
// words, article and date, kind), consecutive dialogue lines of one article as one transcript,
// scare quotes apart and never with a speaker, unnamed sources marked, and "Show context" for
// the passage around a quote (its text asked of the core when first opened). Lists come in
// batches (batches.js).

import { batchedList } from '../batches.js';
import { codePoints, h, highlighted } from '../dom.js';
import { formatDate } from '../format.js';

const KIND_LABELS = { direct: 'Direct quote', partial: 'Partial quote', dialogue: 'Dialogue', scare: 'Scare quote' };
/** Quote cards shown at first in a list, and added by each "Show more". */
const QUOTE_BATCH = 100;
/** Passages longer than this (code points) are cut down to the sentences around the quote. */
const CONTEXT_MAX = 600;

/** Named: the speaker is a known person or organization; unnamed: a described source ("a senior official"). */
function sourceKind(q) {
  if (q.kind === 'scare' || !q.speaker) return 'none';
  return q.speaker_id ? 'named' : 'unnamed';
}

/**
 * Quotes as cards, consecutive dialogue lines of one article grouped as a transcript, the first
 * QUOTE_BATCH shown with a "Show more" (a batch never splits a transcript). `scope` keeps
 * element ids unique; `listKey` names the list's remembered length (see batchedList).
 */
export function quoteList(ctx, quotes, scope, listKey = scope) {
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
      cards.push(end - i > 1 ? transcript(ctx, quotes.slice(i, end), scope) : card(ctx, quotes[i], scope));
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
function sourceButton({ model, actions }, q) {
  const doc = model.docsById.get(q.doc);
  return h('button', {
    type: 'button', class: 'ss-link ss-quote-source', title: 'Open the article at this quote',
    onclick: () => actions.openDocument(q.doc, { start: q.start, end: q.end }),
  }, h('span', { class: 'ss-quote-doc', dir: 'auto', text: doc?.title || q.doc }), ', ',
  h('time', { datetime: doc?.published ?? null, text: formatDate(doc?.published) }));
}

/** Who said it: a named speaker links to their page; an unnamed source says so in words. */
function speaker({ model, actions }, q) {
  const kind = sourceKind(q);
  if (kind === 'none') {
    return h('p', { class: 'ss-quote-who ss-quote-who-none', text: q.kind === 'scare' ? 'The writer’s words in quotation marks' : 'Speaker not identified' });
  }
  const entity = kind === 'named' ? model.entitiesById.get(q.speaker_id) : null;
  return h('p', { class: 'ss-quote-who' },
    entity
      ? h('button', { type: 'button', class: 'ss-speaker ss-link-quiet', title: `About ${entity.name}`, onclick: () => actions.openEntity(entity.id), dir: 'auto', text: q.speaker })
      : h('span', { class: 'ss-speaker', dir: 'auto', text: q.speaker }),
    kind === 'unnamed' ? h('span', { class: 'ss-badge ss-badge-unnamed', text: 'Unnamed source' }) : null);
}

function card(ctx, q, scope) {
  const open = () => ctx.actions.openDocument(q.doc, { start: q.start, end: q.end });
  return h('li', { class: `ss-card ss-quote ss-kind-${q.kind}`, dataset: { quote: q.id, source: sourceKind(q) } },
    q.kind === 'scare' ? null : speaker(ctx, q),
    // A mouse click on the words opens the article too; keyboard users have the source button.
    h('blockquote', { class: 'ss-quote-text', dir: 'auto', onclick: open }, q.kind === 'scare' ? h('span', { class: 'ss-scare-words', text: q.text }) : q.text),
    h('p', { class: 'ss-quote-meta' },
      h('span', { class: `ss-badge ss-badge-${q.kind}`, text: KIND_LABELS[q.kind] ?? q.kind }),
      sourceButton(ctx, q)),
    expander(ctx, [q], `${scope}-${q.id}`));
}

function transcript(ctx, lines, scope) {
  const first = lines[0];
  return h('li', { class: 'ss-card ss-transcript', dataset: { quote: first.id } },
    h('p', { class: 'ss-quote-meta' },
      h('span', { class: 'ss-badge ss-badge-dialogue', text: `Transcript · ${lines.length} lines` }),
      sourceButton(ctx, first)),
    h('ol', { class: 'ss-transcript-lines' }, lines.map((q) => h('li', { dataset: { quote: q.id } },
      h('button', {
        type: 'button', class: 'ss-transcript-line', title: 'Open the article at this line',
        onclick: () => ctx.actions.openDocument(q.doc, { start: q.start, end: q.end }),
      },
      h('span', { class: 'ss-transcript-speaker', dir: 'auto', text: `${q.speaker ?? 'Unidentified'}:` }), ' ',
      h('span', { class: 'ss-transcript-words', dir: 'auto', text: q.text }))))),
    expander(ctx, lines, `${scope}-${first.id}`));
}

/** The "Show context" button and the passage it shows, built when first opened. */
function expander(ctx, quotes, key) {
  const expanded = ctx.ui.expanded;
  const id = `ss-ctx-${key}`;
  const region = h('div', { class: 'ss-quote-context', id, hidden: true });
  const button = h('button', { type: 'button', class: 'ss-expander', 'aria-expanded': 'false', 'aria-controls': id, dataset: { focusKey: `expand:${key}` } });
  const set = (open) => {
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '▾ Hide context' : '▸ Show context';
    region.hidden = !open;
    if (open && !region.firstChild) fillContext(ctx, quotes, region);
    if (open) expanded.add(key); else expanded.delete(key);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  set(expanded.has(key));
  return [button, region];
}

const textCache = new WeakMap();
function bodyCodePoints(body) {
  if (!textCache.has(body)) textCache.set(body, codePoints(body.text));
  return textCache.get(body);
}

/** Shows the passage around the quotes in `region` once the core has sent the article's text. */
async function fillContext(ctx, quotes, region) {
  const waiting = h('p', { class: 'ss-note', text: 'Loading the passage…' });
  region.append(waiting);
  let passage;
  try {
    const doc = ctx.model.docsById.get(quotes[0].doc);
    passage = doc ? context(doc, await ctx.document(doc.id), quotes) : h('p', { class: 'ss-note', text: 'The article is not loaded.' });
  } catch (error) {
    passage = h('p', { class: 'ss-note', text: `The passage could not be shown: ${error.message}` });
  }
  region.replaceChildren(...[passage].flat());
}

/** The paragraph(s) around the quotes, cut to the surrounding sentences when long, quotes and speakers marked. */
function context(doc, body, quotes) {
  const cps = bodyCodePoints(body);
  const first = quotes[0];
  const last = quotes[quotes.length - 1];
  const paragraphs = body.paragraphs.filter((p) => p.end > first.start && p.start < last.end);
  const ranges = [];
  for (const q of quotes) {
    ranges.push({ start: q.start, end: q.end, quote: true });
    if (q.kind !== 'scare' && q.speaker_span) ranges.push({ start: q.speaker_span.start, end: q.speaker_span.end, quote: false });
  }
  const markProps = (r) => ({ class: r.quote ? 'ss-context-quote' : 'ss-context-speaker' });
  const passage = paragraphs.map((p) => {
    let { start, end } = p;
    if (end - start > CONTEXT_MAX) [start, end] = sentenceWindow(cps, p, Math.max(p.start, first.start), Math.min(p.end, last.end));
    return h('p', { dir: 'auto' }, start > p.start ? '… ' : null, highlighted(cps, start, end, ranges, markProps), end < p.end ? ' …' : null);
  });
  return [h('p', { class: 'ss-context-label', text: `In “${doc.title || doc.id}”` }), ...passage];
}

/** The sentence(s) of the paragraph p holding [from, to), with one sentence either side. */
function sentenceWindow(cps, p, from, to) {
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
