// The quote wall: every quote that passes the filters, as cards (quote-cards.js), with two
// facets through the shared filters: the speakers and the sources (named, unnamed, or scare
// quotes), each value with the core's count (counted under every filter but its own).

import { h } from '../dom.js';
import { formatCount } from '../format.js';
import { visibleItems } from '../selection.js';
import { anyFilter } from '../store.js';
import { clearFiltersButton } from './empty.js';
import { quoteList } from './quote-cards.js';

/** Speakers listed before "Show more speakers"; fewer than SPEAKERS_SLACK more are just shown. */
const SPEAKERS_SHOWN = 8;
const SPEAKERS_SLACK = 3;

export const quotesView = {
  render(ctx) {
    const { model, state } = ctx;
    const shown = visibleItems(model.quotes, ctx.visible.quotes);
    const { speakers, sources, ...others } = state.filters;
    const quoteFilters = speakers.length > 0 || Boolean(sources);
    // The way out of an empty wall clears what emptied it: the quote facets when only they are
    // set, else every filter (a search left on would keep the wall empty). The focus goes to
    // the heading, as the button goes away.
    const otherFilters = anyFilter(others);
    const [n, total] = [formatCount(shown.length), formatCount(model.quotes.length)];
    const title = shown.length === model.quotes.length ? `Quotes (${n})` : `Quotes (${n} of ${total})`;
    return h('section', { class: 'ss-view ss-quote-wall', 'aria-labelledby': 'ss-quotes-title' },
      h('h2', { id: 'ss-quotes-title', class: 'ss-heading', tabindex: '-1', dataset: { focusKey: 'view' }, text: title }),
      model.quotes.length ? facets(ctx) : null,
      shown.length
        ? quoteList(ctx, shown, 'wall')
        : h('p', { class: 'ss-empty', role: 'status' },
          model.quotes.length ? 'No quote passes these filters. ' : 'No quotes found in these articles.',
          !model.quotes.length || !(quoteFilters || otherFilters) ? null : !otherFilters
            ? h('button', { type: 'button', class: 'ss-link', onclick: () => ctx.actions.setFilters({ speakers: [], sources: null }, 'view'), text: 'Show all quotes' })
            : clearFiltersButton(ctx.actions)));
  },
};

/** The source switch (all / named / unnamed) and the speaker list, each value with its count. */
function facets(ctx) {
  const { state, actions, ui } = ctx;
  const counts = { speakers: ctx.facets.speakers ?? {}, sources: ctx.facets.sources ?? { named: 0, unnamed: 0, scare: 0, all: 0 } };
  const { speakers: active, sources } = state.filters;

  // The core's counts part the quotes: "All" is the sum of the other three (a scare quote is
  // nobody's words, neither a named nor an unnamed source).
  const sourceOptions = [[null, 'All', counts.sources.all], ['named', 'Named', counts.sources.named],
    ['unnamed', 'Unnamed', counts.sources.unnamed], ['scare', 'Scare quotes', counts.sources.scare]];
  const sourceSwitch = h('div', { class: 'ss-segmented', role: 'group', 'aria-label': 'Sources' },
    sourceOptions.map(([value, label, n]) => h('button', {
      type: 'button', class: 'ss-segment', 'aria-pressed': String(sources === value),
      dataset: { source: value ?? 'all', focusKey: `source:${value ?? 'all'}` },
      onclick: () => actions.setFilters({ sources: value }),
    }, label, h('span', { class: 'ss-count', text: formatCount(n) }))));

  const names = Object.keys(counts.speakers);
  for (const name of active) if (!names.includes(name)) names.push(name);
  names.sort((a, b) => (counts.speakers[b] ?? 0) - (counts.speakers[a] ?? 0) || a.localeCompare(b));
  const cut = names.length - SPEAKERS_SHOWN >= SPEAKERS_SLACK;
  const listed = ui.allSpeakers || !cut ? names : names.filter((n, i) => i < SPEAKERS_SHOWN || active.includes(n));
  const toggle = (name) => active.includes(name) ? active.filter((n) => n !== name) : [...active, name];
  const speakerList = h('ul', { class: 'ss-facet-list', 'aria-label': 'Speakers' }, listed.map((name) => {
    const on = active.includes(name);
    return h('li', null, h('button', {
      type: 'button', class: 'ss-facet', 'aria-pressed': String(on), dataset: { speaker: name, focusKey: `speaker:${name}` },
      onclick: () => actions.setFilters({ speakers: toggle(name) }),
    }, h('span', { class: 'ss-facet-check', 'aria-hidden': 'true', text: on ? '✓' : '+' }),
    h('span', { class: 'ss-facet-name', dir: 'auto', text: name }),
    h('span', { class: 'ss-count', text: formatCount(counts.speakers[name] ?? 0) })));
  }));
  const hidden = names.length - listed.length;
  const more = cut && (hidden > 0 || ui.allSpeakers)
    ? h('button', {
      type: 'button', class: 'ss-link', dataset: { focusKey: 'speakers:more' },
      onclick: () => { ui.allSpeakers = !ui.allSpeakers; actions.rerender(); },
      text: ui.allSpeakers ? 'Show fewer speakers' : `Show ${formatCount(hidden)} more speakers`,
    })
    : null;

  return h('div', { class: 'ss-quote-facets' },
    h('div', { class: 'ss-facet-row' }, h('span', { class: 'ss-facet-label', text: 'Sources' }), sourceSwitch),
    names.length ? h('div', { class: 'ss-facet-row' },
      h('span', { class: 'ss-facet-label', text: 'Speakers' }), speakerList, more,
      active.length ? h('button', { type: 'button', class: 'ss-link', onclick: () => actions.setFilters({ speakers: [] }), text: 'Clear speakers' }) : null) : null);
}
